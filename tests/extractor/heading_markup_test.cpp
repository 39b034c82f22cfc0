// Section titles without their markup: Scrapbox bold brackets ("[** オープニング]") and the "---" of a
// front matter without a title, whole extraction with the shipped rules, Japanese and English.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/heading_markup.h"
#include "tests/extractor/extract_support.h"

using kgx::StripScrapboxHeading;
using kgx::testing::ExtractText;

TEST_CASE("a Scrapbox bold heading is titled by the text inside its brackets", "[heading_markup]") {
  CHECK(StripScrapboxHeading("[** オープニング]") == "オープニング");
  CHECK(StripScrapboxHeading("[* 2025/10/24 (金) 19:00〜 @ みなとみらい]") == "2025/10/24 (金) 19:00〜 @ みなとみらい");
  CHECK(StripScrapboxHeading("[*** Opening remarks ]") == "Opening remarks");
  // negative: a link, a bold word without a blank, empty brackets, nested brackets, text after the bracket
  CHECK(StripScrapboxHeading("[オープニング]") == "[オープニング]");
  CHECK(StripScrapboxHeading("[Opening]") == "[Opening]");
  CHECK(StripScrapboxHeading("[*bold]") == "[*bold]");
  CHECK(StripScrapboxHeading("[**  ]") == "[**  ]");
  CHECK(StripScrapboxHeading("[* see [link]]") == "[* see [link]]");
  CHECK(StripScrapboxHeading("[** 懇親会] のあと") == "[** 懇親会] のあと");
  CHECK(StripScrapboxHeading("## Opening") == "## Opening");
}

TEST_CASE("sections of a Scrapbox page keep no brackets in their titles", "[heading_markup]") {
  const kgx::DocumentResult ja = ExtractText("JAWS-UG 横浜 #68 LT大会メモ\n[** オープニング]\n 参加者は 85 人\n\n[** 懇親会]\n 楽しかった\n");
  const kgx::DocumentResult en = ExtractText("Serverless night notes\n[** Opening]\n 85 people joined\n\n[** Wrap-up]\n Pizza\n");
  for (const kgx::DocumentResult* r : {&ja, &en}) {
    for (const kgx::Section& s : r->sections) {
      INFO(s.title);
      CHECK(s.title.find('[') == std::string::npos);
      CHECK(s.title.find(']') == std::string::npos);
    }
  }
  bool opening = false;
  for (const kgx::Section& s : ja.sections) opening = opening || s.title == "オープニング";
  CHECK(opening);
  // negative: a Markdown heading that quotes a link keeps it
  const kgx::DocumentResult md = ExtractText("# Notes\n\n## [Opening] remarks\n\nWelcome, everyone, to the meetup.\n");
  bool kept = false;
  for (const kgx::Section& s : md.sections) kept = kept || s.title.find("[Opening]") != std::string::npos;
  CHECK(kept);
}

TEST_CASE("a front matter without a title opens a section named by the document, not by its ---", "[heading_markup]") {
  const kgx::DocumentResult ja = ExtractText("---\ntags: [conference, ignite]\ncreated: 2025-11-19\n---\n\n# Microsoft Ignite 2025 1日目\n\nメモ。\n");
  const kgx::DocumentResult en = ExtractText("---\ntags: [kubecon]\naliases: [KubeCon notes]\n---\n\n# KubeCon Europe 2025 day 2\n\nNotes.\n");
  REQUIRE(ja.sections.size() >= 2);
  REQUIRE(en.sections.size() >= 2);
  CHECK(ja.sections.front().title == "Microsoft Ignite 2025 1日目");
  CHECK(en.sections.front().title == "KubeCon Europe 2025 day 2");
  for (const kgx::DocumentResult* r : {&ja, &en}) {
    for (const kgx::Section& s : r->sections) CHECK(s.title != "---");
  }
  // negative: a rule with no closed block after it is no front matter and keeps its own line
  CHECK(ExtractText("---\nKeynote のメモ\n\nいろいろ聞いた。\n").sections.front().title == "---");
}
