// PatternStart: what an RE2 pattern's matches can start and end with, read from its tokens
// (ReadRegexTokens), and the character classes every match holds. The common reader of the
// necessary conditions LineStartGate (line_start_gate.h) and RequiredCharacters
// (required_characters.h) derive from the Segmenter's and Discovery's patterns. Internal to extractor/.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace kgx {

// Code points as inclusive ranges; Tidy sorts and merges them.
using CodePointRanges = std::vector<std::pair<char32_t, char32_t>>;

constexpr char32_t kMaxCodePoint = 0x10FFFF;

// Sorts `r` and merges ranges that overlap or touch.
void Tidy(CodePointRanges& r);
// Every code point that is not RE2's \s (tab, newline, form feed, carriage return, space), tidy.
const CodePointRanges& NonSpaces();

// What a piece of pattern can start with (after white space), end with (before white space) and
// whether it may match only white space.
struct PatternStart {
  CodePointRanges first;
  CodePointRanges last;
  bool blank = true;
  std::vector<CodePointRanges> required;  // every match holds a character of each of these classes
};

// Reads `pattern` into `start`. False when it holds what the reader does not follow (then
// `start` says nothing).
bool ReadPatternStart(std::string_view pattern, PatternStart& start);

}  // namespace kgx
