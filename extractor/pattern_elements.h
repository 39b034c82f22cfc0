// PatternElements: a relation pattern as written (its defines expanded, its mention placeholders
// kept) read as a sequence of elements, each group holding the sequences of its alternatives.
// Only what the fast paths of RelationRules reason about is told apart: literals, classes of
// listed characters, groups, placeholders, \s, \b, ^ and $; anything else is kOther. Read once
// per pattern when rules are compiled (MarkerContext, MarkerLayout).
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/relation_template.h"
#include "extractor/script_ranges.h"

namespace kgx {

enum class ElementKind {
  kPlaceholder,
  kText,       // one of `texts` stands here ("" when it may be empty)
  kGroup,      // one of `alternatives` stands here
  kSpace,      // \s
  kZeroWidth,  // \b, \B
  kLineStart,  // ^, \A
  kLineEnd,    // $, \z
  kOther,      // anything else: ., \d, \p{…}, a class with ranges, a group with flags
};

struct PatternElement {
  ElementKind kind = ElementKind::kOther;
  std::vector<std::string> texts;
  std::vector<std::vector<PatternElement>> alternatives;
  bool fold = false;  // inside `(?i:…)`: texts match in any ASCII case (they are in lower case); a \w
                      // matches two characters outside ASCII besides `ascii`
  Placeholder placeholder;
  std::string name;       // kGroup: the name of a named capturing group
  bool markerless = false;  // kOther: a class that cannot match a marker's characters
  bool ascii_only = false;  // kOther: a class, \d or \w whose characters are all in `ascii`
  std::bitset<128> ascii;   // (a superset: \s, \d or \w in a class counts as any ASCII character)
  bool chars_known = false;  // kOther outside (?i:…): every character it matches is in `ascii` or `wide`
  CodeRanges wide;           // (a superset, from U+0080: \p{Han}, \p{Katakana}, \p{Hiragana}, listed ones)
  bool may_skip = false;  // followed by ?, * or a repeat from 0
  bool repeats = false;   // followed by +, * or a repeat
};

// Splits `pattern` into elements (read by ReadRegexTokens); nothing when it has a '|' outside
// groups, an inline flag for the rest of the pattern (`(?i)`) or what the reader answers
// kUnsupported for (a group holding such is kOther). `fold`: the pattern is inside `(?i:…)`.
std::optional<std::vector<PatternElement>> ReadElements(std::string_view pattern, bool fold = false);

// Returns true when no text `e` may match holds a marker's characters (U+E000, U+E001).
bool HoldsNoMarker(const PatternElement& e);

// Returns true for what RE2's \s matches (\t \n \f \r and space) and \v. Inline: the marker
// contexts ask it for every byte they pass over.
inline bool IsRegexSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace kgx
