// RequiredCharacters: a necessary condition, read from RE2 patterns, for any of them to match
// anywhere in a line: each pattern needs characters from a few small ASCII classes (the '2' and
// '0' of `(?P<year>20[0-9]{2})`, the ':' of `re\s*:\s*invent`), and the line holds one of each
// class for some pattern. Letters under (?i) fold beyond ASCII and give no class. The Segmenter
// asks it which event patterns to run on a line.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

class RequiredCharacters {
 public:
  // The condition for `patterns` together; none when one of them needs no such class or uses
  // syntax the reader does not follow.
  static RequiredCharacters Derive(const std::vector<std::string>& patterns);

  // False only when no pattern can match anywhere in `line`. Reads the line once, marking which
  // of the classes' bytes it holds (sixteen bytes at a time past bytes outside their range).
  bool MayMatch(std::string_view line) const;
  // Which patterns may match `line`: bit i for pattern i, 0 only when none of them can. Every bit
  // (all patterns may) when there is no condition or more than 64 patterns or bytes.
  std::uint64_t MayMatchWhich(std::string_view line) const;
  bool Constrains() const { return !all_; }
  // Per pattern, the classes it needs, each as the bytes it allows (tests check MayMatch by them).
  const std::vector<std::vector<std::string>>& Classes() const { return each_; }

 private:
  // MayMatch when the classes hold more than 64 bytes: a memchr per byte of each class.
  bool MayMatchBySearch(std::string_view line) const;
  // The bits of the classes' bytes that `line` holds.
  std::uint64_t Present(std::string_view line) const;

  static constexpr std::size_t kMaxClasses = 3;  // looked for, per pattern
  static constexpr std::size_t kMaxBytes = 3;    // in one class
  bool all_ = true;
  std::vector<std::vector<std::string>> each_;  // per pattern: classes, each the bytes it allows
  // The same as bits: bit_of_[b] is the bit of byte b (0 for a byte no class holds; at most 64
  // bytes have one), and each pattern's classes are masks of them.
  std::array<std::uint64_t, 128> bit_of_{};
  std::vector<std::vector<std::uint64_t>> each_mask_;
  // The bytes that have a bit lie in [low_, high_]: Present tests sixteen bytes against that
  // range at once and looks up only those inside (English text is mostly lower case and blanks).
  unsigned char low_ = 0, high_ = 0x7F;
  // For MayMatchWhich (64 patterns at most): the distinct class masks, and per mask the patterns
  // that need it (bit i for pattern i), so that a line costs one test per distinct class.
  std::vector<std::uint64_t> class_masks_, class_patterns_;
  std::uint64_t every_pattern_ = 0;
};

}  // namespace kgx
