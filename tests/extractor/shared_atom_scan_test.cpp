// The gazetteer's scan that also finds discovery's atoms (Gazetteer::Compile's `shared`): both
// consumers get exactly what scans of their own give, on Japanese, English, full-width text and
// stray bytes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "extractor/discovery.h"
#include "extractor/gazetteer.h"
#include "extractor/normalizer.h"
#include "extractor/pattern_prefilter.h"
#include "extractor/rule_file.h"
#include "extractor/segmenter.h"

namespace {

using namespace std::string_literals;

constexpr const char* kGazetteer = R"(
[gazetteer company]
Acme | アクメ
Zorq Systems {case}
[gazetteer technology]
Kubernetes | k8s
)";

constexpr const char* kDiscovery = R"(
[discover company]
(?P<name>[A-Z][A-Za-z]+)社
(?P<name>[A-Z][a-z]+) Inc\.
[discover person]
(?P<name>[A-Z][a-z]+|\p{Han}+)さんの
(?i)joined by (?P<name>[A-Z][a-z]+)
[discover technology]
(?P<name>[A-Z][a-z]+)を導入
)";

const std::vector<std::string> kTexts = {
    "Acme社の田中さんのチームは Kubernetes を導入した。\nZorq Systems と Zorqco社\n",
    "We were JOINED BY Alice from Globex Inc. yesterday; zorq systems uses k8s.\n",
    "Ｆｏｏ社とＡｃｍｅ、ＫＵＢＥＲＮＥＴＥＳを導入\n全角の Ｂｏｂさんの話\n",
    // (a literal with ""s keeps its NUL byte and knows its own length)
    "Acme\xff\xfe社 Bad\xc3(bytes) Kubernetes\x80を導入 joined\x00 by Carol\n"s,
    "",
};

std::string Describe(const std::vector<kgx::DiscoveredName>& names, std::string_view line) {
  std::string out;
  for (const auto& name : names) out += std::string(line.substr(name.begin, name.end - name.begin)) + "|";
  return out;
}

std::string Describe(const std::vector<kgx::AliasMatch>& matches) {
  std::string out;
  for (const auto& m : matches) out += std::to_string(m.begin) + "-" + std::to_string(m.end) + ":" + std::to_string(m.entity) + "|";
  return out;
}

struct Rules {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  std::unique_ptr<kgx::Discovery> discovery;
  std::unique_ptr<kgx::Gazetteer> shared, alone;
  Rules() {
    discovery = kgx::Discovery::Compile(kgx::ParseRuleText(kDiscovery, "d.rules", diagnostics), diagnostics);
    const auto blocks = kgx::ParseRuleText(kGazetteer, "g.rules", diagnostics);
    shared = kgx::Gazetteer::Compile(blocks, diagnostics, [&] { return discovery->ScannedAtoms(); });
    alone = kgx::Gazetteer::Compile(blocks, diagnostics);
  }
};

}  // namespace

TEST_CASE("one scan gives the gazetteer and discovery what their own scans give", "[gazetteer][discovery]") {
  Rules rules;
  REQUIRE(rules.discovery);
  REQUIRE(rules.shared);
  REQUIRE(rules.alone);
  REQUIRE_FALSE(rules.discovery->ScannedAtoms().empty());
  for (const std::string& source : kTexts) {
    INFO("text: " << source);
    const kgx::NormalizedText text = kgx::Normalize(source);
    std::vector<kgx::LiteralHit> hits;
    const auto [matches, found] = rules.shared->Scan(text, hits);
    CHECK(found == !text.folded.empty());
    CHECK(Describe(matches) == Describe(rules.alone->Scan(text)));
    CHECK(Describe(rules.shared->Scan(text)) == Describe(rules.alone->Scan(text)));
    const kgx::TextAtoms own = rules.discovery->FindAtoms(text.text);
    const kgx::TextAtoms from_shared = rules.discovery->AtomsFrom(text.text, hits);
    for (const kgx::LineView& line : kgx::SplitLines(text.text)) {
      INFO("line: " << line.text);
      const std::string expected = Describe(rules.discovery->Find(line.text), line.text);
      CHECK(Describe(rules.discovery->Find(line.text, &own), line.text) == expected);
      CHECK(Describe(rules.discovery->Find(line.text, &from_shared), line.text) == expected);
    }
  }
}

