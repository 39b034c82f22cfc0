// `kgx query`: mentions, neighbors, path and top, answered from a graph extracted on the fly
// or read from a saved graph.jsonl (--graph); an aligned table for people, --json for scripts.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_input.h"
#include "cli/table.h"
#include "graph/query.h"

namespace kgx {

namespace {

using Json = nlohmann::ordered_json;

std::string FormatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

Json EvidenceJson(const Provenance& p) {
  Json j;
  j["doc"] = p.doc;
  j["path"] = p.path;
  j["line"] = p.line;
  j["text"] = p.text;
  if (!p.context.empty()) j["context"] = p.context;
  return j;
}

std::string EvidenceLine(const Provenance& p) {
  return p.context.empty() ? p.text : p.context;
}

// Resolves every name or prints why it cannot; returns false on an unknown name.
bool ResolveNames(const KnowledgeGraph& graph, const std::vector<std::string>& names, const std::string& type,
                  std::vector<KnowledgeGraph::NodeIndex>& nodes) {
  for (const std::string& name : names) {
    const EntityLookup lookup = FindEntity(graph, name, type);
    if (lookup.node) {
      nodes.push_back(*lookup.node);
      continue;
    }
    std::cerr << "kgx: no entity named '" << name << "'" << (type.empty() ? "" : " of type " + type);
    if (!lookup.suggestions.empty()) {
      std::cerr << "; closest known names:";
      for (std::size_t i = 0; i < lookup.suggestions.size(); ++i) {
        std::cerr << (i ? ", " : " ") << lookup.suggestions[i];
      }
    }
    std::cerr << '\n';
    return false;
  }
  return true;
}

int Mentions(const KnowledgeGraph& graph, const Options& options) {
  std::vector<KnowledgeGraph::NodeIndex> entities;
  if (!ResolveNames(graph, options.names, options.type_filter, entities)) return kExitFailure;
  const auto hits = SectionsMentioningAll(graph, entities);
  if (options.json) {
    Json out = Json::array();
    for (const SectionHit& hit : hits) {
      const NodeData& s = graph.node(hit.section);
      Json j;
      j["doc"] = s.provenance->doc;
      j["path"] = s.path;
      j["section"] = s.id;
      j["section_kind"] = s.type;
      j["code"] = s.code.empty() ? Json() : Json(s.code);
      j["title"] = s.title;
      j["line"] = s.provenance->line;
      j["evidence"] = Json::array();
      for (const Provenance& p : hit.evidence) j["evidence"].push_back(EvidenceJson(p));
      out.push_back(j);
    }
    std::cout << out.dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  std::string names;
  for (const auto e : entities) names += (names.empty() ? "" : " + ") + graph.node(e).label;
  std::cout << names << ": " << hits.size() << (hits.size() == 1 ? " section\n" : " sections\n");
  Table table({"DOCUMENT", "LINE", "KIND", "CODE", "TITLE"});
  for (const SectionHit& hit : hits) {
    const NodeData& s = graph.node(hit.section);
    table.AddRow({s.path, std::to_string(s.provenance->line), s.type, s.code.empty() ? "-" : s.code, s.title});
    std::size_t last_line = 0;
    for (const Provenance& p : hit.evidence) {
      if (p.line == last_line) continue;
      last_line = p.line;
      table.AddDetail("    " + std::to_string(p.line) + ": " + EvidenceLine(p));
    }
  }
  table.Print(std::cout);
  return kExitOk;
}

int Neighbors(const KnowledgeGraph& graph, const Options& options) {
  std::vector<KnowledgeGraph::NodeIndex> entity;
  if (!ResolveNames(graph, options.names, "", entity)) return kExitFailure;
  const auto neighbors = NeighborsOf(graph, entity[0], options.type_filter, options.relation_filter);
  if (options.json) {
    Json out = Json::array();
    for (const Neighbor& n : neighbors) {
      Json j;
      j["entity"] = graph.node(n.node).id;
      j["name"] = graph.node(n.node).label;
      j["type"] = graph.node(n.node).type;
      j["relation"] = n.relation;
      j["direction"] = n.outgoing ? "out" : "in";
      j["weight"] = n.weight;
      if (!n.role.empty()) j["role"] = n.role;
      j["evidence"] = Json::array();
      for (const Provenance& p : n.evidence) j["evidence"].push_back(EvidenceJson(p));
      out.push_back(j);
    }
    std::cout << out.dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  std::cout << graph.node(entity[0]).label << ": " << neighbors.size() << " related entities\n";
  Table table({"RELATION", "DIR", "NAME", "TYPE", "WEIGHT", "EVIDENCE"});
  for (const Neighbor& n : neighbors) {
    const std::string evidence = n.evidence.empty() ? "" : n.evidence.front().path + ":" +
                                 std::to_string(n.evidence.front().line) + " " + EvidenceLine(n.evidence.front());
    std::string relation = n.relation + (n.role.empty() ? "" : " (" + n.role + ")");
    table.AddRow({relation, n.outgoing ? "->" : "<-", graph.node(n.node).label, graph.node(n.node).type,
                  FormatNumber(n.weight), evidence});
  }
  table.Print(std::cout);
  return kExitOk;
}

int Path(const KnowledgeGraph& graph, const Options& options) {
  std::vector<KnowledgeGraph::NodeIndex> ends;
  if (!ResolveNames(graph, options.names, "", ends)) return kExitFailure;
  // The most telling chain first: relations, then co-occurrence, then shared sections.
  std::vector<KnowledgeGraph::Edge> path;
  for (const auto scope : {KnowledgeGraph::PathScope::kRelations, KnowledgeGraph::PathScope::kCoOccurring,
                           KnowledgeGraph::PathScope::kSections}) {
    path = graph.ShortestPath(ends[0], ends[1], scope);
    if (!path.empty() || ends[0] == ends[1]) break;
  }
  if (options.json) {
    Json out = Json::array();
    for (const auto& step : path) {
      Json j;
      j["source"] = graph.node(step.source).id;
      j["relation"] = std::string(EdgeKindName(step.data->kind));
      j["target"] = graph.node(step.target).id;
      j["weight"] = step.data->weight;
      j["evidence"] = Json::array();
      for (const Provenance& p : step.data->evidence) j["evidence"].push_back(EvidenceJson(p));
      out.push_back(j);
    }
    std::cout << out.dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
    return path.empty() && ends[0] != ends[1] ? kExitFailure : kExitOk;
  }
  if (path.empty() && ends[0] != ends[1]) {
    std::cout << "no path between " << graph.node(ends[0]).label << " and " << graph.node(ends[1]).label << '\n';
    return kExitFailure;
  }
  std::cout << graph.node(ends[0]).label << " -> " << graph.node(ends[1]).label << ": " << path.size()
            << (path.size() == 1 ? " step\n" : " steps\n");
  for (const auto& step : path) {
    std::cout << "  " << graph.node(step.source).label << " --" << EdgeKindName(step.data->kind)
              << (step.data->role.empty() ? "" : " (" + step.data->role + ")") << "--> "
              << graph.node(step.target).label << '\n';
    for (std::size_t i = 0; i < step.data->evidence.size() && i < 3; ++i) {
      const Provenance& p = step.data->evidence[i];
      std::cout << "      " << p.path << ":" << p.line << ": " << EvidenceLine(p) << '\n';
    }
  }
  return kExitOk;
}

int Top(const KnowledgeGraph& graph, const Options& options) {
  const auto top = TopEntities(graph, options.by, options.type_filter, options.limit);
  if (options.json) {
    Json out = Json::array();
    for (const auto v : top) {
      const NodeData& n = graph.node(v);
      out.push_back(Json{{"entity", n.id}, {"name", n.label}, {"type", n.type}, {"pagerank", n.pagerank},
                         {"degree", n.degree}, {"mentions", n.mention_count}, {"component", n.component}});
    }
    std::cout << out.dump(1, ' ', false, Json::error_handler_t::replace) << '\n';
    return kExitOk;
  }
  Table table({"RANK", "NAME", "TYPE", "PAGERANK", "DEGREE", "MENTIONS"});
  std::size_t rank = 0;
  for (const auto v : top) {
    const NodeData& n = graph.node(v);
    table.AddRow({std::to_string(++rank), n.label, n.type, FormatNumber(n.pagerank), std::to_string(n.degree),
                  std::to_string(n.mention_count)});
  }
  table.Print(std::cout);
  return kExitOk;
}

}  // namespace

int RunQuery(const Options& options) {
  Result<KnowledgeGraph> graph = LoadGraphForQuery(options);
  if (!graph.ok()) {
    std::cerr << "kgx: " << graph.status().ToString() << '\n';
    return graph.status().code() == ErrorCode::kInvalidRules ? kExitUsage : kExitFailure;
  }
  int status = kExitUsage;
  if (options.verb == "mentions") status = Mentions(*graph, options);
  if (options.verb == "neighbors") status = Neighbors(*graph, options);
  if (options.verb == "path") status = Path(*graph, options);
  if (options.verb == "top") status = Top(*graph, options);
  std::cout.flush();
  return status;
}

}  // namespace kgx
