// Neighbour lists by counting sort (see neighbour_lists.h).
#include "graph/neighbour_lists.h"

#include <cstddef>
#include <memory>

namespace kgx {

namespace {

// Turns per-vertex counts (at start[v + 1]) into row starts.
void Accumulate(std::vector<std::size_t>& start) {
  for (std::size_t v = 1; v < start.size(); ++v) start[v] += start[v - 1];
}

}  // namespace

NeighbourLists BuildNeighbourLists(std::size_t vertices,
                                   const std::vector<std::pair<std::uint32_t, std::uint32_t>>& links) {
  NeighbourLists lists;
  lists.start.assign(vertices + 1, 0);
  for (const auto& [a, b] : links) {
    if (a == b) continue;
    ++lists.start[a + 1];
    ++lists.start[b + 1];
  }
  Accumulate(lists.start);

  // Each link both ways, grouped by one end: the rows, unordered and with repeats.
  // Not zero-filled first: every entry is written before it is read.
  std::unique_ptr<std::uint32_t[]> unordered(new std::uint32_t[lists.start.back()]);
  std::vector<std::size_t> fill(lists.start.begin(), lists.start.end() - 1);
  for (const auto& [a, b] : links) {
    if (a == b) continue;
    unordered[fill[a]++] = b;
    unordered[fill[b]++] = a;
  }
  // Walking the vertices in ascending order and handing each to its neighbours' rows fills
  // every row in ascending order. A repeated link hands v to a row twice in a row: it is kept
  // once, and the rows are closed up afterwards only if some link was repeated.
  lists.column.resize(lists.start.back());
  fill.assign(lists.start.begin(), lists.start.end() - 1);
  bool repeated = false;
  for (std::uint32_t v = 0; v < vertices; ++v) {
    for (std::size_t k = lists.start[v]; k < lists.start[v + 1]; ++k) {
      const std::uint32_t u = unordered[k];
      std::size_t& at = fill[u];
      if (at != lists.start[u] && lists.column[at - 1] == v) {
        repeated = true;
        continue;
      }
      lists.column[at++] = v;
    }
  }
  unordered.reset();
  if (!repeated) return lists;

  std::size_t kept = 0;
  for (std::size_t v = 0; v < vertices; ++v) {
    const std::size_t begin = lists.start[v], end = fill[v];
    lists.start[v] = kept;
    for (std::size_t k = begin; k < end; ++k) lists.column[kept++] = lists.column[k];
  }
  lists.start[vertices] = kept;
  lists.column.resize(kept);
  return lists;
}

}  // namespace kgx
