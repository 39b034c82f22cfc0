// AtomSetMemo: answers remembered by the set of atoms a line holds, for PatternPrefilter, which
// works an answer out once per set (FilteredRE2's propagation) and meets the same few sets on
// most lines. A set is looked up as found (any order, repeats) without sorting it or building a
// key: lookups happen on every line, misses seldom. Per thread; bounded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace kgx {

class AtomSetMemo {
 public:
  static constexpr std::size_t kMost = std::size_t{1} << 16;  // sets remembered before all are forgotten

  // Makes `atoms` (ids in [0, universe), any order, repeats) a set, each once in the order first
  // found, and returns the answer remembered for that set under `owner` (the sets of different
  // owners never answer for each other), or nullptr.
  const std::vector<int>* Find(std::uint64_t owner, std::vector<int>& atoms, std::size_t universe);
  // Remembers `answer` for the set the last Find was given and returns it, valid until the next
  // Find or Remember. `atoms`: that set, as Find left it.
  const std::vector<int>& Remember(std::uint64_t owner, const std::vector<int>& atoms, std::vector<int> answer);
  // The number of sets remembered.
  std::size_t size() const { return count_; }

 private:
  struct Entry {
    std::uint64_t owner = 0;
    std::vector<int> atoms;
    std::vector<int> answer;
  };
  // Returns true when `entry` holds exactly the set last given to Find (marked `round_` in seen_).
  bool Holds(const Entry& entry, std::uint64_t owner, std::size_t size) const;

  // Makes room for the atoms below `universe`.
  void Grow(std::size_t universe);

  std::vector<std::uint32_t> seen_;    // atom -> the round of the Find that last met it
  std::vector<std::uint64_t> weight_;  // atom -> its share of a set's hash: its id mixed, worked out once
  std::uint32_t round_ = 0;
  std::uint64_t hash_ = 0;  // of the set last given to Find; order does not change it
  std::unordered_map<std::uint64_t, std::vector<Entry>> entries_;  // by hash
  std::size_t count_ = 0;
};

}  // namespace kgx
