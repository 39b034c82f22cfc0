// Unknown companies in English prose: "How Lumenpay rebuilt its ledger", "At Orbitly, we run …",
// "Brightwave's platform team" name a company; "How Kubernetes schedules pods" names none.
// Whole extraction with the shipped rules ([discover company]); the names are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

using kgx::testing::Has;

TEST_CASE("a company's story, its writers and its people name an unknown company", "[discovery][company_cues]") {
  CHECK(Has("# How Lumenpay rebuilt its ledger\n\nWe moved to Kafka.\n", "company:Lumenpay"));
  CHECK(Has("# Notes\n\nHow Orbitly cut their CI bill in half.\n", "company:Orbitly"));
  CHECK(Has("# Notes\n\nAt Orbitly, we run 300 services on Amazon EKS.\n", "company:Orbitly"));
  CHECK(Has("# Notes\n\nAt Kumo Labs, we have been using Terraform since 2019.\n", "company:Kumo Labs"));
  CHECK(Has("# Notes\n\nBrightwave's platform team moved to Terraform.\n", "company:Brightwave"));
  CHECK(Has("# Notes\n\n- Brightwave’s engineers wrote the operator.\n", "company:Brightwave"));
  // bylines and a team that signs
  CHECK(Has("# How we cut our CI bill\n\nWritten by Sam Lee (Brightwave)\n", "company:Brightwave"));
  CHECK(Has("# How we cut our CI bill\n\nBy Jane Roe, Orbitly Engineering\n", "company:Orbitly"));
  CHECK(Has("# Notes\n\nThe Quillstone engineering team moved to Terraform.\n", "company:Quillstone"));
  // Japanese notes keep their own cues
  CHECK(Has("# メモ\n\nBrightwave社の事例。\n", "company:Brightwave"));
}

TEST_CASE("a tool's story, an event and a tool's parts name no company", "[discovery][company_cues]") {
  const std::string text =
      "# Notes\n\nHow Kubernetes schedules pods is worth a read.\nHow Zorblat works under the hood.\n"
      "At KubeCon, we heard about Karpenter.\nAt Zorblat, we met old friends.\n"
      "Zorblat's scheduler is fine. Quuxly's consumers lag behind.\n";
  CHECK_FALSE(Has(text, "company:Kubernetes"));
  CHECK_FALSE(Has(text, "company:KubeCon"));
  CHECK_FALSE(Has(text, "company:Zorblat"));
  CHECK_FALSE(Has(text, "company:Quuxly"));
  CHECK_FALSE(Has("# メモ\n\nZorblat の仕組みを読んだ。\n", "company:Zorblat"));
  // a byline's job is no company, nor is a project's maintainers
  const std::string byline = "# Notes\n\nBy Jane Roe, Staff Engineering\nWritten by Sam Lee (Staff Engineer)\nThe Zorblat maintainers agreed.\n";
  CHECK_FALSE(Has(byline, "company:Staff"));
  CHECK_FALSE(Has(byline, "company:Staff Engineer"));
  CHECK_FALSE(Has(byline, "company:Zorblat"));
}

TEST_CASE("what a company's own people say of their work is the company's", "[relations][company_cues]") {
  const auto uses = [](const std::string& text) {
    std::set<std::string> out;
    for (const kgx::Relation& r : kgx::testing::ExtractText(text).relations) out.insert(r.subject + " " + r.predicate + " " + r.object);
    return out;
  };
  const std::string head = "# Hallway track\n\n";
  CHECK(uses(head + "- At Quillstone, we run our ledger on Amazon Aurora.\n")
            .count("company/quillstone uses aws_service/amazon-aurora") == 1);
  CHECK(uses(head + "- Brightwave's platform team moved to Terraform.\n").count("company/brightwave migrated_to technology/terraform") == 1);
  // Japanese keeps its own topic: "Xさんでは"
  CHECK(uses("# メモ\n\n- Brightwave社では Terraform を使っている。\n")
            .count("company/brightwave uses technology/terraform") == 1);
  // negative: an event is no company, and a project's parts name no subject
  CHECK(uses(head + "- At KubeCon, we heard that Amazon Aurora is fast.\n").empty());
  CHECK(uses(head + "- Kafka's consumers run on Amazon EKS.\n").count("technology/kafka uses aws_service/amazon-eks") == 0);
}
