// Gazetteer: word boundaries, Japanese without spaces, overlaps, case, contexts (also {self} ones), near misses.
#include <catch2/catch.hpp>

#include "extractor/gazetteer.h"
#include "extractor/rule_file.h"

namespace {

constexpr const char* kRules = R"(
[gazetteer aws_service]
Amazon Aurora | Aurora | オーロラ
Amazon S3 | S3
Amazon Lex | Lex {case, context=aws_nearby}
Amazon Kinesis | Kinesis
Amazon Kinesis Firehose | Kinesis Firehose | Firehose
Amazon DynamoDB | DynamoDB | Dynamo {case, unless=paper}
[gazetteer company]
Amazon | Amazon社
Twilio | Twilio {typo}
[gazetteer technology]
Dynamo {id=dynamo-paper, context=paper}
Kubernetes {typo}
[context aws_nearby]
(?i)\baws\b
@aws_service
[context paper]
論文
)";

std::unique_ptr<kgx::Gazetteer> Compile(const std::string& text, std::vector<kgx::RuleDiagnostic>& diagnostics) {
  return kgx::Gazetteer::Compile(kgx::ParseRuleText(text, "test.rules", diagnostics), diagnostics);
}

const kgx::Gazetteer& TestGazetteer() {
  static std::vector<kgx::RuleDiagnostic> diagnostics;
  static const auto gazetteer = Compile(kRules, diagnostics);
  return *gazetteer;
}

// Returns "surface=entity-id" for every match of `gazetteer` (by default the test rules').
std::vector<std::string> Find(const std::string& text, const kgx::Gazetteer& gazetteer = TestGazetteer()) {
  const auto normalized = kgx::Normalize(text);
  std::vector<std::string> out;
  for (const auto& m : gazetteer.Scan(normalized)) {
    out.push_back(normalized.text.substr(m.begin, m.end - m.begin) + "=" + gazetteer.entities()[m.entity].id);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Latin aliases match only on word boundaries", "[gazetteer]") {
  CHECK(Find("Alexa and AmazonS3Client and S3x") == V{});
  CHECK(Find("S3 and s3, (S3).") == V{"S3=aws_service/amazon-s3", "s3=aws_service/amazon-s3", "S3=aws_service/amazon-s3"});
}

TEST_CASE("accented Latin letters continue a word on both sides of an alias", "[gazetteer]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto gazetteer = Compile(
      "[gazetteer person]\nJosé Álvarez | José\nZoë\n[gazetteer company]\nNestlé\n"
      "[gazetteer aws_service]\nAmazon Aurora | Aurora\nAmazon S3 | S3\n",
      diagnostics);
  REQUIRE(gazetteer);
  const auto find = [&](const std::string& text) { return Find(text, *gazetteer); };
  // a name ending in an accented letter needs its right boundary; one in a longer accented word is no match
  CHECK(find("José and Zoë met") == V{"José=person/josé-álvarez", "Zoë=person/zoë"});
  CHECK(find("Josééé, JoséMaría, Zoëy and Nestléx") == V{});
  // accented letters before or after an ASCII alias: Latin-1, Extended-A/B, Extended Additional (Vietnamese)
  CHECK(find("ÉAurora, Auroraé, ŁS3, S3ǆ, Auroraệ, ḀAurora") == V{});
  // × and ÷ are no letters; punctuation and spaces stay boundaries
  CHECK(find("S3×2, (Nestlé), Aurora÷José") ==
        V{"S3=aws_service/amazon-s3", "Nestlé=company/nestlé", "Aurora=aws_service/amazon-aurora", "José=person/josé-álvarez"});
}

TEST_CASE("Japanese letters next to a Latin alias, accented or not, are boundaries", "[gazetteer]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto gazetteer = Compile("[gazetteer company]\nNestlé\n[gazetteer aws_service]\nAmazon Aurora | Aurora\n", diagnostics);
  REQUIRE(gazetteer);
  CHECK(Find("Aurora使ってる、Nestléの決算、ネスレNestlé社", *gazetteer) ==
        V{"Aurora=aws_service/amazon-aurora", "Nestlé=company/nestlé", "Nestlé=company/nestlé"});
}

TEST_CASE("Japanese text around a name needs no spaces", "[gazetteer]") {
  CHECK(Find("Auroraは S3にバックアップ、オーロラも") ==
        V{"Aurora=aws_service/amazon-aurora", "S3=aws_service/amazon-s3", "オーロラ=aws_service/amazon-aurora"});
  CHECK(Find("ＡＵＲＯＲＡを使う") == V{"AURORA=aws_service/amazon-aurora"});
}

TEST_CASE("overlapping aliases: longest wins, then priority", "[gazetteer]") {
  CHECK(Find("Amazon Aurora と Amazon社") == V{"Amazon Aurora=aws_service/amazon-aurora", "Amazon社=company/amazon"});
  CHECK(Find("Kinesis Firehose と Kinesis") ==
        V{"Kinesis Firehose=aws_service/amazon-kinesis-firehose", "Kinesis=aws_service/amazon-kinesis"});
}

TEST_CASE("overlaps are settled line by line, in text order", "[gazetteer]") {
  CHECK(Find("Kinesis Firehose\nFirehose と Amazon Aurora\nAurora") ==
        V{"Kinesis Firehose=aws_service/amazon-kinesis-firehose", "Firehose=aws_service/amazon-kinesis-firehose",
          "Amazon Aurora=aws_service/amazon-aurora", "Aurora=aws_service/amazon-aurora"});
  CHECK(Find("S3\n\nS3x S3\nxS3") == V{"S3=aws_service/amazon-s3", "S3=aws_service/amazon-s3"});
}

