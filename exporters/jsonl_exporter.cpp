// jsonl: the kgx-jsonl/1 records of DESIGN.md §3, one JSON object per line. Order: documents,
// entities (by id), then per document its sections, mentions, quantities and relations in text
// order. co_occurs is not repeated here: it is derived from the mentions (kgx merge and every
// graph format recompute it), and listing every pair would make the file quadratic.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "exporters/formats.h"

namespace kgx {

namespace {

using Json = nlohmann::ordered_json;

// Whole numbers print without a fraction ("25000000000", not "2.5e10").
Json Number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15) {
    return Json(static_cast<long long>(value));
  }
  return Json(value);
}

void WriteLine(std::ostream& out, const Json& record) {
  out << record.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

// Orders "D2" before "D10".
bool DocLess(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

class JsonLines final : public Exporter {
 public:
  std::string_view name() const override { return "jsonl"; }
  std::vector<std::string> FileNames(const KnowledgeGraph&) const override { return {"graph.jsonl"}; }
  void Write(const KnowledgeGraph& graph, FileSink& sink) const override;
};

struct DocRecords {
  std::vector<std::pair<std::size_t, Json>> sections, mentions, quantities, relations;  // sort key, record
};

void JsonLines::Write(const KnowledgeGraph& graph, FileSink& sink) const {
  std::ostream& out = sink.Begin("graph.jsonl");
  std::vector<std::size_t> documents, entities;
  std::map<std::string, DocRecords, decltype(&DocLess)> per_doc(&DocLess);
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const NodeData& node = graph.node(v);
    if (node.kind == NodeKind::kDocument) documents.push_back(v);
    if (node.kind == NodeKind::kEntity) entities.push_back(v);
  }
  std::sort(documents.begin(), documents.end(),
            [&](std::size_t a, std::size_t b) { return DocLess(graph.node(a).id, graph.node(b).id); });
  for (std::size_t d : documents) {
    const NodeData& node = graph.node(d);
    Json record;
    record["kind"] = "document";
    record["id"] = node.id;
    record["path"] = node.path;
    record["title"] = node.title;
    record["event"] = node.event.empty() ? Json() : Json(node.event);
    WriteLine(out, record);
  }
  for (std::size_t e : entities) {
    const NodeData& node = graph.node(e);
    Json record;
    record["kind"] = "entity";
    record["id"] = node.id;
    record["type"] = node.type;
    record["name"] = node.label;
    record["aliases"] = node.aliases;
    if (node.discovered) record["discovered"] = true;
    record["mentions"] = node.mention_count;
    record["degree"] = node.degree;
    record["pagerank"] = node.pagerank;
    record["component"] = node.component;
    WriteLine(out, record);
  }
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const NodeData& node = graph.node(v);
    if (node.kind == NodeKind::kSection && node.provenance) {
      Json record;
      record["kind"] = "section";
      record["id"] = node.id;
      record["doc"] = node.provenance->doc;
      record["section_kind"] = node.type;
      record["code"] = node.code.empty() ? Json() : Json(node.code);
      record["title"] = node.title;
      record["line"] = node.provenance->line;
      per_doc[node.provenance->doc].sections.emplace_back(node.provenance->line, std::move(record));
    } else if (node.kind == NodeKind::kQuantity && node.provenance) {
      const Provenance& p = *node.provenance;
      Json record;
      record["kind"] = "quantity";
      record["doc"] = p.doc;
      record["section"] = p.section;
      record["line"] = p.line;
      record["start"] = p.start;
      record["end"] = p.end;
      record["text"] = p.text;
      if (node.value) record["value"] = Number(*node.value);
      if (node.min) record["min"] = Number(*node.min);
      if (node.max) record["max"] = Number(*node.max);
      record["unit"] = node.unit;
      record["per"] = node.per.empty() ? Json() : Json(node.per);
      for (const auto& edge : graph.OutEdges(v)) {
        if (edge.data->kind == EdgeKind::kMeasures) record["measures"] = graph.node(edge.target).id;
      }
      per_doc[p.doc].quantities.emplace_back(p.start, std::move(record));
    }
  }
  for (const auto& edge : graph.edges()) {
    const EdgeData& data = *edge.data;
    if (data.kind == EdgeKind::kMentions) {
      for (const Provenance& p : data.evidence) {
        Json record;
        record["kind"] = "mention";
        record["entity"] = graph.node(edge.target).id;
        record["doc"] = p.doc;
        record["section"] = p.section;
        record["line"] = p.line;
        record["start"] = p.start;
        record["end"] = p.end;
        record["text"] = p.text;
        record["context"] = p.context;
        per_doc[p.doc].mentions.emplace_back(p.start, std::move(record));
      }
      continue;
    }
    const bool is_relation = data.kind == EdgeKind::kUses || data.kind == EdgeKind::kMigratedFrom ||
                             data.kind == EdgeKind::kMigratedTo || data.kind == EdgeKind::kRoleAt ||
                             data.kind == EdgeKind::kPresentedBy || data.kind == EdgeKind::kAnnounced;
    if (!is_relation) continue;
    for (const Provenance& p : data.evidence) {
      Json record;
      record["kind"] = "relation";
      record["subject"] = graph.node(edge.source).id;
      record["predicate"] = std::string(EdgeKindName(data.kind));
      record["object"] = graph.node(edge.target).id;
      if (!data.role.empty()) record["role"] = data.role;
      record["doc"] = p.doc;
      record["section"] = p.section;
      record["line"] = p.line;
      record["text"] = p.text;
      per_doc[p.doc].relations.emplace_back(p.line, std::move(record));
    }
  }
  const auto flush = [&](std::vector<std::pair<std::size_t, Json>>& records) {
    std::stable_sort(records.begin(), records.end(), [](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      return a.second.dump() < b.second.dump();
    });
    for (const auto& [key, record] : records) WriteLine(out, record);
  };
  for (auto& [doc, records] : per_doc) {
    flush(records.sections);
    flush(records.mentions);
    flush(records.quantities);
    flush(records.relations);
  }
}

}  // namespace

const Exporter& JsonLinesExporter() {
  static const JsonLines exporter;
  return exporter;
}

}  // namespace kgx
