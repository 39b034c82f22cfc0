// Aligned table printing (see table.h); the last column is never padded.
#include "cli/table.h"

#include <algorithm>

#include "extractor/text_util.h"

namespace kgx {

void Table::Print(std::ostream& out) const {
  std::vector<std::size_t> widths(header_.size(), 0);
  const auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(cells[c]));
    }
  };
  measure(header_);
  for (const Row& row : rows_) measure(row.cells);
  const auto print = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      out << cells[c];
      if (c + 1 < cells.size()) out << std::string(widths[c] - DisplayWidth(cells[c]) + 2, ' ');
    }
    out << '\n';
  };
  print(header_);
  for (const Row& row : rows_) {
    print(row.cells);
    for (const std::string& detail : row.details) out << detail << '\n';
  }
}

}  // namespace kgx
