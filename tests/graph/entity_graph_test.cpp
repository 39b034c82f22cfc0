// EntityGraphBuilder (the entity graph of streamed runs) against GraphBuilder, EntityRefs against
// a search by id, and PairSet.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "graph/entity_graph_builder.h"
#include "graph/entity_refs.h"
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

// The index in `document.entities` of the first entity with id `id`, by a plain search.
std::uint32_t IndexBySearch(const kgx::DocumentResult& document, std::string_view id) {
  for (std::size_t i = 0; i < document.entities.size(); ++i) {
    if (document.entities[i].id == id) return static_cast<std::uint32_t>(i);
  }
  return kgx::EntityRefs::kUnlisted;
}

TEST_CASE("ResolveEntityRefs finds the entity a plain search by id finds", "[graph]") {
  const std::vector<std::string> ids = {"technology/kafka", "company/トヨタ自動車", "person/山田-太郎",
                                        "aws_service/amazon-s3", "technology/kafka-streams", "company/ヤフー",
                                        "technology/データレイク", "person/werner-vogels"};
  std::mt19937 random(11);
  for (int d = 0; d < 300; ++d) {
    kgx::DocumentResult doc;
    doc.sections.resize(3);
    // Listed entities: a random subset, now and then an id twice (the first counts).
    for (const std::string& id : ids) {
      if (random() % 3 != 0) doc.entities.push_back(MakeEntity(id, kgx::EntityType::kTechnology));
    }
    if (!doc.entities.empty() && random() % 4 == 0) doc.entities.push_back(doc.entities[random() % doc.entities.size()]);
    // Mentions and relations of any id, listed or not.
    for (int m = 0; m < 12; ++m) {
      kgx::Mention mention;
      mention.entity = ids[random() % ids.size()];
      mention.section = random() % 3;
      doc.mentions.push_back(mention);
    }
    for (int r = 0; r < 4; ++r) {
      kgx::Relation relation;
      relation.predicate = "uses";
      relation.object = ids[random() % ids.size()];
      if (random() % 3 != 0) relation.subject = ids[random() % ids.size()];
      doc.relations.push_back(relation);
    }
    const std::vector<kgx::LinkedRelation> linked = kgx::LinkRelations(doc);
    const kgx::EntityRefs refs = kgx::ResolveEntityRefs(doc, linked);
    REQUIRE(refs.mentions.size() == doc.mentions.size());
    for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
      CHECK(refs.mentions[m] == IndexBySearch(doc, doc.mentions[m].entity));
    }
    std::size_t r = 0;
    for (const kgx::LinkedRelation& l : linked) {
      if (l.subject.empty()) continue;
      REQUIRE(r < refs.relations.size());
      CHECK(refs.relations[r].first == IndexBySearch(doc, l.subject));
      CHECK(refs.relations[r].second == IndexBySearch(doc, l.relation->object));
      ++r;
    }
    CHECK(r == refs.relations.size());
  }
}

