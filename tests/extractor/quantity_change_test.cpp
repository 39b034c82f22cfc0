// The change readers of the quantity scan (quantity_change.h): から … に/へ and arrows after a bare
// number, English "from A to B", and the plural count noun that labels both ends of a change.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "extractor/quantity_change.h"

namespace kgx::quantity_detail {
namespace {

TEST_CASE("a change follows a bare number: an arrow, or から, a number and に or へ", "[quantity][quantity_change]") {
  CHECK(ChangeFollows("Podが10から30に増えた", 8));  // "Podが" is six bytes, "10" ends at 8
  CHECK(ChangeFollows("4 から 16 に", 1));
  CHECK(ChangeFollows("3 から12へ", 1));
  CHECK(ChangeFollows("12 → 5", 2));
  CHECK(ChangeFollows("40 -> 65", 2));
  CHECK_FALSE(ChangeFollows("10から30まで", 2));  // a span, not a change
  CHECK_FALSE(ChangeFollows("4 から 件", 1));     // no number after から
  CHECK_FALSE(ChangeFollows("3台から12へ", 1));  // a unit between: the number is no bare start
  CHECK_FALSE(ChangeFollows("12 and 5", 2));
  CHECK_FALSE(ChangeFollows("12", 2));
}

TEST_CASE("from before a number opens a change, not a span", "[quantity][quantity_change]") {
  CHECK(ChangeFromBefore("cut p99 from 40 to 65 ms", 13));
  CHECK(ChangeFromBefore("From 40 ms to 65 ms", 5));
  CHECK_FALSE(ChangeFromBefore("ranges from 40 to 65 ms", 12));
  CHECK_FALSE(ChangeFromBefore("anywhere from 2 to 5", 14));
  CHECK_FALSE(ChangeFromBefore("wherefrom 40", 10));  // "from" inside a word
  CHECK_FALSE(ChangeFromBefore("from40", 4));          // nothing between: no word before the number
  CHECK_FALSE(ChangeFromBefore("40 to 65", 0));
  CHECK_FALSE(ChangeFromBefore("東京から 40", 13));
}

TEST_CASE("the second number of from A to B starts after to", "[quantity][quantity_change]") {
  CHECK(EnglishToEnd("from 40 to 65 ms", 7) == 11);
  CHECK(EnglishToEnd("from 40 TO   65", 7) == 13);
  CHECK(EnglishToEnd("40to 65", 2) == std::string_view::npos);  // "to" must follow a blank
  CHECK(EnglishToEnd("40 toward 65", 2) == std::string_view::npos);
  CHECK(EnglishToEnd("40 から 65", 2) == std::string_view::npos);
}

TEST_CASE("an English plural is its unit's name and an s", "[quantity][quantity_change]") {
  UnitDef cluster;
  cluster.unit = "cluster";
  UnitDef center;
  center.unit = "data center";
  const auto entry = [](std::string text) {
    LexEntry e;
    e.text = std::move(text);
    return e;
  };
  CHECK(IsEnglishPlural(entry("clusters"), cluster));
  CHECK(IsEnglishPlural(entry("Clusters"), cluster));
  CHECK(IsEnglishPlural(entry("data centers"), center));
  CHECK_FALSE(IsEnglishPlural(entry("cluster"), cluster));
  CHECK_FALSE(IsEnglishPlural(entry("clustery"), cluster));
  CHECK_FALSE(IsEnglishPlural(entry("クラスタ"), cluster));
  CHECK_FALSE(IsEnglishPlural(entry("nodes"), cluster));
}

}  // namespace
}  // namespace kgx::quantity_detail
