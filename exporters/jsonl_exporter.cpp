// jsonl: the kgx-jsonl/1 records of DESIGN.md §3, one JSON object per line. Order: documents,
// entities (by id), then per document its sections (with the entities presenting them),
// mentions, quantities and relations in text order. co_occurs is not repeated here: it is derived from the mentions (kgx merge and every
// graph format recompute it), and listing every pair would make the file quadratic.
// The records themselves are rendered by jsonl_records.h, shared with the streamed writer that
// `kgx extract --format jsonl` uses (jsonl_stream.h); this exporter writes a finished graph
// (`kgx merge`, several formats at once), one document at a time.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "exporters/formats.h"
#include "exporters/json_writer.h"
#include "exporters/jsonl_records.h"
#include "exporters/ordered_records.h"

namespace kgx {

namespace {

class JsonLines final : public Exporter {
 public:
  std::string_view name() const override { return "jsonl"; }
  std::vector<std::string> FileNames(const KnowledgeGraph&) const override { return {"graph.jsonl"}; }
  void Write(const KnowledgeGraph& graph, FileSink& sink) const override;
};

bool IsRelation(EdgeKind kind) {
  return kind == EdgeKind::kUses || kind == EdgeKind::kMigratedFrom || kind == EdgeKind::kMigratedTo ||
         kind == EdgeKind::kRoleAt || kind == EdgeKind::kPresentedBy || kind == EdgeKind::kAnnounced;
}

// The entity a quantity measures, or empty.
std::string_view MeasuredEntity(const KnowledgeGraph& graph, std::size_t quantity) {
  std::string_view measures;
  for (const auto& edge : graph.OutEdges(quantity)) {
    if (edge.data->kind == EdgeKind::kMeasures) measures = graph.node(edge.target).id;
  }
  return measures;
}

void JsonLines::Write(const KnowledgeGraph& graph, FileSink& sink) const {
  std::ostream& out = sink.Begin("graph.jsonl");
  std::string buffer;
  const auto flush_if_large = [&] {
    if (buffer.size() < (std::size_t{1} << 20)) return;
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  };

  std::vector<std::size_t> documents, entities;
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const NodeData& node = graph.node(v);
    if (node.kind == NodeKind::kDocument) documents.push_back(v);
    if (node.kind == NodeKind::kEntity) entities.push_back(v);
  }
  std::sort(documents.begin(), documents.end(),
            [&](std::size_t a, std::size_t b) { return DocLess(graph.node(a).id, graph.node(b).id); });
  for (std::size_t d : documents) {
    const NodeData& node = graph.node(d);
    AppendRecord(buffer, DocumentRecord{node.id, node.path, node.title, node.event});
    buffer += '\n';
    flush_if_large();
  }
  for (std::size_t e : entities) {
    const NodeData& node = graph.node(e);
    AppendRecord(buffer, EntityRecord{node.id, node.type, node.label, &node.aliases, node.discovered,
                                      node.mention_count, node.degree, node.component, node.pagerank});
    buffer += '\n';
    flush_if_large();
  }

  // The per-document records, grouped by document id and rendered document by document.
  struct DocRecords {
    SortedRecords sections, mentions, quantities, relations;
  };
  std::unordered_map<std::string_view, std::size_t> doc_index;
  std::vector<std::string_view> doc_ids;
  std::vector<DocRecords> per_doc;
  const auto records_of = [&](std::string_view doc) -> DocRecords& {
    auto [it, inserted] = doc_index.try_emplace(doc, per_doc.size());
    if (inserted) {
      doc_ids.push_back(doc);
      per_doc.emplace_back();
    }
    return per_doc[it->second];
  };
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const NodeData& node = graph.node(v);
    if (!node.provenance) continue;
    const Provenance& p = *node.provenance;
    if (node.kind == NodeKind::kSection) {
      std::vector<std::string_view> presenters;
      for (const auto& edge : graph.OutEdges(v)) {
        if (edge.data->kind == EdgeKind::kPresentedBy) presenters.push_back(graph.node(edge.target).id);
      }
      std::sort(presenters.begin(), presenters.end());
      presenters.erase(std::unique(presenters.begin(), presenters.end()), presenters.end());
      records_of(p.doc).sections.Add(p.line, SectionRecord{node.id, p.doc, node.type, node.code, node.title, p.line, presenters});
    } else if (node.kind == NodeKind::kQuantity) {
      records_of(p.doc).quantities.Add(
          p.start, QuantityRecord{p.doc, p.section, p.line, p.start, p.end, p.text, node.value, node.min, node.max,
                                  node.unit, node.per, MeasuredEntity(graph, v)});
    }
  }
  for (const auto& edge : graph.edges()) {
    const EdgeData& data = *edge.data;
    if (data.kind == EdgeKind::kMentions) {
      const std::string_view entity = graph.node(edge.target).id;
      for (const Provenance& p : data.evidence) {
        records_of(p.doc).mentions.Add(p.start, MentionRecord{entity, p.doc, p.section, p.line, p.start, p.end, p.text, p.context});
      }
    } else if (IsRelation(data.kind)) {
      if (IsSectionPresenter(EdgeKindName(data.kind), graph.node(edge.source).kind == NodeKind::kSection)) continue;
      for (const Provenance& p : data.evidence) {
        records_of(p.doc).relations.Add(
            p.line, RelationRecord{graph.node(edge.source).id, EdgeKindName(data.kind), graph.node(edge.target).id,
                                   data.role, p.doc, p.section, p.line, p.text});
      }
    }
  }
  std::vector<std::size_t> order(doc_ids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return DocLess(doc_ids[a], doc_ids[b]); });
  for (std::size_t i : order) {
    DocRecords& records = per_doc[i];
    records.sections.MoveTo(buffer);
    records.mentions.MoveTo(buffer);
    records.quantities.MoveTo(buffer);
    records.relations.MoveTo(buffer);
    flush_if_large();
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace

const Exporter& JsonLinesExporter() {
  static const JsonLines exporter;
  return exporter;
}

}  // namespace kgx
