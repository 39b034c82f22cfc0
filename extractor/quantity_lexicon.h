// QuantityLexicon: the quantity vocabulary (units, count nouns, scales, number words, rate
// markers, qualifiers, anaphors) as literal tables, with lookups of the literal that starts or
// ends at a byte offset of a normalized line. Filled by CompileQuantityRules, then read-only.
#pragma once

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/quantity_start_filter.h"
#include "extractor/text_util.h"

namespace kgx {

enum class LexRole : std::uint8_t {
  kUnit,             // a unit or count noun after the number
  kPrefixUnit,       // a unit written before the number: $3, ¥500
  kScale,            // k, M, million: multiplies the number before it
  kWord,             // a number word with its own unit: 半分 = 0.5 倍
  kQualifierBefore,  // 約, 最大, up to
  kQualifierAfter,   // 以上, くらい, +
  kRateAfter,        // "/", "per": a denominator follows the quantity
  kRateBefore,       // あたり, ごとに: a denominator precedes the quantity
  kRateWord,         // daily, 年間, 毎秒: a whole rate in one word
  kAnaphor,          // うち: a bare number takes the unit of the quantity before it
};
inline constexpr std::size_t kLexRoleCount = 10;

// What a unit or count noun means.
struct UnitDef {
  std::string unit;      // output unit: "byte", "second", "request", "capacity unit"
  std::string per_name;  // its name as a rate denominator: "tb", "day", "request"
  double factor = 1;     // value multiplier into `unit`
  bool is_count = false;    // a count noun (request, person), not a measure (byte, second)
  bool is_counter = false;  // a generic counter (つ, 回): a noun near it names the unit
  bool IsTime() const { return unit == "second"; }
};

// One literal of the vocabulary.
struct LexEntry {
  std::string text;  // normalized (NFKC); ASCII letters compare case-insensitively unless case_sensitive
  LexRole role = LexRole::kUnit;
  int def = -1;       // kUnit, kPrefixUnit and kWord: index into QuantityLexicon::units()
  double number = 0;  // kScale: the factor; kWord: the value
  std::string name;   // kQualifier*: the qualifier; kRateWord: the per name
  bool case_sensitive = false;
  bool digits_only = false;  // kUnit: only after Arabic digits (20億行, not 三行)
  bool per_only = false;     // kUnit: only as a rate denominator (月 in 月に, s in /s)
  bool spaced = false;       // kUnit: a single letter that may stand one space after the number (3 s)
  bool time_only = false;    // kRateBefore: only after a time denominator (1日に)
  bool noun_before = false;  // kUnit count: a counter of people or machines (人, 台) whose unit a noun
                             // right before the number, or its topic, names (ユーザー3,000万人: users; VM 200台: vm)
  bool heads = false;        // kUnit count: names a bare number right after it (MAU 3,000万)
  bool group = false;        // kUnit count: a group of people; a count of people after it counts its
                             // members, not groups (チームは12人: persons)
  std::string implied_per;   // kUnit: a rate the unit carries (Gbps: "second")
  std::vector<std::string> line_words;  // kUnit: only on lines holding one of these (folded)
  std::vector<std::string> then_words;  // kWord: only right before one of these, blanks aside (folded)
  std::vector<std::string> not_after_words;  // kRateWord: not right after one of these (今月, 先週)
  std::string where;         // "file:line:col" of the definition, for duplicate warnings
};

// A duration written in two parts, "1h30m" or "2m 30s": a number with the `larger` letter, then
// a number below 60 with the `smaller` one, read as one duration in units[def] (minutes, seconds).
struct DurationPair {
  char larger = 0;
  char smaller = 0;
  int def = -1;       // index into QuantityLexicon::units()
  std::string where;  // "file:line:col" of the definition, for duplicate warnings
};

class QuantityLexicon {
 public:
  // Adds a unit definition; returns its index.
  int AddUnit(UnitDef def);
  // Adds a literal. Returns the earlier entry with the same role and text, or nullptr when new
  // (a duplicate is not added).
  const LexEntry* AddEntry(LexEntry entry);
  // Sorts the lookup indexes (longest literal first). Call once after the last AddEntry.
  void Finish();

