// PatternPrefilter: which of many RE2 patterns can match a line, found without running them.
// RE2's FilteredRE2 derives from each pattern the literals ("atoms") it cannot match without; one
// Vectorscan scan finds the atoms of a line (caseless, as FilteredRE2 expects), a pass over its
// lead bytes those of one three-byte character (の, 社) and memchr those of one byte (`/`), and
// only the patterns whose atoms are present are candidates. When the atoms cannot be trusted (a cased
// letter outside ASCII, which Vectorscan does not fold) or Vectorscan fails, one RE2::Set gates
// the line instead, and when that gives up too every pattern is a candidate. Each thread
// remembers the candidates of the atom sets it has met (a bounded table). Shared read-only by all
// threads. Used by discovery and relation rules.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

class PatternPrefilter {
 public:
  ~PatternPrefilter();
  // Returns nullptr when a pattern does not compile (callers report their own errors first).
  // `max_mem`: RE2's memory budget for the fallback set. Atoms that hold one of `unscanned` are
  // not looked for but taken as present: text that the caller checks more cheaply itself (the
  // mention markers of relation patterns: the types of a line's mentions tell).
  static std::unique_ptr<PatternPrefilter> Build(const std::vector<std::string>& patterns, long long max_mem,
                                                 const std::vector<std::string>& unscanned = {});

  // The indices of the patterns that may match `line`, ascending; valid until the calling
  // thread's next call.
  const std::vector<int>& Candidates(std::string_view line) const;
  std::size_t size() const;

 private:
  PatternPrefilter();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
