// SortedRecords: records leave in file order (key, then text), whether they came in order or not.
#include <catch2/catch.hpp>

#include <algorithm>
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
