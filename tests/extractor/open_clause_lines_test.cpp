// A line that ends with けど (けれど, けども, けれども) is a clause, never a heading, and the line that
// finishes it is none either (segmenter.cpp's LeavesClauseOpen, with the [section not_heading] rule for
// the clause itself), as after a line that ends with a comma. Japanese and English lines, both ways.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::SectionTitles;

}  // namespace

TEST_CASE("a line ending with けど and the line that finishes it are prose", "[open_clause_lines]") {
  const auto titles = SectionTitles("# 雑記\n\nAurora 使ってるけど\nコストが高い\n\nEKS を検討してるけど、\nまだ決まってない\n\nTerraform で書いてるけれど\n");
  CHECK(titles == std::set<std::string>{"雑記"});
  CHECK(SectionTitles("# 雑記\n\n悪くないけども\n") == std::set<std::string>{"雑記"});
  // a phone's laugh or a final particle after it
  CHECK(SectionTitles("# 雑記\n\nAurora 高いけど笑\n\nEKS いいけどね\n\n本文です。長い説明が続きます。\n") == std::set<std::string>{"雑記"});
  // English prose with a comma is prose too, as before
  CHECK(SectionTitles("# Notes\n\nWe tried Aurora,\nbut it was slow\n") == std::set<std::string>{"Notes"});
}

TEST_CASE("a short line after a finished one is still a heading", "[open_clause_lines]") {
  // negative: a heading that holds けど inside, not at its end, and a heading after a sentence
  CHECK(SectionTitles("# 雑記\n\nけど言語の話\n\n本文です。長い説明が続きます。\n").count("けど言語の話") == 1);
  CHECK(SectionTitles("# 雑記\n\nAurora を使った。\n\nコスト\n\n本文です。長い説明が続きます。\n").count("コスト") == 1);
  CHECK(SectionTitles("# Notes\n\nWe tried Aurora.\n\nCosts\n\nThe bill went up a lot this month.\n").count("Costs") == 1);
}
