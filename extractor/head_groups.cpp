// HeadGroups (see head_groups.h). Why it is exact: RE2 takes the leftmost match and, among those
// starting there, the first in backtracking order; for `H T` that is H's first match at that start
// followed by T's first match after it, whenever T matches there at all. So with the match's span
// from a run without groups (its DFAs alone), H anchored at the span's start gives every group,
// and T anchored at H's end must end where the span does; when it does not, the whole pattern is
// asked as before.
#include "extractor/head_groups.h"

#include <re2/re2.h>

#include <string>
#include <vector>

#include "extractor/regex_syntax.h"

namespace kgx {

namespace {

// Returns the offset in `pattern` where its tail starts: after the last top-level piece that holds
// a capturing group (with the repeat after it); npos when the pattern has no tail to split off.
std::size_t TailStart(std::string_view pattern) {
  const std::vector<RegexToken> tokens = ReadRegexTokens(pattern);
  if (tokens.empty() || !IsSingleBranch(tokens)) return std::string_view::npos;
  std::size_t split = std::string_view::npos;
  int depth = 0;
  bool captures = false;  // the top-level group being read holds a capturing group
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const RegexToken& t = tokens[k];
    if (t.piece == RegexPiece::kUnsupported) return std::string_view::npos;
    if (t.piece == RegexPiece::kFlags && depth == 0) return std::string_view::npos;  // flags for the rest
    if (t.piece == RegexPiece::kGroupOpen) {
      if (t.group == RegexGroup::kUnsupported) return std::string_view::npos;
      if (depth == 0) captures = false;
      if (t.group != RegexGroup::kNonCapture) captures = true;
      ++depth;
      continue;
    }
    if (t.piece != RegexPiece::kGroupClose) continue;
    if (--depth < 0) return std::string_view::npos;
    if (depth > 0 || !captures) continue;
    split = t.end;
    if (k + 1 < tokens.size() && tokens[k + 1].piece == RegexPiece::kRepeat) split = tokens[k + 1].end;
  }
  if (depth != 0 || split == std::string_view::npos || split >= pattern.size()) return std::string_view::npos;
  return split;
}

}  // namespace

struct HeadGroups::Impl {
  const RE2* whole = nullptr;
  std::unique_ptr<RE2> head, tail;
};

HeadGroups::HeadGroups() : impl_(std::make_unique<Impl>()) {}
HeadGroups::~HeadGroups() = default;

std::unique_ptr<HeadGroups> HeadGroups::For(const RE2& whole) {
  const std::string& pattern = whole.pattern();
  const std::size_t split = TailStart(pattern);
  if (split == std::string_view::npos) return nullptr;
  // A head written as more than 85 % of the pattern's text compiles to more than half its program
  // (of the shipped discovery patterns, every such head does, at 78 % to 100 %; every head that
  // passes below is at most 83 % of the text): turned away before the compile that would show it.
  if (20 * split > 17 * pattern.size()) return nullptr;
  RE2::Options options(whole.options());
  options.set_log_errors(false);
  // The head is compiled first and the tail only for a head that passes: each compile costs about
  // as much as the pattern's own (3 M instructions), and most heads do not pass.
  auto head = std::make_unique<RE2>(pattern.substr(0, split), options);
  // The head keeps every group, numbered as in the whole.
  if (!head->ok() || head->NumberOfCapturingGroups() != whole.NumberOfCapturingGroups()) return nullptr;
  // The backtracker's work and the bitmap it clears grow with the program's size: a head that is
  // most of the program saves too little to pay for the two more runs (on c20 the split of a
  // title-then-name pattern, head 479 of 506 instructions, cost 17 M instructions more; that of
  // "X の事例", head 26 of 116, saved 8 M).
  if (2 * head->ProgramSize() > whole.ProgramSize()) return nullptr;
  auto tail = std::make_unique<RE2>("(?:" + pattern.substr(split) + ")", options);
  if (!tail->ok() || tail->NumberOfCapturingGroups() != 0) return nullptr;
  auto groups = std::unique_ptr<HeadGroups>(new HeadGroups());
  groups->impl_->whole = &whole;
  groups->impl_->head = std::move(head);
  groups->impl_->tail = std::move(tail);
  return groups;
}

bool HeadGroups::Match(std::string_view line, std::size_t from, re2::StringPiece* parts, int groups) const {
  const Impl& impl = *impl_;
  re2::StringPiece span;
  if (!impl.whole->Match(line, from, line.size(), RE2::UNANCHORED, &span, 1)) return false;
  if (groups <= 1) {
    if (groups == 1) parts[0] = span;
    return true;
  }
  const std::size_t start = static_cast<std::size_t>(span.data() - line.data());
  re2::StringPiece rest;
  if (impl.head->Match(line, start, line.size(), RE2::ANCHOR_START, parts, groups)) {
    const std::size_t head_end = static_cast<std::size_t>(parts[0].data() - line.data()) + parts[0].size();
    if (impl.tail->Match(line, head_end, line.size(), RE2::ANCHOR_START, &rest, 1) &&
        rest.data() + rest.size() == span.data() + span.size()) {
      parts[0] = span;
      return true;
    }
  }
  return impl.whole->Match(line, from, line.size(), RE2::UNANCHORED, parts, groups);
}

}  // namespace kgx
