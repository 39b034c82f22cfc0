// SortedRecords: records leave in file order (key, then text), whether they came in order or not.
// Entity records, written by hand, are the bytes nlohmann rendered them as.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "exporters/ordered_records.h"

namespace {

kgx::RelationRecord Relation(std::string_view object, std::size_t line) {
  return kgx::RelationRecord{"company/a", "uses", object, "", "D1", "D1#L1", line, "text"};
}

std::string Rendered(const kgx::RelationRecord& r) {
  std::string out;
  kgx::AppendRecord(out, r);
  return out + '\n';
}

}  // namespace

TEST_CASE("SortedRecords puts records in key order, then text order, after what is there", "[jsonl]") {
  kgx::SortedRecords records;
  records.Add(7, Relation("technology/b", 7));
  records.Add(3, Relation("technology/z", 3));
  records.Add(7, Relation("technology/a", 7));
  std::string out = "head\n";
  records.MoveTo(out);
  CHECK(out == "head\n" + Rendered(Relation("technology/z", 3)) + Rendered(Relation("technology/a", 7)) +
                   Rendered(Relation("technology/b", 7)));

  // In order already, into an empty string; the list is empty afterwards.
  records.Add(1, Relation("technology/a", 1));
  records.Add(2, Relation("technology/a", 2));
  std::string second;
  records.MoveTo(second);
  CHECK(second == Rendered(Relation("technology/a", 1)) + Rendered(Relation("technology/a", 2)));
  std::string third;
  records.MoveTo(third);
  CHECK(third.empty());
}

TEST_CASE("RecordRun sorts a run that came out of order in place, after what is there", "[jsonl]") {
  // Objects differing only in hostile bytes sort by their escaped text, as SortedRecords does.
  const std::string objects[] = {"company/\"quote", "company/<&>", "company/back\\slash", "company/\x01ctl",
                                 "company/\xff bad", "company/日本", "company/ＡＷＳ"};
  std::string expected_run;
  std::vector<std::string> sorted;
  for (const std::string& object : objects) sorted.push_back(Rendered(Relation(object, 5)));
  std::sort(sorted.begin(), sorted.end());
  for (const std::string& record : sorted) expected_run += record;

  std::string out = "head\n";
  kgx::RecordRun run(out);
  run.Add(out, 9, Relation("technology/late", 9));
  for (const std::string& object : objects) run.Add(out, 5, Relation(object, 5));
  run.End(out);
  CHECK(out == "head\n" + expected_run + Rendered(Relation("technology/late", 9)));

  // The next run begins where this one ended; one in order is left as it came.
  const std::string before = out;
  run.Add(out, 1, Relation("technology/b", 1));
  run.Add(out, 2, Relation("technology/a", 2));
  run.End(out);
  CHECK(out == before + Rendered(Relation("technology/b", 1)) + Rendered(Relation("technology/a", 2)));
}

TEST_CASE("RecordRun sorts runs whose equal keys come with texts in any order", "[jsonl]") {
  // Runs of few keys (many equal) in a random order, and the same sorted first: a run in order but
  // for one pair of equal keys whose texts descend must come out sorted all the same.
  const std::string objects[] = {"company/a", "company/b", "company/日本", "company/\"q", "company/a"};
  std::mt19937 random(7);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<std::pair<std::size_t, std::string>> items;
    const int count = std::uniform_int_distribution<int>(1, 8)(random);
    for (int i = 0; i < count; ++i) {
      items.emplace_back(std::uniform_int_distribution<std::size_t>(1, 3)(random),
                         objects[std::uniform_int_distribution<std::size_t>(0, 4)(random)]);
    }
    if (trial % 2 == 1) std::sort(items.begin(), items.end());
    std::vector<std::pair<std::size_t, std::string>> expected_items;
    for (const auto& [key, object] : items) expected_items.emplace_back(key, Rendered(Relation(object, key)));
    std::stable_sort(expected_items.begin(), expected_items.end());
    std::string expected = "head\n";
    for (const auto& item : expected_items) expected += item.second;

    std::string out = "head\n";
    kgx::RecordRun run(out);
    for (const auto& [key, object] : items) run.Add(out, key, Relation(object, key));
    run.End(out);
    CHECK(out == expected);
  }
  std::string out;
  kgx::RecordRun run(out);
  run.Add(out, 4, Relation("company/a", 4));
  run.Add(out, 5, Relation("company/b", 5));
  run.Add(out, 5, Relation("company/a", 5));  // equal key, smaller text
  run.End(out);
  CHECK(out == Rendered(Relation("company/a", 4)) + Rendered(Relation("company/a", 5)) + Rendered(Relation("company/b", 5)));
}

TEST_CASE("records given their place as PlaceJson are the records written without it", "[jsonl]") {
  for (const std::string doc : {"D12", "D\"<&>\\\x01 日本 ＡＷＳ \xff"}) {
    const std::string section = doc + "#L5";
    const std::string place = kgx::PlaceJson(doc, section);
    const auto both = [&](auto record) {
      std::string without, with;
      kgx::AppendRecord(without, record);
      record.place_json = place;
      kgx::AppendRecord(with, record);
      CHECK(with == without);
      CHECK(without.find(place) != std::string::npos);
    };
    both(kgx::MentionRecord{"company/a", doc, section, 5, 10, 12, "Aa", "line \"Aa\" \t", {}});
    both(kgx::QuantityRecord{doc, section, 5, 20, 24, "30秒", 30.0, {}, {}, "second", "", ""});
    both(kgx::RelationRecord{section, "uses", "company/a", "", doc, section, 5, "<line>"});
  }
}

TEST_CASE("entity records are the bytes of nlohmann's ordered_json rendering", "[jsonl]") {
  // The record as it was rendered through nlohmann before it was written by hand.
  const auto nlohmann_record = [](const kgx::EntityRecord& r) {
    nlohmann::ordered_json record;
    record["kind"] = "entity";
    record["id"] = r.id;
    record["type"] = r.type;
    record["name"] = r.name;
    record["aliases"] = r.aliases ? *r.aliases : std::vector<std::string>();
    if (r.discovered) record["discovered"] = true;
    record["mentions"] = r.mentions;
    record["degree"] = r.degree;
    record["pagerank"] = r.pagerank;
    record["component"] = r.component;
    return record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  };
  const std::vector<std::string> pieces = {"Amazon", " ", "オーロラ", "ＡＷＳ", "\"", "\\", "\x01", "\n",
                                           "\xff", "<&>", "日本", "Aurora", "-", "é"};
  std::mt19937_64 random(5);
  const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n)(random); };
  const auto text = [&] {
    std::string s;
    for (std::size_t k = pick(6); k > 0; --k) s += pieces[pick(pieces.size() - 1)];
    return s;
  };
  for (int i = 0; i < 500; ++i) {
    std::vector<std::string> aliases;
    for (std::size_t k = pick(4); k > 0; --k) aliases.push_back(text());
    const std::string id = "company/" + text(), name = text();
    const kgx::EntityRecord record{id,
                                   i % 2 ? "company" : "technology",
                                   name,
                                   i % 5 == 0 ? nullptr : &aliases,
                                   i % 3 == 0,
                                   pick(100000),
                                   pick(50),
                                   pick(7),
                                   std::uniform_real_distribution<double>(0.15, 40.0)(random)};
    std::string out = "head";
    kgx::AppendRecord(out, record);
    INFO(out);
    CHECK(out == "head" + nlohmann_record(record));
  }
}
