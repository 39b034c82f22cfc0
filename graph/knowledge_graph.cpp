// KnowledgeGraph (see knowledge_graph.h). Building appends nodes and edges to flat tables:
// nodes are merged by key through a hash map, edges by (source, target, kind, role) through a
// hash map of compact keys. Finalize() sorts both into canonical order once, sorts evidence,
// builds a Boost compressed_sparse_row_graph for in/out edges and runs the analytics
// (graph_analytics.cpp).
#include "graph/knowledge_graph.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/visitors.hpp>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <tuple>

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

// A stored edge: its ends and its data. Edge::data points into these.
struct StoredEdge {
  std::size_t source = 0, target = 0;
  EdgeData data;
};

// The reading side's adjacency: one CSR graph whose edge property is the index of the edge in
// the canonical edge table.
struct EdgeSlot {
  std::size_t index = 0;
};
using Adjacency = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeSlot>;

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

// Node keys -> storage indices: open addressing over hashes of the keys, compared with the
// nodes' own keys, so adding a node stores no second copy of its key.
class KeyIndex {
 public:
  // Returns the storage index of `key`, or kNone.
  std::size_t Find(std::string_view key, const std::deque<NodeData>& nodes) const {
    if (slots_.empty()) return kNone;
    for (std::size_t i = Hash(key) & mask_;; i = (i + 1) & mask_) {
      const std::uint32_t slot = slots_[i];
      if (slot == 0) return kNone;
      if (nodes[slot - 1].key == key) return slot - 1;
    }
  }
  void Insert(std::string_view key, std::size_t index, const std::deque<NodeData>& nodes) {
    if ((count_ + 1) * 2 > slots_.size()) Grow(nodes);
    Place(key, index);
    ++count_;
  }
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

 private:
  static std::size_t Hash(std::string_view key) { return std::hash<std::string_view>()(key); }
  void Place(std::string_view key, std::size_t index) {
    std::size_t i = Hash(key) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = static_cast<std::uint32_t>(index + 1);
  }
  void Grow(const std::deque<NodeData>& nodes) {
    std::vector<std::uint32_t> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(64, old.size() * 2), 0);
    mask_ = slots_.size() - 1;
    for (const std::uint32_t slot : old) {
      if (slot != 0) Place(nodes[slot - 1].key, slot - 1);
    }
  }
  std::vector<std::uint32_t> slots_;  // storage index + 1; 0 = empty
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

struct KnowledgeGraph::Impl {
  // Nodes never move: a deque keeps them where they were added (storage index). Callers see
  // view indices; Finalize only reorders the view.
  std::deque<NodeData> nodes;
  std::vector<std::size_t> view;     // view index -> storage index
  std::vector<std::size_t> view_of;  // storage index -> view index
  KeyIndex by_key;                   // key -> storage index
  // Edges are appended as they come; edges with the same (source, target, kind, role) are
  // merged when Finalize sorts them, so building needs no edge index at all.
  std::vector<StoredEdge> stored;
  Adjacency adjacency;
  std::vector<Edge> edges;  // canonical order, valid after Finalize
  std::vector<std::pair<std::size_t, std::size_t>> entity_links;  // links without edges (view indices)
  bool finalized = false;

  NodeData& Node(std::size_t v) { return nodes[view[v]]; }
  const NodeData& Node(std::size_t v) const { return nodes[view[v]]; }
};

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

KnowledgeGraph::NodeIndex KnowledgeGraph::AddNode(NodeData data) {
  Impl& impl = *impl_;
  const std::size_t existing = impl.by_key.Find(data.key, impl.nodes);
  if (existing != KeyIndex::kNone) return impl.view_of[existing];
  const std::size_t storage = impl.nodes.size();
  const std::size_t v = impl.view.size();
  impl.nodes.push_back(std::move(data));
  impl.by_key.Insert(impl.nodes.back().key, storage, impl.nodes);
  impl.view.push_back(storage);
  impl.view_of.push_back(v);
  impl.finalized = false;
  return v;
}

void KnowledgeGraph::AddEdge(NodeIndex source, NodeIndex target, EdgeData data) {
  impl_->finalized = false;
  impl_->stored.push_back({source, target, std::move(data)});
}

void KnowledgeGraph::AddEntityLinks(std::vector<std::pair<NodeIndex, NodeIndex>> links) {
  impl_->finalized = false;
  auto& all = impl_->entity_links;
  if (all.empty()) {
    all = std::move(links);
  } else {
    all.insert(all.end(), links.begin(), links.end());
  }
}

