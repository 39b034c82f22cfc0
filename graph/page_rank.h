// PageRank over neighbour lists with boost::graph::page_rank's bits (50 iterations, damping
// 0.85): each vertex adds its neighbours' shares in ascending order, as Boost walks its in-edges.
// Eight vertices of about the same degree are summed side by side (with AVX2, four to a register),
// their chains of additions overlapping, each in its own order: the bits of one at a time.
#pragma once

#include <cstddef>
#include <vector>

#include "graph/neighbour_lists.h"

namespace kgx {

// How the eight chains of a group are summed: kScalar one addition at a time, kAvx2 with gathers
// (four additions in one instruction) where the processor has AVX2, kBest the better of the two.
enum class PageRankSums { kBest, kScalar, kAvx2 };

// Returns each vertex's rank. With `threads` >= 2, two threads each take half the vertices, meeting
// once an iteration (the same bits). kAvx2 on a processor without AVX2 sums as kScalar.
std::vector<double> PageRank(const NeighbourLists& g, std::size_t threads, PageRankSums sums = PageRankSums::kBest);

// True when the processor has AVX2 (kBest then uses it).
bool PageRankHasAvx2();

}  // namespace kgx
