// Reading the [quantity.*] blocks (see quantity_rules.h). A line is `HEAD : literal {options},
// literal, …` (anaphor lines have no head, veto lines are RE2 patterns); every problem becomes a
// RuleDiagnostic pointing at the offending column, and reading goes on after it.
#include "extractor/quantity_rules.h"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <utility>

#include "extractor/normalizer.h"
#include "extractor/text_util.h"

namespace kgx {
namespace {

constexpr std::string_view kUnitKind = "quantity.unit";
constexpr std::string_view kCountKind = "quantity.count";
constexpr std::string_view kScaleKind = "quantity.scale";
constexpr std::string_view kWordKind = "quantity.word";
constexpr std::string_view kRateKind = "quantity.rate";
constexpr std::string_view kQualifierKind = "quantity.qualifier";
constexpr std::string_view kAnaphorKind = "quantity.anaphor";
constexpr std::string_view kVetoKind = "quantity.veto";
constexpr std::string_view kDurationPairKind = "quantity.duration_pair";

struct Option {
  std::string key;
  std::string value;
  std::size_t offset = 0;  // in the line text
};

struct LiteralSpec {
  std::string text;        // normalized
  std::size_t offset = 0;  // in the line text
  std::vector<Option> options;
};

// Returns `s` parsed as a finite positive number ("1e6", "0.001", "1024"), or a negative value.
double ParsePositive(std::string_view s) {
  double value = -1;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value) || value <= 0) return -1;
  return value;
}

// Returns true for names made of lower-case ASCII letters, digits, spaces and '_'.
bool IsLowerName(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '_')) return false;
  }
  return true;
}

// Returns the blank-separated words of `s`.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

class RuleReader {
 public:
  RuleReader(QuantityLexicon& lexicon, std::vector<VetoPattern>& vetoes,
             std::vector<RuleDiagnostic>& diagnostics)
      : lexicon_(lexicon), vetoes_(vetoes), diagnostics_(diagnostics) {}

  void ReadBlock(const RuleBlock& block);
  void ResolveWords();
  void ResolveDurationPairs();
  // The unit a pending number word or duration pair names (defined in any block or file), or
  // nullptr with an error at `where`: "unknown unit 'L' in USE; define it in DEFINE_IN".
  const LexEntry* PendingUnit(const std::string& literal, const Location& where, std::string_view use,
                              std::string_view define_in);
  bool ok() const { return !failed_; }

 private:
  struct PendingWord {
    LexEntry entry;
    std::string unit_literal;
    Location where;
  };
  struct PendingPair {
    DurationPair pair;
    std::string unit_literal;
    Location head;   // of the line
    Location where;  // of the unit literal
  };

  void Report(const RuleLine& line, std::size_t offset, std::string message, bool is_error = true);
  bool SplitHead(const RuleLine& line, std::string_view& head, std::size_t& literals_at);
  std::vector<LiteralSpec> ReadLiterals(const RuleLine& line, std::size_t from);
  bool ReadLiteral(const RuleLine& line, std::string_view piece, std::size_t offset, LiteralSpec& out);
  bool CheckOptions(const RuleLine& line, const LiteralSpec& literal, std::string_view kind,
                    std::initializer_list<std::string_view> allowed);
  bool ApplyCommonOptions(const RuleLine& line, const LiteralSpec& literal, LexEntry& entry);
  void Add(const RuleLine& line, const LiteralSpec& literal, LexEntry entry);

  void ReadUnitLine(const RuleBlock& block, const RuleLine& line, bool count);
  void ReadScaleLine(const RuleLine& line);
  void ReadWordLine(const RuleLine& line);
  void ReadQualifierLine(const RuleLine& line);
  void ReadRateLine(const RuleLine& line);
  void ReadAnaphorLine(const RuleLine& line);
  void ReadDurationPairLine(const RuleLine& line);

  QuantityLexicon& lexicon_;
  std::vector<VetoPattern>& vetoes_;
  std::vector<RuleDiagnostic>& diagnostics_;
  std::vector<PendingWord> pending_words_;
  std::vector<PendingPair> pending_pairs_;
  bool failed_ = false;
};

void RuleReader::Report(const RuleLine& line, std::size_t offset, std::string message, bool is_error) {
  Location where = line.where;
  where.column += offset;
  diagnostics_.push_back({std::move(where), std::move(message), is_error});
  failed_ = failed_ || is_error;
}

bool RuleReader::SplitHead(const RuleLine& line, std::string_view& head, std::size_t& literals_at) {
  const std::string_view text = line.text;
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    Report(line, 0, "missing ':' between the head and the literals");
    return false;
  }
  head = TrimAscii(text.substr(0, colon));
  literals_at = colon + 1;
  return true;
}

