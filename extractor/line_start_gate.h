// LineStartGate: a necessary condition, read from RE2 patterns anchored at the line's start, for
// any of them to match a line: the first character after leading white space must be one a match
// can have there. `^\s*(?:#{1,6}\s*|[■◆]\s*)?(?:\*\*)?[(\[【](?P<code>…` cannot match "  • …" or
// "- …", which are most lines of notes. The Segmenter asks it before running its header set.
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kgx {

class LineStartGate {
 public:
  // The condition for `patterns` together; none (MayMatch always true) when one of them is not
  // anchored at the start, may match white space alone, or uses syntax the reader does not follow.
  static LineStartGate Derive(const std::vector<std::string>& patterns);

  // False only when no pattern can match `line` at its start.
  bool MayMatch(std::string_view line) const;
  // Whether there is a condition at all.
  bool Constrains() const { return !all_; }

 private:
  bool all_ = true;
  std::bitset<128> ascii_;                           // allowed first characters below 0x80
  std::vector<std::pair<char32_t, char32_t>> wide_;  // allowed ranges from 0x80, sorted, disjoint
};

}  // namespace kgx
