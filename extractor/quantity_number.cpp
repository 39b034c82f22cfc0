// Number reading for the quantity parser (see quantity_number.h). Locale-free: digits are
// collected into a small buffer and converted with std::from_chars.
#include "extractor/quantity_number.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>

#include "extractor/quantity_text.h"
#include "extractor/text_util.h"

namespace kgx {
namespace {

constexpr std::string_view kFractionMarker = "分の";  // 3分の1 = one third

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Returns the value of a kanji digit (〇一二…九), or -1.
int KanjiDigit(char32_t cp) {
  switch (cp) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

// Returns 10, 100, 1000 for 十, 百, 千 (they multiply the digit before them), else 0.
double SmallMultiplier(char32_t cp) {
  switch (cp) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

// Returns 1e4, 1e8, 1e12 for 万, 億, 兆 (they scale everything before them), else 0.
double BigMultiplier(char32_t cp) {
  switch (cp) {
    case U'万': return 1e4;
    case U'億': return 1e8;
    case U'兆': return 1e12;
    default: return 0;
  }
}

// Converts ASCII digits with at most one '.' to a double; 0 when the text is empty.
double ToDouble(const std::string& digits) {
  double value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// Reads Arabic digits with `,` thousands groups and a decimal part at `pos` (a digit). Returns the
// end offset; sets `value`, `grouped` and `integer`. An integer of at most 15 digits is summed as
// it is read (below 2^53, so the double is exact and equals what from_chars reads); any other
// number is copied without its commas for from_chars. Most numbers are short integers: no copy.
std::size_t ReadArabic(std::string_view line, std::size_t pos, double& value, bool& grouped,
                       bool& integer) {
  std::uint64_t sum = 0;
  std::size_t count = 0;  // digits summed
  const auto take = [&](char c) {
    sum = sum * 10 + static_cast<std::uint64_t>(c - '0');  // wraps past 19 digits, unused past 15
    ++count;
  };
  std::size_t i = pos;
  while (i < line.size() && IsDigit(line[i])) take(line[i++]);
  // A group is ",ddd" not followed by a fourth digit; "1,2,3" is a list, not a number.
  while (i + 3 < line.size() && line[i] == ',' && IsDigit(line[i + 1]) && IsDigit(line[i + 2]) &&
         IsDigit(line[i + 3]) && (i + 4 >= line.size() || !IsDigit(line[i + 4]))) {
    for (std::size_t k = 1; k <= 3; ++k) take(line[i + k]);
    grouped = true;
    i += 4;
  }
  if (i + 1 < line.size() && line[i] == '.' && IsDigit(line[i + 1])) {
    ++i;
    while (i < line.size() && IsDigit(line[i])) ++i;
    integer = false;
  }
  if (integer && count <= 15) {
    value = static_cast<double>(sum);
    return i;
  }
  std::string digits;
  for (std::size_t k = pos; k < i; ++k) {
    if (line[k] != ',') digits += line[k];
  }
  value = ToDouble(digits);
  return i;
}

// Whether Arabic digits at `at`, then 万/億/兆 below `last_big` (touching or one blank after them),
// continue a number already scaled: the "2,000 万" of "1 億 2,000 万件". A plain number after a blank
// is a number of its own ("1億 2000件").
bool ScaledPartFollows(std::string_view line, std::size_t at, double last_big) {
  if (at >= line.size() || !IsDigit(line[at])) return false;
  double ignored_value = 0;
  bool ignored_grouped = false;
  bool integer = true;
  std::size_t end = ReadArabic(line, at, ignored_value, ignored_grouped, integer);
  if (end < line.size() && line[end] == ' ') ++end;
  std::size_t length = 0;
  const double big = end < line.size() ? BigMultiplier(DecodeUtf8(line, end, length)) : 0;
  return big > 0 && big < last_big;
}

// Reads "/d" after an ASCII integer `token` as a fraction such as 1/4 or 1/100. Dates (11/29) and
// paths (2017/11/29) do not qualify: the denominator must be 2-10, 100 or 1000 and above the numerator.
void ReadSlashFraction(std::string_view line, NumberToken& token) {
  const std::size_t slash = token.end;
  if (token.has_kanji || !token.integer || token.grouped || token.value < 1) return;
  if (slash + 1 >= line.size() || line[slash] != '/' || !IsDigit(line[slash + 1])) return;
  std::size_t i = slash + 1;
  std::string digits;
  while (i < line.size() && IsDigit(line[i]) && digits.size() < 6) digits += line[i++];
  if (i < line.size() && (IsDigit(line[i]) || line[i] == '/' || line[i] == '.' || line[i] == ':')) return;
  const double denominator = ToDouble(digits);
  const bool small = denominator >= 2 && denominator <= 10;
  if (!(small || denominator == 100 || denominator == 1000) || token.value >= denominator) return;
  token.value /= denominator;
  token.end = i;
  token.integer = false;
  token.fraction = true;
}

// Reads "分のM" after `token` (3分の1 = 1/3). Leaves the token alone when no number follows.
void ReadJapaneseFraction(std::string_view line, NumberToken& token) {
  if (line.substr(token.end, kFractionMarker.size()) != kFractionMarker || token.value <= 0) return;
  const std::size_t at = token.end + kFractionMarker.size();
  if (!NumberStartsAt(line, at)) return;
  const std::optional<NumberToken> numerator = ReadNumber(line, at);
  if (!numerator || numerator->fraction || numerator->value > token.value) return;
  token.value = numerator->value / token.value;
  token.end = numerator->end;
  token.integer = false;
  token.fraction = true;
}

}  // namespace

bool IsKanjiNumberStart(char32_t cp) { return KanjiDigit(cp) >= 0 || SmallMultiplier(cp) > 0; }

std::bitset<65536> MakeKanjiNumberLeads() {
  std::bitset<65536> leads;
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (!IsKanjiNumberStart(cp)) continue;
    std::string encoded;
    AppendUtf8(cp, encoded);
    leads.set((static_cast<unsigned char>(encoded[0]) << 8) | static_cast<unsigned char>(encoded[1]));
  }
  return leads;
}

bool NumberStartsAt(std::string_view line, std::size_t pos) {
  if (pos >= line.size()) return false;
  if (IsDigit(line[pos])) return true;
  if (static_cast<unsigned char>(line[pos]) < 0x80) return false;
  if (!MayStartKanjiNumberAt(KanjiNumberLeads(), line, pos)) return false;
  std::size_t length = 0;
  const char32_t cp = DecodeUtf8(line, pos, length);
  return IsKanjiNumberStart(cp);
}

std::optional<NumberToken> ReadNumber(std::string_view line, std::size_t pos) {
  if (!NumberStartsAt(line, pos)) return std::nullopt;
  NumberToken token;
  token.begin = pos;
  double total = 0;    // everything scaled by 万/億/兆 so far
  double section = 0;  // the part below the last 万/億/兆, built with 十/百/千
  double current = 0;  // the digits read last, not yet multiplied
  bool has_current = false;
  double last_big = std::numeric_limits<double>::infinity();
  bool last_was_kanji_digit = false;
  std::size_t i = pos;
  while (i < line.size()) {
    // Notes that space their figures write "120 万円", "1 億件": one blank before 万/億/兆 after digits.
    if (line[i] == ' ' && has_current && !last_was_kanji_digit && i + 1 < line.size()) {
      std::size_t big_length = 0;
      const double big = BigMultiplier(DecodeUtf8(line, i + 1, big_length));
      if (big > 0 && big < last_big) {
        ++i;
        continue;
      }
      break;
    }
    // ... and one after it, before the next scaled part: "1 億 2,000 万件" is 1.2億, not 2000万.
    if (line[i] == ' ' && !has_current && section == 0 && total > 0 && ScaledPartFollows(line, i + 1, last_big)) {
      ++i;
      continue;
    }
    if (IsDigit(line[i])) {
      if (has_current) break;
      i = ReadArabic(line, i, current, token.grouped, token.integer);
      has_current = true;
      token.has_digits = true;
      token.end = i;
      last_was_kanji_digit = false;
      continue;
    }
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8(line, i, length);
    if (const int digit = KanjiDigit(cp); digit >= 0) {
      if (has_current && !last_was_kanji_digit) break;
      current = has_current ? current * 10 + digit : digit;  // 二〇一六 reads positionally
      has_current = true;
      last_was_kanji_digit = true;
    } else if (const double small = SmallMultiplier(cp); small > 0) {
      section += (has_current ? current : 1) * small;
      current = 0;
      has_current = false;
      last_was_kanji_digit = false;
    } else if (const double big = BigMultiplier(cp); big > 0) {
      if ((!has_current && section == 0) || big >= last_big) break;
      total += (section + current) * big;
      section = 0;
      current = 0;
      has_current = false;
      last_big = big;
      last_was_kanji_digit = false;
    } else {
      break;
    }
    token.has_kanji = true;
    i += length;
    token.end = i;
  }
  token.value = total + section + current;
  ReadSlashFraction(line, token);
  ReadJapaneseFraction(line, token);
  return token;
}

}  // namespace kgx
