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
#include "extractor/nfkc_quiet.h"
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

namespace {

// Pieces of notes as the shortcuts meet them: ASCII, kana and kanji (which pass on one lookup),
// CJK punctuation beside the wave dash, full-width letters and digits, half-width katakana and
// their sound marks, combining marks, dashes, two- and four-byte characters, and bytes that are
// no UTF-8 (a lone continuation, a cut three-byte character, an overlong, a surrogate).
std::string RandomNote(std::mt19937& rng, int pieces, bool invalid) {
  static const char* const kValid[] = {
      "AWS",  "Lambda ", "s3://b", "x",    " ",    "\t",   "\r",   "\n",   "2025", "は",   "で",  "オーロラ", "日本語",
      "東京", "ゟ",      "ヿ",     "ゝ",   "ヽ",   "、",   "。",   "「",   "」",   "・",   "ー",  "\xE3\x80\x80",
      "〜",   "〇",      "Ａ",     "ｚ",   "２５０", "％",   "～",   "ｶﾞ",   "ﾊﾟ",   "ｱ",    "ﾞ",   "ﾟ",   "か\xE3\x82\x99",
      "\xE3\x82\x9B",    "e\xCC\x81",      "\xCC\xA3",     "é",    "À",    "ß",    "Σ",   "ж",   "—",  "–",   "‐",
      "‑",    "−",       "﹘",     "﹣",   "⁓",    "…",    "™",    "①",    "㈱",   "㌔",   "ﬁ",   "가",  "\xE1\x85\xA1",
      "🐘",   "😀",      "\xC2\xA0", "°",  "µ",    "½",    "※",    "■",    "→",    "\xEF\xBF\xBD"};
  static const char* const kInvalid[] = {"\x80", "\xBF", "\xE3\x81", "\xE3", "\xC3", "\xC0\x80", "\xE0\x80\x80",
                                         "\xED\xA0\x80", "\xF8", "\xFF", "\xF0\x9F\x90"};
  std::uniform_int_distribution<std::size_t> valid(0, std::size(kValid) - 1);
  std::uniform_int_distribution<std::size_t> bad(0, std::size(kInvalid) - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  std::string text;
  for (int i = 0; i < pieces; ++i) {
    text += invalid && percent(rng) < 3 ? kInvalid[bad(rng)] : kValid[valid(rng)];
  }
  return text;
}

// The last changed segment starting at or before `norm` (or ending at `norm` for an end), found
// by reading every segment: what the indexed lookups must return.
std::size_t LinearBegin(const kgx::OffsetMap& map, std::size_t norm) {
  const kgx::OffsetMap::Segment* last = nullptr;
  for (const auto& s : map.segments()) {
    if (s.norm_begin <= norm) last = &s;
  }
  if (!last) return norm;
  return norm < last->norm_end ? last->src_begin : last->src_end + (norm - last->norm_end);
}

std::size_t LinearEnd(const kgx::OffsetMap& map, std::size_t norm_end) {
  const kgx::OffsetMap::Segment* last = nullptr;
  for (const auto& s : map.segments()) {
    if (s.norm_begin < norm_end) last = &s;
  }
  if (!last) return norm_end;
  return norm_end <= last->norm_end ? last->src_end : last->src_end + (norm_end - last->norm_end);
}

bool SameSegments(const kgx::OffsetMap& a, const kgx::OffsetMap& b) {
  return std::equal(a.segments().begin(), a.segments().end(), b.segments().begin(), b.segments().end(),
                    [](const auto& x, const auto& y) {
                      return x.norm_begin == y.norm_begin && x.norm_end == y.norm_end && x.src_begin == y.src_begin &&
                             x.src_end == y.src_end;
                    });
}

// Checks Normalize against its form without shortcuts on `source`: text, folded text, the
// changed segments and every offset's lookup (indexed, against reading all segments).
void CheckShortcuts(const std::string& source) {
  INFO(source);
  const kgx::NormalizedText fast = kgx::Normalize(source);
  const kgx::NormalizedText plain = kgx::NormalizeWithoutShortcuts(source);
  REQUIRE(fast.text == plain.text);
  REQUIRE(fast.folded == plain.folded);
  REQUIRE(SameSegments(fast.map, plain.map));
  for (std::size_t k = 0; k <= fast.text.size() + 2; ++k) {
    REQUIRE(fast.map.ToSourceBegin(k) == LinearBegin(fast.map, k));
    REQUIRE(fast.map.ToSourceEnd(k) == LinearEnd(fast.map, k));
  }
}

}  // namespace

TEST_CASE("Normalize with its shortcuts equals Normalize without them and maps offsets alike", "[normalizer]") {
  std::mt19937 rng(1127);
  for (int round = 0; round < 3000; ++round) {
    CheckShortcuts(RandomNote(rng, 1 + round % 60, round % 3 == 0));
  }
  // Each piece at every offset of a sixteen-byte block, alone and between kana.
  for (const char* piece : {"日", "ｶ", "Ａ", "—", "〜", "é", "e\xCC\x81", "\xE3\x82\x99", "🐘", "\xE3\x81", "\x80"}) {
    for (std::size_t pad = 0; pad < 40; ++pad) {
      CheckShortcuts(std::string(pad, 'a') + piece + "の日本語です。\n" + std::string(pad % 17, ' ') + piece);
      CheckShortcuts(std::string(pad / 3, 'x') + std::string(pad % 3, ' ') + "かな" + piece + "AWS" + piece);
    }
  }
  // Long lines (many index blocks, many changed segments) and many short ones.
  for (int round = 0; round < 40; ++round) {
    std::string source;
    for (int line = 0; line < 30; ++line) source += RandomNote(rng, 40, round % 2 == 1) + "\n";
    CheckShortcuts(source);
  }
}

TEST_CASE("an indexed offset map answers as a search over all its segments", "[normalizer]") {
  std::mt19937 rng(64);
  std::uniform_int_distribution<std::size_t> gap(0, 90), norm_length(0, 3), src_length(0, 7);
  for (int round = 0; round < 300; ++round) {
    kgx::OffsetMap map;
    std::size_t norm = 0, src = 0;
    const int changes = round % 50;
    for (int c = 0; c < changes; ++c) {
      const std::size_t skip = gap(rng) * (round % 4 == 0 ? 3 : 1);  // sparse and dense maps
      norm += skip;
      src += skip;
      const std::size_t nl = norm_length(rng), sl = src_length(rng);
      map.AddChange({norm, norm + nl, src, src + sl});
      norm += nl;
      src += sl;
    }
    const std::size_t size = norm + gap(rng);
    map.Index(size);
    for (std::size_t k = 0; k <= size + 130; ++k) {
      REQUIRE(map.ToSourceBegin(k) == LinearBegin(map, k));
      REQUIRE(map.ToSourceEnd(k) == LinearEnd(map, k));
    }
    // A change added after indexing is found too (the index is set aside).
    map.AddChange({size + 5, size + 6, src + 5, src + 9});
    REQUIRE(map.ToSourceBegin(size + 5) == LinearBegin(map, size + 5));
    REQUIRE(map.ToSourceEnd(size + 6) == LinearEnd(map, size + 6));
    REQUIRE(map.ToSourceBegin(size + 40) == LinearBegin(map, size + 40));
  }
}

TEST_CASE("Latin case folding sixteen bytes at a time equals folding one character at a time", "[normalizer]") {
  // A two-byte capital or small letter at every offset of two sixteen-byte blocks, between ASCII
  // capitals, kana and a lead cut off at the end.
  for (const char* letter : {"À", "É", "Ž", "ǅ", "Ɏ", "ß", "×", "Σ", "\xC3"}) {
    for (std::size_t pad = 0; pad < 40; ++pad) {
      const std::string text = std::string(pad, 'Q') + letter + "AbZ日本" + std::string(pad % 16, 'M') + letter;
      CHECK(kgx::FoldLatinCase(text) == PlainFold(text));
    }
  }
  std::mt19937 rng(16);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = RandomMix(rng, 20 + round % 80);
    CHECK(kgx::FoldLatinCase(text) == PlainFold(text));
  }
}

