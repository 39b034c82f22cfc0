// SpoolFile: what is appended, in small pieces or in runs large enough to bypass its buffer,
// comes back whole and in order.
#include <catch2/catch.hpp>

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
