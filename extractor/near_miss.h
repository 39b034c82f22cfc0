// NearMissIndex: typo tolerance for gazetteer aliases marked `typo`. Finds Latin words that are
// one edit (insertion, deletion, substitution) or one swap of neighbours away from an alias,
// through an index of single deletions (each alias and each word is looked up with every letter
// left out once), so a lookup costs O(word length) hash probes. The index holds 64-bit hashes of
// the deletion variants, computed from prefix and suffix hashes without building any string; a
// colliding hash only adds a candidate that the final edit-distance check throws out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kgx {

class NearMissIndex {
 public:
  static constexpr std::size_t kMinLength = 6;

  // Adds a folded alias; returns false (and ignores it) unless it is one Latin word of
  // kMinLength or more letters and digits.
  bool Add(const std::string& folded_alias, std::size_t alias_index);

  // Calls `found(begin, end, alias_index)` for every Latin word of `folded` that is a near miss
  // (not an exact match) of an indexed alias; the first alias in index order wins per word.
  void FindInText(std::string_view folded,
                  const std::function<void(std::size_t, std::size_t, std::size_t)>& found) const;

  bool empty() const { return aliases_.empty(); }

 private:
  std::vector<std::pair<std::string, std::size_t>> aliases_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_variant_;  // variant hash -> aliases_
  std::size_t min_length_ = 0, max_length_ = 0;  // alias lengths, for a cheap length filter
};

// Returns true when `a` and `b` differ by at most one insertion, deletion, substitution or
// swap of two neighbouring characters (optimal string alignment distance <= 1).
bool WithinOneEdit(std::string_view a, std::string_view b);

}  // namespace kgx
