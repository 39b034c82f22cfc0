// RelationRules: `[relation PREDICATE]` patterns over a line in which every entity mention has
// been replaced by a typed marker, so a rule reads like the sentence it describes:
//   {subject:company}から{object:technology|aws_service}に移行
// `{subject:TYPES}` and `{object:TYPES}` capture a mention, `{TYPES}` matches one without
// capturing, `{=NAME}` inserts the alternation of a [relation.define NAME] block, and a
// `(?P<role>…)` group gives role_at its role. Without a subject the section (or the company
// presenting it) is the subject. Pipeline: RuleEngine (**relations**) -> Resolver.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/rule_file.h"
#include "extractor/types.h"

namespace kgx {

// A mention on the line, as the relation rules see it.
struct TypedMention {
  std::size_t begin = 0;  // offsets into the line
  std::size_t end = 0;
  EntityType type = EntityType::kTechnology;
};

struct RelationMatch {
  std::string predicate;
  int subject = -1;  // index into the line's mentions, -1 = the section (or its presenter)
  int object = -1;
  std::string role;  // text of the role group, if any
};

class RelationRules {
 public:
  static bool HandlesBlockKind(std::string_view kind);
  static std::unique_ptr<RelationRules> Compile(const std::vector<RuleBlock>& blocks,
                                                std::vector<RuleDiagnostic>& diagnostics);

  // Applies every relation rule to one normalized line whose mentions (sorted, non-overlapping)
  // are `mentions`. Thread-safe.
  std::vector<RelationMatch> Apply(std::string_view line, const std::vector<TypedMention>& mentions) const;

  // Builds the marker text of a line (exposed for tests).
  static std::string MarkLine(std::string_view line, const std::vector<TypedMention>& mentions);

  ~RelationRules();
  RelationRules(const RelationRules&) = delete;
  RelationRules& operator=(const RelationRules&) = delete;

 private:
  RelationRules();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
