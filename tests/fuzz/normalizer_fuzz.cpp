// libFuzzer target: any bytes -> Reader's CleanSource -> Normalize with its offset map.
// Invariants: tests/fuzz/fuzz_checks.h (CheckNormalizer); findings go to tests/fuzz/regressions/normalizer/.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return kgx::fuzz::RunCheck(kgx::fuzz::CheckNormalizer, data, size);
}
