// Attendee tables (extractor/attendee_table.h): a Markdown table whose header names people and companies
// ("| 名前 | 所属 |", "| Name | Company |") gives each row's person and company, and with a role column
// ("| 役職 |", "| Role |") the row's role_at (rules/relations.rules). Positive and negative, Japanese and
// English; the notes are our own.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/attendee_table.h"
#include "tests/extractor/extract_support.h"

using kgx::testing::EntitiesIn;
using kgx::testing::RelationsIn;

namespace {

// "type:text" for each name AttendeeTableNames finds in `texts`.
std::vector<std::string> TableNames(const std::vector<std::string>& texts) {
  std::string text;
  for (const std::string& line : texts) text += line + "\n";
  std::vector<kgx::LineView> lines;
  for (std::size_t i = 0, at = 0; i < texts.size(); at += texts[i].size() + 1, ++i) {
    lines.push_back({i + 1, at, at + texts[i].size(), std::string_view(text).substr(at, texts[i].size())});
  }
  std::vector<std::string> out;
  for (const kgx::TableName& name : kgx::AttendeeTableNames(lines, text)) {
    out.push_back(std::string(kgx::EntityTypeName(name.type)) + ":" + texts[name.line].substr(name.begin, name.end - name.begin));
  }
  return out;
}

}  // namespace

TEST_CASE("an attendee table gives the person and the company of each row", "[attendee_table]") {
  CHECK(TableNames({"| 名前 | 所属 |", "|---|---|", "| 山田 太郎 | 株式会社カモメ物流 |", "| 佐藤花子さん | ツバメナビ |"}) ==
        std::vector<std::string>{"person:山田 太郎", "company:カモメ物流", "person:佐藤花子", "company:ツバメナビ"});
  CHECK(TableNames({"| **Name** | **Company** | Role |", "| :-- | :-- | -- |", "| Jane Doe | Brightcart | SRE |"}) ==
        std::vector<std::string>{"person:Jane Doe", "company:Brightcart"});
  // the columns in another order, and the table's end
  CHECK(TableNames({"| 所属 | 氏名 |", "|--|--|", "| Lumen Health | Tom Becker |", "", "| Tom Ito | Acme |"}) ==
        std::vector<std::string>{"person:Tom Becker", "company:Lumen Health"});
}

TEST_CASE("a table of other things, or a cell that is no name, gives nothing", "[attendee_table]") {
  CHECK(TableNames({"| サービス | 月額 |", "|---|---|", "| Aurora | 45万円 |"}).empty());
  CHECK(TableNames({"| Name | Version |", "|---|---|", "| Argo CD | 2.9 |"}).empty());
  CHECK(TableNames({"| 名前 | 所属 |", "|---|---|", "| 監視 | - |", "| 山田 | なし |", "| jane | N/A |"}).empty());
  CHECK(TableNames({"山田 太郎 | 株式会社カモメ物流"}).empty());
}

TEST_CASE("an attendee table's people and companies are entities, and a role column gives role_at", "[attendee_table]") {
  const std::string ja = "# 勉強会メモ\n\n## 参加者\n\n| 名前 | 所属 | 役職 |\n|---|---|---|\n| 山田 太郎 | 株式会社カモメ物流 | SRE |\n"
                         "| 鈴木 一郎 | - | - |\n";
  const auto entities = EntitiesIn(ja);
  CHECK(entities.count("person:山田 太郎") == 1);
  CHECK(entities.count("person:鈴木 一郎") == 1);
  CHECK(entities.count("company:カモメ物流") == 1);
  CHECK(RelationsIn(ja).count("person/山田-太郎 role_at company/カモメ物流") == 1);
  const std::string en = "# Meetup notes\n\n## Attendees\n\n| Name | Company | Role |\n|---|---|---|\n| Jane Doe | Brightcart | Staff Engineer |\n";
  CHECK(RelationsIn(en).count("person/jane-doe role_at company/brightcart") == 1);
  // negative: without a role column there is no role to state
  const std::string no_role = "# Meetup notes\n\n## Attendees\n\n| Name | Company |\n|---|---|\n| Jane Doe | Brightcart |\n";
  CHECK(EntitiesIn(no_role).count("person:Jane Doe") == 1);
  CHECK(RelationsIn(no_role).count("person/jane-doe role_at company/brightcart") == 0);
  // nor does a third column that holds no job
  const std::string times = "# メモ\n\n| 名前 | 所属 | 時間 |\n|---|---|---|\n| 山田 太郎 | 株式会社カモメ物流 | 10:00 |\n";
  CHECK(EntitiesIn(times).count("person:山田 太郎") == 1);
  CHECK(RelationsIn(times).count("person/山田-太郎 role_at company/カモメ物流") == 0);
}
