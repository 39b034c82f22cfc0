// Arrows between two amounts: "cluster数は 40 → 12", "120台 -> 30台", "$12,000 ⇒ $4,000". An arrow
// writes a change from one quantity to another, never a range: both ends are quantities, and a bare
// number on one end counts what the other end counts.
#pragma once

#include <cstddef>
#include <string_view>

namespace kgx {

// The position after the arrow that stands at `at` (blanks before and after it skipped), or npos
// when there is none. Arrows: → ⇒ ⟶ ➡ -> --> =>.
std::size_t ArrowEnd(std::string_view line, std::size_t at);

}  // namespace kgx
