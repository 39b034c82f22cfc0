// SentenceMarks: the sentences of a normalized line. QuantityMeasures uses them to keep a quantity from
// measuring a name of a later sentence of its line, or of a sentence before the one right before it
// ("月 $62,000 くらい。Cloud SQL 時代より 2 割高い": the amount is not Cloud SQL's).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace kgx {

struct SentenceBounds {
  std::size_t begin = 0;  // byte offset in the line, just after the previous sentence's end mark
  std::size_t end = 0;    // byte offset just after this sentence's end mark (or the line's end)
};

// A sentence ends after "。", or after ".", "!" or "?" followed by a blank ("2.3 秒", "v1.2" and
// "New!Amazon" end none). The line is scanned once; each lookup is a binary search, so a huge line
// with many numbers costs no more than its length.
class SentenceMarks {
 public:
  explicit SentenceMarks(std::string_view line);

  // The sentence around [begin, end) (offsets in the line).
  SentenceBounds Around(std::size_t begin, std::size_t end) const;

  // The sentence right before `sentence` (nullopt when it is the line's first).
  std::optional<SentenceBounds> Before(const SentenceBounds& sentence) const;

 private:
  std::size_t size_ = 0;
  std::vector<std::size_t> ends_;  // offsets just after each end mark, ascending
};

}  // namespace kgx
