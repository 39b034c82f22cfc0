// Finds the title of a front matter block (see front_matter.h): a YAML "key: value" or TOML
// "key = value" block between two delimiter lines at the top of the document.
#include "extractor/front_matter.h"

#include <string_view>

#include "extractor/text_util.h"

namespace kgx {
namespace {

// A block longer than this is no front matter but a document that opens with a rule ("---").
constexpr std::size_t kMaxFrontMatterLines = 60;

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// For a "key: value" (YAML) or "key = value" (TOML) line, sets `key` and `value` (trimmed).
bool ReadKeyValue(std::string_view line, char separator, std::string_view& key, std::string_view& value) {
  std::size_t end = 0;
  while (end < line.size() && IsKeyChar(line[end])) ++end;
  if (end == 0) return false;
  key = line.substr(0, end);
  const std::string_view rest = TrimAscii(line.substr(end));
  if (rest.empty() || rest[0] != separator) return false;
  value = TrimAscii(rest.substr(1));
  return true;
}

// A line inside the block: blank, a comment, a list item or a continuation (indented), or a key.
bool IsMetadataLine(std::string_view text, char separator) {
  const std::string_view trimmed = TrimAscii(text);
  if (trimmed.empty() || trimmed[0] == '#' || trimmed[0] == '-' || text[0] == ' ' || text[0] == '\t') return true;
  std::string_view key, value;
  return ReadKeyValue(trimmed, separator, key, value);
}

}  // namespace

std::size_t FrontMatterEnd(const std::vector<LineView>& lines) {
  if (lines.empty()) return 0;
  const std::string_view delimiter = TrimAscii(lines[0].text);
  if (delimiter != "---" && delimiter != "+++") return 0;
  const char separator = delimiter == "---" ? ':' : '=';
  for (std::size_t i = 1; i < lines.size() && i <= kMaxFrontMatterLines; ++i) {
    if (TrimAscii(lines[i].text) == delimiter) return i;
    if (!IsMetadataLine(lines[i].text, separator)) return 0;
  }
  return 0;
}

std::optional<FrontMatterTitle> FindFrontMatterTitle(const std::vector<LineView>& lines) {
  if (lines.empty()) return std::nullopt;
  const std::string_view delimiter = TrimAscii(lines[0].text);
  if (delimiter != "---" && delimiter != "+++") return std::nullopt;
  const char separator = delimiter == "---" ? ':' : '=';
  std::optional<FrontMatterTitle> title;
  for (std::size_t i = 1; i < lines.size() && i <= kMaxFrontMatterLines; ++i) {
    const LineView& line = lines[i];
    if (TrimAscii(line.text) == delimiter) return title;  // closed: the block is front matter
    if (!IsMetadataLine(line.text, separator)) return std::nullopt;
    std::string_view key, value;
    if (title || !ReadKeyValue(line.text, separator, key, value) || key != "title") continue;
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
      value = TrimAscii(value.substr(1, value.size() - 2));
    }
    if (value.empty()) continue;
    const std::size_t begin = line.norm_begin + static_cast<std::size_t>(value.data() - line.text.data());
    title = FrontMatterTitle{begin, begin + value.size(), line.number};
  }
  return std::nullopt;
}

}  // namespace kgx
