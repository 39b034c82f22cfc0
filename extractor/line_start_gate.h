// LineStartGate: a necessary condition, read from RE2 patterns anchored at the line's start, for
// any of them to match a line: the first character after leading white space must be one a match
// can have there, and for a pattern anchored at the end too ("…[)\]】]\s*$") so must the last
// before trailing white space. `^\s*(?:#{1,6}\s*|[■◆]\s*)?(?:\*\*)?[(\[【](?P<code>…` cannot match
// "  • …" or "- …", which are most lines of notes, and `^\s*…(?P<title>[^\s\-*+•].*?\S)\s*[(]…[)]\s*$`
// no line of prose that ends "。". The Segmenter asks it before running its header set, and its
// DecidesAtEnd of the not_heading patterns before their regex.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kgx {

class LineStartGate {
 public:
  // The condition for `patterns` together; none (MayMatch always true) when one of them is not
  // anchored at the start, may match white space alone, or uses syntax the reader does not follow.
  static LineStartGate Derive(const std::vector<std::string>& patterns);

  // False only when no pattern can match `line` at its start (and, anchored at the end, at its end).
  // Inline: most lines are turned away by their first byte after white space, without a call.
  bool MayMatch(std::string_view line) const {
    if (all_) return true;
    std::size_t at = 0;
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t' || line[at] == '\n' || line[at] == '\f' || line[at] == '\r')) ++at;
    if (at == line.size() || !first_bytes_.test(static_cast<unsigned char>(line[at]))) return false;
    return MayMatchAt(line, at);
  }
  // True only when a pattern matches `line` by its first character after white space alone: a
  // pattern written `^\s*[-*+•]` (a class or one character, nothing after).
  bool Decides(std::string_view line) const;
  // True only when a pattern, not anchored at the start, matches `line` by its last character
  // before white space alone: one written `C\s*$` ("[。．!？]\s*$", C a class or one character).
  bool DecidesAtEnd(std::string_view line) const;
  // Whether there is a condition at all.
  bool Constrains() const { return !all_; }

 private:
  friend struct LineStartGateReference;  // the plain forms the tests compare with
  struct Characters {
    std::bitset<128> ascii;                           // below 0x80
    std::vector<std::pair<char32_t, char32_t>> wide;  // ranges from 0x80, sorted, disjoint
    // `wide` below U+10000 as one bit per code point (kana and kanji start most lines).
    std::vector<std::uint64_t> bmp;
    void IndexBmp();
    // Whether code point `cp` is one of these.
    bool Has(char32_t cp) const;
    // Whether the character at `at` is one of these (none at the line's end).
    bool Contains(std::string_view line, std::size_t at) const;
  };
  // Patterns anchored at both ends whose matches can end with a few characters only: what they
  // start with, and what they end with.
  struct Ended {
    Characters first, last;
  };
  // MayMatch for a line whose first character after white space stands at `at` and begins with
  // one of first_bytes_.
  bool MayMatchAt(std::string_view line, std::size_t at) const;
  // The lead bytes of the characters of `set` (see first_bytes_).
  static std::bitset<256> FirstBytes(const Characters& set);

  bool all_ = true;
  // The bytes the first character of a line a pattern may match can begin with (its lead byte):
  // one test turns away most lines before their first character is decoded.
  std::bitset<256> first_bytes_;
  Characters starts_;   // what any match can start with: most lines are told by it alone
  Characters allowed_;  // what a match of a pattern that can end with anything can start with
  std::vector<Ended> ended_;  // the other patterns, grouped by what they end with
  Characters decides_;  // what makes a match
  Characters decides_at_end_;  // what makes a match as the last character
};

}  // namespace kgx
