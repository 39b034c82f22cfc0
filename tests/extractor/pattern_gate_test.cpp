// PatternGate and GateTable (pattern_gate.h): a relation pattern's block kinds, @where and mention
// needs folded into bits, and the rows of bits of many patterns, give the same answer as the
// options and needs they come from, for every place, mention count and set of types of a line.
#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extractor/pattern_gate.h"
#include "extractor/rule_file.h"

namespace {

std::unique_ptr<kgx::BlockOptions> Options(const std::vector<std::string>& lines) {
  kgx::RuleBlock block{"relation", "uses", {"test.rules", 1, 1}, {}};
  std::size_t at = 2;
  for (const std::string& line : lines) block.lines.push_back({line, {"test.rules", at++, 1}});
  auto options = std::make_unique<kgx::BlockOptions>();
  std::vector<kgx::RuleDiagnostic> diagnostics;
  REQUIRE(kgx::ParseBlockOptions(block, *options, diagnostics));
  return options;
}

// Whether the gate agrees with the options and needs everywhere.
void CheckAgrees(const std::unique_ptr<kgx::BlockOptions>& owned, const std::string& pattern) {
  const kgx::BlockOptions& options = *owned;
  const kgx::MentionNeeds needs = kgx::NeedsOf(pattern);
  const kgx::PatternGate gate(options, needs);
  for (const kgx::SectionKind kind : {kgx::SectionKind::kTalk, kgx::SectionKind::kKeynote, kgx::SectionKind::kOther}) {
    for (std::size_t line = 0; line < 3; ++line) {
      for (std::size_t mentions = 0; mentions < 5; ++mentions) {
        for (kgx::TypeMask types = 0; types <= kgx::kAnyType; ++types) {
          const bool expected = options.kinds[kgx::KindIndex(kind)] && kgx::LineInScope(options, line) && needs.SatisfiedBy(mentions, types);
          INFO(pattern << " kind " << kgx::KindIndex(kind) << " line " << line << " mentions " << mentions << " types " << types);
          CHECK(gate.Lets(kgx::PatternGate::Place(kind, line), mentions, types) == expected);
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("a pattern gate answers as its block's kinds, @where and needs", "[relations][gate]") {
  CheckAgrees(Options({"@where body", "@section talk, keynote"}), "{subject:company}は{object:technology}を使っています");
  CheckAgrees(Options({"@where header"}), "(?i:\\bpowered\\s+by)\\s+{object:aws_service|technology}");
  CheckAgrees(Options({}), "{objects:technology}に移行");
  CheckAgrees(Options({"@section other"}), "{person}さんが{object:company}で登壇");
}

TEST_CASE("a pattern gate turns away lines without the mentions a pattern needs", "[relations][gate]") {
  const kgx::TypeMask company = kgx::TypeBit(kgx::EntityType::kCompany);
  const kgx::TypeMask technology = kgx::TypeBit(kgx::EntityType::kTechnology);
  const kgx::PatternGate japanese(*Options({"@where body"}), kgx::NeedsOf("{subject:company}は{object:technology}を採用"));
  const unsigned body = kgx::PatternGate::Place(kgx::SectionKind::kTalk, 3);
  CHECK(japanese.Lets(body, 2, company | technology));
  CHECK_FALSE(japanese.Lets(body, 2, technology));           // no company for the subject
  CHECK_FALSE(japanese.Lets(body, 1, company | technology)); // one mention cannot be both
  CHECK_FALSE(japanese.Lets(kgx::PatternGate::Place(kgx::SectionKind::kTalk, 0), 2, company | technology));  // the header
  const kgx::PatternGate english(*Options({"@section keynote"}), kgx::NeedsOf("(?i:\\bbuilt\\s+on)\\s+{object:aws_service}"));
  const kgx::TypeMask aws = kgx::TypeBit(kgx::EntityType::kAwsService);
  CHECK(english.Lets(kgx::PatternGate::Place(kgx::SectionKind::kKeynote, 0), 1, aws));
  CHECK_FALSE(english.Lets(kgx::PatternGate::Place(kgx::SectionKind::kTalk, 0), 1, aws));  // a talk: not its kind
  CHECK_FALSE(english.Lets(kgx::PatternGate::Place(kgx::SectionKind::kKeynote, 0), 1, technology));
}

TEST_CASE("a gate table's rows hold what each gate says for every kind of line", "[relations][gate]") {
  std::vector<std::unique_ptr<kgx::BlockOptions>> owned;
  std::vector<kgx::PatternGate> gates;
  const std::vector<std::pair<std::vector<std::string>, std::string>> blocks = {
      {{"@where body"}, "{subject:company}は{object:technology}を使っています"},
      {{"@where header", "@section keynote"}, "(?i:\\bpowered\\s+by)\\s+{object:aws_service|technology}"},
      {{}, "{company}と{person}が{object:technology}から{technology}へ移行"},
      {{"@section other"}, "(?i:\\bat)\\s+{object:company}"}};
  // Past 64 gates a row takes a second word.
  for (int copy = 0; copy < 20; ++copy) {
    for (const auto& [lines, pattern] : blocks) {
      owned.push_back(Options(lines));
      gates.emplace_back(*owned.back(), kgx::NeedsOf(pattern));
    }
  }
  const kgx::GateTable table(gates);
  for (unsigned place = 0; place < kgx::PatternGate::kPlaces; ++place) {
    for (std::size_t mentions = 0; mentions < 7; ++mentions) {
      for (kgx::TypeMask types = 0; types <= kgx::kAnyType; ++types) {
        const std::uint64_t* row = table.Row(place, mentions, types);
        for (std::size_t p = 0; p < gates.size(); ++p) {
          INFO("place " << place << " mentions " << mentions << " types " << types << " gate " << p);
          CHECK(kgx::GateTable::Lets(row, p) == gates[p].Lets(place, mentions, types));
        }
      }
    }
  }
  // A line with a company and a technology in a talk's body lets the Japanese pattern through, not the header-only one.
  const std::uint64_t* body = table.Row(kgx::PatternGate::Place(kgx::SectionKind::kTalk, 2), 2,
                                        kgx::TypeBit(kgx::EntityType::kCompany) | kgx::TypeBit(kgx::EntityType::kTechnology));
  CHECK(kgx::GateTable::Lets(body, 0));
  CHECK_FALSE(kgx::GateTable::Lets(body, 1));
  CHECK_FALSE(kgx::GateTable::Lets(body, 2));  // three mentions needed
  CHECK_FALSE(kgx::GateTable::Lets(body, 3));  // other sections only
}
