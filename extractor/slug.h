// Slugs for entity ids: stable, readable, safe in every output format's identifiers.
#pragma once

#include <string>
#include <string_view>

namespace kgx {

// Returns the slug of a name: NFKC, lower-case, blanks and ASCII punctuation as single '-',
// '+' as "plus", '#' as "sharp", '&' as "and", '.' and '_' kept, non-ASCII letters kept as they are.
// "Amazon Aurora" -> "amazon-aurora", "C#" -> "csharp", "Node.js" -> "node.js".
std::string Slugify(std::string_view name);

}  // namespace kgx
