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
  keys.keyed_count_ = 1;  // keyed_[0] = 0: the last byte
  return keys;
}

LiteralKeys LiteralKeys::Starting(const std::vector<std::string>& literals) {
  LiteralKeys keys;
  keys.all_ = std::any_of(literals.begin(), literals.end(), [](const std::string& literal) { return literal.empty(); });
  for (const std::string& literal : literals) {
    if (literal.empty()) continue;
    const std::size_t k = std::min(literal.size(), kKeyBytes) - 1;
    keys.bytes_[k].set(static_cast<unsigned char>(literal[k]));
  }
  for (std::size_t k = 0; k < kKeyBytes; ++k) {
    if (keys.bytes_[k].any()) keys.keyed_[keys.keyed_count_++] = static_cast<std::uint8_t>(k);
  }
  return keys;
}

}  // namespace kgx
