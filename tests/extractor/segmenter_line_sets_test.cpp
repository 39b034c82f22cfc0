// Segmenter line sets: header patterns anchored at the line's start or not, with alternatives
// at the top or inside groups and classes, all find their headers; the event is the title's, else
// the first event pattern's, wherever its line is.
#include <catch2/catch.hpp>

#include "extractor/normalizer.h"
#include "extractor/rule_file.h"
#include "extractor/segmenter.h"

namespace {

constexpr const char* kRules = R"(
[section talk]
^(?P<code>[A-Z]{3}[0-9]{3}) [-|] (?P<title>.+)$
Session (?P<code>[A-Z]{2}[0-9]{2}): (?P<title>.+)
^Talk: (?P<title>.+)|Vortrag: (?P<title2>.+)
[section keynote]
^[[:alpha:]]+ (?P<title>[Kk]eynote.*)$
[event]
(?i)re:invent (?P<year>20[0-9]{2}) => re:Invent $year
(?i)summit (?P<city>[a-z]+) (?P<year>20[0-9]{2}) => Summit $city $year
)";

const kgx::Segmenter& TestSegmenter() {
  static const std::unique_ptr<kgx::Segmenter> segmenter = [] {
    std::vector<kgx::RuleDiagnostic> diagnostics;
    return kgx::Segmenter::Compile(kgx::ParseRuleText(kRules, "test.rules", diagnostics), diagnostics);
  }();
  return *segmenter;
}

kgx::Segmentation Run(const std::string& text, kgx::NormalizedText& normalized) {
  normalized = kgx::Normalize(text);
  return TestSegmenter().Segment(kgx::SplitLines(normalized.text));
}

// "kind:line:code" for each section.
std::vector<std::string> Sections(const std::string& text) {
  kgx::NormalizedText normalized;
  std::vector<std::string> out;
  for (const auto& s : Run(text, normalized).sections) {
    out.push_back(std::string(kgx::SectionKindName(s.kind)) + ":" + std::to_string(s.line) + ":" +
                  normalized.text.substr(s.code_begin, s.code_end - s.code_begin));
  }
  return out;
}

std::string Event(const std::string& text) {
  kgx::NormalizedText normalized;
  return Run(text, normalized).event;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("header patterns find their headers whether anchored at the start or not", "[segmenter]") {
  CHECK(Sections("notes\nDAT303 | Aurora\n- fast\n中で Session AB12: Lambda\n- cold\n") ==
        V{"other:1:", "talk:2:DAT303", "talk:4:AB12"});
  CHECK(Sections("notes\nTalk: Aurora\n- x\nein Vortrag: Lambda\n- y\nx Talk: no\n") ==
        V{"other:1:", "talk:2:", "talk:4:"});
  CHECK(Sections("notes\nAWS Keynote day one\n- x\n- AWS Keynote\n") == V{"other:1:", "keynote:2:"});
}

TEST_CASE("the event is the first event pattern's, even when a later pattern matches earlier lines",
          "[segmenter]") {
  CHECK(Event("memo\nSummit Tokyo 2018\nre:Invent 2016 recap\nre:Invent 2017\n") == "re:Invent 2016");
  // but the title's event is the document's, whatever its pattern: a report of one event that
  // names another later on ("次回は …")
  CHECK(Event("Summit Tokyo 2018\nmemo\nre:Invent 2016 recap\nre:Invent 2017\n") == "Summit Tokyo 2018");
  CHECK(Event("---\ntitle: Summit Tokyo 2018\n---\nre:Invent 2016 recap\n") == "Summit Tokyo 2018");
  CHECK(Event("re:Invent 2019\nSummit Tokyo 2018\nre:Invent 2020\n") == "re:Invent 2019");
  CHECK(Event("memo\nSummit Osaka 2021 and Summit Tokyo 2022\n") == "Summit Osaka 2021");
  CHECK(Event("memo\n").empty());
}
