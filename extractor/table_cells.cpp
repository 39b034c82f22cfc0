// TableCells: the cells of a Markdown table row, for the extractor's quantity step (table_cells.h).
#include "extractor/table_cells.h"

namespace kgx {

namespace {

// The offset of the first '|' of `line` after blanks, or npos.
std::size_t OpeningBar(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first != std::string_view::npos && line[first] == '|' ? first : std::string_view::npos;
}

// The next unescaped '|' at or after `from`, or the line's end.
std::size_t NextBar(std::string_view line, std::size_t from) {
  for (std::size_t i = from; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;  // "\|" stays inside the cell
    } else if (line[i] == '|') {
      return i;
    }
  }
  return line.size();
}

}  // namespace

bool IsTableRow(std::string_view line) { return OpeningBar(line) != std::string_view::npos; }

std::optional<CellSpan> TableCellAt(std::string_view line, std::size_t pos) {
  const std::size_t open = OpeningBar(line);
  if (open == std::string_view::npos || pos <= open) return std::nullopt;
  std::size_t begin = open + 1;
  while (begin <= line.size()) {
    const std::size_t end = NextBar(line, begin);
    if (pos < end || end == line.size()) return CellSpan{begin, end};
    begin = end + 1;
  }
  return std::nullopt;
}

std::optional<CellSpan> FirstTableCell(std::string_view line) {
  const std::size_t open = OpeningBar(line);
  if (open == std::string_view::npos) return std::nullopt;
  return CellSpan{open + 1, NextBar(line, open + 1)};
}

}  // namespace kgx
