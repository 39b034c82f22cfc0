// Who a co-presented talk's story belongs to: a platform vendor (`@platform` of a presented_by
// block) that presents a talk about its services beside another company hosts the other's story,
// which is then the presenter of the talk's subjectless relations. The option on its own rules,
// then whole extraction with the shipped rules, Japanese and English, positive and negative.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extractor/pattern_defines.h"
#include "extractor/relation_options.h"
#include "extractor/relation_rules.h"
#include "extractor/rule_file.h"
#include "tests/extractor/extract_support.h"
#include "tests/extractor/written_mentions.h"

namespace {

using kgx::SectionKind;
using kgx::testing::RelationsIn;
using Strings = std::vector<std::string>;

// Speaker lines "Name, Job, Company" present a talk; a company called AWS or Amazon Web Services
// is a platform vendor whose services are aws_service mentions.
constexpr const char* kRules = R"([relation presented_by]
@section talk, keynote
@platform aws_service AWS|Amazon Web Services
^{person}, [A-Za-z ]+, {object:company}$

[relation uses]
{object:aws_service|technology}を使う
)";

std::unique_ptr<kgx::RelationRules> CompileRules(const std::string& text, std::vector<kgx::RuleDiagnostic>& diagnostics) {
  std::vector<kgx::RuleBlock> blocks = kgx::ParseRuleText(text, "test.rules", diagnostics);
  kgx::ExpandPatternDefines(blocks, diagnostics);
  return kgx::RelationRules::Compile(blocks, diagnostics);
}

// "subject predicate object" for each relation of a section whose lines are written with their
// mentions bracketed ("[c:AWS]", see written_mentions.h); lines[0] is the header. With
// `canonical`, the section names each mention by it (as the extractor does), else by its text.
Strings Relations(SectionKind kind, const Strings& lines, const std::string& canonical = "") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto rules = CompileRules(kRules, diagnostics);
  REQUIRE(rules);
  std::vector<kgx::test::WrittenLine> written;
  for (const std::string& line : lines) written.push_back(kgx::test::ReadWritten(line));
  kgx::RelationSection section;
  section.kind = kind;
  for (const kgx::test::WrittenLine& line : written) {
    std::vector<kgx::TypedMention> mentions;
    for (const auto& m : line.mentions) mentions.push_back({m.begin, m.end, m.type});
    section.lines.push_back({line.text, std::move(mentions)});
  }
  const auto name = [&](const kgx::MentionRef& ref) -> std::string {
    if (ref.IsSection()) return "<section>";
    return written[static_cast<std::size_t>(ref.line)].mentions[static_cast<std::size_t>(ref.mention)].name;
  };
  if (!canonical.empty()) {
    section.name_of = [&](int line, int mention) -> std::string_view {
      return name({line, mention}) == canonical ? std::string_view("Amazon Web Services") : std::string_view("Other");
    };
  }
  Strings out;
  for (const kgx::SectionRelation& r : rules->ApplySection(section)) out.push_back(name(r.subject) + " " + r.predicate + " " + name(r.object));
  std::sort(out.begin(), out.end());
  return out;
}

// The subjects of `predicate` relations to `object` in a whole extraction of `text`.
std::set<std::string> SubjectsOf(const std::string& text, const std::string& predicate, const std::string& object) {
  std::set<std::string> out;
  const std::string tail = " " + predicate + " " + object;
  for (const std::string& r : RelationsIn(text)) {
    if (r.size() > tail.size() && r.compare(r.size() - tail.size(), tail.size(), tail) == 0) out.insert(r.substr(0, r.size() - tail.size()));
  }
  return out;
}

}  // namespace

namespace {

// Speaker lines of the vendor's architect and of a customer's engineer.
const std::string kVendorSpeaker = "[p:Lena Fischer], Principal SA, [c:AWS]";
const std::string kCustomerSpeaker = "[p:Marcus Oyelaran], Staff Engineer, [c:Brambleway]";
const Strings kBothPresent = {"<section> presented_by AWS", "<section> presented_by Brambleway"};

// kBothPresent and then `relation`, sorted as Relations gives them.
Strings BothPresentAnd(const std::string& relation) {
  Strings out = kBothPresent;
  out.push_back(relation);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a platform vendor listed first hosts the other presenting company's story", "[relations][platform]") {
  const std::string use = "[a:Amazon EventBridge]を使う";
  // the customer's use is the customer's, whichever speaker comes first; both still present the talk
  CHECK(Relations(SectionKind::kTalk, {"SVS401", kVendorSpeaker, kCustomerSpeaker, use}) ==
        BothPresentAnd("Brambleway uses Amazon EventBridge"));
  CHECK(Relations(SectionKind::kTalk, {"SVS401", kCustomerSpeaker, kVendorSpeaker, use}) ==
        BothPresentAnd("Brambleway uses Amazon EventBridge"));
  // the vendor is told by its canonical name when the section gives one ("AWSジャパン" is Amazon Web Services)
  CHECK(Relations(SectionKind::kTalk, {"SVS401", "[p:Lena Fischer], Principal SA, [c:AWSジャパン]", kCustomerSpeaker, use},
                  "AWSジャパン") ==
        Strings{"<section> presented_by AWSジャパン", "<section> presented_by Brambleway", "Brambleway uses Amazon EventBridge"});
}

TEST_CASE("a platform vendor stays the presenter alone, off its services or on its keynote stage", "[relations][platform]") {
  const std::string use = "[a:Amazon EventBridge]を使う";
  // alone: the vendor's own session
  CHECK(Relations(SectionKind::kTalk, {"SVS401", kVendorSpeaker, use}) ==
        Strings{"<section> presented_by AWS", "AWS uses Amazon EventBridge"});
  // beside another company in a talk that names none of the vendor's services
  CHECK(Relations(SectionKind::kTalk, {"K8S301", kVendorSpeaker, kCustomerSpeaker, "[t:Kubernetes]を使う"}) ==
        BothPresentAnd("AWS uses Kubernetes"));
  // a keynote is the vendor's stage, guests or not
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", kVendorSpeaker, kCustomerSpeaker, use}) ==
        BothPresentAnd("AWS uses Amazon EventBridge"));
  // a canonical name that is not the vendor's keeps the earliest company, whatever its text
  CHECK(Relations(SectionKind::kTalk, {"SVS401", kVendorSpeaker, kCustomerSpeaker, use}, "Brambleway") ==
        BothPresentAnd("AWS uses Amazon EventBridge"));
}

