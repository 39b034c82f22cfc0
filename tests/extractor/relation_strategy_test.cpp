// The fast relation matcher against the plain one (STYLE.md's comparative tester): the shipped
// rules and rules with patterns of every shape, run both ways over many sections written from the
// words of the rules themselves, must give the same relations in the same order.
#include <catch2/catch.hpp>

#include <sstream>

#include "extractor/relation_rules.h"
#include "extractor/rule_file.h"
#include "tests/extractor/written_mentions.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace {

using Strategy = kgx::RelationRules::Strategy;

// Returns the Japanese runs and English words (two letters or more) of the rules' patterns: what
// lines must hold for the patterns to match them.
std::vector<std::string> WordsOf(const std::string& rules) {
  std::vector<std::string> words;
  std::istringstream lines(rules);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#' || line[0] == '[') continue;
    std::string word;
    const auto flush = [&] {
      if (word.size() >= 2) words.push_back(word);
      word.clear();
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      const bool japanese = c >= 0x80;
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (c == '\\') {  // an escape's letter is no word: \s, \b
        flush();
        ++i;
      } else if (japanese != (!word.empty() && static_cast<unsigned char>(word[0]) >= 0x80) && !word.empty()) {
        flush();
        --i;
      } else if (japanese || letter) {
        word += line[i];
      } else {
        flush();
      }
    }
    flush();
  }
  return words;
}

// A deterministic generator of written sections (no std distribution: the same on every library).
class Writer {
 public:
  explicit Writer(const std::vector<std::string>& words) {
    for (const std::string& word : words) (word.size() <= 6 ? short_words_ : words_).push_back(word);
  }

  // A line of mentions (alone or in lists), particles, words and punctuation.
  std::string Line() {
    static const char* const kGlue[] = {" ", "、", "。", ",", " - ", ": ", "(", ")", "2.5TB", "$"};
    static const char* const kMentions[] = {"[t:Kafka]", "[t:Spark]", "[a:Amazon S3]", "[a:ECS]",
                                            "[c:Netflix]", "[c:メルカリ]", "[p:Jane Doe]", "[t:Docker]"};
    static const char* const kSeparators[] = {"と", " と ", ", ", "や", " and ", "/"};
    std::string line = Next(4) == 0 ? "- " : "";
    const std::size_t tokens = 2 + Next(10);
    for (std::size_t t = 0; t < tokens; ++t) {
      const std::size_t kind = Next(20);
      if (kind < 7) {
        line += kMentions[Next(std::size(kMentions))];
        if (Next(4) == 0) line += std::string(kSeparators[Next(std::size(kSeparators))]) + kMentions[Next(std::size(kMentions))];
      } else if (kind < 13) {
        line += short_words_[Next(short_words_.size())];
      } else if (kind < 17) {
        line += words_[Next(words_.size())];
      } else {
        line += kGlue[Next(std::size(kGlue))];
      }
      if (Next(4) == 0) line += " ";
    }
    return line;
  }

  std::size_t Next(std::size_t bound) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state_ >> 33) % bound;
  }

 private:
  std::vector<std::string> short_words_, words_;  // particles (two characters at most) and the rest
  unsigned long long state_ = 42;
};

// Lines written by hand for what random ones rarely hold: each is run as a talk's header and as
// its body line.
const std::vector<std::string> kWrittenLines = {
    "(CMP305) [c:クックパッド]における [a:ECS] と [a:Fargate] の使い分け",
    "[c:クックパッド]での[t:Kafka]の話",
    "スピンロックを[t:futex]に、",
    "[a:S3]には 25PB",
    "データストアは主に [a:DynamoDB]、",
    "- [t:Go], [t:Docker], [t:CoreOS].",
    "[c:Netflix]は[t:Kafka]を使って",
    "[t:Hive] から [t:Presto] に移行",
    "[c:Example] ON [t:Kafka]",
    "[a:Lambda] is used by [c:Example]",
    "Running [t:Spark] and [t:Presto] on [a:Amazon EMR]",
    "[t:Go]、[a:S3]、[c:メルカリ]と[t:Kafka]を使って",
    "[c:Netflix]は[t:Go]や[a:S3]も[t:Kafka]ベース",
    "[t:Kafka]と[t:Spark]で[a:S3]と[t:Go]を構築した",
    "[t:Kafka]と[t:Spark]と[t:Go]を比較して移行",
    "[t:Hive]、[t:Presto] [a:EMR]に移行",
    "[c:Netflix] の CTO [p:Jane Doe]",
    // Two role patterns over one company: the second finds it taken and reads no role.
    "[c:Acme] CTO [p:Jane Doe]",
    "[p:Ann Lee], CTO at [c:Globex]",
    // Markers before and after a laid-out match, which its object and subject are not.
    "[t:Kafka]の話: [c:Acme]は[t:Kafka]を使って [t:Go] へ",
    "with [t:Go] on [a:ECS], [c:Acme] CTO [p:Jane Doe] and [t:Rust]",
};

