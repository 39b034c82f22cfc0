// Records in file order (see ordered_records.h).
#include "exporters/ordered_records.h"

#include <algorithm>
#include <string_view>

namespace kgx {

void RecordRun::End(std::string& out) {
  if (!in_order_) {
    const std::string records = out.substr(begin_);
    const auto text = [&](const Rendered& r) {
      return std::string_view(records).substr(r.begin - begin_, r.end - r.begin);
    };
    std::stable_sort(rendered_.begin(), rendered_.end(), [&](const Rendered& a, const Rendered& b) {
      if (a.key != b.key) return a.key < b.key;
      return text(a) < text(b);
    });
    out.resize(begin_);
    for (const Rendered& r : rendered_) out.append(records, r.begin - begin_, r.end + 1 - r.begin);
  }
  begin_ = out.size();
  rendered_.clear();
  in_order_ = true;
}

void SortedRecords::MoveTo(std::string& out) {
  run_.End(arena_);
  if (out.empty()) {
    out.swap(arena_);
  } else {
    out += arena_;
  }
  arena_.clear();
  run_.End(arena_);  // begins the next run at the emptied arena
}

}  // namespace kgx
