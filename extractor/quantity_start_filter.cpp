// Tables of the 32-byte quantity start scan (see quantity_start_filter.h), from the lexicon's
// two-byte table.
#include "extractor/quantity_start_filter.h"

namespace kgx {

bool CpuHasAvx2() {
#if defined(__x86_64__) && defined(__GNUC__)
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
#else
  return false;
#endif
}

void QuantityStartFilter::Build(const std::bitset<65536>& starts, const std::array<bool, 256>& may_lead) {
  low_rows_below.fill(0), low_rows_above.fill(0), pair_rows_below.fill(0), pair_rows_above.fill(0);
  for (unsigned nibble = 0; nibble < 16; ++nibble) {
    nibble_bit_below[nibble] = nibble < 8 ? static_cast<std::uint8_t>(1u << nibble) : 0;
    nibble_bit_above[nibble] = nibble >= 8 ? static_cast<std::uint8_t>(1u << (nibble - 8)) : 0;
  }
  for (unsigned byte = 0; byte < 256; ++byte) {
    if (!may_lead[byte]) continue;
    const unsigned high = byte >> 4, low = byte & 15u;
    (high < 8 ? low_rows_below : low_rows_above)[low] |= static_cast<std::uint8_t>(1u << (high & 7u));
  }
  for (unsigned lead = 0; lead < 16; ++lead) {
    for (unsigned second = 0; second < 256; ++second) {
      if (!starts[(0xE0u | lead) << 8 | second]) continue;
      (lead < 8 ? pair_rows_below : pair_rows_above)[second & 15u] |= static_cast<std::uint8_t>(1u << (lead & 7u));
    }
  }
}

}  // namespace kgx
