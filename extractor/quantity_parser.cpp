// QuantityParser (see quantity_parser.h): compiles the [quantity.*] rule blocks once into a
// lexicon and a veto, then scans lines with them. The grammar of the blocks lives in
// quantity_rules.cpp, the scan in quantity_scanner.cpp, number reading in quantity_number.cpp.
#include "extractor/quantity_parser.h"

#include "extractor/quantity_lexicon.h"
#include "extractor/quantity_rules.h"
#include "extractor/quantity_scanner.h"
#include "extractor/quantity_veto.h"
#include "extractor/text_util.h"

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

// "1時間42分", "2 hours 14 minutes", "1分30秒", "1 day 12 hours": a duration written in two units,
// the larger first, is one duration (6120 seconds), not two. A bare "1日12時間" is twelve hours a
// day (the scanner gave the hours that rate and dropped the day); with a span after it, "1日12時間
// かかった", "1日12時間後", it is a day and a half.
void JoinCompoundDurations(std::string_view line, std::vector<QuantityMatch>& found) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (kept > 0) {
      QuantityMatch& a = found[kept - 1];
      const QuantityMatch& b = found[i];
      const bool joins = a.unit == "second" && b.unit == "second" && a.value && b.value && a.per.empty() &&
                         b.per.empty() && *a.value > *b.value && b.begin >= a.end &&
                         b.begin - a.end <= 1 && line.substr(a.end, b.begin - a.end).find_first_not_of(' ') == std::string_view::npos;
      if (joins) {
        *a.value += *b.value;
        a.end = b.end;
        // a qualifier after the second unit is the whole duration's: 1時間45分以上, 1日2時間以内
        a.qualifiers.insert(a.qualifiers.end(), b.qualifiers.begin(), b.qualifiers.end());
        continue;
      }
    }
    if (kept != i) found[kept] = std::move(found[i]);
    ++kept;
  }
  found.resize(kept);
}

// A table row whose label (its first cell) holds a rate word gives that rate to the row's
// amounts that have none: "| 月額コスト | 45万円 | 12万円 |", "| Monthly CI cost | $38,000 | $11,500 |".
// Not to a share or a factor (a percent, times), and not for a date's 月 ("| 4月 | 100万円 |").
void ApplyRowLabelRate(std::string_view line, const QuantityLexicon& lexicon, std::vector<QuantityMatch>& found) {
  const std::size_t open = line.find_first_not_of(' ');
  if (open == std::string_view::npos || line[open] != '|') return;
  const std::size_t cell_end = line.find('|', open + 1);
  if (cell_end == std::string_view::npos) return;
  const std::string_view label = line.substr(0, cell_end);
  const LexEntry* rate = nullptr;
  for (std::size_t pos = open + 1; pos < cell_end && rate == nullptr; ++pos) {
    if ((static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) continue;
    const char before = line[pos - 1];
    if ((before >= '0' && before <= '9') || (IsAsciiLetter(line[pos]) && IsAsciiLetter(before))) continue;
    rate = lexicon.RateWordAt(label, pos);
  }
  if (rate == nullptr) return;
  for (QuantityMatch& q : found) {
    if (q.begin > cell_end && q.per.empty() && q.unit != "percent" && q.unit != "times") q.per = rate->name;
  }
}

}  // namespace

std::vector<QuantityMatch> QuantityParser::Find(std::string_view line) const {
  std::vector<QuantityMatch> found = ScanQuantities(line, impl_->lexicon, impl_->veto.get());
  JoinCompoundDurations(line, found);
  if (!found.empty()) ApplyRowLabelRate(line, impl_->lexicon, found);
  return found;
}

}  // namespace kgx
