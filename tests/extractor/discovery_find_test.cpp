// Discovery::Find on its own: names in Japanese, English and full-width lines, and nothing from a
// blank line, which is not even read (every name a pattern could take there trims to nothing).
#include <catch2/catch.hpp>

#include <string>

#include "extractor/discovery.h"
#include "extractor/normalizer.h"
#include "extractor/rule_file.h"

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