#ifdef __SSE2__

namespace {

bool IsUnifiedDash(char32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 || cp == 0x301C ||
         cp == 0x2053;
}

// Whether `text` from its start is ASCII and characters NFKC keeps that are no dash, for
// `length` bytes ending on a character's end: what a window that passes must hold.
bool QuietByDecoding(std::string_view text, std::size_t length) {
  std::size_t i = 0;
  while (i < length) {
    std::size_t n = 0;
    const char32_t cp = kgx::DecodeUtf8(text, i, n);
    if (cp == 0xFFFD && text.substr(i, 3) != "\xEF\xBF\xBD") return false;
    if (cp >= 0x80 && (n != 3 || !kgx::IsNfkcPlain(cp) || IsUnifiedDash(cp))) return false;
    i += n;
  }
  return i == length;
}

std::size_t Window(const std::string& text, unsigned& other) {
  REQUIRE(text.size() >= 18);
  return kgx::NfkcQuietWindow(reinterpret_cast<const unsigned char*>(text.data()), other);
}

}  // namespace

TEST_CASE("the sixteen-byte window passes only characters NFKC keeps that are no dash", "[normalizer]") {
  // Every character from U+0800 (three bytes) at offsets across the window's end.
  int passed_kinds = 0;
  for (char32_t cp = 0x800; cp <= 0xFFFF; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    std::string c;
    kgx::AppendUtf8(cp, c);
    const bool quiet = kgx::IsNfkcPlain(cp) && !IsUnifiedDash(cp);
    for (const std::size_t offset : {0u, 5u, 13u, 14u, 15u}) {
      const std::string text = std::string(offset, 'a') + c + std::string(20, 'b');
      unsigned other = 99;
      const std::size_t passed = Window(text, other);
      INFO(static_cast<unsigned>(cp) << " at " << offset);
      if (passed != 0) {
        REQUIRE(quiet);
        REQUIRE(passed == std::max<std::size_t>(16, offset + 3));
      } else {
        REQUIRE(other == offset);
      }
    }
    passed_kinds += quiet && cp >= 0x3000 && cp < 0xA000;
  }
  CHECK(passed_kinds > 20000);
  // Kana, kanji and 、。「」 pass; sound marks, ゟ, ヿ, the ideographic space, 〜, full-width and
  // half-width forms, two-byte characters and cut or stray bytes do not.
  unsigned other = 0;
  CHECK(Window("日本語のテキストです。「カナ」、漢字", other) == 18);
  CHECK(Window("AWS Lambdaで関数を書く", other) == 16);
  for (const char* odd : {"\xE3\x82\x99", "ゟ", "ヿ", "\xE3\x80\x80", "〜", "Ａ", "ｶ", "é", "\x80", "\xE3\x81", "\xE4"}) {
    for (std::size_t offset = 0; offset < 16; ++offset) {
      const std::string text = std::string(offset, 'x') + odd + "xxxxxxxxxxxxxxxxxxxx";
      INFO(odd << " at " << offset);
      CHECK(Window(text, other) == 0);
      CHECK(other == offset);
    }
  }
  // Random notes: a window that passes holds what decoding one character at a time passes.
  std::mt19937 rng(18);
  for (int round = 0; round < 20000; ++round) {
    const std::string text = RandomNote(rng, 12, round % 4 == 0) + std::string(18, ' ');
    const std::size_t passed = Window(text, other);
    INFO(text);
    if (passed != 0) {
      CHECK(QuietByDecoding(text, passed));
    } else {
      CHECK_FALSE(QuietByDecoding(text, other + 1));
    }
  }
}

#endif
