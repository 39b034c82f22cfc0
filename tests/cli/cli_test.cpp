// End-to-end tests of the kgx binary: extraction outputs and offsets, exit statuses, queries,
// rule errors, pipes, determinism.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "extractor/wiki_dialect.h"
#include "tests/cli/cli_test_support.h"

namespace fs = std::filesystem;

namespace {

using kgx_test::Kgx;
using kgx_test::ReadFile;
using kgx_test::Run;
using kgx_test::WriteFile;

fs::path Scratch(const std::string& name) {
  const fs::path dir = kgx_test::FreshFolder("cli", name);
  fs::create_directory_symlink(KGX_SOURCE_DIR "/rules", dir / "rules");
  return dir;
}

std::vector<nlohmann::json> Records(const std::string& jsonl, const std::string& kind) {
  std::vector<nlohmann::json> out;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    auto record = nlohmann::json::parse(line);
    if (record["kind"] == kind) out.push_back(record);
  }
  return out;
}

constexpr const char* kNote =
    "\xEF\xBB\xBFre:Invent 2016 メモ\r\n"
    "DAT303 - Deep Dive on Amazon Aurora\r\n"
    "- ＡＵＲＯＲＡはＭｙＳＱＬの５倍速い\r\n"
    "- Intercom社の事例: MySQLからAuroraに移行\r\n"
    "(CON310) Running Batch Jobs on Amazon ECS\r\n"
    "- ECSとLambdaで構築\r\n";

}  // namespace

