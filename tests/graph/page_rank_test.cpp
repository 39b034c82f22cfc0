// PageRank's AVX2 sums (gathers, four lanes to a register) against its scalar ones, bit for bit,
// on neighbour lists of every shape; graph_analytics_test.cpp holds both to Boost's.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "graph/page_rank.h"

namespace {

// `vertices` vertices and `link_count` random links among the first `linked` (`hubs` of them take
// a third of the links).
kgx::NeighbourLists RandomLists(std::uint32_t vertices, int link_count, std::uint32_t linked, std::uint32_t hubs,
                                unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
  for (int i = 0; i < link_count; ++i) {
    const std::uint32_t a = i % 3 == 0 && hubs > 0 ? random() % hubs : random() % linked;
    links.emplace_back(a, random() % linked);
  }
  return kgx::BuildNeighbourLists(vertices, links);
}

void CheckSumsAgree(const kgx::NeighbourLists& lists, std::size_t threads) {
  const std::vector<double> scalar = kgx::PageRank(lists, threads, kgx::PageRankSums::kScalar);
  const std::vector<double> avx2 = kgx::PageRank(lists, threads, kgx::PageRankSums::kAvx2);
  const std::vector<double> best = kgx::PageRank(lists, threads);
  REQUIRE(scalar.size() == lists.vertices());
  CHECK(avx2 == scalar);  // bit for bit (no NaN here)
  CHECK(best == scalar);
}

}  // namespace

TEST_CASE("PageRank sums the same bits with AVX2 gathers as one addition at a time", "[graph]") {
  if (!kgx::PageRankHasAvx2()) WARN("no AVX2 here: both paths sum one addition at a time");
  // Fewer vertices than a group of eight, every remainder by eight, hubs (groups whose degrees
  // differ much), sparse and dense rows.
  for (std::uint32_t n = 1; n <= 17; ++n) CheckSumsAgree(RandomLists(n, static_cast<int>(3 * n), n, 0, n), 1);
  CheckSumsAgree(RandomLists(1003, 8000, 990, 12, 5), 1);
  CheckSumsAgree(RandomLists(301, 200, 300, 0, 6), 1);
  CheckSumsAgree(RandomLists(125, 6000, 125, 3, 7), 1);
  // Two threads (64 Ki neighbour entries and more).
  CheckSumsAgree(RandomLists(9001, 60000, 8990, 20, 31), 2);
  CheckSumsAgree(RandomLists(5007, 100000, 3000, 3, 33), 2);
}
