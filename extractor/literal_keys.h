// LiteralKeys: a one-byte test that none of a side's literals (marker_context.h) can stand at a
// place of a line, so the marker checks of the relation stage turn most markers away without
// comparing each literal. A "no" is certain; a "yes" is then checked literal by literal.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

class LiteralKeys {
 public:
  // Literals that end at the place (before a marker): keyed by their last byte.
  static LiteralKeys Ending(const std::vector<std::string>& literals);
  // Literals that start at the place (after a marker): keyed by their third byte (their last
  // when shorter), as Japanese ones mostly share the first two (0xE3 0x81).
  static LiteralKeys Starting(const std::vector<std::string>& literals);

  // Whether some literal may end at `at` of `text` (start there): false only when none does.
  bool MayEndAt(std::string_view text, std::size_t at) const {
    return all_ || (at > 0 && bytes_[0][static_cast<unsigned char>(text[at - 1])]);
  }
  bool MayStartAt(std::string_view text, std::size_t at) const {
    if (all_) return true;
    for (std::size_t j = 0; j < keyed_count_; ++j) {  // mostly one: the byte all the side's literals are keyed by
      const std::size_t k = keyed_[j];
      if (at + k < text.size() && bytes_[k][static_cast<unsigned char>(text[at + k])]) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t kKeyBytes = 3;
  bool all_ = true;  // made from no literals (or an empty one): any place may do
  // The k by which some literal is keyed (Starting), in increasing order: only those are looked at.
  std::array<std::uint8_t, kKeyBytes> keyed_{};
  std::size_t keyed_count_ = 0;
  // [k]: the key bytes of the literals keyed by byte k (counted from the place: a literal that
  // ends there has its last byte at k = 0)
  std::array<std::bitset<256>, kKeyBytes> bytes_{};
};

}  // namespace kgx
