// Segmenter with the shipped section rules: both talk header styles, keynotes, day headers,
// headings that open sections and sub-headings that do not.
#include <catch2/catch.hpp>

#include "extractor/normalizer.h"
#include "extractor/rule_file.h"
#include "extractor/segmenter.h"

namespace {

struct Segmented {
  kgx::NormalizedText normalized;
  kgx::Segmentation segmentation;
  std::string Title(std::size_t i) const {
    const auto& s = segmentation.sections.at(i);
    return normalized.text.substr(s.title_begin, s.title_end - s.title_begin);
  }
  std::string Code(std::size_t i) const {
    const auto& s = segmentation.sections.at(i);
    return normalized.text.substr(s.code_begin, s.code_end - s.code_begin);
  }
};

const kgx::Segmenter& ShippedSegmenter() {
  static const std::unique_ptr<kgx::Segmenter> segmenter = [] {
    std::vector<kgx::RuleDiagnostic> diagnostics;
    auto blocks = kgx::LoadRuleDirectory(KGX_SOURCE_DIR "/rules", diagnostics);
    return kgx::Segmenter::Compile(blocks, diagnostics);
  }();
  return *segmenter;
}

Segmented Run(const std::string& text) {
  Segmented out;
  out.normalized = kgx::Normalize(text);
  out.segmentation = ShippedSegmenter().Segment(kgx::SplitLines(out.normalized.text));
  return out;
}

}  // namespace

TEST_CASE("talk headers in the 'CODE - Title' style", "[segmenter]") {
  const auto s = Run("レポートです。\nDAT303 - Deep Dive on Amazon Aurora\n- Auroraは速い\nCON310 - Running Batch Jobs\n- ECS\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kTalk);
  CHECK(s.segmentation.sections[1].line == 2);
  CHECK(s.segmentation.sections[1].end_line == 3);
  CHECK(s.Code(1) == "DAT303");
  CHECK(s.Title(1) == "Deep Dive on Amazon Aurora");
  CHECK(s.Code(2) == "CON310");
}

TEST_CASE("talk headers in the '(CODE) Title' style, full-width too", "[segmenter]") {
  const auto s = Run("メモ\n\n(BDT320) New! Streaming Data Flows\n\n  • Kinesis\n\n（ＡＲＣ３４８） Seagull: How Yelp Built It\n");
  REQUIRE(s.segmentation.sections.size() == 3);
  CHECK(s.Code(1) == "BDT320");
  CHECK(s.Title(1) == "New! Streaming Data Flows");
  CHECK(s.Code(2) == "ARC348");
  CHECK(s.Title(2) == "Seagull: How Yelp Built It");
}

TEST_CASE("keynotes, day headers and other headings open sections", "[segmenter]") {
  const auto s = Run("intro line\n2日目\nKeynote Day2 - Werner Vogels\n- 発表\nJapan Night\n懇親会に参加しました。\n");
  REQUIRE(s.segmentation.sections.size() == 4);
  CHECK(s.segmentation.sections[1].kind == kgx::SectionKind::kOther);
  CHECK(s.Title(1) == "2日目");
  CHECK(s.segmentation.sections[2].kind == kgx::SectionKind::kKeynote);
  CHECK(s.Title(2) == "Keynote Day2 - Werner Vogels");
  CHECK(s.segmentation.sections[3].kind == kgx::SectionKind::kOther);
  CHECK(s.Title(3) == "Japan Night");
}

TEST_CASE("a sub-heading over bullets stays inside its talk", "[segmenter]") {
  const auto s = Run("DAT320 - AWS Database State of the Union\n概要です。\nRDB\n- RDS\nBig Data\n-\nRedshift : $1,000/TB/year\n");
  REQUIRE(s.segmentation.sections.size() == 1);
  CHECK(s.segmentation.sections[0].end_line == 7);
}

TEST_CASE("lines that are sentences, link bars or continuations are not headings", "[segmenter]") {
  const auto s = Run("ARC301 - SaaS on AWS\n公式 | SlideShare | YouTube\n説明です。\n- デモは失敗、\nmbox hogehoge\nという社内コマンド\n技術メモです\nその後\n夕方はブースを回りました。\n");
  REQUIRE(s.segmentation.sections.size() == 2);
  CHECK(s.Title(1) == "その後");
}

TEST_CASE("the event comes from the [event] rules", "[segmenter]") {
  CHECK(Run("この記事は re:Invent2016参加レポート(1) の続きです。\n").segmentation.event == "AWS re:Invent 2016");
  CHECK(Run("# AWS Summit Tokyo 2018 メモ\n").segmentation.event == "AWS Summit Tokyo 2018");
  CHECK(Run("ただのメモ\n").segmentation.event.empty());
}
