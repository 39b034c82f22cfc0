// Underlined (setext, reStructuredText) headings: which lines are titles, at which level, and which
// lines are their adornments. Used by the segmenter before it reads a note's headings.
#include "extractor/setext_headings.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

#include "extractor/text_util.h"

namespace kgx {

namespace {

constexpr std::string_view kAdornmentCharacters = "=-~^*+#`\"':.";
constexpr std::size_t kMinAdornment = 3;

// Whether `c` is one of kAdornmentCharacters, by two bit tests instead of a search: asked of the
// first character of nearly every line.
bool IsAdornmentCharacter(char c) {
  static constexpr auto kBits = [] {
    std::array<std::uint64_t, 2> bits{};
    for (const char a : kAdornmentCharacters) bits[static_cast<unsigned char>(a) >> 6] |= std::uint64_t{1} << (a & 63);
    return bits;
  }();
  const auto u = static_cast<unsigned char>(c);
  return u < 128 && ((kBits[u >> 6] >> (u & 63)) & 1) != 0;
}

// The character a line is a row of (at least three, blanks around allowed), or 0.
char AdornmentOf(std::string_view text) {
  const std::string_view t = TrimAscii(text);
  if (t.size() < kMinAdornment || !IsAdornmentCharacter(t[0])) return 0;
  for (const char c : t) {
    if (c != t[0]) return 0;
  }
  return t[0];
}

// A sentence over a row of dashes is a paragraph over a rule, not a title ("以上です。" / "---").
bool EndsLikeSentence(std::string_view text) {
  const std::string_view t = TrimAscii(text);
  for (const std::string_view end : {"。", "．", ".", "!", "！", "?", "？", ":", "：", "、", ","}) {
    if (t.ends_with(end)) return true;
  }
  return false;
}

}  // namespace

SetextHeadings FindSetextHeadings(const std::vector<LineView>& lines, const std::function<bool(std::size_t, char)>& may_be_title) {
  SetextHeadings found;
  found.level.assign(lines.size(), 0);
  found.adornment.assign(lines.size(), false);
  std::vector<std::pair<char, bool>> styles;  // in order of first appearance: character, overlined
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const char under = AdornmentOf(lines[i + 1].text);
    if (under == 0 || found.adornment[i] || AdornmentOf(lines[i].text) != 0) continue;
    if (TrimAscii(lines[i].text).empty() || EndsLikeSentence(lines[i].text) || !may_be_title(i, under)) continue;
    const bool overlined = i > 0 && AdornmentOf(lines[i - 1].text) == under && !found.adornment[i - 1];
    std::size_t level = 0;
    while (level < styles.size() && styles[level] != std::pair{under, overlined}) ++level;
    if (level == styles.size()) styles.emplace_back(under, overlined);
    found.level[i] = level + 1;
    found.adornment[i + 1] = true;
    if (overlined) found.adornment[i - 1] = true;
    ++i;  // the underline is no title of its own
  }
  return found;
}

}  // namespace kgx
