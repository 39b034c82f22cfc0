// Notes in styles the samples first lacked (an in-house study session, an English team recap of conference
// sessions): headings that name their speaker in parentheses, meeting fields, a recap title's remark after its
// dash, a numbered keynote, a field's lead as a job, a platform left for another, data ingested into a system
// and the big clouds' managed services. Whole extraction with the shipped rules, positive and negative cases
// in Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::ExtractText;
using kgx::testing::Has;
using kgx::testing::KindOf;
using kgx::testing::RelationsIn;
using kgx::testing::SectionLines;
using kgx::testing::SectionTitles;

}  // namespace

TEST_CASE("a heading that names its speaker with a label in parentheses is a talk they present", "[study_session_notes]") {
  const std::string ja =
      "# 社内勉強会メモ\n\n## 1. メディア事業部：オンプレから GKE へ（発表：松田 直人）\n\n- 2024 年に GKE へ移行した\n\n"
      "## 2. データ基盤：Redshift から BigQuery へ（発表者: 石川 さやか）\n\n- Amazon Redshift から BigQuery に移行した\n";
  CHECK(KindOf(ja, "1. メディア事業部：オンプレから GKE へ") == "talk");
  CHECK(KindOf(ja, "2. データ基盤：Redshift から BigQuery へ") == "talk");
  CHECK(Has(ja, "person:松田 直人"));
  CHECK(Has(ja, "person:石川 さやか"));
  const auto relations = RelationsIn(ja);
  CHECK(relations.count("<section> presented_by person/松田-直人") == 1);
  CHECK(relations.count("<section> presented_by person/石川-さやか") == 1);
  // the talk is now the subject of what its bullets say
  CHECK(relations.count("<section> migrated_to technology/google-bigquery") == 1);
  const std::string en = "# Study group\n\n## Cost review of our clusters (Speaker: Kevin Park)\n\n- We run Karpenter on every cluster\n";
  CHECK(KindOf(en, "Cost review of our clusters") == "talk");
  CHECK(Has(en, "person:Kevin Park"));
  CHECK(RelationsIn(en).count("<section> presented_by person/kevin-park") == 1);
  // negative: a remark in parentheses, an unmarked line and a label without a name make no talk and no person
  const std::string remark = "# メモ\n\n## 3. まとめ（発表：なし）\n\n- 次回は未定\n";
  CHECK(KindOf(remark, "3. まとめ（発表：なし）") == "other");
  const std::string plain = "# メモ\n\n今日の発表（発表：松田 直人）は良かった\n- GKE の話\n";
  CHECK_FALSE(Has(plain, "person:松田 直人"));
  CHECK(KindOf("# Notes\n\n## Wrap-up (speaker: tbd)\n\n- later\n", "Wrap-up (speaker: tbd)") == "other");
}

TEST_CASE("a meeting's place and time fields are no headings", "[study_session_notes]") {
  const auto ja = SectionTitles("# 勉強会メモ\n\n日時: 1/22 (木) 17:00〜18:30\n場所: 本社 12F セミナールーム + Teams\n司会: 木村\n\n今回は GCP と Azure の事例が中心。\n");
  CHECK(ja.count("場所: 本社 12F セミナールーム + Teams") == 0);
  CHECK(ja.count("日時: 1/22 (木) 17:00〜18:30") == 0);
  const auto en = SectionTitles("# Retro\n\nVenue: Hall B, 3rd floor\nLocation: Room 4 + Zoom\n\nWe talked about the on-call load.\n");
  CHECK(en.count("Venue: Hall B, 3rd floor") == 0);
  CHECK(en.count("Location: Room 4 + Zoom") == 0);
  // negative: a marked heading that starts with such a word stays one, and so does a title that only holds it
  CHECK(SectionTitles("# Notes\n\n## Location: Tokyo office move\n- x\n").count("Location: Tokyo office move") == 1);
  CHECK(SectionTitles("# メモ\n\n会場の雰囲気\nとても広くて、ブースも多かった。\n").count("会場の雰囲気") == 1);
}

