// TableCells: the cells of a Markdown table row ("| 11:30 | Aurora でコストを 4 割削減 | 林 美咲さん |").
// QuantityMeasures uses them to keep a quantity from measuring a name in another cell of its row:
// a row's cells are separate statements, its first cell is the row's subject.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace kgx {

struct CellSpan {
  std::size_t begin = 0;  // byte offset in the line, just after the opening '|'
  std::size_t end = 0;    // byte offset of the closing '|' (or the line's end)
};

// Whether `line` is a table row: its first non-blank character is '|'.
bool IsTableRow(std::string_view line);

// The cell of table row `line` that holds byte offset `pos`; nullopt when `line` is no table row or
// `pos` lies before the first '|'. A '\|' is an escaped bar inside a cell, not a border.
std::optional<CellSpan> TableCellAt(std::string_view line, std::size_t pos);

// The first cell of table row `line` (the row's subject); nullopt when `line` is no table row.
std::optional<CellSpan> FirstTableCell(std::string_view line);

}  // namespace kgx
