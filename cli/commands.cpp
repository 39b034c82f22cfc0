// Dispatching the command line (see commands.h).
#include "cli/commands.h"

#include <csignal>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace kgx {

int RunCommandLine(int argc, char** argv) {
  // `kgx … | head`: a closed pipe ends the run quietly instead of killing it with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  Result<Options> parsed = ParseOptions(args);
  if (!parsed.ok()) {
    std::cerr << "kgx: " << parsed.status().message() << '\n';
    return kExitUsage;
  }
  const Options& options = *parsed;
  try {
    if (options.command == "help") {
      std::cout << UsageText();
      return kExitOk;
    }
    if (options.command == "version") {
      std::cout << "kgx " << KGX_VERSION << '\n';
      return kExitOk;
    }
    if (options.command == "extract") return RunExtract(options);
    if (options.command == "query") return RunQuery(options);
    if (options.command == "rules") return RunRulesCheck(options);
    if (options.command == "eval") return RunEval(options);
    if (options.command == "merge") return RunMerge(options);
  } catch (const std::exception& e) {
    std::cerr << "kgx: internal error: " << e.what() << '\n';
    return kExitFailure;
  }
  std::cerr << "kgx: unknown command\n";
  return kExitUsage;
}

}  // namespace kgx
