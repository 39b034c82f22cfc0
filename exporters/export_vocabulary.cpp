// Neo4j labels and relationship types, colours, sizes and evidence JSON shared by the
// exporters (see export_vocabulary.h). Nothing here depends on a format's syntax.
#include "exporters/export_vocabulary.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "exporters/text_sanitizer.h"
#include "extractor/text_util.h"

namespace kgx {
namespace {

constexpr double kMinEntitySize = 10.0;
constexpr double kEntitySizeRange = 40.0;

}  // namespace

std::string Rgb::Hex() const {
  constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (int channel : {r, g, b}) {
    const int clamped = std::clamp(channel, 0, 255);
    out.push_back(kDigits[clamped >> 4]);
    out.push_back(kDigits[clamped & 0x0F]);
  }
  return out;
}

std::string UpperCamel(std::string_view snake) {
  std::string out;
  bool start_of_word = true;
  for (char c : snake) {
    if (!IsAsciiAlnum(static_cast<unsigned char>(c))) {
      start_of_word = true;
      continue;
    }
    out.push_back(start_of_word ? AsciiUpper(c) : c);
    start_of_word = false;
  }
  if (out.empty()) return "Unknown";
  if (out[0] >= '0' && out[0] <= '9') out = "T" + out;
  return out;
}

std::string LowerSnake(std::string_view camel) {
  std::string out;
  for (std::size_t i = 0; i < camel.size(); ++i) {
    const char c = camel[i];
    if (c >= 'A' && c <= 'Z') {
      if (i > 0) out.push_back('_');
      out.push_back(static_cast<char>(c + 32));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string PrimaryLabel(const NodeData& node) { return UpperCamel(NodeKindName(node.kind)); }

std::vector<std::string> NodeLabels(const NodeData& node) {
  std::vector<std::string> labels = {PrimaryLabel(node)};
  if (node.kind != NodeKind::kEntity && node.kind != NodeKind::kSection) return labels;
  std::string secondary = UpperCamel(node.type);
  if (node.type.empty() || secondary == labels[0]) return labels;
  labels.push_back(std::move(secondary));
  return labels;
}

std::string RelationshipType(EdgeKind kind) {
  std::string type(EdgeKindName(kind));
  for (char& c : type) c = AsciiUpper(c);
  return type;
}

const std::string& DisplayLabel(const NodeData& node) {
  return node.label.empty() ? node.key : node.label;
}

Rgb NodeColor(const NodeData& node) {
  switch (node.kind) {
    case NodeKind::kDocument:
      return {140, 86, 75};
    case NodeKind::kEvent:
      return {214, 39, 40};
    case NodeKind::kQuantity:
      return {199, 199, 199};
    case NodeKind::kSection:
      if (node.type == "talk") return {23, 190, 207};
      if (node.type == "keynote") return {227, 119, 194};
      return {188, 189, 34};
    case NodeKind::kEntity:
      if (node.type == "aws_service") return {255, 153, 0};
      if (node.type == "company") return {31, 119, 180};
      if (node.type == "person") return {44, 160, 44};
      if (node.type == "technology") return {148, 103, 189};
      return {127, 127, 127};
  }
  return {127, 127, 127};
}

NodeSizer::NodeSizer(const KnowledgeGraph& graph) {
  double max_pagerank = 0.0;
  double max_degree = 0.0;
  for (std::size_t i = 0; i < graph.node_count(); ++i) {
    const NodeData& node = graph.node(i);
    if (node.kind != NodeKind::kEntity) continue;
    if (std::isfinite(node.pagerank)) max_pagerank = std::max(max_pagerank, node.pagerank);
    max_degree = std::max(max_degree, static_cast<double>(node.degree));
  }
  by_pagerank_ = max_pagerank > 0.0;
  max_score_ = by_pagerank_ ? max_pagerank : max_degree;
}

double NodeSizer::Size(const NodeData& node) const {
  switch (node.kind) {
    case NodeKind::kDocument:
      return 20.0;
    case NodeKind::kEvent:
      return 24.0;
    case NodeKind::kSection:
      return 8.0;
    case NodeKind::kQuantity:
      return 4.0;
    case NodeKind::kEntity:
      break;
  }
  if (max_score_ <= 0.0) return kMinEntitySize;
  double score = by_pagerank_ ? node.pagerank : static_cast<double>(node.degree);
  if (!std::isfinite(score) || score < 0.0) score = 0.0;
  const double scaled = kMinEntitySize + kEntitySizeRange * std::sqrt(score / max_score_);
  return std::round(scaled * 100.0) / 100.0;  // two decimals keep the files readable
}

std::string EvidenceJson(const std::vector<Provenance>& evidence) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Provenance& p : evidence) {
    nlohmann::ordered_json item;
    item["doc"] = SanitizeText(p.doc);
    if (!p.section.empty()) item["section"] = SanitizeText(p.section);
    item["path"] = SanitizeText(p.path);
    item["line"] = p.line;
    item["start"] = p.start;
    item["end"] = p.end;
    item["text"] = SanitizeText(p.text);
    if (!p.context.empty()) item["context"] = SanitizeText(p.context);
    list.push_back(std::move(item));
  }
  return list.dump();
}

std::string StringListJson(const std::vector<std::string>& strings) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const std::string& s : strings) list.push_back(SanitizeText(s));
  return list.dump();
}

}  // namespace kgx
