// Entity-graph analytics over neighbour lists (graph/neighbour_lists.h) built once from every
// entity-entity link: degree is a row's length, components a search from each unreached entity
// in order, and PageRank a replica of boost::graph::page_rank's bidirectional step that gives the
// same bits (tests/graph/graph_analytics_test.cpp holds it to Boost's).
#include "graph/graph_analytics.h"

#include <algorithm>
#include <barrier>
#include <cstdint>
#include <numeric>
#include <thread>
#include <utility>
#include <vector>

#include "graph/neighbour_lists.h"

namespace kgx {

namespace {

// boost::graph::page_rank over a graph holding every link both ways (50 iterations, damping
// 0.85), with the same arithmetic in the same order: a vertex adds its neighbours' shares in
// ascending order, as Boost walks its in-edges. Four vertices of about the same degree are summed
// side by side so that their chains of additions overlap; each chain keeps its own order, so the
// bits are the same. The neighbours the four have in common count (the first `shared` of each
// row) are copied once, interleaved, so that one pointer walks the four rows.
//
// An iteration reads only the shares of the one before (share = rank / degree, stored as each
// rank is), so with `threads` >= 2 two threads each take half the work, meeting once an
// iteration: every vertex still sums the same numbers in the same order on whichever thread.
std::vector<double> PageRank(const NeighbourLists& g, std::size_t threads) {
  constexpr double kDamping = 0.85;
  constexpr int kIterations = 50;
  const std::size_t n = g.vertices();
  std::vector<std::uint32_t> by_degree(n);
  std::iota(by_degree.begin(), by_degree.end(), std::uint32_t{0});
  std::stable_sort(by_degree.begin(), by_degree.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return g.degree(a) < g.degree(b); });
  const std::size_t groups = n / 4;
  // Group q's quads: interleaved[begin[q] .. begin[q + 1]), the k-th neighbour of each of its
  // four vertices at 4k .. 4k + 3.
  std::vector<std::size_t> begin(groups + 1, 0);
  for (std::size_t q = 0; q < groups; ++q) begin[q + 1] = begin[q] + 4 * g.degree(by_degree[4 * q]);
  std::vector<std::uint32_t> interleaved(begin[groups]);
  for (std::size_t q = 0; q < groups; ++q) {
    for (std::size_t lane = 0; lane < 4; ++lane) {
      const std::uint32_t* row = g.column.data() + g.start[by_degree[4 * q + lane]];
      for (std::size_t k = 0; 4 * k < begin[q + 1] - begin[q]; ++k) interleaved[begin[q] + 4 * k + lane] = row[k];
    }
  }
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> shares(2 * n);  // this iteration's shares, then the next one's, swapping
  for (std::size_t u = 0; u < n; ++u) shares[u] = rank[u] / static_cast<double>(g.degree(u));

  // One iteration over groups [first, last) and, when `tail`, the vertices after the groups.
  const auto step = [&](std::size_t first, std::size_t last, bool tail, const double* share, double* next_share) {
    // Adds the shares of v's neighbours from the k-th on to `sum` and stores v's next rank.
    const auto finish = [&](std::uint32_t v, std::size_t k, double sum) {
      for (std::size_t i = g.start[v] + k; i < g.start[v + 1]; ++i) sum += share[g.column[i]];
      const double next = (1.0 - kDamping) + kDamping * sum;
      rank[v] = next;
      next_share[v] = next / static_cast<double>(g.degree(v));
    };
    for (std::size_t q = first; q < last; ++q) {
      const std::uint32_t* quad = interleaved.data() + begin[q];
      const std::uint32_t* const end = interleaved.data() + begin[q + 1];
      const std::uint32_t* const pairs_end = quad + (end - quad) / 8 * 8;
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (; quad != pairs_end; quad += 8) {  // two quads a step: half the loop's own instructions
        s0 += share[quad[0]];
        s1 += share[quad[1]];
        s2 += share[quad[2]];
        s3 += share[quad[3]];
        s0 += share[quad[4]];
        s1 += share[quad[5]];
        s2 += share[quad[6]];
        s3 += share[quad[7]];
      }
      if (quad != end) {
        s0 += share[quad[0]];
        s1 += share[quad[1]];
        s2 += share[quad[2]];
        s3 += share[quad[3]];
      }
      const std::size_t shared = (begin[q + 1] - begin[q]) / 4;
      finish(by_degree[4 * q], shared, s0);
      finish(by_degree[4 * q + 1], shared, s1);
      finish(by_degree[4 * q + 2], shared, s2);
      finish(by_degree[4 * q + 3], shared, s3);
    }
    if (tail) {
      for (std::size_t i = 4 * groups; i < n; ++i) finish(by_degree[i], 0, 0.0);
    }
  };
  // Runs iterations over groups [first, last) (and the tail), meeting `meet` after each.
  const auto iterate = [&](std::size_t first, std::size_t last, bool tail, auto&& meet) {
    double* share = shares.data();
    double* next_share = shares.data() + n;
    for (int iteration = 0; iteration < kIterations; ++iteration) {
      step(first, last, tail, share, next_share);
      meet();
      std::swap(share, next_share);
    }
  };

