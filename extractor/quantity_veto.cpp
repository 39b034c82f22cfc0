// The veto patterns of the quantity parser (see quantity_veto.h). Each pattern is checked alone
// first, so that an error names its own line. One RE2::Set of all of them says which patterns
// match a line anywhere, by one forward pass (most lines with a number match none: then nothing
// more is read); the alternation's matches are then those of these few, merged: the leftmost, and
// of those starting together the earliest pattern's, each searched alone (a small DFA) and again
// only once the scan has passed its last match. When many patterns match, or the set cannot
// tell, the joined alternation `(p1)|(p2)|…` is searched instead;
// which pattern made a match matters only for the patterns with a group of their own, and each of
// those is asked alone, with the patterns before it joined into one more RE2, rather than the whole
// alternation with all its groups (RE2 backtracks over every pattern for that).
#include "extractor/quantity_veto.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <string>

namespace kgx {

namespace {

// Up to this many candidate patterns are searched one by one; more, and the alternation is.
constexpr std::size_t kMaxMerged = 4;

}  // namespace

struct QuantityVeto::Impl {
  // A pattern with a group of its own, and the patterns before it joined without groups.
  struct Grouped {
    std::size_t pattern = 0;
    std::unique_ptr<RE2> earlier;  // null for the first pattern
  };

  std::unique_ptr<RE2> combined;
  std::vector<bool> has_inner;   // per pattern: whether it has a group of its own
  std::vector<std::unique_ptr<RE2>> alone;  // per pattern
  std::vector<Grouped> grouped;             // the patterns with a group, in order
  std::unique_ptr<RE2::Set> any;            // every pattern, unanchored; null if it did not compile

  std::vector<Span> FindByAlternation(std::string_view line) const;
  std::vector<Span> FindAmong(std::string_view line, const std::vector<int>& candidates) const;
  // The vetoed part of `whole`, a match pattern `p` made.
  re2::StringPiece SpanOf(std::size_t p, std::string_view line, const re2::StringPiece& whole) const;
};

QuantityVeto::QuantityVeto() : impl_(std::make_unique<Impl>()) {}
QuantityVeto::~QuantityVeto() = default;

std::unique_ptr<QuantityVeto> QuantityVeto::Compile(const std::vector<VetoPattern>& patterns,
                                                    std::vector<RuleDiagnostic>& diagnostics) {
  RE2::Options options;
  options.set_log_errors(false);
  auto veto = std::unique_ptr<QuantityVeto>(new QuantityVeto());
  Impl& impl = *veto->impl_;
  std::string joined, joined_plain;
  RE2::Options set_options = options;
  set_options.set_max_mem(64 << 20);  // its DFA meets many states: less often rebuilt from nothing
  auto any = std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED);
  bool bad = false;
  for (const VetoPattern& pattern : patterns) {
    auto alone = std::make_unique<RE2>(pattern.pattern, options);
    if (!alone->ok()) {
      diagnostics.push_back({pattern.where, "bad pattern '" + pattern.pattern + "': " + alone->error(), true});
      bad = true;
      continue;
    }
    if (RE2::PartialMatch("", *alone)) {  // would veto nothing, or everything
      diagnostics.push_back({pattern.where, "pattern '" + pattern.pattern + "' matches the empty string", true});
      bad = true;
      continue;
    }
    const bool has_inner = alone->NumberOfCapturingGroups() > 0;
    if (has_inner) {
      Impl::Grouped grouped;
      grouped.pattern = impl.alone.size();
      if (!joined_plain.empty()) grouped.earlier = std::make_unique<RE2>(joined_plain, options);
      impl.grouped.push_back(std::move(grouped));
    }
    if (!joined.empty()) {
      joined += '|';
      joined_plain += '|';
    }
    joined += "(" + pattern.pattern + ")";
    joined_plain += "(?:" + pattern.pattern + ")";
    if (any && any->Add(pattern.pattern, nullptr) < 0) any.reset();
    impl.alone.push_back(std::move(alone));
    impl.has_inner.push_back(has_inner);
  }
  if (bad) return nullptr;
  if (joined.empty()) return veto;
  impl.combined = std::make_unique<RE2>(joined, options);
  std::string error = impl.combined->error();
  for (const Impl::Grouped& grouped : impl.grouped) {
    if (error.empty() && grouped.earlier) error = grouped.earlier->error();
  }
  if (!error.empty()) {
    diagnostics.push_back({patterns.front().where, "veto patterns do not combine: " + error, true});
    return nullptr;
  }
  if (any && any->Compile()) impl.any = std::move(any);
  return veto;
}

