// score.py's norm(): the key under which the gold scorer compares names.
#pragma once

#include <string>
#include <string_view>

namespace kgx {

// Returns NFKC of `name` with Python's casefold, a leading "amazon"/"aws" and the separators
// [\s\-_.,'’:/()] removed ("Amazon Aurora" -> "aurora").
std::string NormalizeGoldName(std::string_view name);

}  // namespace kgx
