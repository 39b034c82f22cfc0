// SentenceMarks: finds a line's sentence end marks once and looks sentences up by binary search.
#include "extractor/sentence_span.h"

#include <algorithm>

namespace kgx {
namespace {

constexpr std::string_view kFullStop = "\xE3\x80\x82";  // 。

}  // namespace

SentenceMarks::SentenceMarks(std::string_view line) : size_(line.size()) {
  // jump from one candidate byte to the next: most of a line is neither a stop nor a period
  for (std::size_t pos = line.find_first_of(".!?\xE3"); pos != std::string_view::npos; pos = line.find_first_of(".!?\xE3", pos + 1)) {
    if (line[pos] == kFullStop[0]) {
      if (line.compare(pos, kFullStop.size(), kFullStop) == 0) ends_.push_back(pos + kFullStop.size());
    } else if (pos + 1 < line.size() && (line[pos + 1] == ' ' || line[pos + 1] == '\t')) {
      ends_.push_back(pos + 1);
    }
  }
}

SentenceBounds SentenceMarks::Around(std::size_t begin, std::size_t end) const {
  SentenceBounds bounds{0, size_};
  // the last end mark at or before `begin` opens the sentence, the first one after `end` closes it
  const auto after_begin = std::upper_bound(ends_.begin(), ends_.end(), begin);
  if (after_begin != ends_.begin()) bounds.begin = *(after_begin - 1);
  const auto after_end = std::upper_bound(ends_.begin(), ends_.end(), end);
  if (after_end != ends_.end()) bounds.end = *after_end;
  return bounds;
}

std::optional<SentenceBounds> SentenceMarks::Before(const SentenceBounds& sentence) const {
  if (sentence.begin == 0) return std::nullopt;
  SentenceBounds bounds = Around(sentence.begin - 1, sentence.begin - 1);
  bounds.end = sentence.begin;
  return bounds;
}

}  // namespace kgx
