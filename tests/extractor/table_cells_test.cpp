// TableCells: the cells of a Markdown table row, which bound what a quantity of the row measures
// (quantity_measures_test.cpp tests that).
#include <catch2/catch.hpp>

#include <string>

#include "extractor/table_cells.h"

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
