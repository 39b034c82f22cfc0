// Per-thread Vectorscan scratch (see vectorscan_scratch.h).
#include "extractor/vectorscan_scratch.h"

#include <algorithm>
#include <atomic>
#include <vector>

#include "extractor/text_util.h"

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

hs_database_t* CompileLiteralDatabase(const std::vector<std::string>& literals, unsigned flags, std::string& error,
                                      int& failed) {
  std::vector<const char*> expressions;
  std::vector<std::size_t> lengths;
  std::vector<unsigned> all_flags(literals.size(), flags), ids;
  for (std::size_t i = 0; i < literals.size(); ++i) {
    expressions.push_back(literals[i].data());
    lengths.push_back(literals[i].size());
    ids.push_back(static_cast<unsigned>(i));
    // Caseless changes nothing for a literal without ASCII letters (kana, `->`), and costs the
    // matcher a masked confirm of each of its candidate places: such literals are matched exactly.
    if (!std::any_of(literals[i].begin(), literals[i].end(), IsAsciiLetter)) all_flags[i] &= ~HS_FLAG_CASELESS;
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* compile_error = nullptr;
  failed = -1;
  if (hs_compile_lit_multi(expressions.data(), all_flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &db,
                           &compile_error) != HS_SUCCESS) {
    error = compile_error && compile_error->message ? compile_error->message : "unknown error";
    if (compile_error) {
      failed = compile_error->expression;
      hs_free_compile_error(compile_error);
    }
    return nullptr;
  }
  return db;
}

}  // namespace kgx
