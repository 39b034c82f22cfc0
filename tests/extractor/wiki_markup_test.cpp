// Wiki markup read as Markdown: what RewriteWikiMarkup writes over (in place, byte for byte), and what
// the whole extractor reads from Textile, AsciiDoc, howm, MediaWiki and Hatena notes: titles without
// their marks, talks with their codes and presenters, code blocks that hold no headings.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/wiki_markup.h"
#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::ExtractAt;
using kgx::testing::SectionLines;

// `text` normalized and rewritten in `dialect`.
std::string Rewritten(const std::string& text, kgx::WikiDialect dialect) {
  kgx::NormalizedText normalized = kgx::Normalize(text);
  const std::size_t size = normalized.text.size();
  kgx::RewriteWikiMarkup(normalized, dialect);
  REQUIRE(normalized.text.size() == size);  // no byte moves
  REQUIRE(normalized.folded == kgx::FoldLatinCase(normalized.text));
  return normalized.text;
}

bool HasRelation(const kgx::DocumentResult& doc, const std::string& predicate, const std::string& object, std::size_t line) {
  for (const kgx::Relation& r : doc.relations) {
    if (r.predicate == predicate && r.object == object && r.line == line) return true;
  }
  return false;
}

using kgx::WikiDialect;

}  // namespace

TEST_CASE("Textile headings, lists, quotes and blocks are rewritten in place", "[wiki]") {
  CHECK(Rewritten("h1. Summit メモ\nh2(#d1). Day 1\nh4. 深い\n", WikiDialect::kTextile) ==
        "#   Summit メモ\n##       Day 1\n### 深い\n");
  CHECK(Rewritten("* a\n** b\n# one\n## two\n*強調* のまま\n", WikiDialect::kTextile) ==
        "- a\n - b\n- one\n - two\n*強調* のまま\n");
  CHECK(Rewritten("bq. 引用\np. 段落\n{toc}\n", WikiDialect::kTextile) == ">   引用\n   段落\n     \n");
  CHECK(Rewritten("<pre>\nh2. code\n</pre>\n{code:yaml}\nkind: Pod\n{code}\n", WikiDialect::kTextile) ==
        "```  \nh2. code\n```   \n```        \nkind: Pod\n```   \n");
  CHECK(Rewritten("<pre>\nunclosed h2. x\n", WikiDialect::kTextile) == "<pre>\nunclosed h2. x\n");
  // full-width marks are text: NFKC folds "ｈ２．" but the source has more bytes than the mark
  CHECK(Rewritten("ｈ２． 全角\n＊ 項目\n", WikiDialect::kTextile) == kgx::Normalize("ｈ２． 全角\n＊ 項目\n").text);
}

TEST_CASE("AsciiDoc headings, attributes, blocks and lists are rewritten in place", "[wiki]") {
  CHECK(Rewritten("= Title\n:author: Taro\n// comment\n\n== Sec\n=== Sub\n", WikiDialect::kAsciiDoc) ==
        "# Title\n             \n          \n\n## Sec\n### Sub\n");
  CHECK(Rewritten("[source,yaml]\n----\n== not\n----\n....\nx\n....\n", WikiDialect::kAsciiDoc) ==
        "             \n``` \n== not\n``` \n``` \nx\n``` \n");
  CHECK(Rewritten("====\n中身\n====\n////\n== hidden\n////\n", WikiDialect::kAsciiDoc) ==
        "    \n中身\n    \n    \n         \n    \n");
  CHECK(Rewritten(". one\n.. two\n* a\n** b\n.Block title\n", WikiDialect::kAsciiDoc) ==
        "- one\n - two\n- a\n - b\n.Block title\n");
  CHECK(Rewritten("----\nunclosed\n", WikiDialect::kAsciiDoc) == "----\nunclosed\n");
  CHECK(Rewritten("＝＝ 全角\n", WikiDialect::kAsciiDoc) == kgx::Normalize("＝＝ 全角\n").text);
}

