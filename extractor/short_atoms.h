// ByteAtoms, CharacterAtoms: which of a few one-byte or one-character literals a line holds,
// found without Vectorscan. PatternPrefilter takes these atoms out of its literal matcher, which
// they slow down most: a single byte, or a kana that nearly every character of Japanese text is
// a near miss for, leaves it nothing to filter candidate places with. Built once, then const.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

// The atoms of one byte (`/` in `org/repo`, `-`): a line holds one when memchr finds it, in
// either case for a letter (as Vectorscan's caseless mode folds ASCII).
class ByteAtoms {
 public:
  static constexpr std::size_t kMost = 16;  // a memchr each per line (two for a letter)

  // Takes `atom` (one byte) as atom `id`; returns false when it is full.
  bool Add(char atom, int id);
  // Appends to `found` the ids of the atoms `line` holds.
  void Find(std::string_view line, std::vector<int>& found) const;

 private:
  struct Atom {
    char lower, upper;
    int id;
  };
  std::vector<Atom> atoms_;
};

// Returns true when `atom` is one three-byte UTF-8 sequence (a kana, a kanji, an arrow).
bool IsThreeByteCharacter(const std::string& atom);

// The atoms that are one three-byte character (particles: の, に, を; 社): a line holds one where
// its three bytes stand, found by one pass over the line's lead bytes (any bytes: valid UTF-8 or
// not, the answer is the one a byte search would give).
class CharacterAtoms {
 public:
  static constexpr std::size_t kMost = 64;  // one bit each while a line is searched

  // Takes `atom` (IsThreeByteCharacter) as atom `id`; returns false when it is full or the atom's
  // place in the index is taken.
  bool Add(std::string_view atom, int id);
  // Appends to `found` the ids of the atoms `line` holds, each once.
  void Find(std::string_view line, std::vector<int>& found) const;

 private:
  struct Atom {
    unsigned char bytes[3];
    int id;
  };

  // Returns the bit of the atom whose three bytes start at `at`, or 0.
  std::uint64_t Check(const unsigned char* at) const;

  std::vector<unsigned char> index_;  // by the character's code point: 1 + its index in atoms_, 0 for none
  std::vector<Atom> atoms_;
};

}  // namespace kgx