  // Returns false when no number word or prefix unit (半分, $) can start at `pos`: a cheap
  // filter on the first two bytes, so that the scan skips most characters at once.
  bool MayStartWordAt(std::string_view line, std::size_t pos) const {
    const auto b0 = static_cast<unsigned char>(line[pos]);
    const auto b1 = pos + 1 < line.size() ? static_cast<unsigned char>(line[pos + 1]) : 0u;
    return word_starts_[(b0 << 8) | b1];
  }
  // Returns the first offset from `pos` on where a digit, kanji numeral, number word or prefix
  // unit may start (MayStartWordAt and MayStartKanjiNumberAt in one two-byte lookup), or the end
  // of the line. ASCII bytes that begin nothing and UTF-8 continuation bytes are passed sixteen
  // at a time (32 with AVX2, which also passes most kanji and kana by their first two bytes); each
  // byte left still gets the two-byte test. A well-formed three-byte character
  // is then passed unless it is itself the first character of a kanji numeral, number word or
  // prefix unit: 上, 人, 回, 、 and 。 share their first two bytes with 一, 二, 四 and 〇 but start
  // nothing, and the scan would stop at each of them only to read no number.
  // Inline: the scan asks once per line and again after each number; the 32-byte scan is called
  // straight away.
  std::size_t NextPossibleStart(std::string_view line, std::size_t pos) const {
    if (scan_ == StartScan::kAvx2 && pos < line.size()) {
      return NextPossibleStartAvx2(reinterpret_cast<const unsigned char*>(line.data()), line.size(), pos);
    }
    return NextPossibleStart(line, pos, scan_);
  }
  // The same by the block scan `scan` (kBest: the best the CPU runs; kAvx2 needs an AVX2 CPU).
  std::size_t NextPossibleStart(std::string_view line, std::size_t pos, StartScan scan) const;

  // Adds a two-part duration. Returns the earlier pair with the same larger letter, or nullptr
  // when new (a duplicate is not added).
  const DurationPair* AddDurationPair(DurationPair pair);
  // Returns the pair whose larger letter is `larger`, or nullptr.
  const DurationPair* FindDurationPair(char larger) const {
    for (const DurationPair& pair : duration_pairs_) {
      if (pair.larger == larger) return &pair;
    }
    return nullptr;
  }

  const std::vector<UnitDef>& units() const { return units_; }
  // Every literal, in the order defined (tests compare the look-ups with a search of them all).
  const std::vector<LexEntry>& entries() const { return entries_; }
  const UnitDef& unit(const LexEntry& entry) const { return units_[static_cast<std::size_t>(entry.def)]; }
  // Returns the kUnit entry whose text equals `text` (first defined), or nullptr.
  const LexEntry* FindUnitLiteral(std::string_view text) const;

  // Returns the longest entry of `role` that starts at `pos` of `line` and that `accept(entry)`
  // allows, or nullptr. A literal ending in an ASCII letter or digit must not be followed by one.
  // Most places begin no literal of the role: the first two bytes, looked up in one table, say so
  // before the first character is decoded and its bucket searched. Always inline: the scan asks
  // at nearly every number, and GCC's own choice flips with the size of the bucket search.
  template <typename Accept>
  [[gnu::always_inline]] const LexEntry* MatchAt(std::string_view line, std::size_t pos, LexRole role, Accept&& accept) const {
    if (pos >= line.size()) return nullptr;
    if (!first_pairs_[static_cast<std::size_t>(role)][PairAt(line, pos)]) return nullptr;
    return SearchStartingAt(line, pos, role, accept);
  }
  [[gnu::always_inline]] const LexEntry* MatchAt(std::string_view line, std::size_t pos, LexRole role) const {
    return MatchAt(line, pos, role, [](const LexEntry&) { return true; });
  }