TEST_CASE("EntityGraphBuilder finds an entity an earlier document listed, and rejects one none did", "[graph]") {
  kgx::EntityGraphBuilder builder;
  kgx::DocumentResult first;
  first.sections.resize(1);
  first.entities = {MakeEntity("company/トヨタ自動車", kgx::EntityType::kCompany)};
  builder.Add(first, kgx::LinkRelations(first));
  kgx::DocumentResult second;  // mentions it without listing it
  second.sections.resize(1);
  second.entities = {MakeEntity("technology/kafka", kgx::EntityType::kTechnology)};
  for (const char* id : {"company/トヨタ自動車", "technology/kafka"}) {
    kgx::Mention mention;
    mention.entity = id;
    second.mentions.push_back(mention);
  }
  builder.Add(second, kgx::LinkRelations(second));
  kgx::DocumentResult third;
  third.sections.resize(1);
  kgx::Mention unknown;
  unknown.entity = "technology/nowhere";
  third.mentions.push_back(unknown);
  CHECK_THROWS_AS(builder.Add(third, kgx::LinkRelations(third)), std::out_of_range);
  const kgx::KnowledgeGraph graph = builder.Finish();
  const auto toyota = graph.Find("company/トヨタ自動車");
  REQUIRE(toyota);
  CHECK(graph.node(*toyota).mention_count == 1);
  CHECK(graph.node(*toyota).degree == 1);  // linked to kafka through the second document's section
  CHECK(graph.entity_links().size() == 1);
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

TEST_CASE("EntityGraphBuilder links the same entities when a document's mentions are not in section order", "[graph]") {
  // Mentions come grouped by section (in the order of their starts) and each section's entities are
  // then sorted alone; shuffled mentions take the other way, which must link the same pairs.
  std::mt19937 random(11);
  kgx::GraphBuilder full;
  kgx::EntityGraphBuilder shuffled;
  for (int d = 0; d < 40; ++d) {
    kgx::DocumentResult doc = RandomDocument(random, 2 + d % 6);
    full.Add(doc);
    std::shuffle(doc.mentions.begin(), doc.mentions.end(), random);
    shuffled.Add(doc, kgx::LinkRelations(doc));
  }
  const kgx::KnowledgeGraph a = full.Finish();
  const kgx::KnowledgeGraph b = shuffled.Finish();
  for (std::size_t v = 0; v < a.node_count(); ++v) {
    const kgx::NodeData& x = a.node(v);
    if (x.kind != kgx::NodeKind::kEntity) continue;
    const auto w = b.Find(x.key);
    REQUIRE(w);
    INFO(x.key);
    CHECK(x.degree == b.node(*w).degree);
    CHECK(x.pagerank == b.node(*w).pagerank);
    CHECK(x.mention_count == b.node(*w).mention_count);
  }
}

TEST_CASE("EntityGraphBuilder links two entities of one section once however often each is mentioned", "[graph]") {
  // Japanese and English names; the section repeats them, the other section holds one alone.
  kgx::DocumentResult doc;
  doc.path = "notes/tokyo.txt";
  doc.entities = {MakeEntity("company/メルカリ", kgx::EntityType::kCompany),
                  MakeEntity("technology/kubernetes", kgx::EntityType::kTechnology),
                  MakeEntity("technology/redis", kgx::EntityType::kTechnology)};
  doc.sections.resize(2);
  doc.sections[0].line = 1;
  doc.sections[1].line = 10;
  for (const auto& [entity, section] : std::vector<std::pair<int, std::size_t>>{{0, 0}, {1, 0}, {0, 0}, {1, 0}, {2, 1}}) {
    kgx::Mention m;
    m.entity = doc.entities[static_cast<std::size_t>(entity)].id;
    m.section = section;
    doc.mentions.push_back(m);
  }
  kgx::EntityGraphBuilder builder;
  builder.Add(doc, kgx::LinkRelations(doc));
  const kgx::KnowledgeGraph g = builder.Finish();
  CHECK(g.entity_links().size() == 1);
  const auto company = g.Find(kgx::EntityNode(doc.entities[0]).key);
  const auto redis = g.Find(kgx::EntityNode(doc.entities[2]).key);
  REQUIRE(company);
  REQUIRE(redis);
  CHECK(g.node(*company).degree == 1);
  CHECK(g.node(*company).mention_count == 2);
  CHECK(g.node(*redis).degree == 0);
}

TEST_CASE("PairSet counts the pairs of its bit matrix, repeats once, as they are added", "[graph]") {
  // The bit matrix counts its bits when asked: after every list, with repeated pairs and rows grown.
  kgx::PairSet set;
  std::set<std::pair<std::size_t, std::size_t>> expected;
  std::mt19937 random(5);
  CHECK(set.size() == 0);
  for (int n = 0; n < 300; ++n) {
    std::set<std::uint32_t> members;
    const std::uint32_t limit = n < 150 ? 200 : 2000;
    const std::size_t size = random() % 12;
    while (members.size() < size) members.insert(random() % limit);
    const std::vector<std::uint32_t> sorted(members.begin(), members.end());
    set.InsertAll(sorted.data(), sorted.size());
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      for (std::size_t j = i + 1; j < sorted.size(); ++j) expected.emplace(sorted[i], sorted[j]);
    }
    REQUIRE(set.size() == expected.size());
  }
  CHECK(set.Pairs().size() == expected.size());
  CHECK(!set.Insert(static_cast<std::uint32_t>(expected.begin()->first), static_cast<std::uint32_t>(expected.begin()->second)));
  CHECK(set.size() == expected.size());
}
