// Gazetteer: the listed entities and their aliases ([gazetteer TYPE] and [context NAME] blocks),
// compiled once into one Vectorscan literal database; Scan finds every alias in a normalized
// document in one pass, applies word boundaries, case and context options, near-miss (typo)
// matching, and resolves overlaps by priority, then length, then position.
// Pipeline: Normalizer -> **RuleEngine (gazetteer)** -> Resolver.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  // (file:line:col); returns nullptr when an error makes the gazetteer unusable.
  static std::unique_ptr<Gazetteer> Compile(const std::vector<RuleBlock>& blocks,
                                            std::vector<RuleDiagnostic>& diagnostics);

  // Finds the accepted, non-overlapping alias matches of a whole normalized document, in text
  // order. Thread-safe.
  std::vector<AliasMatch> Scan(const NormalizedText& text) const;

  const std::vector<Entity>& entities() const;
  // Returns the entity whose name or alias equals `name` after normalization (case-insensitive),
  // preferring an exact-case alias; nullopt when none.
  std::optional<std::size_t> FindByName(std::string_view name) const;
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
