// Marker layouts: where a relation pattern's subject and object stand among the markers of its
// match, or unknown when something before them may hold a marker. RelationRules relies on them to
// skip RE2's group run; the comparative test (relation_strategy_test) checks the result.
#include <catch2/catch.hpp>

#include "extractor/marker_layout.h"
#include "extractor/pattern_elements.h"

using kgx::LayoutOf;

TEST_CASE("a subject and an object with only particles before them are counted", "[relations][layout]") {
  const auto layout = LayoutOf(R"({subject:company}\s*(?:は|も|が|では)\s*{object:any}\s*を\s*[^、。]{0,8}使って)");
  CHECK(layout.subject == 0);
  CHECK(layout.object == 1);
  CHECK_FALSE(layout.object_list);
  // A bullet class, literals and (?i:…) groups cannot hold a marker.
  CHECK(LayoutOf(R"((?:(?:^[\s\-*+•・●◦▪■□◆◇▶>※]*)){object:company}\s*社?\s*の)").object == 0);
  CHECK(LayoutOf(R"({aws_service}\s+(?i:on)\s+{object:technology})").object == 1);
  // So does a negated class that excludes the marker characters.
  CHECK(LayoutOf(R"({object:technology}\s+is\s+used\s+by\s+(?:[^;。\x{E000}\x{E001}]{0,40}?\s)?{subject:company})").subject == 1);
}

TEST_CASE("a list object holds the markers to the end when nothing after it may hold one", "[relations][layout]") {
  const auto list = LayoutOf(R"((?i:\b(?:on|with|in|using))\s+{objects:aws_service|technology}\s*$)");
  CHECK(list.object == 0);
  CHECK(list.object_list);
  const auto written = LayoutOf(R"(^\s*(?P<objects>{technology}(?:\s*(?:,|と)\s*{technology})+)\s*[.。]?\s*$)");
  CHECK(written.object == 0);
  CHECK(written.object_list);
  // A marker may follow the list: unknown.
  CHECK(LayoutOf(R"({objects:technology}(?:\s+{technology})?\s*に移行)").object == -1);
  // A hand-written list that may end with text: unknown.
  CHECK(LayoutOf(R"((?P<objects>{technology}\s*と)\s*で)").object == -1);
}

TEST_CASE("what may hold markers before a placeholder leaves it unknown", "[relations][layout]") {
  CHECK(LayoutOf(R"({aws_service}[^.。]{0,30}?on\s+{object:technology})").object == -1);  // a negated class
  CHECK(LayoutOf(R"(.*{object:technology})").object == -1);
  CHECK(LayoutOf(R"({technology}?\s*{object:technology})").object == -1);  // a marker that may be skipped
  CHECK(LayoutOf(R"((?:{technology}\s*)+{object:technology})").object == -1);
  CHECK(LayoutOf(R"({object:company}\s*:|{object:person})").object == -1);  // an alternation
  CHECK(LayoutOf(R"([\x{E000}-\x{E001}]{object:company})").object == -1);
  CHECK(LayoutOf(R"({object:company}\s*の方)").object == 0);
}

TEST_CASE("a pattern whose every match begins with a marker gives that marker's types", "[relations][layout]") {
  using kgx::EntityType;
  using kgx::TypeBit;
  const auto leading = [](std::string_view pattern) {
    const auto elements = kgx::ReadElements(pattern);
    return elements ? kgx::LeadingMarkerTypes(*elements) : kgx::TypeMask{0};
  };
  const auto technology = TypeBit(EntityType::kTechnology), aws = TypeBit(EntityType::kAwsService);
  CHECK(leading(R"({object:aws_service|technology}\s*(?:に|には)\s*[0-9])") == (aws | technology));
  CHECK(leading(R"({subject:company}\s*は\s*{object:any}\s*を)") == TypeBit(EntityType::kCompany));
  CHECK(leading(R"({objects:technology}\s*(?:を|で))") == technology);
  CHECK(leading(R"((?P<objects>{technology}(?:\s*,\s*{aws_service})+)\s*$)") == technology);
  CHECK(leading(R"((?:{technology}|{aws_service}\s+on)\s*を)") == (aws | technology));
  // What may begin otherwise: text, a line start, a marker that may be skipped, an alternative
  // without one, {each:…}, an alternation at the top (not read).
  CHECK(leading(R"(を\s*{object:technology})") == 0);
  CHECK(leading(R"(^{object:technology})") == 0);
  CHECK(leading(R"({technology}?\s*{object:company})") == 0);
  CHECK(leading(R"((?:{technology}|より)\s*{object:company})") == 0);
  CHECK(leading(R"({each:technology})") == 0);
  CHECK(leading(R"({object:company}\s*:|を{object:person})") == 0);
}

TEST_CASE("a subject or object after which nothing may hold a marker is counted from the last marker", "[relations][layout]") {
  const auto wrapper = LayoutOf(R"({subject:company}\s*(?:は|も)[^。]*?{object:aws_service|technology}\s*(?:の)?\s*(?:ラッパー|wrapper))");
  CHECK(wrapper.subject == 0);
  CHECK(wrapper.object == -1);
  CHECK(wrapper.object_back == 0);
  const auto on = LayoutOf(R"({aws_service|technology}[^.。]{0,30}?(?i:\bon)\s+{object:aws_service|technology}\s*(?:[.。,]|$))");
  CHECK(on.object == -1);
  CHECK(on.object_back == 0);
  const auto both = LayoutOf(R"(.*{subject:company}\s*(?:の|と)\s*{object:technology}\s*を)");
  CHECK(both.subject_back == 1);
  CHECK(both.object_back == 0);
  // Counted from the start when that is known; unknown when a marker may follow.
  CHECK(LayoutOf(R"({object:company}\s*の方)").object_back == -1);
  CHECK(LayoutOf(R"(.*{object:technology}(?:\s+{technology})?\s*に)").object_back == -1);
  CHECK(LayoutOf(R"(.*{object:technology}[^。]*を)").object_back == -1);
}
