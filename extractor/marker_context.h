// MarkerContext: what a relation pattern needs right beside the marker of one of its placeholders
// (`を\s*{object:technology}\s*に`: a technology marker with を before it and に after it,
// whitespace aside), read from the pattern as written. A line on which no marker of the right
// type has that context cannot match, so RelationRules skips the pattern there without running
// RE2 (most lines hold the particles the prefilter's atoms see, but not beside a marker).
// Whatever the reader does not understand gives no context: such patterns are always run.
#pragma once

#include <bitset>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/literal_keys.h"
#include "extractor/pattern_elements.h"
#include "extractor/relation_template.h"
#include "extractor/script_ranges.h"
#include "extractor/types.h"

namespace kgx {

// What may stand on one side of a marker once the whitespace next to it is passed over: one of
// the literals, one of the characters, or the edge of the line.
struct SideContext {
  bool known = false;                 // false: anything may stand there
  std::vector<std::string> literals;  // the first (after) or last (before) text there
  std::vector<std::string> folded;    // likewise, in ASCII lower case, for any case (`(?i:on)`)
  std::bitset<128> chars;             // ASCII characters of a long class ([A-Z]) there (SideOf only)
  CodeRanges wide;                    // its characters from U+0080 (\p{Han}; SideOf only, BeforeFits and AfterFits check them)
  bool edge = false;                  // the line's start (before) or end (after) will do
  // When all of the above come from one element read once (`(?:に|には)`), what stands beyond
  // it, whitespace passed over (`\s*[0-9]`); null when unknown.
  std::shared_ptr<const SideContext> beyond;
  // The literals' key bytes, so that a check turns most places away without comparing each
  // literal; set by the reader once the literals are known (by default any place may do).
  LiteralKeys keys;
};

// A marker of `types` whose sides fit `before` and `after`.
struct MarkerContext {
  TypeMask types = 0;
  SideContext before, after;
  bool folds = false;  // a side compares folded literals (worked out once)
};

// A marker in a marked line: [begin, end) with the type of its mention.
struct MarkerSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  EntityType type = EntityType::kTechnology;
};

// Returns the contexts of `pattern`, a relation pattern with its {=NAME} defines expanded and its
// mention placeholders as written: every match has, for each context, a marker that fits it.
// Contexts come from placeholders at the top level of a pattern without a top-level `|` or an
// inline flag such as `(?i)`.
std::vector<MarkerContext> ContextsOf(std::string_view pattern);
// Likewise for a pattern already read (ReadElements).
std::vector<MarkerContext> ContextsOf(const std::vector<PatternElement>& elements);

// Returns the context of the marker every match of `pattern` (as ContextsOf) begins with, when
// the pattern begins with a one-marker placeholder whose after side is known and compares no
// folded literals: what must follow the marker a match starts at. Before it nothing is known.
std::optional<MarkerContext> LeadContextOf(const std::vector<PatternElement>& pattern);

// Returns true when `marker` (into `text`) has a type of `context` and its known sides fit
// (folded literals compared byte by byte: see SomeMarkerFits).
bool MarkerFits(const MarkerContext& context, std::string_view text, const MarkerSpan& marker);

// Returns true when some marker of `markers` (in order, into `text`) fits `context`.
bool SomeMarkerFits(const MarkerContext& context, std::string_view text, const std::vector<MarkerSpan>& markers);

// For patterns without markers (discovery): `elements` with the groups every match passes once
// replaced by what they hold, and what must stand on one side (step -1: before, +1: after) of
// element `k` of such a sequence; `known` false when the walk cannot tell.
std::vector<PatternElement> UnwrapGroups(const std::vector<PatternElement>& elements);
SideContext SideOf(const std::vector<PatternElement>& unwrapped, std::size_t k, int step);
// Whether `side` fits before the text's offset `begin` (after `end`), whitespace passed over.
bool BeforeFits(const SideContext& side, std::string_view text, std::size_t begin);
bool AfterFits(const SideContext& side, std::string_view text, std::size_t end);
// Whether `text` holds a character RE2 folds to an ASCII letter (ſ, the Kelvin sign): there
// folded literals are not compared byte by byte.
bool HasFoldOutsideAscii(std::string_view text);

}  // namespace kgx
