// Outline numbers of a numbered report's headings: see outline_number.h.
#include "extractor/outline_number.h"

#include <cstddef>

namespace kgx {

namespace {

// Reads one or two ASCII digits at `pos`, advancing it; false when there are none or more.
bool ReadPart(std::string_view text, std::size_t& pos) {
  std::size_t digits = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    ++pos;
    ++digits;
  }
  return digits >= 1 && digits <= 2;
}

}  // namespace

std::size_t OutlineDepth(std::string_view line) {
  std::size_t pos = line.find_first_not_of(" \t");
  if (pos == std::string_view::npos || !ReadPart(line, pos)) return 0;
  std::size_t levels = 1;
  while (pos + 1 < line.size() && line[pos] == '.' && line[pos + 1] >= '0' && line[pos + 1] <= '9') {
    ++pos;
    if (!ReadPart(line, pos)) return 0;
    ++levels;
  }
  if (levels < 2 || levels > 4) return 0;
  if (pos < line.size() && line[pos] == '.') ++pos;  // "1.1. Title"
  if (pos >= line.size() || line[pos] != ' ') return 0;
  while (pos < line.size() && line[pos] == ' ') ++pos;
  if (pos >= line.size()) return 0;
  const auto byte = [&](std::size_t k) { return k < line.size() ? static_cast<unsigned char>(line[k]) : 0; };
  const unsigned char first = byte(pos);
  // a capital or a Japanese word opens a title; a small letter or a digit a measure ("1.5 times"), and
  // hiragana (U+3040-309F: E3 81 xx, E3 82 80-9F) a particle after a version ("3.12 で動作確認")
  const bool hiragana = first == 0xE3 && (byte(pos + 1) == 0x81 || (byte(pos + 1) == 0x82 && byte(pos + 2) <= 0x9F));
  return (first >= 'A' && first <= 'Z') || (first >= 0x80 && !hiragana) ? levels : 0;
}

}  // namespace kgx
