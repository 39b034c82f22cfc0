// RequiredMentions: a lower bound on the mentions a relation pattern needs, never above it.
#include <catch2/catch.hpp>

#include "extractor/required_mentions.h"

using kgx::RequiredMentions;

TEST_CASE("placeholders count unless something may skip them", "[relations][required]") {
  CHECK(RequiredMentions(R"({object:company}\s*社?\s*の中の人)") == 1);
  CHECK(RequiredMentions(R"({subject:company}\s*は\s*{object:any}\s*を\s*{=use_verb})") == 2);
  CHECK(RequiredMentions(R"(から\s*{objects:aws_service|technology}(?:\s+{aws_service|technology})?\s*に)") == 1);
  CHECK(RequiredMentions(R"({object:technology}(?:\s*{=separator}\s*{technology})*)") == 1);
  CHECK(RequiredMentions(R"({object:technology}{aws_service}?)") == 1);
  CHECK(RequiredMentions(R"({object:technology}(?:x{technology}){0,2})") == 1);
  CHECK(RequiredMentions(R"((?:{object:company}|{object:person})\s*の方)") == 0);
  CHECK(RequiredMentions(R"({object:company}\s*:|{object:person}\s*:)") == 0);
  CHECK(RequiredMentions(R"((?P<objects>{aws_service}(?:\s*->\s*{aws_service})+))") == 2);
  CHECK(RequiredMentions(R"({subject:company}.*{each:technology})") == 1);
}

TEST_CASE("braces and parentheses that are not placeholders or groups are passed over", "[relations][required]") {
  CHECK(RequiredMentions(R"([^\s。、\x{E000}\x{E001}]{1,8}の\s*{object:technology})") == 1);
  CHECK(RequiredMentions(R"([(（]\s*{object:company}\s*[)）]\s*$)") == 1);
  CHECK(RequiredMentions(R"(\p{Han}{1,4}\({object:company}\))") == 1);
  CHECK(RequiredMentions(R"([{}()|]{object:company})") == 1);
  CHECK(RequiredMentions(R"(\{not\} {object:company})") == 1);
  CHECK(RequiredMentions("") == 0);
}
