// One Vectorscan scratch per thread, shared by every database of the extractor (gazetteer,
// pattern prefilters), and the one way they compile their literals. Internal to extractor/: other folders never see Vectorscan types.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <string>
#include <vector>

namespace kgx {

// Returns a new serial number for a compiled database; addresses of freed databases may be
// reused, serials never are.
std::uint64_t NewVectorscanSerial();

// Returns this thread's scratch, grown to fit `db` the first time the thread meets `serial`
// (sizing costs more than scanning a line, so it is done once per thread and database).
// Returns nullptr when Vectorscan cannot allocate it. Valid until the thread ends.
hs_scratch_t* VectorscanScratchFor(const hs_database_t* db, std::uint64_t serial);

// Compiles `literals` (each one's id is its index) into one block-mode database, with `flags`
// on every literal (but HS_FLAG_CASELESS only on those with an ASCII letter: it is a no-op on the others). On failure returns nullptr with the library's message in `error` and the
// index of the literal it names in `failed` (-1 when none).
hs_database_t* CompileLiteralDatabase(const std::vector<std::string>& literals, unsigned flags, std::string& error,
                                      int& failed);

}  // namespace kgx
