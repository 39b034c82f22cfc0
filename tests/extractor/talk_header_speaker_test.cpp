// A talk header that names its speaker after a dash: "## Title — Tomasz Wierzbicki, Ridgeline Freight" is
// presented by the person and by the company, which is the whole tail after the comma (or the parentheses
// of "## 監視の話 — 山田 太郎 (カモメ物流)"). Whole extraction with the shipped rules; the notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

// The objects of the presented_by relations of the document's talks.
std::set<std::string> PresentersOf(const std::string& text) {
  const kgx::DocumentResult result = kgx::testing::ExtractText(text);
  std::set<std::string> out;
  for (const kgx::Relation& r : result.relations) {
    if (r.predicate == "presented_by") out.insert(r.object);
  }
  return out;
}

}  // namespace

TEST_CASE("a dash header names the speaker and the whole company after the comma", "[talk_header]") {
  const std::string text = "# QCon notes\n\n## Chaos Engineering Without a Platform Team — Tomasz Wierzbicki, Ridgeline Freight\n\n"
                           "- They run game days every week.\n";
  CHECK(PresentersOf(text) == std::set<std::string>{"company/ridgeline-freight", "person/tomasz-wierzbicki"});
  CHECK(kgx::testing::Has(text, "company:Ridgeline Freight"));
  CHECK_FALSE(kgx::testing::Has(text, "company:Ridgeline"));
  // a known company keeps its own name
  CHECK(PresentersOf("# Notes\n\n## Scaling Kubernetes — Jane Roe, Netflix\n\n- x\n") ==
        std::set<std::string>{"company/netflix", "person/jane-roe"});
}

TEST_CASE("a Japanese dash header names the speaker and the company in parentheses", "[talk_header]") {
  const std::string text = "# 参加メモ\n\n## 監視の話 — 山田 太郎 (株式会社カモメ物流)\n\n- Datadog を使っている。\n";
  CHECK(PresentersOf(text) == std::set<std::string>{"company/カモメ物流", "person/山田-太郎"});
  CHECK(PresentersOf("# 参加メモ\n\n## 監視の話 — 山田太郎さん (サンプルテック)\n\n- x\n").count("person/山田太郎") == 1);
}

TEST_CASE("a dash header without a speaker names no presenter", "[talk_header]") {
  // negative: a job after the comma is no company, a phrase after the dash is no person
  const std::string job = "# Notes\n\n## Scaling Kubernetes — Jane Roe, Staff Engineer\n\n- x\n";
  CHECK(PresentersOf(job) == std::set<std::string>{"person/jane-roe"});
  CHECK_FALSE(kgx::testing::Has(job, "company:Staff Engineer"));
  CHECK(PresentersOf("# メモ\n\n## まとめ — 今後の展望 (個人的)\n\n所感です。\n").empty());
  const std::string phrase = "# メモ\n\n## まとめ — 今後の展望 (サンプルテック)\n\n所感です。\n";
  CHECK(PresentersOf(phrase).empty());
  CHECK_FALSE(kgx::testing::Has(phrase, "company:サンプルテック"));
  CHECK(PresentersOf("# Notes\n\n## Wrap-up — what we learned\n\nMore next week.\n").empty());
}
