// The reader's run of common characters (ASCII eight bytes at a time, two- and three-byte
// characters with one test of their continuation bytes) cleans a text as reading it one
// character at a time with DecodeUtf8 does, over random mixes of valid and broken UTF-8.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "extractor/reader.h"
#include "extractor/text_util.h"

namespace {

// Replaces each ill-formed sequence by U+FFFD, one character at a time.
std::string PlainClean(std::string_view bytes, std::size_t& bad) {
  std::string out;
  std::size_t i = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < bytes.size()) {
    std::size_t length = 0;
    const char32_t cp = kgx::DecodeUtf8(bytes, i, length);
    const bool literal = cp == 0xFFFD && length == 3 && bytes.compare(i, 3, "\xEF\xBF\xBD") == 0;
    if (cp == 0xFFFD && !literal) {
      out += "\xEF\xBF\xBD";
      ++bad;
    } else {
      out.append(bytes.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string RandomBytes(std::mt19937& rng, int pieces) {
  static const char* const kPieces[] = {
      "a", "AWS ", "\n", "\r\n", "        ", "é", "ß", "\xDF\xBF", "日本", "オーロラ", "\xE0\xA0\x80", "\xED\x9F\xBF",
      "\xEE\x80\x80", "\xEF\xBF\xBD", "\xEF\xBB\xBF", "🐘", "\xF4\x8F\xBF\xBF",
      // broken: lone continuation, cut sequences, overlongs, surrogates, bytes never in UTF-8
      "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xC2", "\xE3\x81", "\xE3", "\xE0\x80\x80", "\xED\xA0\x80", "\xF0\x9F",
      "\xF5\x80\x80\x80", "\xFF", "\xE3\x41\x81", "\xE3\x81\x41"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::string bytes;
  for (int i = 0; i < pieces; ++i) bytes += kPieces[pick(rng)];
  return bytes;
}

}  // namespace

TEST_CASE("cleaning a text by runs equals cleaning it one character at a time", "[reader]") {
  std::mt19937 rng(4711);
  for (int round = 0; round < 5000; ++round) {
    const std::string bytes = RandomBytes(rng, 1 + round % 50);
    std::vector<kgx::Warning> warnings;
    const kgx::SourceText source = kgx::CleanSource("x.txt", bytes, warnings);
    std::size_t bad = 0;
    INFO(bytes);
    CHECK(source.text == PlainClean(bytes, bad));
    CHECK(warnings.size() == (bad == 0 ? 0 : bad <= 10 ? bad : 11));
  }
}

TEST_CASE("cleaning sixteen bytes at a time equals cleaning one character at a time at every offset", "[reader]") {
  // Each piece at every offset of two sixteen-byte windows, after ASCII, kana or two-byte text.
  for (const char* piece : {"日", "é", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBF\xBD", "🐘",
                            "\x80", "\xC2", "\xE3\x81", "\xE3", "\xED\xA0\x80", "\xF0\x9F", "\xFF", "\xE3\x41\x81",
                            "\xF4\x8F\xBF\xBF", "\xC0\x80"}) {
    for (const std::string& filler : {std::string("a"), std::string("の"), std::string("é")}) {
      for (std::size_t count = 0; count < 40; ++count) {
        std::string bytes;
        for (std::size_t k = 0; k < count; ++k) bytes += filler;
        bytes += piece;
        bytes += "日本語 text のあと";
        bytes += piece;
        std::vector<kgx::Warning> warnings;
        const kgx::SourceText source = kgx::CleanSource("x.txt", bytes, warnings);
        std::size_t bad = 0;
        INFO(bytes);
        CHECK(source.text == PlainClean(bytes, bad));
        CHECK(warnings.size() == bad);
      }
    }
  }
  std::mt19937 rng(1618);
  for (int round = 0; round < 3000; ++round) {
    const std::string bytes = RandomBytes(rng, 20 + round % 80);
    std::vector<kgx::Warning> warnings;
    const kgx::SourceText source = kgx::CleanSource("x.txt", bytes, warnings);
    std::size_t bad = 0;
    INFO(bytes);
    CHECK(source.text == PlainClean(bytes, bad));
  }
}
