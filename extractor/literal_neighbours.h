// LiteralNeighbours: a necessary condition for an RE2 pattern to match a line,
// read from the pattern: a literal it always holds outside any repeat, and the
// characters that may stand right before and right after that literal inside a
// match (ASCII ones, listed ones, and the scripts of script_ranges.h:
// `\p{Katakana}[\p{Katakana}ー・]{2,}社` needs a katakana, ー or ・ before 社). The repository pattern
// `(?:^|\s)[a-z0-9][a-z0-9-]*/(?P<name>[a-z0-9]…)` cannot match a line that has
// no `/` between one of [a-z0-9-] and one of [a-z0-9], which is most lines
// holding a `/` (dates, URLs after Japanese text, "A/B"). Prefilters select
// patterns by literals alone; this is the next, cheaper test before running
// RE2. A pattern the reader does not fully follow gets no condition.
// Its walk (EdgeOf) is its own, not MarkerContext's Walk that LiteralContext uses, for a reason:
// it tells the one character right beside the literal, so whitespace is a character here (`\s*`
// adds the blanks to the set) and ^ or $ ends the condition, where Walk passes whitespace over
// and collects whole texts beyond it. One byte test per hit here; texts after blanks there.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>

#include "extractor/script_ranges.h"
#include "extractor/text_finder.h"

namespace kgx {

// The characters allowed on one side of the literal.
struct Neighbour {
  std::bitset<128> ascii;
  CodeRanges wide;  // from U+0080 (\p{Katakana}, （)
};

class LiteralNeighbours {
 public:
  // The strictest condition found in `pattern`, or none (MayMatch always true).
  static LiteralNeighbours Derive(std::string_view pattern);

  // False only when `pattern` cannot match anywhere in `line`.
  bool MayMatch(std::string_view line) const;
  // Whether there is a condition at all.
  bool Constrains() const { return !literal_.empty(); }

 private:
  // Whether the character right before `at` (after `end`) is allowed there.
  bool BeforeAllowed(std::string_view line, std::size_t at) const;
  bool AfterAllowed(std::string_view line, std::size_t end) const;

  TextFinder literal_;
  bool check_before_ = false, check_after_ = false;
  Neighbour before_, after_;  // the characters allowed right before / after the literal
};

}  // namespace kgx