const std::vector<std::pair<KnowledgeGraph::NodeIndex, KnowledgeGraph::NodeIndex>>& KnowledgeGraph::entity_links() const {
  return impl_->entity_links;
}

NodeData& KnowledgeGraph::MutableNode(NodeIndex node) {
  impl_->finalized = false;
  return impl_->Node(node);
}

void KnowledgeGraph::DeriveCoOccurrences() {
  Impl& impl = *impl_;
  const std::size_t n = impl.view.size();
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // Sections and entities joined by mentions edges, each numbered densely.
  std::vector<std::size_t> section_of(n, kNone), entity_of(n, kNone);
  std::vector<std::size_t> sections, entities;
  std::vector<std::pair<std::size_t, std::size_t>> incidence;  // (section node, entity node)
  for (const StoredEdge& e : impl.stored) {
    if (e.data.kind != EdgeKind::kMentions || e.source == e.target) continue;
    if (section_of[e.source] == kNone) {
      section_of[e.source] = sections.size();
      sections.push_back(e.source);
    }
    if (entity_of[e.target] == kNone) {
      entity_of[e.target] = entities.size();
      entities.push_back(e.target);
    }
    incidence.emplace_back(e.source, e.target);
  }
  if (incidence.empty()) return;
  // Entities ranked by key (pairs are oriented smaller key first); sections ranked in document
  // order (evidence order).
  std::sort(entities.begin(), entities.end(),
            [&](std::size_t a, std::size_t b) { return impl.Node(a).key < impl.Node(b).key; });
  for (std::size_t r = 0; r < entities.size(); ++r) entity_of[entities[r]] = r;
  const auto section_less = [&](std::size_t a, std::size_t b) {
    const NodeData& x = impl.Node(a);
    const NodeData& y = impl.Node(b);
    if (x.provenance && y.provenance) {
      if (EvidenceLess(*x.provenance, *y.provenance)) return true;
      if (EvidenceLess(*y.provenance, *x.provenance)) return false;
    }
    return x.key < y.key;
  };
  // Builders add sections in document order, so node order is usually already the answer.
  std::sort(sections.begin(), sections.end());
  if (!std::is_sorted(sections.begin(), sections.end(), section_less)) {
    std::sort(sections.begin(), sections.end(), section_less);
  }
  for (std::size_t r = 0; r < sections.size(); ++r) section_of[sections[r]] = r;

  // CSR in both directions: section -> entity ranks (ascending), entity -> section ranks (ascending).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (section rank, entity rank)
  pairs.reserve(incidence.size());
  for (const auto& [s, e] : incidence) {
    pairs.emplace_back(static_cast<std::uint32_t>(section_of[s]), static_cast<std::uint32_t>(entity_of[e]));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::vector<std::size_t> section_start(sections.size() + 1, 0), entity_start(entities.size() + 1, 0);
  for (const auto& [s, e] : pairs) {
    ++section_start[s + 1];
    ++entity_start[e + 1];
  }
  for (std::size_t i = 0; i < sections.size(); ++i) section_start[i + 1] += section_start[i];
  for (std::size_t i = 0; i < entities.size(); ++i) entity_start[i + 1] += entity_start[i];
  std::vector<std::uint32_t> section_members(pairs.size()), entity_sections(pairs.size());
  std::vector<std::size_t> fill(entity_start.begin(), entity_start.end() - 1);
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    section_members[i] = pairs[i].second;  // pairs are sorted by section, then entity
    entity_sections[fill[pairs[i].second]++] = pairs[i].first;  // ascending section per entity
  }

  // Gustavson's product, one entity row at a time, with a dense accumulator.
  std::vector<std::uint32_t> weight(entities.size(), 0);
  std::vector<std::uint32_t> first_section(std::max<std::size_t>(1, entities.size() * kCoOccursEvidence), 0);
  std::vector<std::uint32_t> touched;
  for (std::uint32_t a = 0; a < entities.size(); ++a) {
    for (std::size_t k = entity_start[a]; k < entity_start[a + 1]; ++k) {
      const std::uint32_t s = entity_sections[k];
      const auto begin = section_members.begin() + static_cast<std::ptrdiff_t>(section_start[s]);
      const auto end = section_members.begin() + static_cast<std::ptrdiff_t>(section_start[s + 1]);
      for (auto it = std::upper_bound(begin, end, a); it != end; ++it) {
        const std::uint32_t b = *it;
        if (weight[b] == 0) touched.push_back(b);
        if constexpr (kCoOccursEvidence > 0) {
          if (weight[b] < kCoOccursEvidence) first_section[b * kCoOccursEvidence + weight[b]] = s;
        }
        ++weight[b];
      }
    }
    std::sort(touched.begin(), touched.end());
    for (const std::uint32_t b : touched) {
      EdgeData data;
      data.kind = EdgeKind::kCoOccurs;
      data.weight = static_cast<double>(weight[b]);
      data.count = weight[b];
      const std::size_t kept = std::min<std::size_t>(weight[b], kCoOccursEvidence);
      data.evidence.reserve(kept);
      for (std::size_t i = 0; i < kept; ++i) {
        const NodeData& section = impl.Node(sections[first_section[b * kCoOccursEvidence + i]]);
        if (section.provenance) data.evidence.push_back(*section.provenance);
      }
      impl.stored.push_back({entities[a], entities[b], std::move(data)});
      weight[b] = 0;
    }
    touched.clear();
  }
  impl.finalized = false;
}

