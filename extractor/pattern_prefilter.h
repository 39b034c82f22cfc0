// PatternPrefilter: which of many RE2 patterns can match a line, found without running them.
// RE2's FilteredRE2 derives from each pattern the literals ("atoms") it cannot match without; one
// Vectorscan scan finds the atoms of a line, or of a whole document at once (TextAtoms), caseless
// as FilteredRE2 expects; a pass over its lead bytes finds those of one three-byte character (の,
// 社) and memchr those of one byte (`/`), and only the patterns whose atoms are present are
// candidates. The patterns are held in FilteredRE2s of a few each, sharing one numbering of the
// atoms, so that an atom many patterns use still gates each (RE2 stops triggering on an atom that
// more than 8 conditions of one FilteredRE2 share). When the atoms cannot be trusted (a cased
// letter outside ASCII, which Vectorscan does not fold) or Vectorscan fails, one RE2::Set gates
// the line instead, and when that gives up too every pattern is a candidate. Each thread remembers the candidates of the atom sets it has
// met (a bounded table). Shared read-only by all threads. Used by discovery and relation rules,
// which take each pattern's RE2 from the prefilter (Add) rather than compile it a second time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/literal_hit.h"

namespace re2 {
class RE2;
}

namespace kgx {

// The atoms one prefilter found in a whole text by one scan (PatternPrefilter::FindAtoms), by
// where they stand, from which Candidates takes those of each line of that text: one scan per
// document or section instead of one per line, whose fixed cost is most of a short line's. Holds
// a view of the text: valid while the text is.
class TextAtoms {
 public:
  TextAtoms() = default;

 private:
  friend class PatternPrefilter;
  struct Hit {
    std::uint32_t begin, end;  // where the atom stands in the text
    int atom;
  };
  std::string_view text_;
  std::uint64_t serial_ = 0;  // the prefilter's; 0: no atoms (a line is scanned itself)
  std::vector<Hit> hits_;     // by end
};

class PatternPrefilter {
 public:
  PatternPrefilter();
  ~PatternPrefilter();
  // Adds `patterns`, pattern i as id i, then finishes. A pattern that does not compile leaves
  // every pattern a candidate.
  static std::unique_ptr<PatternPrefilter> Build(const std::vector<std::string>& patterns, long long max_mem,
                                                 const std::vector<std::string>& unscanned = {});

  // Compiles `pattern` with RE2::Quiet's options into the RE2 the prefilter keeps (the one its
  // atoms come from) and returns it, valid as long as the prefilter; nullptr, with RE2's message
  // in `error`, when it does not compile. Candidates reports the pattern as `id`, the caller's own
  // number for it (its index in the caller's list), so no pattern's number depends on what the
  // caller did with another. A caller that rejects a pattern it added withdraws it (Withdraw).
  const re2::RE2* Add(int id, const std::string& pattern, std::string& error);
  // Takes back the patterns added as `id`, before Finish: they are never candidates, and one
  // that did not compile no longer makes every pattern a candidate.
  void Withdraw(int id);
  // Works out the atoms of the patterns added; once, after the last Add. `max_mem`: RE2's memory
  // budget for the fallback set. Atoms that hold one of `unscanned` are not looked for but taken as
  // present: text that the caller checks more cheaply itself (the mention markers of relation
  // patterns: the types of a line's mentions tell).
  void Finish(long long max_mem, const std::vector<std::string>& unscanned = {});

  // Finds the atoms of a whole `text` (a document, a section's lines joined) by one scan, for
  // Candidates to take each line's from. Empty when the prefilter does not scan (its lines are
  // then gated one by one).
  TextAtoms FindAtoms(std::string_view text) const;
  // The literals FindAtoms scans for, as a shared scan of the Latin-folded text looks for them
  // (SharedLiteralScan): a hit's id is its index. Empty when it has none, or when one is not
  // already in lower case (a case-sensitive scan of the folded text would then miss it).
  std::vector<std::string> ScannedAtoms() const;
  // What FindAtoms(text) finds, from the `hits` (by end) of ScannedAtoms() that a shared scan
  // found in the folded form of `text` (same length, same offsets).
  TextAtoms AtomsFrom(std::string_view text, const std::vector<LiteralHit>& hits) const;

  // The ids of the patterns that may match `line`, ascending, each once; valid until the calling
  // thread's next call.
  const std::vector<int>& Candidates(std::string_view line) const;
  // The same answer for `line`, a view of the text `atoms` were found in, from the atoms that
  // stand wholly inside it, without a scan of its own. A line that cannot be answered so (not in
  // that text, atoms of another prefilter or of a scan that failed) is scanned itself.
  const std::vector<int>& Candidates(std::string_view line, const TextAtoms& atoms) const;
  // The number of patterns added and not withdrawn.
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
