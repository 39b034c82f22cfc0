// A Japanese name with and without its blank ("大西 拓海", "大西拓海") is one person in a document.
// Names are our own.
#include <catch2/catch.hpp>

#include "extractor/japanese_name_spacing.h"
#include "tests/extractor/extract_support.h"

using kgx::JoinedJapaneseName;
using kgx::testing::EntitiesIn;

TEST_CASE("a spaced Japanese name without its blanks", "[name_spacing]") {
  CHECK(JoinedJapaneseName("大西 拓海") == "大西拓海");
  CHECK(JoinedJapaneseName("ファン ミン アン") == "ファンミンアン");
  CHECK(JoinedJapaneseName("佐々木 健") == "佐々木健");
  // negative: no blank, Latin letters or digits, blanks at the ends or doubled, four parts
  CHECK(JoinedJapaneseName("大西拓海").empty());
  CHECK(JoinedJapaneseName("Hanako Yamamoto").empty());
  CHECK(JoinedJapaneseName("AWS 太郎").empty());
  CHECK(JoinedJapaneseName("大西 拓海2").empty());
  CHECK(JoinedJapaneseName(" 大西 拓海").empty());
  CHECK(JoinedJapaneseName("大西 拓海 ").empty());
  CHECK(JoinedJapaneseName("大西  拓海").empty());
  CHECK(JoinedJapaneseName("あ い う え").empty());
  CHECK(JoinedJapaneseName("").empty());
}

TEST_CASE("a document that writes a name with and without its blank names one person", "[name_spacing]") {
  const std::string text = "# メモ\n\n- ゲスト: 大西 拓海さん (株式会社コマドリ食堂 CTO)\n- 大西拓海さんの話では Aurora に移行した\n"
                           "- 大西拓海 の本も出ている\n";
  const auto found = EntitiesIn(text);
  CHECK(found.count("person:大西 拓海") == 1);
  CHECK(found.count("person:大西拓海") == 0);
  // the unspaced name first, the spaced one later: still one, the spaced spelling
  const auto later = EntitiesIn("# メモ\n\n- 大西拓海さんの話\n- 登壇者: 大西 拓海 (コマドリ食堂)\n");
  CHECK(later.count("person:大西 拓海") == 1);
  CHECK(later.count("person:大西拓海") == 0);
  // negative: two different people stay two; a romanized name is not joined
  const auto two = EntitiesIn("# メモ\n\n- 大西 拓海さんの話\n- 大西 拓也さんの話\n- 大西拓也さんの本\n");
  CHECK(two.count("person:大西 拓海") == 1);
  CHECK(two.count("person:大西 拓也") == 1);
  CHECK(two.size() == 2);
  const auto latin = EntitiesIn("# Notes\n\n- Hanako Yamamoto さんの話\n- HanakoYamamoto さんのブログ\n");
  CHECK(latin.count("person:Hanako Yamamoto") == 1);
}
