// Segmenter with the shipped section rules: both talk header styles, keynotes, day headers,
// headings that open sections and sub-headings that do not.
#include <catch2/catch.hpp>

#include "extractor/normalizer.h"
#include "extractor/rule_file.h"
#include "extractor/segmenter.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace {

struct Segmented {
  kgx::NormalizedText normalized;
  kgx::Segmentation segmentation;
  std::string Title(std::size_t i) const {
    const auto& s = segmentation.sections.at(i);
    return normalized.text.substr(s.title_begin, s.title_end - s.title_begin);
  }
  std::string Code(std::size_t i) const {
    const auto& s = segmentation.sections.at(i);
    return normalized.text.substr(s.code_begin, s.code_end - s.code_begin);
  }
};

const kgx::Segmenter& ShippedSegmenter() {
  static const std::unique_ptr<kgx::Segmenter> segmenter = [] {
    std::vector<kgx::RuleDiagnostic> diagnostics;
    return kgx::Segmenter::Compile(kgx::testing::ShippedRuleBlocks(diagnostics), diagnostics);
  }();
  return *segmenter;
}

// Each section as "kind: title" (kind talk, keynote or other), for comparing a whole outline.
std::vector<std::string> Outline(const Segmented& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.segmentation.sections.size(); ++i) {
    const kgx::SectionKind kind = s.segmentation.sections[i].kind;
    out.push_back(std::string(kind == kgx::SectionKind::kTalk ? "talk" : kind == kgx::SectionKind::kKeynote ? "keynote" : "other") +
                  ": " + s.Title(i));
  }
  return out;
}

using Strings = std::vector<std::string>;

Segmented Run(const std::string& text) {
  Segmented out;
  out.normalized = kgx::Normalize(text);
  out.segmentation = ShippedSegmenter().Segment(kgx::SplitLines(out.normalized.text));
  return out;
}

}  // namespace

