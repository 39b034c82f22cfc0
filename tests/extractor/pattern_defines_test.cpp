// Shared [define NAME] pattern pieces: how {=NAME} expands in each family's patterns, and the
// located diagnostics of `kgx rules check` (unknown name, recursion, a define that does not compile),
// and the old [relation.define] spelling read as a [define] with a warning.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "extractor/pattern_defines.h"
#include "extractor/reader.h"
#include "extractor/rule_file.h"
#include "extractor/rule_set.h"

namespace {

constexpr const char* kNameWord = "[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ]+";

struct Expanded {
  std::vector<kgx::RuleBlock> blocks;
  std::vector<std::string> messages;
};

Expanded Expand(const std::string& text) {
  Expanded out;
  std::vector<kgx::RuleDiagnostic> diagnostics;
  out.blocks = kgx::ParseRuleText(text, "d.rules", diagnostics);
  kgx::ExpandPatternDefines(out.blocks, diagnostics);
  for (const auto& d : diagnostics) out.messages.push_back(d.ToString());
  return out;
}

// The lines of the first block of `kind`, after expansion.
std::vector<std::string> LinesOf(const Expanded& expanded, const std::string& kind) {
  for (const kgx::RuleBlock& block : expanded.blocks) {
    if (block.kind != kind) continue;
    std::vector<std::string> lines;
    for (const kgx::RuleLine& line : block.lines) lines.push_back(line.text);
    return lines;
  }
  return {};
}

const std::string kDefines = std::string("[define name_word]\n") + kNameWord + "\n";

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("a one-line define stands in a pattern exactly as if written out", "[pattern_defines]") {
  const auto e = Expand(kDefines + "[discover person]\n(?P<name>{=name_word}(?: {=name_word}){1,2})\\s*(?:氏|さん)\n"
                                   "[section talk]\n^##\\s+(?P<title>.+?) - {=name_word}$\n");
  CHECK(e.messages.empty());
  const std::string w(kNameWord);
  CHECK(LinesOf(e, "discover") == V{"(?P<name>" + w + "(?: " + w + "){1,2})\\s*(?:氏|さん)"});
  CHECK(LinesOf(e, "section") == V{"^##\\s+(?P<title>.+?) - " + w + "$"});
}

TEST_CASE("a define is grouped where grouping is needed", "[pattern_defines]") {
  const auto e = Expand(
      "[define honorific]\n氏\nさん\n"                   // two lines: an alternation
      "[define title]\nCEO|CTO\n"                        // a '|' outside parentheses
      "[define word]\n[a-z]+\n"
      "[define spaced]\n\\s\n"                           // ends in an escape
      "[context c]\nx{=honorific}y\nx{=title}y\n{=word}+\n{=word}{2}\n{=word}{=word}\n{=spaced}1\n");
  CHECK(e.messages.empty());
  CHECK(LinesOf(e, "context") == V{"x(?:氏|さん)y", "x(?:CEO|CTO)y", "(?:[a-z]+)+", "(?:[a-z]+){2}", "[a-z]+[a-z]+",
                                   "(?:\\s)1"});
}

TEST_CASE("a line's flags govern that line only, and a define with flags is grouped", "[pattern_defines]") {
  const auto e = Expand("[define cloud]\n(?i)aws\nGCP\n(?i:azure)\n"  // a line that starts with (?i), and (?i:…)
                        "[define on]\n(?i)on\n"                          // one line, but its flag would govern the rest
                        "[context c]\nx{=cloud}y\n{=on}y\n");
  CHECK(e.messages.empty());
  const V lines = LinesOf(e, "context");
  CHECK(lines == V{"x(?:(?:(?i)aws)|GCP|(?i:azure))y", "(?:(?:(?i)on))y"});
  REQUIRE(lines.size() == 2);
  const RE2 cloud(lines[0]), on(lines[1]);
  CHECK(RE2::FullMatch("xAWSy", cloud));
  CHECK(RE2::FullMatch("xAzurey", cloud));
  CHECK(RE2::FullMatch("xGCPy", cloud));
  CHECK_FALSE(RE2::FullMatch("xgcpy", cloud));
  CHECK_FALSE(RE2::FullMatch("xAWSY", cloud));
  CHECK(RE2::FullMatch("ONy", on));
  CHECK_FALSE(RE2::FullMatch("onY", on));
}

TEST_CASE("after expansion a define block holds its lines expanded", "[pattern_defines]") {
  const auto e = Expand(kDefines + "[define full_name]\n{=name_word} {=name_word}\n(?:氏|さん)\n");
  CHECK(e.messages.empty());
  const std::string w(kNameWord);
  REQUIRE(e.blocks.size() == 2);
  std::vector<std::string> lines;
  for (const kgx::RuleLine& line : e.blocks[1].lines) lines.push_back(line.text);
  CHECK(lines == V{w + " " + w, "(?:氏|さん)"});
  CHECK(kgx::DefineGroup(e.blocks[1]) == "(?:" + w + " " + w + "|(?:氏|さん))");
}

TEST_CASE("defines use defines, and a {= in a class or after a backslash is text", "[pattern_defines]") {
  const auto e = Expand(kDefines + "[define full_name]\n{=name_word} {=name_word}\n"
                                   "[discover person]\n(?P<name>{=full_name}) さん[{=x}]\\{=x}\n");
  CHECK(e.messages.empty());
  const std::string w(kNameWord);
  CHECK(LinesOf(e, "discover") == V{"(?P<name>" + w + " " + w + ") さん[{=x}]\\{=x}"});
}

TEST_CASE("relation blocks take every define, and [relation.define] is a define with a warning", "[pattern_defines]") {
  const auto e = Expand(kDefines + "[relation.define use_verb]\n使う\n(?i:uses?)\n"
                                   "[relation uses]\n{company}\\s*{=use_verb}\\s+{=name_word}\n@unless {=use_verb}\n");
  CHECK(e.messages == V{"d.rules:3:1: warning: [relation.define use_verb] is deprecated: write [define use_verb], "
                        "which every family reads"});
  const std::string w(kNameWord);
  CHECK(LinesOf(e, "relation") == V{"{company}\\s*(?:使う|(?i:uses?))\\s+" + w, "@unless (?:使う|(?i:uses?))"});
  CHECK(LinesOf(e, "relation.define").empty());  // read as a define from here on
  CHECK(LinesOf(e, "define").size() == 1);
}

TEST_CASE("define problems are reported with file, line and column", "[pattern_defines]") {
  CHECK(Expand("[discover person]\n  (?P<name>{=nme_word})さん\n").messages ==
        V{"d.rules:2:12: error: unknown define 'nme_word' (no [define nme_word] block)"});
  CHECK(Expand("[define a]\nx{=b}\n[define b]\n{=a}y\n").messages ==
        V{"d.rules:4:1: error: recursive define 'a' (a -> b -> a)"});
  CHECK(Expand("[define self]\n(?:{=self})\n").messages == V{"d.rules:2:4: error: recursive define 'self' (self -> self)"});
  const auto broken = Expand("[define open]\n(?:abc\n[context c]\n{=open}\n").messages;
  REQUIRE(broken.size() == 1);
  CHECK(broken[0].rfind("d.rules:2:1: error: define 'open' does not compile: ", 0) == 0);
  CHECK(Expand(kDefines + kDefines).messages ==
        V{"d.rules:3:1: error: define 'name_word' is already defined at d.rules:1:1"});
  CHECK(Expand("[relation.define verb]\n使う\n[define verb]\nuse\n").messages ==
        V{"d.rules:1:1: warning: [relation.define verb] is deprecated: write [define verb], which every family reads",
          "d.rules:3:1: error: define 'verb' is already defined at d.rules:1:1"});
  CHECK(Expand("[relation uses]\n{object:any}\\s*{=nowhere}\n@unless  {=gone}\n").messages ==
        V{"d.rules:2:16: error: unknown define 'nowhere' (no [define nowhere] block)",
          "d.rules:3:10: error: unknown define 'gone' (no [define gone] block)"});
  const auto bad = Expand("[define verb]\n使(う\n[relation uses]\n{object:any}を{=verb}\n").messages;
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].rfind("d.rules:2:1: error: define 'verb' does not compile: ", 0) == 0);
  CHECK(Expand("[define]\nx\n[define empty]\n").messages ==
        V{"d.rules:1:1: error: define needs a NAME of letters, digits and '_' (got '')",
          "d.rules:3:1: error: define 'empty' has no pattern"});
  CHECK(Expand("[section talk]\n^{=bad name}$\n").messages ==
        V{"d.rules:2:2: error: bad define name 'bad name' (letters, digits and '_')"});
}

