// TextFinder: finds one text in lines by memchr of its key byte, the last byte of its first
// character, then a compare. std::string_view::find looks for the first byte, and the lead byte of
// a kana or kanji (E3, E6) begins nearly every character of Japanese text, where the last byte of
// `の` (AE) begins one in sixty-four. Used by the literal conditions of discovery patterns.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace kgx {

class TextFinder {
 public:
  static constexpr std::size_t npos = std::string_view::npos;

  TextFinder() = default;
  explicit TextFinder(std::string_view text) : text_(text), key_(KeyOf(text)) {}

  // The offset of the first occurrence of the text in `line` at or after `from`, or npos; the
  // same as line.find(text(), from).
  std::size_t Find(std::string_view line, std::size_t from) const {
    const std::size_t n = text_.size();
    if (n == 0) return from <= line.size() ? from : npos;
    while (from + n <= line.size()) {
      // Starts from `from` to line.size() - n, their key bytes from `from + key_` on.
      const void* hit = std::memchr(line.data() + from + key_, text_[key_], line.size() - n + 1 - from);
      if (hit == nullptr) return npos;
      const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - line.data()) - key_;
      if (std::memcmp(line.data() + at, text_.data(), n) == 0) return at;
      from = at + 1;
    }
    return npos;
  }

  const std::string& text() const { return text_; }
  std::size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }

 private:
  // The offset of the last byte of the first character (0 when it is cut short).
  static std::size_t KeyOf(std::string_view text) {
    const auto lead = text.empty() ? 0u : static_cast<unsigned char>(text[0]);
    const std::size_t first = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return first <= text.size() ? first - 1 : 0;
  }

  std::string text_;
  std::size_t key_ = 0;  // the offset of the byte looked for
};

}  // namespace kgx
