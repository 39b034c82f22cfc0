// libFuzzer target: any bytes as one document -> Extractor::Extract -> graph -> every exporter.
// Invariants: tests/fuzz/fuzz_checks.h (CheckExtract); findings go to tests/fuzz/regressions/extract/.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_checks.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)kgx::fuzz::ShippedRules();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return kgx::fuzz::RunCheck([](std::string_view bytes) { return kgx::fuzz::CheckExtract(bytes); }, data, size);
}
