// GroupReader: reads the groups of a relation match that its marker layout leaves open (a role
// between two markers, a list followed by an optional marker or by text that may hold markers) from the match's markers and small
// RE2s run on the text between them, instead of the whole pattern's RE2 asked for its groups: that
// program is too big for RE2's backtracker, and its NFA costs ~20 k instructions per read.
// RelationRules::MatchLine uses it after the DFA has found the match. Pipeline: RuleEngine.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/marker_context.h"

namespace re2 {
class RE2;
}

namespace kgx {

// The groups of one match, as the whole pattern's RE2 would give them.
struct GroupRead {
  std::string_view object;  // the object group: one marker or a list
  int subject = -1;         // the subject's mention, when the pattern has a {subject:…}
  bool has_role = false;    // the role group took part in the match
  std::string_view role;
  // Read without its role (ReadRole reads it): the text the role's piece of the pattern spans.
  bool role_pending = false;
  std::size_t role_from = 0, role_to = 0;
};

class GroupReader {
 public:
  // Returns a reader for `pattern` as written (its placeholders kept, its {=NAME} defines expanded;
  // `separator` what [define separator] stands for), or nothing when its shape allows none:
  //  - every mention placeholder stands alone at the top level ({object:…}, {subject:…}, {TYPES}),
  //    so that the k-th marker of a match is the k-th placeholder's, and the text between two
  //    markers is matched by what the pattern writes between them; or
  //  - an {objects:…} list, maybe followed by an optional group ending with a mention
  //    (`(?:\s+{TYPES})?`, which may follow an {object:…} too), where nothing before the list or
  //    in that group may match a marker's U+E001: the list then begins with the match's first
  //    marker, and where it ends is tried as RE2 would, the longest first, with the rest of the
  //    match (which may hold markers) run through a small RE2 without groups (its DFA).
  static std::unique_ptr<GroupReader> For(std::string_view pattern, const std::string& separator);

  // Reads the groups of the match text[begin, end) whose markers (all of the line's, in line
  // order) are `markers`; nothing when the match is not laid out as the reader expects, and the
  // caller asks RE2.
  // With `with_role` false, a pattern's role is left to ReadRole (role_pending): its small RE2 asks
  // for a group, which costs ~35 k instructions, and a match whose object is taken needs none.
  std::optional<GroupRead> Read(std::string_view text, const std::vector<MarkerSpan>& markers, std::size_t begin,
                                std::size_t end, bool with_role = true) const;
  // Reads the role of `read` (role_pending, from Read of `text`) into it; false when the role's
  // piece does not match there, where Read would have given nothing.
  bool ReadRole(std::string_view text, GroupRead& read) const;

  GroupReader(const GroupReader&) = delete;
  GroupReader& operator=(const GroupReader&) = delete;
  ~GroupReader();

 private:
  GroupReader();
  enum class Shape { kFixedMarkers, kList };
  Shape shape_ = Shape::kFixedMarkers;
  int markers_ = 0;                // kFixedMarkers: the markers of every match
  int subject_ = -1, object_ = -1;  // their markers, counted from 0 (kList: 0 for an {object:…})
  int role_segment_ = -1;          // the text before marker k (k = markers_: after the last) holds the role
  std::unique_ptr<re2::RE2> role_;      // that text's part of the pattern, with the group `role`
  int role_group_ = 0;
  // kList: the texts between two markers of the list, between the list and the optional
  // marker (none without one), and after the list or that marker
  std::unique_ptr<re2::RE2> separator_, gap_, rest_;
};

}  // namespace kgx
