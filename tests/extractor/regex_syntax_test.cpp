// Readers of RE2 pattern syntax shared by the fast paths.
#include <catch2/catch.hpp>

#include <string_view>

#include "extractor/regex_syntax.h"

TEST_CASE("a class ends at its closing bracket, past escapes, a leading bracket and named classes", "[regex_syntax]") {
  constexpr auto kNone = std::string_view::npos;
  CHECK(kgx::RegexClassEnd("[abc]d", 0) == 4);
  CHECK(kgx::RegexClassEnd("x[^]a]", 1) == 5);
  CHECK(kgx::RegexClassEnd("[]a]", 0) == 3);
  CHECK(kgx::RegexClassEnd(R"([\]\\]x)", 0) == 5);
  CHECK(kgx::RegexClassEnd("[[:alpha:]_]+", 0) == 11);
  CHECK(kgx::RegexClassEnd("[、。]", 0) == 7);
  CHECK(kgx::RegexClassEnd("[abc", 0) == kNone);
  CHECK(kgx::RegexClassEnd("[[:alpha]", 0) == kNone);
}
