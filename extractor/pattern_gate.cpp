// PatternGate (pattern_gate.h): a relation pattern's line conditions folded into bits once, when
// RelationRules compiles the pattern.
#include "extractor/pattern_gate.h"

namespace kgx {

PatternGate::PatternGate(const BlockOptions& options, const MentionNeeds& needs) : count_(needs.count) {
  for (std::size_t kind = 0; kind < options.kinds.size(); ++kind) {
    if (!options.kinds[kind]) continue;
    for (const std::size_t line : {std::size_t{0}, std::size_t{1}}) {
      if (LineInScope(options, line)) places_ |= static_cast<std::uint8_t>(1U << (kind * 2 + line));
    }
  }
  // The count aside (checked on its own), SatisfiedBy depends on the types present alone.
  for (TypeMask types = 0; types <= kAnyType; ++types) {
    if (needs.SatisfiedBy(needs.count, types)) types_ |= static_cast<std::uint16_t>(1U << types);
  }
}

}  // namespace kgx
