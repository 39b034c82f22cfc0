// NeighbourLists: an undirected graph over vertices 0..n-1 as one compressed row per vertex, its
// neighbours ascending and distinct. Built from a list of links in any order, with repeats, in
// linear time (two counting sorts), for the entity graph's analytics: a million links sort
// several times faster this way than with a comparison sort.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kgx {

struct NeighbourLists {
  std::vector<std::size_t> start;      // vertex v's neighbours: column[start[v] .. start[v + 1])
  std::vector<std::uint32_t> column;

  std::size_t vertices() const { return start.size() - 1; }
  std::size_t degree(std::size_t v) const { return start[v + 1] - start[v]; }
};

// `links` holds pairs of vertices below `vertices`, either way round; a link to itself is ignored.
NeighbourLists BuildNeighbourLists(std::size_t vertices,
                                   const std::vector<std::pair<std::uint32_t, std::uint32_t>>& links);

}  // namespace kgx
