// A move written over two lines: what was used before in a clause ("以前は MySQL だったが", "We used to run
// Jenkins.") and, on the next line or the one after, what is used now ("→ 今は Aurora", "今は Aurora に移行",
// "Now we use Buildkite."). Both ends are relations of the section (rules/relations.rules, the @before block),
// and the second line is no heading of its own. Whole extraction with the shipped rules; the notes are our own.
#include <catch2/catch.hpp>

#include <string>

#include "tests/extractor/extract_support.h"

using kgx::testing::RelationsIn;
using kgx::testing::SectionTitles;

namespace {

const std::string kHead = "# 株式会社サンプルの移行メモ\n\n## Talk 1: DB の話\n\n";

}  // namespace

TEST_CASE("a clause of what was used, finished on the next line by what is used now, is a move from it",
          "[line_pair_moves]") {
  const auto arrow = RelationsIn(kHead + "以前は MySQL だったが\n→ 今は Aurora\n");
  CHECK(arrow.count("<section> migrated_from technology/mysql") == 1);
  CHECK(arrow.count("<section> migrated_to aws_service/amazon-aurora") == 1);
  const auto bullets = RelationsIn(kHead + "- 元々は RabbitMQ でしたが\n- 今は Amazon SQS に移行\n");
  CHECK(bullets.count("<section> migrated_from technology/rabbitmq") == 1);
  CHECK(bullets.count("<section> migrated_to aws_service/amazon-sqs") == 1);
  // a line between them, or both on one line
  CHECK(RelationsIn(kHead + "- 以前は MySQL だったけど\n- 遅かった\n- 今は Aurora で動いている\n")
            .count("<section> migrated_from technology/mysql") == 1);
  CHECK(RelationsIn(kHead + "以前は MySQL だったが今は Aurora で動いている\n").count("<section> migrated_from technology/mysql") == 1);
}

TEST_CASE("the line that says what is used now stays in the section of the line above it", "[line_pair_moves]") {
  const std::string notes = kHead + "以前は Jenkins だったが\n今は GitHub Actions に移行\n";
  CHECK(SectionTitles(notes).count("今は GitHub Actions に移行") == 0);
  const auto relations = RelationsIn(notes);
  CHECK(relations.count("<section> migrated_from technology/jenkins") == 1);
  CHECK(relations.count("<section> migrated_to technology/github-actions") == 1);
  // negative: a heading that says something else is still one
  CHECK(SectionTitles("# メモ\n\n今期の振り返り\n\n本文です。\n").count("今期の振り返り") == 1);
}

TEST_CASE("what was used, with no present after it or with a plan after it, is no move", "[line_pair_moves]") {
  CHECK(RelationsIn(kHead + "以前は MySQL だったが\n→ 今は Aurora に移行する予定\n").empty());
  CHECK(RelationsIn(kHead + "- 以前は MySQL だったが\n- 速さは十分だった\n").count("<section> migrated_from technology/mysql") == 0);
  // three lines below is too far to finish the clause
  CHECK(RelationsIn(kHead + "- 以前は MySQL だった\n- a\n- b\n- c\n- 今は Aurora\n").count("<section> migrated_from technology/mysql") ==
        0);
  // no earlier state: "以前" is not said
  CHECK(RelationsIn(kHead + "- MySQL だったが\n- 今は Aurora\n").count("<section> migrated_from technology/mysql") == 0);
}

TEST_CASE("English: what a team used to run, then what it uses now, is a move", "[line_pair_moves]") {
  const std::string head = "# Notes\n\n## Talk 1: CI at Acme\n\n";
  const auto relations = RelationsIn(head + "We used to run Jenkins.\nNow we use Buildkite for every build.\n");
  CHECK(relations.count("<section> migrated_from technology/jenkins") == 1);
  CHECK(relations.count("<section> migrated_to technology/buildkite") == 1);
  // negative: nothing now after it, or a plan
  CHECK(RelationsIn(head + "We used to run Jenkins.\nIt was slow.\n").count("<section> migrated_from technology/jenkins") == 0);
  CHECK(RelationsIn(head + "We used to run Jenkins.\nNow we will move to Buildkite.\n")
            .count("<section> migrated_from technology/jenkins") == 0);
}
