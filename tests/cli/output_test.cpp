// AtomicFileSink::AppendFile: bytes of another file appended by the kernel land after what the
// stream wrote, and what the stream writes afterwards lands after them.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/output.h"

TEST_CASE("AtomicFileSink appends another file's bytes between what its stream writes", "[cli]") {
  namespace fs = std::filesystem;
  const fs::path folder = fs::temp_directory_path() / ("kgx-output-test-" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  std::string source;
  for (int i = 0; i < 50000; ++i) source += "{\"kind\":\"mention\",\"n\":" + std::to_string(i) + ",\"text\":\"日本語\"}\n";
  const fs::path source_path = folder / "source";
  std::ofstream(source_path, std::ios::binary) << source;
  const int fd = ::open(source_path.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  {
    kgx::AtomicFileSink sink((folder / "out").string());
    std::ostream& out = sink.Begin("graph.jsonl");
    out << "head\n";
    const std::size_t appended = sink.AppendFile(fd, 7, source.size() - 7);
    // A kernel without copy_file_range for these files appends less; the caller writes the rest.
    out << source.substr(7 + appended) << "tail\n";
    REQUIRE(sink.Commit().ok());
  }
  ::close(fd);
  std::ifstream in(folder / "out" / "graph.jsonl", std::ios::binary);
  std::stringstream written;
  written << in.rdbuf();
  CHECK(written.str() == "head\n" + source.substr(7) + "tail\n");
  fs::remove_all(folder);
}
