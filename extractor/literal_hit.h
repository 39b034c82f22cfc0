// LiteralHit: one literal found by a Vectorscan scan (its id and where it ends), as the
// gazetteer's scan hands the hits of discovery's atoms, which its database also holds, to the
// discovery prefilter (Gazetteer::Scan, PatternPrefilter::AtomsFrom).
#pragma once

#include <cstdint>

namespace kgx {

struct LiteralHit {
  std::uint32_t id;   // the literal's index in its consumer's list
  std::uint32_t end;  // offset just past it in the scanned text
  bool operator==(const LiteralHit&) const = default;
};

}  // namespace kgx
