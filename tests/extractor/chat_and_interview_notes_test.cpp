// A Slack thread pasted into notes, English conference notes with speakers written "Name (Company)" and
// "Title @ Company", and a company blog's interview-style case study: whole extraction with the shipped
// rules, positive and negative cases in Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::ExtractText;
using kgx::testing::Has;
using kgx::testing::RelationsIn;
using kgx::testing::SectionTitles;

// Who presents the one talk of `text`: its "<section> presented_by X" relations' objects.
std::set<std::string> Presenters(const std::string& text) {
  std::set<std::string> out;
  for (const std::string& r : RelationsIn(text)) {
    const std::string head = "<section> presented_by ";
    if (r.rfind(head, 0) == 0) out.insert(r.substr(head.size()));
  }
  return out;
}

}  // namespace

TEST_CASE("a chat's reaction rows and a reply with a sentence-final particle are no headings", "[chat_notes]") {
  const auto ja = SectionTitles(
      "# #sre チャンネルのスレッド\n\n**tanaka.k** 10:42 AM\nKubeCon の keynote 見てる人いる？\n:eyes: 3  :raised_hands: 1\n\n"
      "**mori** 11:35 AM\nうちと逆ですね笑 うちは去年 Argo CD から Flux に移行したので\n:sweat_smile: 2\n\n"
      "👍 2 🎉 1\n\n## 振り返りですね\n- まとめ\n");
  CHECK(ja.count(":eyes: 3  :raised_hands: 1") == 0);
  CHECK(ja.count(":sweat_smile: 2") == 0);
  CHECK(ja.count("うちと逆ですね笑 うちは去年 Argo CD から Flux に移行したので") == 0);
  CHECK(ja.count("👍 2 🎉 1") == 0);
  // negative: a marked heading ending with ですね stays one, and so does a short title with an emoji
  CHECK(ja.count("振り返りですね") == 1);
  const auto en = SectionTitles("Thread notes\n\n:+1: 4\n\nBooths visited 🎪\n- Datadog\n\nWrap-up\nIt was a good day, and the talks were great.\n");
  CHECK(en.count(":+1: 4") == 0);
  CHECK(en.count("Booths visited 🎪") == 1);
  CHECK(en.count("Wrap-up") == 1);
}

TEST_CASE("an English speaker after a title's dash with the company in parentheses presents with it", "[chat_notes]") {
  const std::string en = "# Notes\n\n### Taming Tail Latency in a Global Checkout — Lucas Brenner (Brightcart)\n- Checkout runs on Envoy\n";
  CHECK(Has(en, "company:Brightcart"));
  const auto presenters = Presenters(en);
  CHECK(presenters.count("company/brightcart") == 1);
  CHECK(presenters.count("person/lucas-brenner") == 1);
  CHECK(RelationsIn(en).count("company/brightcart uses technology/envoy") == 1);
  // Japanese notes write the same header: the Latin company in the parentheses
  CHECK(Has("# メモ\n\n## レイテンシの話 — Lucas Brenner (Brightcart)\n- Envoy を使う\n", "company:Brightcart"));
  // negative: a job in the parentheses is no company
  const std::string job = "# Notes\n\n### Taming Tail Latency — Jane Doe (Staff Engineer)\n- x\n";
  CHECK_FALSE(Has(job, "company:Staff Engineer"));
  CHECK(Presenters(job) == std::set<std::string>{"person/jane-doe"});
}

TEST_CASE("a job with '@' before a one-word company names the company", "[chat_notes]") {
  const std::string en = "# Notes\n\n### Moving 300 Services\nSpeaker: Kenta Ishiguro, Staff SRE @ Pinegrove\n"
                         "- Pinegrove migrated from Nomad to Kubernetes\n";
  CHECK(Has(en, "company:Pinegrove"));
  const auto rel = RelationsIn(en);
  CHECK(rel.count("person/kenta-ishiguro role_at company/pinegrove") == 1);
  CHECK(rel.count("company/pinegrove migrated_to technology/kubernetes") == 1);
  CHECK(Has("# メモ\n\n- 登壇: Mei Lin, Engineering Manager @ Cloudmesh（資料あり）\n", "company:Cloudmesh"));
  // negative: a team at a place, a handle after a job
  CHECK_FALSE(Has("# Notes\n\n- Team @ Berlin was great\n", "company:Berlin"));
  CHECK_FALSE(Has("# メモ\n\n- チーム @ Berlin で集合\n", "company:Berlin"));
}

