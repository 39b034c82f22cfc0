// SpoolFile: what is appended, in small pieces or in runs large enough to bypass its buffer,
// comes back whole and in order.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "exporters/spool_file.h"

TEST_CASE("a spool file gives back small and large appends in the order they came", "[jsonl]") {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "kgx-spool-test";
  std::filesystem::create_directories(folder);
  kgx::SpoolFile spool;
  REQUIRE(spool.Open(folder.string()).ok());
  std::string expected;
  const auto append = [&](const std::string& bytes) {
    spool.Append(bytes);
    expected += bytes;
  };
  append("small \"\x01\xff 日本語\n");
  append(std::string(200 << 10, 'a'));  // larger than a run copied into the buffer
  append("between\n");
  for (int i = 0; i < 20; ++i) append(std::string(60 << 10, static_cast<char>('b' + i)));  // fills the buffer
  append(std::string(2 << 20, 'z'));  // larger than the buffer
  append("end");
  CHECK(spool.size() == expected.size());
  std::ostringstream out;
  REQUIRE(spool.CopyTo(out).ok());
  CHECK(out.str() == expected);
  std::filesystem::remove_all(folder);
}

namespace {

// A sink whose AppendFile takes only the first `take` bytes (into its own record of them), as a
// kernel copy that stops part way would; the spool must write the rest through the stream.
class PartialSink final : public kgx::FileSink {
 public:
  explicit PartialSink(std::size_t take) : take_(take) {}
  std::ostream& Begin(const std::string&) override { return stream_; }
  std::size_t AppendFile(int fd, std::size_t offset, std::size_t length) override {
    std::string bytes(std::min(take_, length), '\0');
    const ssize_t got = ::pread(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    REQUIRE(got == static_cast<ssize_t>(bytes.size()));
    stream_ << bytes;
    return bytes.size();
  }
  std::string str() const { return stream_.str(); }

 private:
  std::size_t take_;
  std::ostringstream stream_;
};

}  // namespace

TEST_CASE("a spool file copied through a sink that appends part of it gives back the rest", "[jsonl]") {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "kgx-spool-test-partial";
  std::filesystem::create_directories(folder);
  std::string expected;
  for (int i = 0; i < 3000; ++i) expected += "record " + std::to_string(i) + " 日本語 \"quoted\"\n";
  for (const std::size_t take : {std::size_t{0}, std::size_t{1}, std::size_t{4096}, expected.size() - 1, expected.size()}) {
    kgx::SpoolFile spool;
    REQUIRE(spool.Open(folder.string()).ok());
    spool.Append(expected);
    PartialSink sink(take);
    std::ostream& out = sink.Begin("graph.jsonl");
    out << "head\n";
    REQUIRE(spool.CopyTo(out, &sink).ok());
    INFO(take);
    CHECK(sink.str() == "head\n" + expected);
  }
  std::filesystem::remove_all(folder);
}
