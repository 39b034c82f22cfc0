// Block options of the relation rules (relation_options.h): the `@name value` lines of a block
// parsed into BlockOptions with every problem reported, shared [define] patterns used in them,
// and the line options asked of a section's lines.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/pattern_defines.h"
#include "extractor/relation_options.h"
#include "extractor/rule_file.h"

namespace {

kgx::RuleBlock Block(const std::string& kind, const std::string& argument, const std::vector<std::string>& lines) {
  kgx::RuleBlock block{kind, argument, {"test.rules", 1, 1}, {}};
  std::size_t at = 2;
  for (const std::string& line : lines) block.lines.push_back({line, {"test.rules", at++, 1}});
  return block;
}

// Returns a section of `texts`, which must outlive it (its lines are views).
kgx::RelationSection Section(const std::vector<std::string>& texts) {
  kgx::RelationSection section;
  for (const std::string& text : texts) section.lines.push_back({text, {}});
  return section;
}

}  // namespace

TEST_CASE("block options are read into their value, with defaults by predicate", "[relations][options]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  kgx::BlockOptions uses;
  REQUIRE(kgx::ParseBlockOptions(Block("relation", "uses", {"@where body", "@section talk, keynote", "@subject topic|section",
                                                             "{object:technology}を使う"}),
                                 uses, diagnostics));
  CHECK(diagnostics.empty());
  CHECK(uses.where == kgx::LineScope::kBody);
  CHECK(uses.kinds[kgx::KindIndex(kgx::SectionKind::kTalk)]);
  CHECK_FALSE(uses.kinds[kgx::KindIndex(kgx::SectionKind::kOther)]);
  CHECK(uses.subject == std::vector<kgx::SubjectSource>{kgx::SubjectSource::kTopic, kgx::SubjectSource::kSection});
  CHECK(kgx::LineInScope(uses, 1));
  CHECK_FALSE(kgx::LineInScope(uses, 0));
  kgx::BlockOptions presented;
  REQUIRE(kgx::ParseBlockOptions(Block("relation", "presented_by", {"{object:company}"}), presented, diagnostics));
  CHECK(presented.subject == std::vector<kgx::SubjectSource>{kgx::SubjectSource::kSection});
  CHECK(presented.where == kgx::LineScope::kAny);
}

TEST_CASE("every problem of a block's options is reported with its line", "[relations][options]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  kgx::BlockOptions options;
  CHECK_FALSE(kgx::ParseBlockOptions(
      Block("relation", "uses", {"@where footer", "@colour red", "@subject speaker", "@after (unclosed", "@object"}),
      options, diagnostics));
  REQUIRE(diagnostics.size() == 5);
  CHECK(diagnostics[0].message == "bad @where 'footer' (expected header, body or any)");
  CHECK(diagnostics[0].where.line == 2);
  CHECK(diagnostics[1].message.rfind("unknown option '@colour'", 0) == 0);
  CHECK(diagnostics[2].message ==
        "bad @subject source 'speaker' (expected line, presenter, topic, talk, section, document or person_above)");
  CHECK(diagnostics[3].message.rfind("bad pattern '(unclosed': ", 0) == 0);
  CHECK(diagnostics[4].message == "option '@object' needs a value");
  CHECK(diagnostics[4].where.line == 6);
}

TEST_CASE("a shared define stands for {=NAME} in a line option", "[relations][options]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  std::vector<kgx::RuleBlock> blocks = {Block("define", "migration", {"移行", "migrat(?:e|ed|ion)"}),
                                        Block("relation", "migrated_to", {"@line {=migration}"})};
  kgx::ExpandPatternDefines(blocks, diagnostics);
  REQUIRE(diagnostics.empty());
  CHECK(blocks[1].lines[0].text == "@line (?:移行|migrat(?:e|ed|ion))");
  kgx::BlockOptions options;
  REQUIRE(kgx::ParseBlockOptions(blocks[1], options, diagnostics));
  const std::vector<std::string> texts = {"# header", "Kafkaへ移行した", "We migrated to Kafka", "Kafkaを使う"};
  const kgx::RelationSection section = Section(texts);
  kgx::AfterLines after(section);
  CHECK(kgx::LineOptionsAllow(options, section, 1, after));
  CHECK(kgx::LineOptionsAllow(options, section, 2, after));
  CHECK_FALSE(kgx::LineOptionsAllow(options, section, 3, after));
}

TEST_CASE("@after and @unless_after look at the line and the two before it", "[relations][options]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  kgx::BlockOptions after_options, unless_options;
  REQUIRE(kgx::ParseBlockOptions(Block("relation", "uses", {"@after (?i)tech stack|技術スタック"}), after_options, diagnostics));
  REQUIRE(kgx::ParseBlockOptions(Block("relation", "uses", {"@unless_after 検討中"}), unless_options, diagnostics));
  const std::vector<std::string> texts = {"# Talk", "Our tech stack:", "- Kafka", "- Flink", "- Redis", "技術スタック", "検討中の候補", "- Pulsar"};
  const kgx::RelationSection section = Section(texts);
  kgx::AfterLines after(section);
  CHECK(kgx::LineOptionsAllow(after_options, section, 2, after));
  CHECK(kgx::LineOptionsAllow(after_options, section, 3, after));
  CHECK_FALSE(kgx::LineOptionsAllow(after_options, section, 4, after));  // three lines below
  CHECK(kgx::LineOptionsAllow(after_options, section, 7, after));
  CHECK_FALSE(kgx::LineOptionsAllow(unless_options, section, 7, after));
  CHECK(kgx::LineOptionsAllow(unless_options, section, 4, after));
}

TEST_CASE("@before and @unless_before look at the line and the two after it", "[relations][options]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  kgx::BlockOptions before_options, unless_options;
  REQUIRE(kgx::ParseBlockOptions(Block("relation", "migrated_from", {"@before ^(?:→\\s*)?今は|^(?i:now\\b)"}), before_options, diagnostics));
  REQUIRE(kgx::ParseBlockOptions(Block("relation", "migrated_from", {"@unless_before 予定|(?i:\\bwill\\b)"}), unless_options, diagnostics));
  const std::vector<std::string> texts = {"# Talk", "以前は MySQL だったが", "→ 今は Aurora",  "- 別の話", "- まだ別の話",
                                          "- さらに別の話", "Before it was Jenkins", "Now we will use Buildkite"};
  const kgx::RelationSection section = Section(texts);
  kgx::AfterLines after(section);
  CHECK(kgx::LineOptionsAllow(before_options, section, 1, after));
  CHECK(kgx::LineOptionsAllow(before_options, section, 2, after));  // the line itself
  CHECK(kgx::LineOptionsAllow(before_options, section, 0, after));  // two lines above
  CHECK_FALSE(kgx::LineOptionsAllow(before_options, section, 3, after));
  CHECK_FALSE(kgx::LineOptionsAllow(before_options, section, 4, after));  // three lines above "Now …"
  CHECK(kgx::LineOptionsAllow(before_options, section, 6, after));
  CHECK(kgx::LineOptionsAllow(before_options, section, 7, after));  // the section's last line: no line after it
  CHECK(kgx::LineOptionsAllow(unless_options, section, 1, after));
  CHECK_FALSE(kgx::LineOptionsAllow(unless_options, section, 6, after));
  CHECK(kgx::LineOptionsAllow(unless_options, section, 3, after));
}
