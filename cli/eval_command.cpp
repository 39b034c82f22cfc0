// `kgx eval --gold GOLD.json [INPUT...] [--json]`: extracts the inputs with the rules, renders the
// kgx-jsonl/1 records in memory exactly as `kgx extract --format jsonl` writes them, and scores them
// against the gold file (cli/gold_scorer.h): aligned tables of the figures and of what was missed
// or found in excess, or --json (score.py's keys, plus the quantity and relation lists).
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/gold_scorer.h"
#include "cli/pipeline.h"
#include "cli/table.h"
#include "exporters/formats.h"
#include "extractor/text_util.h"

namespace kgx {

namespace {

using Json = nlohmann::ordered_json;

// Keeps the first file an exporter writes in memory; later files are discarded.
class MemorySink final : public FileSink {
 public:
  std::ostream& Begin(const std::string&) override {
    if (started_) {
      discard_.str("");
      return discard_;
    }
    started_ = true;
    return text_;
  }
  std::string text() const { return text_.str(); }

 private:
  bool started_ = false;
  std::ostringstream text_;
  std::ostringstream discard_;
};

std::string RenderJsonLines(const KnowledgeGraph& graph) {
  MemorySink sink;
  JsonLinesExporter().Write(graph, sink);
  return sink.text();
}

std::string Fixed3(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

std::string Number(double value) {
  char buffer[32];
  if (value == static_cast<double>(static_cast<long long>(value)) && value > -1e15 && value < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(value));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
  }
  return buffer;
}

std::string Line(double line) { return line > 0 ? Number(line) : "-"; }

// Returns "25000000000 request/day" or "30-45 second" for a quantity record.
std::string Reading(const QuantityFind& q) {
  const Json record = Json::parse(q.record, nullptr, false);
  const auto number = [&](const char* key) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) return std::string("null");
    return it->is_number() ? Number(it->get<double>()) : it->dump();
  };
  std::string out = record.contains("value") ? number("value") : number("min") + "-" + number("max");
  const auto text = [&](const char* key) {
    const auto it = record.find(key);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  out += " " + (text("unit").empty() ? "-" : text("unit"));
  if (!text("per").empty()) out += "/" + text("per");
  return out;
}

// Returns `text` cut to about `columns` display columns.
std::string Clip(const std::string& text, std::size_t columns) {
  if (DisplayWidth(text) <= columns) return text;
  std::string out = text.substr(0, Utf8PrefixLength(text, columns));
  while (!out.empty() && DisplayWidth(out) > columns - 1) out.resize(Utf8PrefixLength(out, out.size() - 1));
  return out + "…";
}

void PrintFigures(const EvalReport& report, std::ostream& out) {
  Table prf({"FIGURE", "P", "R", "F1", "TP", "FP", "FN"});
  Table shares({"FIGURE", "VALUE", "OVER"});
  for (const Figure& f : report.figures) {
    if (f.kind == FigureKind::kPrecisionRecall) {
      prf.AddRow({f.key, Fixed3(f.prf.p), Fixed3(f.prf.r), Fixed3(f.prf.f1), std::to_string(f.prf.tp),
                  std::to_string(f.prf.fp), std::to_string(f.prf.fn)});
    } else {
      const bool queries = f.key == "query.exact";
      const std::string over = queries ? (f.n == 1 ? " query" : " queries")
                                       : (f.n == 1 ? " matched quantity" : " matched quantities");
      shares.AddRow({f.key, Fixed3(f.value), std::to_string(f.n) + over});
    }
  }
  prf.Print(out);
  out << '\n';
  shares.Print(out);
}

void PrintEntities(const std::string& title, const std::vector<EntityFind>& finds, std::ostream& out) {
  if (finds.empty()) return;
  out << '\n' << title << ": " << finds.size() << '\n';
  Table table({"FILE", "HEADER", "SECTION", "TYPE", "NAME"});  // the gold section's header line
  for (const EntityFind& e : finds) {
    table.AddRow({e.file, Line(e.section_line), Clip(e.section_label, 40), e.type, e.shown});
  }
  table.Print(out);
}

void PrintQuantities(const std::string& title, const std::string& column, const std::vector<QuantityFind>& finds,
                     std::ostream& out) {
  if (finds.empty()) return;
  out << '\n' << title << ": " << finds.size() << '\n';
  Table table({"FILE", "LINE", "TEXT", column});
  for (const QuantityFind& q : finds) table.AddRow({q.file, Line(q.line), q.text, Reading(q)});
  table.Print(out);
}

void PrintRelations(const std::string& title, const std::vector<RelationFind>& finds, std::ostream& out) {
  if (finds.empty()) return;
  out << '\n' << title << ": " << finds.size() << '\n';
  Table table({"FILE", "SUBJECT", "PREDICATE", "OBJECT"});
  for (const RelationFind& r : finds) table.AddRow({r.file, r.subject_shown, r.predicate, r.object_shown});
  table.Print(out);
}

void PrintReport(const EvalReport& report, std::ostream& out) {
  PrintFigures(report, out);
  PrintEntities("missed entities", report.missed_entities, out);
  PrintEntities("spurious entities", report.spurious_entities, out);
  if (!report.wrong_quantities.empty()) {
    out << "\nquantities with a wrong value, unit or per: " << report.wrong_quantities.size() << '\n';
    Table table({"FILE", "LINE", "TEXT", "GOLD", "FOUND"});
    for (const QuantityMismatch& m : report.wrong_quantities) {
      table.AddRow({m.gold.file, Line(m.gold.line), m.found.text, Reading(m.gold), Reading(m.found)});
    }
    table.Print(out);
  }
  PrintQuantities("missed quantities", "GOLD", report.missed_quantities, out);
  PrintQuantities("spurious quantities", "FOUND", report.spurious_quantities, out);
  PrintRelations("missed relations", report.missed_relations, out);
  PrintRelations("spurious relations", report.spurious_relations, out);
}

Json EntitiesJson(const std::vector<EntityFind>& finds) {
  Json out = Json::array();
  for (const EntityFind& e : finds) out.push_back(Json::array({e.file, e.section, e.type, e.name}));
  return out;
}

Json QuantitiesJson(const std::vector<QuantityFind>& finds) {
  Json out = Json::array();
  for (const QuantityFind& q : finds) out.push_back(Json::array({q.file, Json::parse(q.record, nullptr, false)}));
  return out;
}

Json RelationsJson(const std::vector<RelationFind>& finds) {
  Json out = Json::array();
  for (const RelationFind& r : finds) out.push_back(Json::array({r.file, r.subject, r.predicate, r.object}));
  return out;
}

// The report with score.py's --json keys and shapes, then the lists score.py does not print.
Json ReportJson(const EvalReport& report) {
  Json figures = Json::object();
  for (const Figure& f : report.figures) {
    if (f.kind == FigureKind::kPrecisionRecall) {
      figures[f.key] = {{"p", f.prf.p}, {"r", f.prf.r}, {"f1", f.prf.f1},
                        {"tp", f.prf.tp}, {"fp", f.prf.fp}, {"fn", f.prf.fn}};
    } else if (f.key == "query.exact") {
      Json detail = Json::array();
      for (const QueryOutcome& q : report.queries) {
        detail.push_back({{"question", q.question}, {"want", q.want}, {"got", q.got}, {"exact", q.exact}});
      }
      figures[f.key] = {{"value", f.value}, {"detail", detail}};
    } else {
      figures[f.key] = {{"value", f.value}, {"n", f.n}};
    }
  }
  Json wrong = Json::array();
  for (const QuantityMismatch& m : report.wrong_quantities) {
    wrong.push_back(Json::array({Json::parse(m.gold.record, nullptr, false), Json::parse(m.found.record, nullptr, false)}));
  }
  Json out;
  out["figures"] = figures;
  out["missed_entities"] = EntitiesJson(report.missed_entities);
  out["spurious_entities"] = EntitiesJson(report.spurious_entities);
  out["wrong_quantities"] = wrong;
  out["missed_quantities"] = QuantitiesJson(report.missed_quantities);
  out["spurious_quantities"] = QuantitiesJson(report.spurious_quantities);
  out["missed_relations"] = RelationsJson(report.missed_relations);
  out["spurious_relations"] = RelationsJson(report.spurious_relations);
  return out;
}

}  // namespace

