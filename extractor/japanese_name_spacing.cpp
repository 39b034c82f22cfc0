// Japanese names without their blanks (see japanese_name_spacing.h).
#include "extractor/japanese_name_spacing.h"

namespace kgx {

std::string JoinedJapaneseName(std::string_view name) {
  if (name.empty() || name.front() == ' ' || name.back() == ' ') return {};
  std::string joined;
  joined.reserve(name.size());
  int blanks = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == ' ') {
      if (name[i - 1] == ' ' || ++blanks > 2) return {};  // one blank between two parts, at most three parts
      continue;
    }
    if (c < 0x80) return {};  // a Latin letter, a digit or a mark: no Japanese name
    joined += name[i];
  }
  return blanks == 0 ? std::string() : joined;
}

}  // namespace kgx
