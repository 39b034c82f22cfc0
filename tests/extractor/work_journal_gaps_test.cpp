// Gaps a probe of work journals found: a talk listed in a bullet with its speaker and affiliation, a move
// between systems told in plain words ("went from Jaeger to Tempo", "Jaeger から Tempo に変えた"), a rewrite
// that names the old language after the new one, and machines counted with 台 after the noun that names
// them ("VM 200台"). Whole extraction with the shipped rules, Japanese and English, positive and negative.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::EntitiesIn;
using kgx::testing::ExtractText;
using kgx::testing::Has;
using kgx::testing::RelationsIn;

// Each quantity of `text` as its matched text, then "=" and its unit.
std::set<std::string> UnitsRead(const std::string& text) {
  std::set<std::string> read;
  for (const kgx::Quantity& q : ExtractText(text).quantities) read.insert(q.text + "=" + q.unit);
  return read;
}

// "Name role Company" for every role_at relation of `text`.
std::set<std::string> RolesIn(const std::string& text) {
  std::set<std::string> roles;
  for (const kgx::Relation& r : ExtractText(text).relations) {
    if (r.predicate == "role_at") roles.insert(r.subject + " " + r.role + " " + r.object);
  }
  return roles;
}

}  // namespace

TEST_CASE("a talk listed in a journal's bullet names its speaker", "[work_journal_gaps]") {
  const std::string en = "# 2026-03-10 作業ログ\n\n- \"Scaling Kafka at Mercari\" — 田中 太郎 (SRE, Mercari)\n";
  CHECK(Has(en, "person:田中 太郎"));
  CHECK(RolesIn(en).count("person/田中-太郎 SRE company/mercari") == 1);
  CHECK(Has("# log\n\n- \"Observability on a budget\" - Nina Berg (Staff Engineer, Brightcart)\n", "person:Nina Berg"));
  CHECK(Has("# 作業ログ\n\n- 「Kafka 運用の 5 年」— 山田 花子さん（LINEヤフー）\n", "person:山田 花子"));
  CHECK(Has("# 作業ログ\n\n- 『監視基盤の作り直し』 - 佐藤 次郎 (カモメ物流)\n", "person:佐藤 次郎"));
  // negative: a quote and a remark, a bot's name alone
  CHECK(EntitiesIn("# 作業ログ\n\n- 「速い」— 体感では (個人の感想)\n").empty());
  CHECK_FALSE(Has("# log\n\n- \"LGTM\" - Review Bot\n", "person:Review Bot"));
}

TEST_CASE("a move between systems in plain words is a move", "[work_journal_gaps]") {
  const auto went = RelationsIn("# Mercari の事例\n\nWe went from Jaeger to Tempo last quarter.\n");
  CHECK(went.count("company/mercari migrated_from technology/jaeger") == 1);
  CHECK(went.count("company/mercari migrated_to technology/tempo") == 1);
  const auto over = RelationsIn("# Mercari の事例\n\nThe team switched over from Jaeger to Tempo in May.\n");
  CHECK(over.count("company/mercari migrated_to technology/tempo") == 1);
  const auto ja = RelationsIn("# Mercari の事例\n\nトレースは Jaeger から Tempo に変えた。\n");
  CHECK(ja.count("company/mercari migrated_from technology/jaeger") == 1);
  CHECK(ja.count("company/mercari migrated_to technology/tempo") == 1);
  const auto switched = RelationsIn("# Mercari の事例\n\nトレースを Jaeger から Tempo に切り替えた。\n");
  CHECK(switched.count("company/mercari migrated_to technology/tempo") == 1);
  // negative: a number's change, a trip, and the guarded names alone on a line with no move
  CHECK_FALSE(Has("# Mercari の事例\n\nLatency went from 200ms to 80ms with Tempo.\n", "technology:Tempo"));
  CHECK_FALSE(Has("# 旅行\n\nWe went from Tokyo to Osaka, humming a tempo.\n", "technology:Tempo"));
  CHECK_FALSE(Has("# メモ\n\n朝は 200ms から 80ms にした。Tempo 良い曲。\n", "technology:Tempo"));
}

TEST_CASE("a rewrite that names the old language after the new one leaves it", "[work_journal_gaps]") {
  const auto en = RelationsIn("# Mercari の事例\n\nRewrote the API in Rust (it was Python before).\n");
  CHECK(en.count("company/mercari migrated_from technology/python") == 1);
  CHECK(en.count("company/mercari migrated_to technology/rust") == 1);
  const auto semi = RelationsIn("# Mercari の事例\n\nWe rewrote the billing service in Go; it was Ruby before.\n");
  CHECK(semi.count("company/mercari migrated_from technology/ruby") == 1);
  CHECK(semi.count("company/mercari migrated_to technology/go") == 1);
  const auto ja = RelationsIn("# Mercari の事例\n\nAPI を Rust で書き直した（以前は Python）。\n");
  CHECK(ja.count("company/mercari migrated_from technology/python") == 1);
  CHECK(ja.count("company/mercari migrated_to technology/rust") == 1);
  // negative: no old technology named, and a plan
  const auto slow = RelationsIn("# Mercari の事例\n\nRewrote the API in Rust (it was slow before).\n");
  CHECK(slow.count("company/mercari migrated_to technology/rust") == 0);
  const auto ja_slow = RelationsIn("# Mercari の事例\n\nAPI を Rust で書き直した（以前は遅かった）。\n");
  CHECK(ja_slow.count("company/mercari migrated_to technology/rust") == 0);
}

TEST_CASE("machines counted with 台 count what the noun before the number names", "[work_journal_gaps]") {
  CHECK(UnitsRead("# 移行メモ\n\nVM 200台を移行した。\n").count("200台=vm") == 1);
  CHECK(UnitsRead("# Notes\n\nWe run 200 VMs today.\n").count("200 VMs=vm") == 1);
  CHECK(UnitsRead("# 移行メモ\n\nサーバー 12台を撤去した。\n").count("12台=server") == 1);
  // negative: an instance's noun, or none, stays an instance
  CHECK(UnitsRead("# 移行メモ\n\nEC2 インスタンス 30台を停止。\n").count("30台=instance") == 1);
  CHECK(UnitsRead("# 移行メモ\n\n新たに 12台を追加した。\n").count("12台=instance") == 1);
  CHECK(UnitsRead("# 移行メモ\n\nチーム 3台で回している。\n").count("3台=instance") == 1);
}