int RunEval(const Options& options) {
  Result<GoldFile> gold = GoldFile::Load(options.gold);
  if (!gold.ok()) {
    std::cerr << "kgx: " << gold.status().ToString() << '\n';
    return kExitFailure;
  }
  auto rules = LoadRulesOrReport(options.rules_dirs, options.quiet, options.threads);
  if (!rules) {
    std::cerr << "kgx: the rules have errors; nothing was evaluated\n";
    return kExitUsage;
  }
  const std::vector<std::string> inputs = options.inputs.empty() ? std::vector<std::string>{"samples"} : options.inputs;
  PipelineStats stats;
  const KnowledgeGraph graph = RunPipeline(inputs, *rules, options.threads, options.quiet, stats);
  Result<EvalReport> report = gold->Score(RenderJsonLines(graph));
  if (!report.ok()) {
    std::cerr << "kgx: " << report.status().ToString() << '\n';
    return kExitFailure;
  }
  for (const std::string& file : report->gold_documents_not_extracted) {
    std::cerr << "kgx: warning: " << gold->path() << ": gold document '" << file
              << "' is not among the inputs; everything in it counts as missed\n";
  }
  if (options.json) {
    std::cout << ReportJson(*report).dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
  } else {
    std::cout << "gold: " << gold->path() << " (" << gold->document_count() << " documents), extracted: "
              << stats.documents << (stats.documents == 1 ? " document\n\n" : " documents\n\n");
    PrintReport(*report, std::cout);
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace kgx
