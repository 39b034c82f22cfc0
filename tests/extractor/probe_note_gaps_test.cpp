// Gaps a probe of unseen note styles found: a move between two forms of one product, a share of a fleet
// moved, a move back (戻した), and every name of a people label's list. Whole extraction with the shipped
// rules, positive and negative cases in Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::ExtractText;
using kgx::testing::Has;
using kgx::testing::RelationsIn;

// Each quantity of `text` as its matched text, then "=" and its unit (and "/" and its rate, if any).
std::set<std::string> UnitsRead(const std::string& text) {
  std::set<std::string> read;
  for (const kgx::Quantity& q : ExtractText(text).quantities) read.insert(q.text + "=" + q.unit + (q.per.empty() ? "" : "/" + q.per));
  return read;
}

}  // namespace

TEST_CASE("a move to a new form of the same product is a use of it", "[probe_note_gaps]") {
  const auto en = RelationsIn("# Mercari の事例\n\n- Mercari moved from a single Postgres to horizontally sharded Postgres\n");
  CHECK(en.count("company/mercari uses technology/postgresql") == 1);
  CHECK(en.count("company/mercari migrated_from technology/postgresql") == 0);
  // the words before the target do not hide a real move's target
  const auto other = RelationsIn("# Mercari の事例\n\n- Mercari moved from Jenkins to fully managed Argo CD\n");
  CHECK(other.count("company/mercari migrated_from technology/jenkins") == 1);
  CHECK(other.count("company/mercari migrated_to technology/argo-cd") == 1);
  const auto ja = RelationsIn("# Mercari の事例\n\n- Mercari が GKE Standard から GKE Autopilot に移行した\n");
  CHECK(ja.count("company/mercari uses technology/google-kubernetes-engine") == 1);
  // negative: a plan stays no move and no use
  const auto plan = RelationsIn("# Mercari の事例\n\n- Mercari will move from Jenkins to fully managed Argo CD\n");
  CHECK(plan.count("company/mercari migrated_to technology/argo-cd") == 0);
}

TEST_CASE("a share of a fleet moved to a system is a move", "[probe_note_gaps]") {
  const auto en = RelationsIn("# Mercari の事例\n\n- Mercari moved 85% of their fleet to Graviton4 instances\n");
  CHECK(en.count("company/mercari migrated_to aws_service/aws-graviton") == 1);
  const auto ja = RelationsIn("# Mercari の事例\n\n- Mercari は 80% を Graviton に移行した\n");
  CHECK(ja.count("company/mercari migrated_to aws_service/aws-graviton") == 1);
  // negative: a plan, in English and in Japanese
  const auto plan = RelationsIn("# Mercari の事例\n\n- Mercari will move 85% of their fleet to Graviton4 instances\n");
  CHECK(plan.count("company/mercari migrated_to aws_service/aws-graviton") == 0);
  const auto ja_plan = RelationsIn("# Mercari の事例\n\n- Mercari は 80% を Graviton に移行する予定\n");
  CHECK(ja_plan.count("company/mercari migrated_to aws_service/aws-graviton") == 0);
}

TEST_CASE("a move back (戻した) is a move from one system to another", "[probe_note_gaps]") {
  const auto ja = RelationsIn("# メモ\n\n- Mercari が Cloud Run から GKE に戻した\n");
  CHECK(ja.count("company/mercari migrated_from technology/google-cloud-run") == 1);
  CHECK(ja.count("company/mercari migrated_to technology/google-kubernetes-engine") == 1);
  // hearsay is read as the moves are ("移行したらしい" is a move too)
  const auto heard = RelationsIn("# メモ\n\n- Mercari が ECS から EKS に戻したらしい\n- Mercari が Cloud Run から GKE に移行したらしい\n");
  CHECK(heard.count("company/mercari migrated_to aws_service/amazon-eks") == 1);
  CHECK(heard.count("company/mercari migrated_to technology/google-kubernetes-engine") == 1);
  // negative: data put back, with nothing left behind, and a plan to go back
  const auto data = RelationsIn("# メモ\n\n- Mercari はダンプを S3 に戻した\n");
  CHECK(data.count("company/mercari migrated_to aws_service/amazon-s3") == 0);
  const auto plan = RelationsIn("# メモ\n\n- Mercari は Cloud Run から GKE に戻す予定\n");
  CHECK(plan.count("company/mercari migrated_to technology/google-kubernetes-engine") == 0);
}

TEST_CASE("every name of a people label's list is a person", "[probe_note_gaps]") {
  CHECK(Has("# Meetup\n\nHosts: Laura Chen and Sam Okoro\n", "person:Sam Okoro"));
  CHECK(Has("# Meetup\n\nHosts: Laura Chen and Sam Okoro\n", "person:Laura Chen"));
  const std::string three = "# Meetup\n\nSpeakers: Ana Souza, Tom Ito & Mei Lin\n";
  CHECK(Has(three, "person:Tom Ito"));
  CHECK(Has(three, "person:Mei Lin"));
  CHECK(Has("# 勉強会\n\n登壇者: 山田 太郎、佐藤 花子\n", "person:佐藤 花子"));
  CHECK(Has("# 勉強会\n\n司会: 伊藤 健二と森本 太一\n", "person:森本 太一"));
  // negative: a job after a comma, and lower-case words after "and", are no names
  CHECK_FALSE(Has("# Meetup\n\nSpeaker: Jane Doe, Staff Engineer\n", "person:Staff Engineer"));
  CHECK_FALSE(Has("# Meetup\n\nGuests: Jane Doe and friends\n", "person:friends"));
  // negative: a list outside a people label names no one
  CHECK_FALSE(Has("# Meetup\n\nTopics: Laura Chen and Sam Okoro\n", "person:Sam Okoro"));
}

TEST_CASE("SREs, cells and request units are counted", "[probe_note_gaps]") {
  const auto en = UnitsRead("# Notes\n\n- The platform team has 6 SREs and runs 40 cells at 8,000 RU/s\n");
  CHECK(en.count("6 SREs=sre") == 1);
  CHECK(en.count("40 cells=cell") == 1);
  CHECK(en.count("8,000 RU/s=request unit/second") == 1);
  const auto ja = UnitsRead("# メモ\n\n- Cosmos DB は 8,000 RU/s、セル数は 40 cells\n");
  CHECK(ja.count("8,000 RU/s=request unit/second") == 1);
  CHECK(ja.count("40 cells=cell") == 1);
  // negative: the role's singular before 名 counts persons, and units and versions stay what they were
  const auto role = UnitsRead("# メモ\n\n- SRE 3名で運用\n");
  CHECK(role.count("3名=person") == 1);
  const auto other = UnitsRead("# Notes\n\n- We tried 3 times with v2 APIs and a cell phone\n");
  CHECK(other.count("3 times=times") == 1);
  for (const std::string& q : other) CHECK(q.find("=cell") == std::string::npos);
  for (const std::string& q : other) CHECK(q.find("=api") == std::string::npos);
}