void KnowledgeGraph::Finalize(std::size_t threads) {
  Impl& impl = *impl_;
  const std::size_t n = impl.view.size();
  // The view in key order; nodes themselves stay where they are.
  std::vector<std::size_t> order(n);  // new view index -> old view index
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return impl.Node(a).key < impl.Node(b).key; });
  std::vector<std::size_t> new_index(n);  // old view index -> new view index
  std::vector<std::size_t> view(n);
  for (std::size_t i = 0; i < n; ++i) {
    new_index[order[i]] = i;
    view[i] = impl.view[order[i]];
  }
  impl.view = std::move(view);
  for (std::size_t i = 0; i < n; ++i) impl.view_of[impl.view[i]] = i;
  for (auto& [a, b] : impl.entity_links) {
    a = new_index[a];
    b = new_index[b];
  }

  // Edges in (source key, target key, kind, role) order; equal ones merge in the order they
  // were added (counts and weights add up, evidence is appended). Roles are ranked by their
  // text once, so every edge sorts on a plain-number key.
  std::vector<std::string_view> roles;
  for (const StoredEdge& e : impl.stored) {
    if (!e.data.role.empty()) roles.push_back(e.data.role);
  }
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  const auto role_rank = [&](const std::string& role) -> std::uint32_t {
    if (role.empty()) return 0;
    return static_cast<std::uint32_t>(std::lower_bound(roles.begin(), roles.end(), role) - roles.begin()) + 1;
  };
  struct SortKey {
    std::size_t source, target;
    std::uint32_t kind, role;
    std::size_t index;
  };
  std::vector<SortKey> keys;
  keys.reserve(impl.stored.size());
  for (std::size_t i = 0; i < impl.stored.size(); ++i) {
    StoredEdge& e = impl.stored[i];
    e.source = new_index[e.source];
    e.target = new_index[e.target];
    keys.push_back({e.source, e.target, static_cast<std::uint32_t>(e.data.kind), role_rank(e.data.role), i});
  }
  // Bucketed by source first (a counting sort, linear), then each source's few edges sorted:
  // the same order as one comparison sort of all of them, at a fraction of the cost.
  {
    std::vector<std::size_t> start(n + 1, 0);
    for (const SortKey& k : keys) ++start[k.source + 1];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    std::vector<SortKey> bucketed(keys.size());
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (const SortKey& k : keys) bucketed[fill[k.source]++] = k;
    const auto less = [](const SortKey& a, const SortKey& b) {
      return std::tie(a.target, a.kind, a.role, a.index) < std::tie(b.target, b.kind, b.role, b.index);
    };
    for (std::size_t v = 0; v < n; ++v) {
      const auto first = bucketed.begin() + static_cast<std::ptrdiff_t>(start[v]);
      const auto last = bucketed.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
      if (!std::is_sorted(first, last, less)) std::sort(first, last, less);
    }
    keys = std::move(bucketed);
  }
  std::vector<StoredEdge> sorted;
  sorted.reserve(impl.stored.size());
  for (std::size_t k = 0; k < keys.size(); ++k) {
    StoredEdge& e = impl.stored[keys[k].index];
    const bool same_as_last = k > 0 && keys[k].source == keys[k - 1].source && keys[k].target == keys[k - 1].target &&
                              keys[k].kind == keys[k - 1].kind && keys[k].role == keys[k - 1].role;
    if (!same_as_last) {
      sorted.push_back(std::move(e));
      continue;
    }
    EdgeData& into = sorted.back().data;
    into.count += e.data.count;
    into.weight += e.data.weight;
    into.evidence.insert(into.evidence.end(), std::make_move_iterator(e.data.evidence.begin()),
                         std::make_move_iterator(e.data.evidence.end()));
  }
  for (StoredEdge& e : sorted) {
    if (!std::is_sorted(e.data.evidence.begin(), e.data.evidence.end(), EvidenceLess)) {
      std::sort(e.data.evidence.begin(), e.data.evidence.end(), EvidenceLess);
    }
  }
  impl.stored = std::move(sorted);

  impl.edges.clear();
  impl.edges.reserve(impl.stored.size());
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  std::vector<EdgeSlot> slots;
  ends.reserve(impl.stored.size());
  slots.reserve(impl.stored.size());
  for (std::size_t i = 0; i < impl.stored.size(); ++i) {
    const StoredEdge& e = impl.stored[i];
    impl.edges.push_back({e.source, e.target, &e.data});
    ends.emplace_back(e.source, e.target);
    slots.push_back({i});
  }
  impl.adjacency = Adjacency(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), slots.begin(), n);
  impl.finalized = true;
  const EntityAnalytics analytics = ComputeEntityAnalytics(*this, threads);
  for (std::size_t v = 0; v < n; ++v) {
    NodeData& data = impl.Node(v);
    data.degree = analytics.degree[v];
    data.pagerank = analytics.pagerank[v];
    data.component = analytics.component[v];
    data.mention_count = analytics.mention_count[v];
  }
}