TEST_CASE("howm, MediaWiki and Hatena marks are rewritten in place", "[wiki]") {
  CHECK(Rewritten("= メモ\n[2026-03-10 19:00]\n== LT1: x\n", WikiDialect::kHowm) == "# メモ\n[2026-03-10 19:00]\n## LT1: x\n");
  CHECK(Rewritten("== Title ==\n=== '''Sub''' ===  \n", WikiDialect::kMediaWiki) == "## Title   \n###    Sub         \n");
  CHECK(Rewritten("*a\n**b\n#n\n:indent\n{{Infobox}}\n__TOC__\n", WikiDialect::kMediaWiki) ==
        "-a\n -b\n-n\n indent\n           \n       \n");
  CHECK(Rewritten("[[Amazon EKS|EKS]] と [[Karpenter]]\n<pre>\n== x ==\n</pre>\n", WikiDialect::kMediaWiki) ==
        "             EKS   と   Karpenter  \n```  \n== x ==\n```   \n");
  CHECK(Rewritten("*Title\n**Sub\n***Deep\n*t*Label\n", WikiDialect::kHatena) == " Title\n# Sub\n## Deep\n#  Label\n");
  CHECK(Rewritten("-a\n--b\n+n\n>>\n引用\n<<\n====\n", WikiDialect::kHatena) == "-a\n -b\n-n\n  \n引用\n  \n    \n");
  CHECK(Rewritten(">|yaml|\n**not\n||<\n", WikiDialect::kHatena) == "```    \n**not\n```\n");
  CHECK(Rewritten("＊＊全角\n", WikiDialect::kHatena) == kgx::Normalize("＊＊全角\n").text);
}

TEST_CASE("a Redmine note's title, talks, codes and subjects are read from its h-headings", "[wiki]") {
  const std::string note =
      "h1. AWS Summit Tokyo 2026 参加メモ\n\n"
      "h2. Keynote\n\n* Amazon Bedrock の新機能\n\n"
      "h2. CUS-12 - 株式会社ナビタイムの Amazon EKS 移行事例\n\n"
      "* ECS から EKS に移行した\n** Karpenter を使っている\n# 移行期間は 6 か月\n\n"
      "h3. 所感\n\n* EKS Auto Mode を試したい\n";
  for (const std::string path : {"redmine.txt", "redmine.textile"}) {
    const kgx::DocumentResult doc = ExtractAt(path, note);
    CHECK(doc.title == "AWS Summit Tokyo 2026 参加メモ");
    CHECK(doc.event == "AWS Summit Tokyo 2026");
    CHECK(SectionLines(doc) == std::vector<std::string>{"1 other AWS Summit Tokyo 2026 参加メモ", "3 keynote Keynote",
                                                    "7 talk 株式会社ナビタイムの Amazon EKS 移行事例 [CUS-12]"});  // "h3. 所感" is the talk's sub-heading, as "### 所感" is
    // its lines are the talk's, as in Markdown: "ECS から EKS に移行した"
    CHECK(HasRelation(doc, "migrated_from", "aws_service/amazon-ecs", 9));
    for (const kgx::Mention& m : doc.mentions) CHECK(note.substr(m.start, m.end - m.start) == m.text);
  }
  // the same lines in a Markdown note keep their "h1." as written
  CHECK(ExtractAt("redmine.md", "メモ\n\n" + note).title == "メモ");
}

