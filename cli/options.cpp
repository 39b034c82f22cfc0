// Command-line parsing (see options.h). Flags may appear anywhere after the command.
#include "cli/options.h"

#include <charconv>

namespace kgx {

namespace {

Status Bad(const std::string& message) { return Status(ErrorCode::kInvalidArgument, message); }

bool ParseCount(const std::string& text, std::size_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool IsQueryVerb(const std::string& word) {
  return word == "mentions" || word == "neighbors" || word == "path" || word == "top";
}

}  // namespace

std::string UsageText() {
  return R"(kgx: build a knowledge graph from technical notes

usage:
  kgx extract [INPUT...] [--rules DIR]... [--format F]... [--out DIR] [--threads N] [--quiet]
  kgx query   [INPUT...] mentions NAME... [--type T]
  kgx query   [INPUT...] neighbors NAME [--type T] [--relation R]
  kgx query   [INPUT...] path NAME NAME
  kgx query   [INPUT...] top [--by pagerank|degree] [--type T] [-n K]
              (query options: --graph FILE reads a saved graph.jsonl; --json for scripts)
  kgx rules check [DIR]
  kgx eval --gold GOLD.json [INPUT...] [--json]
  kgx merge SHARD.jsonl... [--format F]... [--out DIR]
  kgx --help | --version

INPUT: files, folders (read recursively: *.txt, *.md, *.org and wiki notes: *.textile, *.adoc, *.asciidoc,
       *.howm, *.wiki, *.mediawiki, *.wikitext), or - for standard input; default samples/.
An .org file, or a note opening with #+TITLE:, #+STARTUP: and the like, is read as org-mode.
--format: graphml, gexf, jsonld, neo4j, cypher, dot, jsonl (default: graphml and jsonld).
--out DIR: where graph.<ext> files go (default out/); --out - writes one format to standard output.
Exit status: 0 success, 1 failure while running, 2 bad usage or invalid rules.
)";
}

Result<Options> ParseOptions(const std::vector<std::string>& args) {
  Options options;
  if (args.empty()) return Bad("missing command (try 'kgx --help')");
  std::size_t i = 0;
  const std::string& first = args[0];
  if (first == "--help" || first == "-h" || first == "help") {
    options.command = "help";
    return options;
  }
  if (first == "--version") {
    options.command = "version";
    return options;
  }
  if (first != "extract" && first != "query" && first != "rules" && first != "eval" && first != "merge") {
    return Bad("unknown command '" + first + "' (try 'kgx --help')");
  }
  options.command = first;
  ++i;
  const auto value_of = [&](const std::string& flag) -> Result<std::string> {
    if (i + 1 >= args.size()) return Bad("option " + flag + " needs a value");
    return args[++i];
  };
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      options.command = "help";
      return options;
    }
    if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      Result<std::string> value = std::string();
      if (arg == "--quiet" || arg == "-q") { options.quiet = true; continue; }
      if (arg == "--json") { options.json = true; continue; }
      if (arg == "--rules" || arg == "--format" || arg == "--out" || arg == "-o" || arg == "--threads" ||
          arg == "-j" || arg == "--type" || arg == "--relation" || arg == "--by" || arg == "-n" ||
          arg == "--graph" || arg == "--gold") {
        value = value_of(arg);
        if (!value.ok()) return value.status();
      } else {
        return Bad("unknown option '" + arg + "'");
      }
      const std::string& v = *value;
      if (arg == "--rules") options.rules_dirs.push_back(v);
      else if (arg == "--format") options.formats.push_back(v);
      else if (arg == "--out" || arg == "-o") options.out = v;
      else if (arg == "--threads" || arg == "-j") {
        if (!ParseCount(v, options.threads)) return Bad("--threads needs a whole number, not '" + v + "'");
      }
      else if (arg == "--type") options.type_filter = v;
      else if (arg == "--relation") options.relation_filter = v;
      else if (arg == "--by") {
        if (v != "pagerank" && v != "degree" && v != "mentions") return Bad("--by takes pagerank, degree or mentions, not '" + v + "'");
        options.by = v;
      }
      else if (arg == "-n") {
        if (!ParseCount(v, options.limit)) return Bad("-n needs a whole number, not '" + v + "'");
      }
      else if (arg == "--graph") options.graph_file = v;
      else if (arg == "--gold") options.gold = v;
      continue;
    }
    // Positional arguments.
    if (options.command == "query" && options.verb.empty() && IsQueryVerb(arg)) {
      options.verb = arg;
    } else if (options.command == "query" && !options.verb.empty()) {
      options.names.push_back(arg);
    } else if (options.command == "rules" && options.rules_verb.empty()) {
      if (arg != "check") return Bad("unknown rules command '" + arg + "' (expected 'check')");
      options.rules_verb = arg;
    } else {
      options.inputs.push_back(arg);
    }
  }
  if (options.command == "query") {
    if (options.verb.empty()) return Bad("query needs a question: mentions, neighbors, path or top");
    if ((options.verb == "mentions" || options.verb == "neighbors") && options.names.empty()) {
      return Bad("query " + options.verb + " needs a NAME");
    }
    if (options.verb == "neighbors" && options.names.size() != 1) return Bad("query neighbors takes one NAME");
    if (options.verb == "path" && options.names.size() != 2) return Bad("query path needs two NAMEs");
    if (options.verb == "top" && !options.names.empty()) return Bad("query top takes no NAME");
  }
  if (options.command == "rules" && options.rules_verb.empty()) return Bad("rules needs a command: check");
  if (options.command == "eval" && options.gold.empty()) return Bad("eval needs --gold GOLD.json");
  if (options.command == "merge" && options.inputs.empty()) return Bad("merge needs SHARD.jsonl files");
  return options;
}

}  // namespace kgx
