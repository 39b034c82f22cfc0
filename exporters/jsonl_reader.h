// Reading kgx-jsonl/1 back into per-document extraction results, so a saved graph.jsonl can be
// queried and shard outputs can be merged into exactly the graph one run would have built.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "extractor/status.h"
#include "extractor/types.h"

namespace kgx {

// Reads the records of one kgx-jsonl/1 stream and appends its documents to `documents`
// (sections, entities, mentions, quantities, relations restored; document ids dropped).
// `name` is used in error messages ("file:line: …").
Status ReadJsonLines(std::istream& in, const std::string& name, std::vector<DocumentResult>& documents);

}  // namespace kgx
