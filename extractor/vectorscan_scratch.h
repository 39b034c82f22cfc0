// One Vectorscan scratch per thread, shared by every database of the extractor (gazetteer,
// discovery prefilter). Internal to extractor/: other folders never see Vectorscan types.
#pragma once

#include <hs/hs.h>

#include <cstdint>

namespace kgx {

// Returns a new serial number for a compiled database; addresses of freed databases may be
// reused, serials never are.
std::uint64_t NewVectorscanSerial();

// Returns this thread's scratch, grown to fit `db` the first time the thread meets `serial`
// (sizing costs more than scanning a line, so it is done once per thread and database).
// Returns nullptr when Vectorscan cannot allocate it. Valid until the thread ends.
hs_scratch_t* VectorscanScratchFor(const hs_database_t* db, std::uint64_t serial);

}  // namespace kgx