TEST_CASE("@platform reads the types of the vendor's services and a pattern, in presented_by blocks only", "[relations][platform][options]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  REQUIRE(CompileRules(kRules, diagnostics));
  CHECK(diagnostics.empty());
  const auto messages = [](const std::string& text) {
    std::vector<kgx::RuleDiagnostic> found;
    CHECK_FALSE(CompileRules(text, found));
    Strings out;
    for (const kgx::RuleDiagnostic& d : found) out.push_back(d.message);
    return out;
  };
  CHECK(messages("[relation presented_by]\n@platform gadget AWS\n{object:company}\n") ==
        Strings{"bad @platform type 'gadget' (expected aws_service, company, person or technology)"});
  CHECK(messages("[relation presented_by]\n@platform aws_service\n{object:company}\n") ==
        Strings{"@platform needs the types of the vendor's services and a pattern (@platform aws_service AWS)"});
  CHECK(messages("[relation presented_by]\n@platform aws_service (AWS\n{object:company}\n").size() == 1);
  CHECK(messages("[relation uses]\n@platform aws_service AWS\n{object:technology}を使う\n") ==
        Strings{"@platform is an option of [relation presented_by] blocks"});
}

TEST_CASE("shipped rules: a customer's move told in a talk it gives with AWS is the customer's", "[relations][platform]") {
  // English session catalog: AWS's architect listed first
  const std::string catalog =
      "Building event-driven order pipelines with Amazon EventBridge\n"
      "Session ID: SVS401\n"
      "Speakers:\n"
      "Lena Fischer, Principal Solutions Architect, Amazon Web Services Japan\n"
      "Marcus Oyelaran, Staff Engineer, Brambleway\n"
      "Abstract:\n"
      "In this session, learn how they moved from a self-managed RabbitMQ cluster to Amazon EventBridge.\n";
  CHECK(SubjectsOf(catalog, "migrated_from", "technology/rabbitmq") == std::set<std::string>{"company/brambleway"});
  CHECK(SubjectsOf(catalog, "presented_by", "company/amazon-web-services") == std::set<std::string>{"<section>"});
  CHECK(SubjectsOf(catalog, "presented_by", "company/brambleway") == std::set<std::string>{"<section>"});
  // Japanese: the two companies in the title's closing parenthesis, and a joint session line
  const std::string joint =
      "# AWS Summit Japan 2026 メモ\n\n## SVS401 イベント駆動の受注基盤 (AWS × 株式会社ハシビロ物流)\n\n"
      "- RabbitMQ から Amazon EventBridge に移行した\n";
  CHECK(SubjectsOf(joint, "migrated_to", "aws_service/amazon-eventbridge") == std::set<std::string>{"company/ハシビロ物流"});
  CHECK(SubjectsOf(joint, "presented_by", "company/amazon-web-services") == std::set<std::string>{"<section>"});
  const std::string line = "# AWS Summit Japan 2026 メモ\n\n## SVS402 受注基盤の刷新\n\n- AWS と メルカリ の共同セッション\n"
                           "- Amazon SQS を使っている\n";
  CHECK(SubjectsOf(line, "uses", "aws_service/amazon-sqs") == std::set<std::string>{"company/mercari"});
  CHECK(SubjectsOf(line, "presented_by", "company/amazon-web-services") == std::set<std::string>{"<section>"});
  CHECK(SubjectsOf("# Summit notes\n\n## SVS403 Order pipelines\n\n- A joint session by AWS and Netflix\n- Built with Amazon SQS\n",
                   "uses", "aws_service/amazon-sqs") == std::set<std::string>{"company/netflix"});
  CHECK(SubjectsOf("# Summit notes\n\n## SVS404 Order pipelines (AWS x Netflix)\n\n- Built with Amazon SQS\n", "uses",
                   "aws_service/amazon-sqs") == std::set<std::string>{"company/netflix"});
}

TEST_CASE("shipped rules: a talk AWS gives alone keeps AWS as its presenter", "[relations][platform]") {
  CHECK(SubjectsOf("# AWS Summit Japan 2026 メモ\n\n## DAT301 DynamoDB 設計\n\n- AWS のセッション\n- Amazon SQS を使っている\n", "uses",
                   "aws_service/amazon-sqs") == std::set<std::string>{"company/amazon-web-services"});
  // a company merely named beside AWS, not presenting, leaves the talk AWS's
  CHECK(SubjectsOf("# Summit notes\n\n## SVS405 Order pipelines\n\n- AWS のセッション。Netflix の名前も出た\n- Amazon SQS を使っている\n",
                   "uses", "aws_service/amazon-sqs") == std::set<std::string>{"company/amazon-web-services"});
}
