// CodeRanges: sets of code points as sorted ranges, and the ranges of the scripts the discovery
// rules name (\p{Han}, \p{Katakana}, \p{Hiragana}), so that the pattern readers can tell what a
// class next to a literal may match (`\p{Katakana}` before `社` rules out `会社`). A script's ranges
// are a superset of RE2's (whole blocks): a check on them may let a line through, never turn away
// one the pattern matches.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace kgx {

struct CodeRange {
  char32_t lo = 0, hi = 0;
};

// Sorted, without overlaps (Add keeps them so).
class CodeRanges {
 public:
  void Add(char32_t lo, char32_t hi);
  void Add(const CodeRanges& other);
  bool Contains(char32_t c) const;
  bool empty() const { return ranges_.empty(); }
  // How many code points the ranges hold.
  std::size_t size() const;

 private:
  std::vector<CodeRange> ranges_;
};

// The ranges of `\p{name}` (name as written in the braces: "Han", "Katakana", "Hiragana"), or
// nothing for a property the reader does not know.
std::optional<CodeRanges> ScriptRanges(std::string_view name);

// The character that ends right before `at` in `text` (UTF-8), or nothing when the bytes there
// are no well-formed character. `at` > 0.
std::optional<char32_t> CharacterBefore(std::string_view text, std::size_t at);
// The character that begins at `at`, likewise. `at` < text.size().
std::optional<char32_t> CharacterAt(std::string_view text, std::size_t at);

}  // namespace kgx
