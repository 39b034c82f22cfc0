// PairSet: a set of node pairs in one flat open-addressing table (8 bytes a slot, no allocation
// per pair). The entity graph of a large corpus has millions of co-occurring pairs, each looked
// up once per document that mentions both; std::unordered_set spent most of that time in malloc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kgx {

class PairSet {
 public:
  // Adds the pair a < b (b > 0); returns true when it was new.
  bool Insert(std::uint32_t a, std::uint32_t b) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    return Place(Key(a, b));
  }
  std::size_t size() const { return size_; }
  // The pairs, sorted.
  std::vector<std::pair<std::size_t, std::size_t>> Sorted() const;

 private:
  static std::uint64_t Key(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 32) | b; }
  bool Place(std::uint64_t key);
  void Grow();
  std::vector<std::uint64_t> slots_;  // 0 = empty (no pair has b == 0)
  std::size_t size_ = 0;
};

}  // namespace kgx
