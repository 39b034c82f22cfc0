// The veto patterns of the quantity parser as one RE2 (see quantity_veto.h). Each pattern is
// checked alone first, so that an error names its own line; then all are joined as
// `(p1)|(p2)|…` and the group layout is remembered to find which pattern matched.
#include "extractor/quantity_veto.h"

#include <re2/re2.h>

#include <string>

namespace kgx {

struct QuantityVeto::Impl {
  std::unique_ptr<RE2> combined;
  std::vector<int> outer_group;  // per pattern: the group wrapping it
  std::vector<bool> has_inner;   // per pattern: whether it has a group of its own
  int groups = 0;                // capturing groups of `combined`
};

QuantityVeto::QuantityVeto() : impl_(std::make_unique<Impl>()) {}
QuantityVeto::~QuantityVeto() = default;

std::unique_ptr<QuantityVeto> QuantityVeto::Compile(const std::vector<VetoPattern>& patterns,
                                                    std::vector<RuleDiagnostic>& diagnostics) {
  RE2::Options options;
  options.set_log_errors(false);
  auto veto = std::unique_ptr<QuantityVeto>(new QuantityVeto());
  std::string joined;
  int group = 1;
  bool bad = false;
  for (const VetoPattern& pattern : patterns) {
    const RE2 alone(pattern.pattern, options);
    if (!alone.ok()) {
      diagnostics.push_back({pattern.where, "bad pattern '" + pattern.pattern + "': " + alone.error(), true});
      bad = true;
      continue;
    }
    if (RE2::PartialMatch("", alone)) {  // would veto nothing, or everything
      diagnostics.push_back({pattern.where, "pattern '" + pattern.pattern + "' matches the empty string", true});
      bad = true;
      continue;
    }
    if (!joined.empty()) joined += '|';
    joined += "(" + pattern.pattern + ")";
    veto->impl_->outer_group.push_back(group);
    veto->impl_->has_inner.push_back(alone.NumberOfCapturingGroups() > 0);
    group += 1 + alone.NumberOfCapturingGroups();
  }
  if (bad) return nullptr;
  if (joined.empty()) return veto;
  veto->impl_->combined = std::make_unique<RE2>(joined, options);
  if (!veto->impl_->combined->ok()) {
    diagnostics.push_back({patterns.front().where,
                           "veto patterns do not combine: " + veto->impl_->combined->error(), true});
    return nullptr;
  }
  veto->impl_->groups = veto->impl_->combined->NumberOfCapturingGroups();
  return veto;
}

std::vector<QuantityVeto::Span> QuantityVeto::Find(std::string_view line) const {
  std::vector<Span> spans;
  const Impl& impl = *impl_;
  if (!impl.combined) return spans;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(impl.groups) + 1);
  const re2::StringPiece text(line.data(), line.size());
  std::size_t pos = 0;
  // The match is found first without its groups (RE2 then runs its DFA; asked for groups on a
  // short line it backtracks over all of it), and the groups are read on the match alone.
  const auto next_match = [&]() {
    re2::StringPiece whole;
    if (!impl.combined->Match(text, pos, line.size(), RE2::UNANCHORED, &whole, 1)) return false;
    const auto begin = static_cast<std::size_t>(whole.data() - line.data());
    return impl.combined->Match(text, begin, begin + whole.size(), RE2::ANCHOR_BOTH, groups.data(),
                                static_cast<int>(groups.size()));
  };
  while (pos <= line.size() && next_match()) {
    const auto offset = [&](const re2::StringPiece& piece) {
      return static_cast<std::size_t>(piece.data() - line.data());
    };
    re2::StringPiece span = groups[0];
    for (std::size_t i = 0; i < impl.outer_group.size(); ++i) {
      const auto outer = static_cast<std::size_t>(impl.outer_group[i]);
      if (groups[outer].data() == nullptr) continue;
      span = groups[outer];
      if (impl.has_inner[i] && groups[outer + 1].data() != nullptr) span = groups[outer + 1];
      break;
    }
    const std::size_t begin = offset(span);
    const std::size_t end = begin + span.size();
    if (end > begin) spans.push_back({begin, end});
    std::size_t next = end > offset(groups[0]) ? end : offset(groups[0]) + 1;
    while (next < line.size() && (static_cast<unsigned char>(line[next]) & 0xC0) == 0x80) ++next;
    if (next <= pos) next = pos + 1;
    pos = next;
  }
  return spans;
}

}  // namespace kgx
