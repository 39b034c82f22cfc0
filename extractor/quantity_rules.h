// The grammar of the [quantity.*] rule blocks (rules/README.md, "Quantities"): reads them into a
// QuantityLexicon and a list of veto patterns, reporting every malformed line at file:line:col.
// Used by QuantityParser::Compile.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/quantity_lexicon.h"
#include "extractor/rule_file.h"

namespace kgx {

// One [quantity.veto] line: an RE2 pattern whose matches (or first group) are no quantity.
struct VetoPattern {
  std::string pattern;
  Location where;
};

// Returns true for the block kinds of the quantity family: quantity.unit, quantity.count,
// quantity.scale, quantity.word, quantity.rate, quantity.qualifier, quantity.anaphor, quantity.veto,
// quantity.duration_pair.
bool IsQuantityBlockKind(std::string_view kind);

// Reads every quantity block of `blocks` (others are skipped) into `lexicon`, finished and ready
// for lookups, and `vetoes`. Problems are appended to `diagnostics`; returns false when at least
// one of them is an error.
bool CompileQuantityRules(const std::vector<RuleBlock>& blocks, QuantityLexicon& lexicon,
                          std::vector<VetoPattern>& vetoes, std::vector<RuleDiagnostic>& diagnostics);

}  // namespace kgx
