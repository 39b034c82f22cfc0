// Reading the words around a number (see quantity_context.h). Everything here looks at a few
// characters next to the number, so that each lookup costs a handful of literal comparisons.
#include "extractor/quantity_context.h"

#include "extractor/quantity_number.h"
#include "extractor/quantity_text.h"

namespace kgx {
namespace {

using namespace quantity_detail;  // NOLINT: the character helpers of the quantity files

constexpr std::string_view kNo = "の";      // links a number to the noun it counts
constexpr std::string_view kCountOf = "数";  // 接続数: the number of connections
constexpr std::size_t kNounWindow = 8;       // characters searched after の for the noun
constexpr std::size_t kMarkerWindow = 10;    // characters of "のスキャン" in 1TBのスキャンあたり

// A rate denominator found in the text.
struct Denominator {
  std::size_t begin = 0;
  std::string per;
  bool is_time = false;
};

class LeftReader {
 public:
  LeftReader(std::string_view line, const QuantityLexicon& lexicon) : line_(line), lex_(lexicon) {}

  LeftContext Read(std::size_t begin) const;

 private:
  const LexEntry* NounEndingAt(std::size_t end) const;
  const LexEntry* TopicBefore(std::size_t pos) const;
  bool DenominatorEndingAt(std::size_t end, bool any_word, Denominator& den) const;
  std::size_t DenominatorStart(const Denominator& den, bool needs_one) const;
  bool FollowsRateMarker(std::size_t pos) const;
  bool ReadPrefixRate(std::size_t pos, PrefixRate& rate) const;
  bool ReadTopicRate(std::size_t pos, PrefixRate& rate) const;
  bool RateWordTopicEndingAt(std::size_t end) const;