namespace {

std::size_t Offset(std::string_view line, const re2::StringPiece& piece) {
  return static_cast<std::size_t>(piece.data() - line.data());
}

// RE2's iteration over the matches of a line, leftmost first and not overlapping: from the end of
// each vetoed span, or one character on after an empty one. `search(pos, whole)` finds the next
// match from `pos`; `span_of(whole)` says which part of it is vetoed.
template <typename Search, typename SpanOf>
std::vector<QuantityVeto::Span> EachMatch(std::string_view line, Search&& search, SpanOf&& span_of) {
  std::vector<QuantityVeto::Span> spans;
  std::size_t pos = 0;
  re2::StringPiece whole;
  while (pos <= line.size() && search(pos, whole)) {
    const re2::StringPiece span = span_of(whole);
    const std::size_t begin = Offset(line, span);
    const std::size_t end = begin + span.size();
    if (end > begin) spans.push_back({begin, end});
    std::size_t next = end > Offset(line, whole) ? end : Offset(line, whole) + 1;
    while (next < line.size() && (static_cast<unsigned char>(line[next]) & 0xC0) == 0x80) ++next;
    if (next <= pos) next = pos + 1;
    pos = next;
  }
  return spans;
}

}  // namespace

std::vector<QuantityVeto::Span> QuantityVeto::Find(std::string_view line) const {
  const Impl& impl = *impl_;
  if (!impl.combined) return {};
  if (impl.any) {
    RE2::Set::ErrorInfo error{RE2::Set::kNoError};
    if (!impl.any->Match(line, nullptr, &error)) {
      if (error.kind == RE2::Set::kNoError) return {};
      return impl.FindByAlternation(line);
    }
    thread_local std::vector<int> matched;
    matched.clear();
    if (impl.any->Match(line, &matched, &error) && matched.size() <= kMaxMerged) {
      std::sort(matched.begin(), matched.end());  // as the patterns stand in the alternation
      return impl.FindAmong(line, matched);
    }
  }
  return impl.FindByAlternation(line);
}

re2::StringPiece QuantityVeto::Impl::SpanOf(std::size_t p, std::string_view line, const re2::StringPiece& whole) const {
  if (!has_inner[p]) return whole;
  const re2::StringPiece text(line.data(), line.size());
  const std::size_t begin = Offset(line, whole);
  re2::StringPiece found[2];
  if (!alone[p]->Match(text, begin, begin + whole.size(), RE2::ANCHOR_BOTH, found, 2)) return whole;
  return found[1].data() != nullptr ? found[1] : whole;
}

// The alternation's matches from the patterns that can match at all (ascending, as they stand in
// the alternation): it takes the leftmost match of any, and of those starting there the earliest
// pattern's, whose own preferred match it is. A pattern's next match stays its next until the
// scan passes its start.
std::vector<QuantityVeto::Span> QuantityVeto::Impl::FindAmong(std::string_view line,
                                                              const std::vector<int>& candidates) const {
  const re2::StringPiece text(line.data(), line.size());
  struct Next {
    std::size_t pattern = 0;
    re2::StringPiece match;
    bool known = false;  // `match` is the pattern's leftmost from a position not after the scan
    bool none = false;   // no match from there on
  };
  Next next[kMaxMerged];
  const std::size_t count = candidates.size();
  for (std::size_t i = 0; i < count; ++i) next[i].pattern = static_cast<std::size_t>(candidates[i]);
  std::size_t made_by = 0;
  const auto search = [&](std::size_t pos, re2::StringPiece& whole) {
    const Next* best = nullptr;
    for (std::size_t i = 0; i < count; ++i) {
      Next& n = next[i];
      if (n.none) continue;
      if (!n.known || Offset(line, n.match) < pos) {
        n.known = true;
        n.none = !alone[n.pattern]->Match(text, pos, line.size(), RE2::UNANCHORED, &n.match, 1);
        if (n.none) continue;
      }
      if (best == nullptr || Offset(line, n.match) < Offset(line, best->match)) best = &n;
    }
    if (best == nullptr) return false;
    whole = best->match;
    made_by = best->pattern;
    return true;
  };
  return EachMatch(line, search, [&](const re2::StringPiece& whole) { return SpanOf(made_by, line, whole); });
}

// The same matches by the alternation; the vetoed part of each is found without the
// alternation's groups. The alternation prefers earlier patterns, so a match was made by the
// first pattern that matches where it starts: a pattern with a group made it when it matches
// there and no pattern before it does. When none of them did, the whole match is vetoed.
std::vector<QuantityVeto::Span> QuantityVeto::Impl::FindByAlternation(std::string_view line) const {
  const re2::StringPiece text(line.data(), line.size());
  const auto search = [&](std::size_t pos, re2::StringPiece& whole) {
    return combined->Match(text, pos, line.size(), RE2::UNANCHORED, &whole, 1);
  };
  const auto span_of = [&](const re2::StringPiece& whole) {
    const std::size_t begin = Offset(line, whole);
    for (const Grouped& candidate : grouped) {
      const RE2& pattern = *alone[candidate.pattern];
      if (!pattern.Match(text, begin, line.size(), RE2::ANCHOR_START, nullptr, 0)) continue;
      if (candidate.earlier && candidate.earlier->Match(text, begin, line.size(), RE2::ANCHOR_START, nullptr, 0)) {
        return whole;  // a pattern without a group, before this one, made the match
      }
      return SpanOf(candidate.pattern, line, whole);
    }
    return whole;
  };
  return EachMatch(line, search, span_of);
}

}  // namespace kgx
