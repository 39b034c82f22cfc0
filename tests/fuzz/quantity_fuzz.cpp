// libFuzzer target: any bytes -> cleaned, normalized lines -> QuantityParser::Find (shipped rules).
// Invariants: tests/fuzz/fuzz_checks.h (CheckQuantities); findings go to tests/fuzz/regressions/quantity/.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)kgx::fuzz::ShippedRules();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return kgx::fuzz::RunCheck(kgx::fuzz::CheckQuantities, data, size);
}