TEST_CASE("a department before an interviewer's name is no part of a person's name", "[chat_notes]") {
  const std::string ja = "# 導入事例\n\n## 登壇者紹介\n\n- 聞き手: 広報 西田\n- 司会: 人事 高橋\n";
  CHECK_FALSE(Has(ja, "person:広報 西田"));
  CHECK_FALSE(Has(ja, "person:人事 高橋"));
  // a name on such a line is still found: the rule only turns away the department words
  CHECK(Has("# 導入事例\n\n- 聞き手: 西田 美穂\n", "person:西田 美穂"));
  CHECK(Has("# Case study\n\n- Interviewer: Jane Doe\n", "person:Jane Doe"));
}

TEST_CASE("a heading that names a move with a colon states it without a verb", "[chat_notes]") {
  const std::string ja = "# 株式会社ハヤブサ・リテールにおけるBigQuery導入事例\n\n## 移行：Oracle から BigQuery へ\n\n本文です。\n";
  const auto rel = RelationsIn(ja);
  CHECK(rel.count("company/ハヤブサ・リテール migrated_from technology/oracle-database") == 1);
  CHECK(rel.count("company/ハヤブサ・リテール migrated_to technology/google-bigquery") == 1);
  const std::string en = "# How Pinegrove rebuilt its pipelines\n\n## Migration: Jenkins から GitHub Actions に\n\nThe details.\n";
  CHECK(RelationsIn(en).count("company/pinegrove migrated_from technology/jenkins") == 1);
  // negative: a comparison is no move, and the ends must close the heading
  const std::string cmp = "# 株式会社ハヤブサ・リテールにおけるBigQuery導入事例\n\n## 比較：Oracle から BigQuery へ\n\n## 移行：Oracle から BigQuery への道のり\n";
  CHECK(RelationsIn(cmp).count("company/ハヤブサ・リテール migrated_from technology/oracle-database") == 0);
}