std::size_t KnowledgeGraph::node_count() const { return impl_->view.size(); }
std::size_t KnowledgeGraph::edge_count() const { return impl_->stored.size(); }
const NodeData& KnowledgeGraph::node(NodeIndex node) const { return impl_->Node(node); }

const std::vector<KnowledgeGraph::Edge>& KnowledgeGraph::edges() const {
  if (!impl_->finalized) throw std::logic_error("KnowledgeGraph::edges() before Finalize()");
  return impl_->edges;
}

std::optional<KnowledgeGraph::NodeIndex> KnowledgeGraph::Find(std::string_view key) const {
  const std::size_t found = impl_->by_key.Find(key, impl_->nodes);
  if (found == KeyIndex::kNone) return std::nullopt;
  return impl_->view_of[found];
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::OutEdges(NodeIndex node) const {
  std::vector<Edge> out;
  if (!impl_->finalized) {
    for (const StoredEdge& e : impl_->stored) {
      if (e.source == node) out.push_back({e.source, e.target, &e.data});
    }
  } else {
    for (auto [it, end] = boost::out_edges(node, impl_->adjacency); it != end; ++it) {
      out.push_back(impl_->edges[impl_->adjacency[*it].index]);
    }
  }
  std::sort(out.begin(), out.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.target, a.data->kind, a.data->role) < std::tie(b.target, b.data->kind, b.data->role);
  });
  return out;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::InEdges(NodeIndex node) const {
  std::vector<Edge> in;
  if (!impl_->finalized) {
    for (const StoredEdge& e : impl_->stored) {
      if (e.target == node) in.push_back({e.source, e.target, &e.data});
    }
  } else {
    for (auto [it, end] = boost::in_edges(node, impl_->adjacency); it != end; ++it) {
      in.push_back(impl_->edges[impl_->adjacency[*it].index]);
    }
  }
  std::sort(in.begin(), in.end(), [](const Edge& a, const Edge& b) {
    return std::tie(a.source, a.data->kind, a.data->role) < std::tie(b.source, b.data->kind, b.data->role);
  });
  return in;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::ShortestPath(NodeIndex from, NodeIndex to,
                                                                PathScope scope) const {
  const bool through_sections = scope == PathScope::kSections;
  // An undirected view of the relation edges; each undirected edge remembers its original.
  using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                           boost::no_property, std::size_t>;
  const auto& all = edges();
  Undirected view(node_count());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Edge& e = all[i];
    if (IsStructural(e.data->kind)) continue;
    if (e.data->kind == EdgeKind::kCoOccurs && scope == PathScope::kRelations) continue;
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
