// Gaps a probe of a keynote's live blog found: a title that names the keynote and its speaker in parentheses is the
// keynote's page, whose "新発表:" and "Launch:" entries announce services. Whole extraction with the shipped rules; the
// notes are our own.
#include <catch2/catch.hpp>

#include <string>

#include "tests/extractor/extract_support.h"

using kgx::testing::KindOf;
using kgx::testing::RelationsIn;

TEST_CASE("a live blog's title that names the keynote and its speaker opens the keynote", "[live_blog]") {
  const std::string ja = "# re:Invent 2026 Keynote 実況メモ (Matt Garman)\n\n08:30 Matt Garman 登壇\n08:41 Launch: Amazon Nova 2 Pro\n";
  CHECK(KindOf(ja, "re:Invent 2026 Keynote 実況メモ (Matt Garman)") == "keynote");
  CHECK(RelationsIn(ja).count("<section> announced aws_service/amazon-nova") == 1);
  CHECK(KindOf("## AWS Summit Tokyo 基調講演レポート（長崎 忠雄 氏）\n\n- 本文\n", "AWS Summit Tokyo 基調講演レポート（長崎 忠雄 氏）") ==
        "keynote");
  CHECK(KindOf("# KubeCon keynote live blog (Priyanka Sharma)\n\n- text\n", "KubeCon keynote live blog (Priyanka Sharma)") == "keynote");
  // negative: a speaker in parentheses with no keynote, a keynote with no speaker's name in them
  CHECK(KindOf("# re:Invent 2026 セッション実況 (Matt Garman)\n\n- text\n", "re:Invent 2026 セッション実況 (Matt Garman)") != "keynote");
  CHECK(KindOf("# re:Invent 2026 Keynote のメモ (part two)\n\n- text\n", "re:Invent 2026 Keynote のメモ (part two)") != "keynote");
  CHECK(KindOf("# re:Invent 2026 Keynote の話 (AWS)\n\n- text\n", "re:Invent 2026 Keynote の話 (AWS)") != "keynote");
}