TEST_CASE("a report's title with a lower-case remark after its dash names no speaker", "[study_session_notes]") {
  const std::string en = "# AWS re:Invent 2025 — Session Takeaways (internal write-up)\n\n- Graviton everywhere\n";
  CHECK_FALSE(Has(en, "person:Session Takeaways"));
  const auto lines = SectionLines(ExtractText(en));
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.front() == "1 other AWS re:Invent 2025 — Session Takeaways (internal write-up)");
  // the words of a recap's title are no name, whatever follows them
  CHECK_FALSE(Has("# KubeCon Japan 2026 — Conference Recap (Tokyo)\n\n- x\n", "person:Conference Recap"));
  CHECK_FALSE(Has("## Platform notes — Key Learnings, Acme\n\n- x\n", "person:Key Learnings"));
  // negative: a speaker and their company after the dash still present the talk
  const std::string talk = "# Notes\n\n## Scaling Argo CD — Jane Doe (Brightcart)\n\n- 40 clusters\n";
  CHECK(Has(talk, "person:Jane Doe"));
  CHECK(KindOf(talk, "Scaling Argo CD") == "talk");
  const std::string ja = "# メモ\n\n## 監視の話 — 山田 太郎 (株式会社カモメ物流)\n\n- Prometheus を使っている\n";
  CHECK(KindOf(ja, "監視の話") == "talk");
}

TEST_CASE("a numbered keynote heading is a keynote whose announcements count", "[study_session_notes]") {
  const std::string en = "# re:Invent recap\n\n## 4. Keynote: Matt Garman\n\n- Announced Amazon S3 Vectors GA\n";
  CHECK(KindOf(en, "Keynote: Matt Garman") == "keynote");
  CHECK(RelationsIn(en).count("<section> announced aws_service/amazon-s3") == 1);
  const std::string ja = "# メモ\n\n■ 2. Keynote - Swami\n\n- 新サービス: Amazon Bedrock AgentCore を発表\n";
  CHECK(KindOf(ja, "Keynote - Swami") == "keynote");
  // negative: a numbered remark about the keynote is a heading, but no keynote
  CHECK(KindOf("# メモ\n\n## 3. Keynote was great\n\n- x\n", "3. Keynote was great") == "other");
  CHECK(KindOf("# Notes\n\n## 2. Keynotes I skipped\n\n- x\n", "2. Keynotes I skipped") == "other");
}

TEST_CASE("a platform left for a system is a move, a person leaving a company none", "[study_session_notes]") {
  const auto en = RelationsIn("# Shopify の事例\n\n- Shopify left Heroku for Google Cloud in 2022\n- Shopify ditched Jenkins for GitHub Actions\n");
  CHECK(en.count("company/shopify migrated_from company/heroku") == 1);
  CHECK(en.count("company/shopify migrated_to technology/google-cloud-platform") == 1);
  CHECK(en.count("company/shopify migrated_from technology/jenkins") == 1);
  CHECK(en.count("company/shopify migrated_to technology/github-actions") == 1);
  const auto ja = RelationsIn("# Shopify の事例\n\n- 要約: Shopify dropped self-managed Kafka for Amazon MSK\n");
  CHECK(ja.count("company/shopify migrated_from technology/kafka") == 1);
  CHECK(ja.count("company/shopify migrated_to aws_service/amazon-managed-streaming-for-apache-kafka") == 1);
  // negative: a person's job, a plan and a tool left for no system
  const auto job = RelationsIn("# Shopify の事例\n\n- Sam Okoro left Google for Stripe in 2021\n");
  CHECK(job.count("person/sam-okoro migrated_to company/stripe") == 0);
  CHECK(job.count("company/shopify migrated_to company/stripe") == 0);
  const auto plan = RelationsIn("# Shopify の事例\n\n- Shopify plans to leave Jenkins for Buildkite next year\n- Shopify left Kafka for a week of testing\n");
  CHECK(plan.count("company/shopify migrated_to technology/buildkite") == 0);
  CHECK(plan.count("company/shopify migrated_from technology/kafka") == 0);
}

