// LiteralNeighbours: a necessary condition for an RE2 pattern to match a line,
// read from the pattern: a literal it always holds outside any repeat, and the
// bytes that may stand right before and right after that literal inside a
// match. The repository pattern
// `(?:^|\s)[a-z0-9][a-z0-9-]*/(?P<name>[a-z0-9]…)` cannot match a line that has
// no `/` between one of [a-z0-9-] and one of [a-z0-9], which is most lines
// holding a `/` (dates, URLs after Japanese text, "A/B"). Prefilters select
// patterns by literals alone; this is the next, cheaper test before running
// RE2. A pattern the reader does not fully follow gets no condition.
#pragma once

#include <bitset>
#include <string>
#include <string_view>

namespace kgx {

class LiteralNeighbours {
 public:
  // The strictest condition found in `pattern`, or none (MayMatch always true).
  static LiteralNeighbours Derive(std::string_view pattern);

  // False only when `pattern` cannot match anywhere in `line`.
  bool MayMatch(std::string_view line) const;
  // Whether there is a condition at all.
  bool Constrains() const { return !literal_.empty(); }

 private:
  std::string literal_;
  bool check_before_ = false, check_after_ = false;
  std::bitset<256> before_,
      after_;  // the bytes allowed right before / after the literal
};

}  // namespace kgx
