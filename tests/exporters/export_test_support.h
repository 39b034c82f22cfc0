// Test support for the exporter tests: FileSinks that write into memory or into a folder, the
// small graph of the exact-bytes tests and the hostile-names graph, and decoders that undo
// each format's escaping so tests can compare the text a reader gets back.
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <locale>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "exporters/exporter.h"
#include "graph/knowledge_graph.h"

namespace kgx::testing {

// Collects every file an exporter writes, by relative path, in memory.
class MemorySink final : public FileSink {
 public:
  std::ostream& Begin(const std::string& relative_path) override {
    order_.push_back(relative_path);
    auto& stream = files_[relative_path];
    stream = std::make_unique<std::ostringstream>();
    return *stream;
  }
  // Returns the text written to `relative_path`; throws when nothing was.
  std::string Text(const std::string& relative_path) const {
    auto found = files_.find(relative_path);
    if (found == files_.end()) throw std::runtime_error("not written: " + relative_path);
    return found->second->str();
  }
  const std::vector<std::string>& order() const { return order_; }

 private:
  std::vector<std::string> order_;
  std::map<std::string, std::unique_ptr<std::ostringstream>> files_;
};

// Writes each file under `root`, creating folders as needed.
class DirectorySink final : public FileSink {
 public:
  explicit DirectorySink(std::filesystem::path root) : root_(std::move(root)) {}
  std::ostream& Begin(const std::string& relative_path) override {
    const std::filesystem::path path = root_ / relative_path;
    std::filesystem::create_directories(path.parent_path());
    stream_ = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
    if (!*stream_) throw std::runtime_error("cannot write " + path.string());
    return *stream_;
  }

