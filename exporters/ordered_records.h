// Records of one kind put in the file's order: by key (line or start offset), then by the
// record's text. Records mostly come in that order already; then nothing is moved. Used by the
// jsonl exporter (a finished graph) and the streamed writer (jsonl_stream.h). Internal to
// exporters/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/jsonl_records.h"

namespace kgx {

// Appends records straight to a string, one per line; End sorts them in place if they did not
// come in order. The string grows only through the run until End.
class RecordRun {
 public:
  // The run begins at the end of `out`.
  explicit RecordRun(const std::string& out) : begin_(out.size()) {}
  template <typename Record>
  void Add(std::string& out, std::size_t key, const Record& record) {
    const std::size_t begin = out.size();
    AppendRecord(out, record);
    // With an equal key, a text not smaller than the one before is in order too (End's stable
    // sort would leave the two as they are).
    if (in_order_ && !rendered_.empty() && key <= rendered_.back().key) {
      const Rendered& last = rendered_.back();
      in_order_ = key == last.key && std::string_view(out).substr(last.begin, last.end - last.begin) <=
                                         std::string_view(out).substr(begin, out.size() - begin);
    }
    rendered_.push_back({key, begin, out.size()});
    out += '\n';
  }
  // Puts the records appended to `out` since the run began (or last ended) in order; starts a
  // new run at its end.
  void End(std::string& out);

 private:
  struct Rendered {
    std::size_t key, begin, end;  // the record is out[begin, end), its newline at end
  };
  std::size_t begin_;
  std::vector<Rendered> rendered_;
  bool in_order_ = true;
};

// Keeps the records of one kind apart until MoveTo, for a writer that interleaves documents.
class SortedRecords {
 public:
  template <typename Record>
  void Add(std::size_t key, const Record& record) {
    run_.Add(arena_, key, record);
  }
  // Appends the records, one per line, in order, and empties the list.
  void MoveTo(std::string& out);

 private:
  std::string arena_;
  RecordRun run_{arena_};  // at 0: arena_ is empty between MoveTos
};

}  // namespace kgx
