// `kgx rules check [DIR]`: loads every rule file, reports every problem at once as
// file:line:col, and a count of what was loaded. Exit 2 on errors.
#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "extractor/rule_set.h"

namespace kgx {

int RunRulesCheck(const Options& options) {
  std::vector<std::string> dirs = options.inputs;
  for (const std::string& dir : options.rules_dirs) dirs.push_back(dir);
  if (dirs.empty()) dirs.push_back(DefaultRulesDir());
  std::vector<RuleDiagnostic> diagnostics;
  auto rules = RuleSet::Load(dirs, diagnostics);
  std::size_t errors = 0, warnings = 0;
  for (const RuleDiagnostic& d : diagnostics) {
    std::cout << d.ToString() << '\n';
    (d.is_error ? errors : warnings)++;
  }
  if (!rules) {
    std::cout << "rules check: " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning\n" : " warnings\n");
    return kExitUsage;
  }
  std::size_t per_type[4] = {0, 0, 0, 0};
  for (const Entity& e : rules->gazetteer().entities()) per_type[static_cast<int>(e.type)]++;
  std::cout << "rules check: ok, " << rules->gazetteer().entities().size() << " entities ("
            << per_type[0] << " aws_service, " << per_type[1] << " company, " << per_type[2] << " person, "
            << per_type[3] << " technology), " << rules->gazetteer().alias_count() << " aliases, " << warnings
            << (warnings == 1 ? " warning\n" : " warnings\n");
  return kExitOk;
}

}  // namespace kgx
