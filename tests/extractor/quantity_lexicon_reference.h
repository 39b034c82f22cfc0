// QuantityLexiconReference: where a quantity may start, found the plain way, for tests only:
// character by character with the lexicon's two-byte and three-byte tests alone. The skip in
// QuantityLexicon::NextPossibleStart must give the same offsets.
#pragma once

#include <cstddef>
#include <string_view>

#include "extractor/quantity_lexicon.h"

namespace kgx {

struct QuantityLexiconReference {
  static std::size_t NextPossibleStartByChar(const QuantityLexicon& lexicon, std::string_view line, std::size_t pos) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
    const std::size_t size = line.size();
    while (pos < size) {
      const unsigned second = pos + 1 < size ? bytes[pos + 1] : 0u;
      if (lexicon.quantity_starts_[bytes[pos] << 8 | second] && lexicon.ThirdByteMayStart(bytes, size, pos)) return pos;
      ++pos;
      while (pos < size && (bytes[pos] & 0xC0) == 0x80) ++pos;  // a continuation byte starts nothing
    }
    return size;
  }
};

}  // namespace kgx
