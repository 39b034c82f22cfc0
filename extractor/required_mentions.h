// RequiredMentions: how many mentions a line must hold for a relation pattern to match it, read
// from the pattern as written in rules/relations.rules. A placeholder counts unless something
// may skip it: a group or the placeholder itself followed by ?, * or {0,…}, or an alternation
// around it. {each:…} and {=define} count nothing. The count is a lower bound, so a line with
// fewer mentions can be passed over without running the pattern.
#pragma once

#include <cstddef>
#include <string_view>

namespace kgx {

std::size_t RequiredMentions(std::string_view pattern_template);

}  // namespace kgx
