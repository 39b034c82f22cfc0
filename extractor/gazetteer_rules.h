// Parsing of [gazetteer TYPE] entity lines and [context NAME] blocks into plain data, before
// anything is compiled (shared by Gazetteer::Compile and `kgx rules check`).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "extractor/rule_file.h"
#include "extractor/types.h"

namespace kgx {

struct AliasRule {
  std::string surface;   // as written in the rule file
  std::size_t entity = 0;
  bool case_sensitive = false;
  bool typo = false;
  std::string context;   // context name that must hold, or empty
  std::string unless;    // context name that must not hold, or empty
  int priority = 0;
  Location where;
};

struct ContextRule {
  std::string name;
  std::vector<RuleLine> patterns;          // RE2 patterns
  std::vector<EntityType> required_types;  // "@TYPE" lines
  Location where;
};

struct GazetteerRules {
  std::vector<Entity> entities;
  std::vector<Location> entity_where;
  std::vector<AliasRule> aliases;
  std::map<std::string, ContextRule> contexts;
};

// Parses the gazetteer and context blocks of `blocks`; problems go to `diagnostics`.
GazetteerRules ParseGazetteerRules(const std::vector<RuleBlock>& blocks,
                                   std::vector<RuleDiagnostic>& diagnostics);

}  // namespace kgx
