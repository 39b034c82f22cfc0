// Small readers of RE2 pattern syntax shared by the fast paths that reason about patterns as
// written (PatternElements, HeaderCaptures, the Segmenter's anchoring check): where a character
// class ends. A reader that is unsure answers npos, and its caller then takes no shortcut.
#pragma once

#include <cstddef>
#include <string_view>

namespace kgx {

// Returns the offset of the ']' that closes the class opened by the '[' at `open`, or npos. A ']'
// first in the class ("[]a]", "[^]a]") is a member; escapes and "[:alpha:]" are passed whole.
std::size_t RegexClassEnd(std::string_view pattern, std::size_t open);

}  // namespace kgx