TEST_CASE("a choice after a comparison is a use, a move only when something is left behind", "[chat_notes]") {
  // whether the company's blog post with `body` under a heading states `relation` of the company
  const auto states = [](const std::string& body, const std::string& relation) {
    const std::string doc = "# 株式会社ハヤブサ・リテールにおけるデータ基盤刷新\n\n## 選定\n\n" + body;
    return RelationsIn(doc).count("company/ハヤブサ・リテール " + relation) == 1;
  };
  const std::string compared = "Snowflake と比較して、料金が読みやすいことから BigQuery にしました。\n";
  CHECK(states(compared, "uses technology/google-bigquery"));
  CHECK_FALSE(states(compared, "migrated_to technology/google-bigquery"));
  const std::string en = "# How Pinegrove rebuilt its pipelines\n\n## Choice\n\nWe compared three CI systems and went with Buildkite.\n";
  CHECK(RelationsIn(en).count("company/pinegrove uses technology/buildkite") == 1);
  CHECK(RelationsIn(en).count("company/pinegrove migrated_to technology/buildkite") == 0);
  // a comparison two lines before the choice: "Cloud Composer を採用しました" is no migration either
  const std::string composer = "ワークフローの比較をした。\n\nCloud Composer を採用しました。\n";
  CHECK(states(composer, "uses technology/google-cloud-composer"));
  CHECK_FALSE(states(composer, "migrated_to technology/google-cloud-composer"));
  const std::string polite = "Hive から Presto にしました。\n候補は Aurora と Spanner で、最終的に Aurora を選びました。\n";
  CHECK(states(polite, "migrated_from technology/hive"));
  CHECK(states(polite, "migrated_to technology/presto"));
  CHECK(states(polite, "uses aws_service/amazon-aurora"));
  CHECK_FALSE(states(polite, "migrated_to aws_service/amazon-aurora"));
  // real moves stay moves: a system given up, a source and a target, candidates named as a move's targets
  const std::string given_up = "比較の結果、Airflow をやめて Cloud Composer にしました。\n";
  CHECK(states(given_up, "migrated_from technology/airflow"));
  CHECK(states(given_up, "migrated_to technology/google-cloud-composer"));
  CHECK(states("Airflow から Cloud Composer に移行しました。\n", "migrated_to technology/google-cloud-composer"));
  const std::string target = "移行先の候補は Aurora と Spanner。\n最終的に Aurora にしました。\n";
  CHECK(states(target, "migrated_to aws_service/amazon-aurora"));
  CHECK_FALSE(states(target, "uses aws_service/amazon-aurora"));
  const std::string replacement = "# How Pinegrove rebuilt its pipelines\n\n## Choice\n\nWe evaluated replacements for Jenkins.\nWe went with Buildkite.\n";
  CHECK(RelationsIn(replacement).count("company/pinegrove migrated_to technology/buildkite") == 1);
  // negative: a reason is no source ("速いから"), a choice without candidates is nothing, a wish is no move
  CHECK_FALSE(states("速いから Aurora にしました。\n", "migrated_to aws_service/amazon-aurora"));
  const std::string plain = "料金が読みやすいので BigQuery にしました。\n";
  CHECK_FALSE(states(plain, "uses technology/google-bigquery"));
  CHECK_FALSE(states(plain, "migrated_to technology/google-bigquery"));
  const std::string wish = "移行先の候補は Aurora と Spanner。\nAurora にしたい。\n";
  CHECK_FALSE(states(wish, "migrated_to aws_service/amazon-aurora"));
  CHECK_FALSE(states(wish, "uses aws_service/amazon-aurora"));
}

TEST_CASE("Resilience4j, Grafana Alloy and incident.io are known names", "[chat_notes]") {
  const std::string en = "# Notes\n\n### Checkout — Lucas Brenner (Brightcart)\n- They replaced Hystrix with Resilience4j\n"
                         "- Grafana Alloy replaced the Prometheus agent; incident.io for paging\n";
  CHECK(Has(en, "technology:Resilience4j"));
  CHECK(Has(en, "technology:Grafana Alloy"));
  CHECK(Has(en, "company:incident.io"));
  const auto rel = RelationsIn(en);
  CHECK(rel.count("company/brightcart migrated_from technology/hystrix") == 1);
  CHECK(rel.count("company/brightcart migrated_to technology/resilience4j") == 1);
  CHECK(Has("# メモ\n\n- Hystrix から Resilience4j に移行\n", "technology:Resilience4j"));
  // negative: Grafana alone stays Grafana, and an incident is no company
  CHECK_FALSE(Has("# Notes\n\n- Grafana dashboards for every team\n", "technology:Grafana Alloy"));
  CHECK_FALSE(Has("# Notes\n\n- one incident in May\n", "company:incident.io"));
}

TEST_CASE("Sloth, Pyrra and OpenSLO are SLO tools, a sloth at the zoo is none", "[chat_notes]") {
  CHECK(Has("# SLO\n\n- SLO は Sloth で生成している\n", "technology:Sloth"));
  CHECK(Has("# SLO\n\n- We generate burn-rate alerts with Sloth\n", "technology:Sloth"));
  CHECK(Has("# SLO\n\n- Sloth and Pyrra, compared\n", "technology:Pyrra"));
  CHECK(Has("# SLO\n\n- OpenSLO の spec を書いた\n", "technology:OpenSLO"));
  // negative: the animal, and the word in lower case
  CHECK_FALSE(Has("# Trip\n\n- A Sloth was sleeping at the zoo\n", "technology:Sloth"));
  CHECK_FALSE(Has("# SLO\n\n- SLO work moved at a sloth's pace\n", "technology:Sloth"));
}
