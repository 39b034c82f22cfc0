// Line shapes of the wiki markups (see wiki_lines.h): each reads one line's leading marks.
#include "extractor/wiki_lines.h"

#include "extractor/text_util.h"

namespace kgx {

namespace {

constexpr std::size_t kMostLevels = 6;
constexpr std::size_t kMostHatenaStars = 3;
constexpr std::size_t kMostHatenaLabel = 12;  // "*1700000000*": a Unix time
constexpr std::size_t kMostTextileAttributes = 40;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::size_t RunOf(std::string_view line, char mark) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == mark) ++n;
  return n;
}

}  // namespace

std::size_t TextileHeadingMark(std::string_view line) {
  if (line.size() < 5 || line[0] != 'h' || line[1] < '1' || line[1] > '6') return 0;
  // attributes between the level and the dot: "(#id)", "{color:red}", "[ja]", "<", ">", "=", "<>"
  std::size_t dot = 2;
  while (dot < line.size() && dot < 2 + kMostTextileAttributes && line[dot] != '.' && line[dot] != ' ') ++dot;
  if (dot >= line.size() || line[dot] != '.' || dot + 2 > line.size() || line[dot + 1] != ' ') return 0;
  const std::string_view attributes = line.substr(2, dot - 2);
  if (!attributes.empty() && std::string_view("({[<>=").find(attributes.front()) == std::string_view::npos) return 0;
  return TrimAscii(line.substr(dot + 1)).empty() ? 0 : dot + 1;
}

std::size_t EqualsHeadingLevel(std::string_view line) {
  const std::size_t level = RunOf(line, '=');
  if (level == 0 || level > kMostLevels || level + 1 >= line.size() || line[level] != ' ') return 0;
  return TrimAscii(line.substr(level)).empty() ? 0 : level;
}

std::size_t MediaWikiHeadingLevel(std::string_view line) {
  line = TrimAscii(line);
  const std::size_t level = RunOf(line, '=');
  if (level == 0 || level > kMostLevels || line.size() < 2 * level + 1) return 0;
  std::size_t closing = 0;
  while (closing < line.size() && line[line.size() - 1 - closing] == '=') ++closing;
  if (closing != level) return 0;
  return TrimAscii(line.substr(level, line.size() - 2 * level)).empty() ? 0 : level;
}

std::size_t HatenaHeadingMark(std::string_view line) {
  const std::size_t stars = RunOf(line, '*');
  if (stars == 0 || stars > kMostHatenaStars || stars >= line.size() || IsBlank(line[stars])) return 0;
  std::string_view rest = TrimAscii(line.substr(stars));
  // a label: "*t*Title", "*1700000000*Title" (one star only), then no star more
  if (stars == 1) {
    const std::size_t close = rest.find('*');
    if (close != std::string_view::npos && close > 0 && close <= kMostHatenaLabel) {
      bool label = true;
      for (std::size_t k = 0; k < close; ++k) label &= IsAsciiAlnum(static_cast<unsigned char>(rest[k])) || rest[k] == '_';
      if (label) rest.remove_prefix(close + 1);
    }
  }
  if (rest.empty() || rest.find('*') != std::string_view::npos) return 0;  // emphasis, bold
  return stars;
}

bool IsHatenaListItem(std::string_view line) {
  if (line.empty() || (line[0] != '-' && line[0] != '+')) return false;
  const std::size_t signs = RunOf(line, line[0]);
  if (signs > kMostHatenaStars || signs >= line.size()) return false;
  const char next = line[signs];
  return !IsBlank(next) && next != '-' && next != '+' && next != '>' && !(next >= '0' && next <= '9');
}

bool IsAsciiDocAttribute(std::string_view line) {
  if (line.size() < 3 || line[0] != ':' || !IsAsciiAlnum(static_cast<unsigned char>(line[1]))) return false;
  std::size_t end = 1;
  while (end < line.size() && (IsAsciiAlnum(static_cast<unsigned char>(line[end])) || line[end] == '_' || line[end] == '-')) ++end;
  if (end < line.size() && line[end] == '!') ++end;
  return end < line.size() && line[end] == ':' && (end + 1 == line.size() || IsBlank(line[end + 1]));
}

}  // namespace kgx
