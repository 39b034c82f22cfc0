// NfkcPlain: the characters NFKC keeps as they are, told without running ICU's normalizer: a
// text made only of characters with NFKC_Quick_Check=Yes and combining class 0 is in NFKC
// (UAX #15 quick check). Read from ICU's character properties 64 code points at a time, the first
// time one of them is asked about. Used by the Normalizer to pass most lines through unchanged.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace kgx {

namespace nfkc_plain_detail {

// One bit per BMP code point, and one bit per block of 64 saying whether it has been read.
struct Table {
  std::array<std::atomic<std::uint64_t>, 1024> bits{};
  std::array<std::atomic<std::uint64_t>, 16> read{};
};
extern Table table;
void ReadBlock(std::size_t block);

}  // namespace nfkc_plain_detail

// Returns true when `cp` is in the Basic Multilingual Plane, has NFKC_Quick_Check=Yes and
// combining class 0. Thread-safe.
inline bool IsNfkcPlain(char32_t cp) {
  using nfkc_plain_detail::table;
  if (cp >= 0x10000) return false;
  const std::size_t block = cp >> 6;
  if (((table.read[block >> 6].load(std::memory_order_acquire) >> (block & 63)) & 1) == 0) {
    nfkc_plain_detail::ReadBlock(block);
  }
  return ((table.bits[block].load(std::memory_order_relaxed) >> (cp & 63)) & 1) != 0;
}

}  // namespace kgx
