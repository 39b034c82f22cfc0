// LiteralContext: a necessary condition for a discovery pattern to match a line: one of the texts
// of an element every match holds once (`(?:,|[(（])`, `(?:at|@)`) with what must stand beside it,
// whitespace passed over, read through alternatives and past them (", Senior", "at" before a
// capital, a kanji before さん), or by how many texts begin (`の` of `の中の人|の方|…`):
// MarkerContext's walk on texts, where LiteralNeighbours sees one literal's next characters.
// The two walks stay apart on purpose: this one passes whitespace over and reads texts and the line's
// edges; LiteralNeighbours' counts whitespace as a neighbour and gives up at ^ or $ (see there).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/marker_context.h"
#include "extractor/text_finder.h"

namespace kgx {

class LiteralContext {
 public:
  // The condition of `pattern` that looks most telling, from an element whose texts begin in at
  // most four ways, or none (MayMatch always true).
  static LiteralContext Derive(std::string_view pattern);

  // False only when `pattern` cannot match anywhere in `line`.
  bool MayMatch(std::string_view line) const;
  // Whether there is a condition at all.
  bool Constrains() const { return !groups_.empty(); }

 private:
  // The best condition from an element of `elements` (read and unwrapped by UnwrapGroups).
  static LiteralContext Choose(const std::vector<PatternElement>& elements);

  // What the element may match, one of the texts, grouped by how they begin: each beginning is
  // searched for, its texts compared where it stands.
  struct Beginning {
    TextFinder finder;
    std::vector<std::string> texts;
  };
  std::vector<Beginning> groups_;
  SideContext before_, after_;      // what stands before and after it (`known` false: anything)
  bool folds_ = false;              // a side compares folded literals
};

}  // namespace kgx
