// LineMemo: one answer per line of a document, computed the first time it is asked. The Segmenter
// asks a line's header hits on its own turn and, for some lines, first from the speaker search of
// a heading above; the answer depends on the line alone, so it is computed once.
#pragma once

#include <cstddef>
#include <vector>

namespace kgx {

template <typename T>
class LineMemo {
 public:
  explicit LineMemo(std::size_t lines) : known_(lines, false), values_(lines) {}

  // The answer for line `k` (an index below the count given), `compute()` on the first ask.
  template <typename Compute>
  T Get(std::size_t k, Compute&& compute) {
    if (!known_[k]) {
      values_[k] = compute();
      known_[k] = true;
    }
    return values_[k];
  }

 private:
  std::vector<bool> known_;
  std::vector<T> values_;  // (a bit vector for bool: Get returns by value)
};

}  // namespace kgx
