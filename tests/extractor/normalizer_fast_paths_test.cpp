// The normalizer's fast paths decide as the plain ways do: Latin case folding eight bytes at a
// time as one character at a time, and lines passed through because NFKC keeps all of their
// characters (IsNfkcPlain) as ICU's normalizer would leave them, over random mixes of ASCII,
// Latin, Greek, Japanese, full-width and half-width forms, combining marks, dashes and emoji.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "extractor/nfkc_plain.h"
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

namespace {

std::string IcuNfkc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  nfkc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
  REQUIRE(U_SUCCESS(status));
  return out;
}

bool IcuIsNfkc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const bool normalized =
      nfkc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status);
  REQUIRE(U_SUCCESS(status));
  return normalized;
}

// NFKC by ICU, then the dashes and wave dashes the normalizer unifies.
std::string PlainNormalize(std::string_view text) {
  std::string out;
  const std::string nfkc = IcuNfkc(text);
  for (std::size_t i = 0; i < nfkc.size();) {
    std::size_t length = 0;
    const char32_t cp = kgx::DecodeUtf8(nfkc, i, length);
    if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63) {
      out += '-';
    } else if (cp == 0x301C || cp == 0x2053) {
      out += '~';
    } else {
      out.append(nfkc, i, length);
    }
    i += length;
  }
  return out;
}

// Lines of pieces that NFKC keeps and pieces it changes or composes with their neighbours.
std::string RandomLines(std::mt19937& rng, int pieces) {
  static const char* const kPieces[] = {"AWS",
                                        " ",
                                        "Lambda",
                                        "S3",
                                        "は",
                                        "で",
                                        "オーロラ",
                                        "日本語",
                                        "、",
                                        "。",
                                        "「",
                                        "」",
                                        "・",
                                        "ー",
                                        "Ａ",
                                        "ｚ",
                                        "２５０",
                                        "ｶ",
                                        "ﾞ",
                                        "ﾟ",
                                        "か",
                                        "\xE3\x82\x99",
                                        "ハ",
                                        "\xE3\x82\x9A",
                                        "e",
                                        "\xCC\x81",
                                        "\xCC\xA3",
                                        "é",
                                        "ﬁ",
                                        "①",
                                        "㈱",
                                        "㌔",
                                        "Ⅻ",
                                        "—",
                                        "–",
                                        "‐",
                                        "‑",
                                        "−",
                                        "﹘",
                                        "﹣",
                                        "〜",
                                        "⁓",
                                        "～",
                                        "…",
                                        "™",
                                        "ß",
                                        "À",
                                        "Σ",
                                        "ㄱ",
                                        "가",
                                        "\xE1\x85\xA1",
                                        "🐘",
                                        "😀",
                                        "\t",
                                        "\r",
                                        "\n",
                                        "\n",
                                        "・",
                                        "※",
                                        "•",
                                        "■",
                                        "→",
                                        "°",
                                        "µ",
                                        "½",
                                        "\xC2\xA0",
                                        "\xE3\x80\x80"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::string text;
  for (int i = 0; i < pieces; ++i) text += kPieces[pick(rng)];
  return text;
}

}  // namespace

TEST_CASE("a text of characters NFKC keeps is normalized, as ICU finds", "[normalizer]") {
  std::mt19937 rng(99);
  std::uniform_int_distribution<char32_t> any(0x20, 0xFFFD);
  std::uniform_int_distribution<int> length(1, 12);
  int texts = 0;
  while (texts < 5000) {
    std::string text;
    for (int n = length(rng); n > 0;) {
      const char32_t cp = any(rng);
      if (cp >= 0xD800 && cp < 0xE000) continue;
      if (!kgx::IsNfkcPlain(cp)) continue;
      kgx::AppendUtf8(cp, text);
      --n;
    }
    INFO(text);
    CHECK(IcuIsNfkc(text));
    ++texts;
  }
  // Marks that compose or reorder are not plain; kana, kanji, ASCII and dashes are.
  for (const char32_t cp : {0x0301u, 0x3099u, 0x309Au, 0xFF76u, 0xFF21u, 0x2460u, 0x1161u, 0xFB01u})
    CHECK_FALSE(kgx::IsNfkcPlain(cp));
  for (const char32_t cp : {0x41u, 0x304Bu, 0x30ABu, 0x65E5u, 0x3001u, 0x2014u, 0x301Cu, 0xE9u})
    CHECK(kgx::IsNfkcPlain(cp));
  CHECK_FALSE(kgx::IsNfkcPlain(0x1F418));  // outside the BMP: ICU decides
}

TEST_CASE("normalized lines equal ICU's NFKC with dashes unified, and their changes map back", "[normalizer]") {
  std::mt19937 rng(2026);
  for (int round = 0; round < 3000; ++round) {
    const std::string source = RandomLines(rng, 1 + round % 30);
    INFO(source);
    const kgx::NormalizedText n = kgx::Normalize(source);
    std::string expected;
    for (std::size_t start = 0; start < source.size();) {  // line by line, each with its '\n'
      const std::size_t end = std::min(source.find('\n', start), source.size() - 1) + 1;
      expected += PlainNormalize(std::string_view(source).substr(start, end - start));
      start = end;
    }
    REQUIRE(n.text == expected);
    // Each changed segment is what its source bytes become.
    for (const auto& s : n.map.segments()) {
      REQUIRE(s.norm_end <= n.text.size());
      CHECK(PlainNormalize(std::string_view(source).substr(s.src_begin, s.src_end - s.src_begin)) ==
            n.text.substr(s.norm_begin, s.norm_end - s.norm_begin));
    }
  }
}