  // Returns the longest entry of `role` that ends at `end` of `line` and that `accept` allows.
  // A literal starting with an ASCII letter must not follow one. The last two bytes filter first.
  template <typename Accept>
  const LexEntry* MatchEndingAt(std::string_view line, std::size_t end, LexRole role,
                                Accept&& accept) const {
    if (end == 0 || end > line.size()) return nullptr;
    if (!last_pairs_[static_cast<std::size_t>(role)][PairBefore(line, end)]) return nullptr;
    return SearchEndingAt(line, end, role, accept);
  }
  const LexEntry* MatchEndingAt(std::string_view line, std::size_t end, LexRole role) const {
    return MatchEndingAt(line, end, role, [](const LexEntry&) { return true; });
  }
  // MatchEndingAt(line, end, role, accept), given `longest`: what MatchEndingAt(line, end, role)
  // returns there. A caller that asked for any literal at `end` already need not search the
  // bucket again unless `accept` refuses the longest one (a shorter one may then be accepted).
  template <typename Accept>
  const LexEntry* MatchEndingAtGiven(std::string_view line, std::size_t end, LexRole role, const LexEntry* longest,
                                     Accept&& accept) const {
    if (longest == nullptr || accept(*longest)) return longest;
    return MatchEndingAt(line, end, role, accept);
  }

  // MatchAt and MatchEndingAt without the two-byte filter: the bucket searches the filter must
  // agree with (tests compare them).
  const LexEntry* MatchAtUnfiltered(std::string_view line, std::size_t pos, LexRole role) const {
    if (pos >= line.size()) return nullptr;
    return SearchStartingAt(line, pos, role, [](const LexEntry&) { return true; });
  }
  const LexEntry* MatchEndingAtUnfiltered(std::string_view line, std::size_t end, LexRole role) const {
    if (end == 0 || end > line.size()) return nullptr;
    return SearchEndingAt(line, end, role, [](const LexEntry&) { return true; });
  }

  // The rate word of `line` that starts (ends) at `pos`, unless the text before it is one of its
  // not_after words: the 月 of 今月 and the 週 of 先週 name a time, not a rate.
  const LexEntry* RateWordAt(std::string_view line, std::size_t pos) const {
    return MatchAt(line, pos, LexRole::kRateWord, [&](const LexEntry& e) { return !AfterAnyOf(line, pos, e); });
  }
  const LexEntry* RateWordEndingAt(std::string_view line, std::size_t end) const {
    return MatchEndingAt(line, end, LexRole::kRateWord,
                         [&](const LexEntry& e) { return !AfterAnyOf(line, end - e.text.size(), e); });
  }

 private:
  friend struct QuantityLexiconReference;  // the plain walk the tests compare NextPossibleStart with
  // True when the text of `line` before `begin` ends with one of `entry`'s not_after words.
  static bool AfterAnyOf(std::string_view line, std::size_t begin, const LexEntry& entry) {
    const std::string_view before = line.substr(0, begin);
    return std::any_of(entry.not_after_words.begin(), entry.not_after_words.end(),
                       [&](const std::string& word) { return before.ends_with(word); });
  }

