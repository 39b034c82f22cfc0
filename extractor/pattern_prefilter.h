// PatternPrefilter: which of many RE2 patterns can match a line, found without running them.
// RE2's FilteredRE2 derives from each pattern the literals ("atoms") it cannot match without; one
// Vectorscan scan finds the atoms of a line (caseless, as FilteredRE2 expects), a pass over its
// lead bytes those of one three-byte character (の, 社) and memchr those of one byte (`/`), and
// only the patterns whose atoms are present are candidates. When the atoms cannot be trusted (a cased
// letter outside ASCII, which Vectorscan does not fold) or Vectorscan fails, one RE2::Set gates
// the line instead, and when that gives up too every pattern is a candidate. Each thread
// remembers the candidates of the atom sets it has met (a bounded table). Shared read-only by all
// threads. Used by discovery and relation rules, which take each pattern's RE2 from the prefilter
// (Add) rather than compile it a second time.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace kgx {

class PatternPrefilter {
 public:
  PatternPrefilter();
  ~PatternPrefilter();
  // Adds `patterns`, then finishes. A pattern that does not compile leaves every pattern a candidate.
  static std::unique_ptr<PatternPrefilter> Build(const std::vector<std::string>& patterns, long long max_mem,
                                                 const std::vector<std::string>& unscanned = {});

  // Compiles the next pattern with RE2::Quiet's options into the RE2 the prefilter keeps (the one
  // its atoms come from) and returns it, valid as long as the prefilter; nullptr, with RE2's
  // message in `error`, when it does not compile. Candidates numbers the patterns in the order
  // added: a caller that drops a pattern it added must not use the prefilter.
  const re2::RE2* Add(const std::string& pattern, std::string& error);
  // Works out the atoms of the patterns added; once, after the last Add. `max_mem`: RE2's memory
  // budget for the fallback set. Atoms that hold one of `unscanned` are not looked for but taken as
  // present: text that the caller checks more cheaply itself (the mention markers of relation
  // patterns: the types of a line's mentions tell).
  void Finish(long long max_mem, const std::vector<std::string>& unscanned = {});

  // The indices of the patterns that may match `line`, ascending; valid until the calling
  // thread's next call.
  const std::vector<int>& Candidates(std::string_view line) const;
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
