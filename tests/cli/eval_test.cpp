// Tests of `kgx eval`: the gold scorer (cli/gold_scorer.h) on tiny gold files and records written
// here, checked against figures worked out by hand with score.py's rules, and the command end to
// end on a small notes folder.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/gold_scorer.h"
#include "tests/cli/cli_test_support.h"

namespace fs = std::filesystem;

namespace {

// One talk with one entity of three types, a quantity, a relation and a query; an intro before it.
constexpr const char* kGold = R"({
  "schema": "kgx-gold/1",
  "documents": [{"file": "a.txt", "event": "AWS re:Invent 2016", "sections": [
    {"kind": "talk", "code": "DAT303", "title": "Deep Dive on Amazon Aurora", "header_line": 3,
     "entities": {"aws_service": ["Amazon Aurora"], "company": ["Intercom"], "person": [], "technology": ["MySQL"]},
     "quantities": [{"text": "5倍", "line": 4, "value": 5, "unit": "times", "per": null}],
     "relations": [{"subject": "Intercom", "predicate": "migrated_to", "object": "Amazon Aurora", "line": 5}]},
    {"kind": "other", "code": null, "title": "intro", "header_line": 1,
     "entities": {"aws_service": [], "company": [], "person": [], "technology": []}, "quantities": [], "relations": []}
  ]}],
  "aliases": {"オーロラ": "Amazon Aurora"},
  "queries": [{"question": "which talks mention Aurora", "entity": "Amazon Aurora",
               "answer": [{"file": "a.txt", "code": "DAT303", "title": "Deep Dive on Amazon Aurora"}]}]
})";

constexpr const char* kDocument = R"({"kind":"document","id":"D1","path":"notes/a.txt","title":"t","event":"E"})";
constexpr const char* kEntities =
    R"({"kind":"entity","id":"aws_service/amazon-aurora","type":"aws_service","name":"Amazon Aurora"})" "\n"
    R"({"kind":"entity","id":"company/intercom","type":"company","name":"Intercom"})" "\n"
    R"({"kind":"entity","id":"technology/mysql","type":"technology","name":"MySQL"})" "\n"
    R"({"kind":"entity","id":"aws_service/amazon-s3","type":"aws_service","name":"Amazon S3"})" "\n";
constexpr const char* kSection =
    R"({"kind":"section","id":"D1#L3","doc":"D1","section_kind":"talk","code":"DAT303","title":"Deep Dive","line":3})";
constexpr const char* kAuroraMention = R"({"kind":"mention","entity":"aws_service/amazon-aurora","doc":"D1","line":4,"text":"Aurora"})";
constexpr const char* kIntercomMention = R"({"kind":"mention","entity":"company/intercom","doc":"D1","line":5,"text":"Intercom"})";
constexpr const char* kMysqlMention = R"({"kind":"mention","entity":"technology/mysql","doc":"D1","line":5,"text":"MySQL"})";
constexpr const char* kQuantity = R"({"kind":"quantity","doc":"D1","line":4,"text":"5倍","value":5,"unit":"times","per":null})";
constexpr const char* kRelation =
    R"({"kind":"relation","subject":"company/intercom","predicate":"migrated_to","object":"aws_service/amazon-aurora","doc":"D1","line":5})";

// Returns `text` with its first `from` replaced by `to`.
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Joins records into JSON Lines.
std::string Lines(std::initializer_list<std::string> records) {
  std::string out;
  for (const std::string& r : records) out += r + "\n";
  return out;
}

std::string Perfect() {
  return Lines({kDocument, kEntities, kSection, kAuroraMention, kIntercomMention, kMysqlMention, kQuantity, kRelation});
}

kgx::EvalReport Score(const std::string& jsonl, const std::string& gold = kGold) {
  kgx::Result<kgx::GoldFile> parsed = kgx::GoldFile::Parse(gold, "gold.json");
  REQUIRE(parsed.ok());
  kgx::Result<kgx::EvalReport> report = parsed->Score(jsonl);
  REQUIRE(report.ok());
  return *report;
}

