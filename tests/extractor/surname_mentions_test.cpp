// A family name written alone with さん (extractor/surname_mentions.h and the discovery rule beside it): a
// person where the line speaks of them ("森さんの発表", "森さんが登壇", "森さん: …"), never a word for people in
// general ("お客さん", "皆さん", "店員さん"); its other mentions need an honorific, and in a document that names
// the person in full ("大西 拓海さん") it is that person. Positive and negative; the notes are our own.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/surname_mentions.h"
#include "tests/extractor/extract_support.h"

using kgx::testing::EntitiesIn;
using kgx::testing::Has;

TEST_CASE("a bare kanji name is one to three kanji and nothing else", "[surname_mentions]") {
  CHECK(kgx::IsBareKanjiName("森"));
  CHECK(kgx::IsBareKanjiName("佐々木"));
  CHECK_FALSE(kgx::IsBareKanjiName("大西 拓海"));
  CHECK_FALSE(kgx::IsBareKanjiName("長谷川一郎"));
  CHECK_FALSE(kgx::IsBareKanjiName("Mori"));
  CHECK_FALSE(kgx::IsBareKanjiName(""));
}

TEST_CASE("a bare kanji name's mention needs an honorific after it and no kanji before it", "[surname_mentions]") {
  const std::string text = "森さん 森氏 青森さん 森林 森";
  CHECK(kgx::IsBareKanjiMention(text, 0, 3));
  CHECK(kgx::IsBareKanjiMention(text, text.find("森氏"), text.find("森氏") + 3));
  CHECK_FALSE(kgx::IsBareKanjiMention(text, text.find("青森") + 3, text.find("青森") + 6));
  CHECK_FALSE(kgx::IsBareKanjiMention(text, text.find("森林"), text.find("森林") + 3));
  CHECK_FALSE(kgx::IsBareKanjiMention(text, text.size() - 3, text.size()));
}

TEST_CASE("the family name of a spaced kanji name", "[surname_mentions]") {
  CHECK(kgx::KanjiFamilyName("大西 拓海") == "大西");
  CHECK(kgx::KanjiFamilyName("大西拓海").empty());
  CHECK(kgx::KanjiFamilyName("Hanako Yamamoto").empty());
  CHECK(kgx::KanjiFamilyName("伊藤 さくら").empty());
}

TEST_CASE("a family name with さん is a person where the line speaks of them", "[surname_mentions]") {
  CHECK(Has("# メモ\n\n- 森さんの発表がよかった\n", "person:森"));
  CHECK(Has("# メモ\n\n- 今日は森さんが Prometheus の話をしていた\n", "person:森"));
  CHECK(Has("# 議事録\n\n- 森さん: まずはステージングで比較したい\n", "person:森"));
  CHECK(Has("# メモ\n\n石井さんは反対\n", "person:石井"));
  CHECK(Has("# Notes\n\n- 山田さんの LT: Terraform tips\n", "person:山田"));
  // a Latin family name with さん is read as before
  CHECK(Has("# Notes\n\n- Mori さんの発表\n", "person:Mori"));
}

TEST_CASE("a word for people in general with さん is no person", "[surname_mentions]") {
  for (const char* line : {"- お客さんの声が大きい", "- 皆さんが集まった", "- みなさんの発表", "- 店員さんが親切", "- 業者さんが来た",
                           "- 中の人さんの話", "- 営業さんの話", "- 大家さんが言うには", "- 部長の田中さん",
                           "- 山田 太郎さんが登壇"}) {
    for (const std::string& entity : EntitiesIn(std::string("# メモ\n\n") + line + "\n")) {
      CHECK((entity == "person:山田 太郎" || entity.rfind("person:", 0) != 0));
    }
  }
}

TEST_CASE("a family name's other mentions need an honorific, and name the person the document names in full",
          "[surname_mentions]") {
  const kgx::DocumentResult result =
      kgx::testing::ExtractText("# メモ\n\n- 森さんの発表\n- 青森の話、森林の話\n- 森氏いわく\n");
  std::size_t mentions = 0;
  for (const kgx::Mention& m : result.mentions) mentions += m.entity == "person/森";
  CHECK(mentions == 2);
  const auto full = EntitiesIn("# Podcast\n\nゲスト: 大西 拓海さん (株式会社コマドリ)\n\n- 大西さんの登壇資料\n- 大西さんいわく速い\n");
  CHECK(full.count("person:大西 拓海") == 1);
  CHECK(full.count("person:大西") == 0);
  // two people of one family name: the family name alone is neither of them
  const auto two = EntitiesIn("# メモ\n\n- 登壇者: 大西 拓海\n- 登壇者: 大西 花子\n- 大西さんの発表\n");
  CHECK(two.count("person:大西") == 1);
}
