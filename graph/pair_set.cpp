// Flat pair set (see pair_set.h).
#include "graph/pair_set.h"

#include <algorithm>

namespace kgx {

namespace {

// A 64-bit mix (the finalizer of MurmurHash3): neighbouring pairs land far apart.
std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

bool PairSet::Place(std::uint64_t key) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == key) return false;
    if (slots_[i] == 0) {
      slots_[i] = key;
      ++size_;
      return true;
    }
  }
}

void PairSet::Grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(1024, old.size() * 2), 0);
  size_ = 0;
  for (const std::uint64_t key : old) {
    if (key != 0) Place(key);
  }
}

std::vector<std::pair<std::size_t, std::size_t>> PairSet::Sorted() const {
  std::vector<std::uint64_t> keys;
  keys.reserve(size_);
  for (const std::uint64_t key : slots_) {
    if (key != 0) keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  pairs.reserve(keys.size());
  for (const std::uint64_t key : keys) pairs.emplace_back(key >> 32, key & 0xFFFFFFFFu);
  return pairs;
}

}  // namespace kgx
