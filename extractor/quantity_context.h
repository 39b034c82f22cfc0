// The words around a number that the quantity scanner reads: what stands before it (qualifiers,
// rate prefixes such as 1GBあたり or 年間, a topic noun such as レプリカは, an anaphor such as
// うち), the noun it counts after の, and whether a "1X" is itself a rate denominator.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/quantity_lexicon.h"

namespace kgx {

// A rate written before the quantity.
struct PrefixRate {
  std::size_t begin = 0;          // where it starts (its "1" included)
  std::string per;                // its denominator
  bool needs_other_unit = false;  // "1日5500億": a rate only when the quantity is no duration, or one
                                  // that fits in the denominator ("1日12時間": 12 hours a day)
  bool of_topic = false;          // "1日あたりのログは20TB": not for a share (1回あたりのコストが40%低い)
  bool loose = false;             // "the monthly bill was $38,000": a rate word earlier in the English
                                  // clause, only for an amount with no rate of its own and no duration
  double seconds = 0;             // the denominator's length when it is a time ("1日": 86400)
};

// What stands before a number.
struct LeftContext {
  std::vector<std::string> qualifiers;    // in reading order
  std::vector<PrefixRate> rates;          // in reading order (1TBあたり月額: tb, month)
  const UnitDef* topic = nullptr;         // with a particle: レプリカは15, ピースが5つ, 接続数は100
  const UnitDef* topic_direct = nullptr;  // touching the number: 体育館二つ
  bool anaphor = false;                   // うち300
  const LexEntry* noun_direct = nullptr;  // the literal of topic_direct
  const LexEntry* noun_topic = nullptr;   // the literal of topic
  bool topic_before_rate = false;         // a rate word stands between topic and number: アラートが週30件
  bool english_row_label = false;         // the topic is an English table label (| Nodes | 48 |): a year is no count under it
};

// Reads what stands before the quantity starting at `begin` of `line`.
LeftContext ReadLeftContext(std::string_view line, const QuantityLexicon& lexicon, std::size_t begin);

// Returns the count noun before "を" right before the number starting at `begin` (クラスタを 12 → 5,
// 並列数を 4 から 16 に: X数 is a count of X), or nullptr. Only a change names its count so: in
// "APIを2回叩く" the count is of calls.
const LexEntry* ObjectNounBefore(std::string_view line, const QuantityLexicon& lexicon, std::size_t begin);

// Finds the count noun that a number counts when "の" is at `at`: the first count noun in the
// next few characters that ends a compound (サービス更新を -> 更新, 同時接続が -> 接続,
// pinする人 -> 人). Returns nullptr when there is none; sets `noun_begin` otherwise.
const LexEntry* CountedNounAfterNo(std::string_view line, const QuantityLexicon& lexicon, std::size_t at,
                                   std::size_t& noun_begin);

// Returns true when the quantity ending at `end` is followed by a rate marker, directly or after
// "のX" (1GBあたり, 1TBのスキャンあたり; 1日に when `is_time`): then it is a denominator.
bool RateMarkerFollows(std::string_view line, const QuantityLexicon& lexicon, std::size_t end, bool is_time);

}  // namespace kgx
