// People whose names carry accented Latin letters (Tomás, Zoë, Søren, Łukasz, Nguyễn), read by every
// person pattern of the shipped rules; speakers listed with semicolons; a talk announced on a line of its
// own (`Next: "Title" — Name (Company)`). Whole extraction with the shipped rules; the notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::EntitiesIn;
using kgx::testing::Has;
using kgx::testing::RelationsIn;

bool HasPerson(const std::string& text) {
  for (const std::string& entity : EntitiesIn(text)) {
    if (entity.rfind("person:", 0) == 0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("accented Latin names are read whole by the person patterns", "[accented_names]") {
  const std::string head = "# Notes\n\n";
  CHECK(Has(head + "Written by François Dupont\n", "person:François Dupont"));
  CHECK(Has(head + "Speaker: Łukasz Nowak\n", "person:Łukasz Nowak"));
  CHECK(Has(head + "- Nguyễn Văn An (Staff Engineer, Brightcart)\n", "person:Nguyễn Văn An"));
  CHECK(RelationsIn(head + "Émile Zola is a Principal Engineer at Spotify.\n").count("person/émile-zola role_at company/spotify") == 1);
  // a talk header that names its speaker after the dash: the speaker and the company present it
  const std::string talk = head + "## Taming retries — Tomás Arriaga (Pinegrove)\n\n- Envoy に寄せた\n";
  CHECK(Has(talk, "person:Tomás Arriaga"));
  CHECK(RelationsIn(talk).count("<section> presented_by company/pinegrove") == 1);
  // Japanese notes: a title before the name, an honorific after it (the whole name, not the part after the
  // accent: "Sorolla")
  CHECK(Has("# メモ\n\nCTO の Søren Ødegaard が基調講演で話した\n", "person:Søren Ødegaard"));
  const auto honorific = EntitiesIn("# メモ\n\nJoaquín Sorolla さんの発表が一番よかった\n");
  CHECK(honorific.count("person:Joaquín Sorolla") == 1);
  CHECK(honorific.count("person:Sorolla") == 0);
  CHECK(Has("# メモ\n\n登壇者: Zoë Müller（ミツバチ）\n", "person:Zoë Müller"));
}

TEST_CASE("accented capitals make no more people than plain ones", "[accented_names]") {
  // a small letter is no capital, accented or not; Greek and Cyrillic are not read as Latin names
  CHECK_FALSE(HasPerson("# Notes\n\nSpeaker: ángel cruz\n"));
  CHECK_FALSE(HasPerson("# Notes\n\nSpeaker: Γιώργος Παπαδόπουλος\n"));
  // German nouns and a Spanish sentence's first word are capitalised without being names
  CHECK_FALSE(HasPerson("# Notes\n\nÄrzte und Pflegekräfte nutzen die App täglich.\n"));
  CHECK_FALSE(HasPerson("# メモ\n\nドイツの Ärzte 向けに Kubernetes で作ったアプリの話\n"));
  const auto spanish = EntitiesIn("# Notas\n\nSegún Ana Souza さん, la migración fue rápida\n");
  CHECK(spanish.count("person:Según Ana Souza") == 0);
}

TEST_CASE("speakers listed with semicolons are each found", "[accented_names]") {
  const auto panel = EntitiesIn(
      "# Notes\n\n- Panelists: Ana Souza (Brightcart); Tomás Arriaga (Pinegrove); Łukasz Nowak, Staff SRE @ Fintra\n");
  CHECK(panel.count("person:Ana Souza") == 1);
  CHECK(panel.count("person:Tomás Arriaga") == 1);
  CHECK(panel.count("person:Łukasz Nowak") == 1);
  CHECK(panel.count("company:Pinegrove") == 1);
  const auto japanese = EntitiesIn("# メモ\n\nパネリスト: 山田 太郎 (ミツバチ); 佐藤 花子 (ツグミクラウド)\n");
  CHECK(japanese.count("person:佐藤 花子") == 1);
  CHECK(japanese.count("company:ツグミクラウド") == 1);
  // a semicolon in prose is no list of speakers
  CHECK_FALSE(HasPerson("# Notes\n\nWe tried Redis; Argo Workflows (beta) was next\n"));
}

TEST_CASE("a talk announced on a line of its own names its speaker and company", "[accented_names]") {
  const auto next = EntitiesIn("# Notes\n\n:calendar: Next: \"Scaling Argo CD\" — Hiroshi Nakagawa (Kotobuki Games), Hall 7\n");
  CHECK(next.count("person:Hiroshi Nakagawa") == 1);
  CHECK(next.count("company:Kotobuki Games") == 1);
  CHECK(Has("# メモ\n\n次: 「監視の話」 — Zoë Müller (Brightcart)\n", "person:Zoë Müller"));
  // a quoted phrase before a dash, with no talk announced, names no one
  CHECK_FALSE(HasPerson("# Notes\n\n\"kubectl apply\" — Server Side (beta)\n"));
  // in a talk's notes the next talk's speaker does not present this one
  const auto relations = RelationsIn(
      "# Notes\n\n## Talk 1: Observability on a budget\nSpeaker: Jane Doe (Acme)\n"
      "- Next: \"Scaling Argo CD\" — Hiroshi Nakagawa (Kotobuki Games)\n");
  CHECK(relations.count("<section> presented_by company/acme") == 1);
  CHECK(relations.count("<section> presented_by company/kotobuki-games") == 0);
}

TEST_CASE("a discovered name's other mentions stop at accented letters, not at Japanese ones", "[accented_names]") {
  const auto mentions_of = [](const std::string& text, const std::string& id) {
    std::size_t count = 0;
    for (const kgx::Mention& m : kgx::testing::ExtractText(text).mentions) count += m.entity == id ? 1 : 0;
    return count;
  };
  // "Álvarezñ" and "ÅZoë" continue the words: no mention there
  CHECK(mentions_of("# Notes\n\nWritten by José Álvarez\n\nLater José Álvarez spoke; José Álvarezñ did not.\n",
                    "person/josé-álvarez") == 2);
  CHECK(mentions_of("# メモ\n\n登壇者: Zoë Müller\n\nZoë Müllerさんが話した。ÅZoë Müller は別人。\n", "person/zoë-müller") == 2);
}

TEST_CASE("a team's manager or lead is a role, in English and Japanese speaker lines", "[accented_names]") {
  const auto roles = [](const std::string& text) {
    std::set<std::string> out;
    for (const kgx::Relation& r : kgx::testing::ExtractText(text).relations) {
      if (r.predicate == "role_at") out.insert(r.subject + " " + r.object + " [" + r.role + "]");
    }
    return out;
  };
  CHECK(roles("# Notes\n\n- Panelists: Tomás Arriaga, SRE Manager @ Fintra; Mei Lindqvist (Cloudmesh)\n") ==
        std::set<std::string>{"person/tomás-arriaga company/fintra [SRE Manager]"});
  CHECK(roles("# Notes\n\n- Panelists: Tomás Arriaga, SRE Lead @ Spotify\n") ==
        std::set<std::string>{"person/tomás-arriaga company/spotify [SRE Lead]"});
  CHECK(roles("# メモ\n\n- 登壇者: 小林 拓海 (株式会社ミツバチ, SRE Manager)\n") ==
        std::set<std::string>{"person/小林-拓海 company/ミツバチ [SRE Manager]"});
  CHECK(roles("# Notes\n\n- Written by Jonas Richter, Engineering Manager at Quillstone\n") ==
        std::set<std::string>{"person/jonas-richter company/quillstone [Engineering Manager]"});
  // no person, no role: a team's manager spoken of
  CHECK(roles("# Notes\n\n- the SRE manager at our company said so\n").empty());
}

TEST_CASE("company names with accents are discovered whole by their context", "[accented_names]") {
  // before: "Soci" and "L", the name cut at its first accented letter
  const auto ja = EntitiesIn("# メモ\n\n今日は Société Générale社 の事例を聞いた。\n");
  CHECK(ja.count("company:Société Générale") == 1);
  CHECK(ja.count("company:Soci") == 0);
  const auto en = EntitiesIn("# Notes\n\nEngineers at Lémurie talked about their ledger.\n");
  CHECK(en.count("company:Lémurie") == 1);
  CHECK(en.count("company:L") == 0);
  // a small letter starts no company, accented or not
  CHECK_FALSE(Has("# メモ\n\nécole社 の話\n", "company:école"));
}
