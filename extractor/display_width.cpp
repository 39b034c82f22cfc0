// Terminal display width of UTF-8 text, from ICU's East Asian Width property.
#include <unicode/uchar.h>

#include "extractor/text_util.h"

namespace kgx {

std::size_t DisplayWidth(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t length = 0;
    const char32_t cp = DecodeUtf8(s, i, length);
    i += length;
    const int eaw = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
    if (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) continue;
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

}  // namespace kgx
