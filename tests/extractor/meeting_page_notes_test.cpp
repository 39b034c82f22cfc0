// Notes exported from Notion pages and AI meeting summaries, read with the shipped rules: a page's property
// lines are fields, no headings; a meeting's participants and the people it introduces with a role alone in
// parentheses are people; a speaker's company and job split by '/' or after a department, and a katakana
// company ending in a trade word (決済). Positive and negative, Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::Has;
using kgx::testing::KindOf;
using kgx::testing::Relates;
using kgx::testing::SectionTitles;

}  // namespace

TEST_CASE("a Notion page's property lines are fields, not headings", "[meeting_page]") {
  const auto en = SectionTitles(
      "# Conference notes\n\nDate: 2026年2月19日\nEvent: Developers Summit 2026\nTags: SRE, Observability\n"
      "Status: 完了\nCreated by: 西村 拓也\nLast edited time: 2026年2月21日 10:12\n\n## Talk one\n- x\n");
  for (const char* field : {"Date: 2026年2月19日", "Event: Developers Summit 2026", "Tags: SRE, Observability",
                            "Status: 完了", "Created by: 西村 拓也", "Last edited time: 2026年2月21日 10:12"}) {
    CHECK(en.count(field) == 0);
  }
  CHECK(en.count("Talk one") == 1);
  const auto ja = SectionTitles("# 参加メモ\n\nタグ: SRE, 監視\nステータス: 完了\n作成日時: 2026年2月21日 10:12\n\n本文\n");
  CHECK(ja.count("タグ: SRE, 監視") == 0);
  CHECK(ja.count("ステータス: 完了") == 0);
  CHECK(ja.count("作成日時: 2026年2月21日 10:12") == 0);
  CHECK(SectionTitles("# Meeting summary\n\nRecorded by: Zoom AI Companion\n\n## Key points\n- x\n")
            .count("Recorded by: Zoom AI Companion") == 0);
  // negative: a marked heading that starts with such a word stays one, and so does a talk header with a label
  CHECK(SectionTitles("# Notes\n\n## Status: what shipped this week\n- x\n").count("Status: what shipped this week") == 1);
  CHECK(KindOf("# Notes\n\nSession: Observability at scale\n- x\n", "Observability at scale") == "talk");
  CHECK(SectionTitles("# メモ\n\n2026年の振り返り\n今年は色々あった。\n").count("2026年の振り返り") == 1);
}

TEST_CASE("a meeting's participants listed with their companies are people", "[meeting_page]") {
  const std::string text =
      "# Meeting summary\n\nParticipants: 中島 悠斗 (ミズナギ決済), 石田 莉子 (ミズナギ決済), Sofia Marchetti (Corvane Systems), "
      "Daniel Brooks (Corvane Systems)\n";
  for (const char* person : {"person:中島 悠斗", "person:石田 莉子", "person:Sofia Marchetti", "person:Daniel Brooks"}) {
    CHECK(Has(text, person));
  }
  CHECK(Has("# 議事録\n\n参加者: 石田 莉子 (カモメ物流), 森 和也 (カモメ物流)\n", "person:森 和也"));
  // negative: handles and a surname alone with a part are no full names
  const std::string handles = "# 議事録\n\n- 参加者: @tanaka (司会), @suzuki, 佐藤, 山口 (記録)\n";
  CHECK_FALSE(Has(handles, "person:山口"));
  CHECK_FALSE(Has(handles, "person:佐藤"));
  CHECK_FALSE(Has("# Notes\n\nAttendees: Platform (5), Data (3)\n", "person:Platform"));
}

