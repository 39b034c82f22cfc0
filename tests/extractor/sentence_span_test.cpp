// SentenceMarks: the sentences of a line, which bound what a quantity outside a table measures
// (quantity_measures_test.cpp tests that), in Japanese and English.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/sentence_span.h"

namespace {

std::string SentenceOf(const std::string& line, const std::string& part) {
  const std::size_t at = line.find(part);
  const kgx::SentenceBounds s = kgx::SentenceMarks(line).Around(at, at + part.size());
  return line.substr(s.begin, s.end - s.begin);
}

}  // namespace

TEST_CASE("a sentence ends after 。 or after . ! ? before a blank", "[sentence_span]") {
  const std::string ja = "バッチは cron でした。年間 8,000 万円。残りは後で";
  CHECK(SentenceOf(ja, "8,000") == "年間 8,000 万円。");
  CHECK(SentenceOf(ja, "cron") == "バッチは cron でした。");
  CHECK(SentenceOf(ja, "残り") == "残りは後で");
  const std::string en = "We ran NFS. It cost $80,000! Really? p99 was 2.3 s in v1.2";
  CHECK(SentenceOf(en, "$80,000") == " It cost $80,000!");
  CHECK(SentenceOf(en, "2.3 s") == " p99 was 2.3 s in v1.2");  // a decimal point and a version end nothing
  CHECK(SentenceOf("New!Amazon S3 is 90% cheaper", "90%") == "New!Amazon S3 is 90% cheaper");
  CHECK(SentenceOf("", "") == "");
}

TEST_CASE("the sentence before is the one before the previous end mark", "[sentence_span]") {
  const std::string line = "A は X。B は Y。年間 8,000 万円";
  const kgx::SentenceMarks marks(line);
  const std::size_t at = line.find("8,000");
  const kgx::SentenceBounds own = marks.Around(at, at + 5);
  const auto before = marks.Before(own);
  REQUIRE(before);
  CHECK(line.substr(before->begin, before->end - before->begin) == "B は Y。");
  CHECK_FALSE(marks.Before(marks.Around(0, 1)));
}
