// PatternGate and GateTable (pattern_gate.h): the relation patterns' line conditions folded into
// bits once, when RelationRules compiles its patterns.
#include "extractor/pattern_gate.h"

#include <tuple>

namespace kgx {

static_assert(std::tuple_size_v<decltype(BlockOptions::kinds)> * 2 == PatternGate::kPlaces, "a header and a body place per kind");

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

GateTable::GateTable(const std::vector<PatternGate>& gates) : words_((gates.size() + 63) / 64) {
  for (const PatternGate& gate : gates) max_count_ = std::max(max_count_, gate.Count());
  constexpr unsigned kPlaces = PatternGate::kPlaces;
  bits_.assign(kPlaces * (kAnyType + 1) * (max_count_ + 1) * words_, 0);
  for (unsigned place = 0; place < kPlaces; ++place) {
    for (TypeMask types = 0; types <= kAnyType; ++types) {
      for (std::size_t mentions = 0; mentions <= max_count_; ++mentions) {
        std::uint64_t* row = bits_.data() + Offset(place, mentions, types);
        for (std::size_t p = 0; p < gates.size(); ++p) {
          if (gates[p].Lets(place, mentions, types)) row[p / 64] |= std::uint64_t{1} << (p % 64);
        }
      }
    }
  }
}

}  // namespace kgx
