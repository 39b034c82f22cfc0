// What a quantity in a Markdown table row measures: a name in its own cell, else the row's subject in the
// first cell, else nothing; never a name in another cell (the speaker of a sessions table). TableCells
// on its own, then whole extraction with the shipped rules.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/table_cells.h"
#include "tests/extractor/extract_support.h"

namespace {

// What the first quantity whose text is `text` measures ("" for nothing, "?" when there is none).
std::string MeasuredBy(const std::string& note, const std::string& text) {
  for (const kgx::Quantity& q : kgx::testing::ExtractText(note).quantities) {
    if (q.text == text) return q.measures;
  }
  return "?";
}

}  // namespace

TEST_CASE("table cells are split at unescaped bars", "[table_cells]") {
  const std::string row = "| 11:30 | 4 割削減 \\| 速い | 林 |";
  CHECK(kgx::IsTableRow(row));
  CHECK(kgx::IsTableRow("  |a|b|"));
  CHECK_FALSE(kgx::IsTableRow("a | b"));
  CHECK_FALSE(kgx::IsTableRow("- | x |"));
  const auto cell = kgx::TableCellAt(row, row.find("4"));
  REQUIRE(cell);
  CHECK(row.substr(cell->begin, cell->end - cell->begin) == " 4 割削減 \\| 速い ");
  const auto first = kgx::FirstTableCell(row);
  REQUIRE(first);
  CHECK(row.substr(first->begin, first->end - first->begin) == " 11:30 ");
  CHECK_FALSE(kgx::TableCellAt("no table 4", 9));
  CHECK_FALSE(kgx::TableCellAt(row, 0));  // on the opening bar
}

TEST_CASE("a quantity in a table row measures its own cell's name, never the speaker's", "[table_cells][quantity]") {
  // Japanese: a sessions table; the speaker is in the next cell
  const std::string sessions = "# 参加レポート\n\n| 時間 | セッション | 登壇者 |\n|---|---|---|\n"
                               "| 11:30 | Aurora Serverless v2 でコストを 4 割削減 | 林 美咲さん (株式会社コトリ) |\n"
                               "| 14:00 | コストを 3 割削減した話 | 林 美咲さん (株式会社コトリ) |\n";
  CHECK(MeasuredBy(sessions, "4 割") == "aws_service/amazon-aurora");
  CHECK(MeasuredBy(sessions, "3 割").empty());
  // English: a before/after table whose first cell names the subject
  const std::string costs = "# Costs\n\n| Service | Before | After |\n|---|---|---|\n| AWS Lambda | $4,200 | $1,900 |\n"
                            "| Monthly bill | $38,000 | Amazon S3 |\n";
  CHECK(MeasuredBy(costs, "$4,200") == "aws_service/aws-lambda");
  CHECK(MeasuredBy(costs, "$1,900") == "aws_service/aws-lambda");
  CHECK(MeasuredBy(costs, "$38,000").empty());
  // negative: outside a table the nearest name on the line is measured as before
  CHECK(MeasuredBy("# メモ\n\nAurora Serverless v2 でコストを 4 割削減した。\n", "4 割") == "aws_service/amazon-aurora");
}
