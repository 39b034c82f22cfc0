// InclusionAside: a name in an aside that says what an amount includes is not what it measures
// (see inclusion_aside.h).
#include "extractor/inclusion_aside.h"

#include <array>

namespace kgx {

namespace {

// The words of an aside that qualifies a figure (matched as written; NFKC has made them half-width).
constexpr std::array<std::string_view, 8> kInclusionWords = {"込", "含む", "含め", "抜き", "除く",
                                                             "incl", "Incl", "exclud"};

}  // namespace

bool InInclusionAside(std::string_view line, std::size_t amount_end, std::size_t name_begin, std::size_t name_end) {
  if (amount_end > name_begin || name_end > line.size()) return false;
  // The last parenthesis opened between the amount and the name, still open at the name.
  const std::size_t open = line.substr(amount_end, name_begin - amount_end).rfind('(');
  if (open == std::string_view::npos) return false;
  const std::size_t open_at = amount_end + open;
  if (line.substr(open_at, name_begin - open_at).find(')') != std::string_view::npos) return false;
  const std::size_t close = line.find(')', name_end);
  const std::string_view aside = line.substr(open_at + 1, (close == std::string_view::npos ? line.size() : close) - open_at - 1);
  for (const std::string_view word : kInclusionWords) {
    if (aside.find(word) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace kgx
