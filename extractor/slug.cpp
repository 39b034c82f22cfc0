// Slugify (see slug.h).
#include "extractor/slug.h"

#include "extractor/normalizer.h"
#include "extractor/text_util.h"

namespace kgx {

std::string Slugify(std::string_view name) {
  const std::string folded = NormalizeForMatching(name);
  std::string slug;
  bool pending_dash = false;
  const auto emit = [&](std::string_view piece) {
    if (pending_dash && !slug.empty()) slug += '-';
    pending_dash = false;
    slug += piece;
  };
  for (std::size_t i = 0; i < folded.size();) {
    const unsigned char c = static_cast<unsigned char>(folded[i]);
    if (c >= 0x80) {
      std::size_t length = 0;
      DecodeUtf8(folded, i, length);
      emit(std::string_view(folded).substr(i, length));
      i += length;
      continue;
    }
    if (IsAsciiAlnum(c) || c == '.' || c == '_') {
      emit(std::string_view(folded).substr(i, 1));
    } else if (c == '+') {
      emit("plus");
    } else if (c == '#') {
      emit("sharp");
    } else if (c == '&') {
      pending_dash = true;
      emit("and");
      pending_dash = true;
    } else {
      pending_dash = true;
    }
    ++i;
  }
  return slug.empty() ? "unnamed" : slug;
}

}  // namespace kgx
