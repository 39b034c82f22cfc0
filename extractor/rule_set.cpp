// Loading every rule family (see rule_set.h). Unknown block kinds are errors, so a typo in a
// header never silently disables rules.
#include "extractor/rule_set.h"

#include <algorithm>

namespace kgx {

std::unique_ptr<RuleSet> RuleSet::Load(const std::vector<std::string>& dirs,
                                       std::vector<RuleDiagnostic>& diagnostics) {
  std::vector<RuleBlock> blocks;
  for (const std::string& dir : dirs) {
    auto more = LoadRuleDirectory(dir, diagnostics);
    std::move(more.begin(), more.end(), std::back_inserter(blocks));
  }
  return FromBlocks(blocks, diagnostics);
}

std::unique_ptr<RuleSet> RuleSet::FromBlocks(const std::vector<RuleBlock>& blocks,
                                             std::vector<RuleDiagnostic>& diagnostics) {
  for (const RuleBlock& block : blocks) {
    if (Gazetteer::HandlesBlockKind(block.kind) || Segmenter::HandlesBlockKind(block.kind) ||
        QuantityParser::HandlesBlockKind(block.kind) || Discovery::HandlesBlockKind(block.kind) ||
        RelationRules::HandlesBlockKind(block.kind)) {
      continue;
    }
    diagnostics.push_back({block.where, "unknown block kind '" + block.kind + "'", true});
  }
  auto rules = std::unique_ptr<RuleSet>(new RuleSet());
  rules->gazetteer_ = Gazetteer::Compile(blocks, diagnostics);
  rules->segmenter_ = Segmenter::Compile(blocks, diagnostics);
  rules->quantities_ = QuantityParser::Compile(blocks, diagnostics);
  rules->discovery_ = Discovery::Compile(blocks, diagnostics);
  rules->relations_ = RelationRules::Compile(blocks, diagnostics);
  const bool has_error = std::any_of(diagnostics.begin(), diagnostics.end(),
                                     [](const RuleDiagnostic& d) { return d.is_error; });
  if (has_error || !rules->gazetteer_ || !rules->segmenter_ || !rules->quantities_ ||
      !rules->discovery_ || !rules->relations_) {
    return nullptr;
  }
  return rules;
}

}  // namespace kgx
