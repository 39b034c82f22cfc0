// QuantityMeasures: which name of its line a quantity measures. The extractor asks it once per
// quantity, after the quantity rules have found the amounts of a line and before the quantity
// becomes part of the result: a table row's cells (table_cells.h) or else the sentences of the
// line (sentence_span.h) bound where the measured name may stand.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "extractor/inclusion_aside.h"
#include "extractor/sentence_span.h"
#include "extractor/table_cells.h"

namespace kgx {

// A name found in a document: [begin, end) of its normalized text, and its entity's index in
// DocumentResult::entities.
struct FoundName {
  std::size_t begin, end, entity;
};

// What a quantity measures.
struct Measure {
  // A name begins at or before the amount and holds it ("ルート53", "37signals"): the amount is
  // part of the name, no quantity.
  bool part_of_name = false;
  // The entity (an index into DocumentResult::entities) of the name measured; nullopt for none.
  std::optional<std::size_t> entity;
};

// The names of one line and what its quantities measure. Made per line; the sentences of the
// line are found for its first quantity outside a table that has a name to bound.
class QuantityMeasures {
 public:
  // `line`: the line's normalized text, beginning at offset `line_begin` of the document's;
  // `names`: the names found on the line, by begin and disjoint, in document offsets. Both views
  // must outlive this object.
  QuantityMeasures(std::string_view line, std::size_t line_begin, std::span<const FoundName> names)
      : line_(line), line_begin_(line_begin), names_(names) {}

  // What the amount at [begin, end) of the line measures: in a table row, a name in its own cell,
  // else the row's subject in the first cell, else nothing (not the speaker in the next cell);
  // elsewhere the nearest name of its own sentence, else of the sentence right before it (which
  // often names the topic), never one of a later sentence, nor one in an aside after the amount
  // that says what it includes (inclusion_aside.h).
  Measure Of(std::size_t begin, std::size_t end);

 private:
  // The entity of the name among names_[from, to) nearest to the amount at [begin, end) of the
  // document's text that lies inside [lo, hi) of the line; the first one of equals.
  std::optional<std::size_t> Nearest(std::size_t from, std::size_t to, std::size_t begin, std::size_t end, std::size_t lo,
                                     std::size_t hi) const;

  std::string_view line_;
  std::size_t line_begin_;
  std::span<const FoundName> names_;
  std::optional<SentenceMarks> sentences_;  // the line's, found when first needed
};

// Defined here and always inlined: called per quantity from the extractor's loop over a line's
// quantities (out of line, the call and its copies cost c20's extraction 0.1% more instructions).
[[gnu::always_inline]] inline Measure QuantityMeasures::Of(std::size_t begin, std::size_t end) {
  const std::size_t doc_begin = line_begin_ + begin;
  const std::size_t doc_end = line_begin_ + end;
  // The names are sorted and disjoint: the nearest one is the last ending at or before the amount
  // or the one after it, so only those two are looked at (a huge line has millions).
  const std::size_t near = static_cast<std::size_t>(
      std::partition_point(names_.begin(), names_.end(), [&](const FoundName& f) { return f.end <= doc_begin; }) - names_.begin());
  if (near < names_.size() && names_[near].begin <= doc_begin) return {true, std::nullopt};
  if (const std::optional<CellSpan> cell = TableCellAt(line_, begin)) {
    // A table row's cells are separate statements.
    std::optional<std::size_t> entity = Nearest(0, names_.size(), doc_begin, doc_end, cell->begin, cell->end);
    const std::optional<CellSpan> first = FirstTableCell(line_);
    if (!entity && first && first->begin != cell->begin) {
      entity = Nearest(0, names_.size(), doc_begin, doc_end, first->begin, first->end);
    }
    return {false, entity};
  }
  // "データストアは DynamoDB が中心。ピーク時は 1M writes/s": the sentence before names the topic;
  // "月 $62,000 くらい。Cloud SQL 時代より…": a later sentence is another statement.
  const std::size_t from = std::max<std::size_t>(near, 1) - 1;
  const std::size_t to = std::min(names_.size(), near + 1);
  if (from >= to) return {};  // no name on the line, nothing to bound
  if (!sentences_) sentences_.emplace(line_);
  const SentenceBounds sentence = sentences_->Around(begin, end);
  std::optional<std::size_t> entity = Nearest(from, to, doc_begin, doc_end, sentence.begin, sentence.end);
  if (entity) return {false, entity};
  if (const std::optional<SentenceBounds> before = sentences_->Before(sentence)) {
    entity = Nearest(from, to, doc_begin, doc_end, before->begin, before->end);
  }
  return {false, entity};
}

inline std::optional<std::size_t> QuantityMeasures::Nearest(std::size_t from, std::size_t to, std::size_t begin, std::size_t end, std::size_t lo,
                                                     std::size_t hi) const {
  std::optional<std::size_t> entity;
  std::size_t best_distance = static_cast<std::size_t>(-1);
  for (std::size_t k = from; k < to; ++k) {
    const FoundName& f = names_[k];
    if (f.begin < line_begin_ + lo || f.end > line_begin_ + hi) continue;
    // "$61,000 に削減(Savings Plans 込み)": an aside says what the figure includes, not whose it is
    if (f.begin >= end && InInclusionAside(line_, end - line_begin_, f.begin - line_begin_, f.end - line_begin_)) continue;
    const std::size_t distance = f.end <= begin ? begin - f.end : (f.begin >= end ? f.begin - end : 0);
    if (distance < best_distance) {
      best_distance = distance;
      entity = f.entity;
    }
  }
  return entity;
}

}  // namespace kgx
