// Required mentions of a relation pattern (see required_mentions.h).
#include "extractor/required_mentions.h"

#include <cctype>
#include <vector>

namespace kgx {

namespace {

// One open group of the pattern: the placeholders it holds for sure, and whether it branches.
struct Group {
  std::size_t required = 0;
  bool alternation = false;
};

// True when what follows `at` lets the element before it match zero times.
bool MayRepeatZero(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  if (text[at] == '?' || text[at] == '*') return true;
  return text.compare(at, 2, "{0") == 0 || text.compare(at, 2, "{,") == 0;
}

}  // namespace

std::size_t RequiredMentions(std::string_view text) {
  std::vector<Group> groups(1);  // groups[0]: the whole pattern
  bool in_class = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      // "\x{E000}", "\p{Han}": the escape and its braces are no placeholder.
      if (i + 2 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'p' || text[i + 1] == 'P') && text[i + 2] == '{') {
        const std::size_t close = text.find('}', i + 3);
        i = close == std::string_view::npos ? text.size() : close;
      } else {
        ++i;
      }
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
      if (i + 1 < text.size() && text[i + 1] == ']') ++i;  // "[]…]": the ] is a member
      continue;
    }
    if (c == '(') {
      groups.emplace_back();
    } else if (c == '|') {
      groups.back().alternation = true;
    } else if (c == ')' && groups.size() > 1) {
      const Group closed = groups.back();
      groups.pop_back();
      if (!closed.alternation && !MayRepeatZero(text, i + 1)) groups.back().required += closed.required;
    } else if (c == '{') {
      const std::size_t close = text.find('}', i);
      if (close == std::string_view::npos) continue;
      const std::string_view inner = text.substr(i + 1, close - i - 1);
      if (inner.empty() || std::isdigit(static_cast<unsigned char>(inner.front())) || inner.front() == ',') continue;  // a repeat
      i = close;
      if (inner.front() == '=' || inner.substr(0, 5) == "each:") continue;
      if (!MayRepeatZero(text, close + 1)) ++groups.back().required;
    }
  }
  return groups.front().alternation ? 0 : groups.front().required;
}

}  // namespace kgx
