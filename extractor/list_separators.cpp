// List separators (see list_separators.h).
#include "extractor/list_separators.h"

#include <array>
#include <bit>
#include <cstdint>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extractor/text_util.h"

namespace kgx {

namespace {

bool IsLatinLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// True for the bytes a separator can start with: ',', '/', the first byte of 、，と and や, the
// space of " and " and " & ", and the 'a' or '&' of an "and " or "& " after a comma's spaces.
constexpr bool MayStartSeparator(char c) {
  return c == ',' || c == '/' || c == ' ' || c == 'a' || c == '&' || c == '\xE3' || c == '\xEF';
}

// The UTF-8 bytes of 、，と and や as one number each.
constexpr std::uint32_t kIdeographicComma = 0xE38081, kFullwidthComma = 0xEFBC8C, kTo = 0xE381A8, kYa = 0xE38284;

// True when a separator may start at `i` other than an "and " or "& " right after another one:
// ',', '/', the three bytes of 、，と or や, or a space before 'a' or '&'.
bool IsSeparatorCandidate(const unsigned char* bytes, std::size_t size, std::size_t i) {
  const unsigned char c = bytes[i];
  if (c == ',' || c == '/') return true;
  const unsigned n1 = i + 1 < size ? bytes[i + 1] : 0u;
  if (c == ' ') return n1 == 'a' || n1 == '&';
  if (c != 0xE3 && c != 0xEF) return false;
  const std::uint32_t character = i + 2 < size ? (std::uint32_t{c} << 16 | n1 << 8 | bytes[i + 2]) : 0;
  return character == kIdeographicComma || character == kFullwidthComma || character == kTo || character == kYa;
}

// Returns the first offset from `i` on where IsSeparatorCandidate holds, or `size`. Sixteen bytes
// at a time where SSE2 is there: prose, Japanese or English, has few such places.
std::size_t NextSeparatorCandidate(const unsigned char* bytes, std::size_t size, std::size_t i) {
#ifdef __SSE2__
  const auto same = [](__m128i v, unsigned char b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))); };
  // Each block reads two bytes past its end: every lane sees its next two bytes.
  while (i + 18 <= size) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    const __m128i n1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i + 1));
    const __m128i n2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i + 2));
    __m128i hit = _mm_or_si128(same(c, ','), same(c, '/'));
    hit = _mm_or_si128(hit, _mm_and_si128(same(c, ' '), _mm_or_si128(same(n1, 'a'), same(n1, '&'))));
    const unsigned lead = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(same(c, 0xE3), same(c, 0xEF))));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (lead != 0) {
      const __m128i e3 = same(c, 0xE3);
      __m128i wide = _mm_and_si128(e3, _mm_and_si128(same(n1, 0x80), same(n2, 0x81)));                 // 、
      wide = _mm_or_si128(wide, _mm_and_si128(same(c, 0xEF), _mm_and_si128(same(n1, 0xBC), same(n2, 0x8C))));  // ，
      wide = _mm_or_si128(wide, _mm_and_si128(e3, _mm_and_si128(same(n1, 0x81), same(n2, 0xA8))));     // と
      wide = _mm_or_si128(wide, _mm_and_si128(e3, _mm_and_si128(same(n1, 0x82), same(n2, 0x84))));     // や
      mask |= static_cast<unsigned>(_mm_movemask_epi8(wide));
    }
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
    i += 16;
  }
#endif
  while (i < size && !IsSeparatorCandidate(bytes, size, i)) ++i;
  return i;
}

bool LatinBefore(std::string_view line, std::size_t at) {
  while (at > 0 && line[at - 1] == ' ') --at;
  return at > 0 && IsAsciiAlnum(static_cast<unsigned char>(line[at - 1]));
}

bool LatinAfter(std::string_view line, std::size_t at) {
  while (at < line.size() && line[at] == ' ') ++at;
  return at < line.size() && IsLatinLetter(line[at]);
}

// Adds the separator of `length` bytes at `i` (with its spaces) to `out`; returns where the
// search goes on.
std::size_t AddSeparator(std::string_view line, std::size_t i, std::size_t length, std::vector<Separator>& out) {
  std::size_t begin = i, end = i + length;
  while (begin > 0 && line[begin - 1] == ' ') --begin;
  while (end < line.size() && line[end] == ' ') ++end;
  if (!out.empty() && begin <= out.back().end) {
    out.back().end = end;  // ", and" is one separator
  } else {
    out.push_back({begin, end});
  }
  return end > i ? end : i + 1;
}

}  // namespace

std::vector<Separator> FindSeparators(std::string_view line) {
  std::vector<Separator> out;
  const auto* bytes = reinterpret_cast<const unsigned char*>(line.data());
  const std::size_t size = line.size();
  for (std::size_t i = 0; i < size;) {
    // "and " or "& " counts only where the last separator ends; elsewhere most bytes are passed.
    if (out.empty() || out.back().end != i) i = NextSeparatorCandidate(bytes, size, i);
    if (i >= size) break;
    // Only the tests that can hold for the byte at `i` are made.
    const unsigned char c = bytes[i];
    std::size_t length = 0;
    if (c == ',') {
      length = 1;
    } else if (c == '/') {  // not "A/B testing", "CI/CD"
      const bool spaced = (i > 0 && line[i - 1] == ' ') || (i + 1 < size && line[i + 1] == ' ');
      length = spaced ? 1 : 0;
    } else if (c == 0xE3 || c == 0xEF) {
      const std::uint32_t character = i + 2 < size ? (std::uint32_t{c} << 16 | std::uint32_t{bytes[i + 1]} << 8 | bytes[i + 2]) : 0;
      if (character == kIdeographicComma || character == kFullwidthComma) {
        length = 3;
      } else if ((character == kTo || character == kYa) && LatinBefore(line, i) && LatinAfter(line, i + 3)) {
        length = 3;
      }
    } else if (c == ' ') {
      if (line.substr(i, 5) == " and " || line.substr(i, 3) == " & ") length = line[i + 1] == '&' ? 3 : 5;
    } else if (!out.empty() && out.back().end == i && (line.substr(i, 4) == "and " || line.substr(i, 2) == "& ")) {
      length = c == '&' ? 2 : 4;  // ", and Zorq": the comma's spaces are already taken
    }
    i = length == 0 ? i + 1 : AddSeparator(line, i, length, out);
  }
  return out;
}

std::vector<Separator> FindSeparatorsPlain(std::string_view line) {
  std::vector<Separator> out;
  for (std::size_t i = 0; i < line.size();) {
    if (!MayStartSeparator(line[i])) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    const bool spaced = (i > 0 && line[i - 1] == ' ') || (i + 1 < line.size() && line[i + 1] == ' ');
    if (line[i] == ',' || (line[i] == '/' && spaced)) {
      length = 1;
    } else if (line.substr(i, 3) == "、" || line.substr(i, 3) == "，") {
      length = 3;
    } else if ((line.substr(i, 3) == "と" || line.substr(i, 3) == "や") && LatinBefore(line, i) && LatinAfter(line, i + 3)) {
      length = 3;
    } else if (line.substr(i, 5) == " and " || line.substr(i, 3) == " & ") {
      length = line[i + 1] == '&' ? 3 : 5;
    } else if (!out.empty() && out.back().end == i && (line.substr(i, 4) == "and " || line.substr(i, 2) == "& ")) {
      length = line[i] == '&' ? 2 : 4;
    }
    i = length == 0 ? i + 1 : AddSeparator(line, i, length, out);
  }
  return out;
}

}  // namespace kgx
