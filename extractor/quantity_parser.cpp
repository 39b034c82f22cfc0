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

namespace {

// "1時間42分", "2 hours 14 minutes", "1分30秒": a duration written in two units, the larger first,
// is one duration (6120 seconds), not two. Hours, minutes and seconds only: "1日12時間" is twelve
// hours a day, not a day and a half.
void JoinCompoundDurations(std::string_view line, std::vector<QuantityMatch>& found) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (kept > 0) {
      QuantityMatch& a = found[kept - 1];
      const QuantityMatch& b = found[i];
      const bool joins = a.unit == "second" && b.unit == "second" && a.value && b.value && a.per.empty() &&
                         b.per.empty() && b.qualifiers.empty() && *a.value > *b.value && *a.value < 86400 && b.begin >= a.end &&
                         b.begin - a.end <= 1 && line.substr(a.end, b.begin - a.end).find_first_not_of(' ') == std::string_view::npos;
      if (joins) {
        *a.value += *b.value;
        a.end = b.end;
        continue;
      }
    }
    if (kept != i) found[kept] = std::move(found[i]);
    ++kept;
  }
  found.resize(kept);
}

}  // namespace

std::vector<QuantityMatch> QuantityParser::Find(std::string_view line) const {
  std::vector<QuantityMatch> found = ScanQuantities(line, impl_->lexicon, impl_->veto.get());
  JoinCompoundDurations(line, found);
  return found;
}

}  // namespace kgx
