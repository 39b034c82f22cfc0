// QuantityStartFilter: nibble lookup tables, built from QuantityLexicon's two-byte table, with
// which the 32-byte scan of NextPossibleStart marks the bytes that may begin a quantity (a superset
// of its stops) by two byte-shuffles per test. Built by QuantityLexicon::Finish; read-only after.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>

namespace kgx {

// Which block scan NextPossibleStart takes: the best the CPU has, or one forced (tests compare them).
enum class StartScan : std::uint8_t { kBest, kScalar, kSse2, kAvx2 };

// True when the CPU runs AVX2 (the 32-byte scan).
bool CpuHasAvx2();

struct QuantityStartFilter {
  // A byte B may lead when low_rows[B & 15] has the bit of B >> 4: rows for the high nibbles 0-7 in
  // `low_rows_below`, 8-15 in `low_rows_above`, the bit of a nibble in `nibble_bit_below` (1 << n
  // for n < 8, else 0) and `nibble_bit_above` (1 << (n - 8) for n >= 8, else 0).
  std::array<std::uint8_t, 16> low_rows_below{}, low_rows_above{};
  std::array<std::uint8_t, 16> nibble_bit_below{}, nibble_bit_above{};
  // A three-byte lead E0 | L followed by a byte S may begin something only when the row of S's low
  // nibble has the bit of L (rows for L 0-7, then 8-15): a superset of the two-byte table, which
  // turns away most kanji and kana before it is asked.
  std::array<std::uint8_t, 16> pair_rows_below{}, pair_rows_above{};

  // `starts`: first byte << 8 | second byte of every place that may begin something; `may_lead`:
  // the first bytes among them (continuation bytes excluded).
  void Build(const std::bitset<65536>& starts, const std::array<bool, 256>& may_lead);
};

}  // namespace kgx