const kgx::PrecisionRecall& Prf(const kgx::EvalReport& report, const std::string& key) {
  const kgx::Figure* figure = report.Find(key);
  REQUIRE(figure != nullptr);
  REQUIRE(figure->kind == kgx::FigureKind::kPrecisionRecall);
  return figure->prf;
}

double Share(const kgx::EvalReport& report, const std::string& key) {
  const kgx::Figure* figure = report.Find(key);
  REQUIRE(figure != nullptr);
  REQUIRE(figure->kind == kgx::FigureKind::kShare);
  return figure->value;
}

}  // namespace

TEST_CASE("the figures are score.py's keys in score.py's order", "[eval]") {
  const kgx::EvalReport report = Score(Perfect());
  std::vector<std::string> keys;
  for (const kgx::Figure& f : report.figures) keys.push_back(f.key);
  CHECK(keys == std::vector<std::string>{"sections", "entity", "entity.aws_service", "entity.company", "entity.person",
                                         "entity.technology", "entity.any_type", "quantity", "quantity.value_acc",
                                         "relation", "query.exact"});
}

TEST_CASE("a perfect extraction scores 1 on every figure and lists nothing", "[eval]") {
  const kgx::EvalReport report = Score(Perfect());
  for (const kgx::Figure& f : report.figures) {
    INFO(f.key);
    if (f.kind == kgx::FigureKind::kShare) {
      CHECK(f.value == 1.0);
      continue;
    }
    CHECK(f.prf.p == 1.0);
    CHECK(f.prf.r == 1.0);
    CHECK(f.prf.f1 == 1.0);
    CHECK(f.prf.fp == 0);
    CHECK(f.prf.fn == 0);
  }
  CHECK(Prf(report, "entity").tp == 3);
  CHECK(report.missed_entities.empty());
  CHECK(report.spurious_entities.empty());
  CHECK(report.wrong_quantities.empty());
  CHECK(report.missed_relations.empty());
  CHECK(report.spurious_relations.empty());
  CHECK(report.gold_documents_not_extracted.empty());
}

TEST_CASE("a gold entity the extraction does not find is a miss", "[eval]") {
  const kgx::EvalReport report =
      Score(Lines({kDocument, kEntities, kSection, kAuroraMention, kIntercomMention, kQuantity, kRelation}));
  const kgx::PrecisionRecall& entity = Prf(report, "entity");
  CHECK(entity.tp == 2);
  CHECK(entity.fn == 1);
  CHECK(entity.p == 1.0);
  CHECK(entity.r == 0.6667);
  CHECK(entity.f1 == 0.8);
  CHECK(Prf(report, "entity.technology").r == 0.0);
  REQUIRE(report.missed_entities.size() == 1);
  const kgx::EntityFind& miss = report.missed_entities[0];
  CHECK(miss.file == "a.txt");
  CHECK(miss.section == 1);  // sections sorted by header line: intro (1), DAT303 (3)
  CHECK(miss.type == "technology");
  CHECK(miss.name == "mysql");
  CHECK(miss.shown == "MySQL");
  CHECK(miss.section_label == "DAT303");
  CHECK(miss.section_line == 3);
}

TEST_CASE("an entity found where the gold section has none is spurious", "[eval]") {
  const std::string s3 = R"({"kind":"mention","entity":"aws_service/amazon-s3","doc":"D1","line":4,"text":"S3"})";
  const kgx::EvalReport report = Score(Perfect() + s3 + "\n");
  CHECK(Prf(report, "entity.aws_service").p == 0.5);
  CHECK(Prf(report, "entity.aws_service").r == 1.0);
  REQUIRE(report.spurious_entities.size() == 1);
  CHECK(report.spurious_entities[0].name == "s3");
  CHECK(report.spurious_entities[0].shown == "Amazon S3");
  CHECK(report.missed_entities.empty());
}

