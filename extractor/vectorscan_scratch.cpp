// Per-thread Vectorscan scratch (see vectorscan_scratch.h).
#include "extractor/vectorscan_scratch.h"

#include <algorithm>
#include <atomic>
#include <vector>

namespace kgx {

namespace {

std::atomic<std::uint64_t> next_serial{1};

struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<std::uint64_t> sized_for;
  ~ThreadScratch() {
    if (scratch) hs_free_scratch(scratch);
  }
};

}  // namespace

std::uint64_t NewVectorscanSerial() { return next_serial++; }

hs_scratch_t* VectorscanScratchFor(const hs_database_t* db, std::uint64_t serial) {
  static thread_local ThreadScratch local;
  if (std::find(local.sized_for.begin(), local.sized_for.end(), serial) != local.sized_for.end()) {
    return local.scratch;
  }
  if (hs_alloc_scratch(db, &local.scratch) != HS_SUCCESS) return nullptr;
  local.sized_for.push_back(serial);
  return local.scratch;
}

}  // namespace kgx
