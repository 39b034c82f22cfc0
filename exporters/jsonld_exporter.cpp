// The `jsonld` exporter: graph.jsonld, JSON-LD 1.1 with an inline context (schema.org plus the
// kgx: vocabulary urn:kgx:vocab#) that expands offline in safe mode (EXPORT-FORMATS.md §4). A
// node object per node with absolute urn:kgx: ids and one triple per edge, plus an rdf:Statement
// per edge with weight, count, role and evidence; one object per line, in canonical order.
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exporters/export_vocabulary.h"
#include "exporters/exporter.h"
#include "exporters/formats.h"
#include "exporters/text_sanitizer.h"

namespace kgx {
namespace {

using Json = nlohmann::ordered_json;

// The whole context, one term per line in the output. Every property used below is here;
// references are coerced with "@type": "@id" and floating-point values with xsd:double.
Json Context() {
  const auto id = [](std::string_view iri) { return Json{{"@id", iri}, {"@type", "@id"}}; };
  const auto ids = [](std::string_view iri) {
    return Json{{"@id", iri}, {"@type", "@id"}, {"@container", "@set"}};
  };
  const auto typed = [](std::string_view iri, std::string_view type) {
    return Json{{"@id", iri}, {"@type", type}};
  };
  Json c;
  c["@version"] = 1.1;
  c["schema"] = "https://schema.org/";
  c["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  c["xsd"] = "http://www.w3.org/2001/XMLSchema#";
  c["kgx"] = "urn:kgx:vocab#";
  c["Event"] = "schema:Event";
  c["DigitalDocument"] = "schema:DigitalDocument";
  c["Organization"] = "schema:Organization";
  c["Person"] = "schema:Person";
  c["SoftwareApplication"] = "schema:SoftwareApplication";
  c["Thing"] = "schema:Thing";
  c["QuantitativeValue"] = "schema:QuantitativeValue";
  c["Statement"] = "rdf:Statement";
  c["name"] = "schema:name";
  c["alternateName"] = Json{{"@id", "schema:alternateName"}, {"@container", "@set"}};
  c["identifier"] = "schema:identifier";
  c["value"] = typed("schema:value", "xsd:double");
  c["minValue"] = typed("schema:minValue", "xsd:double");
  c["maxValue"] = typed("schema:maxValue", "xsd:double");
  c["unitText"] = "schema:unitText";
  c["roleName"] = "schema:roleName";
  c["about"] = ids("schema:about");
  c["superEvent"] = ids("schema:superEvent");
  c["mentions"] = ids("schema:mentions");
  c["states"] = ids("kgx:states");
  c["measures"] = ids("kgx:measures");
  c["coOccurs"] = ids("kgx:coOccurs");
  c["uses"] = ids("kgx:uses");
  c["migratedFrom"] = ids("kgx:migratedFrom");
  c["migratedTo"] = ids("kgx:migratedTo");
  c["roleAt"] = ids("kgx:roleAt");
  c["presentedBy"] = ids("kgx:presentedBy");
  c["announced"] = ids("kgx:announced");
  c["key"] = "kgx:key";
  c["recordId"] = "kgx:recordId";
  c["nodeKind"] = "kgx:nodeKind";
  c["nodeType"] = "kgx:nodeType";
  c["title"] = "kgx:title";
  c["path"] = "kgx:path";
  c["eventName"] = "kgx:eventName";
  c["discovered"] = "kgx:discovered";
  c["per"] = "kgx:per";
  c["degree"] = "kgx:degree";
  c["pagerank"] = typed("kgx:pagerank", "xsd:double");
  c["component"] = "kgx:component";
  c["mentionCount"] = "kgx:mentionCount";
  c["nodeCount"] = "kgx:nodeCount";
  c["edgeCount"] = "kgx:edgeCount";
  c["subject"] = id("rdf:subject");
  c["predicate"] = typed("rdf:predicate", "@vocab");
  c["object"] = id("rdf:object");
  c["weight"] = typed("kgx:weight", "xsd:double");
  c["count"] = "kgx:count";
  c["provenance"] = Json{{"@id", "kgx:provenance"}, {"@container", "@set"}};
  c["doc"] = "kgx:doc";
  c["section"] = "kgx:section";
  c["context"] = "kgx:context";
  c["line"] = "kgx:line";
  c["start"] = "kgx:start";
  c["end"] = "kgx:end";
  c["text"] = "kgx:text";
  return c;
}

// Returns the context term of an edge kind; the term is also the statement's predicate.
std::string_view PredicateTerm(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kHasSection:
      return "about";
    case EdgeKind::kPartOfEvent:
      return "superEvent";
    case EdgeKind::kMentions:
      return "mentions";
    case EdgeKind::kStates:
      return "states";
    case EdgeKind::kMeasures:
      return "measures";
    case EdgeKind::kCoOccurs:
      return "coOccurs";
    case EdgeKind::kUses:
      return "uses";
    case EdgeKind::kMigratedFrom:
      return "migratedFrom";
    case EdgeKind::kMigratedTo:
      return "migratedTo";
    case EdgeKind::kRoleAt:
      return "roleAt";
    case EdgeKind::kPresentedBy:
      return "presentedBy";
    case EdgeKind::kAnnounced:
      return "announced";
  }
  return "mentions";
}

// Returns the schema.org type term of a node, then the kgx: kind and sub-kind types.
Json NodeTypes(const NodeData& node) {
  Json types = Json::array();
  switch (node.kind) {
    case NodeKind::kDocument:
      types.push_back("DigitalDocument");
      break;
    case NodeKind::kEvent:
    case NodeKind::kSection:
      types.push_back("Event");
      break;
    case NodeKind::kQuantity:
      types.push_back("QuantitativeValue");
      break;
    case NodeKind::kEntity:
      if (node.type == "company") {
        types.push_back("Organization");
      } else if (node.type == "person") {
        types.push_back("Person");
      } else if (node.type == "aws_service" || node.type == "technology") {
        types.push_back("SoftwareApplication");
      } else {
        types.push_back("Thing");
      }
      break;
  }
  for (const std::string& label : NodeLabels(node)) types.push_back("kgx:" + label);
  return types;
}

void SetIfNotEmpty(Json& object, std::string_view term, const std::string& text) {
  if (!text.empty()) object[std::string(term)] = SanitizeText(text);
}

void SetIfFinite(Json& object, std::string_view term, std::optional<double> value) {
  if (value && std::isfinite(*value)) object[std::string(term)] = *value;
}

Json EvidenceObject(const Provenance& p) {
  Json evidence;
  evidence["@type"] = "kgx:Evidence";
  evidence["doc"] = SanitizeText(p.doc);
  SetIfNotEmpty(evidence, "section", p.section);
  evidence["path"] = SanitizeText(p.path);
  evidence["line"] = p.line;
  evidence["start"] = p.start;
  evidence["end"] = p.end;
  evidence["text"] = SanitizeText(p.text);
  SetIfNotEmpty(evidence, "context", p.context);
  return evidence;
}

Json NodeObject(const KnowledgeGraph& graph, std::size_t index,
                const std::vector<std::size_t>& out_edges) {
  const NodeData& node = graph.node(index);
  Json object;
  object["@id"] = JsonLdIri(node.key);
  object["@type"] = NodeTypes(node);
  object["key"] = SanitizeText(node.key);
  object["name"] = SanitizeText(DisplayLabel(node));
  object["nodeKind"] = std::string(NodeKindName(node.kind));
  SetIfNotEmpty(object, "nodeType", node.type);
  SetIfNotEmpty(object, "recordId", node.id);
  SetIfNotEmpty(object, "identifier", node.code);
  SetIfNotEmpty(object, "title", node.title);
  SetIfNotEmpty(object, "path", node.path);
  SetIfNotEmpty(object, "eventName", node.event);
  if (node.kind == NodeKind::kEntity) {
    Json aliases = Json::array();
    for (const std::string& alias : node.aliases) aliases.push_back(SanitizeText(alias));
    if (!aliases.empty()) object["alternateName"] = std::move(aliases);
    object["discovered"] = node.discovered;
    object["degree"] = node.degree;
    object["pagerank"] = std::isfinite(node.pagerank) ? node.pagerank : 0.0;
    object["component"] = node.component;
    object["mentionCount"] = node.mention_count;
  }
  SetIfFinite(object, "value", node.value);
  SetIfFinite(object, "minValue", node.min);
  SetIfFinite(object, "maxValue", node.max);
  SetIfNotEmpty(object, "unitText", node.unit);
  SetIfNotEmpty(object, "per", node.per);
  if (node.provenance) object["provenance"] = Json::array({EvidenceObject(*node.provenance)});
  for (std::size_t edge_index : out_edges) {
    const KnowledgeGraph::Edge& edge = graph.edges()[edge_index];
    Json& targets = object[std::string(PredicateTerm(edge.data->kind))];
    const std::string target = JsonLdIri(graph.node(edge.target).key);
    if (targets.is_null()) targets = Json::array();
    if (targets.empty() || targets.back() != target) targets.push_back(target);
  }
  return object;
}

// Returns the statement IRI of an edge, derived from its kind, end keys and role.
std::string StatementIri(const KnowledgeGraph& graph, const KnowledgeGraph::Edge& edge) {
  std::string iri = "urn:kgx:stmt/" + std::string(EdgeKindName(edge.data->kind)) + "/" +
                    PercentEncode(graph.node(edge.source).key, /*keep_slash=*/false) + "/" +
                    PercentEncode(graph.node(edge.target).key, /*keep_slash=*/false);
  if (!edge.data->role.empty()) iri += "/" + PercentEncode(edge.data->role, false);
  return iri;
}

Json StatementObject(const KnowledgeGraph& graph, const KnowledgeGraph::Edge& edge) {
  const EdgeData& data = *edge.data;
  Json statement;
  statement["@id"] = StatementIri(graph, edge);
  statement["@type"] = "Statement";
  statement["subject"] = JsonLdIri(graph.node(edge.source).key);
  statement["predicate"] = std::string(PredicateTerm(data.kind));
  statement["object"] = JsonLdIri(graph.node(edge.target).key);
  statement["weight"] = std::isfinite(data.weight) ? data.weight : 0.0;
  statement["count"] = data.count;
  SetIfNotEmpty(statement, "roleName", data.role);
  if (!data.evidence.empty()) {
    Json evidence = Json::array();
    for (const Provenance& p : data.evidence) evidence.push_back(EvidenceObject(p));
    statement["provenance"] = std::move(evidence);
  }
  return statement;
}

class JsonLdFormat final : public Exporter {
 public:
  std::string_view name() const override { return "jsonld"; }