TEST_CASE("records are placed in the gold section whose line range holds them", "[eval]") {
  // No section records at all, and Aurora also on line 2, which is in the gold intro (lines 1-2).
  const std::string early = R"({"kind":"mention","entity":"aws_service/amazon-aurora","doc":"D1","line":2,"text":"Aurora"})";
  const kgx::EvalReport report =
      Score(Lines({kDocument, kEntities, kAuroraMention, kIntercomMention, kMysqlMention, early}));
  CHECK(Prf(report, "entity").tp == 3);
  REQUIRE(report.spurious_entities.size() == 1);
  CHECK(report.spurious_entities[0].section == 0);
  CHECK(report.spurious_entities[0].section_label == "intro");
  CHECK(Prf(report, "sections").r == 0.0);
  CHECK(Share(report, "query.exact") == 0.0);  // Aurora now also answers in the intro
}

TEST_CASE("a matched quantity with a wrong value lowers value accuracy, not quantity F1", "[eval]") {
  const std::string fifty = R"({"kind":"quantity","doc":"D1","line":4,"text":"5倍","value":50,"unit":"times","per":null})";
  const kgx::EvalReport report =
      Score(Lines({kDocument, kEntities, kSection, kAuroraMention, kIntercomMention, kMysqlMention, fifty, kRelation}));
  CHECK(Prf(report, "quantity").f1 == 1.0);
  CHECK(Share(report, "quantity.value_acc") == 0.0);
  REQUIRE(report.wrong_quantities.size() == 1);
  CHECK(report.wrong_quantities[0].gold.text == "5倍");
  CHECK(report.wrong_quantities[0].found.line == 4);
}

TEST_CASE("a quantity's unit compares without plural s and its value within a relative 1e-6", "[eval]") {
  const std::string close = R"({"kind":"quantity","doc":"D1","line":4,"text":"5倍","value":5.000001,"unit":"TIMES","per":null})";
  const kgx::EvalReport report = Score(Lines({kDocument, kSection, close}));
  CHECK(Share(report, "quantity.value_acc") == 1.0);
}

TEST_CASE("quantities match on the same line when one text holds the other", "[eval]") {
  const std::string longer = R"({"kind":"quantity","doc":"D1","line":4,"text":"5倍速い","value":5,"unit":"times"})";
  const std::string elsewhere = R"({"kind":"quantity","doc":"D1","line":5,"text":"5倍","value":5,"unit":"times"})";
  CHECK(Prf(Score(Lines({kDocument, longer})), "quantity").tp == 1);
  const kgx::EvalReport report = Score(Lines({kDocument, elsewhere}));
  CHECK(Prf(report, "quantity").tp == 0);
  CHECK(report.missed_quantities.size() == 1);
  REQUIRE(report.spurious_quantities.size() == 1);
  CHECK(report.spurious_quantities[0].line == 5);
}

TEST_CASE("gold aliases lead surface forms to the canonical name", "[eval]") {
  // An entity named by its katakana form counts as Amazon Aurora, also in relations and queries.
  const std::string entity = R"({"kind":"entity","id":"aws_service/aurora","type":"aws_service","name":"オーロラ"})";
  const std::string mention = R"({"kind":"mention","entity":"aws_service/aurora","doc":"D1","line":4,"text":"オーロラ"})";
  const std::string relation =
      R"({"kind":"relation","subject":"company/intercom","predicate":"migrated_to","object":"aws_service/aurora","doc":"D1"})";
  const std::string jsonl = Lines({kDocument, kEntities, entity, mention, kIntercomMention, relation});
  const kgx::EvalReport report = Score(jsonl);
  CHECK(Prf(report, "entity.aws_service").tp == 1);
  CHECK(Prf(report, "entity.aws_service").fp == 0);
  CHECK(Prf(report, "relation").f1 == 1.0);
  CHECK(Share(report, "query.exact") == 1.0);

  const kgx::EvalReport without = Score(jsonl, Replace(kGold, R"("オーロラ": "Amazon Aurora")", R"("x": "y")"));
  CHECK(Prf(without, "entity.aws_service").tp == 0);
  CHECK(Prf(without, "relation").tp == 0);
}