TEST_CASE("talk headers in the 'CODE - Title' style", "[segmenter]") {
  const auto s = Run("レポートです。\nDAT303 - Deep Dive on Amazon Aurora\n- Auroraは速い\nCON310 - Running Batch Jobs\n- ECS\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(s.segmentation.sections[1].line == 2);
  CHECK(s.segmentation.sections[1].end_line == 3);
  CHECK(s.Code(1) == "DAT303");
  CHECK(s.Title(1) == "Deep Dive on Amazon Aurora");
  CHECK(s.Code(2) == "CON310");
}

TEST_CASE("talk headers in the '(CODE) Title' style, full-width too", "[segmenter]") {
  const auto s = Run("メモ\n\n(BDT320) New! Streaming Data Flows\n\n  • Kinesis\n\n（ＡＲＣ３４８） Seagull: How Yelp Built It\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.Code(1) == "BDT320");
  CHECK(s.Title(1) == "New! Streaming Data Flows");
  CHECK(s.Code(2) == "ARC348");
  CHECK(s.Title(2) == "Seagull: How Yelp Built It");
}

TEST_CASE("talk headers with the code in brackets: [CODE] and 【CODE】, as Markdown headings too", "[segmenter]") {
  const auto s = Run("# メモ\n\n### [DAT401] Amazon DynamoDB Deep Dive\n- GSI\n\n【SVC201】 Serverless at scale\n- Lambda\n"
                     "[参考] リンク集\n");
  REQUIRE(s.segmentation.sections.size() >= 3);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(s.Code(1) == "DAT401");
  CHECK(s.Title(1) == "Amazon DynamoDB Deep Dive");
  CHECK(s.segmentation.sections[2].kind == kgx::SectionKind::kTalk);
  CHECK(s.Code(2) == "SVC201");
  CHECK(s.Title(2) == "Serverless at scale");
  for (std::size_t i = 3; i < s.segmentation.sections.size(); ++i) CHECK(s.segmentation.sections[i].kind != kgx::SectionKind::kTalk);
}

TEST_CASE("AWS Summit codes like A2-01, a speaker line under a talk is no heading", "[segmenter]") {
  const auto s = Run("Summit メモ\n\n【A2-01】 クックパッドのインフラ刷新\n登壇者: 星 北斗 (クックパッド株式会社)\n・ECS\n"
                     "D3-05 - 名刺データ化基盤\n- x\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.Code(1) == "A2-01");
  CHECK(s.segmentation.sections[1].end_line == 5);
  CHECK(s.Code(2) == "D3-05");
}

TEST_CASE("a numbered talk header, with sub-headings under it", "[segmenter]") {
  const auto s = Run("振り返り\n\n1. CMP311 - 新しいインスタンス\n概要\n- Graviton2\n2. DAT318 - Aurora Serverless v2\n- x\n"
                     "3. まとめ\n");
  REQUIRE(s.segmentation.sections.size() >= 3);
  CHECK(s.Code(1) == "CMP311");
  CHECK(s.Title(1) == "新しいインスタンス");
  CHECK(s.segmentation.sections[1].end_line == 5);
  CHECK(s.Code(2) == "DAT318");
}

TEST_CASE("a marked heading that names its speaker and affiliation after a dash is a talk", "[segmenter]") {
  const auto s = Run("# KubeCon メモ\n\n## Scaling Kubernetes to 7,500 Nodes — Eric Sigler, OpenAI\n- x\n"
                     "## Lessons Learned - Part Two\n- y\n## Migrating - Jane Doe (Example Corp)\n- z\n");
  REQUIRE(s.segmentation.sections.size() == 4);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(s.Title(1) == "Scaling Kubernetes to 7,500 Nodes");
  CHECK(s.segmentation.sections[2].kind == kgx::SectionKind::kOther);  // no affiliation: a subtitle
  CHECK(s.segmentation.sections[3].kind == kgx::SectionKind::kTalk);
}

TEST_CASE("a marked heading whose parenthesis names a speaker by title or honorific is a talk", "[segmenter]") {
  const auto s = Run("QCon メモ\n\n■ Uber のデータ基盤 (Uber, Senior Engineer)\n・Kafka\n■ 監視の話 (山田 太郎さん)\n・x\n"
                     "■ 障害報告 (2021/01/04)\n・y\n");
  REQUIRE(s.segmentation.sections.size() == 4);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(s.Title(1) == "Uber のデータ基盤");
  CHECK(s.segmentation.sections[2].kind == kgx::SectionKind::kTalk);
  CHECK(s.segmentation.sections[3].kind == kgx::SectionKind::kOther);
}

TEST_CASE("● marks a keynote or a session line in JAWS-style reports", "[segmenter]") {
  const auto s = Run("JAWS DAYS 2020 参加レポート\n\n● 基調講演: クラウドネイティブ\n・x\n\n● セッション: freeeの会計システム\n"
                     "登壇者: 佐藤 花子さん (freee株式会社 SRE)\n・y\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kKeynote);
  CHECK(s.segmentation.sections[2].kind == kgx::SectionKind::kTalk);
  CHECK(s.Title(2) == "freeeの会計システム");
}

TEST_CASE("a blog's 【レポート】 before the code and #hashtags after the title", "[segmenter]") {
  const auto s = Run("まとめ\n\n【レポート】DAT401: Amazon DynamoDB Deep Dive #reinvent\n- x\n"
                     "【レポート】ARC335-R: Chaos Engineering #reinvent #ARC335\n- y\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.Code(1) == "DAT401");
  CHECK(s.Title(1) == "Amazon DynamoDB Deep Dive");
  CHECK(s.Code(2) == "ARC335-R");
  CHECK(s.Title(2) == "Chaos Engineering");
}

TEST_CASE("the session code last, in parentheses or brackets", "[segmenter]") {
  const auto s = Run("notes\n\nDeep Dive on Amazon Aurora (DAT303)\n- x\n## Aurora Serverless v2 [DAT318-R1]\n- y\n"
                     "AWS Summit recap (AWS2019)\n- z\n- 詳しくは Aurora のセッション (DAT303)\n・同じく (DAT304)\n");
  REQUIRE(s.segmentation.sections.size() >= 3);
  CHECK(s.Code(1) == "DAT303");
  CHECK(s.Title(1) == "Deep Dive on Amazon Aurora");
  CHECK(s.Code(2) == "DAT318-R1");
  CHECK(s.Title(2) == "Aurora Serverless v2");
  for (std::size_t i = 3; i < s.segmentation.sections.size(); ++i) CHECK(s.segmentation.sections[i].kind != kgx::SectionKind::kTalk);
}

TEST_CASE("a 'Session:' line opens a talk without a code", "[segmenter]") {
  const auto s = Run("QCon メモ\n\nSession: Scaling Slack's Job Queue\n- Kafka\nセッション: 大規模サービスの監視\n- x\n"
                     "- Session: the bullet is no header\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(s.Code(1).empty());
  CHECK(s.Title(1) == "Scaling Slack's Job Queue");
  CHECK(s.Title(2) == "大規模サービスの監視");
  CHECK(s.segmentation.sections[2].end_line == 7);
}

TEST_CASE("a meetup's numbered talks open talks: 'Talk 1:', 'Lightning talk:', 'LT2:', '発表3:'", "[segmenter]") {
  const auto s = Run("Serverless Meetup #7 notes\n\nTalk 1: Queues at Fernhill\n* SQS\nTalk 2: Cold starts\n* x\n"
                     "Lightning talk: CDK tips\n* y\nLT2: 監視の話\n- z\n発表3: 社内ツールの紹介\n- w\n"
                     "Talk is cheap: a remark\n");
  REQUIRE(s.segmentation.sections.size() >= 6);
  const char* titles[] = {"Queues at Fernhill", "Cold starts", "CDK tips", "監視の話", "社内ツールの紹介"};
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(s.segmentation.sections[i + 1].kind == kgx::SectionKind::kTalk);
    CHECK(s.Title(i + 1) == titles[i]);
    CHECK(s.Code(i + 1).empty());
  }
  for (std::size_t i = 6; i < s.segmentation.sections.size(); ++i) CHECK(s.segmentation.sections[i].kind != kgx::SectionKind::kTalk);
}

TEST_CASE("a heading right above a speaker line is a talk, a day header is not", "[segmenter]") {
  const auto s = Run("# PlatformCon 2025 notes\n\n### Building a portal with Backstage\n**Speaker:** Ana Lopes, Head of Platform @ Fernhill\n"
                     "**Level:** 300\n- Fernhill runs 400+ services\n\n### 監視の話\n登壇者: 木村 誠さん\n- Grafana\n\n"
                     "### Panel: The future of platform teams\n**Panelists:** Ana Lopes (Fernhill), Ben Ford (Orchard)\n- x\n\n"
                     "## Takeaways\n- Backstage is everywhere\n\n2日目\nSpeaker: nobody\n");
  CHECK(Outline(s) == Strings{"other: PlatformCon 2025 notes", "talk: Building a portal with Backstage", "talk: 監視の話",
                              "talk: The future of platform teams", "other: Takeaways", "other: 2日目"});
  CHECK(s.segmentation.sections.at(1).end_line == 7);
}

TEST_CASE("a heading is a talk when a speaker line follows a few bullets, as in a slide outline", "[segmenter]") {
  const auto s = Run("# Sample Conference 2026 メモ\n\n## 認証基盤の刷新\n- 前置きの話があった。\n- 発表者: 高橋三郎（株式会社ミツバチ）\n"
                     "- Cognito\n\n## Building a portal\n- Agenda first\n- Speaker: Ana Lopes, Fernhill\n- Backstage\n");
  CHECK(Outline(s) == Strings{"other: Sample Conference 2026 メモ", "talk: 認証基盤の刷新", "talk: Building a portal"});
  // not a later heading's speaker, nor one further down than a few lines
  const auto n = Run("# メモ\n\n## 懇親会\n- 楽しかった。\n## 監視の話\n発表者: 木村 誠さん\n- Grafana\n\n## 振り返り\n"
                     "- a。\n- b。\n- c。\n- d。\n- e。\n- 発表者: 森 薫さん\n");
  CHECK(Outline(n) == Strings{"other: メモ", "other: 懇親会", "talk: 監視の話", "other: 振り返り"});
  // a speaker line indented under a bullet speaks for that bullet's item, not for the heading
  const auto m = Run("# Meetup #5 メモ\n\n- Talk 1: Kafkaの話\n  - 登壇者: 山田太郎（株式会社ミツバチ）\n- Talk 2: Flink\n"
                     "  - Speaker: Ana Lopes (Fernhill)\n");
  CHECK(Outline(m) == Strings{"other: Meetup #5 メモ"});
}

TEST_CASE("a day's keynote heading: 'Day 1: Keynote with …', 'Day 2: Swami's keynote', '2日目: 基調講演'", "[segmenter]") {
  const auto s = Run("# re:Invent recap\n\n## Day 1: Keynote with Matt Garman\n- Announced: X\n## Day 2: Swami's keynote\n- y\n"
                     "## 3日目: 基調講演\n- z\n## Day 4: Expo\n- booths\n");
  CHECK(Outline(s) == Strings{"other: re:Invent recap", "keynote: Day 1: Keynote with Matt Garman", "keynote: Day 2: Swami's keynote",
                              "keynote: 3日目: 基調講演", "other: Day 4: Expo"});
}

TEST_CASE("a blog's report of one session: '【レポート】Title #tag' is the talk, its ▼概要 no heading", "[segmenter]") {
  const auto s = Run("【レポート】大規模トラフィックを支えるキャッシュ戦略 #AWSSummit\n\n▼セッション概要\n"
                     "スピーカー：ヤマブキ株式会社 森田 誠一 氏\nセールの話です。\n\n▼セッション内容\n●背景\n・20倍\n"
                     "●結果\n・1/5\n\n▼感想\n奥が深いですね。\n");
  CHECK(Outline(s) == Strings{"talk: 大規模トラフィックを支えるキャッシュ戦略", "other: ▼感想"});
  // a plain "概要" heading of a post-mortem is still one
  const auto p = Run("障害報告\n\n概要\n決済APIが遅延しました。\n");
  CHECK(p.segmentation.sections.size() == 2);
}

TEST_CASE("a podcast's or an interview's title over its guest line is the guest's talk", "[segmenter]") {
  const auto s = Run("ポッドキャスト第3回 メモ\n\nゲスト: 株式会社フクロウ CTOの木村 誠さん\n聞き手: 森 薫\n- 監視の話\n\n"
                     "印象に残った話\n監視はSLOから決めるとのこと。\n");
  CHECK(Outline(s) == Strings{"talk: ポッドキャスト第3回 メモ", "other: 印象に残った話"});
  // a first line that is a sentence is no title of a talk
  CHECK(Outline(Run("この記事は参加レポートの続きです。\nGuest: Ana Lopes\n")) == Strings{"other: この記事は参加レポートの続きです。"});
}

TEST_CASE("labelled links and guest or host lines are no headings", "[segmenter]") {
  const auto s = Run("Talk 1: Queues at Fernhill\nSpeaker: Ana Lopes\nSlides: https://example.com/s\n* SQS\n"
                     "Recording: https://example.com/v\n* x\n");
  REQUIRE(s.segmentation.sections.size() == 1);
  const auto p = Run("ポッドキャスト第3回 メモ\n\nゲスト: 株式会社フクロウ CTOの木村 誠さん\n聞き手: 森 薫\n- 話題は監視\n"
                     "資料: https://example.com/deck\n- 以上\nGuest: Ana Lopes\nHost: Ben Ford\n");
  REQUIRE(p.segmentation.sections.size() == 1);
}

TEST_CASE("keynotes, day headers and other headings open sections", "[segmenter]") {
  const auto s = Run("intro line\n2日目\nKeynote Day2 - Werner Vogels\n- 発表\nJapan Night\n懇親会に参加しました。\n");
  REQUIRE(s.segmentation.sections.size() == 4);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kOther);
  CHECK(s.Title(1) == "2日目");
  CHECK(s.segmentation.sections[2].kind == kgx::SectionKind::kKeynote);
  CHECK(s.Title(2) == "Keynote Day2 - Werner Vogels");
  CHECK(s.segmentation.sections[3].kind == kgx::SectionKind::kOther);
  CHECK(s.Title(3) == "Japan Night");
}

TEST_CASE("a sub-heading over bullets stays inside its talk", "[segmenter]") {
  const auto s = Run("DAT320 - AWS Database State of the Union\n概要です。\nRDB\n- RDS\nBig Data\n-\nRedshift : $1,000/TB/year\n");
  REQUIRE(s.segmentation.sections.size() == 1);
  CHECK(s.segmentation.sections[0].end_line == 7);
}

TEST_CASE("Markdown notes: a heading as high as the talk's ends it, a deeper one does not", "[segmenter]") {
  const auto s = Run("# AWS Summit Tokyo 2019 メモ\n\n## 基調講演\n- 発表いろいろ\n\n## CUS-01 メルカリのマイクロサービス化\n"
                     "- メルカリの方\n### 質疑応答\n- Q&A\n## DEV-12: サーバーレス IoT 基盤\n- ソラコム\n## 所感\n- 楽しかった\n");
  REQUIRE(s.segmentation.sections.size() == 5);
  CHECK(s.Title(0) == "AWS Summit Tokyo 2019 メモ");  // without the #s
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kKeynote);
  CHECK(s.segmentation.sections[2].kind == kgx::SectionKind::kTalk);
  CHECK(s.Code(2) == "CUS-01");
  CHECK(s.Title(2) == "メルカリのマイクロサービス化");
  CHECK(s.segmentation.sections[2].end_line == 9);  // ### 質疑応答 stays inside
  CHECK(s.Code(3) == "DEV-12");
  CHECK(s.segmentation.sections[4].kind == kgx::SectionKind::kOther);
  CHECK(s.Title(4) == "所感");
  CHECK(s.segmentation.sections[4].line == 12);
}

TEST_CASE("■ marks headings in Japanese notes, under an unmarked talk it is a sub-heading", "[segmenter]") {
  const auto s = Run("参加レポート\n\n■ Keynote: The Future of Cloud Native\n・オープニング\n"
                     "■ LINEヤフーにおける 1万台規模の Kubernetes 運用\n・SRE の方\n"
                     "■ Platform Engineering with Crossplane and friends (Upbound)\n・CRD で管理\n");
  REQUIRE(s.segmentation.sections.size() == 4);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kKeynote);
  CHECK(s.Title(1) == "Keynote: The Future of Cloud Native");
  CHECK(s.Title(2) == "LINEヤフーにおける 1万台規模の Kubernetes 運用");
  CHECK(s.Title(3) == "Platform Engineering with Crossplane and friends (Upbound)");  // ends with ')', still a heading
  const auto t = Run("メモ\n(BDT320) Streaming Data\n■ 概要\n・Kinesis の話\n■ 所感\n・よかった\n");
  REQUIRE(t.segmentation.sections.size() == 2);  // the talk keeps its ■ sub-headings
  CHECK(t.segmentation.sections[1].end_line == 6);
}

TEST_CASE("hyphenated session codes need two to four letters and two or three digits", "[segmenter]") {
  const auto s = Run("メモ\nCUS-01 - Customer Story\n- x\nCOVID-19 対策の話\n- y\nEC2-VPC - Networking\n- z\n");
  REQUIRE(s.segmentation.sections.size() >= 2);
  CHECK(s.Code(1) == "CUS-01");
  for (std::size_t i = 2; i < s.segmentation.sections.size(); ++i) CHECK(s.segmentation.sections[i].kind != kgx::SectionKind::kTalk);
}

TEST_CASE("a heading may end with a date or name in parentheses, not with a remark", "[segmenter]") {
  const auto s = Run("他社事例まとめ\n\nSlack の障害ポストモーテム (2021/01/04)\n- TGW の帯域上限\n\n"
                     "DEV-12 - サーバーレス IoT 基盤 (ソラコム)\n- x\n\nスライドは後で公開 (たぶん)\n\n次の話\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.Title(1) == "Slack の障害ポストモーテム (2021/01/04)");
  CHECK(s.Code(2) == "DEV-12");
  CHECK(s.segmentation.sections[2].end_line == 11);  // the remark and the line after it stay in the talk
}

TEST_CASE("lines that are sentences, link bars or continuations are not headings", "[segmenter]") {
  const auto s = Run("ARC301 - SaaS on AWS\n公式 | SlideShare | YouTube\n説明です。\n- デモは失敗、\nmbox hogehoge\nという社内コマンド\n技術メモです\nその後\n夕方はブースを回りました。\n");
  REQUIRE(s.segmentation.sections.size() == 2);
  CHECK(s.Title(1) == "その後");
}

TEST_CASE("a line that ends in casual speech is no heading, a title in the past tense is", "[segmenter]") {
  const auto s = Run("スレッドのメモ\n\n昔は Jenkins を自前で 400台 運用してた\n→ 今は Buildkite\n\nコストの話もあった\n- CI は高い\n\n"
                     "移行に 18ヶ月 かかったって\n- 長い\n\nビルドは速かった\n- 7分\n\nEKS に移行した\n- 構成\n");
  REQUIRE(s.segmentation.sections.size() == 2);
  CHECK(s.Title(1) == "EKS に移行した");
}

TEST_CASE("commands and code fences in a talk are no headings", "[segmenter]") {
  const auto s = Run("メモ\n\n## CON401 - Container deep dive\n\n```bash\naws ecs create-cluster\nkubectl get pods\n```\n- x\n");
  REQUIRE(s.segmentation.sections.size() == 2);
  CHECK(s.segmentation.sections[1].end_line == 9);
}

TEST_CASE("the event comes from the [event] rules", "[segmenter]") {
  CHECK(Run("この記事は re:Invent2016参加レポート(1) の続きです。\n").segmentation.event == "AWS re:Invent 2016");
  CHECK(Run("# AWS Summit Tokyo 2018 メモ\n").segmentation.event == "AWS Summit Tokyo 2018");
  CHECK(Run("KubeCon + CloudNativeCon Japan 2025 参加レポート\n").segmentation.event == "KubeCon + CloudNativeCon Japan 2025");
  CHECK(Run("QCon London 2023 notes\n").segmentation.event == "QCon London 2023");
  CHECK(Run("ただのメモ\n").segmentation.event.empty());
}

TEST_CASE("a Summit code opens a talk with a dash or brackets, an identifier before a space does not", "[segmenter]") {
  // "SHA-256 でハッシュ化", "UTF-16 で保存", "SQL-92 準拠" have a Summit code's shape: a code followed
  // by a space alone is no header, or every such line in a note would open a talk.
  const auto s = Run("参加レポート\n\nCUS-12 - 株式会社サンプルにおけるサーバーレス移行\n\n登壇されました。\n\n"
                     "SHA-256 でハッシュ化して保存\nUTF-16 で保存されていた\nSQL-92 準拠のクエリ\n\n【A2-05】 Building a data lake\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.Code(1) == "CUS-12");
  CHECK(s.Title(1) == "株式会社サンプルにおけるサーバーレス移行");
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(s.segmentation.sections[1].end_line == 10);
  CHECK(s.Code(2) == "A2-05");
}

TEST_CASE("a Summit Japan code, a space and a long title open a talk, identifiers and sentences do not", "[segmenter]") {
  const auto s = Run("AWS Summit Japan 2025 メモ\n\nAWS-07 生成AIアプリのオブザーバビリティ\n・トレースを可視化\n\n"
                     "CUS-45 株式会社ナビタイムジャパンにおけるAmazon Aurora Serverless v2活用事例\n・移行した\n\n"
                     "DEV-12 GitHub ActionsとAWS CDKで作るCI/CD\n・デプロイ\n");
  REQUIRE(s.segmentation.sections.size() == 4);
  CHECK(s.Code(1) == "AWS-07");
  CHECK(s.Title(1) == "生成AIアプリのオブザーバビリティ");
  CHECK(s.Code(2) == "CUS-45");
  CHECK(s.Code(3) == "DEV-12");
  CHECK(s.Title(3) == "GitHub ActionsとAWS CDKで作るCI/CD");
  for (const char* line : {"SQL-92 準拠のクエリ", "COVID-19 対策として在宅勤務が増えた", "UTF-16 エンコーディングで保存する",
                           "JIRA-12 ログイン画面の不具合を修正した", "SHA-256 でハッシュ化して保存", "ISO-27001 認証を取得済みの環境"}) {
    const auto t = Run(std::string("ARC301 - SaaS on AWS\n- x\n") + line + "\n- y\n");
    CHECK(t.segmentation.sections.size() == 1);
  }
}

TEST_CASE("a keynote stays a keynote when a talk rule fits its line too, Monday Night Live is one", "[segmenter]") {
  const auto s = Run("# re:Invent 2024\n\n## Keynote: Swami Sivasubramanian (VP of AI and Data, AWS)\n- x\n\n"
                     "## Monday Night Live with Peter DeSantis\n- y\n\n## Scaling Kafka (Jane Doe, Staff Engineer)\n- z\n");
  REQUIRE(s.segmentation.sections.size() == 4);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kKeynote);
  CHECK(s.segmentation.sections[2].kind == kgx::SectionKind::kKeynote);
  CHECK(s.segmentation.sections[3].kind == kgx::SectionKind::kTalk);
}

TEST_CASE("a chat log's lines and a front matter's fields are not headings", "[segmenter]") {
  const auto chat = Run("#reinvent チャンネルのログ\n\n[10:32] tanaka: DAT303 聞いてる?\n[10:33] suzuki: 聞いてる\n"
                        "[10:36] tanaka: 毎秒 20万 トランザクションだって\n[10:41 AM] Jane: Lambda SnapStart now\n"
                        "[10:45] suzuki: 次は ARC402\n");
  CHECK(chat.segmentation.sections.size() == 1);
  const auto front = Run("メモ\n---\ntitle: \"Aurora に移行した話\"\nemoji: \"x\"\npublished: false\n---\n\n## はじめに\n\n本文です。\n");
  REQUIRE(front.segmentation.sections.size() == 2);
  CHECK(front.Title(1) == "はじめに");
}

TEST_CASE("a session code written in lower case opens a talk when its track prefix is one AWS uses", "[segmenter]") {
  const auto s = Run("re:Invent 2022 day 2 memo\n\ndat303-r1 deep dive on amazon aurora\n- storage\n\n"
                     "arc309-r: Netflix の multi-region 構成\n- failover\n\nsha256 でハッシュ化\n\nrfc793 tcp\n");
  REQUIRE(s.segmentation.sections.size() == 4);
  CHECK(s.Code(1) == "dat303-r1");  // the extractor writes it in upper case
  CHECK(s.Title(1) == "deep dive on amazon aurora");
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(s.Code(2) == "arc309-r");
  CHECK(s.Title(2) == "Netflix の multi-region 構成");
  // "sha256 でハッシュ化" is a plain heading (prose follows it), and neither it nor "rfc793" is a code
  CHECK(s.segmentation.sections[3].kind == kgx::SectionKind::kOther);
  CHECK(s.Code(3).empty());
  CHECK(s.segmentation.sections[3].end_line == 11);
}

TEST_CASE("lines of a fenced code block are never headings, an unclosed fence changes nothing", "[segmenter]") {
  const auto s = Run("# Weekly notes\n\n## Config we copied\n\n```yaml\napiVersion: karpenter.sh/v1\nkind: NodePool\n"
                     "spec:\n  limits:\n    cpu: 1000\n```\n\nWe copied it as is.\n\n## Action items\n- Try Kyverno\n");
  CHECK(Outline(s) == Strings{"other: Weekly notes", "other: Config we copied", "other: Action items"});
  CHECK(s.segmentation.code_lines == std::vector<std::size_t>{5, 6, 7, 8, 9, 10, 11});
  const auto open = Run("# Notes\n\n```\nSummary\n\nWe stopped here.\n");
  CHECK(open.segmentation.code_lines.empty());
  CHECK(Outline(open) == Strings{"other: Notes", "other: Summary"});
}

TEST_CASE("a document title over a talk with a code does not take the talk's speaker", "[segmenter]") {
  const auto s = Run("re:Invent 2023 メモ (Day 3)\n\n[SVS401] Best practices for serverless developers\n"
                     "- スピーカー: Julian Wood, Principal Developer Advocate, AWS\n- Lambda SnapStart\n");
  CHECK(Outline(s) == Strings{"other: re:Invent 2023 メモ (Day 3)", "talk: Best practices for serverless developers"});
  // a heading right over its own speaker line is still a talk
  CHECK(Outline(Run("memo\n\n### Building a portal with Backstage\n**Speaker:** Jane Doe, Acme\n- x\n")) ==
        Strings{"other: memo", "talk: Building a portal with Backstage"});
}

TEST_CASE("'Day 1 基調講演' is a keynote, an event's year written '25", "[segmenter]") {
  CHECK(Outline(Run("# メモ\n\n## Day 1 基調講演\n- 発表あり\n")) == Strings{"other: メモ", "keynote: Day 1 基調講演"});
  CHECK(Run("# Google Cloud Next Tokyo '25 参加メモ\n").segmentation.event == "Google Cloud Next Tokyo 2025");
  CHECK(Run("KubeCon Japan '25 recap\n").segmentation.event == "KubeCon Japan 2025");
  CHECK(Run("# Next '25 の感想\n").segmentation.event.empty());  // a bare "Next" is no event name
}

TEST_CASE("a numbered meetup or user group is the event: Meetup #42, JAWS-UG 東京 #50", "[segmenter]") {
  CHECK(Run("# Cloud Native Berlin Meetup #42 — write-up\n").segmentation.event == "Cloud Native Berlin Meetup #42");
  CHECK(Run("Kubernetes Meetup Tokyo #60 に参加しました。\n").segmentation.event == "Kubernetes Meetup Tokyo #60");
  CHECK(Run("# JAWS-UG 東京 #50 参加レポート\n").segmentation.event == "JAWS-UG 東京 #50");
  CHECK(Run("JAWS-UG #12 のLT\n").segmentation.event == "JAWS-UG #12");
  CHECK(Run("# JAWS-UG 東京 第99回 勉強会メモ\n").segmentation.event == "JAWS-UG 東京 #99");
  CHECK(Run("# ＪＡＷＳ－ＵＧ 東京 ＃５０\n").segmentation.event == "JAWS-UG 東京 #50");  // full-width, normalised
  // not an issue or a pull request, not a meetup without a name, not a meetup without its number
  CHECK(Run("# メモ\n- issue #42 を直した\n- PR #1234 Merge\n").segmentation.event.empty());
  CHECK(Run("the meetup #3 was fun\n").segmentation.event.empty());
  CHECK(Run("# Kubernetes Meetup Tokyo の感想\n").segmentation.event.empty());
  CHECK(Run("Meetupで話した #3\n").segmentation.event.empty());
}

TEST_CASE("a study group's session and more conferences are events: 勉強会 #18, PyCon JP 2024", "[segmenter]") {
  CHECK(Run("# Serverless 勉強会 #18 参加レポート\n").segmentation.event == "Serverless 勉強会 #18");
  CHECK(Run("AWS勉強会 #3 のメモ\n").segmentation.event == "AWS勉強会 #3");
  CHECK(Run("# Live blog: PlatformCon London 2026, day 2\n").segmentation.event == "PlatformCon London 2026");
  CHECK(Run("# メモ\n\nPyCon JP 2024 のメモ\n").segmentation.event == "PyCon JP 2024");
  CHECK(Run("RubyKaigi 2025 day1\n").segmentation.event == "RubyKaigi 2025");
  CHECK(Run("DevOpsDays Tokyo 2024 と AWS Summit Tokyo 2024\n").segmentation.event == "AWS Summit Tokyo 2024");  // a known one first
  // not a word that only ends like one, not a name apart from "Con", not a 勉強会 without its number
  CHECK(Run("My Con 2025\nthe falcon 2025 model\n").segmentation.event.empty());
  CHECK(Run("社内勉強会 #1\n").segmentation.event.empty());
  CHECK(Run("# 勉強会のメモ\n").segmentation.event.empty());
}

TEST_CASE("a live blog's talk line written after its time: 11:20 — Talk: …", "[segmenter]") {
  CHECK(Outline(Run("# Live blog\n\n10:41 — Brightwave runs 420 services.\n\n11:20 — Talk: Scaling Backstage at Orbitly\n\n"
                    "11:24 — the portal serves 1,800 engineers.\n")) ==
        Strings{"other: Live blog", "talk: Scaling Backstage at Orbitly"});
  CHECK(Outline(Run("# notes\n\nTalk: Platform teams\n- x\n")) == Strings{"other: notes", "talk: Platform teams"});
  CHECK(Outline(Run("# notes\n\nTalk is cheap: show me the code\n")) ==
        Strings{"other: notes", "other: Talk is cheap: show me the code"});
  // no talk, and no heading either: a line the time opens is a timeline entry
  CHECK(Outline(Run("# notes\n\n10:32 — Talks start late today\n")) == Strings{"other: notes"});
}

TEST_CASE("a marked talk keeps its deeper headings with prose under them, a heading as high ends it", "[segmenter]") {
  // a 登壇レポート: "# 【発表内容】…" over "## 背景" and prose stays one talk until the next "# …"
  const auto s = Run("# はじめに\n鈴木です。\n\n# 【発表内容】EC2 から Lambda へ、3年かけた移行の話\n\n## 背景\n"
                     "バッチは EC2 上の cron で動いていました。\n\n## 結果\n月額は 45万円 から 12万円 になりました。\n\n"
                     "# 【懇親会】\n楽しかったです。\n");
  CHECK(Outline(s) == Strings{"other: はじめに", "talk: EC2 から Lambda へ、3年かけた移行の話", "other: 【懇親会】"});
  CHECK(s.segmentation.sections[1].end_line == 11);
  // English, a level-2 talk: ### and #### with prose stay in it, the next ## ends it
  const auto e = Run("# KubeCon notes\n\n## CON401 - Scaling Karpenter\n### Background\nThey ran 300 nodes on EC2.\n"
                     "#### Details\nSpot cut the cost by 60 percent.\n## Hallway track\nMet a few people.\n");
  CHECK(Outline(e) == Strings{"other: KubeCon notes", "talk: Scaling Karpenter", "other: Hallway track"});
  CHECK(e.segmentation.sections[1].end_line == 7);
  // a deeper heading over a speaker line is a talk of its own, also under a keynote
  const auto k = Run("# Day 1\n## Keynote: The future\n### Announcements\nMany launches this year.\n"
                     "### Running Postgres with Patroni\nSpeaker: Tomasz Nowak, Kovalyov Labs\n- 340 clusters\n");
  CHECK(Outline(k) == Strings{"other: Day 1", "keynote: Keynote: The future", "talk: Running Postgres with Patroni"});
  // negative: under an unmarked talk header, a marked heading with prose still opens a section
  const auto u = Run("メモ\nDAT303 - Deep Dive on Amazon Aurora\n- 速い\n## 所感\n楽しかったです。\n");
  CHECK(Outline(u) == Strings{"other: メモ", "talk: Deep Dive on Amazon Aurora", "other: 所感"});
  // negative: a marked heading that is no talk keeps its old behaviour (its sub-headings open sections)
  const auto o = Run("# 事例\n## 背景\n課題がありました。\n### 詳細\nコストが高かった。\n");
  CHECK(Outline(o) == Strings{"other: 事例", "other: 背景", "other: 詳細"});
}

TEST_CASE("a Notion toggle opens a talk when its title is a talk header or a speaker line follows", "[segmenter]") {
  const auto s = Run("# re:Invent メモ\n\n▶ DAT303 - Deep Dive on Amazon Aurora\n    - Limitless Database\n"
                     "    旧構成では RDS を 12 台使っていた。\n\n- ▶ Scaling Karpenter（CON401）\n    Karpenter を 300 ノードで運用。\n\n"
                     "▶ 監視の話\n    登壇者: 山田 太郎さん (株式会社X)\n    Datadog から移行した。\n\n"
                     "▶ 所感\n    満席だった。\n▶ サマリー\n    - Aurora の話が多かった\n");
  CHECK(Outline(s) == Strings{"other: re:Invent メモ", "talk: Deep Dive on Amazon Aurora", "talk: Scaling Karpenter",
                              "talk: 監視の話", "other: 所感"});
  CHECK(s.Code(1) == "DAT303");
  CHECK(s.Code(2) == "CON401");
  CHECK(s.segmentation.sections[1].end_line == 6);  // the toggle's indented lines are the talk's
  CHECK(s.segmentation.sections[3].end_line == 13);
  // English: Session:, Talk 1: and a keynote in toggles; a short indented line over prose stays inside
  const auto e = Run("KubeCon notes\n▶ Keynote: Cloud native at 10\n    Announcements\n    CNCF now hosts 200 projects.\n"
                     "- ▶ Talk 1: Backstage at Spotify\n    Speaker notes\n    2,000 engineers use it daily.\n"
                     "## Takeaways\n- evaluate Backstage\n");
  CHECK(Outline(e) == Strings{"other: KubeCon notes", "keynote: Keynote: Cloud native at 10",
                              "talk: Backstage at Spotify", "other: Takeaways"});
  // negative: ordinary toggles (a quarterly review in Notion) open no section, nor do ▶ bullets
  const auto n = Run("# Platform チーム 四半期振り返り\n\n▶ サマリー\n    - Kubernetes クラスタを集約\n\n"
                     "▶ 詳細: クラスタ集約\n    旧構成では EKS クラスタが 12 個あった。\n\n▶ 来期やること\n    - [ ] Karpenter 導入\n");
  CHECK(Outline(n) == Strings{"other: Platform チーム 四半期振り返り"});
  const auto b = Run("DAT303 - Aurora\n▶ 速かった\n▶ Summary of the talk\nIt was a good talk overall, I think.\n");
  CHECK(Outline(b) == Strings{"talk: Aurora"});
  // negative: "- ▶" needs a space after the list mark, "▶DAT303 を参照" is a bullet with a code, no talk
  const auto c = Run("メモ\n-▶ DAT303 - Title\n▶ 詳しくは DAT303 を参照\n");
  CHECK(Outline(c) == Strings{"other: メモ"});
}

TEST_CASE("a talk a Notion toggle opened ends at any marked heading, however deep", "[segmenter]") {
  // Under a toggle "#### 所感" and "◆ まとめ" end the talk; under "## DAT303 - …" the same
  // "#### 所感" is a sub-heading of the talk and "◆ まとめ" (level 3) one too.
  const auto t = Run("# re:Invent メモ\n\n▶ DAT303 - Deep Dive on Amazon Aurora\n    - Limitless Database\n"
                     "#### 所感\n満席だった。\n▶ SEC301 - Zero trust\n    - IAM\n◆ まとめ\nよかった。\n");
  CHECK(Outline(t) == Strings{"other: re:Invent メモ", "talk: Deep Dive on Amazon Aurora", "other: 所感",
                              "talk: Zero trust", "other: まとめ"});
  const auto m = Run("# re:Invent メモ\n\n## DAT303 - Deep Dive on Amazon Aurora\n- Limitless Database\n"
                     "#### 所感\n満席だった。\n◆ まとめ\nよかった。\n");
  CHECK(Outline(m) == Strings{"other: re:Invent メモ", "talk: Deep Dive on Amazon Aurora"});
}

TEST_CASE("a session code at the end of a title, with a dash too: Title (AWS-401), Title（DAT303）", "[segmenter]") {
  const auto s = Run("# AWS Summit Japan 2025 メモ\n## Day 2\n### Cost-aware autoscaling with Karpenter (AWS-401)\n- Spot\n"
                     "### 生成AIアプリの監視（DAT303）\n- x\n### Serverless patterns [SVS-12]\n- y\n"
                     "### Ignite recap (BRK3143)\n- z\n");
  REQUIRE(s.segmentation.sections.size() == 6);
  CHECK(s.Code(2) == "AWS-401");
  CHECK(s.Title(2) == "Cost-aware autoscaling with Karpenter");
  CHECK(s.Code(3) == "DAT303");
  CHECK(s.Title(3) == "生成AIアプリの監視");
  CHECK(s.Code(4) == "SVS-12");
  CHECK(s.Code(5) == "BRK3143");
  // negative: standards, encodings, years, versions and tickets in parentheses are no session codes
  for (const char* tail : {"(SHA-256)", "(SHA256)", "(RFC-9110)", "(RFC9110)", "(ISO-8601)", "(ISO8601)", "(UTF-8)",
                           "(UTF-16)", "(AES-256)", "(COVID-19)", "(IEEE-754)", "(SQL-92)", "(CP932)", "(HTTP-503)",
                           "(DNS-01)", "(JDK-17)", "(PEP-484)", "(AWS2019)", "(ES2015)", "(FY2024)", "(FY24)",
                           "(ARM64)", "(OPS-1234)", "(ISO27001)", "(CVE-2021-44228)", "（SHA-256）"}) {
    INFO(tail);
    for (const std::string title : {"## ハッシュ関数の選定 ", "## Choosing a hash function "}) {
      const auto t = Run("メモ\n" + title + tail + "\n- x\n");
      REQUIRE(t.segmentation.sections.size() == 2);
      CHECK(t.segmentation.sections[1].kind == kgx::SectionKind::kOther);
    }
  }
  // negative: a code in a bullet or a sentence is no header
  const auto b = Run("メモ\n- 詳しくは Karpenter のセッション (AWS-401)\nKarpenter の話を聞いた (AWS-401)。\n");
  for (std::size_t i = 1; i < b.segmentation.sections.size(); ++i) CHECK(b.segmentation.sections[i].kind != kgx::SectionKind::kTalk);
}

TEST_CASE("a code with a dash at a title's end is a session code only where the notes name their event", "[segmenter]") {
  // a postmortem's or a sprint note's tickets: no event, no speaker, so no talk (Japanese and English)
  const auto t = Run("# 決済APIのポストモーテム\n## 対応チケット\n### コネクションリークの修正 (OPS-482)\n- プールを閉じる\n"
                     "### Add a connection alarm (OPS-490)\n- CloudWatch\nFix flaky login test [QA-77]\n\nretry logic was wrong.\n");
  CHECK(Outline(t) == Strings{"other: 決済APIのポストモーテム", "other: 対応チケット", "other: コネクションリークの修正 (OPS-482)",
                              "other: Add a connection alarm (OPS-490)", "other: Fix flaky login test [QA-77]"});
  for (std::size_t i = 0; i < t.segmentation.sections.size(); ++i) CHECK(t.Code(i).empty());
  // the same headers under an event the notes name, on the title or any line before them: talks
  const auto e = Run("AWS Summit Japan 2025 参加メモ\n### 生成AIアプリの監視 (AWS-32)\n- x\n### Serverless patterns [SVS-12]\n- y\n");
  CHECK(Outline(e) == Strings{"other: AWS Summit Japan 2025 参加メモ", "talk: 生成AIアプリの監視", "talk: Serverless patterns"});
  CHECK(e.Code(1) == "AWS-32");
  CHECK(e.Code(2) == "SVS-12");
  const auto later = Run("メモ\n\nre:Invent 2024 の続き。\n## Karpenter deep dive (CON-401)\n- Spot\n");
  CHECK(later.Code(1) == "CON-401");
  // an event named only after the header does not reach back
  const auto after = Run("メモ\n## Karpenter deep dive (CON-401)\n- Spot\n## 所感\nre:Invent 2024 はよかった。\n");
  CHECK(after.segmentation.sections.at(1).kind == kgx::SectionKind::kOther);
  // a speaker line makes it a talk without an event
  const auto spoken = Run("メモ\n### Karpenter deep dive (CON-401)\n登壇者: 山田 太郎 (株式会社X)\n- Spot\n");
  CHECK(Outline(spoken) == Strings{"other: メモ", "talk: Karpenter deep dive"});
  CHECK(spoken.Code(1) == "CON-401");
  // codes without a dash need no event
  const auto plain = Run("メモ\n### Deep Dive on Amazon Aurora (DAT303)\n- x\n");
  CHECK(plain.Code(1) == "DAT303");
}

TEST_CASE("Microsoft's session codes at a title's end are no years: (BRK2001), (THR2061), (BRK211H)", "[segmenter]") {
  const auto s = Run("Ignite メモ\n## Azure AI Foundry で作るエージェント (BRK2001)\n- x\n## Cosmos DB vector search (BRK2099)\n- y\n"
                     "## Copilot の実演 (THR2061)\n- z\n## Hybrid session [BRK211H]\n- w\n");
  CHECK(Outline(s) == Strings{"other: Ignite メモ", "talk: Azure AI Foundry で作るエージェント", "talk: Cosmos DB vector search",
                              "talk: Copilot の実演", "talk: Hybrid session"});
  CHECK(s.Code(1) == "BRK2001");
  CHECK(s.Code(2) == "BRK2099");
  CHECK(s.Code(3) == "THR2061");
  CHECK(s.Code(4) == "BRK211H");
  // negative: other letters before a year-like number stay years or versions
  for (const char* tail : {"(AWS2019)", "(FY2024)", "(ES2015)", "(ABC2001)", "(BRKX2001)"}) {
    INFO(tail);
    const auto t = Run(std::string("メモ\n## 振り返り ") + tail + "\n- x\n");
    CHECK(t.segmentation.sections.at(1).kind == kgx::SectionKind::kOther);
  }
}

TEST_CASE("a Notion toggle with a session code and no separator opens a talk: ▶ DAT303 Title", "[segmenter]") {
  const auto s = Run("re:Invent 2025 振り返り\n\n▶ DAT303 Deep dive into Amazon Aurora DSQL\n    - multi-Region\n"
                     "▶ ARC301 Chalk talk: Cell-based architecture\n    - セル\n- ▶ SVS401 サーバーレスのベストプラクティス\n    - x\n"
                     "▶ 所感\n    - よかった\n");
  CHECK(Outline(s) == Strings{"other: re:Invent 2025 振り返り", "talk: Deep dive into Amazon Aurora DSQL",
                              "talk: Chalk talk: Cell-based architecture", "talk: サーバーレスのベストプラクティス", "other: 所感"});
  CHECK(s.Code(1) == "DAT303");
  CHECK(s.Code(2) == "ARC301");
  CHECK(s.Code(3) == "SVS401");
  // negative: a code followed by a particle is a remark, not a title
  const auto n = Run("メモ\n▶ DAT303 を見た\n    - よかった\n▶ DAT303 は満席\n    - x\n");
  CHECK(Outline(n) == Strings{"other: メモ"});
}

TEST_CASE("a Scrapbox page's bracketed talk headings: [** LT1: Title]", "[segmenter]") {
  const auto s = Run("JAWS-UG 横浜 #68 LT大会メモ\n[** LT1: Step Functions で夜間バッチを作り直した話]\n 登壇者: 山田 太郎さん\n"
                     "[** LT2: Amazon Q Developer にコードレビューを任せてみた話の続きとその後の運用]\n 登壇者: 高橋 次郎さん\n"
                     "[* Session: Observability on AWS]\n x\n");
  CHECK(Outline(s) == Strings{"other: JAWS-UG 横浜 #68 LT大会メモ", "talk: Step Functions で夜間バッチを作り直した話",
                              "talk: Amazon Q Developer にコードレビューを任せてみた話の続きとその後の運用",
                              "talk: Observability on AWS"});
  // negative: a bracketed link or a bold line without a talk label opens no talk
  const auto n = Run("メモ\n[** LT大会の感想]\n よかった\n[Step Functions] と [AWS Lambda] の組み合わせ\n");
  for (std::size_t i = 1; i < n.segmentation.sections.size(); ++i) CHECK(n.segmentation.sections[i].kind != kgx::SectionKind::kTalk);
  // the page's indented lines are its list items, never headings (English and Japanese)
  const auto items = Run("LT大会メモ\n[** オープニング]\n 運営の 鈴木 一郎 さんから会場説明\n 参加者は 85 人\n\tOpening remarks\n");
  CHECK(Outline(items) == Strings{"other: LT大会メモ", "other: [** オープニング]"});
}

TEST_CASE("an Obsidian note's tag line and labelled wikilink are no headings", "[segmenter]") {
  const auto s = Run("# Ignite 2025 Day 1\n\n#conference #ignite2025 #azure\n\n[[Microsoft Ignite]] の1日目。\n前回のメモ: [[Ignite 2024 Day 2]]\n\n"
                     "## Cosmos DB の新機能\n- x\n");
  CHECK(Outline(s) == Strings{"other: Ignite 2025 Day 1", "other: Cosmos DB の新機能"});
  // negative: a Markdown heading has a blank after its #, and a tag inside a title keeps it a heading
  const auto h = Run("メモ\n\n# 所感\nよかった。\n\nRelease notes #42\n\nいろいろ直った。\n");
  CHECK(Outline(h) == Strings{"other: メモ", "other: 所感", "other: Release notes #42"});
}

TEST_CASE("underlined titles (reStructuredText, Markdown setext) are marked headings", "[segmenter][setext]") {
  // a reST note: "=" titles a talk whose "-" sub-headings stay in it; the next "=" title ends it
  const auto rst = Run(
      "Google Cloud Next Tokyo '25 メモ\n=============================\n\n"
      "BRK2-045 GKE Autopilot で 3,000 Pod を捌く基盤\n=========================================\n\n"
      "登壇者: 村上 悠真さん（株式会社ヤマセミ）\n\n背景\n----\n\n- 14 クラスタ\n\n結果\n----\n\n工数が減った。\n\n"
      "Observability を OpenTelemetry に寄せる\n=======================================\n\n- OTLP\n");
  CHECK(Outline(rst) == Strings{"other: Google Cloud Next Tokyo '25 メモ", "talk: GKE Autopilot で 3,000 Pod を捌く基盤",
                                "other: Observability を OpenTelemetry に寄せる"});
  CHECK(rst.Code(1) == "BRK2-045");
  CHECK(rst.segmentation.sections[1].end_line == 18);
  // Markdown setext: "=" is level 1, "-" level 2, so a "=" title ends a talk a "-" title opened
  const auto md = Run("Notes\n=====\n\nSession: Scaling queues\n---\n\n- SQS\n\nWrap-up\n=======\n\nGood day.\n");
  CHECK(Outline(md) == Strings{"other: Notes", "talk: Scaling queues", "other: Wrap-up"});
  // reST: an overlined title is a style of its own, levels going by first appearance
  const auto over = Run("=====\nNotes\n=====\n\nSession: Scaling queues\n=======================\n\n- SQS\n\nSummary\n=======\n\nGood day.\n");
  CHECK(Outline(over) == Strings{"other: Notes", "talk: Scaling queues", "other: Summary"});
  CHECK(over.Title(0) == "Notes");
}

TEST_CASE("an underlined title deeper than six levels keeps its title inside its own line", "[segmenter][setext]") {
  // Seven adornment styles make the seventh title level 7: header rules take at most six marks,
  // so it is read as "###### …" and its title starts where the line's text does (found by fuzzing:
  // read as "####### …", the seventh mark went to the title, which began two bytes early, inside "です").
  std::string note;
  const std::string styles = "=-^\"'.:";  // not ~ or `: rows of those open code
  for (std::size_t k = 0; k + 1 < styles.size(); ++k) {
    note += "Part " + std::to_string(k + 1) + "\n" + std::string(8, styles[k]) + "\n\n";
  }
  note += "前置きです\nScaling queues (ABC123)\n" + std::string(8, styles.back()) + "\n\n- SQS\n";
  const auto deep = Run(note);
  REQUIRE(deep.segmentation.sections.size() == 7);
  CHECK(deep.Title(6) == "Scaling queues");
  CHECK(deep.Code(6) == "ABC123");
  CHECK(deep.segmentation.sections[6].kind == kgx::SectionKind::kTalk);
}

TEST_CASE("a row of dashes under a sentence, a list item or a front matter field is no underline", "[segmenter][setext]") {
  // a paragraph over a rule, a bullet over a rule: no heading (and the rule is not one either)
  const auto ja = Run("# メモ\n\n今日はここまで。\n---\n- Aurora の話\n---\n\n次回もよろしくお願いします。\n");
  CHECK(Outline(ja) == Strings{"other: メモ"});
  const auto en = Run("# Notes\n\nThat is all for today.\n---\n\nSee you.\n");
  CHECK(Outline(en) == Strings{"other: Notes"});
  // a front matter's last field over its closing fence
  const auto fm = Run("---\ntitle: \"EKS 移行メモ\"\ntags: aws\n---\n\n本文です。\n");
  REQUIRE(fm.segmentation.sections.size() == 1);
}

TEST_CASE("a line that opens with a timestamp is a timeline entry, not a heading", "[segmenter]") {
  const auto ja = Run("# 動画メモ\n\n03:30 保存量は月間 3PB\n[05:10] 2019 年: 自前の Kafka\n1:02:45 Q&A\n");
  CHECK(Outline(ja) == Strings{"other: 動画メモ"});
  const auto en = Run("# Video notes\n\n12:34 Migration to Pulsar\n");
  CHECK(Outline(en) == Strings{"other: Video notes"});
  // a live blog's talk header keeps its time, and a short line without one is still a heading
  const auto live = Run("# Live blog\n\n11:20 — Talk: Scaling Backstage at Orbitly\n- portal\n\nまとめ\n\n良かった。\n");
  CHECK(Outline(live) == Strings{"other: Live blog", "talk: Scaling Backstage at Orbitly", "other: まとめ"});
}

// Ticket lines in notes that name an event ([section not_talk]): a task of an issue tracker, not a talk.
TEST_CASE("a ticket id before a task's words is no session code, also under a named event", "[segmenter][ticket]") {
  const std::string event = "# AWS Summit Japan 2025 振り返り\n\n## 対応チケット\n\n";
  // Japanese: a fix, a response, an investigation; neither talks nor headings of their own
  CHECK(Outline(Run(event + "OPS-123 ログイン不具合の修正\nOPS-124 決済タイムアウトの調査\nPAY-88: 決済バグ対応\n\n- メモ\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット"});
  // English: a fix or a bug opens the line
  CHECK(Outline(Run(event + "ENG-12 Fix flaky deploy pipeline tests\nENG-13 - Bug: retries are lost\n\nnotes follow.\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット"});
  // a marked heading stays a heading, but no talk
  CHECK(Outline(Run(event + "### OPS-12 ログイン不具合の修正\n- プールを閉じる\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット", "other: OPS-12 ログイン不具合の修正"});
  // a task's update or creation, and any key of Jira itself
  CHECK(Outline(Run(event + "SRE-456 リストア手順書の更新\nSRE-457 訓練計画の作成\n\n- メモ\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット"});
  CHECK(Outline(Run(event + "### JIRA-123 Restore runbook\n- stale\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット", "other: JIRA-123 Restore runbook"});
}

TEST_CASE("a ticket id before an English task verb is no talk either", "[segmenter][ticket]") {
  const std::string event = "# AWS Summit Japan 2025 振り返り\n\n## 対応チケット\n\n";
  CHECK(Outline(Run(event + "ENG-14 Upgrade Node to 22\nPLAT-17 Bump Terraform to 1.9\nOPS-21 Add retries to the webhook\n\n- メモ\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット"});
  CHECK(Outline(Run(event + "ENG-30 Migrate billing to Aurora\nENG-31 Remove the legacy cron jobs\n\n- memo\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット"});
  // negative: a talk's title tells a story, and "Migrate" without its target is no task form
  CHECK(Outline(Run(event + "ENG-12 How we upgraded Node to 22\n- x\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット", "talk: How we upgraded Node to 22"});
  CHECK(Outline(Run(event + "AWS-08 Migrating a monolith to EKS at scale\n- y\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット", "talk: Migrating a monolith to EKS at scale"});
  CHECK(Outline(Run(event + "AWS-09 Updates from the Lambda team\n- z\n")) ==
        Strings{"other: AWS Summit Japan 2025 振り返り", "other: 対応チケット", "talk: Updates from the Lambda team"});
}

TEST_CASE("a session code before a talk's title stays a talk beside the ticket rule", "[segmenter][ticket]") {
  const std::string event = "# AWS Summit Japan 2025 参加メモ\n\n";
  // negative for the ticket rule: a story, a theme that names 対応 or a fix mid-title
  CHECK(Outline(Run(event + "CUS-45 株式会社サンプルテックにおけるサーバーレス移行\n- x\nAWS-07 障害対応を自動化した話\n- y\n")) ==
        Strings{"other: AWS Summit Japan 2025 参加メモ", "talk: 株式会社サンプルテックにおけるサーバーレス移行",
                "talk: 障害対応を自動化した話"});
  CHECK(Outline(Run(event + "DEV-12 How we fix flaky tests at scale\n- z\n")) ==
        Strings{"other: AWS Summit Japan 2025 参加メモ", "talk: How we fix flaky tests at scale"});
  // a title that names an update mid-way
  CHECK(Outline(Run(event + "ARC-21 更新頻度の高いデータを DynamoDB で捌く\n- z\n")) ==
        Strings{"other: AWS Summit Japan 2025 参加メモ", "talk: 更新頻度の高いデータを DynamoDB で捌く"});
}
