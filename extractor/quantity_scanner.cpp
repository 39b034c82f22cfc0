// The quantity scan (see quantity_scanner.h). For each number: look left for qualifiers, a rate
// prefix (1GBあたり, 年間), a topic noun (レプリカは15) or an anaphor (うち300); look right for a
// scale, a unit, a range, rate suffixes (/TB/year) and, for bare numbers and generic counters
// (つ, 回), the noun that names what is counted (14のサービス). Text conventions: spans are byte
// offsets of the normalized line; words are what the lexicon holds, grammar is here.
#include "extractor/quantity_scanner.h"

#include <algorithm>
#include <optional>
#include <string>

#include "extractor/quantity_number.h"
#include "extractor/text_util.h"

namespace kgx {
namespace {

constexpr std::string_view kNo = "の";         // links a number to the noun it counts
constexpr std::string_view kOrdinal = "目";    // 2日目, 3回目: ordinals, not amounts
constexpr std::string_view kRangeKara = "から";  // 60から900秒
constexpr std::string_view kHalf = "半";        // 1時間半 = 1.5 hours
constexpr std::size_t kNounWindow = 8;         // characters searched after の for the noun
constexpr std::size_t kPrefixNounWindow = 10;  // characters of "のスキャン" in 1TBのスキャンあたり

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char32_t CodePointAt(std::string_view line, std::size_t pos, std::size_t& length) {
  if (pos >= line.size()) {
    length = 0;
    return 0;
  }
  return DecodeUtf8(line, pos, length);
}

// Returns the offset where the character before `pos` starts (0 at the start).
std::size_t PrevChar(std::string_view line, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) --i;
  return i;
}

// True for characters that continue a Japanese or Latin compound noun: katakana (with ー),
// kanji and ASCII letters or digits. Hiragana, punctuation and spaces end a compound.
bool IsCompoundChar(char32_t cp) {
  if (cp < 0x80) return IsAsciiAlnum(static_cast<unsigned char>(cp));
  return (cp >= 0x30A1 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

// True for characters that end the search for a noun: spaces, punctuation, digits.
bool StopsNounSearch(char32_t cp) {
  if (cp < 0x80) return !IsLetter(static_cast<char>(cp));
  return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF65) || cp == 0x30FB;
}

// Returns `word` lower-cased and made singular ("queues" -> "queue", "replicas" -> "replica").
std::string Singular(std::string_view word) {
  std::string s = AsciiLowerCopy(word);
  const auto ends = [&](std::string_view tail) {
    return s.size() > tail.size() + 1 && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends("ies")) return s.substr(0, s.size() - 3) + "y";
  if (ends("sses") || ends("xes") || ends("ches") || ends("shes")) return s.substr(0, s.size() - 2);
  if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) return s.substr(0, s.size() - 1);
  return s;
}

std::string JoinPer(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

// A literal found in the line.
struct Hit {
  const LexEntry* entry = nullptr;
  std::size_t begin = 0;
  std::size_t end = 0;
  explicit operator bool() const { return entry != nullptr; }
};

// What stands before a number.
struct LeftContext {
  std::vector<std::string> qualifiers;
  std::size_t rate_begin = std::string::npos;  // where a rate prefix starts (npos: none)
  std::string per;                             // the rate prefix's denominator
  bool per_needs_other_unit = false;           // "1日5500億": only when the quantity is no duration
  const UnitDef* topic = nullptr;              // with a particle: レプリカは15, ピースが5つ
  const UnitDef* topic_direct = nullptr;       // touching the number: 体育館二つ (counters only)
  bool anaphor = false;                        // うち300
};

// A quantity being read.
struct Draft {
  std::size_t begin = 0;  // span: the number (or $), then grows over unit, range, rate suffix
  std::size_t end = 0;
  NumberToken token;
  bool is_word = false;  // a number word (半分) with its own unit
  double number = 0;  // the first number with its scale, before the unit factor
  bool scaled = false;
  bool is_range = false;
  double low = 0, high = 0;  // a range, already multiplied by the unit factor
  const UnitDef* def = nullptr;
  std::string unit_name;  // used when `def` is null (fraction, anaphor, free English noun)
  std::vector<std::string> qualifiers;
  std::vector<std::string> per;
};

class Scanner {
 public:
  Scanner(std::string_view line, const QuantityLexicon& lexicon, const QuantityVeto* veto)
      : line_(line), lex_(lexicon), veto_(veto) {}

  std::vector<QuantityMatch> Run();

 private:
  std::size_t SkipSpaces(std::size_t pos) const;
  std::size_t SkipSpacesBack(std::size_t pos) const;
  bool LineHasAny(const std::vector<std::string>& words);
  bool LeftBoundaryOk(std::size_t pos) const;
  bool IsYearLike(const Draft& d) const;

  Hit FindUnit(std::size_t at, const NumberToken& token, bool nouns_only);
  Hit FindDenominatorAt(std::size_t at);
  bool ApplyScale(std::size_t& end, double& value, const NumberToken& token) const;
  std::size_t ReadQualifiersAfter(std::size_t at, std::vector<std::string>& qualifiers) const;
  std::size_t ReadConnector(std::size_t at) const;
  std::size_t ReadLatinWord(std::size_t at) const;
  std::size_t ReadRateSuffix(std::size_t at, std::vector<std::string>& per);
  bool ReadRange(Draft& d, Hit& unit, std::size_t after_first);
  bool ReadModifiedNoun(Draft& d, std::size_t at);
  Hit NounAfterNo(std::size_t at) const;
  const UnitDef* NounEndingAt(std::size_t end) const;
  bool ReadPrefixRate(std::size_t pos, LeftContext& left) const;
  LeftContext ReadLeft(std::size_t begin) const;
  bool IsDenominator(const Draft& d) const;
  bool Vetoed(std::size_t begin, std::size_t end);

  std::optional<Draft> ReadAt(std::size_t pos, std::size_t& resume);
  bool ReadRight(Draft& d, const LeftContext& left);
  void Emit(Draft& d, const LeftContext& left);

  std::string_view line_;
  const QuantityLexicon& lex_;
  const QuantityVeto* veto_;
  std::optional<std::string> folded_;                      // computed on first need
  std::optional<std::vector<QuantityVeto::Span>> vetoes_;  // computed on first need
  std::vector<QuantityMatch> out_;
};

std::size_t Scanner::SkipSpaces(std::size_t pos) const {
  while (pos < line_.size() && (line_[pos] == ' ' || line_[pos] == '\t')) ++pos;
  return pos;
}

std::size_t Scanner::SkipSpacesBack(std::size_t pos) const {
  while (pos > 0 && (line_[pos - 1] == ' ' || line_[pos - 1] == '\t')) --pos;
  return pos;
}

bool Scanner::LineHasAny(const std::vector<std::string>& words) {
  if (words.empty()) return true;
  if (!folded_) folded_ = AsciiLowerCopy(line_);
  for (const std::string& word : words) {
    if (folded_->find(word) != std::string::npos) return true;
  }
  return false;
}

// A number may not continue an identifier: r3, vpc-40f18d25, us-west-2, 2017/11, v1.9.
bool Scanner::LeftBoundaryOk(std::size_t pos) const {
  if (pos == 0) return true;
  const char before = line_[pos - 1];
  if (IsAsciiAlnum(static_cast<unsigned char>(before)) || before == '_' || before == '#') return false;
  const bool joiner = before == '.' || before == '-' || before == '/' || before == ':' || before == ',';
  return !(joiner && pos >= 2 && IsAsciiAlnum(static_cast<unsigned char>(line_[pos - 2])));
}

// A bare four-digit number from 1900 to 2099 is a year, never a count (2015のスライド).
bool Scanner::IsYearLike(const Draft& d) const {
  const NumberToken& t = d.token;
  return t.integer && !t.grouped && !t.has_kanji && !d.scaled && t.value >= 1900 && t.value <= 2099;
}

// Finds a unit after the number at `at` (or after one space, except single Latin letters).
Hit Scanner::FindUnit(std::size_t at, const NumberToken& token, bool nouns_only) {
  for (int spaced = 0; spaced < 2; ++spaced) {
    const std::size_t pos = spaced ? at + 1 : at;
    if (spaced && (at >= line_.size() || line_[at] != ' ')) break;
    const LexEntry* e = lex_.MatchAt(line_, pos, LexRole::kUnit, [&](const LexEntry& entry) {
      const UnitDef& def = lex_.unit(entry);
      if (entry.per_only || (entry.digits_only && !token.has_digits)) return false;
      if (nouns_only && (!def.is_count || def.is_counter)) return false;
      if (spaced && entry.text.size() == 1 && IsLetter(entry.text[0])) return false;
      return true;
    });
    if (e != nullptr && LineHasAny(e->line_words)) return {e, pos, pos + e->text.size()};
  }
  return {};
}

// Finds a rate denominator written after "/" or "per": any unit or count noun, per_only included.
Hit Scanner::FindDenominatorAt(std::size_t at) {
  const LexEntry* e = lex_.MatchAt(line_, at, LexRole::kUnit);
  if (e == nullptr) return {};
  return {e, at, at + e->text.size()};
}

// Applies a scale word (k, M, million) after the number. Single letters must touch the number,
// and a longer unit at the same place wins (5MB is 5 megabytes, not 5 million bytes).
bool Scanner::ApplyScale(std::size_t& end, double& value, const NumberToken& token) const {
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

std::size_t Scanner::ReadQualifiersAfter(std::size_t at, std::vector<std::string>& qualifiers) const {
  for (int i = 0; i < 2; ++i) {
    const std::size_t pos = SkipSpaces(at);
    const LexEntry* q = lex_.MatchAt(line_, pos, LexRole::kQualifierAfter);
    if (q == nullptr) break;
    qualifiers.push_back(q->name);
    at = pos + q->text.size();
  }
  return at;
}

// Reads a range connector after the first number: '-' touching both numbers, '~', から or " to ".
std::size_t Scanner::ReadConnector(std::size_t at) const {
  if (at < line_.size() && line_[at] == '-') return at + 1;
  const std::size_t pos = SkipSpaces(at);
  if (pos < line_.size() && line_[pos] == '~') return SkipSpaces(pos + 1);
  if (line_.substr(pos, kRangeKara.size()) == kRangeKara) return SkipSpaces(pos + kRangeKara.size());
  if (pos > at && pos + 3 < line_.size() && AsciiLower(line_[pos]) == 't' && AsciiLower(line_[pos + 1]) == 'o' &&
      line_[pos + 2] == ' ') {
    return SkipSpaces(pos + 3);
  }
  return std::string::npos;
}

// Returns the end of the ASCII word (two letters or more) starting at `at`, or `at`.
std::size_t Scanner::ReadLatinWord(std::size_t at) const {
  if (at > 0 && IsLetter(line_[at - 1])) return at;
  std::size_t end = at;
  while (end < line_.size() && IsLetter(line_[end])) ++end;
  if (end < line_.size() && IsDigit(line_[end])) return at;
  return end - at >= 2 ? end : at;
}

// Reads "/s", " per second", "/TB/year", "毎秒" after a unit; returns the end of the last one.
std::size_t Scanner::ReadRateSuffix(std::size_t at, std::vector<std::string>& per) {
  while (at < line_.size()) {
    const std::size_t spaced = at + (line_[at] == ' ' ? 1 : 0);
    const LexEntry* marker = lex_.MatchAt(line_, at, LexRole::kRateAfter);
    std::size_t marker_at = at;
    if (marker == nullptr && spaced > at) {
      marker = lex_.MatchAt(line_, spaced, LexRole::kRateAfter);
      if (marker != nullptr && !IsLetter(marker->text[0])) marker = nullptr;  // "/" must touch
      marker_at = spaced;
    }
    if (marker != nullptr) {
      std::size_t den_at = marker_at + marker->text.size();
      if (IsLetter(marker->text.back())) den_at = SkipSpaces(den_at);
      const Hit den = FindDenominatorAt(den_at);
      if (!den) break;
      per.push_back(lex_.unit(*den.entry).per_name);
      at = den.end;
      continue;
    }
    const LexEntry* word = lex_.MatchAt(line_, spaced, LexRole::kRateWord);
    if (word == nullptr) break;
    per.push_back(word->name);
    at = spaced + word->text.size();
  }
  return at;
}

// Reads "-45秒", "から128MB", "~20%" after the first number (and its unit, if any).
bool Scanner::ReadRange(Draft& d, Hit& unit, std::size_t after_first) {
  const std::size_t at = ReadConnector(after_first);
  if (at == std::string::npos || !NumberStartsAt(line_, at)) return false;
  const std::optional<NumberToken> second = ReadNumber(line_, at);
  if (!second || second->fraction) return false;
  double value = second->value;
  std::size_t end = second->end;
  ApplyScale(end, value, *second);
  const Hit unit2 = FindUnit(end, *second, false);
  if (!unit2) return false;
  const UnitDef& def2 = lex_.unit(*unit2.entry);
  const UnitDef& def1 = unit ? lex_.unit(*unit.entry) : def2;
  if (def1.unit != def2.unit) return false;
  const double low = d.number * def1.factor;
  const double high = value * def2.factor;
  if (!(low < high)) return false;
  d.is_range = true;
  d.low = low;
  d.high = high;
  unit = unit2;
  return true;
}

// Reads "Daily Requests", "Game Requests", "Dockerコンテナ": one modifier, then a count noun.
bool Scanner::ReadModifiedNoun(Draft& d, std::size_t at) {
  std::size_t pos = SkipSpaces(at);
  if (pos > at + 1) return false;
  std::string per;
  if (const LexEntry* word = lex_.MatchAt(line_, pos, LexRole::kRateWord)) {
    per = word->name;
    pos += word->text.size();
  } else {
    const std::size_t end = ReadLatinWord(pos);
    if (end == pos) return false;
    pos = end;
  }
  const Hit noun = FindUnit(pos, d.token, true);
  if (!noun || (noun.begin > pos && !IsLetter(noun.entry->text[0]))) return false;
  d.def = &lex_.unit(*noun.entry);
  d.end = noun.end;
  if (!per.empty()) d.per.push_back(per);
  return true;
}

// Finds the counted noun after の: the first count noun in the next few characters that ends a
// compound (サービス更新を -> 更新, 同時接続が -> 接続, pinする人 -> 人).
Hit Scanner::NounAfterNo(std::size_t at) const {
  if (line_.substr(at, kNo.size()) != kNo) return {};
  std::size_t pos = at + kNo.size();
  for (std::size_t chars = 0; chars < kNounWindow && pos < line_.size(); ++chars) {
    std::size_t length = 0;
    const char32_t cp = CodePointAt(line_, pos, length);
    if (StopsNounSearch(cp)) break;
    const bool latin_start_ok = !(IsLetter(line_[pos]) && pos > 0 && IsLetter(line_[pos - 1]));
    const LexEntry* e = lex_.MatchAt(line_, pos, LexRole::kUnit, [&](const LexEntry& entry) {
      const UnitDef& def = lex_.unit(entry);
      if (!def.is_count || def.is_counter || entry.per_only) return false;
      std::size_t next_length = 0;
      return !IsCompoundChar(CodePointAt(line_, pos + entry.text.size(), next_length));
    });
    if (e != nullptr && latin_start_ok) return {e, pos, pos + e->text.size()};
    pos += length;
  }
  return {};
}

// Returns the count noun (not a counter) that ends at `end`, or nullptr.
const UnitDef* Scanner::NounEndingAt(std::size_t end) const {
  const LexEntry* e = lex_.MatchEndingAt(line_, end, LexRole::kUnit, [&](const LexEntry& entry) {
    const UnitDef& def = lex_.unit(entry);
    return def.is_count && !def.is_counter && !entry.per_only;
  });
  return e == nullptr ? nullptr : &lex_.unit(*e);
}

// Reads a rate prefix ending at `pos`: a rate word (年間, Quarterで), a denominator with a
// marker (1GBあたり, queueごとに, 1TBのスキャンあたり, 月に), or "1日" touching the number.
bool Scanner::ReadPrefixRate(std::size_t pos, LeftContext& left) const {
  if (const LexEntry* word = lex_.MatchEndingAt(line_, pos, LexRole::kRateWord)) {
    const std::size_t begin = pos - word->text.size();
    const bool after_digit = begin > 0 && IsDigit(line_[begin - 1]) && !IsDigit(word->text[0]);
    if (!after_digit) {
      left.rate_begin = begin;
      left.per = word->name;
      return true;
    }
  }
  const LexEntry* marker = lex_.MatchEndingAt(line_, pos, LexRole::kRateBefore);
  const std::size_t den_end = marker ? pos - marker->text.size() : pos;
  // The denominator: a known unit or noun, or (with a marker) any English word.
  const auto denominator = [&](std::size_t end, std::size_t& begin, std::string& per, bool& is_time) {
    const LexEntry* e = lex_.MatchEndingAt(line_, end, LexRole::kUnit);
    if (e != nullptr) {
      begin = end - e->text.size();
      per = lex_.unit(*e).per_name;
      is_time = lex_.unit(*e).IsTime();
      return true;
    }
    std::size_t start = end;
    while (start > 0 && IsLetter(line_[start - 1])) --start;
    if (marker == nullptr || end - start < 2) return false;
    begin = start;
    per = Singular(line_.substr(start, end - start));
    is_time = false;
    return true;
  };
  std::size_t begin = 0;
  std::string per;
  bool is_time = false;
  bool found = denominator(den_end, begin, per, is_time);
  if (!found && marker != nullptr && !marker->time_only) {
    // 1TBのスキャンあたり: the denominator, の, a few characters, the marker.
    std::size_t i = den_end;
    for (std::size_t chars = 0; chars < kPrefixNounWindow && i > 0 && !found; ++chars) {
      i = PrevChar(line_, i);
      if (line_.substr(i, kNo.size()) == kNo) {
        found = denominator(i, begin, per, is_time);
        break;
      }
      std::size_t length = 0;
      if (StopsNounSearch(CodePointAt(line_, i, length))) break;
    }
  }
  if (!found || (marker != nullptr && marker->time_only && !is_time)) return false;
  if (marker == nullptr && !is_time) return false;
  // A number before the denominator must be exactly 1 (1日に); 5秒ごとに is no rate prefix.
  std::size_t start = begin;
  const std::size_t digit_end = (start > 0 && line_[start - 1] == ' ' && IsLetter(line_[begin])) ? start - 1 : start;
  if (digit_end > 0 && IsDigit(line_[digit_end - 1])) {
    const bool just_one = line_[digit_end - 1] == '1' &&
                          (digit_end < 2 || !(IsDigit(line_[digit_end - 2]) || line_[digit_end - 2] == '.' ||
                                              line_[digit_end - 2] == ','));
    if (!just_one) return false;
    start = digit_end - 1;
  } else if (marker == nullptr) {
    return false;  // "1日" without a marker needs its 1
  }
  left.rate_begin = start;
  left.per = per;
  left.per_needs_other_unit = marker == nullptr;
  return true;
}

LeftContext Scanner::ReadLeft(std::size_t begin) const {
  LeftContext left;
  std::size_t pos = SkipSpacesBack(begin);
  for (int i = 0; i < 2; ++i) {
    const LexEntry* q = lex_.MatchEndingAt(line_, pos, LexRole::kQualifierBefore);
    if (q == nullptr) break;
    left.qualifiers.insert(left.qualifiers.begin(), q->name);
    pos = SkipSpacesBack(pos - q->text.size());
  }
  left.topic_direct = NounEndingAt(pos);
  const std::size_t particle = PrevChar(line_, pos);
  const std::string_view p = line_.substr(particle, pos - particle);
  if (p == "は" || p == "が" || p == "も" || p == ":") left.topic = NounEndingAt(SkipSpacesBack(particle));
  left.anaphor = lex_.MatchEndingAt(line_, pos, LexRole::kAnaphor) != nullptr;
  ReadPrefixRate(pos, left);
  return left;
}

// True for "1GB" in 1GBあたり, "1日" in 1日に: a denominator, not an amount.
bool Scanner::IsDenominator(const Draft& d) const {
  if (d.is_range || d.token.value != 1 || d.scaled) return false;
  const bool is_time = d.def != nullptr && d.def->IsTime();
  if (const LexEntry* m = lex_.MatchAt(line_, d.end, LexRole::kRateBefore)) return !m->time_only || is_time;
  if (line_.substr(d.end, kNo.size()) != kNo) return false;
  std::size_t pos = d.end + kNo.size();
  for (std::size_t chars = 0; chars < kPrefixNounWindow && pos < line_.size(); ++chars) {
    const LexEntry* m = lex_.MatchAt(line_, pos, LexRole::kRateBefore);
    if (m != nullptr && !m->time_only) return true;
    std::size_t length = 0;
    if (StopsNounSearch(CodePointAt(line_, pos, length))) break;
    pos += length;
  }
  return false;
}

bool Scanner::Vetoed(std::size_t begin, std::size_t end) {
  if (veto_ == nullptr) return false;
  if (!vetoes_) vetoes_ = veto_->Find(line_);
  for (const QuantityVeto::Span& span : *vetoes_) {
    if (span.begin < end && begin < span.end) return true;
  }
  return false;
}

// Reads the quantity whose number (or $, or number word) starts at `pos`. Sets `resume` to where
// the scan goes on.
std::optional<Draft> Scanner::ReadAt(std::size_t pos, std::size_t& resume) {
  std::size_t length = 0;
  CodePointAt(line_, pos, length);
  resume = pos + (length ? length : 1);
  Draft d;
  d.begin = pos;
  if (const LexEntry* word = lex_.MatchAt(line_, pos, LexRole::kWord)) {  // 半分, 半年
    d.token.begin = pos;
    d.token.end = pos + word->text.size();
    d.token.value = word->number;
    d.token.integer = false;
    d.is_word = true;
    d.number = word->number;
    d.def = &lex_.unit(*word);
    d.end = d.token.end;
    resume = d.end;
    return d;
  }
  std::size_t number_at = pos;
  const LexEntry* prefix_unit = lex_.MatchAt(line_, pos, LexRole::kPrefixUnit);
  if (prefix_unit != nullptr) {
    number_at = pos + prefix_unit->text.size();
    if (number_at < line_.size() && line_[number_at] == ' ') ++number_at;
    if (number_at >= line_.size() || !IsDigit(line_[number_at])) return std::nullopt;
  } else if (!NumberStartsAt(line_, pos)) {
    return std::nullopt;
  }
  const std::optional<NumberToken> token = ReadNumber(line_, number_at);
  if (!token) return std::nullopt;
  resume = token->end;
  if (prefix_unit == nullptr && !LeftBoundaryOk(number_at)) return std::nullopt;
  if (token->has_kanji && !token->has_digits && token->value == 1) return std::nullopt;  // 一つ, 統一
  if (token->end + 1 < line_.size() && line_[token->end] == '.' && IsDigit(line_[token->end + 1])) {
    while (resume < line_.size() && (IsDigit(line_[resume]) || line_[resume] == '.')) ++resume;
    return std::nullopt;  // 1.2.3: a version
  }
  d.token = *token;
  d.number = token->value;
  d.end = token->end;
  if (prefix_unit != nullptr) d.def = &lex_.unit(*prefix_unit);
  return d;
}

// Reads what follows the number: scale, unit, range, rate suffix, counted noun. Returns false
// when the number turns out to be no quantity.
bool Scanner::ReadRight(Draft& d, const LeftContext& left) {
  if (d.is_word) {
    d.end = ReadRateSuffix(d.end, d.per);
    ReadQualifiersAfter(d.end, d.qualifiers);
    return true;
  }
  std::size_t end = d.token.end;
  d.scaled = ApplyScale(end, d.number, d.token);
  std::vector<std::string> middle;  // 700+, 500以上の
  const std::size_t after_middle = ReadQualifiersAfter(end, middle);
  Hit unit;
  if (d.def == nullptr) {
    unit = FindUnit(end, d.token, false);
    if (!unit && after_middle > end) unit = FindUnit(after_middle, d.token, false);
    if (unit && unit.begin >= after_middle && after_middle > end) d.qualifiers = middle;
  }
  const bool prefixed = d.def != nullptr;
  if (!prefixed && !d.token.fraction) ReadRange(d, unit, unit ? unit.end : end);
  if (unit) {
    d.def = &lex_.unit(*unit.entry);
    if (!unit.entry->implied_per.empty()) d.per.push_back(unit.entry->implied_per);
  }
  d.end = unit ? unit.end : end;
  if (unit && !d.is_range && d.def->IsTime() && line_.substr(d.end, kHalf.size()) == kHalf &&
      lex_.MatchAt(line_, d.end, LexRole::kWord) == nullptr) {  // 1時間半, 2年半
    d.number += 0.5;
    d.end += kHalf.size();
  }
  if (!d.def && !d.token.fraction && !ReadModifiedNoun(d, after_middle)) {
    if (!middle.empty()) d.qualifiers = middle;
    d.end = end;
  }
  // A Latin letter touching the number must belong to what was read: 5xx, 3rd, 1080p are no quantity.
  if (end < line_.size() && IsLetter(line_[end]) && d.end <= end) return false;
  if (d.def != nullptr && d.def->is_counter) {  // 回デプロイ
    const Hit noun = FindUnit(d.end, d.token, true);
    if (noun && noun.begin == d.end) {
      d.def = &lex_.unit(*noun.entry);
      d.end = noun.end;
    }
  }
  if (d.def != nullptr) d.end = ReadRateSuffix(d.end, d.per);
  const std::size_t tail = ReadQualifiersAfter(d.def != nullptr ? d.end : after_middle, d.qualifiers);
  if (d.def != nullptr && !d.def->is_counter) return true;
  // A bare number or a generic counter: find what is counted.
  if (d.def == nullptr && IsYearLike(d)) return false;
  if (const Hit noun = NounAfterNo(tail)) {
    d.def = &lex_.unit(*noun.entry);
    if (noun.begin == tail + kNo.size() && d.per.empty()) d.end = noun.end;  // 3つのAZ, not 1億件/年の会話
    return true;
  }
  if (left.topic != nullptr || (d.def != nullptr && left.topic_direct != nullptr)) {
    d.def = left.topic != nullptr ? left.topic : left.topic_direct;
    return true;
  }
  if (d.def != nullptr) return true;  // the counter's own unit: つ -> item, 回 -> time
  if (left.anaphor && !out_.empty()) {
    d.unit_name = out_.back().unit;
    return true;
  }
  if (!left.per.empty()) {  // 1日に350 seagull: a rate makes a stated amount of anything
    const std::size_t word_at = SkipSpaces(end);
    const std::size_t word_end = ReadLatinWord(word_at);
    if (word_end > word_at && word_at <= end + 1) {
      d.unit_name = Singular(line_.substr(word_at, word_end - word_at));
      d.end = word_end;
      return true;
    }
  }
  if (d.token.fraction) {
    d.unit_name = "times";  // a ratio: 1/4のコスト
    return true;
  }
  return false;
}

void Scanner::Emit(Draft& d, const LeftContext& left) {
  QuantityMatch m;
  m.begin = d.begin;
  m.end = d.end;
  m.unit = d.def != nullptr ? d.def->unit : d.unit_name;
  const double factor = d.def != nullptr ? d.def->factor : 1;
  if (d.is_range) {
    m.min = d.low;
    m.max = d.high;
  } else {
    m.value = d.number * factor;
  }
  std::vector<std::string> per;
  const bool is_time = d.def != nullptr && d.def->IsTime();
  const bool use_prefix = !left.per.empty() && !(left.per_needs_other_unit && is_time);
  if (use_prefix) per.push_back(left.per);
  per.insert(per.end(), d.per.begin(), d.per.end());
  m.per = JoinPer(per);
  m.qualifiers = left.qualifiers;
  m.qualifiers.insert(m.qualifiers.end(), d.qualifiers.begin(), d.qualifiers.end());
  if (use_prefix) {  // the prefix's "1日" or "1GB" was read as a quantity of its own: drop it
    while (!out_.empty() && out_.back().end > left.rate_begin) out_.pop_back();
  }
  out_.push_back(std::move(m));
}

std::vector<QuantityMatch> Scanner::Run() {
  std::size_t pos = 0;
  while (pos < line_.size()) {
    std::size_t resume = pos + 1;
    std::optional<Draft> d = ReadAt(pos, resume);
    if (d) {
      const LeftContext left = ReadLeft(d->begin);
      const bool ok = ReadRight(*d, left);
      const bool ordinal = line_.substr(d->end, kOrdinal.size()) == kOrdinal;
      const bool count_of_one = d->def != nullptr && d->def->is_count && !d->is_range && d->token.value == 1 &&
                                !d->scaled && line_.substr(d->end, kNo.size()) == kNo;  // 1レコードの最大payload
      if (ok && !ordinal && !count_of_one && !IsDenominator(*d) && !Vetoed(d->begin, d->end)) {
        Emit(*d, left);
        resume = std::max(resume, d->end);
      }
    }
    while (resume < line_.size() && (static_cast<unsigned char>(line_[resume]) & 0xC0) == 0x80) ++resume;
    pos = std::max(resume, pos + 1);
  }
  return std::move(out_);
}

}  // namespace

std::vector<QuantityMatch> ScanQuantities(std::string_view line, const QuantityLexicon& lexicon,
                                          const QuantityVeto* veto) {
  return Scanner(line, lexicon, veto).Run();
}

}  // namespace kgx