TEST_CASE("relations compare per document, a talk subject by its session code", "[eval]") {
  const std::string gold = Replace(kGold, R"("subject": "Intercom")", R"("subject": "DAT303")");
  const std::string by_talk =
      R"({"kind":"relation","subject":"D1#L3","predicate":"migrated_to","object":"aws_service/amazon-aurora","doc":"D1","line":9})";
  const std::string wrong_predicate =
      R"({"kind":"relation","subject":"D1#L3","predicate":"uses","object":"aws_service/amazon-aurora","doc":"D1"})";
  const kgx::EvalReport report = Score(Lines({kDocument, kEntities, kSection, by_talk, wrong_predicate}), gold);
  const kgx::PrecisionRecall& relation = Prf(report, "relation");
  CHECK(relation.tp == 1);
  CHECK(relation.fp == 1);
  REQUIRE(report.spurious_relations.size() == 1);
  CHECK(report.spurious_relations[0].subject == "dat303");
  CHECK(report.spurious_relations[0].predicate == "uses");
  CHECK(report.spurious_relations[0].subject_shown == "DAT303");
  CHECK(report.spurious_relations[0].object_shown == "Amazon Aurora");
}

TEST_CASE("a gold document absent from the records counts as missed and is named", "[eval]") {
  const kgx::EvalReport report = Score("");
  CHECK(Prf(report, "entity").r == 0.0);
  CHECK(Prf(report, "entity").p == 0.0);
  CHECK(Share(report, "quantity.value_acc") == 0.0);  // nothing matched
  CHECK(report.gold_documents_not_extracted == std::vector<std::string>{"a.txt"});
}

TEST_CASE("precision is rounded to four decimals like Python's round, ties to even", "[eval]") {
  // 1 right of 32: 0.03125 is exact in binary, and Python rounds it to 0.0312.
  std::string jsonl = Lines({kDocument, kEntities, kAuroraMention});
  for (int i = 0; i < 31; ++i) {
    jsonl += R"({"kind":"mention","doc":"D1","line":4,"type":"technology","name":"Tool )" + std::to_string(i) + "\"}\n";
  }
  const kgx::EvalReport report = Score(jsonl);  // kept: Prf returns a reference into it
  const kgx::PrecisionRecall& entity = Prf(report, "entity");
  CHECK(entity.tp == 1);
  CHECK(entity.fp == 31);
  CHECK(entity.p == 0.0312);
  CHECK(entity.r == 0.3333);
}

TEST_CASE("names compare after NFKC, case folding, a vendor prefix and separators are removed", "[eval]") {
  const std::pair<const char*, const char*> cases[] = {
      {"Amazon Aurora", "aurora"},
      {"AWS Lambda", "lambda"},
      {"ＡＷＳ　Ｌａｍｂｄａ", "lambda"},
      {"  aws  ec2 ", "ec2"},
      {"Amazon-S3", "s3"},
      {"AmazonS3", "amazons3"},  // the prefix needs a blank or hyphen after it
      {"Node.js", "nodejs"},
      {"O’Reilly", "oreilly"},
      {"Amazon Kinesis Client Library (KCL)", "kinesisclientlibrarykcl"},
      {"ｽﾎﾟｯﾄ", "スポット"},
      {"Straße", "strasse"},
      {"ΣΊΣΥΦΟΣ", "σίσυφοσ"},
      {"Москва", "москва"},
      {"İ", "i\u0307"},
      {"Foo–Bar", "foo–bar"},  // Python keeps an en dash: only ASCII '-' is a separator
  };
  for (const auto& [name, key] : cases) {
    INFO(name);
    CHECK(kgx::NormalizeGoldName(name) == key);
  }
}