TEST_CASE("a person introduced with a role alone in parentheses is a person, at the company before them", "[meeting_page]") {
  const std::string ja = "# 議事録\n\n株式会社ミズナギ決済の 中島 悠斗（Head of Platform）が説明した。\n";
  CHECK(Has(ja, "person:中島 悠斗"));
  CHECK(Has(ja, "company:ミズナギ決済"));
  CHECK(Relates(ja, "person/中島-悠斗 role_at company/ミズナギ決済"));
  const std::string en = "# Summary\n\nStripe の Sofia Marchetti（Principal Solutions Architect）が紹介した。\n";
  CHECK(Has(en, "person:Sofia Marchetti"));
  CHECK(Relates(en, "person/sofia-marchetti role_at company/stripe"));
  CHECK(Has("# Summary\n\nDaniel Brooks (Customer Engineer) shared a case.\n", "person:Daniel Brooks"));
  CHECK(Relates("# 日記\n\n- 株式会社ツクシ物流 岡田 蓮さん（SRE リード）\n", "person/岡田-蓮 role_at company/ツクシ物流"));
  // negative: a product or a place with a note in parentheses is no person
  CHECK_FALSE(Has("# Notes\n\nGrafana Tempo (tracing) is fast.\n", "person:Grafana Tempo"));
  CHECK_FALSE(Has("# メモ\n\n東京 本社（会議室）で実施\n", "person:東京 本社"));
  CHECK_FALSE(Has("# メモ\n\n東京 本社（SRE 研修）で実施\n", "person:東京 本社"));
}

TEST_CASE("a speaker's company and job split by a slash or after a department give the talk and the role", "[meeting_page]") {
  const std::string ja =
      "# メモ\n\n## 19-A-3 決済基盤を Kubernetes に載せ替えた話\n\nSpeaker: 大森 千尋（株式会社ホオジロペイ / SRE マネージャー）\n\n"
      "- Amazon EKS に移行\n";
  CHECK(Relates(ja, "person/大森-千尋 role_at company/ホオジロペイ"));
  CHECK(Relates(ja, "company/ホオジロペイ migrated_to aws_service/amazon-eks"));
  const std::string dept = "# メモ\n\n## 社内 PaaS\n\nSpeaker: 松岡 健太（株式会社カイツブリ / プラットフォーム部 部長）\n\n- Backstage を使っている\n";
  CHECK(Relates(dept, "person/松岡-健太 role_at company/カイツブリ"));
  const std::string en = "# Notes\n\n## Portals\n\nSpeaker: Jane Doe (Brightcart / Platform Engineer)\n\n- We use Backstage.\n";
  CHECK(Relates(en, "person/jane-doe role_at company/brightcart"));
  // negative: a team, not a company, after the name gives no company
  CHECK_FALSE(Has("# メモ\n\n## 監視\n\nSpeaker: 大森 千尋（データプラットフォームチーム / SRE）\n", "company:データプラットフォームチーム"));
}

TEST_CASE("a katakana company ending in a trade word keeps it", "[meeting_page]") {
  CHECK(Has("# 議事録\n\n株式会社ミズナギ決済の事例\n", "company:ミズナギ決済"));
  CHECK_FALSE(Has("# 議事録\n\n株式会社ミズナギ決済の事例\n", "company:ミズナギ"));
  // negative: a department after the name is not part of it
  CHECK_FALSE(Has("# メモ\n\n株式会社カモメ 決済チームの話\n", "company:カモメ 決済チーム"));
  // a mail-order retailer, a trading house and a department store end in their trade too
  CHECK(Has("# メール\n\n講演者: 小川 健太 氏（株式会社ヤマガラ通販 プラットフォーム部 部長）\n", "company:ヤマガラ通販"));
  CHECK_FALSE(Has("# メール\n\n講演者: 小川 健太 氏（株式会社ヤマガラ通販 プラットフォーム部 部長）\n", "company:ヤマガラ"));
  CHECK(Has("# メモ\n\n株式会社ツバメ百貨店の事例\n", "company:ツバメ百貨店"));
}

TEST_CASE("a Developers Summit code of day, track letter and slot opens a talk, and names no company", "[meeting_page]") {
  const std::string ja = "# Developers Summit 2026 参加メモ\n\n## 19-C-2 社内 PaaS の 5 年間\n\n- Backstage を使っている\n";
  CHECK(KindOf(ja, "社内 PaaS の 5 年間") == "talk");
  CHECK_FALSE(Has(ja, "company:C-2"));
  CHECK(KindOf("# Devsumi notes\n\n【13-B-2】 Platform teams at scale\n- x\n", "Platform teams at scale") == "talk");
  // negative: a title that starts with a particle, and such a number in prose, open no talk
  CHECK(KindOf("# メモ\n\n## 3-A-1 を見た\n- x\n", "を見た").empty());
  CHECK(KindOf("# Notes\n\nRoom 3-A-1 was full today, so we left.\n", "was full today, so we left.").empty());
}
