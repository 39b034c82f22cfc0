// Answers remembered by atom set (see atom_set_memo.h).
#include "extractor/atom_set_memo.h"

#include <algorithm>
#include <utility>

namespace kgx {

namespace {

// SplitMix64's finalizer: spreads an atom's id over all 64 bits, so that a sum of them (which
// does not depend on order) seldom collides.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

void AtomSetMemo::Grow(std::size_t universe) {
  seen_.resize(universe, 0);
  while (weight_.size() < universe) weight_.push_back(Mix(weight_.size()));
}

const std::vector<int>* AtomSetMemo::Find(std::uint64_t owner, std::vector<int>& atoms, std::size_t universe) {
  if (seen_.size() < universe) Grow(universe);
  if (++round_ == 0) {  // wrapped: an old mark could pass for this round's
    std::fill(seen_.begin(), seen_.end(), 0);
    round_ = 1;
  }
  std::uint64_t sum = 0;
  std::size_t kept = 0;
  for (const int atom : atoms) {
    if (static_cast<std::size_t>(atom) >= seen_.size()) Grow(static_cast<std::size_t>(atom) + 1);
    std::uint32_t& mark = seen_[static_cast<std::size_t>(atom)];
    if (mark == round_) continue;
    mark = round_;
    atoms[kept++] = atom;
    sum += weight_[static_cast<std::size_t>(atom)];
  }
  atoms.resize(kept);
  hash_ = sum ^ Mix(owner ^ 0xA5A5A5A5A5A5A5A5ULL);
  const auto it = entries_.find(hash_);
  if (it == entries_.end()) return nullptr;
  for (const Entry& entry : it->second) {
    if (Holds(entry, owner, kept)) return &entry.answer;
  }
  return nullptr;
}

bool AtomSetMemo::Holds(const Entry& entry, std::uint64_t owner, std::size_t size) const {
  if (entry.owner != owner || entry.atoms.size() != size) return false;
  // Same size, each of its atoms in the set, the set without repeats: the same set.
  return std::all_of(entry.atoms.begin(), entry.atoms.end(),
                     [&](int atom) { return static_cast<std::size_t>(atom) < seen_.size() && seen_[static_cast<std::size_t>(atom)] == round_; });
}

const std::vector<int>& AtomSetMemo::Remember(std::uint64_t owner, const std::vector<int>& atoms, std::vector<int> answer) {
  if (count_ >= kMost) {
    entries_.clear();
    count_ = 0;
  }
  ++count_;
  std::vector<Entry>& same_hash = entries_[hash_];
  same_hash.push_back({owner, atoms, std::move(answer)});
  return same_hash.back().answer;
}

}  // namespace kgx
