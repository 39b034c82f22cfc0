// Marked lines for the relation rules: a line with each mention replaced by a marker (U+E000, one
// type letter, the mention's index, U+E001) that relation patterns match, and the markers read
// back out of a match. Internal to RelationRules (relation_rules.cpp), which marks a section's
// lines here before running its patterns; private-use characters never occur in normalized
// notes, so markers cannot collide with text.
#pragma once

#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/marker_context.h"
#include "extractor/relation_rules.h"
#include "extractor/relation_template.h"
#include "extractor/types.h"

namespace kgx {

// Returns the marker letter of `type` (a = aws_service, c = company, p = person, t = technology).
char TypeLetter(EntityType type);
// Turns a type mask into the marker letters of its types ("ca" for company and aws_service).
std::string TypeLetters(TypeMask types);
// Returns the RE2 pattern of one marker whose letter is one of `letters`.
std::string MarkerPattern(const std::string& letters);

// Reads the mention index out of a marker (U+E000, letter, digits, U+E001). Inline: it runs for
// every object a match relates.
inline int MarkerIndex(std::string_view marker) {
  int value = 0;
  for (std::size_t i = kMarkerOpen.size() + 1; i < marker.size() && std::isdigit(static_cast<unsigned char>(marker[i])); ++i) {
    value = value * 10 + (marker[i] - '0');
  }
  return value;
}

// Returns the indices of the markers inside `span` whose type letter is in `letters`.
std::vector<int> MarkersIn(std::string_view span, std::string_view letters);

// A line with its mentions replaced by markers, and where each mention's marker begins (npos for
// a mention that overlapped an earlier one and has none).
struct MarkedLine {
  std::string text;
  std::vector<std::size_t> marker_at;
  std::vector<MarkerSpan> markers;  // in line order
  // [k]: the types of markers[k] and of every marker after it; worked out on first use
  // (TypesFrom), as only lines with a match ask.
  std::vector<TypeMask> types_from;
  bool types_known = false;
  // Punctuation that ends a phrase: (at, length); found on first use (PhraseAround), as only
  // lines with a match under an @unless need it.
  std::optional<std::vector<std::pair<std::size_t, std::size_t>>> stops;
};

// The marked lines of a section, the ones with mentions in order, and their texts joined (each
// followed by a line break) for one prefilter scan. Per thread; reused from section to section.
struct MarkedSection {
  std::vector<MarkedLine> lines;  // [k] for the k-th line with mentions; more may stand unused
  std::string joined;
  std::vector<std::size_t> at;  // where lines[k]'s text starts in `joined`; npos: not in it (a long line)
};

// Marks `line` into `marked`, whose buffers are reused: the lines of a section are marked one
// after the other into the same one. A marker character already in the text becomes U+FFFD, so
// that text can never pose as a mention.
void MarkLineInto(std::string_view line, const std::vector<TypedMention>& mentions, MarkedLine& marked);

// Returns the types of the markers of `marked` from its k-th on. Inline: asked at every start
// a pattern's search tries.
inline TypeMask TypesFrom(MarkedLine& marked, std::size_t k) {
  if (!marked.types_known) {
    marked.types_from.resize(marked.markers.size());
    TypeMask types = 0;
    for (std::size_t i = marked.markers.size(); i-- > 0;) marked.types_from[i] = types |= TypeBit(marked.markers[i].type);
    marked.types_known = true;
  }
  return k < marked.types_from.size() ? marked.types_from[k] : 0;
}

// Returns the byte range of the marker of mention `index` in `marked`, or npos. Looked up, not
// searched: a line listing a million names would make a search per object quadratic.
std::pair<std::size_t, std::size_t> MarkerRange(const MarkedLine& marked, int index);

// Returns the phrase of `marked` around [begin, end): from after the punctuation before it up to
// and including the punctuation after it (。、!?, and a '.' that ends a sentence), at most
// 1024 bytes either side. The view lives as long as marked.text is unchanged.
std::string_view PhraseAround(MarkedLine& marked, std::size_t begin, std::size_t end);

}  // namespace kgx
