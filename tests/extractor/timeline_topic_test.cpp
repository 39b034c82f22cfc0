// A podcast's or a recorded talk's timestamp line that names a company ("12:34 Mercari のスタック", "[12:34]
// Shopify's stack") gives that company to the lines after it, up to the next timestamp, as a heading gives
// its company to its section ([relation.topic] @topic below, relation_rules.cpp's LineTopics). Whole
// extraction with the shipped rules, and the option's parse.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/relation_options.h"
#include "extractor/rule_file.h"
#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::RelationsIn;

kgx::RuleBlock TopicBlock(const std::vector<std::string>& lines) {
  kgx::RuleBlock block{"relation.topic", "", {"test.rules", 1, 1}, {}};
  std::size_t at = 2;
  for (const std::string& line : lines) block.lines.push_back({line, {"test.rules", at++, 1}});
  return block;
}

}  // namespace

TEST_CASE("a timestamp line that names a company gives it to the lines under it", "[timeline_topic]") {
  const auto ja = RelationsIn("# Podcast ep.12 メモ\n\n12:34 Mercari のスタック\n- Aurora を使っている\n- EKS で動かしている\n");
  CHECK(ja.count("company/mercari uses aws_service/amazon-aurora") == 1);
  CHECK(ja.count("company/mercari uses aws_service/amazon-eks") == 1);
  const auto en = RelationsIn("# Podcast ep.12 notes\n\n[15:10] Shopify's stack\n- They use DynamoDB\n\n- Built on ECS\n");
  CHECK(en.count("company/shopify uses aws_service/amazon-dynamodb") == 1);
  CHECK(en.count("company/shopify uses aws_service/amazon-ecs") == 1);
  // an hour in front, a dash after, and a child bullet under a bullet
  const auto hour = RelationsIn("# Podcast ep.12 メモ\n\n1:02:10 - Mercari\n- 基盤\n  - Aurora を使っている\n");
  CHECK(hour.count("company/mercari uses aws_service/amazon-aurora") == 1);
  // a bullet's timestamp gives its company to the bullets under it, and a wave dash may follow the time
  const auto bullet = RelationsIn("# Podcast ep.12 メモ\n\n- 15:10 Shopify のスタック\n  - EKS で動かしている\n");
  CHECK(bullet.count("company/shopify uses aws_service/amazon-eks") == 1);
  const auto wave = RelationsIn("# Podcast ep.12 メモ\n\n20:00 〜 Mercari の話\n- DynamoDB を使っている\n");
  CHECK(wave.count("company/mercari uses aws_service/amazon-dynamodb") == 1);
  // a marked heading that opens with a time names its section's company
  const auto heading = RelationsIn("# Podcast ep.12 メモ\n\n## 12:34 Mercari のスタック\n- Aurora を使っている\n");
  CHECK(heading.count("company/mercari uses aws_service/amazon-aurora") == 1);
  // a time in parentheses is a timestamp too, no heading
  const auto paren = kgx::testing::ExtractText("# Podcast ep.12 メモ\n\n(12:34) Mercari の話\n- Aurora を使っている\n");
  CHECK(paren.sections.size() == 1);
  CHECK(RelationsIn("# Podcast ep.12 メモ\n\n(12:34) Mercari の話\n- Aurora を使っている\n").count("company/mercari uses aws_service/amazon-aurora") == 1);
}

