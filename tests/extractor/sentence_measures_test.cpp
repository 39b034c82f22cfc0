// What a quantity measures stays inside its sentence: SentenceMarks on its own, then whole
// extraction with the shipped rules, in Japanese and English.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/sentence_span.h"
#include "tests/extractor/extract_support.h"

namespace {

// What the first quantity whose text is `text` measures ("" for nothing, "?" when there is none).
std::string MeasuredBy(const std::string& note, const std::string& text) {
  for (const kgx::Quantity& q : kgx::testing::ExtractText(note).quantities) {
    if (q.text == text) return q.measures;
  }
  return "?";
}

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

TEST_CASE("a quantity measures a name of its sentence or the one before, never of a later one", "[sentence_span]") {
  CHECK(MeasuredBy("# メモ\n\n- 年間 8,000 万円ほど。ファイル連携は NFS でした\n", "8,000 万円") == "");
  CHECK(MeasuredBy("# Notes\n\n- The licences cost $80,000 a year. Files went over NFS\n", "$80,000 a year") == "");
  // nor of a sentence two before it
  CHECK(MeasuredBy("# メモ\n\n- CEO の Andy Jassy のキーノート。10:50 に終了。ほぼ3時間立ちっぱなし\n", "3時間") == "");
  // a name of its own sentence wins over the nearer one of another
  CHECK(MeasuredBy("# メモ\n\n- Lambda のメモリは 1.5GB まで。長い処理は Step Functions でつなぐ\n", "1.5GB") == "aws_service/aws-lambda");
  CHECK(MeasuredBy("# Notes\n\n- Lambda memory tops out at 1.5GB. Chain longer jobs with Step Functions\n", "1.5GB") ==
        "aws_service/aws-lambda");
  // the sentence before names the topic
  CHECK(MeasuredBy("# メモ\n\n- データストアは DynamoDB が中心。ピーク時は 1M writes/s を超える\n", "1M writes/s") ==
        "aws_service/amazon-dynamodb");
  CHECK(MeasuredBy("# Notes\n\n- The data store is DynamoDB. Peaks go over 1M writes/s\n", "1M writes/s") == "aws_service/amazon-dynamodb");
  CHECK(MeasuredBy("# メモ\n\nLambda の p99 は 2.3 秒\n", "2.3 秒") == "aws_service/aws-lambda");
}
