// Small UTF-8 and string helpers shared by the extractor stages. No allocation unless a
// function returns a string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kgx {

// Returns true for the ASCII blanks TrimAscii removes: space, tab, CR, LF (one bit test).
inline bool IsTrimmedBlank(char c) {
  constexpr std::uint64_t kBlanks = (1ULL << ' ') | (1ULL << '\t') | (1ULL << '\r') | (1ULL << '\n');
  const auto u = static_cast<unsigned char>(c);
  return u <= ' ' && ((kBlanks >> u) & 1) != 0;
}

// Returns `s` without leading and trailing ASCII blanks (space, tab, CR, LF). Inline: called on
// nearly every line by several stages.
inline std::string_view TrimAscii(std::string_view s) {
  std::size_t begin = 0, end = s.size();
  while (begin < end && IsTrimmedBlank(s[begin])) ++begin;
  while (end > begin && IsTrimmedBlank(s[end - 1])) --end;
  return s.substr(begin, end - begin);
}

// Returns how far `line` is indented: the bytes of its leading spaces and tabs (a line of blanks
// only, its whole length).
inline std::size_t Indent(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos ? line.size() : first;
}

// Returns true when `s` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Decodes the code point starting at s[i]; sets `length` to its byte length. On a malformed
// sequence returns U+FFFD with length = the number of bytes to skip (at least 1).
char32_t DecodeUtf8General(std::string_view s, std::size_t i, std::size_t& length);

// The same, with the characters of ASCII and Japanese text decoded in line (hot loops of the
// normalizer, quantities and relation contexts): one byte, or a well-formed three-byte character
// that is no surrogate; everything else goes to DecodeUtf8General.
inline char32_t DecodeUtf8(std::string_view s, std::size_t i, std::size_t& length) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    length = 1;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        length = 3;
        return cp;
      }
    }
  }
  return DecodeUtf8General(s, i, length);
}

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string& out);

// Returns the length of the well-formed UTF-8 prefix of `s` that ends on a character boundary
// at most `limit` bytes long.
std::size_t Utf8PrefixLength(std::string_view s, std::size_t limit);

inline bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiLetter(unsigned char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }

// A Han ideograph: the unified blocks and the compatibility block (NFKC keeps a dozen of its
// code points).
inline bool IsKanji(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF);
}
// A character of a name written in kanji: an ideograph or the iteration mark 々 ("佐々木").
inline bool IsNameKanji(char32_t cp) { return IsKanji(cp) || cp == 0x3005; }

// The length of the honorific a Japanese name may have after it ("山田さん", "山田氏", "山田様") that
// starts at `at` of `text` (or ends `text`), or 0 when none does.
std::size_t HonorificAt(std::string_view text, std::size_t at);
std::size_t HonorificEnding(std::string_view text);
inline char AsciiLower(char c) { return IsAsciiUpper(static_cast<unsigned char>(c)) ? char(c + 32) : c; }
inline char AsciiUpper(char c) { return IsAsciiLower(static_cast<unsigned char>(c)) ? char(c - 32) : c; }

// Returns `s` with ASCII letters lower-cased (other bytes, UTF-8 included, kept).
std::string AsciiLowerCopy(std::string_view s);
// Returns `s` with ASCII letters upper-cased (other bytes, UTF-8 included, kept).
std::string AsciiUpperCopy(std::string_view s);

}  // namespace kgx

namespace kgx {

// Returns how many terminal columns `s` takes: East Asian wide and full-width characters take 2.
std::size_t DisplayWidth(std::string_view s);

}  // namespace kgx
