// Reader: invalid UTF-8, BOM, CRLF, empty and binary files, input listing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractor/reader.h"

namespace fs = std::filesystem;

namespace {

fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("kgx-reader-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("invalid UTF-8 is replaced and reported with line and byte offset", "[reader]") {
  std::vector<kgx::Warning> warnings;
  const auto source = kgx::CleanSource("notes.txt", "ok\nbad \xff here\n\xe3\x81 end", warnings);
  CHECK(source.text == "ok\nbad \xEF\xBF\xBD here\n\xEF\xBF\xBD end");
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].ToString() == "notes.txt:2: warning: invalid UTF-8 at byte offset 7, replaced by U+FFFD");
  CHECK(warnings[1].where.line == 3);
  // Offsets after a replacement still point into the file: "here" is at file byte 9.
  CHECK(source.FileOffset(source.text.find("here")) == 9);
  CHECK(source.FileOffset(source.text.find("end")) == 17);
}

TEST_CASE("surrogates, overlongs and cut sequences after long ASCII runs are replaced on the right line", "[reader]") {
  std::vector<kgx::Warning> warnings;
  const auto source = kgx::CleanSource(
      "notes.txt", "0123456789abcdef\nline two is long enough \xED\xA0\x80 x\n\xE0\x80 \xF0\x9F\x98\x80 日本 \xE3\x81",
      warnings);
  const std::string r = "\xEF\xBF\xBD";
  CHECK(source.text == "0123456789abcdef\nline two is long enough " + r + r + r + " x\n" + r + " \xF0\x9F\x98\x80 日本 " + r);
  REQUIRE(warnings.size() == 5);
  CHECK(warnings[0].ToString() == "notes.txt:2: warning: invalid UTF-8 at byte offset 41, replaced by U+FFFD");
  CHECK(warnings[2].where.line == 2);
  CHECK(warnings[3].where.line == 3);
  CHECK(warnings[4].where.line == 3);
}

TEST_CASE("a BOM is removed and offsets still count it", "[reader]") {
  std::vector<kgx::Warning> warnings;
  const auto source = kgx::CleanSource("bom.txt", "\xEF\xBB\xBFS3\r\nEC2", warnings);
  CHECK(warnings.empty());
  CHECK(source.text == "S3\r\nEC2");
  CHECK(source.FileOffset(0) == 3);
  CHECK(source.FileOffset(source.text.find("EC2")) == 7);
}

TEST_CASE("empty, binary and missing files are skipped with a warning naming them", "[reader]") {
  const fs::path dir = TempDir("skip");
  Write(dir / "empty.txt", "");
  Write(dir / "binary.txt", std::string("abc\ndef\0ghi", 11));
  std::vector<kgx::Warning> warnings;
  CHECK_FALSE(kgx::ReadSource((dir / "empty.txt").string(), warnings));
  CHECK_FALSE(kgx::ReadSource((dir / "binary.txt").string(), warnings));
  CHECK_FALSE(kgx::ReadSource((dir / "missing.txt").string(), warnings));
  CHECK_FALSE(kgx::ReadSource(dir.string(), warnings));
  REQUIRE(warnings.size() == 4);
  CHECK(warnings[0].ToString() == (dir / "empty.txt").string() + ": warning: empty file; skipped");
  CHECK(warnings[1].ToString() == (dir / "binary.txt").string() + ":2: warning: binary file (NUL byte at offset 7); skipped");
  CHECK(warnings[2].message.find("cannot open") == 0);
  CHECK(warnings[3].message == "is a folder, not a file; skipped");
  fs::remove_all(dir);
}

TEST_CASE("folders are listed recursively, sorted, *.txt, *.md and *.org only, hidden entries skipped", "[reader]") {
  const fs::path dir = TempDir("list");
  fs::create_directories(dir / "b" / "c");
  fs::create_directories(dir / ".git");
  Write(dir / "b" / "c" / "z.md", "x");
  Write(dir / "a.txt", "x");
  Write(dir / "image.png", "x");
  Write(dir / "b" / "kubecon.ORG", "x");  // an Emacs org note, any case
  Write(dir / "b" / "init.el", "x");
  Write(dir / ".git" / "HEAD.txt", "x");
  fs::create_directory_symlink(dir, dir / "b" / "loop");
  std::vector<kgx::Warning> warnings;
  const auto files = kgx::ListInputFiles({dir.string(), (dir / "a.txt").string(), (dir / "nope").string()}, warnings);
  REQUIRE(files.size() == 3);
  CHECK(files[0] == (dir / "a.txt").string());
  CHECK(files[1] == (dir / "b" / "c" / "z.md").string());
  CHECK(files[2] == (dir / "b" / "kubecon.ORG").string());
  bool named_missing = false;
  for (const auto& w : warnings) named_missing |= w.ToString() == (dir / "nope").string() + ": warning: no such file or folder";
  CHECK(named_missing);
  fs::remove_all(dir);
}

TEST_CASE("a file read from disk has the text, shifts and warnings CleanSource gives its bytes", "[reader]") {
  // A clean file's bytes become its text as they are (taken, not copied); a byte order mark or an
  // invalid sequence makes a new text. Japanese and English, each way.
  const fs::path dir = TempDir("read");
  const std::vector<std::string> files = {"Aurora は東京リージョンで稼働。\nS3 and EC2.\n", "\xEF\xBB\xBF東京 S3\r\nEC2",
                                          "ok\nbad \xff here\n\xe3\x81 end", std::string(5000, 'a') + "\xC0\x80日本"};
  for (std::size_t k = 0; k < files.size(); ++k) {
    const fs::path path = dir / ("note" + std::to_string(k) + ".txt");
    Write(path, files[k]);
    std::vector<kgx::Warning> read_warnings, clean_warnings;
    const auto read = kgx::ReadSource(path.string(), read_warnings);
    const auto cleaned = kgx::CleanSource(path.string(), files[k], clean_warnings);
    REQUIRE(read);
    INFO(k);
    CHECK(read->text == cleaned.text);
    if (k == 0) CHECK(read->text == files[0]);
    CHECK(read->shifts.size() == cleaned.shifts.size());
    CHECK(read_warnings.size() == clean_warnings.size());
    for (std::size_t at = 0; at <= cleaned.text.size(); at += 7) CHECK(read->FileOffset(at) == cleaned.FileOffset(at));
  }
  fs::remove_all(dir);
}