TEST_CASE("a speaker's parenthesis with any field's lead names their company and role", "[study_session_notes]") {
  const std::string en = "# Notes\n\n## OPN301 - OpenTelemetry at scale\n\nSpeaker: Ravi Menon (Observability Lead, Quaywise)\n\n- Quaywise uses Grafana Tempo\n";
  CHECK(Has(en, "company:Quaywise"));
  const auto relations = RelationsIn(en);
  CHECK(relations.count("person/ravi-menon role_at company/quaywise") == 1);
  CHECK(relations.count("<section> presented_by company/quaywise") == 1);
  const std::string ja = "# メモ\n\n## 発表1: トレース基盤の話\n\n登壇者: Ravi Menon さん (Observability Lead, Quaywise)\n\n- Grafana Tempo を使っている\n";
  CHECK(Has(ja, "company:Quaywise"));
  CHECK(RelationsIn(ja).count("person/ravi-menon role_at company/quaywise") == 1);
  // negative: a metric's name before a comma is no job, and what follows it no company
  const std::string metric = "# Notes\n\n- DORA metrics (Lead time, Change Failure Rate) improved\n";
  CHECK_FALSE(Has(metric, "company:Change Failure Rate"));
  CHECK_FALSE(Has("# メモ\n\n- 指標 (Lead time, Deploy Frequency) を見る\n", "company:Deploy Frequency"));
}

TEST_CASE("Google Cloud's and Azure's managed services are named by their full names", "[study_session_notes]") {
  const std::string ja = "# メモ\n\n- CDN は Cloud CDN、ビルドは Cloud Build\n- 決済は Azure SQL Database と Azure Service Bus で構成\n";
  CHECK(Has(ja, "technology:Google Cloud CDN"));
  CHECK(Has(ja, "technology:Google Cloud Build"));
  CHECK(Has(ja, "technology:Azure SQL Database"));
  CHECK(Has(ja, "technology:Azure Service Bus"));
  const std::string en = "# Notes\n\n- Telemetry goes to Application Insights, events to Event Hubs\n";
  CHECK(Has(en, "technology:Azure Application Insights"));
  CHECK(Has(en, "technology:Azure Event Hubs"));
  // negative: the generic words alone name no product
  const std::string generic = "# Notes\n\n- We replaced the enterprise service bus; the app service layer and the front door stay\n";
  CHECK_FALSE(Has(generic, "technology:Azure Service Bus"));
  CHECK_FALSE(Has(generic, "technology:Azure App Service"));
  CHECK_FALSE(Has(generic, "technology:Azure Front Door"));
  CHECK_FALSE(Has("# メモ\n\n- cloud cdn って何? event hubs的な\n", "technology:Google Cloud CDN"));
}

TEST_CASE("what data is ingested into is in use", "[study_session_notes]") {
  const auto en = RelationsIn(
      "# Shopify の事例\n\n- Shopify ingests 4 TB of traces per day into Amazon OpenSearch Service\n"
      "- Shopify streams the CDC events into BigQuery\n");
  CHECK(en.count("company/shopify uses aws_service/amazon-elasticsearch-service") == 1);
  CHECK(en.count("company/shopify uses technology/google-bigquery") == 1);
  const auto ja = RelationsIn(
      "# Shopify の事例\n\n- Shopify は 1日 4 TB のトレースを Amazon OpenSearch Service に取り込んでいる\n"
      "- Shopify はログを Elasticsearch に投入している\n");
  CHECK(ja.count("company/shopify uses aws_service/amazon-elasticsearch-service") == 1);
  CHECK(ja.count("company/shopify uses technology/elasticsearch") == 1);
  // negative: a plan, in either language, and data loaded into no named system
  const auto plan = RelationsIn(
      "# Shopify の事例\n\n- Shopify will load the dumps into BigQuery next year\n- Shopify loaded the config into memory\n"
      "- Shopify は BigQuery にデータを取り込む予定\n- Shopify は Redshift に取り込むか検討中\n");
  CHECK(plan.empty());
}
