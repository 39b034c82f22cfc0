// Reading the words around a number (see quantity_context.h). Everything here looks at a few
// characters next to the number, so that each lookup costs a handful of literal comparisons.
#include "extractor/quantity_context.h"

#include <algorithm>
#include <iterator>

#include "extractor/quantity_change.h"
#include "extractor/quantity_number.h"
#include "extractor/quantity_text.h"

namespace kgx {
namespace {

using namespace quantity_detail;  // NOLINT: the character helpers of the quantity files

constexpr std::string_view kNo = "の";      // links a number to the noun it counts
constexpr std::string_view kCountOf = "数";  // 接続数: the number of connections
constexpr std::size_t kNounWindow = 8;       // characters searched after の for the noun
constexpr std::size_t kMarkerWindow = 10;    // characters of "のスキャン" in 1TBのスキャンあたり
constexpr std::string_view kUnitCount = "台";  // サーバー台数: the number of servers (台 alone counts machines)
constexpr std::string_view kObject = "を";     // クラスタを 12 → 5: the object of a change
constexpr std::string_view kMonth = "月";      // 3月1日: the day of a month
// English labels that make the count noun after (before) them a count: "# of pods", "Pod count"
constexpr std::string_view kCountOfWords[] = {"# of", "number of", "no. of", "num"};
constexpr std::string_view kCountWord = " count";
constexpr std::size_t kClauseWindow = 80;      // bytes of an English clause searched for its rate word
// English words that join a rated topic to its amount: "the monthly AWS bill was $38,000", "a daily
// peak of 40k requests", "the monthly cost went from $4,200 to $1,900".
constexpr std::string_view kLinkWords[] = {"was", "is", "were", "are", "of", "at", "to", "from", "reached", "hit", "totaled", "totalled"};

// A rate denominator found in the text.
struct Denominator {
  std::size_t begin = 0;
  std::string per;
  bool is_time = false;
  double seconds = 0;  // its length, when it is a time
};

// True for a count noun that names what a number counts: not a generic counter (つ, 回), nor a
// literal read only as a rate denominator.
bool IsCountNoun(const QuantityLexicon& lex, const LexEntry& entry) {
  const UnitDef& def = lex.unit(entry);
  return def.is_count && !def.is_counter && !entry.per_only;
}

// Returns the count noun of "X数" or "X台数" ending at `end` (接続数, サーバー台数, 台数 alone: machines
// counted with 台), or nullptr. 関数 is a noun of its own, not a count of 関. Notes that mix scripts put a
// blank between a Latin noun and 数: "Pod 数は 300", "PR 数 120 → 300".
const LexEntry* CountOfEndingAt(std::string_view line, const QuantityLexicon& lex, std::size_t end) {
  if (end < kCountOf.size() || line.substr(end - kCountOf.size(), kCountOf.size()) != kCountOf) return nullptr;
  const auto noun_ending_at = [&](std::size_t at) {
    return lex.MatchEndingAt(line, at, LexRole::kUnit, [&](const LexEntry& entry) { return IsCountNoun(lex, entry); });
  };
  std::size_t before = end - kCountOf.size();
  if (before >= 2 && line[before - 1] == ' ' && IsLetter(line[before - 2])) --before;
  if (before >= kUnitCount.size() && line.substr(before - kUnitCount.size(), kUnitCount.size()) == kUnitCount) {
    if (const LexEntry* noun = noun_ending_at(before - kUnitCount.size())) return noun;
  }
  return noun_ending_at(before);
}

class LeftReader {
 public:
  LeftReader(std::string_view line, const QuantityLexicon& lexicon) : line_(line), lex_(lexicon) {}

  LeftContext Read(std::size_t begin);

 private:
  const LexEntry* UnitEndingAt(std::size_t end) const;
  const LexEntry* NounEndingAt(std::size_t end) const;
  const LexEntry* TopicBefore(std::size_t pos) const;
  const LexEntry* RowLabelCount(std::size_t cell_open) const;
  const LexEntry* EnglishCountLabel(std::size_t begin, std::size_t end) const;
  bool UnderEnglishRowLabel(std::size_t pos) const;
  bool DenominatorEndingAt(std::size_t end, bool any_word, Denominator& den) const;
  std::size_t DenominatorStart(const Denominator& den, bool needs_one) const;
  bool FollowsRateMarker(std::size_t pos) const;
  bool EndsWithMonth(std::size_t pos) const;
  bool ReadPrefixRate(std::size_t pos, PrefixRate& rate) const;
  bool ReadTopicRate(std::size_t pos, PrefixRate& rate) const;
  bool ReadClauseRate(std::size_t pos, PrefixRate& rate, bool hedged) const;
  bool RateWordTopicEndingAt(std::size_t end) const;
  bool OpensTopicWithRateWord(std::size_t end) const;