TEST_CASE("a gold file that is not JSON fails with its file, line and column", "[eval]") {
  const kgx::Result<kgx::GoldFile> gold = kgx::GoldFile::Parse("{\n  \"documents\": [\n    oops\n]}", "g.json");
  REQUIRE_FALSE(gold.ok());
  CHECK(gold.status().code() == kgx::ErrorCode::kInvalidArgument);
  CHECK_THAT(gold.status().ToString(), Catch::StartsWith("g.json:3:5: not JSON: "));
}

TEST_CASE("a gold file without the keys score.py needs lists every problem", "[eval]") {
  const kgx::Result<kgx::GoldFile> gold = kgx::GoldFile::Parse(
      R"({"documents": [{"sections": [{"header_line": "one", "relations": [{"subject": "a", "object": "b"}]}]}],
          "queries": [{"question": "q", "entity": "E"}]})",
      "g.json");
  REQUIRE_FALSE(gold.ok());
  const std::string message = gold.status().ToString();
  CHECK_THAT(message, Catch::StartsWith("g.json: not a kgx-gold/1 file: "));
  CHECK_THAT(message, Catch::Contains("documents[0].file: missing or not a string"));
  CHECK_THAT(message, Catch::Contains("documents[0].sections[0].header_line: not a number"));
  CHECK_THAT(message, Catch::Contains("documents[0].sections[0].relations[0].predicate: missing or not a string"));
  CHECK_THAT(message, Catch::Contains("queries[0].answer: missing or not an array"));
}

TEST_CASE("a gold file that cannot be read is an I/O error naming it", "[eval]") {
  const kgx::Result<kgx::GoldFile> gold = kgx::GoldFile::Load("/nonexistent/gold.json");
  REQUIRE_FALSE(gold.ok());
  CHECK(gold.status().code() == kgx::ErrorCode::kIo);
  CHECK_THAT(gold.status().ToString(), Catch::StartsWith("/nonexistent/gold.json: "));
}

// --- end to end --------------------------------------------------------------------------------

namespace {

using kgx_test::Kgx;
using kgx_test::Run;
using kgx_test::ReadFile;
using kgx_test::WriteFile;

constexpr const char* kNotes =
    "re:Invent 2016 メモ\n"
    "DAT303 - Deep Dive on Amazon Aurora\n"
    "- AuroraはMySQLの5倍速い\n"
    "- Intercom社の事例: MySQLからAuroraに移行\n"
    "(CON310) Running Batch Jobs on Amazon ECS\n"
    "- ECSとLambdaで構築\n";

// The notes above, annotated; Docker is in the gold only, so it is always a miss.
constexpr const char* kNotesGold = R"({
  "schema": "kgx-gold/1",
  "documents": [{"file": "a.txt", "event": "AWS re:Invent 2016", "sections": [
    {"kind": "other", "code": null, "title": "re:Invent 2016 メモ", "header_line": 1, "entities": {}},
    {"kind": "talk", "code": "DAT303", "title": "Deep Dive on Amazon Aurora", "header_line": 2,
     "entities": {"aws_service": ["Amazon Aurora"], "company": ["Intercom"], "technology": ["MySQL"]},
     "quantities": [{"text": "5倍", "line": 3, "value": 5, "unit": "times", "per": null}],
     "relations": [{"subject": "Intercom", "predicate": "migrated_to", "object": "Amazon Aurora", "line": 4}]},
    {"kind": "talk", "code": "CON310", "title": "Running Batch Jobs on Amazon ECS", "header_line": 5,
     "entities": {"aws_service": ["Amazon ECS", "AWS Lambda"], "technology": ["Docker"]}}
  ]}],
  "queries": [{"question": "which talks mention Aurora", "entity": "Aurora",
               "answer": [{"file": "a.txt", "code": "DAT303"}]}]
})";

