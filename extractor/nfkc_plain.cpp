// The table of plain characters. Reading all 65,536 code points from ICU costs ~13 M
// instructions; a run over Japanese and English notes meets a few hundred blocks of 64. Threads
// that read the same block at once store the same bits.
#include "extractor/nfkc_plain.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

namespace kgx::nfkc_plain_detail {

constinit Table table;

void ReadBlock(std::size_t block) {
  std::uint64_t word = 0;
  for (unsigned k = 0; k < 64; ++k) {
    const auto c = static_cast<UChar32>(block * 64 + k);
    if (u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0) {
      word |= std::uint64_t{1} << k;
    }
  }
  table.bits[block].store(word, std::memory_order_relaxed);
  table.read[block >> 6].fetch_or(std::uint64_t{1} << (block & 63), std::memory_order_release);
}

}  // namespace kgx::nfkc_plain_detail
