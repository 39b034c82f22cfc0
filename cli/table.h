// Table: aligned columns for terminal output, measured in display width (Japanese takes two
// columns), with optional detail lines under a row.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace kgx {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> cells) { rows_.push_back({std::move(cells), {}}); }
  // A free-form line printed under the last row.
  void AddDetail(std::string line) {
    if (!rows_.empty()) rows_.back().details.push_back(std::move(line));
  }
  void Print(std::ostream& out) const;

 private:
  struct Row {
    std::vector<std::string> cells;
    std::vector<std::string> details;
  };
  std::vector<std::string> header_;
  std::vector<Row> rows_;
};

}  // namespace kgx