TEST_CASE("AsciiDoc, howm, MediaWiki and Hatena notes read as their Markdown would", "[wiki]") {
  const kgx::DocumentResult adoc = ExtractAt("k.adoc",
      "= KubeCon Japan 2026 メモ\n:author: Taro\n\n== SRE-204 - Scaling Prometheus at LINEヤフー\n\n"
      "LINEヤフー migrated from Prometheus to Thanos.\n\n[source,yaml]\n----\nkind: Service\n----\n");
  CHECK(adoc.title == "KubeCon Japan 2026 メモ");
  CHECK(adoc.event == "KubeCon Japan 2026");
  CHECK(SectionLines(adoc) == std::vector<std::string>{"1 other KubeCon Japan 2026 メモ", "4 talk Scaling Prometheus at LINEヤフー [SRE-204]"});
  const kgx::DocumentResult howm = ExtractAt("j.howm",
      "= JAWS-UG 東京 #45 メモ\n[2026-03-10 19:00]\n\n== LT1: freee の Aurora Serverless v2 移行\nfreee は Aurora Serverless v2 に移行した。\n");
  CHECK(howm.title == "JAWS-UG 東京 #45 メモ");
  CHECK(SectionLines(howm) == std::vector<std::string>{"1 other JAWS-UG 東京 #45 メモ", "4 talk freee の Aurora Serverless v2 移行"});
  const kgx::DocumentResult wiki = ExtractAt("g.wiki", "== Google Cloud Next Tokyo 2025 メモ ==\n\n=== SPK-105 - メルカリの BigQuery 活用 ===\n* メルカリは BigQuery を使っている\n");
  CHECK(wiki.title == "Google Cloud Next Tokyo 2025 メモ");
  CHECK(SectionLines(wiki) == std::vector<std::string>{"1 other Google Cloud Next Tokyo 2025 メモ", "3 talk メルカリの BigQuery 活用 [SPK-105]"});
  const kgx::DocumentResult hatena = ExtractAt("h.txt",
      "*AWS re:Invent 2025 2日目\n\n**DAT401 - Deep dive into Amazon Aurora DSQL\n-Aurora DSQL はマルチリージョン\n\n**Keynote: Matt Garman\n-Amazon Nova の発表\n");
  CHECK(hatena.title == "AWS re:Invent 2025 2日目");
  CHECK(SectionLines(hatena) == std::vector<std::string>{"1 other AWS re:Invent 2025 2日目", "3 talk Deep dive into Amazon Aurora DSQL [DAT401]",
                                                     "6 keynote Keynote: Matt Garman"});
}

TEST_CASE("full-width wiki marks stay text and full-width titles are kept as written", "[wiki]") {
  const kgx::DocumentResult doc = ExtractAt("w.textile", "h1. ＡＷＳ Ｓｕｍｍｉｔ 全角メモ\n\nｈ２． 全角の見出し\n\nh2. ＣＵＳ－１２ － 全角コードの事例紹介です\n");
  CHECK(doc.title == "ＡＷＳ Ｓｕｍｍｉｔ 全角メモ");
  REQUIRE(doc.sections.size() >= 2);
  CHECK(doc.sections.back().code == "CUS-12");
}

TEST_CASE("a Confluence table's header row reads as a Markdown one, its cells over the rows' cells", "[wiki]") {
  CHECK(Rewritten("||Name||Company||\n|Jane Doe|Acme|\n", WikiDialect::kTextile) == " |Name |Company |\n|Jane Doe|Acme|\n");
  // negative: a row whose first cell is a row header, and bars inside a cell's text, stay as written
  CHECK(Rewritten("||項目|内容|\n|a||b|\n", WikiDialect::kTextile) == "||項目|内容|\n|a||b|\n");
  // the columns of people and companies line up, in Japanese and English
  const kgx::DocumentResult ja = ExtractAt("memo.textile",
      "h1. 参加報告\n\nh2. セッション一覧\n\n||セッション||登壇者||会社||メモ||\n|eBPF で作る可観測性|坂本 隼人|株式会社カケス|Cilium と Tetragon|\n");
  const auto has = [](const kgx::DocumentResult& doc, const std::string& id) {
    for (const kgx::Entity& e : doc.entities) {
      if (e.id == id) return true;
    }
    return false;
  };
  CHECK(has(ja, "person/坂本-隼人"));
  CHECK(has(ja, "company/カケス"));
  CHECK_FALSE(has(ja, "company/cilium-と-tetragon"));
  const kgx::DocumentResult en = ExtractAt("memo.textile",
      "h1. Report\n\n||Session||Speaker||Company||Notes||\n|Backstage at scale|Oliver Grant|Brightwater Labs|200 services|\n");
  CHECK(has(en, "person/oliver-grant"));
  CHECK(has(en, "company/brightwater-labs"));
  CHECK_FALSE(has(en, "person/brightwater-labs"));
}
