// The `neo4j` exporter: neo4j/ for `neo4j-admin database import full` (EXPORT-FORMATS.md §3a):
// a node CSV per label set and a relationship CSV per type, typed headers in each first row, one
// id space (Node) of canonical keys, import.sh with the command. Arrays are split on U+001F,
// which the sanitiser removes from all text, so no value can contain the delimiter.
#include <cmath>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/export_vocabulary.h"
#include "exporters/exporter.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

constexpr std::string_view kFolder = "neo4j/";
constexpr char kArrayDelimiter = '\x1F';
constexpr std::string_view kArrayDelimiterOption = "U+001F";

std::string NodeFileName(const NodeData& node) {
  std::string stem;
  for (const std::string& label : NodeLabels(node)) {
    stem += (stem.empty() ? "" : "_") + LowerSnake(label);
  }
  return std::string(kFolder) + "nodes_" + stem + ".csv";
}

std::string RelationshipFileName(EdgeKind kind) {
  return std::string(kFolder) + "rels_" + std::string(EdgeKindName(kind)) + ".csv";
}

// One CSV row under construction: fields joined by commas.
class Row {
 public:
  void Text(std::string_view text) { Add(QuoteCsvField(text)); }
  // An empty unquoted field: no property.
  void Empty() { Add(""); }
  void TextOrEmpty(std::string_view text) { text.empty() ? Empty() : Text(text); }
  void Integer(std::uint64_t value) { Add(FormatInteger(value)); }
  void Number(std::optional<double> value) {
    if (value && std::isfinite(*value)) {
      Add(FormatDouble(*value));
    } else {
      Empty();
    }
  }
  void Boolean(bool value) { Add(value ? "true" : "false"); }
  // Joins the sanitised, non-empty items with the array delimiter (which sanitising removes
  // from every item), or writes no property when none is left.
  void TextArray(const std::vector<std::string>& items) {
    std::string field;
    for (const std::string& item : items) {
      const std::string quoted = QuoteCsvField(item);  // sanitised and quoted
      if (quoted.size() == 2) continue;  // an empty element cannot be told from no element
      field += field.empty() ? "\"" : std::string(1, kArrayDelimiter);
      field.append(quoted, 1, quoted.size() - 2);
    }
    if (field.empty()) {
      Empty();
    } else {
      Add(field + "\"");
    }
  }
  std::string Finish() { return line_ + "\n"; }

 private:
  void Add(std::string_view field) {
    if (!first_) line_.push_back(',');
    line_ += field;
    first_ = false;
  }
  std::string line_;
  bool first_ = true;
};

std::string NodeHeader(NodeKind kind) {
  std::string header = "key:ID(Node),:LABEL,name:string,kind:string,type:string,record_id:string";
  switch (kind) {
    case NodeKind::kDocument:
      header += ",path:string,event:string";
      break;
    case NodeKind::kSection:
      header += ",code:string,title:string,event:string";
      break;
    case NodeKind::kEntity:
      header += ",aliases:string[],discovered:boolean";
      break;
    case NodeKind::kQuantity:
      header += ",value:double,min:double,max:double,unit:string,per:string";
      break;
    case NodeKind::kEvent:
      break;
  }
  header +=
      ",degree:long,pagerank:double,component:long,mention_count:long"
      ",src_doc:string,src_section:string,src_path:string,src_line:long,src_start:long"
      ",src_end:long,src_text:string,src_context:string\n";
  return header;
}

void AddProvenance(Row& row, const std::optional<Provenance>& provenance) {
  if (!provenance) {
    for (int i = 0; i < 8; ++i) row.Empty();
    return;
  }
  row.Text(provenance->doc);
  row.TextOrEmpty(provenance->section);
  row.Text(provenance->path);
  row.Integer(provenance->line);
  row.Integer(provenance->start);
  row.Integer(provenance->end);
  row.Text(provenance->text);
  row.TextOrEmpty(provenance->context);
}

std::string NodeRow(const NodeData& node) {
  Row row;
  row.Text(node.key);
  row.TextArray(NodeLabels(node));
  row.Text(DisplayLabel(node));
  row.Text(NodeKindName(node.kind));
  row.TextOrEmpty(node.type);
  row.TextOrEmpty(node.id);
  switch (node.kind) {
    case NodeKind::kDocument:
      row.TextOrEmpty(node.path);
      row.TextOrEmpty(node.event);
      break;
    case NodeKind::kSection:
      row.TextOrEmpty(node.code);
      row.TextOrEmpty(node.title);
      row.TextOrEmpty(node.event);
      break;
    case NodeKind::kEntity:
      row.TextArray(node.aliases);
      row.Boolean(node.discovered);
      break;
    case NodeKind::kQuantity:
      row.Number(node.value);
      row.Number(node.min);
      row.Number(node.max);
      row.TextOrEmpty(node.unit);
      row.TextOrEmpty(node.per);
      break;
    case NodeKind::kEvent:
      break;
  }
  row.Integer(node.degree);
  row.Number(std::isfinite(node.pagerank) ? node.pagerank : 0.0);
  row.Integer(node.component);
  row.Integer(node.mention_count);
  AddProvenance(row, node.provenance);
  return row.Finish();
}

