// SpanMapper: turns spans of a document's normalized text into its original offsets, lines and
// text. The extractor matches on normalized text and maps what it found here, at the edge, when a
// mention, quantity, relation or title becomes part of the DocumentResult.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/normalizer.h"
#include "extractor/reader.h"
#include "extractor/segmenter.h"
#include "extractor/text_util.h"

namespace kgx {

// Returns `text` cut on a character boundary after `limit` bytes, "…" marking the cut.
inline std::string CutText(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  return std::string(text.substr(0, Utf8PrefixLength(text, limit))) + "…";
}

// Maps normalized spans of one document to its original offsets, lines and text. Holds
// references to the source, its normalized text and its lines, which must outlive it. Defined
// here, inline: it is called per mention, and the extractor's code is laid out as when it held it.
class SpanMapper {
 public:
  SpanMapper(const SourceText& source, const NormalizedText& normalized, const std::vector<LineView>& lines)
      : source_(source), normalized_(normalized), lines_(lines) {}

  // The line holding a normalized offset (a binary search: for the few spans not met in order).
  std::size_t LineOf(std::size_t norm_offset) const {
    auto it = std::upper_bound(lines_.begin(), lines_.end(), norm_offset,
                               [](std::size_t o, const LineView& l) { return o < l.norm_begin; });
    return it == lines_.begin() ? 1 : std::prev(it)->number;
  }
  std::size_t TextBegin(std::size_t norm) const { return normalized_.map.ToSourceBegin(norm); }
  std::size_t TextEnd(std::size_t norm) const { return normalized_.map.ToSourceEnd(norm); }
  // Returns the original text of a normalized span; the view lives as long as the source.
  std::string_view OriginalView(std::size_t norm_begin, std::size_t norm_end) const {
    const std::size_t b = TextBegin(norm_begin);
    const std::size_t e = std::max(b, TextEnd(norm_end));
    return std::string_view(source_.text).substr(b, e - b);
  }
  // A normalized span's file offsets and original text, its ends mapped once for all three.
  struct Placed {
    std::size_t file_begin, file_end;
    std::string text;
  };
  Placed Place(std::size_t norm_begin, std::size_t norm_end) const {
    const std::size_t b = TextBegin(norm_begin);
    const std::size_t e = TextEnd(norm_end);
    return {source_.FileOffset(b), source_.FileOffset(e), std::string(std::string_view(source_.text).substr(b, std::max(b, e) - b))};
  }
  const LineView& Line(std::size_t number) const { return lines_[number - 1]; }
  // Returns the original line around the normalized span [norm_begin, norm_end), trimmed: the
  // whole line when it fits in `limit` bytes, else a window of about `limit` bytes centred on the
  // span ("…" marks each cut), so the evidence shows the match wherever it is on a long line.
  std::string OriginalWindow(std::size_t number, std::size_t norm_begin, std::size_t norm_end, std::size_t limit) const {
    const std::string_view text = TrimmedLine(number);
    if (text.size() <= limit) return std::string(text);
    const std::size_t base = static_cast<std::size_t>(text.data() - source_.text.data());
    const std::size_t b = std::clamp(TextBegin(norm_begin), base, base + text.size()) - base;
    const std::size_t e = std::clamp(TextEnd(norm_end), base + b, base + text.size()) - base;
    const std::size_t middle = b + (e - b) / 2;
    std::size_t from = middle > limit / 2 ? middle - limit / 2 : 0;
    from = std::min(from, text.size() - limit);
    // To a character's start, forward: backward would move the window's end before the match.
    while (from < b && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
    const std::size_t to = from + Utf8PrefixLength(text.substr(from), limit);
    return std::string(from > 0 ? "…" : "") + std::string(text.substr(from, to - from)) + (to < text.size() ? "…" : "");
  }

 private:
  // The original line `number`, trimmed. The last one asked is kept: mentions come line by line,
  // and a line with several of them is mapped and trimmed once.
  std::string_view TrimmedLine(std::size_t number) const {
    if (number != trimmed_number_) {
      const LineView& line = Line(number);
      trimmed_ = TrimAscii(OriginalView(line.norm_begin, line.norm_end));
      trimmed_number_ = number;
    }
    return trimmed_;
  }

  const SourceText& source_;
  const NormalizedText& normalized_;
  const std::vector<LineView>& lines_;
  mutable std::size_t trimmed_number_ = 0;  // line numbers start at 1
  mutable std::string_view trimmed_;
};

}  // namespace kgx