// Runs both strategies of `rules_text` over kWrittenLines and `sections` generated sections;
// returns how many relations they found (the same, or the test fails).
std::size_t CompareStrategies(const std::string& rules_text, std::size_t sections) {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  auto blocks = kgx::ParseRuleText(rules_text, "test.rules", diagnostics);
  kgx::ExpandPatternDefines(blocks, diagnostics);
  const auto fast = kgx::RelationRules::Compile(blocks, diagnostics, Strategy::kFast);
  const auto plain = kgx::RelationRules::Compile(blocks, diagnostics, Strategy::kPlain);
  REQUIRE(fast);
  REQUIRE(plain);
  Writer writer(WordsOf(rules_text));
  std::size_t found = 0;
  for (std::size_t s = 0; s < kWrittenLines.size() + sections; ++s) {
    std::vector<kgx::test::WrittenLine> written;
    if (s < kWrittenLines.size()) {
      written.assign(2, kgx::test::ReadWritten(kWrittenLines[s]));
    } else {
      const std::size_t lines = 1 + writer.Next(5);
      for (std::size_t l = 0; l < lines; ++l) written.push_back(kgx::test::ReadWritten(writer.Line()));
      // Now and then a long line among them, which the fast strategy scans on its own.
      if (writer.Next(16) == 0) {
        std::string long_line;
        while (long_line.size() < 12000) long_line += writer.Line() + " ";
        written.insert(written.begin() + static_cast<std::ptrdiff_t>(writer.Next(written.size() + 1)),
                       kgx::test::ReadWritten(long_line));
      }
    }
    kgx::RelationSection section;
    section.kind = s < kWrittenLines.size() ? kgx::SectionKind::kTalk : static_cast<kgx::SectionKind>(s % 3);
    for (const auto& line : written) {
      std::vector<kgx::TypedMention> mentions;
      for (const auto& m : line.mentions) mentions.push_back({m.begin, m.end, m.type});
      section.lines.push_back({line.text, std::move(mentions)});
    }
    const auto expected = plain->ApplySection(section);
    const auto actual = fast->ApplySection(section);
    REQUIRE(actual.size() == expected.size());
    for (std::size_t r = 0; r < actual.size(); ++r) {
      INFO("section " << s << ", line " << expected[r].line << ": " << written[expected[r].line].text);
      CHECK(actual[r].predicate == expected[r].predicate);
      CHECK(actual[r].subject == expected[r].subject);
      CHECK(actual[r].object == expected[r].object);
      CHECK(actual[r].role == expected[r].role);
      CHECK(actual[r].line == expected[r].line);
    }
    found += expected.size();
  }
  return found;
}

}  // namespace

TEST_CASE("the fast strategy relates what the plain one does with the shipped rules", "[relations][strategy]") {
  const std::string rules = kgx::testing::ShippedRuleText("defines.rules") + "\n" +
                            kgx::testing::ShippedRuleText("relations.rules");
  REQUIRE(rules.find("[relation ") != std::string::npos);
  CHECK(CompareStrategies(rules, 8000) > 1000);
}

