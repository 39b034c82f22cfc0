// Extractor: runs the whole per-document pipeline (normalize, segment, gazetteer, discovery,
// quantities, relations) and resolves the matches into a DocumentResult with original lines,
// byte offsets and text. One Extractor is shared read-only by every worker thread.
#pragma once

#include "extractor/reader.h"
#include "extractor/rule_set.h"
#include "extractor/types.h"

namespace kgx {

class Extractor {
 public:
  explicit Extractor(const RuleSet& rules) : rules_(rules) {}

  // Extracts one document. Never fails: problems become warnings in the result.
  DocumentResult Extract(const SourceText& source) const;

 private:
  const RuleSet& rules_;
};

}  // namespace kgx
