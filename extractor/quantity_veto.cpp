// The veto patterns of the quantity parser as one RE2 (see quantity_veto.h). Each pattern is
// checked alone first, so that an error names its own line; then all are joined as
// `(p1)|(p2)|…`. Which pattern made a match matters only for the patterns with a group of their
// own; each of those is asked alone, with the patterns before it joined into one more RE2, rather
// than the whole alternation with all its groups (RE2 backtracks over every pattern for that).
#include "extractor/quantity_veto.h"

#include <re2/re2.h>

#include <string>

namespace kgx {

struct QuantityVeto::Impl {
  // A pattern with a group of its own, and the patterns before it joined without groups.
  struct Grouped {
    std::size_t pattern = 0;
    std::unique_ptr<RE2> earlier;  // null for the first pattern
  };

  std::unique_ptr<RE2> combined;
  std::vector<int> outer_group;  // per pattern: the group wrapping it
  std::vector<bool> has_inner;   // per pattern: whether it has a group of its own
  int groups = 0;                // capturing groups of `combined`
  std::vector<std::unique_ptr<RE2>> alone;  // per pattern
  std::vector<Grouped> grouped;             // the patterns with a group, in order

  std::vector<Span> FindPlain(std::string_view line) const;
  std::vector<Span> FindFast(std::string_view line) const;
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
  int group = 1;
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
    impl.alone.push_back(std::move(alone));
    impl.outer_group.push_back(group);
    impl.has_inner.push_back(has_inner);
    group += 1 + impl.alone.back()->NumberOfCapturingGroups();
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
  impl.groups = impl.combined->NumberOfCapturingGroups();
  return veto;
}

namespace {

std::size_t Offset(std::string_view line, const re2::StringPiece& piece) {
  return static_cast<std::size_t>(piece.data() - line.data());
}

// RE2's iteration over the matches of a line, leftmost first and not overlapping: from the end of
// each match, or one character on after an empty one. `search(pos, whole)` finds the next match
// from `pos`; `span_of(whole)` says which part of it is vetoed.
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
  if (!impl_->combined) return {};
  return impl_->FindFast(line);
}

std::vector<QuantityVeto::Span> QuantityVeto::FindPlain(std::string_view line) const {
  if (!impl_->combined) return {};
  return impl_->FindPlain(line);
}

// The match is found first without its groups (RE2 then runs its DFA; asked for groups on a
// short line it backtracks over all of it), and the groups are read on the match alone.
std::vector<QuantityVeto::Span> QuantityVeto::Impl::FindPlain(std::string_view line) const {
  const re2::StringPiece text(line.data(), line.size());
  std::vector<re2::StringPiece> found(static_cast<std::size_t>(groups) + 1);
  const auto search = [&](std::size_t pos, re2::StringPiece& whole) {
    return combined->Match(text, pos, line.size(), RE2::UNANCHORED, &whole, 1);
  };
  const auto span_of = [&](const re2::StringPiece& whole) {
    const std::size_t begin = Offset(line, whole);
    if (!combined->Match(text, begin, begin + whole.size(), RE2::ANCHOR_BOTH, found.data(),
                         static_cast<int>(found.size()))) {
      return whole;  // cannot happen: the match is one
    }
    for (std::size_t i = 0; i < outer_group.size(); ++i) {
      const auto outer = static_cast<std::size_t>(outer_group[i]);
      if (found[outer].data() == nullptr) continue;
      if (has_inner[i] && found[outer + 1].data() != nullptr) return found[outer + 1];
      return found[outer];
    }
    return whole;
  };
  return EachMatch(line, search, span_of);
}

// The same matches; the vetoed part of each is found without the alternation's groups. The
// alternation prefers earlier patterns, so a match was made by the first pattern that matches
// where it starts: a pattern with a group made it when it matches there and no pattern before it
// does. When none of them did, the whole match is vetoed.
std::vector<QuantityVeto::Span> QuantityVeto::Impl::FindFast(std::string_view line) const {
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
      re2::StringPiece found[2];
      if (!pattern.Match(text, begin, begin + whole.size(), RE2::ANCHOR_BOTH, found, 2)) return whole;
      return found[1].data() != nullptr ? found[1] : whole;
    }
    return whole;
  };
  return EachMatch(line, search, span_of);
}

}  // namespace kgx
