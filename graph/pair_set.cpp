// Pair set: a bit matrix, then a flat hash table (see pair_set.h).
#include "graph/pair_set.h"

#include <algorithm>
#include <bit>

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

bool PairSet::Insert(std::uint32_t a, std::uint32_t b) {
  if (dense_ && b >= kDenseLimit) LeaveDense();
  if (dense_) {
    Reserve(b);
    std::uint64_t& word = bits_[RowStart(b) + a / 64];
    const std::uint64_t bit = std::uint64_t{1} << (a % 64);
    if (word & bit) return false;
    word |= bit;
    return true;
  }
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  return Place(Key(a, b));
}

void PairSet::Reserve(std::uint32_t b) {
  if (b >= rows_) {  // room for twice the rows, as a vector grows
    rows_ = std::min<std::size_t>(kDenseLimit, std::max<std::size_t>(b + 1, rows_ * 2));
    bits_.resize(RowStart(rows_), 0);
  }
}

void PairSet::InsertAll(const std::uint32_t* sorted, std::size_t count) {
  if (count < 2) return;
  if (!dense_ || sorted[count - 1] >= kDenseLimit) {  // the hash table keeps the pairs' order
    for (std::size_t i = 0; i < count; ++i) {
      for (std::size_t j = i + 1; j < count; ++j) Insert(sorted[i], sorted[j]);
    }
    return;
  }
  Reserve(sorted[count - 1]);
  for (std::size_t j = 1; j < count; ++j) {
    std::uint64_t* const row = bits_.data() + RowStart(sorted[j]);
    for (std::size_t i = 0; i < j; ++i) {
      row[sorted[i] / 64] |= std::uint64_t{1} << (sorted[i] % 64);
    }
  }
}

void PairSet::LeaveDense() {
  const auto pairs = Pairs();
  dense_ = false;
  rows_ = 0;
  bits_ = {};
  size_ = 0;
  for (const auto& [a, b] : pairs) Insert(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b));
}

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

// The bit matrix counts its pairs only when asked (once a run), not at every bit it sets.
std::size_t PairSet::size() const {
  if (!dense_) return size_;
  std::size_t bits = 0;
  for (const std::uint64_t word : bits_) bits += static_cast<std::size_t>(std::popcount(word));
  return bits;
}

std::vector<std::pair<std::size_t, std::size_t>> PairSet::Pairs() const {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  pairs.reserve(size());
  if (dense_) {
    for (std::size_t b = 0; b < rows_; ++b) {
      for (std::size_t w = 0; w <= b / 64; ++w) {
        for (std::uint64_t bits = bits_[RowStart(b) + w]; bits != 0; bits &= bits - 1) {
          pairs.emplace_back(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)), b);
        }
      }
    }
  } else {
    for (const std::uint64_t key : slots_) {
      if (key != 0) pairs.emplace_back(key >> 32, key & 0xFFFFFFFFu);
    }
  }
  return pairs;
}

}  // namespace kgx
