// Moves and sections written the ways untuned notes write them: "以前は A だったが → 今は B", "→ 今は B に移行" on
// the line after "以前は A だったが" (no heading), a speaker line with a Japanese name and the company first in
// parentheses, and "Keynote was great" (a remark, no keynote).
// Whole extraction with the shipped rules, positive and negative, Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

using kgx::testing::KindOf;
using kgx::testing::Relates;
using kgx::testing::RelationsIn;
using kgx::testing::SectionTitles;

TEST_CASE("what was used before and what is used now, across an arrow or a line break, is a move", "[move_gaps]") {
  const std::string head = "# メモ\n\n## Talk 1: CI の話\n\n";
  const auto arrow = RelationsIn(head + "- 以前は Jenkins だったが → 今は Buildkite に全面移行済み\n");
  CHECK(arrow.count("<section> migrated_from technology/jenkins") == 1);
  CHECK(arrow.count("<section> migrated_to technology/buildkite") == 1);
  const std::string two_lines = head + "以前は CircleCI だったが\n→ 今は GitHub Actions に全面移行済み\n";
  CHECK(Relates(two_lines, "<section> migrated_to technology/github-actions"));
  CHECK(Relates(two_lines, "<section> migrated_from technology/circleci"));
  // (over two lines the move may be a plan: then neither end is)
  CHECK(RelationsIn(head + "以前は CircleCI だったが\n→ 今は GitHub Actions に移行する予定\n").empty());
  CHECK(RelationsIn(head + "- 以前は Jenkins だったが → 今は Buildkite に移行する予定\n").empty());
  // the clause the next line finishes is no heading of its own
  CHECK(SectionTitles(two_lines).count("以前は CircleCI だったが") == 0);
  CHECK(SectionTitles("# メモ\n\n## 今期の振り返り\n\n- よかった\n").count("今期の振り返り") == 1);
  const std::string en = "# Notes\n\n## Talk 1: CI\n\nPreviously we ran Jenkins.\nNow we use Buildkite for every build.\n";
  CHECK(Relates(en, "<section> migrated_to technology/buildkite"));
  // negative: "now" with no earlier state is no move
  CHECK(RelationsIn(head + "- 今は Buildkite に全面移行済み\n").count("<section> migrated_from technology/jenkins") == 0);
  CHECK(RelationsIn(head + "- Jenkins だったが遅い\n- 今は Buildkite を試している\n")
            .count("<section> migrated_to technology/buildkite") == 0);
}

TEST_CASE("a speaker with a Japanese name and the company first in parentheses presents the talk",
          "[move_gaps]") {
  const std::string ja = "# メモ\n\n== OBS-204 - Scaling Prometheus\n\nSpeaker: 三浦 葵 (Hoshizora Data, SRE)\n";
  CHECK(Relates(ja, "<section> presented_by company/hoshizora-data"));
  CHECK(Relates("# Notes\n\n## OBS-204 - Scaling Prometheus\n\nSpeaker: Jane Doe (Hoshizora Data, SRE)\n",
                "<section> presented_by company/hoshizora-data"));
  // negative: a job alone in the parentheses names no company
  for (const std::string& r : RelationsIn("# メモ\n\n## OBS-204 - Scaling Prometheus\n\nSpeaker: 三浦 葵 (SRE)\n")) {
    CHECK(r.find("presented_by company/") == std::string::npos);
  }
}

TEST_CASE("a remark that opens with Keynote and a copula is no keynote", "[move_gaps]") {
  const std::string notes = "# Conference notes\n\n## Talk 1: Edge\n\nKeynote was great\n\n- demos\n";
  CHECK(KindOf(notes, "Keynote was great") != "keynote");
  CHECK(KindOf("# Notes\n\nKeynote is overrated\n\n- long\n", "Keynote is overrated") != "keynote");
  CHECK(KindOf("# Notes\n\nKeynote were packed\n\n- long\n", "Keynote were packed") != "keynote");
  // positive: a keynote's heading, with its speaker, a day or a colon, stays one (so does a speaker named W…)
  CHECK(KindOf("# Notes\n\n## Keynote\n\n- fast\n", "Keynote") == "keynote");
  CHECK(KindOf("# Notes\n\n## Keynote with Werner Vogels\n\n- fast\n", "Keynote with Werner Vogels") == "keynote");
  CHECK(KindOf("# Notes\n\n## Keynote Werner Vogels\n\n- fast\n", "Keynote Werner Vogels") == "keynote");
  CHECK(KindOf("# Notes\n\n## Keynote: Platform day\n\n- fast\n", "Keynote: Platform day") == "keynote");
  CHECK(KindOf("# Notes\n\n## Keynote Day2 - Werner Vogels\n\n- fast\n", "Keynote Day2 - Werner Vogels") == "keynote");
  // the Japanese counterpart: a remark about the keynote is none, its heading is one
  CHECK(KindOf("# メモ\n\n基調講演は良かった\n\n- 速い\n", "基調講演は良かった") != "keynote");
  CHECK(KindOf("# メモ\n\n## 基調講演 2日目\n\n- 速い\n", "基調講演 2日目") == "keynote");
}
