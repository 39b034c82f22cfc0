// GraphBuilder, analytics and queries on small hand-made extraction results.
#include <catch2/catch.hpp>

#include "graph/graph_builder.h"
#include "graph/query.h"

namespace {

kgx::Entity MakeEntity(const std::string& id, kgx::EntityType type, const std::string& name,
                       std::vector<std::string> aliases = {}) {
  kgx::Entity e;
  e.id = id;
  e.type = type;
  e.name = name;
  e.aliases = std::move(aliases);
  return e;
}

kgx::Mention MakeMention(const std::string& entity, std::size_t section, std::size_t line, std::size_t start) {
  kgx::Mention m;
  m.entity = entity;
  m.section = section;
  m.line = line;
  m.start = start;
  m.end = start + 3;
  m.text = entity.substr(entity.find('/') + 1, 3);
  return m;
}

// Two talks: Intercom moves from MySQL to Aurora; a second talk mentions Aurora and S3.
kgx::DocumentResult SampleDocument() {
  kgx::DocumentResult doc;
  doc.path = "notes/a.txt";
  doc.title = "notes";
  doc.event = "AWS re:Invent 2016";
  kgx::Section s1;
  s1.kind = kgx::SectionKind::kTalk;
  s1.code = "DAT301";
  s1.title = "Aurora Best Practices";
  s1.line = 1;
  kgx::Section s2 = s1;
  s2.code = "DAT303";
  s2.title = "Deep Dive";
  s2.line = 10;
  doc.sections = {s1, s2};
  doc.entities = {MakeEntity("aws_service/amazon-aurora", kgx::EntityType::kAwsService, "Amazon Aurora", {"Aurora", "オーロラ"}),
                  MakeEntity("technology/mysql", kgx::EntityType::kTechnology, "MySQL"),
                  MakeEntity("company/intercom", kgx::EntityType::kCompany, "Intercom"),
                  MakeEntity("aws_service/amazon-s3", kgx::EntityType::kAwsService, "Amazon S3", {"S3"})};
  doc.mentions = {MakeMention("company/intercom", 0, 2, 10), MakeMention("technology/mysql", 0, 3, 20),
                  MakeMention("aws_service/amazon-aurora", 0, 3, 30), MakeMention("aws_service/amazon-aurora", 0, 4, 40),
                  MakeMention("aws_service/amazon-aurora", 1, 11, 100), MakeMention("aws_service/amazon-s3", 1, 12, 110)};
  kgx::Relation presented;
  presented.predicate = "presented_by";
  presented.object = "company/intercom";
  presented.section = 0;
  presented.line = 2;
  kgx::Relation moved;
  moved.predicate = "migrated_to";
  moved.object = "aws_service/amazon-aurora";  // no subject: the presenting company
  moved.section = 0;
  moved.line = 3;
  moved.text = "MySQLからAuroraに移行";
  doc.relations = {presented, moved};
  return doc;
}

kgx::KnowledgeGraph Build() {
  kgx::GraphBuilder builder;
  builder.Add(SampleDocument());
  return builder.Finish();
}

const kgx::EdgeData* FindEdge(const kgx::KnowledgeGraph& g, const std::string& from, const std::string& to, kgx::EdgeKind kind) {
  for (const auto& e : g.edges()) {
    if (g.node(e.source).key == from && g.node(e.target).key == to && e.data->kind == kind) return e.data;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the builder makes documents, events, sections, entities and structural edges", "[graph]") {
  const auto g = Build();
  CHECK(g.Find("document/D1"));
  CHECK(g.Find("event/aws-re-invent-2016"));
  REQUIRE(g.Find("section/D1.L10"));
  CHECK(g.node(*g.Find("section/D1.L10")).id == "D1#L10");
  CHECK(FindEdge(g, "document/D1", "section/D1.L1", kgx::EdgeKind::kHasSection));
  CHECK(FindEdge(g, "section/D1.L1", "event/aws-re-invent-2016", kgx::EdgeKind::kPartOfEvent));
  // nodes come out sorted by key
  for (std::size_t v = 1; v < g.node_count(); ++v) CHECK(g.node(v - 1).key < g.node(v).key);
}

TEST_CASE("mentions count occurrences, co-occurrence weight counts shared sections", "[graph]") {
  const auto g = Build();
  const auto* mentions = FindEdge(g, "section/D1.L1", "aws_service/amazon-aurora", kgx::EdgeKind::kMentions);
  REQUIRE(mentions);
  CHECK(mentions->count == 2);
  CHECK(mentions->evidence.size() == 2);
  const auto* co = FindEdge(g, "aws_service/amazon-aurora", "technology/mysql", kgx::EdgeKind::kCoOccurs);
  REQUIRE(co);
  CHECK(co->weight == 1.0);
  CHECK(g.node(*g.Find("aws_service/amazon-aurora")).mention_count == 3);
}

TEST_CASE("a relation without subject belongs to the company presenting the section", "[graph]") {
  const auto g = Build();
  const auto* moved = FindEdge(g, "company/intercom", "aws_service/amazon-aurora", kgx::EdgeKind::kMigratedTo);
  REQUIRE(moved);
  CHECK(moved->evidence.front().text == "MySQLからAuroraに移行");
  CHECK(FindEdge(g, "section/D1.L1", "company/intercom", kgx::EdgeKind::kPresentedBy));
}

TEST_CASE("analytics: degree, PageRank and components on the entity graph", "[graph]") {
  const auto g = Build();
  const auto& aurora = g.node(*g.Find("aws_service/amazon-aurora"));
  const auto& s3 = g.node(*g.Find("aws_service/amazon-s3"));
  CHECK(aurora.degree == 3);  // MySQL, Intercom, S3
  CHECK(s3.degree == 1);
  CHECK(aurora.pagerank > s3.pagerank);
  CHECK(aurora.component == s3.component);
  CHECK(aurora.component >= 1);
}

TEST_CASE("queries find entities by alias and answer mentions, neighbors, path and top", "[graph]") {
  const auto g = Build();
  const auto aurora = kgx::FindEntity(g, "オーロラ");
  REQUIRE(aurora.node);
  CHECK(g.node(*aurora.node).label == "Amazon Aurora");
  CHECK(kgx::FindEntity(g, "AURORA").node == aurora.node);
  const auto missing = kgx::FindEntity(g, "Auroa");
  CHECK_FALSE(missing.node);
  REQUIRE_FALSE(missing.suggestions.empty());
  CHECK(missing.suggestions.front() == "Amazon Aurora");

  const auto hits = kgx::SectionsMentioningAll(g, {*aurora.node});
  REQUIRE(hits.size() == 2);
  CHECK(g.node(hits[0].section).code == "DAT301");
  const auto s3 = kgx::FindEntity(g, "S3").node;
  CHECK(kgx::SectionsMentioningAll(g, {*aurora.node, *s3}).size() == 1);

  const auto intercom = kgx::FindEntity(g, "Intercom").node;
  const auto path = g.ShortestPath(*intercom, *aurora.node, kgx::KnowledgeGraph::PathScope::kRelations);
  REQUIRE_FALSE(path.empty());
  CHECK(path.size() == 1);
  CHECK(path[0].data->kind == kgx::EdgeKind::kMigratedTo);
  CHECK(g.ShortestPath(*intercom, *s3, kgx::KnowledgeGraph::PathScope::kRelations).empty());
  CHECK(g.ShortestPath(*intercom, *s3, kgx::KnowledgeGraph::PathScope::kCoOccurring).size() == 2);
  const auto neighbors = kgx::NeighborsOf(g, *intercom, "", "migrated_to");
  REQUIRE(neighbors.size() == 1);
  CHECK(g.node(neighbors[0].node).label == "Amazon Aurora");
  const auto top = kgx::TopEntities(g, "pagerank", "", 1);
  REQUIRE(top.size() == 1);
  CHECK(g.node(top[0]).label == "Amazon Aurora");
}