bool RuleReader::ReadLiteral(const RuleLine& line, std::string_view piece, std::size_t offset,
                             LiteralSpec& out) {
  const std::size_t lead = piece.find_first_not_of(" \t");
  if (lead == std::string_view::npos) {
    Report(line, offset, "empty literal");
    return false;
  }
  piece.remove_prefix(lead);
  offset += lead;
  piece = TrimAscii(piece);
  const std::size_t brace = piece.find('{');
  const std::string_view text = TrimAscii(piece.substr(0, brace));
  if (text.empty()) {
    Report(line, offset, "empty literal");
    return false;
  }
  out.text = Normalize(text).text;
  out.offset = offset;
  if (brace == std::string_view::npos) return true;
  const std::size_t close = piece.find('}', brace);
  if (close == std::string_view::npos) {
    Report(line, offset + brace, "unclosed '{' in the options of '" + std::string(text) + "'");
    return false;
  }
  if (close + 1 != piece.size()) {
    Report(line, offset + close + 1, "unexpected text after '}'");
    return false;
  }
  std::size_t start = brace + 1;
  while (start <= close) {
    std::size_t stop = piece.find(',', start);
    if (stop == std::string_view::npos || stop > close) stop = close;
    const std::string_view raw = piece.substr(start, stop - start);
    const std::string_view option = TrimAscii(raw);
    const std::size_t at = offset + start + raw.find_first_not_of(" \t");
    if (option.empty()) {
      Report(line, offset + start, "empty option in '{…}'");
      return false;
    }
    const std::size_t equals = option.find('=');
    Option parsed{std::string(TrimAscii(option.substr(0, equals))), "", at};
    if (equals != std::string_view::npos) parsed.value = std::string(TrimAscii(option.substr(equals + 1)));
    out.options.push_back(std::move(parsed));
    start = stop + 1;
  }
  return true;
}

std::vector<LiteralSpec> RuleReader::ReadLiterals(const RuleLine& line, std::size_t from) {
  std::vector<LiteralSpec> literals;
  const std::string_view text = line.text;
  if (TrimAscii(text.substr(from)).empty()) {
    Report(line, from, "no literals after ':'");
    return literals;
  }
  std::size_t start = from;
  int depth = 0;
  for (std::size_t i = from; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ',';
    if (c == '{') ++depth;
    if (c == '}' && depth > 0) --depth;
    if (c != ',' || (depth > 0 && i < text.size())) continue;
    LiteralSpec literal;
    if (ReadLiteral(line, text.substr(start, i - start), start, literal)) literals.push_back(std::move(literal));
    start = i + 1;
    depth = 0;
  }
  return literals;
}

