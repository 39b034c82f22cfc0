// Readers of RE2 pattern syntax (see regex_syntax.h).
#include "extractor/regex_syntax.h"

namespace kgx {

std::size_t RegexClassEnd(std::string_view p, std::size_t open) {
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t i = open + 1;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // "[]…]": the ] is a member
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\') {
      i += 2;
    } else if (p.substr(i).starts_with("[:")) {  // [:alpha:]
      const std::size_t close = p.find(":]", i + 2);
      if (close == kNone) return kNone;
      i = close + 2;
    } else {
      ++i;
    }
  }
  return i < p.size() ? i : kNone;
}

}  // namespace kgx
