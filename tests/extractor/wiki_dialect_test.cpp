// Wiki dialects: which notes DetectWikiDialect reads as Textile, AsciiDoc, howm, MediaWiki or Hatena
// (by extension, by their first lines), and the line shapes of wiki_lines; Markdown and plain notes
// that look alike at a glance are none.
#include <catch2/catch.hpp>

#include "extractor/wiki_dialect.h"
#include "extractor/wiki_lines.h"

using kgx::DetectWikiDialect;
using kgx::WikiDialect;

TEST_CASE("a wiki dialect is told by the note's extension, any case", "[wiki]") {
  CHECK(DetectWikiDialect("notes/summit.textile", "* a\n") == WikiDialect::kTextile);
  CHECK(DetectWikiDialect("notes/KubeCon.ADOC", "text") == WikiDialect::kAsciiDoc);
  CHECK(DetectWikiDialect("a.asciidoc", "") == WikiDialect::kAsciiDoc);
  CHECK(DetectWikiDialect("2026/03/10-190000.howm", "= JAWS-UG\n") == WikiDialect::kHowm);
  CHECK(DetectWikiDialect("x.wiki", "") == WikiDialect::kMediaWiki);
  CHECK(DetectWikiDialect("x.mediawiki", "") == WikiDialect::kMediaWiki);
  CHECK(kgx::WikiDialectOfExtension("x.wikitext") == WikiDialect::kMediaWiki);
  CHECK(kgx::WikiDialectOfExtension("notes.md") == WikiDialect::kNone);
  CHECK(kgx::WikiDialectOfExtension("adoc") == WikiDialect::kNone);
  CHECK(kgx::WikiDialectOfExtension("a.adoc.bak") == WikiDialect::kNone);
  CHECK(kgx::WikiDialectOfExtension("notes.wiki/readme.txt") == WikiDialect::kNone);
}

TEST_CASE("Textile and MediaWiki notes are told by their first heading", "[wiki]") {
  CHECK(DetectWikiDialect("memo.txt", "h1. AWS Summit Tokyo 2026 参加メモ\n\nh2. Keynote\n") == WikiDialect::kTextile);
  CHECK(DetectWikiDialect("-", "\n\nh2(#day1). Day 1\n") == WikiDialect::kTextile);
  CHECK(DetectWikiDialect("memo.txt", "== Google Cloud Next Tokyo メモ ==\n") == WikiDialect::kMediaWiki);
  CHECK(DetectWikiDialect("memo.txt", "=Title=\n") == WikiDialect::kMediaWiki);
  // none: "h1." in a sentence, no blank after the dot, a level Textile lacks, indented, full-width
  CHECK(DetectWikiDialect("memo.md", "html の h1. タグ\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "h1.Title\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "h7. Title\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "hello. world\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "  h1. Title\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "ｈ１. 全角\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "== Title =\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "==\n== ==\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "# KubeCon メモ\nh1. later\n") == WikiDialect::kNone);
}

TEST_CASE("AsciiDoc and howm notes are told by their title and the lines after it", "[wiki]") {
  CHECK(DetectWikiDialect("memo.txt", "= KubeCon Japan 2026 メモ\n:author: Taro\n\n== Keynote\n") == WikiDialect::kAsciiDoc);
  CHECK(DetectWikiDialect("memo.txt", "= KubeCon メモ\n\n前置き\n\n== Keynote\n") == WikiDialect::kAsciiDoc);
  CHECK(DetectWikiDialect("memo.txt", "= JAWS-UG 東京 #45 メモ\n[2026-03-10 19:00]\n") == WikiDialect::kHowm);
  // none: "= " in prose with no heading after it, "==" separators, a heading first
  CHECK(DetectWikiDialect("memo.md", "= の後に空白を置く書き方\n本文\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "= x\n==\n本文 == 比較\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "== 見出し\n= x\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("memo.md", "＝ 全角の見出し\n＝＝ 節\n") == WikiDialect::kNone);
}

TEST_CASE("Hatena notes are told by a star heading with no blank and another Hatena line", "[wiki]") {
  CHECK(DetectWikiDialect("d.txt", "*AWS re:Invent 2025 2日目\n**DAT401 - Aurora DSQL\n") == WikiDialect::kHatena);
  CHECK(DetectWikiDialect("d.txt", "*t*今日のメモ\n-Lambda を使った\n") == WikiDialect::kHatena);
  CHECK(DetectWikiDialect("d.txt", "*Day 2\n>>\n引用\n<<\n") == WikiDialect::kHatena);
  // none: Markdown items, emphasis, bold labels, a rule, a lone star line, a star note over prose
  CHECK(DetectWikiDialect("n.md", "* Day 1\n** Keynote\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("n.md", "*emphasis*\n*more*\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("n.md", "**日時:** 2026-03-10\n**場所:** 東京\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("n.md", "***\n*a\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("n.txt", "*注意: 当日は雨\n本文が続く\n- 普通のリスト\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("n.txt", "*Note* this\n-3 度\n->次へ\n") == WikiDialect::kNone);
  CHECK(DetectWikiDialect("n.txt", "＊全角の見出し\n＊＊小見出し\n") == WikiDialect::kNone);
}

TEST_CASE("wiki line shapes: headings, lists and attributes", "[wiki]") {
  CHECK(kgx::TextileHeadingMark("h2. CUS-12 - Title") == 3);
  CHECK(kgx::TextileHeadingMark("h3(#id). Title") == 8);
  CHECK(kgx::TextileHeadingMark("h2. ") == 0);
  CHECK(kgx::TextileHeadingMark("h2x. Title") == 0);
  CHECK(kgx::EqualsHeadingLevel("=== 所感") == 3);
  CHECK(kgx::EqualsHeadingLevel("======= too deep") == 0);
  CHECK(kgx::EqualsHeadingLevel("==") == 0);
  CHECK(kgx::MediaWikiHeadingLevel("=== Sub === ") == 3);
  CHECK(kgx::MediaWikiHeadingLevel("== a ===") == 0);
  CHECK(kgx::HatenaHeadingMark("**DAT401 - Title") == 2);
  CHECK(kgx::HatenaHeadingMark("*1700000000*Title") == 1);
  CHECK(kgx::HatenaHeadingMark("****too deep") == 0);
  CHECK(kgx::HatenaHeadingMark("*a * b") == 0);
  CHECK(kgx::IsHatenaListItem("--楽観的同時実行制御"));
  CHECK(kgx::IsHatenaListItem("+手順 1"));
  CHECK_FALSE(kgx::IsHatenaListItem("- Markdown item"));
  CHECK_FALSE(kgx::IsHatenaListItem("---"));
  CHECK_FALSE(kgx::IsHatenaListItem("-1 度"));
  CHECK(kgx::IsAsciiDocAttribute(":author: 石井 陸"));
  CHECK(kgx::IsAsciiDocAttribute(":toc:"));
  CHECK(kgx::IsAsciiDocAttribute(":sectnums!:"));
  CHECK_FALSE(kgx::IsAsciiDocAttribute(":+1: 3"));
  CHECK_FALSE(kgx::IsAsciiDocAttribute("::"));
  CHECK_FALSE(kgx::IsAsciiDocAttribute(":eyes:3"));
}