TEST_CASE("a rule set with a broken define does not load, and a good one finds names in Japanese and English",
          "[pattern_defines]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  CHECK(kgx::RuleSet::FromBlocks(kgx::ParseRuleText("[discover person]\n(?P<name>{=nowhere})さん\n", "d.rules", diagnostics),
                                 diagnostics) == nullptr);
  diagnostics.clear();
  const auto rules = kgx::RuleSet::FromBlocks(
      kgx::ParseRuleText(kDefines + "[discover person]\n(?P<name>{=name_word} {=name_word})\\s*(?:氏|さん)\n"
                                    "(?i:written by)\\s+(?P<name>{=name_word} {=name_word})\n",
                         "d.rules", diagnostics),
      diagnostics);
  REQUIRE(rules);
  const auto people = [&](const std::string& text) {
    std::vector<kgx::Warning> warnings;
    std::vector<std::string> names;
    for (const kgx::Entity& e : kgx::Extractor(*rules).Extract(kgx::CleanSource("n.md", text, warnings)).entities) {
      names.push_back(e.name);
    }
    return names;
  };
  CHECK(people("Zoë Müller さんの発表\n") == V{"Zoë Müller"});
  CHECK(people("Written by Søren Ødegaard\n") == V{"Søren Ødegaard"});
  CHECK(people("zoë müller さんの発表\n").empty());
}