TEST_CASE("the shared scan finds names in Japanese, English and full-width lines", "[gazetteer][discovery]") {
  // Guards the comparison above against both sides finding nothing.
  Rules rules;
  const kgx::NormalizedText text = kgx::Normalize(kTexts[0] + kTexts[1] + kTexts[2]);
  std::vector<kgx::LiteralHit> hits;
  const auto [matches, found] = rules.shared->Scan(text, hits);
  REQUIRE(found);
  CHECK(matches.size() >= 6);
  const kgx::TextAtoms atoms = rules.discovery->AtomsFrom(text.text, hits);
  std::string names;
  for (const kgx::LineView& line : kgx::SplitLines(text.text)) names += Describe(rules.discovery->Find(line.text, &atoms), line.text);
  CHECK(names.find("田中|") != std::string::npos);
  CHECK(names.find("Alice|") != std::string::npos);
  CHECK(names.find("Globex|") != std::string::npos);
  CHECK(names.find("Foo|") != std::string::npos);
  CHECK(names.find("Bob|") != std::string::npos);
  // No names from atoms that are not there: a line without a marker gives none.
  const kgx::NormalizedText plain = kgx::Normalize("Acme and Kubernetes only\n");
  const auto [plain_matches, plain_found] = rules.shared->Scan(plain, hits);
  CHECK(plain_found);
  CHECK(plain_matches.size() == 2);
  const kgx::TextAtoms none = rules.discovery->AtomsFrom(plain.text, hits);
  CHECK(rules.discovery->Find(plain.text.substr(0, plain.text.size() - 1), &none).empty());
}

TEST_CASE("shared literals are reported by where they end and never taken for aliases", "[gazetteer]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto gazetteer = kgx::Gazetteer::Compile(kgx::ParseRuleText(kGazetteer, "g.rules", diagnostics), diagnostics,
                                                 [] { return std::vector<std::string>{"の", "acme", "ed"}; });
  REQUIRE(gazetteer);
  const kgx::NormalizedText text = kgx::Normalize("ACME の joined\n");
  std::vector<kgx::LiteralHit> hits;
  const auto [matches, found] = gazetteer->Scan(text, hits);
  REQUIRE(found);
  REQUIRE(matches.size() == 1);  // Acme, once, as the gazetteer's alias
  CHECK(matches[0].begin == 0);
  CHECK(matches[0].end == 4);
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.end != b.end ? a.end < b.end : a.id < b.id; });
  const std::vector<kgx::LiteralHit> expected = {{1, 4}, {0, 8}, {2, 15}};
  CHECK(hits == expected);
}

TEST_CASE("a gazetteer without shared literals leaves the atoms to their owner", "[gazetteer]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto blocks = kgx::ParseRuleText(kGazetteer, "g.rules", diagnostics);
  const kgx::NormalizedText text = kgx::Normalize("Acme の社\n");
  std::vector<kgx::LiteralHit> hits{{0, 1}};
  const auto alone = kgx::Gazetteer::Compile(blocks, diagnostics);
  CHECK_FALSE(alone->Scan(text, hits).second);
  CHECK(hits.empty());
  // Asked, but given nothing to share.
  const auto empty = kgx::Gazetteer::Compile(blocks, diagnostics, [] { return std::vector<std::string>(); });
  CHECK_FALSE(empty->Scan(text, hits).second);
  CHECK(empty->Scan(text).size() == 1);
}

TEST_CASE("the prefilter shares only atoms a scan of the folded text finds as its own scan does", "[prefilter]") {
  const auto prefilter = kgx::PatternPrefilter::Build({"Widget社", "(?i)joined by (\\w+)"}, 8 << 20);
  const std::vector<std::string> atoms = prefilter->ScannedAtoms();
  REQUIRE_FALSE(atoms.empty());
  for (const std::string& atom : atoms) CHECK(kgx::Normalize(atom).folded == atom);
  // A prefilter that gates by RE2::Set (an atom with case outside ASCII) shares nothing.
  const auto gated = kgx::PatternPrefilter::Build({"Élan社"}, 8 << 20);
  CHECK(gated->ScannedAtoms().empty());
}