  std::string_view line_;
  const QuantityLexicon& lex_;
};

// Returns the literal of the count noun (not a generic counter) that ends at `end`, or nullptr.
const LexEntry* LeftReader::NounEndingAt(std::size_t end) const {
  return lex_.MatchEndingAt(line_, end, LexRole::kUnit, [&](const LexEntry& entry) {
    const UnitDef& def = lex_.unit(entry);
    return def.is_count && !def.is_counter && !entry.per_only;
  });
}

// Finds the topic noun of a bare number: レプリカは15, ピースが5つ, 接続数は100 (X数: the number of X).
const LexEntry* LeftReader::TopicBefore(std::size_t pos) const {
  const std::size_t particle = PrevChar(line_, pos);
  const std::string_view p = line_.substr(particle, pos - particle);
  if (!(p == "は" || p == "が" || p == "も" || p == ":")) return nullptr;
  std::size_t end = SkipSpacesBack(line_, particle);
  if (end >= kCountOf.size() && line_.substr(end - kCountOf.size(), kCountOf.size()) == kCountOf) {
    end -= kCountOf.size();
  }
  return NounEndingAt(end);
}

// Finds the rate denominator that ends at `end`: a unit or count literal or, when `any_word`,
// an English word (queueごとに, 1 seagullごとに).
bool LeftReader::DenominatorEndingAt(std::size_t end, bool any_word, Denominator& den) const {
  if (const LexEntry* e = lex_.MatchEndingAt(line_, end, LexRole::kUnit)) {
    den = {end - e->text.size(), lex_.unit(*e).per_name, lex_.unit(*e).IsTime()};
    return true;
  }
  std::size_t start = end;
  while (start > 0 && IsLetter(line_[start - 1])) --start;
  if (!any_word || end - start < 2) return false;
  den = {start, Singular(line_.substr(start, end - start)), false};
  return true;
}

// Returns true when a rate marker that is not time-only (あたり, ごとに) ends just before `pos`.
bool LeftReader::FollowsRateMarker(std::size_t pos) const {
  const LexEntry* marker = lex_.MatchEndingAt(line_, SkipSpacesBack(line_, pos), LexRole::kRateBefore);
  return marker != nullptr && !marker->time_only;
}

// Returns where the denominator starts with its number: "1日に" starts at its 1, "GBあたり" at G.
// Returns npos when another number is written (5秒ごとに, 100万リクエストあたり), or when
// `needs_one` and no 1 is written.
std::size_t LeftReader::DenominatorStart(const Denominator& den, bool needs_one) const {
  const bool spaced = den.begin > 0 && line_[den.begin - 1] == ' ' && IsLetter(line_[den.begin]);
  const std::size_t end = spaced ? den.begin - 1 : den.begin;
  const std::size_t none = needs_one ? std::string::npos : den.begin;
  if (end == 0) return none;
  const std::size_t prev = PrevChar(line_, end);
  const char32_t cp = CodePointAt(line_, prev);
  if (!NumberStartsAt(line_, prev) && cp != U'万' && cp != U'億' && cp != U'兆') return none;
  if (line_[prev] != '1') return std::string::npos;
  if (prev == 0) return prev;
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
  std::size_t begin = DenominatorStart(den, marker == nullptr);  // "1日" alone needs its 1
  if (begin == std::string::npos && marker == nullptr && FollowsRateMarker(den.begin)) {
    begin = den.begin;  // 1TBあたり月 $23: a second denominator after the first one's marker
  }
  if (begin == std::string::npos) return false;
  rate = {begin, den.per, marker == nullptr};
  return true;
}

// True when a rate word ends at `end` that is no unit's tail: 月額, 毎月, 月; not the 月 of ヶ月.
bool LeftReader::RateWordTopicEndingAt(std::size_t end) const {
  const LexEntry* word = lex_.RateWordEndingAt(line_, end);
  if (word == nullptr) return false;
  const LexEntry* unit = lex_.MatchEndingAt(line_, end, LexRole::kUnit);
  return unit == nullptr || unit->text.size() <= word->text.size();
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

LeftContext LeftReader::Read(std::size_t begin) const {
  LeftContext left;
  std::size_t pos = SkipSpacesBack(line_, begin);
  for (int i = 0; i < 2; ++i) {
    const LexEntry* q = lex_.MatchEndingAt(line_, pos, LexRole::kQualifierBefore);
    if (q == nullptr) break;
    left.qualifiers.insert(left.qualifiers.begin(), q->name);
    pos = SkipSpacesBack(line_, pos - q->text.size());
  }
  left.noun_direct = NounEndingAt(pos);
  left.noun_topic = TopicBefore(pos);
  left.topic_direct = left.noun_direct ? &lex_.unit(*left.noun_direct) : nullptr;
  left.topic = left.noun_topic ? &lex_.unit(*left.noun_topic) : nullptr;
  left.anaphor = lex_.MatchEndingAt(line_, pos, LexRole::kAnaphor) != nullptr;
  PrefixRate rate;
  for (int i = 0; i < 2 && ReadPrefixRate(pos, rate); ++i) {  // 1TBあたり月額: tb/month
    left.rates.insert(left.rates.begin(), rate);
    pos = SkipSpacesBack(line_, rate.begin);
  }
  if (left.rates.empty() && ReadTopicRate(pos, rate)) {
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

const LexEntry* CountedNounAfterNo(std::string_view line, const QuantityLexicon& lexicon, std::size_t at,
                                   std::size_t& noun_begin) {
  if (line.substr(at, kNo.size()) != kNo) return nullptr;
  std::size_t pos = at + kNo.size();
  for (std::size_t chars = 0; chars < kNounWindow && pos < line.size(); ++chars) {
    std::size_t length = 0;
    // a digit inside a Latin name does not end the search: 18,000以上のEC2インスタンス
    const bool name_digit = IsDigit(line[pos]) && pos > 0 && (IsLetter(line[pos - 1]) || IsDigit(line[pos - 1])) && pos > at + kNo.size();
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
