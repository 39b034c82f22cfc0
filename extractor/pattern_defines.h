// Shared pattern pieces: `[define NAME]` blocks, written once and used as `{=NAME}` in the
// patterns of every family (discover, section, event, context, relation). RuleSet expands them
// in the parsed blocks before any family compiles, so each family sees plain RE2.
#pragma once

#include <string_view>
#include <vector>

#include "extractor/rule_file.h"

namespace kgx {

inline constexpr std::string_view kDefineBlockKind = "define";

// Replaces every `{=NAME}` of a shared define in the pattern lines of `blocks`, in place. A define
// holds one alternative per line and may use other defines. Reports, located: an unknown name
// (outside relation blocks, whose `[relation.define]` names the relation family resolves), a
// recursive define, a define that does not compile on its own, a name defined twice.
// A one-line define without a top-level '|' that no repeat follows is inserted as written (the
// compiled pattern is the one written out by hand); any other is inserted as `(?:a|b)`.
void ExpandPatternDefines(std::vector<RuleBlock>& blocks, std::vector<RuleDiagnostic>& diagnostics);

}  // namespace kgx