 private:
  std::filesystem::path root_;
  std::unique_ptr<std::ofstream> stream_;
};

#ifndef KGX_SOURCE_DIR
#define KGX_SOURCE_DIR "."
#endif

// Compares `actual` with the golden file tests/exporters/golden/<relative_path> byte for byte,
// naming the first line that differs. With KGX_UPDATE_GOLDEN=1 in the environment it rewrites
// the golden file instead (on purpose only: review the diff before committing).
inline void CheckGolden(const std::string& relative_path, const std::string& actual) {
  const std::filesystem::path path =
      std::filesystem::path(KGX_SOURCE_DIR) / "tests/exporters/golden" / relative_path;
  const char* update = std::getenv("KGX_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << actual;
    WARN("rewrote " << path.string());
    return;
  }
  std::ifstream in(path, std::ios::binary);
  INFO("golden file " << path.string() << " (KGX_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(in.good());
  const std::string expected((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  if (actual == expected) {
    SUCCEED();
    return;
  }
  std::istringstream actual_lines(actual), expected_lines(expected);
  std::string a, e;
  std::size_t line = 0;
  while (true) {
    ++line;
    const bool more_a = static_cast<bool>(std::getline(actual_lines, a));
    const bool more_e = static_cast<bool>(std::getline(expected_lines, e));
    if (!more_a && !more_e) break;
    if (more_a != more_e || a != e) {
      FAIL_CHECK("first difference at line " << line << "\n  actual:   " << (more_a ? a : "<end>")
                                             << "\n  expected: " << (more_e ? e : "<end>"));
      return;
    }
  }
  FAIL_CHECK("differs only in the final newline");
}

// While alive, makes the global C++ locale one with a decimal comma and thousands grouping, as
// a user's locale could be, to prove that no number goes through iostream formatting.
class ScopedGroupingLocale {
 public:
  ScopedGroupingLocale()
      : previous_(std::locale::global(std::locale(std::locale::classic(), new Punct))) {}
  ~ScopedGroupingLocale() { std::locale::global(previous_); }
  ScopedGroupingLocale(const ScopedGroupingLocale&) = delete;
  ScopedGroupingLocale& operator=(const ScopedGroupingLocale&) = delete;

 private:
  struct Punct : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\1"; }
  };
  std::locale previous_;
};

// Writes every file of `exporter` into memory.
inline MemorySink Export(const Exporter& exporter, const KnowledgeGraph& graph) {
  MemorySink sink;
  exporter.Write(graph, sink);
  return sink;
}

// Returns a provenance record (set field by field, so new fields keep their defaults).
inline Provenance Evidence(std::string doc, std::string section, std::string path, std::size_t line,
                           std::size_t start, std::size_t end, std::string text,
                           std::string context = "") {
  Provenance p;
  p.doc = std::move(doc);
  p.section = std::move(section);
  p.path = std::move(path);
  p.line = line;
  p.start = start;
  p.end = end;
  p.text = std::move(text);
  p.context = std::move(context);
  return p;
}

inline Provenance Where(std::size_t line, std::size_t start, std::size_t end, std::string text) {
  return Evidence("D1", line == 1 ? "" : "D1#L3", "notes/reinvent 2016.txt", line, start, end,
                  std::move(text), line == 4 ? "  • Auroraは5倍速い" : "");
}

// A document with one talk of an event, two entities it mentions, a person with a role, a
// quantity it states, and one relation of each structural kind: 7 nodes, 9 edges.
inline KnowledgeGraph SmallGraph() {
  KnowledgeGraph graph;
  NodeData document;
  document.key = "document/D1";
  document.kind = NodeKind::kDocument;
  document.type = "document";
  document.label = "notes/reinvent 2016.txt";
  document.id = "D1";
  document.path = "notes/reinvent 2016.txt";
  document.event = "AWS re:Invent 2016";
  document.provenance = Where(1, 0, 0, "AWS re:Invent 2016 & friends");
  const auto doc = graph.AddNode(document);

  NodeData event;
  event.key = "event/aws-reinvent-2016";
  event.kind = NodeKind::kEvent;
  event.type = "event";
  event.label = "AWS re:Invent 2016";
  const auto ev = graph.AddNode(event);

  NodeData talk;
  talk.key = "section/D1.L3";
  talk.kind = NodeKind::kSection;
  talk.type = "talk";
  talk.label = "DAT303 Deep Dive on Amazon Aurora";
  talk.id = "D1#L3";
  talk.code = "DAT303";
  talk.title = "Deep Dive on Amazon Aurora";
  talk.event = "AWS re:Invent 2016";
  talk.provenance = Where(3, 40, 76, "DAT303 - Deep Dive on Amazon Aurora");
  const auto section = graph.AddNode(talk);

  NodeData aurora;
  aurora.key = "aws_service/amazon-aurora";
  aurora.kind = NodeKind::kEntity;
  aurora.type = "aws_service";
  aurora.label = "Amazon Aurora";
  aurora.id = "aws_service/amazon-aurora";
  aurora.aliases = {"Aurora", "オーロラ"};
  aurora.provenance = Where(4, 80, 86, "Aurora");
  const auto service = graph.AddNode(aurora);

  NodeData netflix;
  netflix.key = "company/netflix";
  netflix.kind = NodeKind::kEntity;
  netflix.type = "company";
  netflix.label = "Netflix";
  netflix.id = "company/netflix";
  netflix.discovered = true;
  netflix.provenance = Where(5, 120, 127, "Netflix");
  const auto company = graph.AddNode(netflix);

  NodeData adrian;
  adrian.key = "person/adrian-cockcroft";
  adrian.kind = NodeKind::kEntity;
  adrian.type = "person";
  adrian.label = "Adrian Cockcroft";
  adrian.id = "person/adrian-cockcroft";
  adrian.provenance = Where(6, 140, 156, "Adrian Cockcroft");
  const auto person = graph.AddNode(adrian);

  NodeData five_times;
  five_times.key = "quantity/D1.L7.200";
  five_times.kind = NodeKind::kQuantity;
  five_times.type = "quantity";
  five_times.label = "5倍";
  five_times.value = 5.0;
  five_times.unit = "times";
  five_times.provenance = Where(7, 200, 204, "5倍");
  const auto quantity = graph.AddNode(five_times);

  const auto edge = [&](auto from, auto to, EdgeKind kind, std::vector<Provenance> evidence,
                        double weight = 1.0, std::string role = "") {
    EdgeData data;
    data.kind = kind;
    data.weight = weight;
    data.count = evidence.empty() ? 1 : evidence.size();
    data.role = std::move(role);
    data.evidence = std::move(evidence);
    graph.AddEdge(from, to, std::move(data));
  };
  edge(doc, section, EdgeKind::kHasSection,
       {Where(3, 40, 76, "DAT303 - Deep Dive on Amazon Aurora")});
  edge(section, ev, EdgeKind::kPartOfEvent, {Where(1, 0, 0, "AWS re:Invent 2016 & friends")});
  edge(section, service, EdgeKind::kMentions,
       {Where(4, 80, 86, "Aurora"), Where(9, 300, 306, "オーロラ")}, 2.0);
  edge(section, company, EdgeKind::kMentions, {Where(5, 120, 127, "Netflix")});
  edge(section, quantity, EdgeKind::kStates, {Where(7, 200, 204, "5倍")});
  edge(quantity, service, EdgeKind::kMeasures, {Where(7, 200, 204, "5倍")});
  edge(service, company, EdgeKind::kCoOccurs,
       {Where(3, 40, 76, "DAT303 - Deep Dive on Amazon Aurora")});
  edge(company, service, EdgeKind::kUses, {Where(5, 120, 140, "NetflixはAuroraを使う")});
  edge(person, company, EdgeKind::kRoleAt,
       {Where(6, 140, 170, "Adrian Cockcroft (Netflix, \"Cloud\" Architect)")}, 1.0,
       "Cloud Architect");
  graph.Finalize();
  return graph;
}

// A name holding everything that breaks a writer: quotes, markup, backslashes (one trailing),
// backticks, TAB/LF/CR, C0/DEL/C1 controls, a NUL, U+FFFE, emoji, RTL marks, `]]>`, DOT
// keywords and ill-formed UTF-8.
inline std::string HostileName() {
  using namespace std::string_literals;
  return "Q\"uote 'apos' <lt> &amp; & >gt \\N back`tick` ]]> node graph\n"
         "new\ttab\rcr \x01"
         "ctl \x7F"
         "del \xC2\x85"
         "nel \x00"
         "nul \xEF\xBF\xBE"
         "fffe "
         "\xF0\x9F\x98\x80 emoji \xE2\x80\x8F"
         "rtl \xE2\x80\xAE"
         "rlo "
         "\xFF bad \xC3( cut \xED\xA0\x80 surrogate C:\\tmp\\"s;
}

// What every format must carry for HostileName(): the controls, NUL and U+FFFE removed, each
// ill-formed sequence replaced by U+FFFD.
inline std::string HostileNameSanitized() {
  return "Q\"uote 'apos' <lt> &amp; & >gt \\N back`tick` ]]> node graph\n"
         "new\ttab\rcr ctl del nel nul fffe "
         "\xF0\x9F\x98\x80 emoji \xE2\x80\x8F"
         "rtl \xE2\x80\xAE"
         "rlo "
         "\xEF\xBF\xBD bad \xEF\xBF\xBD( cut \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD surrogate "
         "C:\\tmp\\";
}

// The hostile graph: a document whose section mentions entities named HostileName() and DOT
// keywords, with hostile aliases, evidence, roles and keys holding '#', ':', spaces, quotes
// and non-ASCII. 9 nodes, 10 edges.
inline KnowledgeGraph HostileGraph() {
  const std::string name = HostileName();
  KnowledgeGraph graph;
  NodeData document;
  document.key = "document/D1";
  document.kind = NodeKind::kDocument;
  document.type = "document";
  document.label = "notes/" + name + ".txt";
  document.id = "D1";
  document.path = "notes/" + name + ".txt";
  document.event = name;
  const auto doc = graph.AddNode(document);

  NodeData event;
  event.key = "event/hostile-conf";
  event.kind = NodeKind::kEvent;
  event.type = "event";
  event.label = name;
  const auto ev = graph.AddNode(event);

  NodeData talk;
  talk.key = "section/D1#L2";
  talk.kind = NodeKind::kSection;
  talk.type = "keynote";
  talk.label = name;
  talk.id = "D1#L2";
  talk.code = "K\"1";
  talk.title = name;
  talk.event = name;
  talk.provenance = Evidence("D1", "D1#L2", document.path, 2, 10, 20, name, name);
  const auto section = graph.AddNode(talk);

  const auto entity = [&](std::string key, std::string type, std::string label) {
    NodeData data;
    data.key = std::move(key);
    data.kind = NodeKind::kEntity;
    data.type = std::move(type);
    data.label = std::move(label);
    data.id = data.key;
    data.aliases = {name, "alias;with;semicolons",
                    "\x1F"
                    "unit separator"};
    data.provenance = Evidence("D1", "D1#L2", document.path, 3, 30, 40, name, name);
    return graph.AddNode(std::move(data));
  };
  const auto hostile = entity("company/hostile", "company", name);
  const auto node_keyword = entity("technology/node", "technology", "node");
  const auto graph_keyword = entity("technology/graph", "technology", "graph");
  const auto japanese = entity("company/日本電気", "company", "日本電気");
  const auto weird = entity("technology/c#: \"we'ird\" key\\", "technology", "C# \\");

  NodeData quantity;
  quantity.key = "quantity/D1#L4:5";
  quantity.kind = NodeKind::kQuantity;
  quantity.type = "quantity";
  quantity.label = name;
  quantity.min = 30;
  quantity.max = 45.5;
  quantity.unit = name;
  quantity.per = "day";
  quantity.provenance = Evidence("D1", "D1#L2", document.path, 4, 50, 60, name);
  const auto amount = graph.AddNode(quantity);

  const auto edge = [&](auto from, auto to, EdgeKind kind, std::string role = "",
                        double weight = 1.0) {
    EdgeData data;
    data.kind = kind;
    data.weight = weight;
    data.role = std::move(role);
    data.evidence = {Evidence("D1", "D1#L2", document.path, 5, 70, 80, name, name)};
    graph.AddEdge(from, to, std::move(data));
  };
  edge(doc, section, EdgeKind::kHasSection);
  edge(section, ev, EdgeKind::kPartOfEvent);
  edge(section, hostile, EdgeKind::kMentions);
  edge(section, node_keyword, EdgeKind::kMentions);
  edge(section, amount, EdgeKind::kStates);
  edge(node_keyword, graph_keyword, EdgeKind::kCoOccurs, "", 2.0);
  edge(hostile, weird, EdgeKind::kUses);
  edge(japanese, hostile, EdgeKind::kRoleAt, name);
  edge(japanese, hostile, EdgeKind::kRoleAt, "CEO");
  edge(graph_keyword, japanese, EdgeKind::kMigratedTo);
  graph.Finalize();
  return graph;
}

}  // namespace kgx::testing
