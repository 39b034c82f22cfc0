// BuildNeighbourLists against a set of ordered pairs.
#include <catch2/catch.hpp>

#include <algorithm>
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

TEST_CASE("neighbour lists of links given once each come out the same as with repeats", "[graph]") {
  // Distinct links (as a streamed run's pair set gives them) skip the closing up of the rows.
  constexpr std::uint32_t kVertices = 200;
  std::mt19937 random(11);
  std::set<std::pair<std::uint32_t, std::uint32_t>> distinct;
  while (distinct.size() < 3000) {
    const std::uint32_t a = random() % kVertices, b = random() % kVertices;
    if (a != b) distinct.emplace(std::min(a, b), std::max(a, b));
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> once(distinct.begin(), distinct.end());
  std::shuffle(once.begin(), once.end(), random);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> repeated = once;
  for (std::size_t i = 0; i < once.size(); i += 3) repeated.emplace_back(once[i].second, once[i].first);
  const kgx::NeighbourLists plain = kgx::BuildNeighbourLists(kVertices, once);
  const kgx::NeighbourLists with_repeats = kgx::BuildNeighbourLists(kVertices, repeated);
  CHECK(plain.start == with_repeats.start);
  CHECK(plain.column == with_repeats.column);
  CHECK(plain.column.size() == 2 * distinct.size());
  for (std::uint32_t v = 0; v < kVertices; ++v) {
    CHECK(std::is_sorted(plain.column.begin() + static_cast<std::ptrdiff_t>(plain.start[v]),
                         plain.column.begin() + static_cast<std::ptrdiff_t>(plain.start[v + 1])));
  }
}
