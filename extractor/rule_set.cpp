// Loading every rule family (see rule_set.h). Unknown block kinds are errors, so a typo in a
// header never silently disables rules.
#include "extractor/rule_set.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <future>
#include <vector>

#include "extractor/pattern_defines.h"

namespace kgx {

std::unique_ptr<RuleSet> RuleSet::Load(const std::vector<std::string>& dirs,
                                       std::vector<RuleDiagnostic>& diagnostics, std::size_t threads) {
  std::vector<RuleBlock> blocks;
  for (const std::string& dir : dirs) {
    auto more = LoadRuleDirectory(dir, diagnostics);
    std::move(more.begin(), more.end(), std::back_inserter(blocks));
  }
  return FromBlocks(std::move(blocks), diagnostics, threads);
}

std::unique_ptr<RuleSet> RuleSet::FromBlocks(std::vector<RuleBlock> blocks,
                                             std::vector<RuleDiagnostic>& diagnostics, std::size_t threads) {
  ExpandPatternDefines(blocks, diagnostics);
  for (const RuleBlock& block : blocks) {
    if (block.kind == kDefineBlockKind || Gazetteer::HandlesBlockKind(block.kind) || Segmenter::HandlesBlockKind(block.kind) ||
        QuantityParser::HandlesBlockKind(block.kind) || Discovery::HandlesBlockKind(block.kind) ||
        RelationRules::HandlesBlockKind(block.kind)) {
      continue;
    }
    diagnostics.push_back({block.where, "unknown block kind '" + block.kind + "'", true});
  }
  auto rules = std::unique_ptr<RuleSet>(new RuleSet());
  // One task per family, each with its own diagnostics, appended in the one-thread order. Rule
  // loading is a run's serial start: with more threads the families compile side by side, each
  // thread taking the next task when it is done, the dearest first (the relation patterns, then
  // discovery and the gazetteer's Vectorscan database), so that the threads end together.
  enum Family : std::size_t { kGazetteer, kSegmenter, kQuantities, kDiscovery, kRelations, kFamilies };
  std::array<std::vector<RuleDiagnostic>, kFamilies> found;
  // Discovery's atoms go into the gazetteer's Vectorscan database (one scan of a document for
  // both): the gazetteer waits for them only when it compiles that database. Discovery is taken
  // before the gazetteer (kDearestFirst), so the thread it waits for is at work already.
  std::promise<void> discovery_done;
  const std::shared_future<void> discovery_ready = discovery_done.get_future().share();
  const auto discovery_atoms = [&] {
    discovery_ready.wait();
    return rules->discovery_ ? rules->discovery_->ScannedAtoms() : std::vector<std::string>();
  };
  const auto compile = [&](std::size_t family) {
    std::vector<RuleDiagnostic>& out = found[family];
    switch (family) {
      case kGazetteer: rules->gazetteer_ = Gazetteer::Compile(blocks, out, discovery_atoms); break;
      case kSegmenter: rules->segmenter_ = Segmenter::Compile(blocks, out); break;
      case kQuantities: rules->quantities_ = QuantityParser::Compile(blocks, out); break;
      case kDiscovery:
        try {
          rules->discovery_ = Discovery::Compile(blocks, out);
        } catch (...) {
          discovery_done.set_value();  // the gazetteer must not wait for ever
          throw;
        }
        discovery_done.set_value();
        break;
      default: rules->relations_ = RelationRules::Compile(blocks, out); break;
    }
  };
  constexpr std::array<std::size_t, kFamilies> kDearestFirst = {kRelations, kDiscovery, kGazetteer, kSegmenter,
                                                                kQuantities};
  std::atomic<std::size_t> next{0};
  const auto take_tasks = [&] {
    for (std::size_t task; (task = next.fetch_add(1)) < kFamilies;) compile(kDearestFirst[task]);
  };
  std::vector<std::future<void>> helpers;
  for (std::size_t t = 1; t < std::min<std::size_t>(threads, kFamilies); ++t) {
    helpers.push_back(std::async(std::launch::async, take_tasks));
  }
  take_tasks();
  for (std::future<void>& helper : helpers) helper.get();  // rethrows what a helper threw
  for (const std::vector<RuleDiagnostic>& family : found) {
    diagnostics.insert(diagnostics.end(), family.begin(), family.end());
  }
  const bool has_error = std::any_of(diagnostics.begin(), diagnostics.end(),
                                     [](const RuleDiagnostic& d) { return d.is_error; });
  if (has_error || !rules->gazetteer_ || !rules->segmenter_ || !rules->quantities_ ||
      !rules->discovery_ || !rules->relations_) {
    return nullptr;
  }
  return rules;
}

}  // namespace kgx