TEST_CASE("the fast strategy relates what the plain one does with patterns of every shape", "[relations][strategy]") {
  // Japanese and English; placeholders at either end, lists, optional and repeated parts, vetoes,
  // and what the fast paths must leave to RE2: alternations, flags, classes, a define with RE2's
  // braces, a define holding a placeholder; placeholders inside groups (a named list, alternatives,
  // an optional marker).
  const std::string rules = R"([define separator]
,
と
\band\b

[define braces]
x{2}

[define named]
{company}

[relation uses]
@unless_line お客様|(?i:\bcustomers?\b)
を\s*{object:technology|aws_service}\s*に\s*(?:[、,。]|$|変更)
{object:aws_service|technology}\s*(?:に|には)\s*[0-9][0-9.,]*\s*(?:[KMGTPE]i?B)\b
{subject:company}\s*社?\s*(?:における|での)\s*{objects:aws_service|technology}\s*の
{object:technology}\s*(?:で|を)?\s*(?:使って|構築)
{object:company}\s*:|{object:technology}\s*-
(?i){object:technology}\s+ON
{object:technology}+\s*と
{subject:company}\s*は\s*{object:any}\s*を\s*使って
{=braces}{object:technology}
{=named}\s*{object:technology}
(?i:\brunning)\s+{objects:aws_service|technology}
{object:aws_service}\s+(?:is|are)\s+used\s+by\s+{subject:company}
[^\s、。\x{E000}\x{E001}]{2,}(?:は|には)\s*(?:全部|主に)?\s*{object:aws_service|technology}\s*(?:[、,。]|$)
{each:technology}
^[\s\-*+•]*(?P<objects>{aws_service|technology}(?:\s*{=separator}\s*{aws_service|technology})+)\s*[.。]?\s*$
(?:{aws_service|technology}\s*を|より)\s*{object:company}\s*の
{object:technology}(?:\s+{technology})?\s*に

[relation migrated_to]
@after 候補|(?i:options)
(?:^|[^\x{E001}\s])\s*{object:aws_service|technology}\s*(?:に|を)\s*(?:した|決め)
(?:から|より)\s*{objects:aws_service|technology}\s*(?:に|へ)\s*移行
)";
  CHECK(CompareStrategies(rules, 1500) > 300);
}

TEST_CASE("the fast strategy searches a line for further matches only where one may relate something", "[relations][strategy]") {
  // Patterns that match many times on a line, so that the fast strategy's gate on the rest of the
  // line after a match (the mentions a further match needs) decides often, and patterns whose
  // subject or object is counted back from the last marker of a match: one or two mentions,
  // of one type or more, lists, an optional object, {each:…}, and a hand-written (?P<object>…)
  // that captures text, which the gate must leave alone. Japanese and English.
  const std::string rules = R"([define separator]
,
と
や
\band\b

[relation uses]
{object:technology}\s*(?:と|,|や)
{subject:company}\s*(?:は|の)\s*{object:technology|aws_service}
{subject:company}\s*の\s*(?:{object:technology})?\s*(?:を|と|で)
(?P<object>Kafka|Spark|Docker)\s*(?:を|と|,)
{objects:aws_service|technology}\s*(?:を|で|and)
{aws_service}\s*(?:の|,)\s*{each:technology}
(?P<objects>(?:{technology}\s*,?\s*)+)\s*(?:を|に)
(?i)\busing\s+{object:any}
{object:technology}\s+(?:on|and|with)\s+{aws_service}

[relation migrated_from]
{subject:company}\s*(?:は|も)[^。]*?{object:aws_service|technology}\s*(?:の)?\s*(?:を|で|ベース)
{aws_service|technology}[^.。]{0,30}?(?i:\bon)\s+{object:aws_service|technology}\s*(?:[.。,]|$)
.*{subject:company}\s*(?:の|と)\s*{object:technology}\s*(?:を|,)

[relation announced]
{subject:company}.*?{object:aws_service}
(?:^|\s){object:person}\s*(?:さん|:)
)";
  CHECK(CompareStrategies(rules, 3000) > 1000);
}

TEST_CASE("the fast strategy tries a pattern that begins with a marker at each such marker in turn", "[relations][strategy]") {
  // Every match of these begins with a marker, so the fast strategy runs them anchored at each
  // marker of the leading types and takes the first that matches as the leftmost match: lines
  // where the first such marker gives no match and a later one does, markers of other types
  // between them, alternatives of different lengths at one start (lazy and greedy), leading
  // lists and groups, and assertions beside the marker (\b, $). Japanese and English.
  const std::string rules = R"([define separator]
,
と
\band\b

[relation uses]
{object:technology}\s*を\s*(?:使って|使い|採用)
{subject:company}\s*(?:は|が)[^。]*?{object:technology|aws_service}\s*(?:を|で)
{subject:company}\s*(?:は|が)[^。]*{object:technology|aws_service}\s*(?:に|へ)
(?:{object:aws_service}|{object:technology})\s*(?:上で|の上に)
{objects:technology|aws_service}\s*(?:で|を)\s*(?:構築|運用)
{object:technology}\s+\b(?i:(?:is|was)\s+(?:used|adopted))\b
{subject:company}\s+(?i:runs)\s+{object:any}\s*$
{object:aws_service}(?:\s+(?:and|と)\s+{technology})?\s*(?:に|を)\s*(?:移行|保存)
)";
  CHECK(CompareStrategies(rules, 3000) > 400);

  std::vector<kgx::RuleDiagnostic> diagnostics;
  auto blocks = kgx::ParseRuleText(rules, "test.rules", diagnostics);
  kgx::ExpandPatternDefines(blocks, diagnostics);
  const auto fast = kgx::RelationRules::Compile(blocks, diagnostics, Strategy::kFast);
  REQUIRE(fast);
  const auto objects = [&](const std::string& written) {
    const auto line = kgx::test::ReadWritten(written);
    std::vector<kgx::TypedMention> mentions;
    for (const auto& m : line.mentions) mentions.push_back({m.begin, m.end, m.type});
    std::vector<std::string> names;
    for (const auto& match : fast->Apply(line.text, mentions)) names.push_back(line.mentions[static_cast<std::size_t>(match.object)].name);
    return names;
  };
  // The first technology gives no match, the second does.
  CHECK(objects("[t:Kafka] と [t:Spark] を使って集計") == std::vector<std::string>{"Spark"});
  CHECK(objects("[t:Kafka] was tried, [t:Spark] is used") == std::vector<std::string>{"Spark"});
  // More misses than the anchored tries: the rest of the line is searched unanchored.
  CHECK(objects("[t:A]、[t:B]、[t:C]、[t:D]、[t:E] と [t:F] を使って、[t:G] と [t:H] を採用") == std::vector<std::string>{"F", "H"});
  // No technology with を after it, nor one used.
  CHECK(objects("[t:Kafka] と [t:Spark] の比較") == std::vector<std::string>{});
  CHECK(objects("[t:Kafka] was tried, [t:Spark] too") == std::vector<std::string>{});
}

