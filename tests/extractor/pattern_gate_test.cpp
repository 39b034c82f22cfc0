// PatternGate (pattern_gate.h): a relation pattern's block kinds, @where and mention needs folded
// into bits give the same answer as the options and needs they come from, for every place,
// mention count and set of types a line can have.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
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
