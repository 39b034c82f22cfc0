// Small character helpers shared by the quantity scanner and its context readers: ASCII and
// Japanese character classes, stepping over UTF-8 and blanks, and English singulars. Internal to
// the extractor's quantity files (namespace kgx::quantity_detail).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "extractor/text_util.h"

namespace kgx::quantity_detail {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Returns the code point at `pos` and its byte length; 0 (length 0) past the end.
inline char32_t CodePointAt(std::string_view line, std::size_t pos, std::size_t& length) {
  if (pos >= line.size()) {
    length = 0;
    return 0;
  }
  return DecodeUtf8(line, pos, length);
}

inline char32_t CodePointAt(std::string_view line, std::size_t pos) {
  std::size_t length = 0;
  return CodePointAt(line, pos, length);
}

// Returns the offset where the character before `pos` starts (0 at the start).
inline std::size_t PrevChar(std::string_view line, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) --i;
  return i;
}

inline std::size_t SkipSpaces(std::string_view line, std::size_t pos) {
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  return pos;
}

inline std::size_t SkipSpacesBack(std::string_view line, std::size_t pos) {
  while (pos > 0 && (line[pos - 1] == ' ' || line[pos - 1] == '\t')) --pos;
  return pos;
}

// True for characters that continue a Japanese or Latin compound noun: katakana (with ー),
// kanji and ASCII letters or digits. Hiragana, punctuation and spaces end a compound.
inline bool IsCompoundChar(char32_t cp) {
  if (cp < 0x80) return IsAsciiAlnum(static_cast<unsigned char>(cp));
  return (cp >= 0x30A1 && cp <= 0x30FF) || IsKanji(cp);
}

// True for characters that end the search for a noun: blanks, punctuation, digits.
inline bool StopsNounSearch(char32_t cp) {
  if (cp < 0x80) return !IsLetter(static_cast<char>(cp));
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65) || cp == 0x30FB;
}

// Returns `word` lower-cased and made singular ("queues" -> "queue", "replicas" -> "replica").
inline std::string Singular(std::string_view word) {
  std::string s = AsciiLowerCopy(word);
  const auto ends = [&](std::string_view tail) {
    return s.size() > tail.size() + 1 && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends("ies")) return s.substr(0, s.size() - 3) + "y";
  if (ends("sses") || ends("xes") || ends("ches") || ends("shes")) return s.substr(0, s.size() - 2);
  if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) return s.substr(0, s.size() - 1);
  return s;
}

}  // namespace kgx::quantity_detail
