// SentenceMarks: finds a line's sentence end marks once and looks sentences up by binary search.
#include "extractor/sentence_span.h"

#include <string.h>  // memmem (GNU)

#include <algorithm>
#include <cstring>

namespace kgx {
namespace {

constexpr std::string_view kFullStop = "\xE3\x80\x82";  // 。

}  // namespace

SentenceMarks::SentenceMarks(std::string_view line) : size_(line.size()) {
  // one library search per mark (memchr, memmem): Japanese text is full of the 。's lead byte, and a
  // byte-by-byte loop over every line with a quantity cost 2% of the extraction
  const char* const data = line.data();
  const std::size_t size = line.size();
  for (const char mark : {'.', '!', '?'}) {
    for (const void* hit = std::memchr(data, mark, size); hit != nullptr;) {
      const std::size_t pos = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
      if (pos + 1 < size && (data[pos + 1] == ' ' || data[pos + 1] == '\t')) ends_.push_back(pos + 1);
      hit = pos + 1 < size ? std::memchr(data + pos + 1, mark, size - pos - 1) : nullptr;
    }
  }
  for (const void* hit = memmem(data, size, kFullStop.data(), kFullStop.size()); hit != nullptr;) {
    const std::size_t pos = static_cast<std::size_t>(static_cast<const char*>(hit) - data) + kFullStop.size();
    ends_.push_back(pos);
    hit = memmem(data + pos, size - pos, kFullStop.data(), kFullStop.size());
  }
  std::sort(ends_.begin(), ends_.end());
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
