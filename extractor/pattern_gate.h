// PatternGate: what a relation pattern asks of a line before any text is read — its block's
// section kinds and @where, and the mentions its placeholders need (MentionNeeds) — folded at
// compile time into a few bits, so that RelationRules turns a prefilter hit away with one load
// and three tests instead of reading the block's options and the needs' list per hit.
#pragma once

#include <cstddef>
#include <cstdint>

#include "extractor/relation_options.h"
#include "extractor/relation_template.h"

namespace kgx {

class PatternGate {
 public:
  PatternGate() = default;
  PatternGate(const BlockOptions& options, const MentionNeeds& needs);

  // Where line `i` of a section of `kind` stands among the gate's places (asked once per line).
  static unsigned Place(SectionKind kind, std::size_t i) { return static_cast<unsigned>(KindIndex(kind)) * 2 + (i != 0 ? 1 : 0); }

  // The same answer as options.kinds[kind] && LineInScope(options, i) && needs.SatisfiedBy(mentions,
  // types_present) for the options and needs the gate was made from, `place` being Place(kind, i).
  bool Lets(unsigned place, std::size_t mentions, TypeMask types_present) const {
    return (places_ >> place & 1U) != 0 && mentions >= count_ && (types_ >> types_present & 1U) != 0;
  }

 private:
  std::uint8_t places_ = 0;   // bit Place(kind, i): the block runs on such a line
  std::uint16_t types_ = 0;   // bit t: the needs' types hold on a line whose mentions' types are t
  std::size_t count_ = 0;     // the needs' count of mentions
};

static_assert(kAnyType < 16, "PatternGate keeps one bit per set of types");

}  // namespace kgx
