// A speaker's bio in English notes: "**Maya Okafor** is a Principal Engineer at Lumenpay" names a
// person and their role at a company. Whole extraction with the shipped rules; the notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

std::set<std::string> RolesOf(const std::string& text) {
  const kgx::DocumentResult result = kgx::testing::ExtractText(text);
  std::set<std::string> out;
  for (const kgx::Relation& r : result.relations) {
    if (r.predicate == "role_at") out.insert(r.subject + " " + r.role + " " + r.object);
  }
  return out;
}

}  // namespace

TEST_CASE("a bio line that opens with the name gives the person's role at the company", "[speaker_bio]") {
  const std::string head = "# QCon notes\n\n## Speakers\n\n";
  CHECK(RolesOf(head + "**Maya Okafor** is a Principal Engineer at Spotify, where she leads the ledger team.\n")
            .count("person/maya-okafor Principal Engineer company/spotify") == 1);
  CHECK(RolesOf(head + "Tomasz Wierzbicki is Staff SRE at Netflix.\n").count("person/tomasz-wierzbicki Staff SRE company/netflix") == 1);
  CHECK(RolesOf(head + "- **Jane Roe** was the CTO of Shopify before she joined us.\n").count("person/jane-roe CTO company/shopify") == 1);
  // negative: a name in the middle of a sentence, a role that is no job, a company that is no company
  CHECK(RolesOf(head + "Yesterday I heard that Maya Okafor is a Principal Engineer at Spotify.\n").empty());
  CHECK(RolesOf(head + "**Maya Okafor** is a big fan of Spotify.\n").empty());
  CHECK(RolesOf(head + "**Maya Okafor** is an engineer at heart.\n").empty());
  // Japanese bios keep their own rules: 株式会社Xのインフラエンジニアである高橋 真一さん
  CHECK(RolesOf("# メモ\n\n株式会社ミツバチのインフラエンジニアである高橋 真一さんの講演。\n").size() == 1);
}
