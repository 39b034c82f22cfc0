// IdOrdinals against a std::map.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>

#include "graph/id_ordinals.h"

TEST_CASE("IdOrdinals numbers ids in the order first added and finds them again", "[graph]") {
  kgx::IdOrdinals ordinals;
  CHECK(ordinals.Find("company/acme") == kgx::IdOrdinals::kNone);
  std::map<std::string, std::uint32_t> expected;
  std::mt19937 random(5);
  for (int i = 0; i < 20000; ++i) {  // ids come back often; the table grows many times
    const std::string id = "technology/t" + std::to_string(random() % 5000);
    const auto [it, added] = expected.emplace(id, static_cast<std::uint32_t>(expected.size()));
    CHECK(ordinals.Add(id) == it->second);
  }
  CHECK(ordinals.size() == expected.size());
  for (const auto& [id, ordinal] : expected) CHECK(ordinals.Find(id) == ordinal);
  CHECK(ordinals.Find("technology/t5000") == kgx::IdOrdinals::kNone);
  CHECK(ordinals.Find("") == kgx::IdOrdinals::kNone);
}
