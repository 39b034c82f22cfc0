// Heading markup that is not part of a section's title: a Scrapbox (Cosense) page writes its
// headings as bold brackets ("[** オープニング]", "[* Day 2]"); the title is the text inside them.
#pragma once

#include <string_view>

namespace kgx {

// The title inside a Scrapbox bold heading ("[", one or more "*", a blank, the text, "]"), trimmed
// of blanks; `title` itself when it is no such heading (a link "[Title]", "[*]" alone, a bracket
// that closes before the end, or text with brackets of its own inside: "[* see [link]]").
std::string_view StripScrapboxHeading(std::string_view title);

}  // namespace kgx
