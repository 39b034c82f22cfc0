// The normalizer's word-at-a-time paths decide as plain per-character code does: Latin case
// folding over random mixes of ASCII, Latin-1, Latin Extended, Greek, Japanese and full-width
// text, with lead bytes at every position of an eight-byte word.
#include <unicode/uchar.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "extractor/normalizer.h"
#include "extractor/text_util.h"

namespace {

// Folds one character at a time: ASCII capitals, and two-byte Latin capitals (U+00C0 to
// U+024F) whose small letter has two bytes as well.
std::string PlainFold(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 0;
    const char32_t cp = kgx::DecodeUtf8(text, i, length);
    if (length == 0) length = 1;
    if (cp < 0x80) {
      out += kgx::AsciiLower(text[i]);
    } else if (length == 2 && cp >= 0xC0 && cp <= 0x24F) {
      const auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
      if (lower >= 0x80 && lower < 0x800) {
        kgx::AppendUtf8(lower, out);
      } else {
        out.append(text.substr(i, length));
      }
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

// A random text of `pieces` characters drawn from scripts notes mix.
std::string RandomMix(std::mt19937& rng, int pieces) {
  static const char* const kPieces[] = {
      "A",    "Z",  "a",  "z",        "@",  "[",  "`",  "{",  " ",  "0", "9", "-",  "\x7F", "S3", "AWS",  // ASCII
      "À",    "É",  "Þ",  "ß",        "à",  "ÿ",  "×",  "÷",  "Ö",  "°",                                  // Latin-1
      "Ā",    "ā",  "Ł",  "ł",        "Ÿ",  "Ž",  "ž",  "Ǆ",  "ǅ",  "Ȁ", "ɏ", "Ɏ",         // Extended-A, -B
      "Σ",    "σ",  "Ж",  "ж",                                                             // Greek, Cyrillic
      "日本", "語", "の", "オーロラ", "、", "。", "Ａ", "ｚ", "２", "ｶ", "—", "〜", "🐘"};  // Japanese, wide
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::string text;
  for (int i = 0; i < pieces; ++i) text += kPieces[pick(rng)];
  return text;
}

}  // namespace

TEST_CASE("Latin case folding eight bytes at a time equals folding one character at a time", "[normalizer]") {
  std::mt19937 rng(20261127);
  for (int round = 0; round < 4000; ++round) {
    const std::string text = RandomMix(rng, 1 + round % 40);
    INFO(text);
    CHECK(kgx::FoldLatinCase(text) == PlainFold(text));
  }
  // Every offset of a two-byte capital within a word, and one cut at the end of a word.
  for (std::size_t pad = 0; pad < 17; ++pad) {
    const std::string text = std::string(pad, 'X') + "ÀŁǅ" + std::string(pad % 5, 'q') + "É";
    CHECK(kgx::FoldLatinCase(text) == PlainFold(text));
  }
}
