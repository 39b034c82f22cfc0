// How a line writes a change from one amount to another around a number: から … に/へ ("4 から 16
// に"), an arrow ("12 → 5"), English "from A to B", and the plural count noun that labels both ends
// ("Clusters 4 → 11"). Read by the quantity scanner (quantity_scanner.cpp); internal to the
// extractor's quantity files (namespace kgx::quantity_detail).
#pragma once

#include <cstddef>
#include <string_view>

#include "extractor/quantity_lexicon.h"

namespace kgx::quantity_detail {

inline constexpr std::string_view kRangeKara = "から";  // 60から900秒

// True when a change starts after the bare number ending at `at`: an arrow (12 → 5), or から, a
// number and に or へ (4 から 16 に).
bool ChangeFollows(std::string_view line, std::size_t at);

// True for an English count noun in the plural, its unit's name and an s ("clusters", "data centers",
// "AZs"), a y turned into ies ("queries") or es after s, x, ch or sh ("processes"): right before a number that opens a change it labels both ends ("Clusters 4 → 11"), where
// the singular names one item ("Cluster 4 → Cluster 11", "Node 3 → 5").
bool IsEnglishPlural(const LexEntry& entry, const UnitDef& def);

// True when "from" stands right before the number at `begin` and opens a change ("cut p99 from 40
// to 65 ms", "from 40 ms to 65 ms"), not a span ("ranges from 40 to 65 ms", "anywhere from 2 to 5").
bool ChangeFromBefore(std::string_view line, std::size_t begin);

// Where the second number of an English change "from A to B" starts (after " to "), or npos.
std::size_t EnglishToEnd(std::string_view line, std::size_t at);

}  // namespace kgx::quantity_detail
