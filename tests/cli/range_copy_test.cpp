// CopyFileRange: a kernel copy in chunks gives the bytes asked, at the place asked, for copies of
// one chunk and of several; what cannot be copied is cut off.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/range_copy.h"

namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A folder of its own, removed at the end.
struct Folder {
  fs::path path = fs::temp_directory_path() / ("kgx-range-copy-test-" + std::to_string(::getpid()));
  Folder() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() { fs::remove_all(path); }
};

// Lines of records in both scripts, about `bytes` long, each line different.
std::string Records(std::size_t bytes) {
  std::string text;
  for (std::size_t i = 0; text.size() < bytes; ++i) {
    text += "{\"kind\":\"mention\",\"n\":" + std::to_string(i) + ",\"text\":\"東京 Tokyo 日本語\"}\n";
  }
  return text;
}

// Copies [from, from + length) of `source` after `head` in a new file; returns the count
// CopyFileRange gave and the file's bytes.
std::pair<std::size_t, std::string> CopyAfter(const Folder& folder, const std::string& source, const std::string& head,
                                              std::size_t from, std::size_t length) {
  const fs::path source_path = folder.path / "source";
  const fs::path out_path = folder.path / "out";
  std::ofstream(source_path, std::ios::binary) << source;
  std::ofstream(out_path, std::ios::binary) << head;
  const int in = ::open(source_path.c_str(), O_RDONLY | O_CLOEXEC);
  const int out = ::open(out_path.c_str(), O_WRONLY | O_CLOEXEC);
  REQUIRE(in >= 0);
  REQUIRE(out >= 0);
  const std::size_t copied = kgx::CopyFileRange(in, from, out, head.size(), length);
  ::close(in);
  ::close(out);
  return {copied, ReadAll(out_path)};
}

}  // namespace

TEST_CASE("CopyFileRange copies a range of several chunks in place", "[cli]") {
  Folder folder;
  const std::string source = Records(std::size_t{29} << 20);  // four 8 MB chunks, the last short
  const std::size_t from = 7, length = source.size() - 7 - 5;
  const auto [copied, written] = CopyAfter(folder, source, "head\n", from, length);
  // A kernel without copy_file_range for these files copies nothing (the caller writes it).
  if (copied != 0) {
    CHECK(copied == length);
    CHECK(written == "head\n" + source.substr(from, length));
  }
}

TEST_CASE("CopyFileRange copies a short range (one chunk, one part) in place", "[cli]") {
  Folder folder;
  const std::string source = "ヘッダーは写さない\n{\"id\":\"D1\",\"title\":\"Kubernetes 移行\"}\n";
  const std::size_t from = std::string("ヘッダーは写さない\n").size();
  const auto [copied, written] = CopyAfter(folder, source, "{\"kind\":\"document\"}\n", from, source.size() - from);
  if (copied != 0) CHECK(written == "{\"kind\":\"document\"}\n" + source.substr(from));
  const auto [none, unchanged] = CopyAfter(folder, source, "head\n", 0, 0);
  CHECK(none == 0);
  CHECK(unchanged == "head\n");
}

TEST_CASE("CopyFileRange counts only what it copied and cuts off the rest", "[cli]") {
  Folder folder;
  // The source ends inside the third chunk of a 30 MB range: the count is the source's bytes,
  // after the head.
  const std::string source = Records(std::size_t{20} << 20);
  const auto [copied, written] = CopyAfter(folder, source, "head\n", 0, std::size_t{30} << 20);
  if (copied != 0) {
    CHECK(copied == source.size());
    CHECK(written == "head\n" + source);
  }
  // Nothing to copy from: nothing is appended, and the head stays.
  const fs::path out_path = folder.path / "bad-source";
  std::ofstream(out_path, std::ios::binary) << "head\n";
  const int out = ::open(out_path.c_str(), O_WRONLY | O_CLOEXEC);
  REQUIRE(out >= 0);
  CHECK(kgx::CopyFileRange(-1, 0, out, 5, 1000) == 0);
  ::close(out);
  CHECK(ReadAll(out_path) == "head\n");
}