  std::vector<std::string> FileNames(const KnowledgeGraph&) const override {
    return {"graph.jsonld"};
  }

  void Write(const KnowledgeGraph& graph, FileSink& sink) const override {
    std::ostream& out = sink.Begin("graph.jsonld");
    out << "{\n  \"@context\": {\n";
    const Json context = Context();
    bool first = true;
    for (const auto& [term, definition] : context.items()) {
      out << (first ? "" : ",\n") << "    " << Json(term).dump() << ": " << definition.dump();
      first = false;
    }
    out << "\n  },\n  \"@graph\": [\n";

    Json header;
    header["@id"] = "urn:kgx:graph";
    header["@type"] = "kgx:Graph";
    header["nodeCount"] = graph.node_count();
    header["edgeCount"] = graph.edge_count();
    out << "    " << header.dump();

    std::vector<std::vector<std::size_t>> out_edges(graph.node_count());
    for (std::size_t i = 0; i < graph.edge_count(); ++i) {
      out_edges[graph.edges()[i].source].push_back(i);
    }
    for (std::size_t i = 0; i < graph.node_count(); ++i) {
      out << ",\n    " << NodeObject(graph, i, out_edges[i]).dump();
    }
    for (const KnowledgeGraph::Edge& edge : graph.edges()) {
      out << ",\n    " << StatementObject(graph, edge).dump();
    }
    out << "\n  ]\n}\n";
  }
};

}  // namespace

const Exporter& JsonLdExporter() {
  static const JsonLdFormat kExporter;
  return kExporter;
}

}  // namespace kgx
