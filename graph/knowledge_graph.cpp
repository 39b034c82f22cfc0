// KnowledgeGraph on a Boost adjacency_list with bundled properties. Building merges nodes by key
// and edges by (source, target, kind, role); Finalize() rebuilds the graph in canonical order
// and runs the analytics (graph_analytics.cpp).
#include "graph/knowledge_graph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "graph/graph_analytics.h"

namespace kgx {

namespace {

constexpr std::pair<NodeKind, std::string_view> kNodeKindNames[] = {
    {NodeKind::kDocument, "document"}, {NodeKind::kEvent, "event"},
    {NodeKind::kSection, "section"},   {NodeKind::kEntity, "entity"},
    {NodeKind::kQuantity, "quantity"},
};

constexpr std::pair<EdgeKind, std::string_view> kEdgeKindNames[] = {
    {EdgeKind::kHasSection, "has_section"},   {EdgeKind::kPartOfEvent, "part_of_event"},
    {EdgeKind::kMentions, "mentions"},        {EdgeKind::kStates, "states"},
    {EdgeKind::kMeasures, "measures"},        {EdgeKind::kCoOccurs, "co_occurs"},
    {EdgeKind::kUses, "uses"},                {EdgeKind::kMigratedFrom, "migrated_from"},
    {EdgeKind::kMigratedTo, "migrated_to"},   {EdgeKind::kRoleAt, "role_at"},
    {EdgeKind::kPresentedBy, "presented_by"}, {EdgeKind::kAnnounced, "announced"},
};

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         NodeData, EdgeData>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using EdgeKey = std::tuple<std::size_t, std::size_t, int, std::string>;

bool EvidenceLess(const Provenance& a, const Provenance& b) {
  // Documents compare by number ("D2" < "D10"), then position.
  if (a.doc.size() != b.doc.size()) return a.doc.size() < b.doc.size();
  return std::tie(a.doc, a.line, a.start, a.end, a.section, a.text) <
         std::tie(b.doc, b.line, b.start, b.end, b.section, b.text);
}

// Structural edges are not relations between things; paths and analytics skip them.
bool IsStructural(EdgeKind kind) {
  return kind == EdgeKind::kHasSection || kind == EdgeKind::kPartOfEvent ||
         kind == EdgeKind::kStates;
}

// Records, for every vertex BFS reaches, the vertex and the original edge it was reached by.
struct TreeRecorder : boost::default_bfs_visitor {
  std::vector<std::size_t>* predecessor;
  std::vector<std::size_t>* via_edge;
  TreeRecorder(std::vector<std::size_t>* p, std::vector<std::size_t>* v) : predecessor(p), via_edge(v) {}
  template <typename E, typename G>
  void tree_edge(E e, const G& g) const {
    (*predecessor)[boost::target(e, g)] = boost::source(e, g);
    (*via_edge)[boost::target(e, g)] = g[e];
  }
};

}  // namespace

std::string_view NodeKindName(NodeKind kind) {
  for (const auto& [k, name] : kNodeKindNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::string_view EdgeKindName(EdgeKind kind) {
  for (const auto& [k, name] : kEdgeKindNames) {
    if (k == kind) return name;
  }
  return "?";
}

std::optional<EdgeKind> ParseEdgeKind(std::string_view name) {
  for (const auto& [k, n] : kEdgeKindNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

struct KnowledgeGraph::Impl {
  BoostGraph graph;
  std::unordered_map<std::string, Vertex> by_key;
  std::map<EdgeKey, BoostGraph::edge_descriptor> edge_index;
  std::vector<Edge> edges;  // canonical order, valid after Finalize
  bool finalized = false;
};

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

KnowledgeGraph::NodeIndex KnowledgeGraph::AddNode(NodeData data) {
  auto found = impl_->by_key.find(data.key);
  if (found != impl_->by_key.end()) return found->second;
  const std::string key = data.key;
  const Vertex v = boost::add_vertex(std::move(data), impl_->graph);
  impl_->by_key.emplace(key, v);
  impl_->finalized = false;
  return v;
}

void KnowledgeGraph::AddEdge(NodeIndex source, NodeIndex target, EdgeData data) {
  EdgeKey key{source, target, static_cast<int>(data.kind), data.role};
  auto found = impl_->edge_index.find(key);
  impl_->finalized = false;
  if (found == impl_->edge_index.end()) {
    auto [edge, added] = boost::add_edge(source, target, std::move(data), impl_->graph);
    (void)added;
    impl_->edge_index.emplace(std::move(key), edge);
    return;
  }
  EdgeData& existing = impl_->graph[found->second];
  existing.count += data.count;
  existing.weight += data.weight;
  existing.evidence.insert(existing.evidence.end(), std::make_move_iterator(data.evidence.begin()),
                           std::make_move_iterator(data.evidence.end()));
}

NodeData& KnowledgeGraph::MutableNode(NodeIndex node) {
  impl_->finalized = false;
  return impl_->graph[node];
}

void KnowledgeGraph::Finalize() {
  BoostGraph& old = impl_->graph;
  const std::size_t n = boost::num_vertices(old);
  std::vector<Vertex> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](Vertex a, Vertex b) { return old[a].key < old[b].key; });
  std::vector<Vertex> new_index(n);
  std::vector<NodeData> nodes;
  nodes.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    new_index[order[i]] = i;
    nodes.push_back(std::move(old[order[i]]));
  }
  struct PendingEdge {
    Vertex source, target;
    EdgeData data;
  };
  std::vector<PendingEdge> pending;
  pending.reserve(boost::num_edges(old));
  for (auto [it, end] = boost::edges(old); it != end; ++it) {
    pending.push_back({new_index[boost::source(*it, old)], new_index[boost::target(*it, old)],
                       std::move(old[*it])});
  }
  std::sort(pending.begin(), pending.end(), [](const PendingEdge& a, const PendingEdge& b) {
    return std::tie(a.source, a.target, a.data.kind, a.data.role) <
           std::tie(b.source, b.target, b.data.kind, b.data.role);
  });
  // Rebuild in place: edge descriptors point into the graph's own storage, so the graph must
  // not be copied or moved once they are taken.
  impl_->edge_index.clear();
  impl_->graph.clear();
  BoostGraph& rebuilt = impl_->graph;
  for (NodeData& node : nodes) boost::add_vertex(std::move(node), rebuilt);
  for (auto& e : pending) {
    std::sort(e.data.evidence.begin(), e.data.evidence.end(), EvidenceLess);
    EdgeKey key{e.source, e.target, static_cast<int>(e.data.kind), e.data.role};
    auto [edge, added] = boost::add_edge(e.source, e.target, std::move(e.data), rebuilt);
    (void)added;
    impl_->edge_index.emplace(std::move(key), edge);
  }
  impl_->by_key.clear();
  for (std::size_t i = 0; i < n; ++i) impl_->by_key.emplace(impl_->graph[i].key, i);
  // The edge list in canonical order (the edge_index map is ordered the same way).
  impl_->edges.clear();
  for (const auto& [key, edge] : impl_->edge_index) {
    impl_->edges.push_back({std::get<0>(key), std::get<1>(key), &impl_->graph[edge]});
  }
  impl_->finalized = true;
  const EntityAnalytics analytics = ComputeEntityAnalytics(*this);
  for (std::size_t v = 0; v < n; ++v) {
    NodeData& data = impl_->graph[v];
    data.degree = analytics.degree[v];
    data.pagerank = analytics.pagerank[v];
    data.component = analytics.component[v];
    data.mention_count = analytics.mention_count[v];
  }
}

std::size_t KnowledgeGraph::node_count() const { return boost::num_vertices(impl_->graph); }
std::size_t KnowledgeGraph::edge_count() const { return boost::num_edges(impl_->graph); }
const NodeData& KnowledgeGraph::node(NodeIndex node) const { return impl_->graph[node]; }

const std::vector<KnowledgeGraph::Edge>& KnowledgeGraph::edges() const {
  if (!impl_->finalized) throw std::logic_error("KnowledgeGraph::edges() before Finalize()");
  return impl_->edges;
}

std::optional<KnowledgeGraph::NodeIndex> KnowledgeGraph::Find(std::string_view key) const {
  auto found = impl_->by_key.find(std::string(key));
  if (found == impl_->by_key.end()) return std::nullopt;
  return found->second;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::OutEdges(NodeIndex node) const {
  std::vector<Edge> out;
  for (auto [it, end] = boost::out_edges(node, impl_->graph); it != end; ++it) {
    out.push_back({node, boost::target(*it, impl_->graph), &impl_->graph[*it]});
  }
  std::sort(out.begin(), out.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.target, a.data->kind, a.data->role) < std::tie(b.target, b.data->kind, b.data->role);
  });
  return out;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::InEdges(NodeIndex node) const {
  std::vector<Edge> in;
  for (auto [it, end] = boost::in_edges(node, impl_->graph); it != end; ++it) {
    in.push_back({boost::source(*it, impl_->graph), node, &impl_->graph[*it]});
  }
  std::sort(in.begin(), in.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.source, a.data->kind, a.data->role) < std::tie(b.source, b.data->kind, b.data->role);
  });
  return in;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::ShortestPath(NodeIndex from, NodeIndex to,
                                                                bool through_sections) const {
  // An undirected view of the relation edges; each undirected edge remembers its original.
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                           boost::no_property, std::size_t>;
  const auto& all = edges();
  Undirected view(node_count());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Edge& e = all[i];
    if (IsStructural(e.data->kind)) continue;
    const auto allowed = [&](NodeIndex v) {
      const NodeKind kind = node(v).kind;
      if (kind == NodeKind::kEntity) return true;
      return through_sections && kind == NodeKind::kSection;
    };
    if (!allowed(e.source) || !allowed(e.target)) continue;
    boost::add_edge(e.source, e.target, i, view);
  }
  std::vector<NodeIndex> predecessor(node_count());
  for (std::size_t v = 0; v < predecessor.size(); ++v) predecessor[v] = v;
  std::vector<std::size_t> via_edge(node_count(), static_cast<std::size_t>(-1));
  boost::breadth_first_search(view, from,
                              boost::visitor(TreeRecorder{&predecessor, &via_edge}));
  std::vector<Edge> path;
  if (from == to || predecessor[to] == to) return path;
  for (NodeIndex v = to; v != from; v = predecessor[v]) path.push_back(all[via_edge[v]]);
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace kgx
