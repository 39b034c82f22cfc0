// LineWalk: the lines of a text, one after another, without their '\n' and a '\r' before it
// (or at the text's very end). Read by the segmenter's SplitLines, the markup rewriters (org,
// wiki) and the rule file parser, so that all of them cut a note into the same lines.
#pragma once

#include <cstddef>
#include <string_view>

namespace kgx {

// One line of a text: bytes [begin, end) hold it without its line break; the next line starts at
// `next` (the text's size after the last line).
struct TextLine {
  std::size_t begin = 0, end = 0, next = 0;
  std::string_view text;  // the line's bytes, [begin, end)
};

// Returns the line that starts at `begin` of `text` (begin <= text.size()). The line ends at the
// first '\n' or at the text's end; a '\r' right before that is no part of it, a lone '\r' inside
// it is. Inline: the segmenter reads every line of every note through it.
inline TextLine LineAt(std::string_view text, std::size_t begin) {
  std::size_t end = text.find('\n', begin);
  const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
  if (end == std::string_view::npos) end = text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return {begin, end, next, text.substr(begin, end - begin)};
}

// The lines of `text` from offset `from` (a line's start) on, for a range-for: an empty text has
// none, and a final line without '\n' is one.
class LineWalk {
 public:
  explicit LineWalk(std::string_view text, std::size_t from = 0) : text_(text), from_(from) {}

  struct End {};
  class Iterator {
   public:
    Iterator(std::string_view text, std::size_t from) : text_(text), line_(LineAt(text, from)) {}
    const TextLine& operator*() const { return line_; }
    const TextLine* operator->() const { return &line_; }
    Iterator& operator++() {
      line_ = LineAt(text_, line_.next);
      return *this;
    }
    bool operator!=(End) const { return line_.begin < text_.size(); }

   private:
    std::string_view text_;
    TextLine line_;
  };

  Iterator begin() const { return Iterator(text_, from_ < text_.size() ? from_ : text_.size()); }
  End end() const { return {}; }

 private:
  std::string_view text_;
  std::size_t from_;
};

}  // namespace kgx