  template <typename Accept>
  const LexEntry* SearchStartingAt(std::string_view line, std::size_t pos, LexRole role, Accept&& accept) const {
    for (const Candidate& c : Bucket(forward_, role, FirstKey(line.substr(pos)))) {
      if (pos + c.size > line.size() || !c.FarEndIs(line[pos + c.size - 1])) continue;
      const LexEntry& e = entries_[static_cast<std::size_t>(c.index)];
      if (StartsWithAtGivenLast(line, pos, e) && accept(e)) return &e;
    }
    return nullptr;
  }
  template <typename Accept>
  const LexEntry* SearchEndingAt(std::string_view line, std::size_t end, LexRole role, Accept&& accept) const {
    for (const Candidate& c : Bucket(backward_, role, LastKey(line.substr(0, end)))) {
      if (c.size > end || !c.FarEndIs(line[end - c.size])) continue;
      const LexEntry& e = entries_[static_cast<std::size_t>(c.index)];
      if (EndsWithAtGivenFirst(line, end, e) && accept(e)) return &e;
    }
    return nullptr;
  }
  // The two bytes from `pos` (first << 8 | second; 0 for a second past the end), and the two
  // before `end` (0 for a first before the start).
  static unsigned PairAt(std::string_view line, std::size_t pos) {
    const unsigned second = pos + 1 < line.size() ? static_cast<unsigned char>(line[pos + 1]) : 0u;
    return static_cast<unsigned>(static_cast<unsigned char>(line[pos])) << 8 | second;
  }
  static unsigned PairBefore(std::string_view line, std::size_t end) {
    const unsigned first = end >= 2 ? static_cast<unsigned char>(line[end - 2]) : 0u;
    return first << 8 | static_cast<unsigned char>(line[end - 1]);
  }
  void MarkPairs(const LexEntry& e);

  // First (or last) character, ASCII lower-cased -> entries of one role, longest first. ASCII
  // keys sit in a table; the others are hashed behind a filter on their low bits, since most
  // characters of a line begin no literal and the scan asks at every number.
  // A literal of a bucket with its length and the byte at its far end (the last byte when the
  // bucket is keyed by the first character, the first byte when by the last), in both ASCII cases
  // unless the literal says `case`: most candidates are told apart without reading their entry.
  struct Candidate {
    int index = 0;  // into entries_
    std::size_t size = 0;
    char far_lower = 0, far_upper = 0;
    bool FarEndIs(char c) const { return c == far_lower || c == far_upper; }
  };
  static Candidate CandidateOf(const LexEntry& e, int index, bool far_is_last);
  struct Keyed {
    std::array<std::vector<Candidate>, 128> ascii;
    std::unordered_map<char32_t, std::vector<Candidate>> others;
    std::bitset<4096> others_filter;
    std::vector<Candidate>& Add(char32_t key);
    const std::vector<Candidate>& Find(char32_t key) const;
    template <typename Fn>
    void ForEachBucket(Fn&& fn) {
      for (auto& bucket : ascii) fn(bucket);
      for (auto& [key, bucket] : others) fn(bucket);
    }
  };
  using Index = std::array<Keyed, kLexRoleCount>;

  void MarkWordStart(std::string_view text);
  void MarkThirdByte(std::string_view text);
  // False when the well-formed three-byte character at `at` starts nothing (third_bytes_);
  // true for anything else, which the two-byte test alone decides.
  bool ThirdByteMayStart(const unsigned char* bytes, std::size_t size, std::size_t at) const {
    const unsigned b0 = bytes[at];
    if ((b0 & 0xF0) != 0xE0 || at + 2 >= size) return true;
    const unsigned b1 = bytes[at + 1], b2 = bytes[at + 2];
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return true;
    const unsigned cp = (b0 & 0x0Fu) << 12 | (b1 & 0x3Fu) << 6 | (b2 & 0x3Fu);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return true;
    return (third_bytes_[cp >> 6] >> (b2 & 0x3Fu) & 1u) != 0;
  }
  static char32_t FirstKey(std::string_view text);
  static char32_t LastKey(std::string_view text);
  static const std::vector<Candidate>& Bucket(const Index& index, LexRole role, char32_t key);
  // Inline: the bucket searches call them for every candidate literal.
  static bool SameByte(char a, char b, bool case_sensitive) {
    return case_sensitive ? a == b : AsciiLower(a) == AsciiLower(b);
  }
  // Whether `e` stands at `pos` (ends at `end`) of `line` with the boundary its ASCII edge needs,
  // given what the bucket search has checked by its Candidate: that `e` fits inside the line and
  // that the byte at its far end, its last (first) one, is the line's (Candidate::FarEndIs). Only
  // the bytes before (after) that one are compared.
  static bool StartsWithAtGivenLast(std::string_view line, std::size_t pos, const LexEntry& e);
  static bool EndsWithAtGivenFirst(std::string_view line, std::size_t end, const LexEntry& e);

