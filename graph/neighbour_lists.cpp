// Neighbour lists by counting sort (see neighbour_lists.h).
#include "graph/neighbour_lists.h"

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
  std::vector<std::uint32_t> unordered(lists.start.back());
  std::vector<std::size_t> fill(lists.start.begin(), lists.start.end() - 1);
  for (const auto& [a, b] : links) {
    if (a == b) continue;
    unordered[fill[a]++] = b;
    unordered[fill[b]++] = a;
  }
  // Walking the vertices in ascending order and handing each to its neighbours' rows fills
  // every row in ascending order (the links are symmetric, so the rows keep their sizes).
  lists.column.resize(unordered.size());
  fill.assign(lists.start.begin(), lists.start.end() - 1);
  for (std::uint32_t v = 0; v < vertices; ++v) {
    for (std::size_t k = lists.start[v]; k < lists.start[v + 1]; ++k) lists.column[fill[unordered[k]]++] = v;
  }
  unordered = {};

  // Repeated links are now side by side: keep the first of each.
  std::size_t kept = 0;
  for (std::size_t v = 0; v < vertices; ++v) {
    const std::size_t begin = lists.start[v], end = lists.start[v + 1];
    lists.start[v] = kept;
    for (std::size_t k = begin; k < end; ++k) {
      if (k == begin || lists.column[k] != lists.column[k - 1]) lists.column[kept++] = lists.column[k];
    }
  }
  lists.start[vertices] = kept;
  lists.column.resize(kept);
  return lists;
}

}  // namespace kgx
