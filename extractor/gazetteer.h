// Gazetteer: the listed entities and their aliases ([gazetteer TYPE] and [context NAME] blocks),
// compiled once into one Vectorscan literal database (which may also hold discovery's atoms, found
// by the same pass); Scan finds every alias in a normalized document in one pass, applies word
// boundaries, case and context options, near-miss (typo) matching, and resolves overlaps by
// priority, then length, then position.
// Pipeline: Normalizer -> **RuleEngine (gazetteer)** -> Resolver.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/literal_hit.h"
#include "extractor/normalizer.h"
#include "extractor/rule_file.h"
#include "extractor/types.h"

namespace kgx {

struct AliasMatch {
  std::size_t begin = 0;  // normalized offsets
  std::size_t end = 0;
  std::size_t entity = 0;  // index into Gazetteer::entities()
  bool near_miss = false;  // found by typo tolerance
};

class Gazetteer {
 public:
  static bool HandlesBlockKind(std::string_view kind);

  // Compiles the gazetteer and context blocks among `blocks`. Problems go to `diagnostics`
  // (file:line:col); returns nullptr when an error makes the gazetteer unusable. `shared`, when
  // given, is asked once, just before the Vectorscan database is compiled, for another
  // consumer's literals (discovery's atoms, already Latin-folded) that the database also holds,
  // so that one scan of a document serves both (the Scan that hands back `shared_hits`).
  static std::unique_ptr<Gazetteer> Compile(const std::vector<RuleBlock>& blocks,
                                            std::vector<RuleDiagnostic>& diagnostics,
                                            const std::function<std::vector<std::string>()>& shared = {});

  // Finds the accepted, non-overlapping alias matches of a whole normalized document, in text
  // order. Thread-safe.
  std::vector<AliasMatch> Scan(const NormalizedText& text) const;
  // The same, and by the same scan the hits of the shared literals (id: index in their list; by
  // end) in `shared_hits`; `second` is false, with `shared_hits` empty, when they were not looked
  // for (none compiled in, a text longer than one scan): the caller then finds them itself.
  std::pair<std::vector<AliasMatch>, bool> Scan(const NormalizedText& text, std::vector<LiteralHit>& shared_hits) const;

  const std::vector<Entity>& entities() const;
  // Returns the entity whose name or alias equals `name` after normalization (case-insensitive),
  // preferring an exact-case alias; nullopt when none.
  std::optional<std::size_t> FindByName(std::string_view name) const;
  // The same, and whether that alias counts only where a context says so (`context=`, `unless=`):
  // a name found where the scan did not take it may be someone else ("Kong さん").
  struct NamedEntity {
    std::size_t entity = 0;
    bool guarded = false;
  };
  std::optional<NamedEntity> FindNamed(std::string_view name) const;
  // Returns the entity with this id.
  std::optional<std::size_t> FindById(std::string_view id) const;
  std::size_t alias_count() const;

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

 private:
  Gazetteer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
