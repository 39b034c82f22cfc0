// Code point ranges and script blocks (see script_ranges.h).
#include "extractor/script_ranges.h"

#include <algorithm>

#include "extractor/text_util.h"

namespace kgx {

void CodeRanges::Add(char32_t lo, char32_t hi) {
  auto it = std::lower_bound(ranges_.begin(), ranges_.end(), lo, [](const CodeRange& r, char32_t c) { return r.lo < c; });
  it = ranges_.insert(it, {lo, hi});
  // Merge with the ranges it touches on either side.
  if (it != ranges_.begin() && std::prev(it)->hi + 1 >= it->lo) {
    std::prev(it)->hi = std::max(std::prev(it)->hi, it->hi);
    it = std::prev(ranges_.erase(it));
  }
  while (std::next(it) != ranges_.end() && it->hi + 1 >= std::next(it)->lo) {
    it->hi = std::max(it->hi, std::next(it)->hi);
    ranges_.erase(std::next(it));
  }
}

void CodeRanges::Add(const CodeRanges& other) {
  for (const CodeRange& r : other.ranges_) Add(r.lo, r.hi);
}

bool CodeRanges::Contains(char32_t c) const {
  const auto it = std::upper_bound(ranges_.begin(), ranges_.end(), c, [](char32_t v, const CodeRange& r) { return v < r.lo; });
  return it != ranges_.begin() && std::prev(it)->hi >= c;
}

std::size_t CodeRanges::size() const {
  std::size_t n = 0;
  for (const CodeRange& r : ranges_) n += r.hi - r.lo + 1;
  return n;
}

std::optional<CodeRanges> ScriptRanges(std::string_view name) {
  // Whole blocks around each script's characters (RE2's tables hold fewer; the test
  // script_ranges_test holds RE2 to them, character by character).
  static const std::vector<std::pair<std::string_view, std::vector<CodeRange>>> kScripts = {
      {"Han",
       {{0x2E80, 0x2FDF}, {0x3005, 0x3007}, {0x3021, 0x3029}, {0x3038, 0x303B}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
        {0xF900, 0xFAFF}, {0x16FE0, 0x16FFF}, {0x20000, 0x3FFFF}}},
      {"Katakana",
       {{0x30A0, 0x30FF}, {0x31F0, 0x31FF}, {0x32D0, 0x32FF}, {0x3300, 0x33FF}, {0xFF65, 0xFF9F}, {0x1AFF0, 0x1B16F}}},
      {"Hiragana", {{0x3040, 0x309F}, {0x1B000, 0x1B16F}, {0x1F200, 0x1F200}}},
  };
  for (const auto& [script, ranges] : kScripts) {
    if (script != name) continue;
    CodeRanges out;
    for (const CodeRange& r : ranges) out.Add(r.lo, r.hi);
    return out;
  }
  return std::nullopt;
}

std::optional<char32_t> CharacterBefore(std::string_view text, std::size_t at) {
  std::size_t lead = at - 1;
  while (lead > 0 && at - lead < 4 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
  std::size_t length = 0;
  const std::optional<char32_t> c = CharacterAt(text.substr(0, at), lead);
  if (!c) return std::nullopt;
  DecodeUtf8(text, lead, length);
  if (lead + length != at) return std::nullopt;
  return c;
}

std::optional<char32_t> CharacterAt(std::string_view text, std::size_t at) {
  std::size_t length = 0;
  const char32_t c = DecodeUtf8(text, at, length);
  // U+FFFD from a malformed sequence: nothing known.
  if (c == 0xFFFD && text.substr(at, 3) != "\xEF\xBF\xBD") return std::nullopt;
  return c;
}

}  // namespace kgx
