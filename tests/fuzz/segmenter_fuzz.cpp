// libFuzzer target: any bytes -> cleaned, normalized lines -> Segmenter::Segment (shipped rules).
// Invariants: tests/fuzz/fuzz_checks.h (CheckSegmenter); findings go to tests/fuzz/regressions/segmenter/.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)kgx::fuzz::ShippedRules();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return kgx::fuzz::RunCheck(kgx::fuzz::CheckSegmenter, data, size);
}
