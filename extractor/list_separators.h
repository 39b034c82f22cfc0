// The separators between the items of a list in one normalized line, for list discovery:
// ",", "、", "，", "/" with a space beside it, " and ", " & ", and と/や right between two Latin
// characters. FindSeparators passes the bytes that begin none sixteen at a time; FindSeparatorsPlain
// is the byte-by-byte form it must agree with (tests compare them).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kgx {

struct Separator {
  std::size_t begin, end;  // with the spaces around it
  bool operator==(const Separator&) const = default;
};

std::vector<Separator> FindSeparators(std::string_view line);
std::vector<Separator> FindSeparatorsPlain(std::string_view line);

}  // namespace kgx