TEST_CASE("the next timestamp ends a timestamp line's company", "[timeline_topic]") {
  const auto next = RelationsIn("# Podcast ep.12 メモ\n\n12:34 Mercari のスタック\n- Aurora を使っている\n\n20:00 雑談\n- EKS で動かしている\n");
  CHECK(next.count("company/mercari uses aws_service/amazon-aurora") == 1);
  CHECK(next.count("company/mercari uses aws_service/amazon-eks") == 0);
  const auto two = RelationsIn("# Podcast ep.12 メモ\n\n12:34 Mercari のスタック\n- Aurora を使っている\n15:10 Shopify のスタック\n- EKS で動かしている\n");
  CHECK(two.count("company/shopify uses aws_service/amazon-eks") == 1);
  CHECK(two.count("company/mercari uses aws_service/amazon-eks") == 0);
  // negative: a timestamp line that says something of the company, or names no company, gives none
  const auto said = RelationsIn("# Podcast ep.12 メモ\n\n15:10 Mercari が登場\n- EKS で動かしている\n");
  CHECK(said.count("company/mercari uses aws_service/amazon-eks") == 0);
  const auto system = RelationsIn("# Podcast ep.12 notes\n\n12:34 Aurora の話\n- EKS で動かしている\n");
  CHECK(system.size() == 0);
  // negative: a line without a timestamp gives its company to itself only, as before
  const auto plain = RelationsIn("# Podcast ep.12 メモ\n\nMercari が登場\n- EKS で動かしている\n");
  CHECK(plain.count("company/mercari uses aws_service/amazon-eks") == 0);
}

TEST_CASE("@topic below is read and needs the @line that ends it", "[timeline_topic][relations][options]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  kgx::BlockOptions below;
  REQUIRE(kgx::ParseBlockOptions(TopicBlock({"@topic below", "@line ^[0-9]", "{object:company}"}), below, diagnostics));
  CHECK(below.topic_below);
  kgx::BlockOptions plain;
  REQUIRE(kgx::ParseBlockOptions(TopicBlock({"@line ^[0-9]", "{object:company}"}), plain, diagnostics));
  CHECK_FALSE(plain.topic_below);
  kgx::BlockOptions without_line;
  CHECK_FALSE(kgx::ParseBlockOptions(TopicBlock({"@topic below", "{object:company}"}), without_line, diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "@topic below needs @line (the lines that end the topic)");
  CHECK(diagnostics[0].where.line == 2);
  diagnostics.clear();
  kgx::BlockOptions bad;
  CHECK_FALSE(kgx::ParseBlockOptions(TopicBlock({"@topic above", "{object:company}"}), bad, diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].message == "bad @topic 'above' (expected object, document or below)");
}

TEST_CASE("a timeline entry says what a list item would, its time aside", "[timeline_topic]") {
  // a live blog's entry names the company it speaks of, as a bullet does: "09:05 X は … に移行した"
  const auto ja = RelationsIn("# Keynote 実況\n\n09:05 Mercari は オンプレの Oracle から Amazon Aurora に移行した\n");
  CHECK(ja.count("company/mercari migrated_from technology/oracle-database") == 1);
  CHECK(ja.count("company/mercari migrated_to aws_service/amazon-aurora") == 1);
  const auto bracket = RelationsIn("# Keynote 実況\n\n- [10:41] Shopify では DynamoDB を使っている\n");
  CHECK(bracket.count("company/shopify uses aws_service/amazon-dynamodb") == 1);
  // in a talk, an entry that lists a stack or says how it deploys is the presenter's, as an item would be
  const auto en = RelationsIn("# Keynote live blog\n\n## Scaling checkout — Jane Doe, Shopify\n\n10:12 Amazon ECS and Amazon SQS\n10:14 Deploys with Terraform\n");
  CHECK(en.count("company/shopify uses aws_service/amazon-ecs") == 1);
  CHECK(en.count("company/shopify uses aws_service/amazon-sqs") == 1);
  CHECK(en.count("company/shopify uses technology/terraform") == 1);
  // negative: the entry's company is its own, not the next entry's
  const auto next = RelationsIn("# Keynote 実況\n\n09:05 Mercari は Aurora に移行した\n09:07 EKS で動かしている\n");
  CHECK(next.count("company/mercari uses aws_service/amazon-eks") == 0);
  // negative: a time in the middle of a line is no entry's time
  const auto mid = RelationsIn("# メモ\n\n朝 09:05 Mercari は Aurora に移行した\n");
  CHECK(mid.count("company/mercari migrated_to aws_service/amazon-aurora") == 0);
}
