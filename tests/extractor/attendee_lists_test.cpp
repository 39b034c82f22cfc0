// People named in a list: an attendee list ("参加者: 山田 太郎、佐藤 花子", "Attendees: Jane Doe, John Smith")
// names each of its people written in full, as a speaker list does, and a Japanese name whose given name
// is in katakana ("森 エミ", "田中 ケン") is a person in any such list, not its family name alone. Whole
// extraction with the shipped rules (rules/discovery.rules), positive and negative.
#include <catch2/catch.hpp>

#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::EntitiesIn;
using kgx::testing::Has;

}  // namespace

TEST_CASE("an attendee list names each of its people", "[attendee_lists]") {
  const auto ja = EntitiesIn("# 定例メモ\n\n参加者: 山田 太郎、佐藤 花子、鈴木 一郎\n");
  CHECK(ja.count("person:山田 太郎") == 1);
  CHECK(ja.count("person:佐藤 花子") == 1);
  CHECK(ja.count("person:鈴木 一郎") == 1);
  const auto en = EntitiesIn("# Weekly sync\n\nAttendees: Jane Doe, John Smith and Mei Lin\n");
  CHECK(en.count("person:Jane Doe") == 1);
  CHECK(en.count("person:John Smith") == 1);
  CHECK(en.count("person:Mei Lin") == 1);
  CHECK(Has("# 定例メモ\n\n出席者: 森 エミ、田中 ケン\n", "person:田中 ケン"));
  CHECK(Has("# Weekly sync\n\nParticipants: Jane Doe & John Smith\n", "person:John Smith"));
  CHECK(Has("# 定例メモ\n\nメンバー: 森 エミ、田中 ケン\n", "person:田中 ケン"));
  // a remark in parentheses after a name does not end the list
  CHECK(Has("# 定例メモ\n\n参加者: 山田 太郎 (SRE)、佐藤 花子 (PM)\n", "person:佐藤 花子"));
  CHECK(Has("# Weekly sync\n\nAttendees: Jane Doe (Acme), John Smith (Globex)\n", "person:John Smith"));
}

TEST_CASE("katakana given names in a people list are people", "[attendee_lists]") {
  const auto speakers = EntitiesIn("# 勉強会\n\n登壇者: 鈴木 ミナ、高橋 ジョー\n");
  CHECK(speakers.count("person:鈴木 ミナ") == 1);
  CHECK(speakers.count("person:高橋 ジョー") == 1);
  // the family name alone is not the person
  CHECK(speakers.count("person:鈴木") == 0);
  CHECK(Has("# 勉強会\n\n司会: 伊藤 健二と森 エミ\n", "person:森 エミ"));
  CHECK(Has("# 勉強会\n\n参加者: 森 エミ、田中 ケン\n", "person:森 エミ"));
}

TEST_CASE("an attendee line of counts, teams or words names no one", "[attendee_lists]") {
  CHECK(EntitiesIn("# 定例メモ\n\n参加者: 10名\n").empty());
  CHECK(EntitiesIn("# 定例メモ\n\n参加者: 開発部、営業部\n").empty());
  CHECK(EntitiesIn("# 定例メモ\n\n参加者: エンジニア、デザイナー\n").empty());
  CHECK(EntitiesIn("# Weekly sync\n\nAttendees: about 40 people\n").empty());
  // a family name alone, or a name without the blank that tells family from given name, is no person here
  CHECK(EntitiesIn("# 定例メモ\n\n参加者: 山田、佐藤、鈴木\n").empty());
  CHECK(EntitiesIn("# 定例メモ\n\nメンバー: 開発チーム、SREチーム\n").empty());
  // negative: names under a label that is no list of people
  CHECK_FALSE(Has("# 定例メモ\n\nタグ: 森 エミ、田中 ケン\n", "person:田中 ケン"));
  CHECK_FALSE(Has("# Weekly sync\n\nTopics: Jane Doe, John Smith\n", "person:John Smith"));
}

TEST_CASE("the older attendee patterns read what the full-name list does not: the labels stay in both", "[attendee_lists]") {
  // The speaker-list patterns that take the second to fifth name with a company in parentheses also take
  // 参加者/出席者/Participants/Attendees. The full-name list ({=full_name}{=name_list_separator}) reads the same
  // lines only when every name before is written in full and each parenthesis holds at most 30 characters;
  // these lines it leaves, so the older patterns keep the attendee labels.
  // a parenthesis of 31 to 40 characters
  CHECK(Has("# 定例メモ\n\n参加者: 山田 太郎 (株式会社カモメ物流 プラットフォーム開発部 SREチーム 東京拠点)、佐藤 花子 (ミズナギ決済)\n",
            "person:佐藤 花子"));
  CHECK(Has("# Weekly sync\n\nAttendees: Jane Doe (Platform Engineering, Acme Corp EMEA), John Smith (Globex)\n",
            "person:John Smith"));
  // a name before written without a blank, or by its family name and an honorific
  CHECK(Has("# 定例メモ\n\n出席者: 山田太郎 (カモメ物流)、佐藤花子 (ミズナギ決済)\n", "person:佐藤花子"));
  CHECK(Has("# 定例メモ\n\n参加者: 山田さん (カモメ物流)、佐藤 花子 (ミズナギ決済)\n", "person:佐藤 花子"));
  // negative: counts, and single words, with a place in parentheses name no one
  CHECK(EntitiesIn("# 定例メモ\n\n参加者: 10名 (東京)、5名 (大阪)\n").empty());
  CHECK(EntitiesIn("# Weekly sync\n\nAttendees: Platform (Tokyo), Sales (Osaka)\n").empty());
  // negative: places with head counts, departments with sites
  CHECK(EntitiesIn("# 定例メモ\n\n参加者: 東京 (3名)、大阪 (2名)\n").empty());
  CHECK(EntitiesIn("# 定例メモ\n\n参加者: 開発部 (東京)、営業部 (大阪)\n").empty());
  // a family name that is also a place stays a name: 千葉, 福岡 are not stopped
  CHECK(Has("# 勉強会\n\n登壇者: 山田 太郎 (カモメ物流)、千葉 花子 (ミズナギ決済)\n", "person:千葉 花子"));
}
