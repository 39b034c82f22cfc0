// List discovery: names beside known ones in a list take their kind; our own sentences.
#include <catch2/catch.hpp>

#include "extractor/list_discovery.h"
#include "tests/extractor/written_mentions.h"

namespace {

// "[t:Kafka], [t:Flink], Zorq" -> the line without brackets, its known names, and the names
// found ("technology:Zorq").
std::vector<std::string> Found(const std::string& written) {
  const kgx::test::WrittenLine written_line = kgx::test::ReadWritten(written);
  const std::string& line = written_line.text;
  std::vector<kgx::KnownName> known;
  for (const auto& m : written_line.mentions) known.push_back({m.begin, m.end, m.type});
  const auto stopped = [](kgx::EntityType, std::string_view name) { return name == "Director"; };
  std::vector<std::string> out;
  for (const kgx::ListName& n : kgx::FindListNames(line, known, stopped)) {
    out.push_back(std::string(kgx::EntityTypeName(n.type)) + ":" + line.substr(n.begin, n.end - n.begin));
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("an unlisted name in a list of known technologies is a technology", "[list_discovery]") {
  CHECK(Found("・Backstage, [t:Argo CD], [t:OpenTelemetry] が Graduated に") == Strings{"technology:Backstage"});
  CHECK(Found("- [t:Kafka] / [t:Flink] / Zorq") == Strings{"technology:Zorq"});
  CHECK(Found("- [t:Kafka] と [t:Flink] と Zorq を比較") == Strings{"technology:Zorq"});
  CHECK(Found("- [t:Kafka], [t:Flink], PyPI") == Strings{"technology:PyPI"});
  CHECK(Found("- Built with [t:Go], [t:gRPC], and Zorq.") == Strings{"technology:Zorq"});
  CHECK(Found("- [a:ECS]、[t:Kubernetes]、Nomad2 の比較") == Strings{"technology:Nomad2"});
}

TEST_CASE("an unlisted name in a list of known companies is a company", "[list_discovery]") {
  CHECK(Found("- [c:Netflix], [c:Airbnb], Zorblax の事例") == Strings{"company:Zorblax"});
}

TEST_CASE("lists that say nothing about a new name's kind find nothing", "[list_discovery]") {
  CHECK(Found("- [t:Go], [t:ESLint], [t:CoreOS].").empty());                    // nothing new
  CHECK(Found("- [a:S3], [a:DynamoDB], Zorq").empty());                          // AWS services only
  CHECK(Found("- [t:Kafka], [c:Netflix], Zorq").empty());                        // mixed kinds
  CHECK(Found("- [t:Kafka], Zorq").empty());                                     // two items
  CHECK(Found("- [t:Kafka], [t:Flink], logs").empty());                          // a plain word
  CHECK(Found("- [t:Kafka], [t:Flink], Director").empty());                      // a stop word
  CHECK(Found("- [t:Kafka], [t:Flink], 新しいツール").empty());                  // not a Latin name
  CHECK(Found("- [t:Kafka] は速い、[t:Flink] も速い、Zorq はまだ").empty());     // clauses, not items
  // Concepts, not tools: acronyms, hyphenated terms, phrases, words split at a slash, instance types.
  CHECK(Found("- [t:Kafka], [t:Flink], OLTP, CQRS").empty());
  CHECK(Found("- [t:Kafka], [t:Flink], Copy-On-Write").empty());
  CHECK(Found("- [t:Kafka], [t:Flink], Event Sourcing").empty());
  CHECK(Found("- [t:Jenkins], [t:Spinnaker], A/B testing, Blue/Green").empty());
  CHECK(Found("- .js, [t:OpenSSL], [t:Redis], Blue/Green Deployment の構成").empty());
  CHECK(Found("- [t:Kafka], [t:Redis], r3.large").empty());
}
