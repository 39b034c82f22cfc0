// List discovery: an unlisted name among the items of a list whose other items are known
// entities of one kind is most likely of that kind too. "Backstage, Argo CD, OpenTelemetry" with
// Argo CD and OpenTelemetry listed technologies makes Backstage one. Items are separated by
// ",", "、", "，", " / ", " and ", " & ", or と/や between Latin names; a list needs three items or
// more, two of them known and of one kind (technology, or technology with AWS services: the new
// name is a technology; or company). A new name is one Latin word that starts with a capital and
// is not all capitals ("Backstage", "OpenTelemetry", "PyPI"): acronyms, hyphenated terms and
// phrases in such lists are mostly concepts (OLTP, Copy-On-Write, Event Sourcing), and the stop
// words of the type ([discover.stop TYPE]) are never names. Pipeline: used by Discovery.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "extractor/types.h"

namespace kgx {

struct KnownName {
  std::size_t begin = 0, end = 0;  // offsets into the line
  EntityType type = EntityType::kTechnology;
};

struct ListName {
  std::size_t begin = 0, end = 0;
  EntityType type = EntityType::kTechnology;
};

// `known`: the line's known names, sorted by begin, not overlapping. `stopped(type, name)` says
// whether a word may never be a name of that type.
std::vector<ListName> FindListNames(std::string_view line, const std::vector<KnownName>& known,
                                    const std::function<bool(EntityType, std::string_view)>& stopped);

}  // namespace kgx
