// LiteralKeys (literal_keys.h): the key bytes of a side's literals, taken once when a relation
// pattern's marker contexts are read.
#include "extractor/literal_keys.h"

#include <algorithm>

namespace kgx {

LiteralKeys LiteralKeys::Ending(const std::vector<std::string>& literals) {
  LiteralKeys keys;
  keys.all_ = std::any_of(literals.begin(), literals.end(), [](const std::string& literal) { return literal.empty(); });
  for (const std::string& literal : literals) {
    if (!literal.empty()) keys.bytes_[0].set(static_cast<unsigned char>(literal.back()));
  }
  keys.used_ = 1;
  return keys;
}

LiteralKeys LiteralKeys::Starting(const std::vector<std::string>& literals) {
  LiteralKeys keys;
  keys.all_ = std::any_of(literals.begin(), literals.end(), [](const std::string& literal) { return literal.empty(); });
  for (const std::string& literal : literals) {
    if (literal.empty()) continue;
    const std::size_t k = std::min(literal.size(), kKeyBytes) - 1;
    keys.bytes_[k].set(static_cast<unsigned char>(literal[k]));
    keys.used_ |= 1U << k;
  }
  return keys;
}

}  // namespace kgx
