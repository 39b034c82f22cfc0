// libFuzzer target: any bytes as a rule file -> ParseRuleText -> RuleSet::FromBlocks -> extraction.
// Invariants: tests/fuzz/fuzz_checks.h (CheckRules); findings go to tests/fuzz/regressions/rules/.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return kgx::fuzz::RunCheck(kgx::fuzz::CheckRules, data, size);
}
