// List separators (see list_separators.h).
#include "extractor/list_separators.h"

#include <array>
#include <cstdint>

#include "extractor/text_util.h"

namespace kgx {

namespace {

bool IsLatinLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// True for the bytes a separator can start with: ',', '/', the first byte of 、，と and や, the
// space of " and " and " & ", and the 'a' or '&' of an "and " or "& " after a comma's spaces.
constexpr bool MayStartSeparator(char c) {
  return c == ',' || c == '/' || c == ' ' || c == 'a' || c == '&' || c == '\xE3' || c == '\xEF';
}

constexpr std::array<bool, 256> kSeparatorStarts = [] {
  std::array<bool, 256> starts{};
  for (std::size_t byte = 0; byte < 256; ++byte) starts[byte] = MayStartSeparator(static_cast<char>(byte));
  return starts;
}();

// The UTF-8 bytes of 、，と and や as one number each.
constexpr std::uint32_t kIdeographicComma = 0xE38081, kFullwidthComma = 0xEFBC8C, kTo = 0xE381A8, kYa = 0xE38284;

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
    while (i < size && !kSeparatorStarts[bytes[i]]) ++i;  // most bytes
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