TEST_CASE("extract writes GraphML and JSON-LD by default and prints a summary", "[cli]") {
  const fs::path dir = Scratch("default");
  WriteFile(dir / "notes" / "a.txt", kNote);
  const Run run = Kgx("extract notes", dir);
  CHECK(run.status == 0);
  CHECK(fs::exists(dir / "out" / "graph.graphml"));
  CHECK(fs::exists(dir / "out" / "graph.jsonld"));
  CHECK(run.err.find("kgx: 1 documents") != std::string::npos);
  CHECK(run.err.find("2 talks") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("jsonl records report original lines, byte offsets and text", "[cli]") {
  const fs::path dir = Scratch("offsets");
  WriteFile(dir / "notes" / "a.txt", kNote);
  const Run run = Kgx("extract notes --format jsonl --out - --quiet", dir);
  REQUIRE(run.status == 0);
  const std::string original = ReadFile(dir / "notes" / "a.txt");
  const auto sections = Records(run.out, "section");
  REQUIRE(sections.size() == 3);
  CHECK(sections[1]["code"] == "DAT303");
  CHECK(sections[1]["line"] == 2);
  CHECK(sections[1]["id"] == "D1#L2");
  CHECK(sections[2]["code"] == "CON310");
  CHECK(sections[2]["title"] == "Running Batch Jobs on Amazon ECS");
  const auto documents = Records(run.out, "document");
  REQUIRE(documents.size() == 1);
  CHECK(documents[0]["event"] == "AWS re:Invent 2016");
  bool saw_fullwidth = false;
  for (const auto& m : Records(run.out, "mention")) {
    const std::size_t start = m["start"], end = m["end"];
    CHECK(original.substr(start, end - start) == m["text"].get<std::string>());
    if (m["text"] == "ＡＵＲＯＲＡ") {
      saw_fullwidth = true;
      CHECK(m["line"] == 3);
      CHECK(m["entity"] == "aws_service/amazon-aurora");
      CHECK(m["section"] == "D1#L2");
    }
  }
  CHECK(saw_fullwidth);
  const auto quantities = Records(run.out, "quantity");
  REQUIRE_FALSE(quantities.empty());
  CHECK(quantities[0]["text"] == "５倍");
  CHECK(quantities[0]["unit"] == "times");
  fs::remove_all(dir);
}

TEST_CASE("a folder's org notes are read, their star headings as sections", "[cli]") {
  const fs::path dir = Scratch("org");
  WriteFile(dir / "notes" / "a.txt", kNote);
  WriteFile(dir / "notes" / "memo" / "kubecon.org",
            "#+TITLE: KubeCon Japan 2025 メモ\n#+DATE: 2025-06-16\n* Day 1\n** Keynote\n- Kubernetes 10 周年\n"
            "** TODO Scaling Karpenter at Mercari   :eks:\n   Speaker: 田中 太郎 (Mercari)\n   - EKS で Karpenter を使っている\n"
            "* Day 2\n** Cilium で eBPF\n   - Calico から Cilium に移行した\n");
  WriteFile(dir / "notes" / "memo" / "init.el", "(setq org-startup-folded t)\n");  // not a note
  const Run run = Kgx("extract notes --format jsonl --out - --quiet", dir);
  REQUIRE(run.status == 0);
  const auto documents = Records(run.out, "document");
  REQUIRE(documents.size() == 2);
  CHECK(documents[1]["path"] == "notes/memo/kubecon.org");
  CHECK(documents[1]["title"] == "KubeCon Japan 2025 メモ");
  CHECK(documents[1]["event"] == "KubeCon Japan 2025");
  const std::string doc = documents[1]["id"];
  std::vector<std::string> sections;
  for (const auto& s : Records(run.out, "section")) {
    if (s["doc"] == doc) sections.push_back(std::to_string(s["line"].get<int>()) + " " + s["section_kind"].get<std::string>() + " " + s["title"].get<std::string>());
  }
  CHECK(sections == std::vector<std::string>{"1 other KubeCon Japan 2025 メモ", "3 other Day 1", "4 keynote Keynote",
                                             "6 talk Scaling Karpenter at Mercari", "9 other Day 2", "10 other Cilium で eBPF"});
  const std::string original = ReadFile(dir / "notes" / "memo" / "kubecon.org");
  bool karpenter = false;
  for (const auto& m : Records(run.out, "mention")) {
    if (m["doc"] != doc) continue;
    const std::size_t start = m["start"], end = m["end"];
    CHECK(original.substr(start, end - start) == m["text"].get<std::string>());
    karpenter |= m["line"] == 6 && m["text"] == "Karpenter";
  }
  CHECK(karpenter);
  fs::remove_all(dir);
}

TEST_CASE("a folder's wiki notes are read, their dialect's headings as sections", "[cli]") {
  const fs::path dir = Scratch("wiki");
  WriteFile(dir / "notes" / "a.txt", kNote);
  WriteFile(dir / "notes" / "redmine" / "summit.textile",
            "h1. AWS Summit Tokyo 2026 参加メモ\n\nh2. CUS-12 - 株式会社ナビタイムの Amazon EKS 移行事例\n\n"
            "* ECS から EKS に移行した\n** Karpenter を使っている\n");
  WriteFile(dir / "notes" / "kubecon.adoc", "= KubeCon Japan 2026 メモ\n:author: 石井 陸\n\n== SRE-204 - Scaling Prometheus at LINEヤフー\n");
  WriteFile(dir / "notes" / "redmine" / "summit.textile.bak", "h1. old\n");  // not a note
  const Run run = Kgx("extract notes --format jsonl --out - --quiet", dir);
  REQUIRE(run.status == 0);
  const auto documents = Records(run.out, "document");
  REQUIRE(documents.size() == 3);
  CHECK(documents[1]["path"] == "notes/kubecon.adoc");
  CHECK(documents[1]["title"] == "KubeCon Japan 2026 メモ");
  CHECK(documents[2]["path"] == "notes/redmine/summit.textile");
  CHECK(documents[2]["title"] == "AWS Summit Tokyo 2026 参加メモ");
  CHECK(documents[2]["event"] == "AWS Summit Tokyo 2026");
  std::vector<std::string> talks;
  for (const auto& s : Records(run.out, "section")) {
    if (s["section_kind"] == "talk" && s["doc"] != documents[0]["id"]) talks.push_back(s["code"].get<std::string>() + " " + s["title"].get<std::string>());
  }
  CHECK(talks == std::vector<std::string>{"SRE-204 Scaling Prometheus at LINEヤフー", "CUS-12 株式会社ナビタイムの Amazon EKS 移行事例"});
  const std::string original = ReadFile(dir / "notes" / "redmine" / "summit.textile");
  for (const auto& m : Records(run.out, "mention")) {
    if (m["doc"] != documents[2]["id"]) continue;
    const std::size_t start = m["start"], end = m["end"];
    CHECK(original.substr(start, end - start) == m["text"].get<std::string>());
  }
  fs::remove_all(dir);
}

TEST_CASE("bad usage exits 2 with a message", "[cli]") {
  const fs::path dir = Scratch("usage");
  CHECK(Kgx("frobnicate", dir).status == 2);
  const Run unknown_format = Kgx("extract --format pdf", dir);
  CHECK(unknown_format.status == 2);
  CHECK(unknown_format.err.find("unknown format 'pdf'") != std::string::npos);
  const Run two_to_stdout = Kgx("extract --format jsonl --format dot --out -", dir);
  CHECK(two_to_stdout.status == 2);
  CHECK(two_to_stdout.err.find("--out - writes one format") != std::string::npos);
  CHECK(Kgx("query mentions", dir).status == 2);
  CHECK(Kgx("--version", dir).out.rfind("kgx ", 0) == 0);
  fs::remove_all(dir);
}

TEST_CASE("broken rules stop extraction with exit 2 and file:line:col", "[cli]") {
  const fs::path dir = Scratch("rules");
  WriteFile(dir / "bad" / "x.rules", "[section talk]\n^(unclosed\n[gazetteer robot]\nR2D2\n");
  const Run run = Kgx("extract --rules bad", dir);
  CHECK(run.status == 2);
  CHECK(run.err.find("bad/x.rules:2:1: error: bad pattern '^(unclosed': missing ): ^(unclosed") != std::string::npos);
  CHECK(run.err.find("bad/x.rules:3:1: error: unknown entity type 'robot'") != std::string::npos);
  const Run check = Kgx("rules check bad", dir);
  CHECK(check.status == 2);
  CHECK(check.out.find("rules check: 2 errors, 0 warnings") != std::string::npos);
  CHECK(Kgx("rules check rules", dir).status == 0);
  // a session_id label is a label, written without the colon that follows it in a note
  WriteFile(dir / "label" / "x.rules", "[section session_id]\nSession ID\nSession No.:\n");
  const Run label = Kgx("rules check label", dir);
  CHECK(label.status == 2);
  CHECK(label.out.find("label/x.rules:3:1: error: session_id label 'Session No.:' holds a colon") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("query mentions finds an entity by any alias, width or case", "[cli]") {
  const fs::path dir = Scratch("query");
  WriteFile(dir / "notes" / "a.txt", kNote);
  for (const std::string name : {"Aurora", "'Amazon Aurora'", "ａｕｒｏｒａ", "オーロラ"}) {
    const Run run = Kgx("query notes mentions " + name, dir);
    CHECK(run.status == 0);
    CHECK(run.out.find("Amazon Aurora: 1 section") != std::string::npos);
    CHECK(run.out.find("DAT303") != std::string::npos);
  }
  const Run both = Kgx("query notes mentions ECS Lambda --json", dir);
  CHECK(both.status == 0);
  CHECK(nlohmann::json::parse(both.out).size() == 1);
  const Run unknown = Kgx("query notes mentions Auroar", dir);
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("no entity named 'Auroar'; closest known names: Amazon Aurora") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a saved graph.jsonl answers queries like the notes do", "[cli]") {
  const fs::path dir = Scratch("saved");
  WriteFile(dir / "notes" / "a.txt", kNote);
  REQUIRE(Kgx("extract notes --format jsonl --quiet", dir).status == 0);
  const Run live = Kgx("query notes mentions MySQL --json", dir);
  const Run saved = Kgx("query --graph out/graph.jsonl mentions MySQL --json", dir);
  CHECK(live.status == 0);
  CHECK(live.out == saved.out);
  fs::remove_all(dir);
}

TEST_CASE("output is identical across runs, thread counts and input order", "[cli]") {
  const fs::path dir = Scratch("determinism");
  for (int i = 0; i < 6; ++i) WriteFile(dir / "notes" / ("n" + std::to_string(i) + ".txt"), kNote);
  REQUIRE(Kgx("extract notes --format jsonl --format graphml --out one --threads 1 --quiet", dir).status == 0);
  REQUIRE(Kgx("extract notes/n5.txt notes/n1.txt notes --format jsonl --format graphml --out two --threads 2 --quiet", dir).status == 0);
  CHECK(ReadFile(dir / "one" / "graph.jsonl") == ReadFile(dir / "two" / "graph.jsonl"));
  CHECK(ReadFile(dir / "one" / "graph.graphml") == ReadFile(dir / "two" / "graph.graphml"));
  fs::remove_all(dir);
}

// `--format jsonl` alone streams its records (exporters/jsonl_stream.h); with another format the
// full graph is built and its exporter writes graph.jsonl. Both must write the same bytes.
TEST_CASE("streamed JSON Lines equal the graph exporter's, byte for byte", "[cli]") {
  const fs::path dir = Scratch("streamed");
  fs::copy(KGX_SOURCE_DIR "/samples", dir / "notes");
  WriteFile(dir / "notes" / "a.txt", kNote);
  WriteFile(dir / "notes" / "b-empty.txt", "");  // skipped: later documents keep their numbers
  // Skipped while the documents after them are already being rendered (--threads 2), under the
  // numbers they would have had otherwise.
  WriteFile(dir / "notes" / "0-empty.txt", "");
  WriteFile(dir / "notes" / "0-binary.txt", std::string("\x00\x01\x02 binary\x00", 11));
  WriteFile(dir / "notes" / "c-hostile.txt",
            "ARC301 - \"Quotes\" <tags> & back\\slashes\tand\x01controls\n"
            "- Netflix社の事例: MySQLからAuroraに移行、S3に1日5500億イベント\n"
            "- Intercom uses Amazon DynamoDB and Lambda, 30-45秒\n"
            "(BDT320) Netflixの中の人のプレゼン\n"
            "- Werner Vogels, CTO of Amazon: 250億リクエスト/day \xff\xfe bad bytes\n");
  for (const std::string threads : {"1", "2"}) {
    const Run streamed = Kgx("extract notes --format jsonl --out streamed --threads " + threads, dir);
    const Run graph = Kgx("extract notes --format jsonl --format dot --out graph --threads " + threads + " --quiet", dir);
    REQUIRE(streamed.status == 0);
    REQUIRE(graph.status == 0);
    CHECK(streamed.err.find("records streamed") != std::string::npos);
    const std::string bytes = ReadFile(dir / "streamed" / "graph.jsonl");
    CHECK(bytes.size() > 10000);
    CHECK(bytes == ReadFile(dir / "graph" / "graph.jsonl"));
    CHECK(Records(bytes, "relation").size() > 5);
  }
  // To standard output, the same bytes.
  const Run piped = Kgx("extract notes --format jsonl --out - --quiet", dir);
  CHECK(piped.status == 0);
  CHECK(piped.out == ReadFile(dir / "graph" / "graph.jsonl"));
  // Nothing but graph.jsonl is left in the output folder: the spool file has no name.
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir / "streamed")) names.push_back(entry.path().filename().string());
  CHECK(names == std::vector<std::string>{"graph.jsonl"});
  fs::remove_all(dir);
}

// What a Hadoop Streaming or Spark reducer sees: every shard's output on one stream.
TEST_CASE("shards concatenated on standard input merge like one run", "[cli]") {
  const fs::path dir = Scratch("concatenated");
  fs::copy(KGX_SOURCE_DIR "/samples", dir / "notes");
  WriteFile(dir / "notes" / "blank.txt", "\n   \n");  // a document without any record but its own
  REQUIRE(Kgx("extract notes --format jsonl --out whole --quiet", dir).status == 0);
  std::string parts;
  for (const auto& entry : fs::directory_iterator(dir / "notes")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".txt" && ext != ".md" && ext != ".org" && kgx::WikiDialectOfExtension(ext) == kgx::WikiDialect::kNone) continue;  // as a folder is read
    const Run part = Kgx("extract notes/" + entry.path().filename().string() + " --format jsonl --out - --quiet", dir);
    REQUIRE(part.status == 0);
    parts += part.out;
  }
  WriteFile(dir / "parts.jsonl", parts);
  const Run merged = Kgx("merge - --format jsonl --out - --quiet < parts.jsonl", dir);
  CHECK(merged.status == 0);
  CHECK(merged.out == ReadFile(dir / "whole" / "graph.jsonl"));
  fs::remove_all(dir);
}

TEST_CASE("a closed pipe ends the run quietly with status 0", "[cli]") {
  const fs::path dir = Scratch("pipe");
  for (int i = 0; i < 50; ++i) WriteFile(dir / "notes" / ("n" + std::to_string(i) + ".txt"), kNote);
  const std::string command = "cd '" + dir.string() + "' && set -o pipefail && '" KGX_BINARY
                              "' extract notes --format jsonl --out - --quiet | head -1 >/dev/null";
  const int raw = std::system(("bash -c \"" + command + "\"").c_str());
  CHECK(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 0);
  fs::remove_all(dir);
}

TEST_CASE("an output path that is a file is a clear error, and nothing is half-written", "[cli]") {
  const fs::path dir = Scratch("atomic");
  WriteFile(dir / "notes" / "a.txt", kNote);
  WriteFile(dir / "blocked", "a file, not a folder");
  const Run run = Kgx("extract notes --out blocked", dir);
  CHECK(run.status == 1);
  CHECK(run.err.find("blocked") != std::string::npos);
  // A previous output survives a failed run untouched.
  REQUIRE(Kgx("extract notes --format jsonl --quiet", dir).status == 0);
  const std::string before = ReadFile(dir / "out" / "graph.jsonl");
  fs::permissions(dir / "out", fs::perms::owner_write, fs::perm_options::remove);
  const Run denied = Kgx("extract notes --format jsonl --quiet", dir);
  fs::permissions(dir / "out", fs::perms::owner_write, fs::perm_options::add);
  if (::geteuid() != 0) CHECK(denied.status == 1);  // root may write anyway
  CHECK(ReadFile(dir / "out" / "graph.jsonl") == before);
  for (const auto& entry : fs::directory_iterator(dir / "out")) {
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
  }
  fs::remove_all(dir);
}
