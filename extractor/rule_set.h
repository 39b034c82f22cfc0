// RuleSet: every rule family compiled once from the rule directories, then shared read-only by
// all workers. Loading collects every problem of every file before giving up.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "extractor/discovery.h"
#include "extractor/gazetteer.h"
#include "extractor/quantity_parser.h"
#include "extractor/relation_rules.h"
#include "extractor/rule_file.h"
#include "extractor/segmenter.h"

namespace kgx {

class RuleSet {
 public:
  // Loads and compiles every *.rules file of `dirs`. Returns nullptr when any error was found;
  // all errors and warnings are in `diagnostics`. With `threads` >= 2 the families compile on up to
  // that many threads (the same rules and the same diagnostics, in the same order: only sooner).
  static std::unique_ptr<RuleSet> Load(const std::vector<std::string>& dirs,
                                       std::vector<RuleDiagnostic>& diagnostics, std::size_t threads = 1);
  // Compiles already parsed blocks (tests, fuzzing), their shared `[define]`s expanded first.
  static std::unique_ptr<RuleSet> FromBlocks(std::vector<RuleBlock> blocks,
                                             std::vector<RuleDiagnostic>& diagnostics, std::size_t threads = 1);

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const Segmenter& segmenter() const { return *segmenter_; }
  const QuantityParser& quantities() const { return *quantities_; }
  const Discovery& discovery() const { return *discovery_; }
  const RelationRules& relations() const { return *relations_; }

 private:
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<Segmenter> segmenter_;
  std::unique_ptr<QuantityParser> quantities_;
  std::unique_ptr<Discovery> discovery_;
  std::unique_ptr<RelationRules> relations_;
};

}  // namespace kgx
