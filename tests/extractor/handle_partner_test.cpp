// A person's handle right after their name (extractor/handle_partner.h), and the whole extraction that makes
// the handle a mention and an alias of the person: a post's head "Tomoko Hayashi @tomo_h_sre · 3月6日" and a
// reply's "@tomo_h_sre さん" are one person. Positive and negative, Japanese and English; the notes are our own.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>

#include "extractor/handle_partner.h"
#include "tests/extractor/extract_support.h"

namespace {

// The handle after the name that opens `text` (`name` bytes long), or "" when there is none.
std::string HandleAfter(std::string_view text, std::size_t name) {
  const std::optional<kgx::NameSpan> span = kgx::HandleAfterName(text, 0, name);
  return span ? std::string(text.substr(span->begin, span->end - span->begin)) : std::string();
}

// The person entities of `result`, as "Name [alias, …]".
std::vector<std::string> People(const kgx::DocumentResult& result) {
  std::vector<std::string> out;
  for (const kgx::Entity& e : result.entities) {
    if (e.type != kgx::EntityType::kPerson) continue;
    std::string line = e.name + " [";
    for (std::size_t i = 0; i < e.aliases.size(); ++i) line += (i ? ", " : "") + e.aliases[i];
    out.push_back(line + "]");
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a handle after a blank or in parentheses right after a name is its partner", "[handle_partner]") {
  CHECK(HandleAfter("Tomoko Hayashi @tomo_h_sre · 3月6日", 14) == "@tomo_h_sre");
  CHECK(HandleAfter("山田 太郎 (@yamada_t) · 2026-03-06", 13) == "@yamada_t");
  CHECK(HandleAfter("Jane Doe @jane.bsky.social", 8) == "@jane.bsky.social");
  CHECK(HandleAfter("Jane Doe @jane_doe.", 8) == "@jane_doe");  // a sentence's dot is no part of it
  CHECK(HandleAfter("大西 拓海さん (@t_onishi)", 13) == "@t_onishi");  // after the honorific
}

TEST_CASE("an affiliation, a mail address, a glued @ or an open parenthesis is no handle", "[handle_partner]") {
  CHECK(HandleAfter("Jane Doe @ Acme", 8).empty());
  CHECK(HandleAfter("Jane Doe@acme", 8).empty());
  CHECK(HandleAfter("Jane Doe jane@acme.com", 8).empty());
  CHECK(HandleAfter("Jane Doe @jane@mastodon.social", 8).empty());  // a Fediverse address, not one handle
  CHECK(HandleAfter("山田 太郎 (@yamada_t です", 13).empty());
  CHECK(HandleAfter("@ryo_dev @ryo2", 8).empty());  // a handle has no handle partner
  CHECK(HandleAfter("Jane Doe", 8).empty());
  CHECK(HandleAfter("大西 拓海さん@t_onishi", 13).empty());  // glued to the honorific
}

TEST_CASE("a post head's name and handle, and a reply's handle, are one person with the handle as alias",
          "[handle_partner]") {
  const kgx::DocumentResult en = kgx::testing::ExtractText(
      "# PlatformCon 2026 thread\n\nTomoko Hayashi @tomo_h_sre · Mar 6\nGreat keynote on Backstage\n\n"
      "Ken Ito @ken_i · Mar 6\n@tomo_h_sre さん agreed\n");
  CHECK(People(en) == std::vector<std::string>{"Ken Ito [@ken_i]", "Tomoko Hayashi [@tomo_h_sre]"});
  std::size_t handle_mentions = 0;
  for (const kgx::Mention& m : en.mentions) handle_mentions += m.text == "@tomo_h_sre" && m.entity == "person/tomoko-hayashi";
  CHECK(handle_mentions == 2);
  const kgx::DocumentResult ja = kgx::testing::ExtractText(
      "# 勉強会メモ\n\n@yamada_t さんの資料がよかった\n\n山田 太郎 (@yamada_t) · 2026-03-06\nありがとうございました\n");
  CHECK(People(ja) == std::vector<std::string>{"山田 太郎 [@yamada_t]"});
}

TEST_CASE("a handle beside no name, or after an affiliation, stays its own", "[handle_partner]") {
  // a nickname in kana is no discovered name: the handle is the person
  CHECK(People(kgx::testing::ExtractText("# メモ\n\nりょう @ryo_dev · 3月6日\n@ryo_dev さんに同意\n")) ==
        std::vector<std::string>{"@ryo_dev []"});
  // "Jane Doe @ Acme" names where she works, and "@acme さん" is another one
  const auto people = People(kgx::testing::ExtractText("# Notes\n\nSpeaker: Jane Doe @ Acme\n@acme さん thanks\n"));
  CHECK(std::find(people.begin(), people.end(), "Jane Doe []") != people.end());
}
