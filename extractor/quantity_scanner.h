// ScanQuantities: the one left-to-right pass of the quantity parser over a normalized line.
// Reads each number with what surrounds it (scale, unit or count noun, range, rate, qualifiers)
// using the compiled lexicon and vetoes. QuantityParser::Find is a thin wrapper around it.
#pragma once

#include <string_view>
#include <vector>

#include "extractor/quantity_lexicon.h"
#include "extractor/quantity_parser.h"
#include "extractor/quantity_veto.h"

namespace kgx {

// Returns the quantities of `line`, left to right, non-overlapping. `veto` may be null.
std::vector<QuantityMatch> ScanQuantities(std::string_view line, const QuantityLexicon& lexicon,
                                          const QuantityVeto* veto);

}  // namespace kgx
