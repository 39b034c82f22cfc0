// A podcast's show notes, an architecture decision record and a social thread copied from X or Bluesky:
// whole extraction with the shipped rules, positive and negative cases in Japanese and English.
// The notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "extractor/thread_counter.h"
#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::ExtractText;
using kgx::testing::Has;
using kgx::testing::RelationsIn;
using kgx::testing::SectionTitles;

// "value unit per" of every quantity of `text` whose unit is `unit`.
std::set<std::string> QuantitiesOf(const std::string& text, const std::string& unit) {
  std::set<std::string> out;
  for (const kgx::Quantity& q : ExtractText(text).quantities) {
    if (q.unit == unit && q.value) out.insert(std::to_string(static_cast<long long>(*q.value)) + " " + q.unit + " " + q.per);
  }
  return out;
}

}  // namespace

TEST_CASE("a podcast's host line and a dated field are no headings: the title over the guest is the talk", "[podcast_notes]") {
  const std::string ja =
      "# ep.12 DB 移行の話（ゲスト: 山田さん）\n\n配信日: 2026/02/14 / 再生時間 1:12:40\n\n"
      "ゲスト: 株式会社サンプルテック CTO の山田 太郎さん\nホスト: かわむら (@kwmr)、しおり (@shiori)\n\n"
      "## Topics\n\n00:03:12 オンプレの MySQL から Amazon Aurora への移行\n";
  const auto titles = SectionTitles(ja);
  CHECK(titles.count("配信日: 2026/02/14 / 再生時間 1:12:40") == 0);
  CHECK(titles.count("ホスト: かわむら (@kwmr)、しおり (@shiori)") == 0);
  const auto relations = RelationsIn(ja);
  CHECK(relations.count("<section> presented_by company/サンプルテック") == 1);
  CHECK(relations.count("company/サンプルテック migrated_to aws_service/amazon-aurora") == 1);
  // the host line of a page with no guest, over the episode's notes
  CHECK(SectionTitles("# メモ\n\nホスト: かわむら (@kwmr)、しおり (@shiori)\n今回は DB 移行の話をしました。\n").count("ホスト: かわむら (@kwmr)、しおり (@shiori)") == 0);
  const auto en = SectionTitles("Episode 7: Moving to Kubernetes\n\nPublished: 2025-11-03\nHost: Jane Roe\nGuest: John Doe, Acme\n\nShow notes\nWe talked about the move, and a lot more.\n");
  CHECK(en.count("Published: 2025-11-03") == 0);
  CHECK(en.count("Host: Jane Roe") == 0);
  // negative: a title that only holds a year stays one, and so does a marked heading with a date
  CHECK(SectionTitles("# メモ\n\n2026年の振り返り\n今年は色々あった。\n").count("2026年の振り返り") == 1);
  CHECK(SectionTitles("# Notes\n\n## Date: 2026-01-22 retro\n- x\n").count("Date: 2026-01-22 retro") == 1);
  CHECK(SectionTitles("# Notes\n\nRelease notes\nWe shipped the new build today, and it works.\n").count("Release notes") == 1);
}

TEST_CASE("a social post's head and a reply line are no headings", "[thread_notes]") {
  const auto ja = SectionTitles(
      "# スレッド保存\n\nりょう / Ryo @ryo_dev · 2026年3月6日\n基調講演を実況します🧵\n1/3\n\n"
      "nagi (@nagi.bsky.social) · 2026-03-06 14:52\nメモ: Buildkite が速い\n\n返信先: @tomo_h さん\n自前って言ってました\n");
  CHECK(ja.count("りょう / Ryo @ryo_dev · 2026年3月6日") == 0);
  CHECK(ja.count("nagi (@nagi.bsky.social) · 2026-03-06 14:52") == 0);
  CHECK(ja.count("返信先: @tomo_h さん") == 0);
  const auto en = SectionTitles("# Thread\n\nJane Roe @jroe · Mar 6\nLive-tweeting the keynote\n\nReplying to @jroe\nGreat thread, thanks for sharing\n");
  CHECK(en.count("Jane Roe @jroe · Mar 6") == 0);
  CHECK(en.count("Replying to @jroe") == 0);
  // negative: a heading that names a handle without a post's "·" stays one
  CHECK(SectionTitles("# Notes\n\nNotes from @ryo_dev\nHe covered the build system, and the cache.\n").count("Notes from @ryo_dev") == 1);
}

TEST_CASE("an architecture decision record's number is no session code", "[record_notes]") {
  const std::string ja = "# ADR-012: メッセージング基盤を SQS から Amazon MSK に移行する\n\n- Status: Accepted\n\n## Context\n\n現状の課題。\n\n## Decision\n\nMSK を採用する。\n";
  const kgx::DocumentResult result = ExtractText(ja);
  REQUIRE_FALSE(result.sections.empty());
  CHECK(result.sections.front().kind == kgx::SectionKind::kOther);
  const auto titles = SectionTitles(ja);
  CHECK(titles.count("Context") == 1);
  CHECK(titles.count("Decision") == 1);
  CHECK(ExtractText("# ADR-7: Use PostgreSQL for billing\n\n## Context\n\nWe need it.\n").sections.front().kind == kgx::SectionKind::kOther);
  // negative: a session code with the same shape still opens a talk
  CHECK(ExtractText("# DAT303: Deep Dive on Amazon Aurora\n\n- メモ\n").sections.front().kind == kgx::SectionKind::kTalk);
  CHECK(ExtractText("# CUS-12: 株式会社サンプルテックの移行事例\n\n- メモ\n").sections.front().kind == kgx::SectionKind::kTalk);
}

