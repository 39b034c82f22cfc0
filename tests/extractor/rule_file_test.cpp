// Rule files: blocks, comments, headers versus character classes, located errors.
#include <catch2/catch.hpp>

#include <algorithm>

#include "extractor/extractor.h"
#include "extractor/reader.h"
#include "extractor/rule_file.h"
#include "extractor/rule_set.h"

namespace {

std::vector<std::string> Messages(const std::vector<kgx::RuleDiagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.ToString());
  return out;
}

}  // namespace

TEST_CASE("rule text splits into located blocks, comments and blanks are skipped", "[rules]") {
  std::vector<kgx::RuleDiagnostic> d;
  const auto blocks = kgx::ParseRuleText("# header\n\n[gazetteer company]\n  Acme | ACME\n[section not_heading]\n[。!]\\s*$\n", "a.rules", d);
  CHECK(d.empty());
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == "gazetteer");
  CHECK(blocks[0].argument == "company");
  REQUIRE(blocks[0].lines.size() == 1);
  CHECK(blocks[0].lines[0].text == "Acme | ACME");
  CHECK(blocks[0].lines[0].where.ToString() == "a.rules:4:3");
  REQUIRE(blocks[1].lines.size() == 1);
  CHECK(blocks[1].lines[0].text == "[。!]\\s*$");  // a character class, not a header
}

TEST_CASE("a line of stray carriage returns is blank, and a rule's column counts past them", "[rules]") {
  std::vector<kgx::RuleDiagnostic> d;
  const auto blocks = kgx::ParseRuleText("[gazetteer company]\r\n\r\r\r\n\r\r\n\r Acme\r\n", "cr.rules", d);
  CHECK(d.empty());
  REQUIRE(blocks.size() == 1);
  REQUIRE(blocks[0].lines.size() == 1);
  CHECK(blocks[0].lines[0].text == "Acme");
  CHECK(blocks[0].lines[0].where.ToString() == "cr.rules:4:3");
}

TEST_CASE("malformed rule files are reported word for word", "[rules]") {
  std::vector<kgx::RuleDiagnostic> d;
  const auto blocks = kgx::ParseRuleText(
      "orphan line\n[gazetteer company\nAcme\n[frobnicate]\nx\n[section talk]\n(unclosed\n^.*$\n[context]\n"
      "[discover person]\n(?P<nom>[A-Z]\\w+) 氏\n[relation uses]\n{subject:robot} uses {object:aws_service}\n",
      "bad.rules", d);
  kgx::RuleSet::FromBlocks(blocks, d);
  CHECK(Messages(d) == std::vector<std::string>{
                           "bad.rules:1:1: error: rule line before any [block] header",
                           "bad.rules:2:1: error: block header must end with ']'",
                           "bad.rules:4:1: error: unknown block kind 'frobnicate'",
                           "bad.rules:9:1: error: context block needs a name: [context NAME]",
                           "bad.rules:7:1: error: bad pattern '(unclosed': missing ): (unclosed",
                           "bad.rules:8:1: error: pattern '^.*$' matches the empty string",
                           "bad.rules:11:1: error: discovery pattern needs a (?P<name>...) group",
                           "bad.rules:13:1: error: bad placeholder '{subject:robot}' (expected {TYPES}, {subject:TYPES}, {object:TYPES} or {=NAME})",
                       });
}

