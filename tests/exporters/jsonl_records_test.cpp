// SortedRecords: records leave in file order (key, then text), whether they came in order or not.
#include <catch2/catch.hpp>

#include <string>

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
