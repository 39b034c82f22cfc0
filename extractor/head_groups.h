// HeadGroups: the groups of a pattern `H T` whose capturing groups all stand in H, read by a short
// run of H alone at the match's start, T then confirming where the match ends. RE2 finds groups
// by backtracking over the whole match, or by its NFA when the match is too long for that, so a
// long group-free tail ("[^。]*?(?:ツール|…)") costs ~29 k instructions a match. Used by Discovery.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

namespace re2 {
class RE2;
class StringPiece;
}  // namespace re2

namespace kgx {

class HeadGroups {
 public:
  // Returns the split form of `whole` (which must outlive it), or null when its pattern has no
  // such shape: a single branch, every capturing group before a tail with none, all syntax read.
  static std::unique_ptr<HeadGroups> For(const re2::RE2& whole);
  ~HeadGroups();
  HeadGroups(const HeadGroups&) = delete;
  HeadGroups& operator=(const HeadGroups&) = delete;

  // Same answer and groups as whole.Match(line, from, line.size(), UNANCHORED, parts, groups).
  bool Match(std::string_view line, std::size_t from, re2::StringPiece* parts, int groups) const;

 private:
  HeadGroups();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