TEST_CASE("the fast strategy reads role groups and lists with a trailing marker as RE2 does", "[relations][strategy]") {
  // Patterns whose groups the marker layout leaves open, read from the markers and small RE2s
  // (GroupReader): a role between the object and the subject, before them or after them, with
  // alternatives of different lengths and lazy parts; a list followed by an optional marker, whose
  // last marker belongs to the list only when a separator stands before it, and one object so
  // followed; a list followed by text that may hold markers; and shapes the reader
  // must leave to RE2 (an optional subject, a role after an optional marker, a list with a lazy
  // optional marker, a hand-written (?P<objects>…)). Japanese and English.
  const std::string rules = R"([define separator]
,
と
や
\band\b

[define role]
CTO
CEO
VPoE
エンジニア
(?i:senior\s+)?engineer

[define move_verb]
移行
(?i:moved)

[relation role_at]
{object:company}\s*(?:株式会社|社)?\s*の?\s*(?:[^、,。\s\x{E000}\x{E001}]{1,15}?\s*)??(?P<role>{=role})\s*(?:の|、|,|:)?\s*{subject:person}
{subject:person}\s*(?:さん)?\s*[,(、]\s*(?P<role>{=role}(?:\s*(?:&|/|and)\s*{=role})?)\s*(?:at|@|、)\s*{object:company}
(?P<role>{=role})\s*(?:of|の)\s*{object:company}\s*,?\s*{subject:person}
{subject:person}\s*[(（]\s*{object:company}\s*(?P<role>[^\s()（）\x{E000}\x{E001}]{0,8}?(?:{=role})?)\s*[)）]
(?:{subject:person}\s*)?(?P<role>{=role})\s+at\s+{object:company}
{object:company}\s*(?:{technology}\s*)?(?P<role>{=role})\s*{subject:person}

[relation migrated_to]
(?:^|[^\x{E001}\s])\s*{objects:aws_service|technology}(?:\s+{aws_service|technology})?\s*(?:に|へ|(?i:\bto\b))?\s*{=move_verb}
(?:から|より)\s*{objects:aws_service|technology}(?:\s*で\s*{technology})?\s*(?:に|へ)\s*{=move_verb}
{objects:aws_service|technology}\s*で\s*[^、。]{0,30}?(?:{=move_verb}|構築|(?i:\bdeployed\b))
{objects:aws_service|technology}\s*(?:と|with)\s*[^と、。\s]+\s*を比較して\s*{=move_verb}
(?:^|\s){objects:aws_service|technology}\s*(?:で|on)\s*(?:[^\s、。!?]{1,6}?(?:している|してる)|(?i:runs?))
(?i:\bto)\s+{objects:aws_service|technology}(?:\s+{technology})??\s*(?:[.。]|$)
(?:^|[^\x{E001}\s])\s*{object:technology}(?:\s+{aws_service|technology})?\s*(?:に|を|(?i:\bon\b))\s*(?:した|決め|{=move_verb})
(?P<objects>{aws_service|technology}(?:\s*,\s*{aws_service|technology})*)(?:\s+{technology})?\s*に\s*移行
)";
  CHECK(CompareStrategies(rules, 3000) > 200);
}