TEST_CASE("rules compiled on two or more threads give the same diagnostics in the same order", "[rules]") {
  // Errors and warnings in every family (gazetteer, sections, quantities, discovery, relations),
  // which the threads take in another order than the one-thread run's.
  const std::string text =
      "[gazetteer company]\nAcme\n[section talk]\n(unclosed\n[quantity.count]\ncontainer : コンテナ\nbox : コンテナ\n"
      "[discover person]\n(?P<nom>[A-Z]\\w+) 氏\n[relation uses]\n{subject:robot} uses {object:aws_service}\n";
  std::vector<kgx::RuleDiagnostic> parsed;
  const auto blocks = kgx::ParseRuleText(text, "mixed.rules", parsed);
  std::vector<kgx::RuleDiagnostic> one_thread;
  CHECK(kgx::RuleSet::FromBlocks(blocks, one_thread, 1) == nullptr);
  REQUIRE(one_thread.size() == 4);
  CHECK(std::any_of(one_thread.begin(), one_thread.end(), [](const kgx::RuleDiagnostic& d) { return !d.is_error; }));
  for (std::size_t threads : {2, 3, 5, 8}) {
    for (int run = 0; run < 10; ++run) {
      std::vector<kgx::RuleDiagnostic> several;
      CHECK(kgx::RuleSet::FromBlocks(blocks, several, threads) == nullptr);
      CHECK(Messages(several) == Messages(one_thread));
    }
  }
  std::vector<kgx::RuleDiagnostic> shipped_one, shipped_two;
  const auto one = kgx::RuleSet::Load({KGX_SOURCE_DIR "/rules"}, shipped_one, 1);
  const auto two = kgx::RuleSet::Load({KGX_SOURCE_DIR "/rules"}, shipped_two, 2);
  REQUIRE(one);
  REQUIRE(two);
  CHECK(Messages(shipped_two) == Messages(shipped_one));
  CHECK(two->gazetteer().entities().size() == one->gazetteer().entities().size());
}

TEST_CASE("rules compiled on several threads extract what the one-thread rules extract", "[rules]") {
  // Every family has work here: sections, gazetteer and discovered names, quantities, relations.
  const std::string notes =
      "# AWS Summit Tokyo 2024 参加レポート\n\n"
      "## 基調講演: データ基盤の移行\n"
      "登壇者: 佐藤 花子さん (株式会社サンプルテック)\n"
      "オンプレの MySQL から Amazon Aurora に移行し、レイテンシが 120ms から 35ms に短縮した。\n"
      "バッチは AWS Lambda で並列化して、月 300 万円のコストを削減。\n\n"
      "## Scaling Kafka at Lumen Health\n"
      "Speaker: Jane Doe, SRE at Lumen Health\n"
      "They migrated from RabbitMQ to Apache Kafka and now handle 2.5 million events per second.\n";
  std::vector<kgx::Warning> warnings;
  const kgx::SourceText source = kgx::CleanSource("notes.md", notes, warnings);
  // What a run writes of the document, in one string.
  const auto extracted = [&](std::size_t threads) {
    std::vector<kgx::RuleDiagnostic> diagnostics;
    const auto rules = kgx::RuleSet::Load({KGX_SOURCE_DIR "/rules"}, diagnostics, threads);
    REQUIRE(rules);
    const kgx::DocumentResult result = kgx::Extractor(*rules).Extract(source);
    std::string out = result.title + "|" + result.event + "\n";
    for (const kgx::Section& s : result.sections) {
      out += "section " + std::to_string(s.line) + " " + s.title + "\n";
    }
    for (const kgx::Mention& m : result.mentions) {
      out += "mention " + m.entity + " " + std::to_string(m.start) + "-" + std::to_string(m.end) + "\n";
    }
    for (const kgx::Quantity& q : result.quantities) {
      out += "quantity " + q.text + " " + q.unit + " " + std::to_string(q.value.value_or(-1)) + "\n";
    }
    for (const kgx::Relation& r : result.relations) {
      out += "relation " + r.subject + " " + r.predicate + " " + r.object + "\n";
    }
    return out;
  };
  const std::string one = extracted(1);
  // The notes give a bit of everything, so that a family missing or mixed up shows.
  CHECK(one.find("section ") != std::string::npos);
  CHECK(one.find("mention ") != std::string::npos);
  CHECK(one.find("quantity ") != std::string::npos);
  CHECK(one.find("relation ") != std::string::npos);
  for (std::size_t threads : {2, 3, 5}) {
    INFO("threads " << threads);
    CHECK(extracted(threads) == one);
  }
}

TEST_CASE("the shipped rules load without errors, and fast", "[rules]") {
  std::vector<kgx::RuleDiagnostic> d;
  const auto rules = kgx::RuleSet::Load({KGX_SOURCE_DIR "/rules"}, d);
  for (const auto& x : d) CHECK_FALSE(x.is_error);
  REQUIRE(rules);
  CHECK(rules->gazetteer().entities().size() > 1000);
}
