// Word characters for the boundaries of Latin names (gazetteer aliases, discovered names, near
// misses): ASCII letters, digits and '_', and the Latin letters with diacritics (Latin-1 Supplement,
// Latin Extended-A/B, Latin Extended Additional), so that `José` is not found in `Josééé`.
// Japanese and every other script stay boundaries: `Aurora使ってる` holds `Aurora`.
#pragma once

#include <cstddef>
#include <string_view>

#include "extractor/text_util.h"

namespace kgx {

namespace latin_word_detail {

// What a byte says of its character's being a word character: kNo, kYes, or kAccented when the
// next byte decides (a lead byte of an accented Latin letter: C3–C9, E1) or, read from a
// character's end, when the bytes before decide (a continuation byte). One look-up, so that the
// Japanese neighbours of most matches cost no more than ASCII ones.
enum : unsigned char { kNo, kYes, kDepends };

struct ByteTables {
  unsigned char first[256] = {};  // as a character's first byte
  unsigned char last[256] = {};   // as a character's last byte
  constexpr ByteTables() {
    for (int c = 0; c < 128; ++c) {
      const bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      first[c] = last[c] = word ? kYes : kNo;
    }
    for (int c = 0xC3; c <= 0xC9; ++c) first[c] = kDepends;
    first[0xE1] = kDepends;
    for (int c = 0x80; c <= 0xBF; ++c) last[c] = kDepends;
  }
};
inline constexpr ByteTables kBytes;

// The accented Latin letter whose UTF-8 lead byte is `lead` and whose next byte is `next`:
// U+00C0–U+00FF but × and ÷ (C3 80–BF), U+0100–U+024F (C4 80 – C9 8F); three-byte U+1E00–U+1EFF
// (E1 B8–BB) answers from its first two bytes.
inline bool IsAccentedLatin(unsigned char lead, unsigned char next) {
  if (lead == 0xC3) return next >= 0x80 && next <= 0xBF && next != 0x97 && next != 0xB7;
  if (lead >= 0xC4 && lead <= 0xC8) return next >= 0x80 && next <= 0xBF;
  if (lead == 0xC9) return next >= 0x80 && next <= 0x8F;
  if (lead == 0xE1) return next >= 0xB8 && next <= 0xBB;
  return false;
}

}  // namespace latin_word_detail

// True when the character starting at text[at] is a word character (`at` < text.size()).
inline bool IsWordCharAt(std::string_view text, std::size_t at) {
  using namespace latin_word_detail;
  const auto c = static_cast<unsigned char>(text[at]);
  const unsigned char kind = kBytes.first[c];
  if (kind != kDepends) return kind == kYes;
  return at + 1 < text.size() && IsAccentedLatin(c, static_cast<unsigned char>(text[at + 1]));
}

// True when the character ending right before text[at] is a word character (0 < `at`).
inline bool IsWordCharBefore(std::string_view text, std::size_t at) {
  using namespace latin_word_detail;
  const auto c = static_cast<unsigned char>(text[at - 1]);
  const unsigned char kind = kBytes.last[c];
  if (kind != kDepends) return kind == kYes;
  // a continuation byte: a two-byte letter (C3–C9 lead) or a three-byte one (E1 B8–BB lead bytes)
  if (at >= 2) {
    const auto lead = static_cast<unsigned char>(text[at - 2]);
    if (lead >= 0xC3 && lead <= 0xC9) return IsAccentedLatin(lead, c);
  }
  return at >= 3 && static_cast<unsigned char>(text[at - 3]) == 0xE1 &&
         IsAccentedLatin(0xE1, static_cast<unsigned char>(text[at - 2]));
}

}  // namespace kgx
