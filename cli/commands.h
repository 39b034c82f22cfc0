// The sub-commands of kgx and the dispatcher that maps their outcome to an exit status
// (0 success, 1 failure while running, 2 bad usage or invalid rules). Holds the only catch-all.
#pragma once

#include "cli/options.h"

namespace kgx {

int RunCommandLine(int argc, char** argv);

int RunExtract(const Options& options);
int RunQuery(const Options& options);
int RunRulesCheck(const Options& options);
int RunEval(const Options& options);
int RunMerge(const Options& options);

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

}  // namespace kgx
