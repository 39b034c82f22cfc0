// LineStartGate and RequiredCharacters: necessary conditions read from RE2 patterns.
// LineStartGate: a necessary condition, read from RE2 patterns anchored at the line's start, for
// any of them to match a line: the first character after leading white space must be one a match
// can have there. `^\s*(?:#{1,6}\s*|[■◆]\s*)?(?:\*\*)?[(\[【](?P<code>…` cannot match "  • …" or
// "- …", which are most lines of notes. The Segmenter asks it before running its header set.
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

  // False only when no pattern can match `line` at its start.
  bool MayMatch(std::string_view line) const;
  // True only when a pattern matches `line` by its first character after white space alone: a
  // pattern written `^\s*[-*+•]` (a class or one character, nothing after).
  bool Decides(std::string_view line) const;
  // Whether there is a condition at all.
  bool Constrains() const { return !all_; }
  // MayMatch and Decides by a binary search of the ranges for every character; for tests.
  bool MayMatchByRanges(std::string_view line) const;
  bool DecidesByRanges(std::string_view line) const;

 private:
  struct Characters {
    std::bitset<128> ascii;                           // below 0x80
    std::vector<std::pair<char32_t, char32_t>> wide;  // ranges from 0x80, sorted, disjoint
    // `wide` below U+10000 as one bit per code point (kana and kanji start most lines).
    std::vector<std::uint64_t> bmp;
    void IndexBmp();
    bool Contains(std::string_view line, std::size_t at, bool by_ranges = false) const;
  };
  bool all_ = true;
  Characters allowed_;  // what a match can start with
  Characters decides_;  // what makes a match
};

// RequiredCharacters: a necessary condition, read from RE2 patterns, for any of them to match
// anywhere in a line: each pattern needs characters from a few small ASCII classes (the '2' and
// '0' of `(?P<year>20[0-9]{2})`, the ':' of `re\s*:\s*invent`), and the line holds one of each
// class for some pattern. Letters under (?i) fold beyond ASCII and give no class. The Segmenter
// asks it before running its event set.
class RequiredCharacters {
 public:
  // The condition for `patterns` together; none when one of them needs no such class or uses
  // syntax the reader does not follow.
  static RequiredCharacters Derive(const std::vector<std::string>& patterns);

  // False only when no pattern can match anywhere in `line`. Reads the line once, marking which
  // of the classes' bytes it holds (sixteen bytes at a time past bytes from 0x80).
  bool MayMatch(std::string_view line) const;
  // The same by one memchr per byte of each class; for tests.
  bool MayMatchBySearch(std::string_view line) const;
  bool Constrains() const { return !all_; }

 private:
  static constexpr std::size_t kMaxClasses = 3;  // looked for, per pattern
  static constexpr std::size_t kMaxBytes = 3;    // in one class
  bool all_ = true;
  std::vector<std::vector<std::string>> each_;  // per pattern: classes, each the bytes it allows
  // The same as bits: bit_of_[b] is the bit of byte b (0 for a byte no class holds; at most 64
  // bytes have one), and each pattern's classes are masks of them.
  std::array<std::uint64_t, 128> bit_of_{};
  std::vector<std::vector<std::uint64_t>> each_mask_;
};

}  // namespace kgx
