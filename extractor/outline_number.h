// Outline numbers: the "2.3 " or "2.3.1 " that a report exported from Google Docs or Word puts before
// each heading of its numbered outline. The segmenter lets such a line be as long as a marked heading:
// the number marks it as one ("2.3 Cost optimization with Karpenter and spot instances"), and its
// depth is the heading's level: a talk opened on "2.2 Title" keeps its "2.2.1 概要" and "2.2.2 所感".
#pragma once

#include <cstddef>
#include <string_view>

namespace kgx {

// True when `line` (blanks before it aside) opens with an outline number of two to four levels
// ("2.3", "2.3.1", "1.1."; one or two digits each), then a blank and a capital or a Japanese word: not a
// decimal that measures something ("1.5 times", "2.0x") or a version a particle follows ("3.12 で").
// OutlineDepth gives the number's levels (2 for "2.3", 3 for "2.3.1"), 0 for a line that opens with none.
std::size_t OutlineDepth(std::string_view line);
inline bool OpensWithOutlineNumber(std::string_view line) { return OutlineDepth(line) > 0; }

}  // namespace kgx
