// Loading every rule family (see rule_set.h). Unknown block kinds are errors, so a typo in a
// header never silently disables rules.
#include "extractor/rule_set.h"

#include <algorithm>
#include <future>

namespace kgx {

std::unique_ptr<RuleSet> RuleSet::Load(const std::vector<std::string>& dirs,
                                       std::vector<RuleDiagnostic>& diagnostics, std::size_t threads) {
  std::vector<RuleBlock> blocks;
  for (const std::string& dir : dirs) {
    auto more = LoadRuleDirectory(dir, diagnostics);
    std::move(more.begin(), more.end(), std::back_inserter(blocks));
  }
  return FromBlocks(blocks, diagnostics, threads);
}

std::unique_ptr<RuleSet> RuleSet::FromBlocks(const std::vector<RuleBlock>& blocks,
                                             std::vector<RuleDiagnostic>& diagnostics, std::size_t threads) {
  for (const RuleBlock& block : blocks) {
    if (Gazetteer::HandlesBlockKind(block.kind) || Segmenter::HandlesBlockKind(block.kind) ||
        QuantityParser::HandlesBlockKind(block.kind) || Discovery::HandlesBlockKind(block.kind) ||
        RelationRules::HandlesBlockKind(block.kind)) {
      continue;
    }
    diagnostics.push_back({block.where, "unknown block kind '" + block.kind + "'", true});
  }
  auto rules = std::unique_ptr<RuleSet>(new RuleSet());
  // Two halves of about equal cost (the gazetteer's Vectorscan database is about as dear as the
  // relation patterns), each with its own diagnostics, appended in the one-thread order. Rule
  // loading is a run's serial start: a second thread halves it (and a short `kgx query`'s wait).
  std::vector<RuleDiagnostic> first_half, second_half;
  const auto compile_first = [&] {
    rules->gazetteer_ = Gazetteer::Compile(blocks, first_half);
    rules->segmenter_ = Segmenter::Compile(blocks, first_half);
    rules->quantities_ = QuantityParser::Compile(blocks, first_half);
  };
  const auto compile_second = [&] {
    rules->discovery_ = Discovery::Compile(blocks, second_half);
    rules->relations_ = RelationRules::Compile(blocks, second_half);
  };
  if (threads >= 2) {
    std::future<void> first = std::async(std::launch::async, compile_first);
    compile_second();
    first.get();  // rethrows what the other thread threw
  } else {
    compile_first();
    compile_second();
  }
  diagnostics.insert(diagnostics.end(), first_half.begin(), first_half.end());
  diagnostics.insert(diagnostics.end(), second_half.begin(), second_half.end());
  const bool has_error = std::any_of(diagnostics.begin(), diagnostics.end(),
                                     [](const RuleDiagnostic& d) { return d.is_error; });
  if (has_error || !rules->gazetteer_ || !rules->segmenter_ || !rules->quantities_ ||
      !rules->discovery_ || !rules->relations_) {
    return nullptr;
  }
  return rules;
}

}  // namespace kgx