  std::vector<UnitDef> units_;
  std::vector<LexEntry> entries_;
  std::vector<DurationPair> duration_pairs_;
  std::bitset<65536> word_starts_;  // first two bytes of kWord and kPrefixUnit literals
  std::bitset<65536> quantity_starts_;  // word_starts_, kanji numerals and digits
  // Per three-byte character without its last six bits (cp >> 6, 1024 of them): a bit per last
  // byte (its low six bits) for the characters that begin a kanji numeral, a kWord or a
  // kPrefixUnit literal. Only well-formed characters are looked up.
  std::array<std::uint64_t, 1024> third_bytes_{};
  std::array<bool, 256> may_lead_{};    // first bytes of quantity_starts_, continuation bytes excluded
  // The ASCII bytes of may_lead_, with bit 0x20 set, as at most kMaxLeadRanges ranges [first,
  // last], for the 16-byte scan; when they need more, that scan takes every ASCII byte.
  // Kept as the 16-byte operands of the compares: the byte before each range's first, and the
  // byte after its last, in every lane.
  static constexpr std::size_t kMaxLeadRanges = 8;
  struct alignas(16) Lanes {
    std::array<unsigned char, 16> bytes{};
  };
  std::array<Lanes, kMaxLeadRanges> ascii_lead_above_{}, ascii_lead_below_{};
  std::size_t ascii_lead_range_count_ = 0;
  bool ascii_leads_all_ = false;
  // True when no kana (lead byte E3, second byte 81 to 83: hiragana and katakana, the commonest
  // characters of Japanese text) starts anything: the 16-byte scan then drops them unseen.
  bool kana_start_nothing_ = false;
  QuantityStartFilter start_filter_;  // the 32-byte scan's tables
  StartScan scan_ = StartScan::kScalar;  // what kBest means on this CPU, set by Finish
  // The 32-byte scan from `pos` on, `pos` itself included (an AVX2 CPU only; without the AVX2
  // code, the scalar walk).
  std::size_t NextPossibleStartAvx2(const unsigned char* bytes, std::size_t size, std::size_t pos) const;
  // Per role: the first (last) two bytes of its literals, in both ASCII cases; a literal of one
  // byte marks every byte beside it. A pair not marked begins (ends) no literal of the role.
  std::array<std::bitset<65536>, kLexRoleCount> first_pairs_, last_pairs_;
  Index forward_;   // by first character
  Index backward_;  // by last character
};

inline bool QuantityLexicon::StartsWithAtGivenLast(std::string_view line, std::size_t pos, const LexEntry& e) {
  const std::size_t last_at = e.text.size() - 1;
  for (std::size_t i = 0; i < last_at; ++i) {
    if (!SameByte(line[pos + i], e.text[i], e.case_sensitive)) return false;
  }
  const std::size_t after = pos + e.text.size();
  const auto last = static_cast<unsigned char>(e.text.back());
  return !(IsAsciiAlnum(last) && after < line.size() &&
           IsAsciiAlnum(static_cast<unsigned char>(line[after])));
}

inline bool QuantityLexicon::EndsWithAtGivenFirst(std::string_view line, std::size_t end, const LexEntry& e) {
  const std::size_t start = end - e.text.size();
  for (std::size_t i = 1; i < e.text.size(); ++i) {
    if (!SameByte(line[start + i], e.text[i], e.case_sensitive)) return false;
  }
  return !(IsAsciiLetter(e.text.front()) && start > 0 && IsAsciiLetter(line[start - 1]));
}

}  // namespace kgx