bool RuleReader::CheckOptions(const RuleLine& line, const LiteralSpec& literal, std::string_view kind,
                              std::initializer_list<std::string_view> allowed) {
  bool good = true;
  for (const Option& option : literal.options) {
    bool known = false;
    for (const std::string_view name : allowed) known = known || option.key == name;
    if (!known) {
      std::string list;
      for (const std::string_view name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
      Report(line, option.offset,
             "unknown option '" + option.key + "' in [" + std::string(kind) + "]; allowed: " + list);
      good = false;
      continue;
    }
    const bool wants_value =
        option.key == "per" || option.key == "line" || option.key == "then" || option.key == "not_after";
    if (wants_value && option.value.empty()) {
      Report(line, option.offset, "option '" + option.key + "' needs a value: " + option.key + "=…");
      good = false;
    } else if (!wants_value && !option.value.empty()) {
      Report(line, option.offset, "option '" + option.key + "' takes no value");
      good = false;
    }
  }
  return good;
}

bool RuleReader::ApplyCommonOptions(const RuleLine& line, const LiteralSpec& literal, LexEntry& entry) {
  for (const Option& option : literal.options) {
    if (option.key == "case") entry.case_sensitive = true;
    if (option.key == "digits") entry.digits_only = true;
    if (option.key == "per_only") entry.per_only = true;
    if (option.key == "spaced") entry.spaced = true;
    if (option.key == "prefix") entry.role = LexRole::kPrefixUnit;
    if (option.key == "time") entry.time_only = true;
    if (option.key == "noun_before") entry.noun_before = true;
    if (option.key == "heads") entry.heads = true;
    if (option.key == "group") entry.group = true;
    if (option.key == "per") {
      if (!IsLowerName(option.value)) {
        Report(line, option.offset, "per name '" + option.value + "' must be lower-case ASCII");
        return false;
      }
      entry.implied_per = option.value;
    }
    if (option.key != "line" && option.key != "then" && option.key != "not_after") continue;
    std::vector<std::string>& into = option.key == "line"   ? entry.line_words
                                     : option.key == "then" ? entry.then_words
                                                            : entry.not_after_words;
    std::string_view words = option.value;
    while (true) {
      const std::size_t bar = words.find('|');
      const std::string_view word = TrimAscii(words.substr(0, bar));
      if (word.empty()) {
        Report(line, option.offset, "empty word in option '" + option.key + "'");
        return false;
      }
      into.push_back(AsciiLowerCopy(Normalize(word).text));
      if (bar == std::string_view::npos) break;
      words.remove_prefix(bar + 1);
    }
  }
  return true;
}

void RuleReader::Add(const RuleLine& line, const LiteralSpec& literal, LexEntry entry) {
  Location where = line.where;
  where.column += literal.offset;
  entry.where = where.ToString();
  if (const LexEntry* earlier = lexicon_.AddEntry(std::move(entry))) {
    Report(line, literal.offset,
           "literal '" + literal.text + "' is already defined at " + earlier->where +
               "; the first definition is used",
           false);
  }
}

void RuleReader::ReadUnitLine(const RuleBlock& block, const RuleLine& line, bool count) {
  std::string_view head;
  std::size_t literals_at = 0;
  if (!SplitHead(line, head, literals_at)) return;
  UnitDef def;
  def.is_count = count;
  if (count) {
    def.unit = std::string(head);
  } else {
    const std::size_t equals = head.find('=');
    if (equals == std::string_view::npos) {
      Report(line, 0, "expected 'name = factor' before ':'");
      return;
    }
    const std::string_view factor = TrimAscii(head.substr(equals + 1));
    def.unit = block.argument;
    def.factor = ParsePositive(factor);
    if (def.factor < 0) {
      Report(line, static_cast<std::size_t>(factor.data() - line.text.data()),
             "bad factor '" + std::string(factor) + "': expected a number such as 1e6 or 0.001");
      return;
    }
    head = TrimAscii(head.substr(0, equals));
  }
  if (!IsLowerName(head)) {
    Report(line, 0, "name '" + std::string(head) + "' must be lower-case ASCII letters, digits, spaces or '_'");
    return;
  }
  def.per_name = std::string(head);
  int plain = -1;
  int counter = -1;
  const std::string_view kind = count ? kCountKind : kUnitKind;
  for (const LiteralSpec& literal : ReadLiterals(line, literals_at)) {
    const bool ok = count ? CheckOptions(line, literal, kind, {"case", "digits", "per_only", "counter", "per", "line", "noun_before", "heads", "group"})
                          : CheckOptions(line, literal, kind, {"case", "digits", "per_only", "prefix", "per", "line", "spaced"});
    LexEntry entry;
    if (!ok || !ApplyCommonOptions(line, literal, entry)) continue;
    bool is_counter = false;
    for (const Option& option : literal.options) is_counter = is_counter || option.key == "counter";
    int& index = is_counter ? counter : plain;
    if (index < 0) {
      UnitDef copy = def;
      copy.is_counter = is_counter;
      index = lexicon_.AddUnit(std::move(copy));
    }
    entry.text = literal.text;
    if (entry.role != LexRole::kPrefixUnit) entry.role = LexRole::kUnit;
    entry.def = index;
    Add(line, literal, std::move(entry));
  }
}

void RuleReader::ReadScaleLine(const RuleLine& line) {
  std::string_view head;
  std::size_t literals_at = 0;
  if (!SplitHead(line, head, literals_at)) return;
  const double factor = ParsePositive(head);
  if (factor < 0) {
    Report(line, 0, "bad factor '" + std::string(head) + "': expected a number such as 1e6 or 0.001");
    return;
  }
  for (const LiteralSpec& literal : ReadLiterals(line, literals_at)) {
    LexEntry entry;
    if (!CheckOptions(line, literal, kScaleKind, {"case"}) || !ApplyCommonOptions(line, literal, entry)) continue;
    entry.text = literal.text;
    entry.role = LexRole::kScale;
    entry.number = factor;
    Add(line, literal, std::move(entry));
  }
}

void RuleReader::ReadWordLine(const RuleLine& line) {
  std::string_view head;
  std::size_t literals_at = 0;
  if (!SplitHead(line, head, literals_at)) return;
  const std::vector<std::string_view> words = Words(head);
  if (words.size() != 2) {
    Report(line, 0, "expected 'value unit' before ':', as in '0.5 倍 : 半分'");
    return;
  }
  const double value = ParsePositive(words[0]);
  if (value < 0) {
    Report(line, 0, "bad value '" + std::string(words[0]) + "': expected a number such as 0.5");
    return;
  }
  for (const LiteralSpec& literal : ReadLiterals(line, literals_at)) {
    LexEntry entry;
    if (!CheckOptions(line, literal, kWordKind, {"case", "then"}) || !ApplyCommonOptions(line, literal, entry)) continue;
    entry.text = literal.text;
    entry.role = LexRole::kWord;
    entry.number = value;
    Location where = line.where;
    where.column += literal.offset;
    entry.where = where.ToString();
    Location unit_where = line.where;
    unit_where.column += static_cast<std::size_t>(words[1].data() - line.text.data());
    pending_words_.push_back({std::move(entry), Normalize(words[1]).text, unit_where});
  }
}

void RuleReader::ReadQualifierLine(const RuleLine& line) {
  std::string_view head;
  std::size_t literals_at = 0;
  if (!SplitHead(line, head, literals_at)) return;
  const std::vector<std::string_view> words = Words(head);
  if (words.size() != 2 || (words[1] != "before" && words[1] != "after") || !IsLowerName(words[0])) {
    Report(line, 0, "expected 'name before' or 'name after' before ':'");
    return;
  }
  for (const LiteralSpec& literal : ReadLiterals(line, literals_at)) {
    LexEntry entry;
    if (!CheckOptions(line, literal, kQualifierKind, {"case"}) || !ApplyCommonOptions(line, literal, entry)) continue;
    entry.text = literal.text;
    entry.role = words[1] == "before" ? LexRole::kQualifierBefore : LexRole::kQualifierAfter;
    entry.name = std::string(words[0]);
    Add(line, literal, std::move(entry));
  }
}

void RuleReader::ReadRateLine(const RuleLine& line) {
  std::string_view head;
  std::size_t literals_at = 0;
  if (!SplitHead(line, head, literals_at)) return;
  const std::vector<std::string_view> words = Words(head);
  LexRole role = LexRole::kRateWord;
  if (words.size() == 1 && words[0] == "after") {
    role = LexRole::kRateAfter;
  } else if (words.size() == 1 && words[0] == "before") {
    role = LexRole::kRateBefore;
  } else if (!(words.size() == 2 && words[0] == "word" && IsLowerName(words[1]))) {
    Report(line, 0, "expected 'after', 'before' or 'word NAME' before ':'");
    return;
  }
  for (const LiteralSpec& literal : ReadLiterals(line, literals_at)) {
    LexEntry entry;
    if (!CheckOptions(line, literal, kRateKind, {"case", "time", "not_after"}) || !ApplyCommonOptions(line, literal, entry)) continue;
    entry.text = literal.text;
    entry.role = role;
    if (role == LexRole::kRateWord) entry.name = std::string(words[1]);
    Add(line, literal, std::move(entry));
  }
}

void RuleReader::ReadAnaphorLine(const RuleLine& line) {
  for (const LiteralSpec& literal : ReadLiterals(line, 0)) {
    LexEntry entry;
    if (!CheckOptions(line, literal, kAnaphorKind, {"case"}) || !ApplyCommonOptions(line, literal, entry)) continue;
    entry.text = literal.text;
    entry.role = LexRole::kAnaphor;
    Add(line, literal, std::move(entry));
  }
}

// `larger smaller : unit`, as `h m : min`: one ASCII letter each, and one literal of a time unit.
void RuleReader::ReadDurationPairLine(const RuleLine& line) {
  std::string_view head;
  std::size_t literals_at = 0;
  if (!SplitHead(line, head, literals_at)) return;
  const std::vector<std::string_view> words = Words(head);
  const auto one_letter = [](std::string_view word) {
    return word.size() == 1 && ((word[0] >= 'a' && word[0] <= 'z') || (word[0] >= 'A' && word[0] <= 'Z'));
  };
  if (words.size() != 2 || !one_letter(words[0]) || !one_letter(words[1])) {
    Report(line, 0, "expected 'larger smaller' before ':', one ASCII letter each, as in 'h m : min'");
    return;
  }
  const std::vector<LiteralSpec> literals = ReadLiterals(line, literals_at);
  if (literals.empty()) return;  // already reported
  if (literals.size() > 1) {
    Report(line, literals[1].offset, "expected one unit after ':', as in 'h m : min'");
    return;
  }
  if (!literals[0].options.empty()) {
    Report(line, literals[0].options[0].offset, "the unit of a duration pair takes no options");
    return;
  }
  Location where = line.where;
  where.column += static_cast<std::size_t>(words[0].data() - line.text.data());
  Location unit_where = line.where;
  unit_where.column += literals[0].offset;
  pending_pairs_.push_back({DurationPair{words[0][0], words[1][0], -1, where.ToString()}, literals[0].text, where, unit_where});
}

void RuleReader::ReadBlock(const RuleBlock& block) {
  const bool is_unit = block.kind == kUnitKind;
  if (is_unit && !IsLowerName(block.argument)) {
    diagnostics_.push_back({block.where,
                            "block [quantity.unit] needs the lower-case unit it measures, as in [quantity.unit byte]",
                            true});
    failed_ = true;
    return;
  }
  if (!is_unit && !block.argument.empty()) {
    diagnostics_.push_back({block.where, "block [" + block.kind + "] takes no argument", true});
    failed_ = true;
    return;
  }
  for (const RuleLine& line : block.lines) {
    if (is_unit || block.kind == kCountKind) ReadUnitLine(block, line, !is_unit);
    if (block.kind == kScaleKind) ReadScaleLine(line);
    if (block.kind == kWordKind) ReadWordLine(line);
    if (block.kind == kQualifierKind) ReadQualifierLine(line);
    if (block.kind == kRateKind) ReadRateLine(line);
    if (block.kind == kAnaphorKind) ReadAnaphorLine(line);
    if (block.kind == kVetoKind) vetoes_.push_back({line.text, line.where});
    if (block.kind == kDurationPairKind) ReadDurationPairLine(line);
  }
}

const LexEntry* RuleReader::PendingUnit(const std::string& literal, const Location& where, std::string_view use,
                                        std::string_view define_in) {
  const LexEntry* unit = lexicon_.FindUnitLiteral(literal);
  if (unit != nullptr && !unit->per_only) return unit;
  diagnostics_.push_back({where, "unknown unit '" + literal + "' in " + std::string(use) + "; define it in " + std::string(define_in), true});
  failed_ = true;
  return nullptr;
}

void RuleReader::ResolveWords() {
  for (PendingWord& word : pending_words_) {
    const LexEntry* unit = PendingUnit(word.unit_literal, word.where, "a number word", "a [quantity.unit] or [quantity.count] block");
    if (unit == nullptr) continue;
    word.entry.def = unit->def;
    const std::string where = word.entry.where;
    const std::string text = word.entry.text;
    if (const LexEntry* earlier = lexicon_.AddEntry(std::move(word.entry))) {
      diagnostics_.push_back({word.where,
                              "literal '" + text + "' is already defined at " + earlier->where +
                                  "; the first definition is used",
                              false});
    }
  }
  pending_words_.clear();
}

// After every block: the unit of a pair may be defined in a later block or file.
void RuleReader::ResolveDurationPairs() {
  for (PendingPair& pending : pending_pairs_) {
    const LexEntry* unit = PendingUnit(pending.unit_literal, pending.where, "a duration pair", "a [quantity.unit second] block");
    if (unit == nullptr) continue;
    if (!lexicon_.unit(*unit).IsTime()) {
      diagnostics_.push_back({pending.where,
                              "unit '" + pending.unit_literal + "' of a duration pair is no duration; use a literal of "
                              "[quantity.unit second]",
                              true});
      failed_ = true;
      continue;
    }
    pending.pair.def = unit->def;
    const std::string where = pending.pair.where;
    const char larger = pending.pair.larger;
    if (const DurationPair* earlier = lexicon_.AddDurationPair(std::move(pending.pair))) {
      diagnostics_.push_back({pending.head,
                              std::string("duration pair for '") + larger + "' is already defined at " + earlier->where +
                                  "; the first definition is used",
                              false});
    }
  }
  pending_pairs_.clear();
}

}  // namespace

bool IsQuantityBlockKind(std::string_view kind) {
  return kind == kUnitKind || kind == kCountKind || kind == kScaleKind || kind == kWordKind ||
         kind == kRateKind || kind == kQualifierKind || kind == kAnaphorKind || kind == kVetoKind ||
         kind == kDurationPairKind;
}

bool CompileQuantityRules(const std::vector<RuleBlock>& blocks, QuantityLexicon& lexicon,
                          std::vector<VetoPattern>& vetoes, std::vector<RuleDiagnostic>& diagnostics) {
  RuleReader reader(lexicon, vetoes, diagnostics);
  for (const RuleBlock& block : blocks) {
    if (IsQuantityBlockKind(block.kind)) reader.ReadBlock(block);
  }
  reader.ResolveWords();
  reader.ResolveDurationPairs();
  lexicon.Finish();
  return reader.ok();
}

}  // namespace kgx
