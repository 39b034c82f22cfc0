// The quantity scan (see quantity_scanner.h). For each number: read what stands before it
// (quantity_context.cpp); read after it a scale, a unit, a range, rate suffixes (/TB/year) and, for
// bare numbers and generic counters (つ, 回), the noun that names what is counted (14のサービス);
// drop what is no amount (denominators, ordinals, vetoed spans). The words come from the lexicon;
// the grammar is here. Spans are byte offsets of the normalized line.
#include "extractor/quantity_scanner.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>

#include "extractor/quantity_arrow.h"
#include "extractor/quantity_change.h"
#include "extractor/quantity_context.h"
#include "extractor/quantity_number.h"
#include "extractor/quantity_text.h"
#include "extractor/quantity_unit_reader.h"

namespace kgx {
namespace {

using namespace quantity_detail;  // NOLINT: the character helpers of the quantity files

constexpr std::string_view kNo = "の";           // 1レコードの: a count of one before の
constexpr std::string_view kOrdinal = "目";      // 2日目, 3回目: ordinals, not amounts
constexpr std::size_t kChangeGap = 12;              // bytes of blanks and a qualifier after から: から約40件へ
constexpr std::string_view kHalf = "半";         // 1時間半 = 1.5 hours
constexpr std::string_view kRatio = "times";     // the unit of a bare fraction: 1/4のコスト
constexpr std::string_view kTimesCounted = "time";  // the unit of the counter 回: how often
constexpr std::string_view kItemCounted = "item";   // the unit of the generic counters つ, 個, 件
constexpr std::string_view kTimesSign = "×";        // スループット ×3: a factor written before its number
// CPU architectures, no factors: x86, x64, x32 (checked here, where an x touches a number, not by a veto
// regex that every line with a number would pay for)
constexpr std::string_view kArchitectureBits[] = {"86", "64", "32"};
// Words after a duration that make it a span or a point in time, no share of a day: 1日12時間後,
// 1日2時間以内, 1日12時間かかった (a day and a half).
constexpr double kDaySeconds = 86400;  // the shortest bare denominator a duration is a share of
constexpr std::string_view kSpanWords[] = {"後", "前", "以内", "経過", "ぶり", "かか", "掛か", "later", "ago"};

// Joins the denominators ("tb", "month" -> "tb/month"); one said twice counts once (1秒あたり
// 10万 QPS: the prefix and the unit both say per second).
std::string JoinPer(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (part.empty() || std::find(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(i), part) != parts.begin() + static_cast<std::ptrdiff_t>(i)) continue;
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

// A quantity being read.
struct Draft {
  std::size_t begin = 0;  // span: the number (or $), then grows over unit, range, rate suffix
  std::size_t end = 0;
  std::size_t number_end = 0;  // after the number and its scale
  NumberToken token;
  bool is_word = false;  // a number word (半分) with its own unit
  bool noun_before = false;  // its unit is a counter that a noun before the number may name (人, 台)
  double number = 0;     // the first number with its scale, before the unit factor
  bool scaled = false;
  bool is_range = false;
  double low = 0, high = 0;  // a range, already multiplied by the unit factor
  const UnitDef* def = nullptr;
  std::string unit_name;  // used when `def` is null (fraction, anaphor, free English noun)
  std::vector<std::string> qualifiers;
  std::vector<std::string> per;
  bool counter_unit = false;  // the unit is a generic counter's own (件 -> item): no noun named it
  bool slash_pair = false;    // right after "/" that ends the quantity before: 180ms of "12ms/180ms"
  std::size_t sign = std::string::npos;  // where "×" or "x" before the number starts: ×3, x0.5
  bool listed = false;        // before "/" in a list that shares the unit after its last number: 10 of "10/50/200 ms"
};

// Reads the words around each number through QuantityUnitReader and assembles the quantities.
class Scanner : QuantityUnitReader {
 public:
  Scanner(std::string_view line, const QuantityLexicon& lexicon, const QuantityVeto* veto)
      : QuantityUnitReader(line, lexicon), veto_(veto) {}

  std::vector<QuantityMatch> Run();

 private:
  bool FollowedByAny(std::size_t at, const std::vector<std::string>& words) const;
  bool LeftBoundaryOk(std::size_t pos) const;
  bool PairsAfterSlash(std::size_t pos) const;
  Hit UnitAfterSlashList(std::size_t at);
  std::size_t MultiplierSignBefore(std::size_t pos) const;
  bool IsMultipliedWord(std::size_t end) const;
  std::size_t ReadOneDenominator(const Draft& d, std::vector<std::string>& per) const;
  const UnitDef* TimesUnit() const;
  bool IsYearLike(const Draft& d) const;
  bool Vetoed(std::size_t begin, std::size_t end);

  bool ReadRange(Draft& d, Hit& unit, std::size_t after_first);
  bool ReadModifiedNoun(Draft& d, std::size_t at);
  void ReadTwoPartDuration(Draft& d, const Hit& unit, std::size_t number_end);
  bool ContinuesChange(const Draft& d) const;
  bool EndsChange(const Draft& d) const;
  bool LabelsArrowEnd(const Draft& d, const LexEntry& noun) const;
  // the unit of a change's end after an arrow at `at` (or after " to " when "from" opened the change)
  const UnitDef* UnitAfterArrow(std::size_t at, bool english_from = false);

  std::optional<Draft> ReadAt(std::size_t pos, std::size_t& resume);
  bool ReadUnit(Draft& d, std::size_t& after_middle);
  bool FindCounted(Draft& d, const LeftContext& left, std::size_t tail);
  bool ReadRight(Draft& d, const LeftContext& left);
  bool IsAmount(const Draft& d, const LeftContext& left);
  void TakeHeadNoun(Draft& d) const;
  void Emit(const Draft& d, const LeftContext& left);
  bool FitsDenominator(const Draft& d, const QuantityMatch& m, const PrefixRate& rate) const;

  const QuantityVeto* veto_;
  std::optional<std::vector<QuantityVeto::Span>> vetoes_;  // computed on first need
  std::vector<QuantityMatch> out_;
  const UnitDef* last_def_ = nullptr;  // the unit of out_.back(), when it has a UnitDef
  bool last_listed_ = false;           // out_.back() took its unit from a slash list (Draft::listed)
};

// Whether one of `words` (folded) starts at `at`, after blanks: "Halfに" for a word that only
// counts before に.
bool Scanner::FollowedByAny(std::size_t at, const std::vector<std::string>& words) const {
  while (at < line_.size() && line_[at] == ' ') ++at;
  const std::string rest = AsciiLowerCopy(line_.substr(at, 32));
  for (const std::string& word : words) {
    if (rest.compare(0, word.size(), word) == 0) return true;
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

// Whether the number at `pos` stands right after a "/" that ends the quantity read before it, with a
// unit: "p50/p99 = 12ms/180ms" pairs two values (the number is one only if it has that unit too, see
// IsAmount), where "2017/11" or "r5/2" continue no quantity.
bool Scanner::PairsAfterSlash(std::size_t pos) const {
  return pos >= 2 && line_[pos - 1] == '/' && last_def_ != nullptr && !out_.empty() && out_.back().end == pos - 1;
}

// The unit written after the last number of a slash list that starts at `at` (right after a number):
// "p50/p95/p99 = 10/50/200 ms", "read/write = 500/200 MB/s", "レイテンシ 10/50/200ms" give each number
// the unit. Only a measure: "3/5 人" is a score; nor a day or longer: "11/28 日曜" is a date, and a
// list with no unit ("2026/11/28", "24/7") none.
Hit Scanner::UnitAfterSlashList(std::size_t at) {
  std::size_t pos = at;
  std::optional<NumberToken> last;
  while (pos + 1 < line_.size() && line_[pos] == '/' && IsDigit(line_[pos + 1])) {
    last = ReadNumber(line_, pos + 1);
    if (!last || last->fraction || last->has_kanji) return {};
    pos = last->end;
    double ignored = last->value;
    ApplyScale(pos, ignored, *last);
  }
  if (!last) return {};
  const Hit unit = FindUnit(pos, *last, false);
  if (!unit) return {};
  const UnitDef& def = lex_.unit(*unit.entry);
  if (def.is_count || (def.IsTime() && def.factor >= kDaySeconds)) return {};
  return unit;
}

// Where a multiplier sign before the number at `pos` starts ("スループット ×3", "コスト x0.5", "(x2)",
// "コスト × 3", "cost x0.5"), or npos. A "×" may stand a blank away from its number, an "x" must touch
// it. Not after a number, where the sign joins two things (3 × 4, 1920×1080, 0x1F, A100 x8: eight of
// them), nor an architecture (x86, x64); after a Latin word only when the word is a lower-case
// word of its own ("cost x0.5", "throughput × 2.5"), not a name ("GPU x8", "m5.large x3") nor a
// unit or a count noun of the rules ("nodes x3": three nodes).
std::size_t Scanner::MultiplierSignBefore(std::size_t pos) const {
  // most numbers have neither sign before them: one byte tells (× ends with 0x97), or a blank and
  // the byte before it
  if (pos == 0) return std::string::npos;
  const char last = line_[pos - 1];
  std::size_t sign = std::string::npos;
  if (last == kTimesSign.back() && pos >= kTimesSign.size() &&
      line_.substr(pos - kTimesSign.size(), kTimesSign.size()) == kTimesSign) {
    sign = pos - kTimesSign.size();
  } else if (last == ' ' && pos > kTimesSign.size() && line_[pos - 2] == kTimesSign.back() &&
             line_.substr(pos - 1 - kTimesSign.size(), kTimesSign.size()) == kTimesSign) {
    sign = pos - 1 - kTimesSign.size();  // "コスト × 3"
  } else if (last == 'x' || last == 'X') {
    const bool architecture = std::any_of(std::begin(kArchitectureBits), std::end(kArchitectureBits), [&](std::string_view bits) {
      const std::size_t end = pos + bits.size();
      return line_.substr(pos, bits.size()) == bits && (end >= line_.size() || !(IsDigit(line_[end]) || line_[end] == '.'));
    });
    if (architecture) return std::string::npos;
    sign = pos - 1;
  } else {
    return std::string::npos;
  }
  const std::size_t word_end = SkipSpacesBack(line_, sign);
  if (word_end == 0) return sign;
  const char before = line_[word_end - 1];
  if (IsDigit(before) || before == '_' || before == '.') return std::string::npos;
  if (!IsAsciiAlnum(static_cast<unsigned char>(before))) return sign;
  return word_end < sign && IsMultipliedWord(word_end) ? sign : std::string::npos;
}

// True when the Latin word ending at `end` is a lower-case word of its own that a factor may follow
// ("cost", "latency"): not a name with a capital or a digit ("GPU", "A100", "m5.large"), nor a unit or a
// count noun the rules know ("nodes", "ms").
bool Scanner::IsMultipliedWord(std::size_t end) const {
  std::size_t begin = end;
  while (begin > 0 && line_[begin - 1] >= 'a' && line_[begin - 1] <= 'z') --begin;
  if (end - begin < 2) return false;
  if (begin > 0) {
    const char c = line_[begin - 1];
    if (IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '/') return false;
  }
  const LexEntry* unit = lex_.MatchAt(line_, begin, LexRole::kUnit);
  return unit == nullptr || begin + unit->text.size() != end;
}

// The unit of a factor (倍, x: "times"), or null when the rules define none.
const UnitDef* Scanner::TimesUnit() const {
  for (const UnitDef& def : lex_.units()) {
    if (def.unit == kRatio && def.factor == 1) return &def;
  }
  return nullptr;
}

// Reads "/1日", "/1 h" after the quantity `d` ending at d.end: a denominator written with its 1, as in
// "1.5TB/1日" (1.5 TB a day). Returns the new end, or d.end. Not a denominator of the quantity's own
// unit: "12ms/1s", "5GB/1GB" are pairs of values.
std::size_t Scanner::ReadOneDenominator(const Draft& d, std::vector<std::string>& per) const {
  const std::size_t one = d.end + 1;
  if (d.def == nullptr || one >= line_.size() || line_[d.end] != '/' || line_[one] != '1') return d.end;
  const std::size_t den_at = one + 1 < line_.size() && line_[one + 1] == ' ' ? one + 2 : one + 1;
  const LexEntry* den = lex_.MatchAt(line_, den_at, LexRole::kUnit);
  if (den == nullptr || den->per_only) return d.end;
  const std::size_t end = den_at + den->text.size();
  if (end < line_.size() && (IsAsciiAlnum(static_cast<unsigned char>(line_[end])) || line_[end] == '_')) return d.end;
  const UnitDef& def = lex_.unit(*den);
  if (def.unit == d.def->unit) return d.end;
  per.push_back(def.per_name);
  return end;
}

// A bare four-digit number from 1900 to 2099 is a year, never a count (2015のスライド).
bool Scanner::IsYearLike(const Draft& d) const {
  const NumberToken& t = d.token;
  return t.integer && !t.grouped && !t.has_kanji && !d.scaled && t.value >= 1900 && t.value <= 2099;
}

bool Scanner::Vetoed(std::size_t begin, std::size_t end) {
  if (veto_ == nullptr) return false;
  if (!vetoes_) vetoes_ = veto_->Find(line_);
  for (const QuantityVeto::Span& span : *vetoes_) {
    if (span.begin < end && begin < span.end) return true;
  }
  return false;
}

// Reads "-45秒", "から128MB", "~20%" after the first number (and its unit, if any).
bool Scanner::ReadRange(Draft& d, Hit& unit, std::size_t after_first) {
  const std::size_t at = ReadConnector(after_first);
  if (at == std::string::npos || !NumberStartsAt(line_, at)) return false;
  // "from 40 ms to 65 ms": a change, two quantities (a bare start counts what the end counts)
  if (EnglishToEnd(line_, after_first) == at && ChangeFromBefore(line_, d.begin)) return false;
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
  // "35%から62%に上昇", "120msから350msへ": both ends with a unit and に/へ after is a change from
  // one to the other, two quantities (not "60から900秒", "10から20%まで", "2から3倍に").
  if (unit && line_.substr(SkipSpaces(line_, after_first), kRangeKara.size()) == kRangeKara) {
    const std::string_view rest = line_.substr(SkipSpaces(line_, unit2.end));
    if (rest.starts_with("に") || rest.starts_with("へ")) return false;
  }
  d.is_range = true;
  d.low = low;
  d.high = high;
  unit = unit2;
  return true;
}

// Reads "Daily Requests", "Game Requests", "EC2 instances", "Dockerコンテナ": one modifier, then
// a count noun.
bool Scanner::ReadModifiedNoun(Draft& d, std::size_t at) {
  std::size_t pos = SkipSpaces(line_, at);
  if (pos > at + 1) return false;
  std::string per;
  if (const LexEntry* word = lex_.RateWordAt(line_, pos)) {
    per = word->name;
    pos += word->text.size();
  } else {
    // "2 per request" counts no requests: a rate marker is no modifier of the noun after it.
    if (const LexEntry* marker = lex_.MatchAt(line_, pos, LexRole::kRateAfter);
        marker != nullptr && IsLetter(marker->text[0])) {
      return false;
    }
    const std::size_t end = ReadLatinWord(pos, true);
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

// Reads the quantity whose number (or $, or number word) starts at `pos`. Sets `resume` to where
// the scan goes on.
std::optional<Draft> Scanner::ReadAt(std::size_t pos, std::size_t& resume) {
  std::size_t length = 0;
  CodePointAt(line_, pos, length);
  resume = pos + (length ? length : 1);
  // The Draft (strings and vectors) is built only for a number that is read: most calls read none.
  const LexEntry* word = lex_.MatchAt(line_, pos, LexRole::kWord);  // 半分, 半年
  if (word != nullptr && !word->then_words.empty() && !FollowedByAny(pos + word->text.size(), word->then_words)) word = nullptr;
  // a Latin word never starts inside a longer Latin word: not the "in half" of "within half", the "half" of "behalf"
  if (word != nullptr && IsLetter(line_[pos]) && pos > 0 && IsAsciiAlnum(static_cast<unsigned char>(line_[pos - 1]))) word = nullptr;
  if (word != nullptr) {
    Draft d;
    d.begin = pos;
    d.token.begin = pos;
    d.token.end = pos + word->text.size();
    d.token.value = word->number;
    d.token.integer = false;
    d.is_word = true;
    d.number = word->number;
    d.def = &lex_.unit(*word);
    d.end = d.number_end = resume = d.token.end;
    return d;
  }
  std::size_t number_at = pos;
  const LexEntry* prefix_unit = lex_.MatchAt(line_, pos, LexRole::kPrefixUnit);
  if (prefix_unit != nullptr) {
    number_at = pos + prefix_unit->text.size();
    if (number_at < line_.size() && line_[number_at] == ' ') ++number_at;
    if (number_at >= line_.size() || !IsDigit(line_[number_at])) return std::nullopt;
  }
  const std::optional<NumberToken> token = ReadNumber(line_, number_at);
  if (!token) return std::nullopt;
  resume = token->end;
  const bool bounded = prefix_unit != nullptr || LeftBoundaryOk(number_at);
  const bool slash_pair = !bounded && PairsAfterSlash(number_at);
  const std::size_t sign = prefix_unit == nullptr ? MultiplierSignBefore(number_at) : std::string::npos;
  if (!bounded && !slash_pair && sign == std::string::npos) return std::nullopt;
  if (token->has_kanji && !token->has_digits && token->value == 1) return std::nullopt;  // 一つ, 統一
  if (token->end + 1 < line_.size() && line_[token->end] == '.' && IsDigit(line_[token->end + 1])) {
    while (resume < line_.size() && (IsDigit(line_[resume]) || line_[resume] == '.')) ++resume;
    return std::nullopt;  // 1.2.3: a version
  }
  Draft d;
  d.begin = pos;
  d.token = *token;
  d.number = token->value;
  d.end = d.number_end = token->end;
  d.slash_pair = slash_pair;
  d.sign = sign;
  if (prefix_unit != nullptr) d.def = &lex_.unit(*prefix_unit);
  return d;
}

// Reads "2h 14m", "1h30m", "2m 30s": a duration in two parts ([quantity.duration_pair]), written in
// the smaller unit. The larger letter is the unit read after the number (2h) or, when no unit reads
// it, the letter touching the number (1h30m: no unit touches a digit; m after an hour count is
// minutes, not million).
void Scanner::ReadTwoPartDuration(Draft& d, const Hit& unit, std::size_t number_end) {
  char larger = '\0';
  if (unit) {
    if (unit.entry->text.size() == 1) larger = unit.entry->text[0];
  } else if (number_end < line_.size()) {
    larger = line_[number_end];
  }
  const DurationPair* pair = IsLetter(larger) ? lex_.FindDurationPair(larger) : nullptr;
  if (pair == nullptr) return;
  const std::size_t major_end = unit ? unit.end : number_end + 1;
  if (major_end < line_.size() && IsLetter(line_[major_end])) return;
  std::size_t pos = major_end;
  if (pos < line_.size() && line_[pos] == ' ') ++pos;
  if (pos >= line_.size() || !IsDigit(line_[pos])) return;
  const std::optional<NumberToken> minor = ReadNumber(line_, pos);
  if (!minor || !minor->integer || minor->has_kanji || minor->grouped || minor->value >= 60) return;
  std::size_t end = minor->end;
  if (end >= line_.size() || line_[end] != pair->smaller) return;
  ++end;
  if (end < line_.size() && IsAsciiAlnum(static_cast<unsigned char>(line_[end]))) return;
  d.def = &lex_.units()[static_cast<std::size_t>(pair->def)];
  d.number = d.number * 60 + minor->value;
  d.end = end;
}

// True when the bare number `d` ends a change from the quantity just read: Podが10から30に増えた,
// 3台から12へ (から between them, に or へ after), cluster数は 40 → 12 (an arrow between them): it
// counts what the first one counts.
bool Scanner::ContinuesChange(const Draft& d) const {
  if (out_.empty() || !out_.back().value || out_.back().unit.empty() || out_.back().end > d.begin) return false;
  if (ArrowEnd(line_, out_.back().end) == d.begin) return true;
  const std::size_t kara = SkipSpaces(line_, out_.back().end);
  if (line_.substr(kara, kRangeKara.size()) != kRangeKara || SkipSpaces(line_, kara + kRangeKara.size()) != d.begin) {
    return false;
  }
  const std::string_view rest = line_.substr(SkipSpaces(line_, d.number_end));
  return rest.starts_with("に") || rest.starts_with("へ");
}

// True when the quantity `d` ends a change from the quantity just read, both with their units:
// 月に200件から40件へ, 420万円から260万円に, 120台 → 30台 (から and に or へ, or an arrow, between).
bool Scanner::EndsChange(const Draft& d) const {
  if (out_.empty() || out_.back().end > d.begin) return false;
  if (ArrowEnd(line_, out_.back().end) == d.begin) return true;
  const std::size_t kara = SkipSpaces(line_, out_.back().end);
  if (line_.substr(kara, kRangeKara.size()) != kRangeKara || d.begin - kara > kRangeKara.size() + kChangeGap) return false;
  const std::string_view rest = line_.substr(SkipSpaces(line_, d.end));
  return rest.starts_with("に") || rest.starts_with("へ");
}

// True when the count noun `noun`, right before the bare number `d`, stands right after an arrow from the
// quantity just read: "VM 200台 → Pod 1,500" counts 1,500 pods (a noun alone before a number is an item's
// name, "Cluster 4"; after the arrow it names the change's new count).
bool Scanner::LabelsArrowEnd(const Draft& d, const LexEntry& noun) const {
  const std::size_t noun_end = SkipSpacesBack(line_, d.begin);
  if (out_.empty() || noun_end < noun.text.size() || out_.back().end > noun_end - noun.text.size()) return false;
  return ArrowEnd(line_, out_.back().end) == noun_end - noun.text.size();
}

// The unit of the number after an arrow at `at` (40 → 12台, 3 -> 5 GB), or null.
const UnitDef* Scanner::UnitAfterArrow(std::size_t at, bool english_from) {
  std::size_t pos = ArrowEnd(line_, at);
  if (pos == std::string_view::npos && english_from) pos = EnglishToEnd(line_, at);
  if (pos == std::string_view::npos || pos >= line_.size() || !IsDigit(line_[pos])) return nullptr;
  const std::optional<NumberToken> next = ReadNumber(line_, pos);
  if (!next || next->fraction) return nullptr;
  std::size_t end = next->end;
  double value = next->value;
  ApplyScale(end, value, *next);
  const Hit unit = FindUnit(end, *next, false);
  return unit ? &lex_.unit(*unit.entry) : nullptr;
}

// Reads the scale, the unit (or a modified noun) and a range after the number. Sets
// `after_middle` past qualifiers that sit between number and unit (700+ Users, 500以上の).
// Returns false when a Latin letter touches the number and belongs to nothing read (5xx, 3rd).
bool Scanner::ReadUnit(Draft& d, std::size_t& after_middle) {
  std::size_t end = d.token.end;
  d.scaled = ApplyScale(end, d.number, d.token);
  d.number_end = end;
  std::vector<std::string> middle;
  after_middle = ReadQualifiersAfter(end, middle);
  Hit unit;
  const bool prefixed = d.def != nullptr;  // $3: the unit came first
  if (!prefixed) {
    unit = FindUnit(end, d.token, false);
    if (!unit && after_middle > end) unit = FindUnit(after_middle, d.token, false);
  }
  if (!prefixed && !d.token.fraction) ReadRange(d, unit, unit ? unit.end : end);
  d.end = unit ? unit.end : end;
  if (!prefixed && !unit && !d.is_range && !d.token.fraction) {
    if (const Hit shared = UnitAfterSlashList(end)) {  // 10 of "10/50/200 ms": the span stays the number
      d.def = &lex_.unit(*shared.entry);
      d.listed = true;
      if (!shared.entry->implied_per.empty()) d.per.push_back(shared.entry->implied_per);
      ReadRateSuffix(shared.end, d.per);  // 500 of "500/200 MB/s"
    }
  }
  if (unit) {
    d.def = &lex_.unit(*unit.entry);
    d.noun_before = unit.entry->noun_before;
    if (!unit.entry->implied_per.empty()) d.per.push_back(unit.entry->implied_per);
    if (unit.begin >= after_middle) d.qualifiers = middle;
  }
  if (!prefixed && !d.is_range && !d.scaled && d.token.integer && !d.token.has_kanji) ReadTwoPartDuration(d, unit, end);
  if (unit && !d.is_range && d.def->IsTime() && line_.substr(d.end, kHalf.size()) == kHalf &&
      lex_.MatchAt(line_, d.end, LexRole::kWord) == nullptr) {  // 1時間半, 2年半
    d.number += 0.5;
    d.end += kHalf.size();
  }
  if (d.def == nullptr && !d.token.fraction && !ReadModifiedNoun(d, after_middle)) d.qualifiers = middle;
  return !(end < line_.size() && IsLetter(line_[end]) && d.end <= end);
}

// Names what a bare number or a generic counter counts: the noun after の (14のサービス), the
// topic (レプリカは15), the previous quantity's unit (うち300), a word after a rated number
// (1日に350 seagull), the counter's own unit, or `times` for a fraction. Returns false when
// nothing does: a bare number is no quantity.
bool Scanner::FindCounted(Draft& d, const LeftContext& left, std::size_t tail) {
  const bool year = d.def == nullptr && IsYearLike(d);  // 2015のスライド: a year, not a count
  std::size_t noun_begin = 0;
  if (const LexEntry* noun = year ? nullptr : CountedNounAfterNo(line_, lex_, tail, noun_begin)) {
    d.def = &lex_.unit(*noun);
    const bool touching = tail == d.end && noun_begin == SkipSpaces(line_, tail + kNo.size()) && d.per.empty();
    if (touching) d.end = noun_begin + noun->text.size();  // 3つのAZ, 320 件の PR; not 500以上のマイクロサービス
    return true;
  }
  // The topic names the count unless a word right after the number does (インスタンスは 8 GPU);
  // a noun that heads numbers names one right after it (MAU 3,000万). Its rate comes along
  // (RPSは5000: requests per second).
  const std::size_t word_at = SkipSpaces(line_, d.number_end);
  const std::size_t word_end = ReadLatinWord(word_at);
  const bool headed = d.def == nullptr && !year && left.noun_direct != nullptr && left.noun_direct->heads;  // not IOPS 2016
  // An English plural labels a change that starts at the number: "Clusters 4 → 11", "Nodes 40 -> 65".
  const bool labels_change = d.def == nullptr && left.noun_direct != nullptr &&
                             IsEnglishPlural(*left.noun_direct, lex_.unit(*left.noun_direct)) && ChangeFollows(line_, d.end);
  const bool labels_end = d.def == nullptr && left.noun_direct != nullptr && LabelsArrowEnd(d, *left.noun_direct);
  const LexEntry* topic = word_end > word_at                           ? nullptr
                          : (headed || labels_change || labels_end)   ? left.noun_direct
                          : year && left.english_row_label            ? nullptr  // | Releases | 2024 |: years
                                                                      : left.noun_topic;
  // Across a rate a topic names what 件 counts (アラートが週30件), not what 回 counts: in
  // "ノードは週1回入れ替わる" the count is of replacements, not of nodes.
  if (topic != nullptr && left.topic_before_rate && d.def != nullptr && d.def->is_counter && d.def->unit == kTimesCounted) topic = nullptr;
  if (topic != nullptr || (d.def != nullptr && left.noun_direct != nullptr)) {
    const LexEntry* noun = topic != nullptr ? topic : left.noun_direct;
    d.def = &lex_.unit(*noun);
    if (d.per.empty() && !noun->implied_per.empty()) d.per.push_back(noun->implied_per);
    return true;
  }
  // A generic counter counts the object before を: "EKS のクラスタを 30 個運用", "Podを5つ" (not "…を3つの観点で",
  // whose の names what is counted, nor "APIを2回叩く": 回 counts times).
  if (d.def != nullptr && d.def->is_counter && d.def->unit == kItemCounted && d.per.empty() &&
      line_.substr(tail, kNo.size()) != kNo) {
    if (const LexEntry* noun = ObjectNounBefore(line_, lex_, d.begin)) {
      d.def = &lex_.unit(*noun);
      return true;
    }
  }
  if (d.def != nullptr) {  // the counter's own unit: つ -> item, 回 -> time
    d.counter_unit = true;
    return true;
  }
  if (left.anaphor && !out_.empty()) {
    d.unit_name = out_.back().unit;
    return true;
  }
  if (!year && d.per.empty() && ContinuesChange(d)) {
    d.unit_name = out_.back().unit;
    d.def = last_def_;  // 200ms → 80 is 0.08 seconds
    return true;
  }
  if (!year && d.per.empty() && ChangeFollows(line_, tail)) {  // クラスタを 12 → 5: the object of a change
    if (const LexEntry* noun = ObjectNounBefore(line_, lex_, d.begin)) {
      d.def = &lex_.unit(*noun);
      return true;
    }
  }
  if (!year && d.per.empty()) {  // 40 → 12台: the bare start of a change counts what its end counts
    if (const UnitDef* def = UnitAfterArrow(tail, ChangeFromBefore(line_, d.begin))) {
      d.def = def;
      return true;
    }
  }
  if (!left.rates.empty() && !left.rates.front().loose && !year && word_end > word_at && word_at <= d.number_end + 1) {
    d.unit_name = Singular(line_.substr(word_at, word_end - word_at));  // a rate makes it an amount
    d.end = word_end;
    return true;
  }
  if (!d.token.fraction) return false;
  d.unit_name = std::string(kRatio);
  return true;
}

// "40 build agents", "3 worker nodes", "5 user requests": of two English count nouns in a row the
// last is the head, and the one the number counts. Not after a capitalised measure: "a 40k LOC
// service" is a service of 40k lines.
void Scanner::TakeHeadNoun(Draft& d) const {
  if (d.def == nullptr || !d.def->is_count || d.def->is_counter || d.end + 1 >= line_.size() || line_[d.end] != ' ' ||
      !(line_[d.end - 1] >= 'a' && line_[d.end - 1] <= 'z')) {
    return;
  }
  const LexEntry* head = lex_.MatchAt(line_, d.end + 1, LexRole::kUnit, [&](const LexEntry& e) {
    const UnitDef& def = lex_.unit(e);
    return def.is_count && !def.is_counter && !e.per_only && IsLetter(e.text[0]);
  });
  if (head == nullptr) return;
  const std::size_t end = d.end + 1 + head->text.size();
  if (end < line_.size() && (IsLetter(line_[end]) || IsDigit(line_[end]))) return;
  d.def = &lex_.unit(*head);
  d.end = end;
}

// Reads what follows the number: unit, range, rate suffix, counted noun, qualifiers. Returns
// false when the number turns out to be no quantity.
bool Scanner::ReadRight(Draft& d, const LeftContext& left) {
  std::size_t after_middle = d.end;
  if (!d.is_word && !ReadUnit(d, after_middle)) return false;
  if (d.def == nullptr && d.sign != std::string::npos) {  // ×3: a factor (×16GB keeps its unit)
    d.def = TimesUnit();
    if (d.def != nullptr) d.begin = d.sign;
  }
  TakeHeadNoun(d);
  if (d.def != nullptr && d.def->is_counter) {  // 回デプロイ, 500回 デプロイ
    const Hit noun = FindUnit(d.end, d.token, true);
    if (noun && noun.begin <= d.end + 1) {
      d.def = &lex_.unit(*noun.entry);
      d.end = noun.end;
    }
  }
  if (d.noun_before) {  // ユーザー3,000万人, ユーザー数は3,000万人: users, not persons; VM 200台: vms
    const LexEntry* noun = left.noun_direct != nullptr ? left.noun_direct : left.noun_topic;
    if (noun != nullptr && !noun->noun_before && !noun->group) {  // チームは12人: its members
      d.def = &lex_.unit(*noun);
      if (d.per.empty() && !noun->implied_per.empty()) d.per.push_back(noun->implied_per);
    }
  }
  if (d.def != nullptr) d.end = ReadRateSuffix(ReadOneDenominator(d, d.per), d.per);
  const std::size_t tail = ReadQualifiersAfter(d.def != nullptr ? d.end : after_middle, d.qualifiers);
  if (d.def != nullptr && !d.def->is_counter) return true;
  return FindCounted(d, left, tail);
}

// Returns false for what reads like a quantity but is none: an ordinal (2日目), a count of one
// before の (1レコードの最大payload; but with a rate it is a frequency: 週1回のリリース), a
// denominator (1GBあたり), a vetoed span.
bool Scanner::IsAmount(const Draft& d, const LeftContext& left) {
  // 12ms/180ms is a pair of durations; 1.5TB/1日 is no pair (a day is no size), nor 12ms/180 (bare).
  if (d.slash_pair && (d.def == nullptr || d.def->unit != last_def_->unit)) return false;
  if (line_.substr(d.end, kOrdinal.size()) == kOrdinal) return false;
  const bool one = !d.is_range && !d.scaled && d.token.value == 1;
  if (one && d.def != nullptr && d.def->is_count && line_.substr(d.end, kNo.size()) == kNo && left.rates.empty() &&
      d.per.empty()) {
    return false;
  }
  if (one && RateMarkerFollows(line_, lex_, d.end, d.def != nullptr && d.def->IsTime())) return false;
  // a list's numbers with its unit are values, whatever "10/20" alone may be (a date)
  if (d.listed || (d.slash_pair && last_listed_)) return true;
  return !Vetoed(d.begin, d.end);
}

// Returns true when the duration `m` (read as `d`) is a share of the bare time denominator before it,
// as in "1日12時間" (12 hours a day) or "1 日 2 時間から 30 分に": a day or longer (an hour or a minute
// starts a duration in two units: 1時間45分), no longer than it, and no span or point in time
// ("1日12時間後", "1日36時間").
bool Scanner::FitsDenominator(const Draft& d, const QuantityMatch& m, const PrefixRate& rate) const {
  const std::optional<double> longest = m.max.has_value() ? m.max : m.value;
  if (!longest.has_value() || rate.seconds < kDaySeconds || *longest > rate.seconds) return false;
  const std::string_view rest = line_.substr(SkipSpaces(line_, d.end));
  return std::none_of(std::begin(kSpanWords), std::end(kSpanWords),
                      [&](std::string_view word) { return rest.substr(0, word.size()) == word; });
}

void Scanner::Emit(const Draft& d, const LeftContext& left) {
  QuantityMatch m;
  m.begin = d.begin;
  m.end = d.end;
  m.unit = d.def != nullptr ? d.def->unit : d.unit_name;
  if (d.is_range) {
    m.min = d.low;
    m.max = d.high;
  } else {
    m.value = d.number * (d.def != nullptr ? d.def->factor : 1);
  }
  std::vector<std::string> per;
  const bool is_time = d.def != nullptr && d.def->IsTime();
  std::size_t prefix_begin = std::string::npos;
  for (const PrefixRate& rate : left.rates) {
    if (rate.needs_other_unit && is_time && !FitsDenominator(d, m, rate)) continue;  // 1日12時間後: two durations
    if (rate.of_topic && (m.unit == "percent" || m.unit == kRatio)) continue;  // a share or a factor of it
    if (rate.loose && (is_time || !d.per.empty())) continue;  // "the weekly sync is 30 minutes", "daily peak was 40k RPS"
    per.push_back(rate.per);
    prefix_begin = std::min(prefix_begin, rate.begin);
  }
  per.insert(per.end(), d.per.begin(), d.per.end());
  m.per = JoinPer(per);
  // The end of a change counts what its start counts, at its rate: アラートは月に200件から40件へ
  // (40 alerts a month), コストは月に420万円から260万円へ (per month).
  if (m.per.empty() && m.value.has_value() && EndsChange(d)) {
    const QuantityMatch& from = out_.back();
    if (d.counter_unit && !from.unit.empty()) m.unit = from.unit;
    if (m.unit == from.unit) m.per = from.per;
  }
  m.qualifiers = left.qualifiers;
  m.qualifiers.insert(m.qualifiers.end(), d.qualifiers.begin(), d.qualifiers.end());
  // The prefix's "1日" or "1GB" was read as a quantity of its own: drop it.
  while (prefix_begin != std::string::npos && !out_.empty() && out_.back().end > prefix_begin) out_.pop_back();
  out_.push_back(std::move(m));
  last_def_ = d.def;
  last_listed_ = d.listed;
}

std::vector<QuantityMatch> Scanner::Run() {
  const std::bitset<65536>& kanji_leads = KanjiNumberLeads();
  const auto kanji_number_at = [&](std::size_t pos) {
    return MayStartKanjiNumberAt(kanji_leads, line_, pos) && NumberStartsAt(line_, pos);
  };
  std::size_t pos = 0;
  while (pos < line_.size()) {
    pos = lex_.NextPossibleStart(line_, pos);
    if (pos >= line_.size()) break;
    if (!IsDigit(line_[pos]) && !lex_.MayStartWordAt(line_, pos) && !kanji_number_at(pos)) {
      ++pos;
      continue;
    }
    std::size_t resume = pos + 1;
    std::optional<Draft> d = ReadAt(pos, resume);
    if (d) {
      const LeftContext left = ReadLeftContext(line_, lex_, d->begin);
      if (ReadRight(*d, left) && IsAmount(*d, left)) {
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
