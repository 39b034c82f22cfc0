// Discovery: finds names that are in no list, from how people write them ([discover TYPE]
// blocks): people by title or honorific (`CEO の Andy Jassy`, `Jeff Lawson 氏`), companies by
// context (`Intercom社の事例`, `Netflixの中の人`). [discover.stop TYPE] lists words that are never
// names (`Director`, `PM`). Pipeline: RuleEngine (**discovery**) -> Resolver.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/literal_hit.h"
#include "extractor/list_discovery.h"
#include "extractor/rule_file.h"
#include "extractor/types.h"

namespace kgx {

class TextAtoms;

struct DiscoveredName {
  std::size_t begin = 0;  // offsets into the line given to Find
  std::size_t end = 0;
  EntityType type = EntityType::kCompany;
};

class Discovery {
 public:
  static bool HandlesBlockKind(std::string_view kind);
  static std::unique_ptr<Discovery> Compile(const std::vector<RuleBlock>& blocks,
                                            std::vector<RuleDiagnostic>& diagnostics);

  // Finds the prefilter's atoms in a whole normalized text (a document) by one scan, for Find
  // to take each of its lines' from. Valid while `text` is. Thread-safe.
  TextAtoms FindAtoms(std::string_view text) const;
  // The literals FindAtoms looks for, and its answer from a shared scan's hits of them in the
  // folded text (PatternPrefilter::ScannedAtoms, AtomsFrom).
  std::vector<std::string> ScannedAtoms() const;
  TextAtoms AtomsFrom(std::string_view text, const std::vector<LiteralHit>& hits) const;
  // Finds discovered names in one normalized line (case kept). `atoms`, when given, are the
  // FindAtoms of a text the line is part of: the line is not scanned again. `previous` is the
  // non-blank line before it, which a block's "@after RE" asks about. Thread-safe.
  std::vector<DiscoveredName> Find(std::string_view line, const TextAtoms* atoms = nullptr,
                                   std::string_view previous = {}) const;
  // Finds unlisted names in lists beside known ones (list_discovery.h); `known` are the line's
  // known names by begin. Thread-safe.
  std::vector<DiscoveredName> FindInLists(std::string_view line, const std::vector<KnownName>& known) const;

  ~Discovery();
  Discovery(const Discovery&) = delete;
  Discovery& operator=(const Discovery&) = delete;

 private:
  Discovery();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
