// Discovery::Find on its own: names in Japanese, English and full-width lines, and nothing from a
// blank line, which is not even read (every name a pattern could take there trims to nothing).
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "extractor/discovery.h"
#include "extractor/normalizer.h"
#include "extractor/pattern_prefilter.h"
#include "extractor/rule_file.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace {

const kgx::Discovery& TestDiscovery() {
  static const std::unique_ptr<kgx::Discovery> discovery = [] {
    std::vector<kgx::RuleDiagnostic> diagnostics;
    const char* rules = "[discover person]\n(?P<name>[A-Z][a-z]+ [A-Z][a-z]+)\\s*(?:氏|さん)\n"
                        "(?P<name>[ \\t]+)x?\n";
    auto compiled = kgx::Discovery::Compile(kgx::ParseRuleText(rules, "test.rules", diagnostics), diagnostics);
    REQUIRE(compiled);
    return compiled;
  }();
  return *discovery;
}

std::vector<std::string> Names(const std::string& text) {
  const std::string line = kgx::Normalize(text).text;
  std::vector<std::string> out;
  for (const auto& name : TestDiscovery().Find(line)) out.push_back(line.substr(name.begin, name.end - name.begin));
  return out;
}

}  // namespace

TEST_CASE("discovery finds names in Japanese, English and full-width lines", "[discovery]") {
  CHECK(Names("Jeff Lawson 氏の講演") == std::vector<std::string>{"Jeff Lawson"});
  CHECK(Names("a talk by Raju Gulabani さん") == std::vector<std::string>{"Raju Gulabani"});
  CHECK(Names("Ｊｅｆｆ Ｌａｗｓｏｎ 氏") == std::vector<std::string>{"Jeff Lawson"});
}

TEST_CASE("a blank line holds no discovered name, even for a pattern that matches blanks", "[discovery]") {
  CHECK(Names("").empty());
  CHECK(Names("   ").empty());
  CHECK(Names(" \t ").empty());
  CHECK(Names("  x").empty());  // a match whose name trims to nothing is skipped on any line
}

TEST_CASE("discovery reports each bad pattern in order, though the prefilter compiles them", "[discovery]") {
  // The patterns' RE2 comes from the prefilter; its errors read as RE2's own, and the patterns
  // after a bad one are still checked.
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const char* rules = "[discover person]\n(?P<name>[A-Z]+)\n(unclosed\n[a-z]+ only\n(?P<name>x*)\n(?P<name>x{2000}{2000})\n";
  const auto compiled = kgx::Discovery::Compile(kgx::ParseRuleText(rules, "test.rules", diagnostics), diagnostics);
  CHECK_FALSE(compiled);
  std::vector<std::string> messages;
  for (const auto& diagnostic : diagnostics) messages.push_back(diagnostic.ToString());
  CHECK(messages == std::vector<std::string>{
                        "test.rules:3:1: error: bad pattern '(unclosed': missing ): (unclosed",
                        "test.rules:4:1: error: discovery pattern needs a (?P<name>...) group",
                        "test.rules:5:1: error: pattern '(?P<name>x*)' matches the empty string",
                        "test.rules:6:1: error: bad pattern '(?P<name>x{2000}{2000})': invalid repetition size: {2000}",
                    });
}

TEST_CASE("discovery finds in a line of a document what it finds in the line alone", "[discovery][text]") {
  // The shipped discovery rules' atoms found once per document (Extractor does so) against a scan
  // of each line: the same names, over generated Japanese and English lines.
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto discovery = kgx::Discovery::Compile(kgx::testing::ShippedFileBlocks("discovery.rules", diagnostics), diagnostics);
  REQUIRE(discovery);
  static const char* const kPieces[] = {"Intercom社の事例", "Netflixの中の人", "CEO の Andy Jassy", "Jeff Lawson 氏", " ",
                                        "Priya Natarajan, a principal engineer at Globex", "株式会社ヤマト", "の", "、", "。",
                                        "Acme Corp.", "VP of Engineering", "さん", "登壇: ", "(", ")", "Kafka", "ECS",
                                        "a tool called Foo", "という自作ツール", "github.com/org/repo", "\t", "- ", "x"};
  std::mt19937 random(31);
  std::size_t names = 0;
  for (int document = 0; document < 40; ++document) {
    std::string source;
    for (int line = 0; line < 30; ++line) {
      const int parts = static_cast<int>(random() % 8);
      for (int k = 0; k < parts; ++k) source += kPieces[random() % std::size(kPieces)];
      source += random() % 5 == 0 ? "\n\n" : "\n";
    }
    const std::string text = kgx::Normalize(source).text;
    const kgx::TextAtoms atoms = discovery->FindAtoms(text);
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      const std::string_view line = std::string_view(text).substr(begin, end - begin);
      const auto from_text = discovery->Find(line, &atoms);
      const auto alone = discovery->Find(line);
      INFO("line: " << line);
      REQUIRE(from_text.size() == alone.size());
      for (std::size_t i = 0; i < alone.size(); ++i) {
        CHECK(from_text[i].begin == alone[i].begin);
        CHECK(from_text[i].end == alone[i].end);
        CHECK(from_text[i].type == alone[i].type);
      }
      names += alone.size();
      begin = end + 1;
    }
  }
  CHECK(names > 100);
}
