// MarkerLayout: where a relation pattern's subject and object stand among the markers of its
// match, read from the pattern as written: `{subject:company}\s*は\s*{object:any}\s*を` has the
// subject first and the object second, as nothing before them may hold a marker (or last, when
// nothing after them may). RelationRules
// then reads them off the match that RE2's DFA found instead of asking RE2 for its groups, a
// second and slower run. Patterns laid out otherwise leave them unknown.
#pragma once

#include <string_view>
#include <vector>

#include "extractor/pattern_elements.h"

namespace kgx {

struct MarkerLayout {
  int subject = -1;          // the subject's marker, counted from 0 in the match; -1: unknown or none
  int object = -1;           // the object's marker, or the first of a list; -1: unknown
  bool object_list = false;  // the object is a list ({objects:…}, (?P<objects>…)) that holds every
                             // marker of the match from `object` on, and ends with the last one
  // Likewise counted back from the match's last marker (0: the last), for a subject or object
  // after which nothing may hold a marker (`{subject:company}\s*は[^。]*?{object:any}\s*ベース`);
  // -1 where unknown or where the count from the start is known.
  int subject_back = -1;
  int object_back = -1;
};

// Returns the types of the marker that every match of a pattern read so (ReadElements) begins with
// (`{object:company}\s*は…`, a list of them, a group each of whose alternatives begins so), or 0
// when a match may begin otherwise. A search for a match need not start before such a marker.
TypeMask LeadingMarkerTypes(const std::vector<PatternElement>& elements);

// Reads the layout of `pattern`: a relation pattern with its {=NAME} defines expanded and its
// mention placeholders as written.
MarkerLayout LayoutOf(std::string_view pattern);
// Likewise for a pattern already read (ReadElements).
MarkerLayout LayoutOf(const std::vector<PatternElement>& elements);

}  // namespace kgx
