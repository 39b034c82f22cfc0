// PlainVeto: the veto's spans read the plain way, for tests only: the patterns joined as one
// alternation `(p1)|(p2)|…`, each match found without groups and its groups then read on the
// match alone. QuantityVeto::Find must give the same spans.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/quantity_rules.h"
#include "extractor/quantity_veto.h"

namespace kgx {

class PlainVeto {
 public:
  explicit PlainVeto(const std::vector<VetoPattern>& patterns) {
    std::string joined;
    int group = 1;
    for (const VetoPattern& pattern : patterns) {
      const RE2 alone(pattern.pattern, RE2::Quiet);
      if (!joined.empty()) joined += '|';
      joined += "(" + pattern.pattern + ")";
      outer_group_.push_back(group);
      has_inner_.push_back(alone.NumberOfCapturingGroups() > 0);
      group += 1 + alone.NumberOfCapturingGroups();
    }
    if (!joined.empty()) combined_ = std::make_unique<RE2>(joined, RE2::Quiet);
  }

  // The vetoed spans of `line`: RE2's iteration over the alternation's matches, leftmost first,
  // from the end of each vetoed span (one character on after an empty one).
  std::vector<QuantityVeto::Span> Find(std::string_view line) const {
    std::vector<QuantityVeto::Span> spans;
    if (!combined_) return spans;
    const re2::StringPiece text(line.data(), line.size());
    std::vector<re2::StringPiece> found(static_cast<std::size_t>(combined_->NumberOfCapturingGroups()) + 1);
    std::size_t pos = 0;
    re2::StringPiece whole;
    while (pos <= line.size() && combined_->Match(text, pos, line.size(), RE2::UNANCHORED, &whole, 1)) {
      const std::size_t start = Offset(line, whole);
      re2::StringPiece span = whole;
      if (combined_->Match(text, start, start + whole.size(), RE2::ANCHOR_BOTH, found.data(),
                           static_cast<int>(found.size()))) {
        for (std::size_t i = 0; i < outer_group_.size(); ++i) {
          const auto outer = static_cast<std::size_t>(outer_group_[i]);
          if (found[outer].data() == nullptr) continue;
          span = has_inner_[i] && found[outer + 1].data() != nullptr ? found[outer + 1] : found[outer];
          break;
        }
      }
      const std::size_t begin = Offset(line, span);
      const std::size_t end = begin + span.size();
      if (end > begin) spans.push_back({begin, end});
      std::size_t next = end > start ? end : start + 1;
      while (next < line.size() && (static_cast<unsigned char>(line[next]) & 0xC0) == 0x80) ++next;
      pos = next > pos ? next : pos + 1;
    }
    return spans;
  }

 private:
  static std::size_t Offset(std::string_view line, const re2::StringPiece& piece) {
    return static_cast<std::size_t>(piece.data() - line.data());
  }

  std::unique_ptr<RE2> combined_;
  std::vector<int> outer_group_;  // per pattern: the group wrapping it
  std::vector<bool> has_inner_;   // per pattern: whether it has a group of its own
};

}  // namespace kgx
