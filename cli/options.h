// Options: the command line parsed once into an immutable value (DESIGN.md §2).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "extractor/status.h"

namespace kgx {

struct Options {
  std::string command;  // "extract", "query", "rules", "eval", "merge", "help", "version"
  std::vector<std::string> inputs;
  std::vector<std::string> rules_dirs;  // empty = the shipped rules
  std::vector<std::string> formats;     // empty = the command's default
  std::string out = "out";
  std::size_t threads = 0;  // 0 = all cores
  bool quiet = false;
  bool json = false;
  // query
  std::string verb;                // mentions | neighbors | path | top
  std::vector<std::string> names;  // the verb's arguments
  std::string type_filter;         // --type
  std::string relation_filter;     // --relation
  std::string by = "pagerank";     // top --by
  std::size_t limit = 10;          // top -n
  std::string graph_file;          // --graph
  // rules check
  std::string rules_verb;          // "check"
  // eval
  std::string gold;
};

// Parses argv (without the program name). Errors are kInvalidArgument with a message that
// names the offending argument.
Result<Options> ParseOptions(const std::vector<std::string>& args);

// The text of `kgx --help`.
std::string UsageText();

}  // namespace kgx