  std::string_view line_;
  const QuantityLexicon& lex_;
  // The longest unit literal ending where the number's left context ends, looked up once: the
  // topic noun (NounEndingAt) and the rate denominator (DenominatorEndingAt) are asked for there.
  std::size_t number_left_ = std::string::npos;
  const LexEntry* unit_at_number_left_ = nullptr;
};

// Returns the longest unit literal that ends at `end`, or nullptr.
const LexEntry* LeftReader::UnitEndingAt(std::size_t end) const {
  return end == number_left_ ? unit_at_number_left_ : lex_.MatchEndingAt(line_, end, LexRole::kUnit);
}

// Returns the literal of the count noun (not a generic counter) that ends at `end`, or nullptr.
const LexEntry* LeftReader::NounEndingAt(std::size_t end) const {
  const auto count_noun = [&](const LexEntry& entry) { return IsCountNoun(lex_, entry); };
  if (end == number_left_) return lex_.MatchEndingAtGiven(line_, end, LexRole::kUnit, unit_at_number_left_, count_noun);
  return lex_.MatchEndingAt(line_, end, LexRole::kUnit, count_noun);
}

// Finds the topic noun of a bare number: レプリカは15, ピースが5つ, 接続数は100 (X数: the number of X),
// and a count written as a label without a particle: ノード数 40, サーバー台数 40 → 12.
const LexEntry* LeftReader::TopicBefore(std::size_t pos) const {
  if (pos == 0) return nullptr;
  const std::size_t particle = PrevChar(line_, pos);
  const std::string_view p = line_.substr(particle, pos - particle);
  if (p == kCountOf) return CountOfEndingAt(line_, lex_, pos);
  if (p == "|") return RowLabelCount(particle);
  if (!(p == "は" || p == "が" || p == "も" || p == ":")) return nullptr;
  const std::size_t end = SkipSpacesBack(line_, particle);
  if (const LexEntry* noun = CountOfEndingAt(line_, lex_, end)) return noun;
  return NounEndingAt(end);
}

// A number opening a cell of a Markdown table row (its "|" at `cell_open`) is counted by the row's
// label, its first cell, when that is a count: "| ノード数 | 48 | 12 |" (48 and 12 nodes), "| Pod 数 | 120 |".
const LexEntry* LeftReader::RowLabelCount(std::size_t cell_open) const {
  const std::size_t open = line_.find_first_not_of(' ');
  if (open == std::string_view::npos || line_[open] != '|') return nullptr;
  const std::size_t label_end = line_.find('|', open + 1);
  if (label_end == std::string_view::npos || cell_open < label_end) return nullptr;
  const std::size_t end = SkipSpacesBack(line_, label_end);
  if (const LexEntry* noun = CountOfEndingAt(line_, lex_, end)) return noun;
  return EnglishCountLabel(open + 1, end);
}

// Whether the number whose left context ends at `pos` opens a cell under an English count label.
bool LeftReader::UnderEnglishRowLabel(std::size_t pos) const {
  if (pos == 0 || line_[pos - 1] != '|') return false;
  const std::size_t open = line_.find_first_not_of(' ');
  const std::size_t label_end = line_.find('|', open + 1);
  return label_end != std::string_view::npos && CountOfEndingAt(line_, lex_, SkipSpacesBack(line_, label_end)) == nullptr;
}

// The count noun of an English table label from `begin` to `end`: a plural ("| Nodes | 48 | 12 |",
// "| Worker nodes | 40 |"), or a noun that "# of", "number of" or "count" makes a count ("| # of pod |",
// "| Pod count | 120 |"). A singular alone names one item ("| Node | 3 |"), and a label that is no count
// noun counts nothing ("| Version | 3 |", "| Year | 2026 |").
const LexEntry* LeftReader::EnglishCountLabel(std::size_t begin, std::size_t end) const {
  std::size_t noun_end = end;
  const bool counted = end >= begin + kCountWord.size() &&
                       AsciiLowerCopy(line_.substr(end - kCountWord.size(), kCountWord.size())) == kCountWord;
  if (counted) noun_end = end - kCountWord.size();
  const LexEntry* noun = NounEndingAt(noun_end);
  if (noun == nullptr || !IsLetter(noun->text[0])) return nullptr;
  const std::size_t noun_begin = noun_end - noun->text.size();
  if (noun_begin < begin || IsLetter(line_[noun_begin - 1])) return nullptr;
  if (counted || IsEnglishPlural(*noun, lex_.unit(*noun))) return noun;
  const std::string before = AsciiLowerCopy(line_.substr(begin, SkipSpacesBack(line_, noun_begin) - begin));
  const bool count_of = std::any_of(std::begin(kCountOfWords), std::end(kCountOfWords),
                                    [&](std::string_view words) { return before.ends_with(words); });
  return count_of ? noun : nullptr;
}

// Finds the rate denominator that ends at `end`: a unit or count literal or, when `any_word`,
// an English word (queueごとに, 1 seagullごとに).
bool LeftReader::DenominatorEndingAt(std::size_t end, bool any_word, Denominator& den) const {
  if (const LexEntry* e = UnitEndingAt(end)) {
    const UnitDef& unit = lex_.unit(*e);
    den = {end - e->text.size(), unit.per_name, unit.IsTime(), unit.IsTime() ? unit.factor : 0};
    return true;
  }
  std::size_t start = end;
  while (start > 0 && IsLetter(line_[start - 1])) --start;
  if (!any_word || end - start < 2) return false;
  den = {start, Singular(line_.substr(start, end - start)), false};
  return true;
}

// Returns true when 月 ends at `pos` (its day, 3月1日, is a date, no denominator).
bool LeftReader::EndsWithMonth(std::size_t pos) const {
  return pos >= kMonth.size() && line_.substr(pos - kMonth.size(), kMonth.size()) == kMonth;
}

// Returns true when a rate marker that is not time-only (あたり, ごとに) ends just before `pos`.
bool LeftReader::FollowsRateMarker(std::size_t pos) const {
  const LexEntry* marker = lex_.MatchEndingAt(line_, SkipSpacesBack(line_, pos), LexRole::kRateBefore);
  return marker != nullptr && !marker->time_only;
}

// Returns where the denominator starts with its number: "1日に" starts at its 1, "GBあたり" at G.
// Returns npos when another number is written (5秒ごとに, 100万リクエストあたり), or when
// `needs_one` and no 1 is written. One blank may stand between the number and its unit, in
// kanji as in Latin ("1 GB あたり", "1 日 8,500 億サンプル"; "2024 年に 1 回" names a year, no rate).
std::size_t LeftReader::DenominatorStart(const Denominator& den, bool needs_one) const {
  const bool spaced = den.begin > 0 && line_[den.begin - 1] == ' ';
  const std::size_t end = spaced ? den.begin - 1 : den.begin;
  const std::size_t none = needs_one ? std::string::npos : den.begin;
  if (end == 0) return none;
  const std::size_t prev = PrevChar(line_, end);
  const char32_t cp = CodePointAt(line_, prev);
  if (!NumberStartsAt(line_, prev) && cp != U'万' && cp != U'億' && cp != U'兆') return none;
  if (line_[prev] != '1') return std::string::npos;
  if (prev == 0) return prev;
  if (EndsWithMonth(prev)) return std::string::npos;  // 3月1日: a date
  const char before = line_[prev - 1];
  const bool longer = IsDigit(before) || before == '.' || before == ',';
  return longer || NumberStartsAt(line_, PrevChar(line_, prev)) ? std::string::npos : prev;
}

// Reads one rate prefix ending at `pos`: a rate word (年間, Quarterで), a denominator with a
// marker (1GBあたり, queueごとに, 1TBのスキャンあたり, 月に), or "1日" touching the number.
bool LeftReader::ReadPrefixRate(std::size_t pos, PrefixRate& rate) const {
  if (const LexEntry* word = lex_.RateWordEndingAt(line_, pos)) {
    const std::size_t begin = pos - word->text.size();
    if (!(begin > 0 && IsDigit(line_[begin - 1]) && !IsDigit(word->text[0]))) {  // not 10年間
      rate = {begin, word->name, false};
      return true;
    }
  }
  const LexEntry* marker = lex_.MatchEndingAt(line_, pos, LexRole::kRateBefore);
  const std::size_t den_end = marker ? SkipSpacesBack(line_, pos - marker->text.size()) : pos;  // "1TB あたり"
  Denominator den;
  bool found = DenominatorEndingAt(den_end, marker != nullptr, den);
  if (!found && marker != nullptr && !marker->time_only) {
    // 1TBのスキャンあたり: the denominator, の, a few characters, the marker.
    std::size_t i = den_end;
    for (std::size_t chars = 0; chars < kMarkerWindow && i > 0; ++chars) {
      i = PrevChar(line_, i);
      if (line_.substr(i, kNo.size()) == kNo || StopsNounSearch(CodePointAt(line_, i))) break;
    }
    found = line_.substr(i, kNo.size()) == kNo && DenominatorEndingAt(i, true, den);
  }
  if (!found || ((marker == nullptr || marker->time_only) && !den.is_time)) return false;
  // A bare period is a denominator in Japanese only ("1日12時間" is twelve hours a day): English
  // writes its rate after the amount ("12 hours a day"), so "1 day 12 hours" is one duration.
  if (marker == nullptr && IsLetter(line_[den.begin])) return false;
  std::size_t begin = DenominatorStart(den, marker == nullptr);  // "1日" alone needs its 1
  if (begin == std::string::npos && marker == nullptr && FollowsRateMarker(den.begin)) {
    begin = den.begin;  // 1TBあたり月 $23: a second denominator after the first one's marker
  }
  if (begin == std::string::npos) return false;
  rate = {begin, den.per, marker == nullptr};
  rate.seconds = den.seconds;
  return true;
}

// True when a rate word ends at `end` that is no unit's tail: 月額, 毎月, 月; not the 月 of ヶ月.
bool LeftReader::RateWordTopicEndingAt(std::size_t end) const {
  const LexEntry* word = lex_.RateWordEndingAt(line_, end);
  if (word == nullptr) return false;
  const LexEntry* unit = UnitEndingAt(end);
  return unit == nullptr || unit->text.size() <= word->text.size();
}

// True when a Japanese rate word of more than one character ends at `end` and opens the topic, the
// noun after it touching it: 月額コストは, サービスの年間費用は (毎月の… is read at its の). A
// one-character 月 or 週 is part of a noun there (月末残高は), and one inside a compound no rate (今月額).
bool LeftReader::OpensTopicWithRateWord(std::size_t end) const {
  const LexEntry* word = lex_.RateWordEndingAt(line_, end);
  if (word == nullptr || word->text.size() <= kMonth.size() || IsLetter(word->text[0])) return false;
  const std::size_t begin = end - word->text.size();
  if (begin == 0) return true;
  const char32_t prev = CodePointAt(line_, PrevChar(line_, begin));
  return StopsNounSearch(prev) || (prev >= U'ぁ' && prev <= U'ゟ');
}

// Reads a rate that opens the topic of the number: 1日あたりの配送リクエストは120万件, 1時間
// あたりの処理件数は3万件 (the denominator, あたり or ごと, の, a few characters, は or が), a rate
// word before の (月のLambda料金は約3万円, 毎月のEC2費用は100万円) or the topic itself (月額は5万円).
bool LeftReader::ReadTopicRate(std::size_t pos, PrefixRate& rate) const {
  if (pos == 0) return false;
  const std::size_t particle = PrevChar(line_, pos);
  const std::string_view p = line_.substr(particle, pos - particle);
  if (!(p == "は" || p == "が")) return false;
  const std::size_t topic_end = SkipSpacesBack(line_, particle);
  if (RateWordTopicEndingAt(topic_end)) return ReadPrefixRate(topic_end, rate);
  std::size_t i = particle;
  for (std::size_t chars = 0; chars < kMarkerWindow && i > 0; ++chars) {
    i = PrevChar(line_, i);
    if (OpensTopicWithRateWord(i)) return ReadPrefixRate(i, rate);  // 月額コストは, 年間費用は
    // a name with a digit or two words is one topic: 毎月のEC2費用は, 月の AWS 利用料は
    const bool in_name = (IsDigit(line_[i]) && i > 0 && IsLetter(line_[i - 1])) || line_[i] == ' ';
    if (line_.substr(i, kNo.size()) == kNo || (StopsNounSearch(CodePointAt(line_, i)) && !in_name)) break;
  }
  if (line_.substr(i, kNo.size()) != kNo || i + kNo.size() == particle) return false;
  const LexEntry* marker = lex_.MatchEndingAt(line_, i, LexRole::kRateBefore);
  if (marker == nullptr) return RateWordTopicEndingAt(i) && ReadPrefixRate(i, rate);
  if (marker->time_only) return false;
  return ReadPrefixRate(i, rate);
}

// Reads a rate word earlier in the English clause that a link word right before the number closes:
// "The monthly AWS bill for the platform was $38,000", "the monthly cost went from $4,200 to $1,900".
// A hedge (`hedged`: "Monthly cloud bill around $310k") or a label's colon ("Monthly cost: $12,000")
// links the clause as a link word does, as notes write it without a verb.
// The clause ends at punctuation or at Japanese text; the rate starts at `pos` (no quantity before the
// number is its denominator).
bool LeftReader::ReadClauseRate(std::size_t pos, PrefixRate& rate, bool hedged) const {
  if (pos < 2) return false;
  std::size_t start = pos;
  if (line_[pos - 1] == ':' && IsLetter(line_[pos - 2])) {
    start = pos - 1;  // the label ends at its colon
  } else if (!IsLetter(line_[pos - 1])) {
    return false;
  } else if (!hedged) {
    while (start > 0 && IsLetter(line_[start - 1])) --start;
    if (start == 0 || line_[start - 1] != ' ') return false;
    const std::string link = AsciiLowerCopy(line_.substr(start, pos - start));
    if (std::find(std::begin(kLinkWords), std::end(kLinkWords), link) == std::end(kLinkWords)) return false;
  }
  const std::size_t floor = start > kClauseWindow ? start - kClauseWindow : 0;
  for (std::size_t i = start; i > floor; --i) {
    const char c = line_[i - 1];
    // "," "." ":" end the clause before a blank, not inside a number ($4,200, 1.5k)
    const bool stop = c == ',' || c == '.' || c == ':' ? line_[i] == ' ' : c == ';' || c == '!' || c == '?' || c == '(' || c == ')';
    if (stop || static_cast<unsigned char>(c) >= 0x80) return false;
    if (!IsLetter(c) || IsLetter(line_[i])) continue;  // not the end of a word
    const LexEntry* word = lex_.RateWordEndingAt(line_, i);
    if (word != nullptr && IsLetter(word->text[0])) {
      rate = {pos, word->name, false, true, true};
      return true;
    }
  }
  return false;
}

LeftContext LeftReader::Read(std::size_t begin) {
  LeftContext left;
  std::size_t pos = SkipSpacesBack(line_, begin);
  bool hedged = false;  // "around $310k", "under $5k": a hedge, which links an English clause to its amount
  for (int i = 0; i < 2; ++i) {
    const LexEntry* q = lex_.MatchEndingAt(line_, pos, LexRole::kQualifierBefore);
    if (q == nullptr) break;
    hedged = hedged || q->name == "approx" || q->name == "at_least" || q->name == "at_most";
    left.qualifiers.insert(left.qualifiers.begin(), q->name);
    pos = SkipSpacesBack(line_, pos - q->text.size());
  }
  number_left_ = pos;
  unit_at_number_left_ = lex_.MatchEndingAt(line_, pos, LexRole::kUnit);
  left.noun_direct = NounEndingAt(pos);
  left.noun_topic = TopicBefore(pos);
  left.english_row_label = left.noun_topic != nullptr && UnderEnglishRowLabel(pos);
  left.topic_direct = left.noun_direct ? &lex_.unit(*left.noun_direct) : nullptr;
  left.topic = left.noun_topic ? &lex_.unit(*left.noun_topic) : nullptr;
  left.anaphor = lex_.MatchEndingAt(line_, pos, LexRole::kAnaphor) != nullptr;
  PrefixRate rate;
  for (int i = 0; i < 2 && ReadPrefixRate(pos, rate); ++i) {  // 1TBあたり月額: tb/month
    left.rates.insert(left.rates.begin(), rate);
    pos = SkipSpacesBack(line_, rate.begin);
  }
  if (left.rates.empty() && (ReadTopicRate(pos, rate) || ReadClauseRate(pos, rate, hedged))) {
    rate.of_topic = true;
    left.rates.push_back(rate);
  }
  // A rate word may stand between the topic and its number: アラートが週30件, デプロイは週1回.
  if (left.noun_topic == nullptr && !left.rates.empty() && !left.rates.front().of_topic) {
    left.noun_topic = TopicBefore(pos);
    left.topic = left.noun_topic ? &lex_.unit(*left.noun_topic) : nullptr;
    left.topic_before_rate = left.noun_topic != nullptr;
  }
  return left;
}

}  // namespace

LeftContext ReadLeftContext(std::string_view line, const QuantityLexicon& lexicon, std::size_t begin) {
  return LeftReader(line, lexicon).Read(begin);
}

const LexEntry* ObjectNounBefore(std::string_view line, const QuantityLexicon& lexicon, std::size_t begin) {
  const std::size_t end = SkipSpacesBack(line, begin);
  if (end < kObject.size() || line.substr(end - kObject.size(), kObject.size()) != kObject) return nullptr;
  const std::size_t noun_end = SkipSpacesBack(line, end - kObject.size());
  if (const LexEntry* noun = CountOfEndingAt(line, lexicon, noun_end)) return noun;
  return lexicon.MatchEndingAt(line, noun_end, LexRole::kUnit, [&](const LexEntry& entry) { return IsCountNoun(lexicon, entry); });
}

const LexEntry* CountedNounAfterNo(std::string_view line, const QuantityLexicon& lexicon, std::size_t at,
                                   std::size_t& noun_begin) {
  if (line.substr(at, kNo.size()) != kNo) return nullptr;
  // notes that mix scripts put a blank between の and a Latin noun: 320 件の PR, 6つの Pod
  const std::size_t first = SkipSpaces(line, at + kNo.size());
  std::size_t pos = first;
  for (std::size_t chars = 0; chars < kNounWindow && pos < line.size(); ++chars) {
    std::size_t length = 0;
    // a digit inside a Latin name does not end the search: 18,000以上のEC2インスタンス
    const bool name_digit = IsDigit(line[pos]) && pos > 0 && (IsLetter(line[pos - 1]) || IsDigit(line[pos - 1])) && pos > first;
    if (StopsNounSearch(CodePointAt(line, pos, length)) && !name_digit) break;
    const bool after_letter = IsLetter(line[pos]) && pos > 0 && IsLetter(line[pos - 1]);
    const bool after_kanji = IsKanji(CodePointAt(line, PrevChar(line, pos)));
    const LexEntry* e = lexicon.MatchAt(line, pos, LexRole::kUnit, [&](const LexEntry& entry) {
      const UnitDef& def = lexicon.unit(entry);
      if (!def.is_count || def.is_counter || entry.per_only) return false;
      if (after_kanji && entry.text.size() == length) return false;  // 行 in 実行, 人 in 個人
      return !IsCompoundChar(CodePointAt(line, pos + entry.text.size()));
    });
    if (e != nullptr && !after_letter) {
      noun_begin = pos;
      return e;
    }
    pos += length;
  }
  return nullptr;
}

bool RateMarkerFollows(std::string_view line, const QuantityLexicon& lexicon, std::size_t end, bool is_time) {
  if (const LexEntry* m = lexicon.MatchAt(line, end, LexRole::kRateBefore)) return !m->time_only || is_time;
  if (line.substr(end, kNo.size()) != kNo) return false;
  std::size_t pos = end + kNo.size();
  for (std::size_t chars = 0; chars < kMarkerWindow && pos < line.size(); ++chars) {
    const LexEntry* m = lexicon.MatchAt(line, pos, LexRole::kRateBefore);
    if (m != nullptr && !m->time_only) return true;
    std::size_t length = 0;
    if (StopsNounSearch(CodePointAt(line, pos, length))) break;
    pos += length;
  }
  return false;
}

}  // namespace kgx
