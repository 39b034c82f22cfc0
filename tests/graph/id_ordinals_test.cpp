// IdOrdinals against a std::map.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

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

TEST_CASE("IdOrdinals::AddAll numbers a batch as Add would, one id after another", "[graph]") {
  kgx::IdOrdinals one_by_one, batched, hashed;  // hashed: AddAll given the ids' hashes
  std::mt19937 random(8);
  for (int batch = 0; batch < 200; ++batch) {  // old and new ids, repeats within a batch, growth
    std::vector<std::string> texts;
    for (int i = 0; i < 40; ++i) {
      texts.push_back((i % 2 ? "company/会社-" : "company/c") + std::to_string(random() % 3000));
    }
    const std::vector<std::string_view> ids(texts.begin(), texts.end());
    std::vector<std::uint32_t> ordinals = {99};  // replaced
    batched.AddAll(ids, ordinals);
    REQUIRE(ordinals.size() == ids.size());
    std::vector<std::uint32_t> hashes, hashed_ordinals;
    for (const std::string_view id : ids) hashes.push_back(kgx::IdOrdinals::HashOf(id));
    hashed.AddAll(ids, hashes, hashed_ordinals);
    CHECK(hashed_ordinals == ordinals);
    for (std::size_t i = 0; i < ids.size(); ++i) CHECK(ordinals[i] == one_by_one.Add(ids[i]));
  }
  CHECK(batched.size() == one_by_one.size());
  CHECK(hashed.size() == one_by_one.size());
}

TEST_CASE("IdOrdinals::HashOf reads every byte of ids of every length", "[graph]") {
  // The hash reads eight bytes at a time, the last word overlapping, and short ids in pieces:
  // a change of any one byte of an id of any length must change it, and ids of every length,
  // Japanese among them, must number and find as they should.
  kgx::IdOrdinals ordinals;
  std::vector<std::string> ids;
  const std::string text = "technology/アマゾン-aurora-postgresql-互換-edition";
  for (std::size_t length = 0; length <= text.size(); ++length) {
    const std::string id = text.substr(0, length);
    ids.push_back(id);
    for (std::size_t at = 0; at < length; ++at) {
      std::string changed = id;
      changed[at] = static_cast<char>(changed[at] ^ 0x01);
      INFO(length << " " << at);
      CHECK(kgx::IdOrdinals::HashOf(changed) != kgx::IdOrdinals::HashOf(id));
    }
  }
  for (std::size_t i = 0; i < ids.size(); ++i) CHECK(ordinals.Add(ids[i]) == i);
  for (std::size_t i = 0; i < ids.size(); ++i) CHECK(ordinals.Find(ids[i]) == i);
  CHECK(ordinals.Find(text + "!") == kgx::IdOrdinals::kNone);
}