std::string RelationshipHeader(EdgeKind kind) {
  std::string header = ":START_ID(Node),:END_ID(Node),:TYPE,weight:double,count:long";
  if (kind == EdgeKind::kRoleAt) header += ",role:string";
  header +=
      ",symmetric:boolean,src_doc:string,src_section:string,src_path:string,src_line:long"
      ",src_start:long,src_end:long,src_text:string,src_context:string"
      ",evidence_count:long,evidence:string\n";
  return header;
}

std::string RelationshipRow(const KnowledgeGraph& graph, const KnowledgeGraph::Edge& edge) {
  const EdgeData& data = *edge.data;
  Row row;
  row.Text(graph.node(edge.source).key);
  row.Text(graph.node(edge.target).key);
  row.Text(RelationshipType(data.kind));
  row.Number(std::isfinite(data.weight) ? data.weight : 0.0);
  row.Integer(data.count);
  if (data.kind == EdgeKind::kRoleAt) row.TextOrEmpty(data.role);
  row.Boolean(data.kind == EdgeKind::kCoOccurs);
  std::optional<Provenance> first;
  if (!data.evidence.empty()) first = data.evidence.front();
  AddProvenance(row, first);
  row.Integer(data.evidence.size());
  row.Text(EvidenceJson(data.evidence));
  return row.Finish();
}

// The files to write, in name order, each with its header and rows.
struct CsvFile {
  std::string header;
  std::vector<std::string> rows;
};

std::map<std::string, CsvFile> NodeFiles(const KnowledgeGraph& graph) {
  std::map<std::string, CsvFile> files;
  for (std::size_t i = 0; i < graph.node_count(); ++i) {
    const NodeData& node = graph.node(i);
    CsvFile& file = files[NodeFileName(node)];
    if (file.header.empty()) file.header = NodeHeader(node.kind);
    file.rows.push_back(NodeRow(node));
  }
  return files;
}

std::map<std::string, CsvFile> RelationshipFiles(const KnowledgeGraph& graph) {
  std::map<std::string, CsvFile> files;
  for (const KnowledgeGraph::Edge& edge : graph.edges()) {
    CsvFile& file = files[RelationshipFileName(edge.data->kind)];
    if (file.header.empty()) file.header = RelationshipHeader(edge.data->kind);
    file.rows.push_back(RelationshipRow(graph, edge));
  }
  return files;
}

std::string ImportScript(const std::map<std::string, CsvFile>& nodes,
                         const std::map<std::string, CsvFile>& relationships,
                         const KnowledgeGraph& graph) {
  std::string script =
      "#!/bin/sh\n"
      "# Bulk-imports this folder into a new, empty Neo4j 5 database (neo4j-admin works offline:\n"
      "# stop the database first). Usage: sh import.sh [DATABASE]   (default: neo4j)\n"
      "# " +
      FormatInteger(graph.node_count()) + " nodes in " + FormatInteger(nodes.size()) + " files, " +
      FormatInteger(graph.edge_count()) + " relationships in " +
      FormatInteger(relationships.size()) +
      " files. Each file's first row is its header;\n"
      "# ids are canonical keys in one id space (Node); arrays (labels, aliases) are separated\n"
      "# by U+001F, which no value contains; quoted fields may span lines.\n"
      "# The tool creates no constraints: run the CREATE CONSTRAINT lines of graph.cypher after.\n"
      "set -eu\n"
      "cd \"$(dirname \"$0\")\"\n"
      "neo4j-admin database import full \"${1:-neo4j}\" \\\n";
  const auto relative = [](const std::string& path) { return path.substr(kFolder.size()); };
  for (const auto& [path, file] : nodes) {
    script += "  --nodes=" + relative(path) + " \\\n";
  }
  for (const auto& [path, file] : relationships) {
    script += "  --relationships=" + relative(path) + " \\\n";
  }
  script += "  --id-type=string \\\n  --array-delimiter=" + std::string(kArrayDelimiterOption) +
            " \\\n  --multiline-fields=true\n";
  return script;
}

class Neo4jFormat final : public Exporter {
 public:
  std::string_view name() const override { return "neo4j"; }

  std::vector<std::string> FileNames(const KnowledgeGraph& graph) const override {
    std::set<std::string> nodes, relationships;
    for (std::size_t i = 0; i < graph.node_count(); ++i) nodes.insert(NodeFileName(graph.node(i)));
    for (const KnowledgeGraph::Edge& edge : graph.edges()) {
      relationships.insert(RelationshipFileName(edge.data->kind));
    }
    std::vector<std::string> names(nodes.begin(), nodes.end());
    names.insert(names.end(), relationships.begin(), relationships.end());
    names.push_back(std::string(kFolder) + "import.sh");
    return names;
  }

  void Write(const KnowledgeGraph& graph, FileSink& sink) const override {
    const auto nodes = NodeFiles(graph);
    const auto relationships = RelationshipFiles(graph);
    for (const auto* files : {&nodes, &relationships}) {
      for (const auto& [path, file] : *files) {
        std::ostream& out = sink.Begin(path);
        out << file.header;
        for (const std::string& row : file.rows) out << row;
      }
    }
    sink.Begin(std::string(kFolder) + "import.sh") << ImportScript(nodes, relationships, graph);
  }
};

}  // namespace

const Exporter& Neo4jExporter() {
  static const Neo4jFormat kExporter;
  return kExporter;
}

}  // namespace kgx
