// The unit reader of quantity_unit_reader.h: each word looked up in the lexicon where it may stand.
#include "extractor/quantity_unit_reader.h"

#include "extractor/quantity_change.h"
#include "extractor/quantity_text.h"
#include "extractor/text_util.h"

namespace kgx::quantity_detail {

namespace {

// True when the word at `at` (after spaces) places something in time: "ago", "later", "earlier",
// "before", "after", "back", "from now".
bool StartsTimeAdverb(std::string_view line, std::size_t at) {
  const std::size_t word = SkipSpaces(line, at);
  if (word == at) return false;
  for (std::string_view adverb : {"ago", "later", "earlier", "before", "after", "back", "from now"}) {
    if (word + adverb.size() > line.size()) continue;
    const std::size_t end = word + adverb.size();
    if ((end == line.size() || !IsLetter(line[end])) && AsciiLowerCopy(line.substr(word, adverb.size())) == adverb) return true;
  }
  return false;
}

}  // namespace

bool QuantityUnitReader::LineHasAny(const std::vector<std::string>& words) {
  if (words.empty()) return true;
  if (!folded_) folded_ = AsciiLowerCopy(line_);
  for (const std::string& word : words) {
    if (folded_->find(word) != std::string::npos) return true;
  }
  return false;
}

Hit QuantityUnitReader::FindUnit(std::size_t at, const NumberToken& token, bool nouns_only) {
  for (int spaced = 0; spaced < 2; ++spaced) {
    const std::size_t pos = spaced ? at + 1 : at;
    if (spaced && (at >= line_.size() || line_[at] != ' ')) break;
    const LexEntry* e = lex_.MatchAt(line_, pos, LexRole::kUnit, [&](const LexEntry& entry) {
      const UnitDef& def = lex_.unit(entry);
      if (entry.per_only || (entry.digits_only && !token.has_digits)) return false;
      if (nouns_only && (!def.is_count || def.is_counter)) return false;
      return !(spaced && entry.text.size() == 1 && IsLetter(entry.text[0]) && !entry.spaced);
    });
    if (e != nullptr && LineHasAny(e->line_words)) return {e, pos, pos + e->text.size()};
  }
  return {};
}

bool QuantityUnitReader::ApplyScale(std::size_t& end, double& value, const NumberToken& token) const {
  if (!token.has_digits || token.fraction) return false;
  for (int spaced = 0; spaced < 2; ++spaced) {
    const std::size_t pos = spaced ? end + 1 : end;
    if (spaced && (end >= line_.size() || line_[end] != ' ')) break;
    const LexEntry* scale = lex_.MatchAt(line_, pos, LexRole::kScale);
    if (scale == nullptr || (spaced && scale->text.size() == 1)) continue;
    const LexEntry* unit = lex_.MatchAt(line_, pos, LexRole::kUnit);
    if (unit != nullptr && unit->text.size() > scale->text.size()) continue;
    value *= scale->number;
    end = pos + scale->text.size();
    return true;
  }
  return false;
}

std::size_t QuantityUnitReader::ReadQualifiersAfter(std::size_t at, std::vector<std::string>& qualifiers) const {
  for (int i = 0; i < 2; ++i) {
    const std::size_t pos = SkipSpaces(line_, at);
    const LexEntry* q = lex_.MatchAt(line_, pos, LexRole::kQualifierAfter);
    if (q == nullptr) break;
    qualifiers.push_back(q->name);
    at = pos + q->text.size();
  }
  return at;
}

std::size_t QuantityUnitReader::ReadConnector(std::size_t at) const {
  if (at < line_.size() && line_[at] == '-') return at + 1;
  const std::size_t pos = SkipSpaces(line_, at);
  if (pos < line_.size() && line_[pos] == '~') return SkipSpaces(line_, pos + 1);
  if (line_.substr(pos, kRangeKara.size()) == kRangeKara) return SkipSpaces(line_, pos + kRangeKara.size());
  const bool to = pos > at && pos + 3 < line_.size() && AsciiLower(line_[pos]) == 't' &&
                  AsciiLower(line_[pos + 1]) == 'o' && line_[pos + 2] == ' ';
  return to ? SkipSpaces(line_, pos + 3) : std::string::npos;
}

std::size_t QuantityUnitReader::ReadLatinWord(std::size_t at, bool digits_inside) const {
  if (at > 0 && IsLetter(line_[at - 1])) return at;
  std::size_t end = at;
  while (end < line_.size() && IsLetter(line_[end])) ++end;
  if (end - at < 2 && !(digits_inside && end > at)) return at;
  while (digits_inside && end < line_.size() && IsAsciiAlnum(static_cast<unsigned char>(line_[end]))) ++end;
  if (end < line_.size() && IsDigit(line_[end])) return at;
  return end - at >= 2 ? end : at;
}

std::size_t QuantityUnitReader::ReadRateSuffix(std::size_t at, std::vector<std::string>& per) const {
  while (at < line_.size()) {
    const std::size_t spaced = at + (line_[at] == ' ' ? 1 : 0);
    const LexEntry* marker = lex_.MatchAt(line_, at, LexRole::kRateAfter);
    std::size_t marker_at = at;
    if (marker == nullptr && spaced > at) {
      marker = lex_.MatchAt(line_, spaced, LexRole::kRateAfter);
      if (marker != nullptr && !IsLetter(marker->text[0])) marker = nullptr;  // "/" must touch
      marker_at = spaced;
    }
    if (marker == nullptr) {
      const LexEntry* word = lex_.RateWordAt(line_, spaced);
      if (word == nullptr) break;
      per.push_back(word->name);
      at = spaced + word->text.size();
      continue;
    }
    std::size_t den_at = marker_at + marker->text.size();
    if (IsLetter(marker->text.back())) den_at = SkipSpaces(line_, den_at);
    const LexEntry* den = lex_.MatchAt(line_, den_at, LexRole::kUnit);  // per_only ones too
    if (den == nullptr) break;
    // "2 teams a year ago", "an hour later": a point in time, not a rate.
    if (IsLetter(marker->text.back()) && StartsTimeAdverb(line_, den_at + den->text.size())) break;
    per.push_back(lex_.unit(*den).per_name);
    at = den_at + den->text.size();
    // "per GB-month", "/vCPU-hour": a time unit joined to the denominator by a hyphen.
    if (at + 1 < line_.size() && line_[at] == '-') {
      const LexEntry* time = lex_.MatchAt(line_, at + 1, LexRole::kUnit);
      if (time != nullptr && lex_.unit(*time).IsTime()) {
        per.push_back(lex_.unit(*time).per_name);
        at += 1 + time->text.size();
      }
    }
  }
  return at;
}

}  // namespace kgx::quantity_detail