  // Two threads only when an iteration is long enough to outweigh a meeting (tens of µs).
  constexpr std::size_t kParallelNeighbours = 1 << 16;
  if (threads < 2 || begin[groups] < kParallelNeighbours) {
    iterate(0, groups, true, [] {});
    return rank;
  }
  // The first thread takes the groups up to about half the neighbour entries (and of the
  // per-vertex work); the second the rest and the tail.
  const auto work = [&](std::size_t q) { return begin[q] + 16 * q; };
  std::size_t cut = 0;
  while (cut < groups && 2 * work(cut) < work(groups)) ++cut;
  std::barrier meeting(2);
  std::thread helper([&] { iterate(cut, groups, true, [&] { meeting.arrive_and_wait(); }); });
  iterate(0, cut, false, [&] { meeting.arrive_and_wait(); });
  helper.join();
  return rank;
}

// 1-based component numbers, counted in order of each component's first vertex (as
// boost::connected_components numbers them, from 0).
std::vector<std::size_t> Components(const NeighbourLists& g) {
  const std::size_t n = g.vertices();
  std::vector<std::size_t> component(n, 0);
  std::vector<std::uint32_t> pending;
  std::size_t count = 0;
  for (std::size_t first = 0; first < n; ++first) {
    if (component[first] != 0) continue;
    component[first] = ++count;
    pending.push_back(static_cast<std::uint32_t>(first));
    while (!pending.empty()) {
      const std::uint32_t v = pending.back();
      pending.pop_back();
      for (std::size_t k = g.start[v]; k < g.start[v + 1]; ++k) {
        const std::uint32_t w = g.column[k];
        if (component[w] == 0) {
          component[w] = count;
          pending.push_back(w);
        }
      }
    }
  }
  return component;
}

}  // namespace

EntityAnalytics ComputeEntityAnalytics(const KnowledgeGraph& graph, std::size_t threads) {
  const std::size_t n = graph.node_count();
  EntityAnalytics result;
  result.degree.assign(n, 0);
  result.pagerank.assign(n, 0.0);
  result.component.assign(n, 0);
  result.mention_count.assign(n, 0);
  for (std::size_t v = 0; v < n; ++v) result.mention_count[v] = graph.node(v).unlinked_mentions;

  // Entities get dense indices in node order.
  constexpr std::uint32_t kNotEntity = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> dense(n, kNotEntity);
  std::vector<std::size_t> entities;
  for (std::size_t v = 0; v < n; ++v) {
    if (graph.node(v).kind != NodeKind::kEntity) continue;
    dense[v] = static_cast<std::uint32_t>(entities.size());
    entities.push_back(v);
  }
  if (entities.empty()) return result;

  // Every link between two entities, from edges of any kind and from links without edges.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
  links.reserve(graph.entity_links().size());
  for (const auto& edge : graph.edges()) {
    if (edge.data->kind == EdgeKind::kMentions) result.mention_count[edge.target] += edge.data->count;
    const std::uint32_t a = dense[edge.source], b = dense[edge.target];
    if (a != kNotEntity && b != kNotEntity) links.emplace_back(a, b);
  }
  for (const auto& [source, target] : graph.entity_links()) {
    const std::uint32_t a = dense[source], b = dense[target];
    if (a != kNotEntity && b != kNotEntity) links.emplace_back(a, b);
  }
  const NeighbourLists neighbours = BuildNeighbourLists(entities.size(), links);
  links = {};

  const std::vector<double> rank = PageRank(neighbours, threads);
  const std::vector<std::size_t> component = Components(neighbours);
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const std::size_t v = entities[i];
    result.degree[v] = neighbours.degree(i);
    result.pagerank[v] = rank[i];
    result.component[v] = component[i];
  }
  return result;
}

}  // namespace kgx
