// BuildNeighbourLists against a set of ordered pairs.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "graph/neighbour_lists.h"

TEST_CASE("neighbour lists hold every link both ways, ascending and once", "[graph]") {
  constexpr std::uint32_t kVertices = 300;
  std::mt19937 random(7);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
  std::set<std::pair<std::uint32_t, std::uint32_t>> expected;
  for (int i = 0; i < 20000; ++i) {
    const std::uint32_t a = random() % kVertices, b = random() % (kVertices / 2);  // repeats, self-links, both ways
    links.emplace_back(a, b);
    if (a == b) continue;
    expected.emplace(a, b);
    expected.emplace(b, a);
  }
  const kgx::NeighbourLists lists = kgx::BuildNeighbourLists(kVertices + 5, links);  // the last ones unlinked
  REQUIRE(lists.vertices() == kVertices + 5);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> listed;
  for (std::uint32_t v = 0; v < lists.vertices(); ++v) {
    for (std::size_t k = lists.start[v]; k < lists.start[v + 1]; ++k) listed.emplace_back(v, lists.column[k]);
  }
  CHECK(listed == std::vector<std::pair<std::uint32_t, std::uint32_t>>(expected.begin(), expected.end()));
  CHECK(lists.degree(kVertices + 4) == 0);
  CHECK(kgx::BuildNeighbourLists(3, {}).column.empty());
}
