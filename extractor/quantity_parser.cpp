// QuantityParser (see quantity_parser.h): compiles the [quantity.*] rule blocks once into a
// lexicon and a veto, then scans lines with them. The grammar of the blocks lives in
// quantity_rules.cpp, the scan in quantity_scanner.cpp, number reading in quantity_number.cpp.
#include "extractor/quantity_parser.h"

#include "extractor/quantity_lexicon.h"
#include "extractor/quantity_rules.h"
#include "extractor/quantity_scanner.h"
#include "extractor/quantity_veto.h"

namespace kgx {

struct QuantityParser::Impl {
  QuantityLexicon lexicon;
  std::unique_ptr<QuantityVeto> veto;
};

QuantityParser::QuantityParser() : impl_(std::make_unique<Impl>()) {}
QuantityParser::~QuantityParser() = default;

bool QuantityParser::HandlesBlockKind(std::string_view kind) { return IsQuantityBlockKind(kind); }

std::unique_ptr<QuantityParser> QuantityParser::Compile(const std::vector<RuleBlock>& blocks,
                                                        std::vector<RuleDiagnostic>& diagnostics) {
  auto parser = std::unique_ptr<QuantityParser>(new QuantityParser());
  std::vector<VetoPattern> vetoes;
  const bool rules_ok = CompileQuantityRules(blocks, parser->impl_->lexicon, vetoes, diagnostics);
  parser->impl_->veto = QuantityVeto::Compile(vetoes, diagnostics);
  if (!rules_ok || !parser->impl_->veto) return nullptr;
  return parser;
}

std::vector<QuantityMatch> QuantityParser::Find(std::string_view line) const {
  return ScanQuantities(line, impl_->lexicon, impl_->veto.get());
}

}  // namespace kgx