fs::path EvalScratch() {
  const fs::path dir = fs::temp_directory_path() / ("kgx-eval-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  WriteFile(dir / "notes" / "a.txt", kNotes);
  WriteFile(dir / "gold.json", kNotesGold);
  return dir;
}

}  // namespace

TEST_CASE("kgx eval --json scores exactly what kgx extract --format jsonl writes", "[eval]") {
  const fs::path dir = EvalScratch();
  const Run eval = Kgx("eval --gold gold.json notes --json --quiet", dir);
  REQUIRE(eval.status == 0);
  const nlohmann::json out = nlohmann::json::parse(eval.out);
  const nlohmann::json& figures = out["figures"];
  CHECK(figures["sections"]["f1"] == 1.0);
  CHECK(figures["query.exact"]["value"] == 1.0);
  CHECK(figures["query.exact"]["detail"][0]["exact"] == true);
  CHECK(figures["quantity"]["tp"] == 1);
  CHECK(out["missed_entities"].dump().find(R"(["a.txt",2,"technology","docker"])") != std::string::npos);
  for (const char* key : {"missed_entities", "spurious_entities", "wrong_quantities", "missed_quantities",
                          "spurious_quantities", "missed_relations", "spurious_relations"}) {
    CHECK(out[key].is_array());
  }

  // The same figures from the scorer run on the records `kgx extract` writes.
  const Run extract = Kgx("extract notes --format jsonl --out - --quiet", dir);
  REQUIRE(extract.status == 0);
  const kgx::Result<kgx::GoldFile> gold = kgx::GoldFile::Parse(kNotesGold, "gold.json");
  REQUIRE(gold.ok());
  const kgx::Result<kgx::EvalReport> report = gold->Score(extract.out);
  REQUIRE(report.ok());
  for (const kgx::Figure& f : report->figures) {
    INFO(f.key);
    if (f.kind == kgx::FigureKind::kShare) {
      CHECK(figures[f.key]["value"] == f.value);
    } else {
      CHECK(figures[f.key]["f1"] == f.prf.f1);
      CHECK(figures[f.key]["tp"] == f.prf.tp);
      CHECK(figures[f.key]["fp"] == f.prf.fp);
      CHECK(figures[f.key]["fn"] == f.prf.fn);
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("kgx eval prints aligned tables of the figures and the misses", "[eval]") {
  const fs::path dir = EvalScratch();
  const Run run = Kgx("eval --gold gold.json notes --quiet", dir);
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("FIGURE              P      R      F1"));
  CHECK_THAT(run.out, Catch::Contains("query.exact         1.000  1 query"));
  CHECK_THAT(run.out, Catch::Contains("missed entities: "));
  CHECK_THAT(run.out, Catch::Contains("Docker"));
  fs::remove_all(dir);
}

TEST_CASE("kgx eval exits 1 naming the gold file when it cannot be read or parsed", "[eval]") {
  const fs::path dir = EvalScratch();
  WriteFile(dir / "bad.json", "{\"documents\": [");
  const Run bad = Kgx("eval --gold bad.json notes", dir);
  CHECK(bad.status == 1);
  CHECK_THAT(bad.err, Catch::StartsWith("kgx: bad.json:1:"));
  CHECK(bad.out.empty());
  const Run missing = Kgx("eval --gold nowhere.json notes", dir);
  CHECK(missing.status == 1);
  CHECK_THAT(missing.err, Catch::StartsWith("kgx: nowhere.json: cannot read the gold file"));
  fs::remove_all(dir);
}

TEST_CASE("kgx eval warns when a gold document is not among the inputs", "[eval]") {
  const fs::path dir = EvalScratch();
  WriteFile(dir / "other" / "b.txt", "DAT999 - Something else\n- S3\n");
  const Run run = Kgx("eval --gold gold.json other --json", dir);
  CHECK(run.status == 0);
  CHECK_THAT(run.err, Catch::Contains("gold document 'a.txt' is not among the inputs"));
  fs::remove_all(dir);
}
