// Shared pattern pieces: `[define NAME]` blocks, written once and used as `{=NAME}` in the
// patterns of every family (discover, section, event, context, relation: patterns and option
// values). RuleSet expands them in the parsed blocks before any family compiles.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extractor/rule_file.h"

namespace kgx {

inline constexpr std::string_view kDefineBlockKind = "define";
// The define of the relation family alone, from before [define] served every family: still read
// as a [define], with a warning that names the new spelling.
inline constexpr std::string_view kDeprecatedDefineBlockKind = "relation.define";

// Replaces every `{=NAME}` of a define in the pattern lines of `blocks`, in place, so that each
// family sees the pattern as written out by hand (a relation pattern sees the placeholders a define
// holds). A define holds one alternative per line and may use other defines. Reports, located: an
// unknown name, a recursive define, a define that does not compile on its own, a name defined
// twice, and (a warning) a [relation.define]. Afterwards every define block is of kind `define`
// with its lines expanded: DefineGroup gives what it stands for.
// A one-line define of one branch without top-level flags (`(?i)`) that no repeat follows is
// inserted as written; any other as `(?:a|b)`, where a line with top-level flags is a group of its
// own, so that they govern only that line.
void ExpandPatternDefines(std::vector<RuleBlock>& blocks, std::vector<RuleDiagnostic>& diagnostics);

// What an expanded define block stands for where grouping is needed: `(?:a|b)` (see above).
std::string DefineGroup(const RuleBlock& define);

}  // namespace kgx