TEST_CASE("msg and msgs count messages", "[record_notes]") {
  CHECK(QuantitiesOf("イベント量はピーク 4,500 msg/s まで増えた\n", "message") == std::set<std::string>{"4500 message second"});
  CHECK(QuantitiesOf("The broker peaks at 300 msgs/s on Monday.\n", "message") == std::set<std::string>{"300 message second"});
  // negative: msg inside a longer word is none
  CHECK(QuantitiesOf("We run 3 msgpack encoders.\n", "message").empty());
}

TEST_CASE("a past use said without the i and followed by a contrast is no use", "[record_notes]") {
  const std::string head = "# メモ\n\n## 配信基盤の話 — 山田 太郎 (株式会社サンプルテック)\n";
  CHECK(RelationsIn(head + "- Kinesis は前職で使ってたけど shard の運用がしんどかった\n").count("company/サンプルテック uses aws_service/amazon-kinesis") == 0);
  CHECK(RelationsIn(head + "- Kinesis を使ってましたが、今は MSK です\n").count("company/サンプルテック uses aws_service/amazon-kinesis") == 0);
  // positive: a use in the present stays one
  CHECK(RelationsIn(head + "- Kinesis を使っています\n").count("company/サンプルテック uses aws_service/amazon-kinesis") == 1);
  const std::string en = "# Notes\n\n## Streaming at Acme — Jane Roe, Acme\n";
  CHECK(RelationsIn(en + "- We used to run Kinesis, but it was hard\n").count("company/acme uses aws_service/amazon-kinesis") == 0);
  CHECK(RelationsIn(en + "- Built with Kinesis\n").count("company/acme uses aws_service/amazon-kinesis") == 1);
}

TEST_CASE("a trade word in kanji after a katakana name is part of the company", "[podcast_notes]") {
  CHECK(Has("ゲスト: 株式会社コマドリ食堂 CTO の山田 太郎さん\n", "company:コマドリ食堂"));
  CHECK(Has("株式会社ミドリ化学のデータ基盤の話\n", "company:ミドリ化学"));
  // negative: a word after の is no part of the name
  CHECK(Has("株式会社ミドリの食堂でランチ\n", "company:ミドリ"));
  CHECK_FALSE(Has("株式会社ミドリの食堂でランチ\n", "company:ミドリの食堂"));
}

TEST_CASE("a community conference named Kaigi with its year is the document's event", "[thread_notes]") {
  CHECK(ExtractText("# X のスレッド保存（Platform Engineering Kaigi 2026 実況）\n\nメモ\n").event == "Platform Engineering Kaigi 2026");
  CHECK(ExtractText("Notes from SRE Kaigi 2025\n\nGreat talks.\n").event == "SRE Kaigi 2025");
  // negative: a lower-case word or no year is no event
  CHECK(ExtractText("# 社内 kaigi 2026 の議事録\n\nメモ\n").event.empty());
  CHECK(ExtractText("# Platform Engineering Kaigi の感想\n\nメモ\n").event.empty());
}

TEST_CASE("a thread's post counter is told from a date and a fraction", "[thread_notes]") {
  CHECK(kgx::IsThreadCounter("2/12"));
  CHECK(kgx::IsThreadCounter("  12/12 "));
  CHECK(kgx::IsThreadCounter("(3/12)"));
  CHECK(kgx::IsThreadCounter("1/5 🧵"));
  // negative: a number above its total, a lone number, a fraction in a sentence, a full date
  CHECK_FALSE(kgx::IsThreadCounter("11/3"));
  CHECK_FALSE(kgx::IsThreadCounter("12"));
  CHECK_FALSE(kgx::IsThreadCounter("1/4 のコスト"));
  CHECK_FALSE(kgx::IsThreadCounter("2026/03/06"));
  CHECK_FALSE(kgx::IsThreadCounter("1/1"));
}

TEST_CASE("the last line of a thread's post over its counter is no heading", "[thread_notes]") {
  const auto ja = SectionTitles("# スレッド保存\n\nまず規模。monorepo に 3,000万行\nCI は 1日 250万ジョブ 😳\n2/12\n\n起動時間 12分 → 90秒\n3/12\n");
  CHECK(ja.count("CI は 1日 250万ジョブ 😳") == 0);
  CHECK(ja.count("起動時間 12分 → 90秒") == 0);
  const auto en = SectionTitles("# Thread\n\nFull build 45 min to 7 min\n4/12\n");
  CHECK(en.count("Full build 45 min to 7 min") == 0);
  // negative: a title over prose stays one, and so does a marked heading over a counter
  const auto plain = SectionTitles("# Notes\n\nBuild system\nThey moved to Bazel last year, and it paid off.\n");
  CHECK(plain.count("Build system") == 1);
  CHECK(SectionTitles("# Notes\n\n## Thread\n1/3\n").count("Thread") == 1);
}
