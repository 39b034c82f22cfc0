// PairSet: a set of pairs of small numbers (entity ordinals), each pair (a < b) kept once. While
// the numbers stay below kDenseLimit the set is a triangular bit matrix (row b holds a bit per
// a < b) in one block of words, row after row: setting a bit costs no search and one memory
// access, and 3,000 entities take about 1 MB (rows are added by doubling). Past the limit it
// moves to one flat open-addressing table (8 bytes a pair). The entity graph of a large corpus
// has millions of co-occurring pairs, each met once per section that mentions both.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kgx {

class PairSet {
 public:
  static constexpr std::uint32_t kDenseLimit = 16384;  // 16 MB of bits at most

  // Adds the pair a < b; returns true when it was new.
  bool Insert(std::uint32_t a, std::uint32_t b);
  // Adds every pair of `sorted` (ascending, distinct), as Insert(sorted[i], sorted[j]) for each
  // i < j in that order does; in the bit matrix a row is found once for all its pairs, which
  // are then set without a call or a branch each (a section of n entities makes n(n-1)/2 pairs).
  void InsertAll(const std::uint32_t* sorted, std::size_t count);
  std::size_t size() const;
  // The pairs, in no particular order (their users sort them as they need).
  std::vector<std::pair<std::size_t, std::size_t>> Pairs() const;

 private:
  static std::uint64_t Key(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 32) | b; }
  // Where row b starts in bits_: rows before it take b / 64 + 1 words each.
  static std::size_t RowStart(std::size_t b) {
    const std::size_t q = b / 64, r = b % 64;
    return b + 32 * q * (q == 0 ? 0 : q - 1) + r * q;
  }
  void Reserve(std::uint32_t b);  // dense: rows up to b
  bool Place(std::uint64_t key);
  void Grow();
  void LeaveDense();

  bool dense_ = true;
  std::size_t rows_ = 0;              // dense: rows held in bits_
  std::vector<std::uint64_t> bits_;  // dense: row b has bit a set for pair (a, b)
  std::vector<std::uint64_t> slots_;  // sparse: 0 = empty (no pair has b == 0)
  std::size_t size_ = 0;  // sparse: pairs in slots_ (the bit matrix counts its bits in size())
};

}  // namespace kgx