TEST_CASE("case-sensitive aliases with a context need both", "[gazetteer]") {
  CHECK(Find("音声合成のLex、S3") == V{"Lex=aws_service/amazon-lex", "S3=aws_service/amazon-s3"});
  CHECK(Find("AWS Lex") == V{"Lex=aws_service/amazon-lex"});
  CHECK(Find("Lex alone") == V{});
  CHECK(Find("lex and S3") == V{"S3=aws_service/amazon-s3"});
}

TEST_CASE("unless= rejects an alias where its context holds", "[gazetteer]") {
  CHECK(Find("Dynamo と DynamoDB") == V{"Dynamo=aws_service/amazon-dynamodb", "DynamoDB=aws_service/amazon-dynamodb"});
  CHECK(Find("Dynamo の論文を読んだ") == V{"Dynamo=technology/dynamo-paper"});
}

// {self} contexts: where the alias itself stands, for any name the lists give the context (here a made-up
// vendor, Zentra, whose product has its name), not for the name a pattern spells.
namespace {

constexpr const char* kSelfRules = R"(
[gazetteer company]
Zentra {unless=listed} | ゼントラ {unless=listed}
[gazetteer technology]
Zentra {context=listed} | ゼントラ {context=listed}
Prometheus
[context listed]
{self}\s*(?:と|,|\s(?i:and)\s)\s*[A-Za-z]
[A-Za-z]\s*(?:と|,|\s(?i:and)\s)\s*{self}
)";

std::vector<std::string> FindWithSelfRules(const std::string& text) {
  static std::vector<kgx::RuleDiagnostic> diagnostics;
  static const auto gazetteer = Compile(kSelfRules, diagnostics);
  return Find(text, *gazetteer);
}

}  // namespace

TEST_CASE("a {self} context holds where the alias itself stands, not anywhere on the line", "[gazetteer]") {
  // listed beside another name, after it or before it: the product
  CHECK(FindWithSelfRules("監視は Zentra と Prometheus を併用") ==
        V{"Zentra=technology/zentra", "Prometheus=technology/prometheus"});
  CHECK(FindWithSelfRules("We run Prometheus and Zentra") == V{"Prometheus=technology/prometheus", "Zentra=technology/zentra"});
  CHECK(FindWithSelfRules("ゼントラ, Grafana") == V{"ゼントラ=technology/zentra"});
  // alone, or with a list elsewhere on the line: the company (a line-wide pattern would hold here)
  CHECK(FindWithSelfRules("Zentra と契約した") == V{"Zentra=company/zentra"});
  CHECK(FindWithSelfRules("Zentra raised money; Prometheus and Grafana are tools") ==
        V{"Zentra=company/zentra", "Prometheus=technology/prometheus"});
}

TEST_CASE("a {self} context line is checked when the rules are compiled", "[gazetteer]") {
  std::vector<kgx::RuleDiagnostic> d;
  CHECK_FALSE(Compile("[gazetteer company]\nAcme {context=c}\n[context c]\n{self}x{self}\n", d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].ToString() == "test.rules:4:1: error: a {self} context line needs {self} exactly once");
  d.clear();
  CHECK_FALSE(Compile("[gazetteer company]\nAcme {context=c}\n[context c]\n{self}(\n", d));
  REQUIRE(d.size() == 1);
  CHECK(d[0].ToString().find("bad pattern '{self}('") != std::string::npos);
  d.clear();
  CHECK(Compile("[gazetteer company]\nAcme {context=c}\n[context c]\n{self}\\s*社\n", d));
  CHECK(d.empty());
}

TEST_CASE("near misses of typo aliases resolve, exact matches always win", "[gazetteer]") {
  CHECK(Find("Twillio CEO") == V{"Twillio=company/twilio"});
  CHECK(Find("Kubernetse and Kubernetes") ==
        V{"Kubernetse=technology/kubernetes", "Kubernetes=technology/kubernetes"});
  CHECK(Find("Twil") == V{});
  // an ASCII run inside an accented word is no near miss of its own
  CHECK(Find("Twillioñ, ÑTwillio") == V{});
}

TEST_CASE("names resolve through any alias", "[gazetteer]") {
  const auto& g = TestGazetteer();
  REQUIRE(g.FindByName("オーロラ"));
  CHECK(g.entities()[*g.FindByName("オーロラ")].name == "Amazon Aurora");
  CHECK(g.entities()[*g.FindByName("amazon aurora")].name == "Amazon Aurora");
  CHECK_FALSE(g.FindByName("Oracle"));
}

TEST_CASE("broken gazetteer lines are reported with file, line and column", "[gazetteer]") {
  std::vector<kgx::RuleDiagnostic> d;
  CHECK_FALSE(Compile("[gazetteer service]\nX\n[gazetteer company]\nAcme | {case}\nBeta | B {cased}\nGamma | G {context=nowhere\n", d));
  std::vector<std::string> messages;
  for (const auto& x : d) messages.push_back(x.ToString());
  CHECK(messages == std::vector<std::string>{
                        "test.rules:1:1: error: unknown entity type 'service' (expected aws_service, company, person or technology)",
                        "test.rules:4:8: error: empty alias",
                        "test.rules:5:11: error: unknown option 'cased' (expected case, typo, context=NAME, unless=NAME, priority=N, id=SLUG)",
                        "test.rules:6:11: error: '{' without '}'",
                    });
}
