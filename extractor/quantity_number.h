// Reading one number of a normalized line for the quantity parser: Arabic digits with `,`
// groups and decimals, Japanese 万/億/兆 mixes (1億2000万), kanji numerals (三千, 二十億) and
// fractions (1/4, 3分の1). Scale words such as k/million come from the rules, not from here.
#pragma once

#include <bitset>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kgx {

struct NumberToken {
  std::size_t begin = 0;  // byte range of the number in the line
  std::size_t end = 0;
  double value = 0;
  bool has_digits = false;  // written with Arabic digits (at least partly)
  bool has_kanji = false;   // written with kanji numerals or 万/億/兆 (at least partly)
  bool integer = true;      // no decimal point and no fraction
  bool grouped = false;     // used `,` thousands separators
  bool fraction = false;    // "1/4" or "3分の1": a ratio, value = numerator / denominator
};

// Returns true when a number can start at `pos`: an ASCII digit or a kanji numeral other than
// 万/億/兆 (those need a number before them).
bool NumberStartsAt(std::string_view line, std::size_t pos);

// True for the kanji numerals a number can start with (NumberStartsAt's test on a decoded
// character): the digits 〇 to 九 and 零, and 十, 百, 千.
bool IsKanjiNumberStart(char32_t cp);

// The first two bytes (first << 8 | second) of every kanji numeral a number can start with.
std::bitset<65536> MakeKanjiNumberLeads();
// The same, made once. Inline: every line's scan and every number read ask for it, and an inline
// look-up costs them the guard test instead of a call.
inline const std::bitset<65536>& KanjiNumberLeads() {
  static const std::bitset<65536> leads = MakeKanjiNumberLeads();
  return leads;
}

// Returns false when no kanji numeral starts at `pos`, from its first two bytes alone; `leads`
// is KanjiNumberLeads(), which a scan that asks at every character looks up once.
inline bool MayStartKanjiNumberAt(const std::bitset<65536>& leads, std::string_view line, std::size_t pos) {
  const unsigned second = pos + 1 < line.size() ? static_cast<unsigned char>(line[pos + 1]) : 0u;
  return leads[(static_cast<unsigned>(static_cast<unsigned char>(line[pos])) << 8) | second];
}

// Reads the longest number starting at `pos`. Returns nullopt when none starts there. Never reads
// past the line; the token's offsets index `line`.
std::optional<NumberToken> ReadNumber(std::string_view line, std::size_t pos);

}  // namespace kgx
