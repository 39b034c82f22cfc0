// EntityGraphBuilder (the entity graph of streamed runs) against GraphBuilder, and PairSet.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

#include "graph/entity_graph_builder.h"
#include "graph/graph_builder.h"
#include "graph/pair_set.h"

namespace {

kgx::Entity MakeEntity(const std::string& id, kgx::EntityType type) {
  kgx::Entity e;
  e.id = id;
  e.type = type;
  e.name = id.substr(id.find('/') + 1);
  return e;
}

// A document of `sections` sections mentioning entities drawn from a pool of ten, with a few
// relations: some without subject (to the presenter), some between entities, one to itself.
kgx::DocumentResult RandomDocument(std::mt19937& random, int sections) {
  static const std::vector<kgx::Entity> pool = {
      MakeEntity("aws_service/amazon-aurora", kgx::EntityType::kAwsService), MakeEntity("aws_service/amazon-s3", kgx::EntityType::kAwsService),
      MakeEntity("aws_service/aws-lambda", kgx::EntityType::kAwsService),   MakeEntity("company/netflix", kgx::EntityType::kCompany),
      MakeEntity("company/intercom", kgx::EntityType::kCompany),           MakeEntity("person/werner-vogels", kgx::EntityType::kPerson),
      MakeEntity("technology/mysql", kgx::EntityType::kTechnology),        MakeEntity("technology/kafka", kgx::EntityType::kTechnology),
      MakeEntity("technology/redis", kgx::EntityType::kTechnology),        MakeEntity("company/amazon-web-services", kgx::EntityType::kCompany)};
  kgx::DocumentResult doc;
  doc.path = "notes/" + std::to_string(random()) + ".txt";
  std::set<std::size_t> used;
  for (int s = 0; s < sections; ++s) {
    kgx::Section section;
    section.line = static_cast<std::size_t>(s * 10 + 1);
    doc.sections.push_back(section);
    const int mentions = static_cast<int>(random() % 5);
    for (int m = 0; m < mentions; ++m) {
      const std::size_t e = random() % pool.size();
      used.insert(e);
      kgx::Mention mention;
      mention.entity = pool[e].id;
      mention.section = static_cast<std::size_t>(s);
      mention.line = section.line + 1;
      doc.mentions.push_back(mention);
    }
    if (used.size() >= 2 && random() % 2 == 0) {
      kgx::Relation r;
      r.predicate = random() % 3 == 0 ? "presented_by" : "uses";
      r.object = pool[*std::next(used.begin(), static_cast<long>(random() % used.size()))].id;
      if (random() % 2 == 0) r.subject = pool[*used.begin()].id;
      r.section = static_cast<std::size_t>(s);
      r.line = section.line;
      doc.relations.push_back(r);
    }
  }
  for (std::size_t e : used) doc.entities.push_back(pool[e]);
  return doc;
}

}  // namespace

TEST_CASE("the entity graph of a streamed run has the full graph's analytics", "[graph]") {
  std::mt19937 random(7);
  kgx::GraphBuilder full;
  kgx::EntityGraphBuilder light;
  for (int d = 0; d < 40; ++d) {
    const kgx::DocumentResult doc = RandomDocument(random, 1 + d % 6);
    full.Add(doc);
    light.Add(doc, kgx::LinkRelations(doc));
  }
  const kgx::KnowledgeGraph a = full.Finish();
  const kgx::KnowledgeGraph b = light.Finish();
  std::size_t entities = 0;
  for (std::size_t v = 0; v < a.node_count(); ++v) {
    const kgx::NodeData& x = a.node(v);
    if (x.kind != kgx::NodeKind::kEntity && x.kind != kgx::NodeKind::kDocument) continue;
    const auto w = b.Find(x.key);
    REQUIRE(w);
    const kgx::NodeData& y = b.node(*w);
    INFO(x.key);
    CHECK(x.mention_count == y.mention_count);
    CHECK(x.degree == y.degree);
    CHECK(x.pagerank == y.pagerank);  // bit for bit
    CHECK(x.component == y.component);
    entities += x.kind == kgx::NodeKind::kEntity;
  }
  CHECK(entities == 10);
  CHECK(b.edge_count() == 0);  // links only, no edge data
  CHECK(!b.entity_links().empty());
}

TEST_CASE("PairSet keeps each pair once and lists them all", "[graph]") {
  kgx::PairSet set;
  std::set<std::pair<std::size_t, std::size_t>> expected;
  std::mt19937 random(3);
  for (int i = 0; i < 50000; ++i) {
    const std::uint32_t a = random() % 400, b = a + 1 + random() % 400;
    CHECK(set.Insert(a, b) == expected.emplace(a, b).second);
  }
  // Past the bit matrix's limit the pairs move to the hash table and stay.
  for (int i = 0; i < 20000; ++i) {
    const std::uint32_t a = random() % 30000, b = a + 1 + random() % 30000;
    CHECK(set.Insert(a, b) == expected.emplace(a, b).second);
  }
  CHECK(set.size() == expected.size());
  auto sorted = set.Pairs();
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::vector<std::pair<std::size_t, std::size_t>>(expected.begin(), expected.end()) == sorted);
  CHECK(set.Insert(0, 1));
  CHECK(!set.Insert(0, 1));
}

TEST_CASE("PairSet::InsertAll adds the pairs of a sorted list as Insert does, pair by pair", "[graph]") {
  kgx::PairSet all, one_by_one;
  std::mt19937 random(7);
  const auto check_lists = [&](std::uint32_t limit, int lists) {
    for (int n = 0; n < lists; ++n) {
      std::set<std::uint32_t> members;
      const std::size_t size = random() % 40;
      while (members.size() < size) members.insert(random() % limit);
      const std::vector<std::uint32_t> sorted(members.begin(), members.end());
      all.InsertAll(sorted.data(), sorted.size());
      for (std::size_t i = 0; i < sorted.size(); ++i) {
        for (std::size_t j = i + 1; j < sorted.size(); ++j) one_by_one.Insert(sorted[i], sorted[j]);
      }
      REQUIRE(all.size() == one_by_one.size());
    }
    CHECK(all.Pairs() == one_by_one.Pairs());  // the same order too
  };
  check_lists(300, 400);   // the bit matrix, rows growing
  check_lists(3000, 200);
  check_lists(kgx::PairSet::kDenseLimit + 2000, 100);  // into the hash table, then in it
  check_lists(300, 100);
}
