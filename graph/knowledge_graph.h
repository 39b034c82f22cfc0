// KnowledgeGraph: the graph model of DESIGN.md §5 behind a small read interface that exporters
// and queries use (Boost.Graph stays inside graph/). Nodes and edges carry plain data and
// provenance; after Finalize() they are in one canonical order, so every exporter writes the
// same graph byte for byte on every run. Building only appends (nodes are merged by key through
// a hash index; edges are merged when Finalize sorts them); Finalize orders both once and
// builds a Boost CSR adjacency for the reading side.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kgx {

enum class NodeKind {
  kDocument,
  kEvent,
  kSection,   // a talk, keynote or other part of a document
  kEntity,    // aws_service, company, person, technology
  kQuantity,  // a number with unit found in a section
};

enum class EdgeKind {
  kHasSection,    // document -> section
  kPartOfEvent,   // section -> event
  kMentions,      // section -> entity (count, evidence per occurrence)
  kStates,        // section -> quantity
  kMeasures,      // quantity -> entity
  kCoOccurs,      // entity -- entity (weight = sections where both occur); source key < target key
  kUses,          // relation predicates: subject -> object
  kMigratedFrom,
  kMigratedTo,
  kRoleAt,        // person -> company, with role
  kPresentedBy,   // section -> company or person
  kAnnounced,     // section (keynote) -> entity
};

// Returns the lower-case name used in every format: "has_section", "mentions", "uses" …
std::string_view NodeKindName(NodeKind kind);
std::string_view EdgeKindName(EdgeKind kind);
std::optional<EdgeKind> ParseEdgeKind(std::string_view name);

// Where something was read: the document's path, a 1-based line, byte offsets into the original
// file (start == end == 0 when not a span) and the original text (the match, or the line).
struct Provenance {
  std::string doc;   // document id ("D1")
  std::string section;  // section id ("D1#L120") or empty
  std::string path;  // the document's path as given
  std::size_t line = 0;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
  std::string context;  // the original line around a match (trimmed, at most ~240 bytes), or empty
};

struct NodeData {
  std::string key;    // canonical key: "aws_service/amazon-aurora", "document/D1", "section/D1.L120",
                      // "event/aws-reinvent-2016", "quantity/D1.L130.6001"
  NodeKind kind = NodeKind::kEntity;
  std::string type;   // entity type, section kind (talk|keynote|other), or the node kind's name
  std::string label;  // what a person reads: the canonical name, "DAT303 Deep Dive …", the path …
  std::string id;     // the record id in kgx-jsonl/1 ("D1", "D1#L120", "aws_service/amazon-aurora")

  // Sections
  std::string code;   // session code or empty
  std::string title;
  // Documents
  std::string path;
  std::string event;  // event name, also on sections
  // Entities
  std::vector<std::string> aliases;
  bool discovered = false;  // found by a pattern, not a gazetteer
  // Quantities
  std::optional<double> value, min, max;
  std::string unit, per;

  // Analytics (entity graph; 0 for other nodes): filled by ComputeAnalytics.
  std::size_t degree = 0;
  double pagerank = 0.0;
  std::size_t component = 0;  // 1-based component number; 0 = not an entity
  std::size_t mention_count = 0;
  // Mentions counted by a builder that keeps no mentions edges (EntityGraphBuilder); added to
  // the mentions edges' counts in mention_count.
  std::size_t unlinked_mentions = 0;

  std::optional<Provenance> provenance;  // first place it was seen (none for entities seen nowhere)
};

struct EdgeData {
  EdgeKind kind = EdgeKind::kMentions;
  double weight = 1.0;     // co_occurs: sections in common; mentions: count; else 1
  std::size_t count = 1;   // occurrences behind this edge
  std::string role;        // role_at only ("CEO", "Vice President")
  std::vector<Provenance> evidence;  // every occurrence, in document order (co_occurs: the first
                                     // kCoOccursEvidence sections, that is none; see `weight`)
};

// How many sections a co_occurs edge lists as evidence: none, its weight counts the sections.
// Listing them made co_occurs, quadratic in the entities of a section, most of the graph's
// memory; the sections behind a pair are those whose mentions edges reach both entities.
inline constexpr std::size_t kCoOccursEvidence = 0;

class KnowledgeGraph {
 public:
  using NodeIndex = std::size_t;
  struct Edge {
    NodeIndex source;
    NodeIndex target;
    const EdgeData* data;
  };

  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  // Building. Adds the node or returns the existing one with the same key (data is kept).
  NodeIndex AddNode(NodeData data);
  // Adds an edge or, when one of the same kind (and role) joins the same nodes, merges into it:
  // counts and weights add up, evidence is appended.
  void AddEdge(NodeIndex source, NodeIndex target, EdgeData data);
  NodeData& MutableNode(NodeIndex node);
  // Links between entities known without edges (a graph built by EntityGraphBuilder keeps its
  // co-occurring pairs this way): they count in degree, PageRank and components like edges.
  void AddEntityLinks(std::vector<std::pair<NodeIndex, NodeIndex>> links);
  const std::vector<std::pair<NodeIndex, NodeIndex>>& entity_links() const;
  // Adds the co_occurs edges that the mentions edges imply: for every two entities mentioned in
  // one section, one unit of weight per such section, with the first kCoOccursEvidence sections
  // (in document order, from the sections' provenance) as evidence. Works as a sparse product of
  // the section-entity incidence, so it costs O(pairs), not hash look-ups per pair. Call once,
  // before Finalize.
  void DeriveCoOccurrences();

  // Puts nodes in key order and edges in (source key, target key, kind, role) order, sorts
  // evidence, and computes the analytics (PageRank on two threads when `threads` >= 2, the same
  // bits). Call once after building; reading needs it.
  void Finalize(std::size_t threads = 1);

  // Reading (valid after Finalize; references stay valid until the graph changes).
  std::size_t node_count() const;
  std::size_t edge_count() const;
  const NodeData& node(NodeIndex node) const;
  const std::vector<Edge>& edges() const;
  std::optional<NodeIndex> Find(std::string_view key) const;
  // Edges leaving / entering `node`, in canonical order.
  std::vector<Edge> OutEdges(NodeIndex node) const;
  std::vector<Edge> InEdges(NodeIndex node) const;

  // How far a path search may reach, from the most to the least telling edges.
  enum class PathScope {
    kRelations,   // uses, migrated_*, role_at, announced, presented_by, measures
    kCoOccurring, // also co_occurs
    kSections,    // also through sections (mentions)
  };
  // Shortest undirected chain of edges between two nodes within `scope` (structural edges never
  // count), found with Boost's breadth-first search. Empty when there is no path.
  std::vector<Edge> ShortestPath(NodeIndex from, NodeIndex to, PathScope scope) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
