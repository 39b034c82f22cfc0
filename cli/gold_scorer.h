// GoldFile: scores kgx-jsonl/1 records against a hand-annotated gold file (kgx-gold/1,
// shared/gold/README.md); a port of shared/tools/score.py that gives the same figures. Every
// predicted record is placed in the gold section whose line range holds it, so the score does not
// depend on kgx's own segmentation. Used by `kgx eval` (cli/eval_command.cpp).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/gold_name.h"
#include "extractor/status.h"

namespace kgx {

// Precision, recall and F1, each rounded to four decimals as score.py rounds them.
struct PrecisionRecall {
  double p = 0.0;
  double r = 0.0;
  double f1 = 0.0;
  std::size_t tp = 0;
  std::size_t fp = 0;
  std::size_t fn = 0;
};

enum class FigureKind {
  kPrecisionRecall,  // p, r, f1 and the counts
  kShare,            // one value in [0, 1] over `n` cases (quantity.value_acc, query.exact)
};

// One figure of the score, named by score.py's key: "sections", "entity", "entity.person",
// "entity.any_type", "quantity", "quantity.value_acc", "relation", "query.exact".
struct Figure {
  std::string key;
  FigureKind kind = FigureKind::kPrecisionRecall;
  PrecisionRecall prf;  // kPrecisionRecall
  double value = 0.0;   // kShare, rounded to four decimals
  std::size_t n = 0;    // kShare: matched quantities, or queries
};

// An entity that a gold section lists and the extraction does not find there, or the reverse.
struct EntityFind {
  std::string file;           // the gold document
  std::size_t section = 0;    // index of the gold section, in header-line order
  std::string type;           // aws_service, company, person, technology
  std::string name;           // what is compared: the normalized canonical name
  std::string shown;          // the name as the gold file or the extraction writes it
  std::string section_label;  // the gold section's code, else its title
  double section_line = 0;    // the gold section's header line
};

// A quantity of the gold file or of the extraction.
struct QuantityFind {
  std::string file;
  double line = 0;     // 0 when the record has none
  std::string text;
  std::string record;  // the whole record as compact JSON
};

// A gold quantity and the predicted one matched to it (same line, one text holds the other)
// whose value, range, unit or per differs.
struct QuantityMismatch {
  QuantityFind gold;
  QuantityFind found;
};

// A relation of one document: subject and object are normalized canonical names.
struct RelationFind {
  std::string file;
  std::string subject;
  std::string predicate;
  std::string object;
  std::string subject_shown;  // as written in the gold file or the extraction
  std::string object_shown;
};

// How the extraction answers one gold question ("which talks mention X").
struct QueryOutcome {
  std::string question;
  std::size_t want = 0;  // gold sections in the answer
  std::size_t got = 0;   // sections where the extraction finds the entity
  bool exact = false;
};

struct EvalReport {
  std::vector<Figure> figures;  // in score.py's order
  std::vector<QueryOutcome> queries;
  std::vector<EntityFind> missed_entities;    // sorted as score.py sorts them
  std::vector<EntityFind> spurious_entities;
  std::vector<QuantityMismatch> wrong_quantities;  // in gold order
  std::vector<QuantityFind> missed_quantities;     // gold order
  std::vector<QuantityFind> spurious_quantities;   // record order
  std::vector<RelationFind> missed_relations;      // sorted
  std::vector<RelationFind> spurious_relations;
  std::vector<std::string> gold_documents_not_extracted;  // gold files no record's document names

  // Returns the figure named `key`, or nullptr; valid as long as the report.
  const Figure* Find(std::string_view key) const;
};

// A parsed and checked kgx-gold/1 file, ready to score any number of extractions.
class GoldFile {
 public:
  // Reads and parses the gold file at `path`. Fails with kIo when it cannot be read, and with
  // kInvalidArgument (at file:line:col for bad JSON) when it is not a kgx-gold/1 file; every
  // schema problem is listed in the message.
  static Result<GoldFile> Load(const std::string& path);
  // Parses gold text; `path` only names it in messages.
  static Result<GoldFile> Parse(std::string_view text, const std::string& path);

  GoldFile(GoldFile&&) noexcept;
  GoldFile& operator=(GoldFile&&) noexcept;
  ~GoldFile();

  // Scores kgx-jsonl/1 records (one JSON object per line). Fails with kInvalidArgument naming
  // the line when a line is not a JSON object.
  Result<EvalReport> Score(std::string_view jsonl) const;

  const std::string& path() const;
  std::size_t document_count() const;

 private:
  struct Data;
  explicit GoldFile(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace kgx
