// PatternGate: what a relation pattern asks of a line before any text is read — its block's
// section kinds and @where, and the mentions its placeholders need (MentionNeeds) — folded at
// compile time into a few bits; GateTable: the gates of all patterns as one row of bits per kind
// of line, so that RelationRules picks a line's row once and turns a prefilter hit away with one
// bit test instead of reading the block's options and the needs' list per hit.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "extractor/relation_options.h"
#include "extractor/relation_template.h"

namespace kgx {

class PatternGate {
 public:
  PatternGate() = default;
  PatternGate(const BlockOptions& options, const MentionNeeds& needs);

  // How many places there are: three kinds of section, each with its header and its body.
  static constexpr unsigned kPlaces = 6;
  // Where line `i` of a section of `kind` stands among the gate's places (asked once per line).
  static unsigned Place(SectionKind kind, std::size_t i) { return static_cast<unsigned>(KindIndex(kind)) * 2 + (i != 0 ? 1 : 0); }

  // The same answer as options.kinds[kind] && LineInScope(options, i) && needs.SatisfiedBy(mentions,
  // types_present) for the options and needs the gate was made from, `place` being Place(kind, i).
  bool Lets(unsigned place, std::size_t mentions, TypeMask types_present) const {
    return (places_ >> place & 1U) != 0 && mentions >= count_ && (types_ >> types_present & 1U) != 0;
  }
  std::size_t Count() const { return count_; }

 private:
  std::uint8_t places_ = 0;   // bit Place(kind, i): the block runs on such a line
  std::uint16_t types_ = 0;   // bit t: the needs' types hold on a line whose mentions' types are t
  std::size_t count_ = 0;     // the needs' count of mentions
};

// The answers of a list of gates for every place, count of mentions and set of types, worked out
// once: a line's row holds bit p for gate p when that gate lets the line through.
class GateTable {
 public:
  GateTable() = default;
  explicit GateTable(const std::vector<PatternGate>& gates);

  // The row of a line: what gates[p].Lets(place, mentions, types_present) says, as bit p.
  const std::uint64_t* Row(unsigned place, std::size_t mentions, TypeMask types_present) const {
    return bits_.data() + Offset(place, mentions, types_present);
  }
  static bool Lets(const std::uint64_t* row, std::size_t p) { return (row[p / 64] >> (p % 64) & 1U) != 0; }

 private:
  std::size_t Offset(unsigned place, std::size_t mentions, TypeMask types_present) const {
    const std::size_t key = (place * (kAnyType + 1) + types_present) * (max_count_ + 1) + std::min(mentions, max_count_);
    return key * words_;
  }

  std::size_t max_count_ = 0;  // the most mentions a gate asks for: more let the same gates through
  std::size_t words_ = 0;      // per row
  std::vector<std::uint64_t> bits_;
};

static_assert(kAnyType < 16, "PatternGate keeps one bit per set of types");

}  // namespace kgx
