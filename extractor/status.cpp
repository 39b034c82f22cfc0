// Formatting of Status and Location for messages.
#include "extractor/status.h"

namespace kgx {

std::string Location::ToString() const {
  std::string out = file;
  if (line == 0) return out;
  out += ":" + std::to_string(line);
  if (column != 0) out += ":" + std::to_string(column);
  return out;
}

std::string Status::ToString() const {
  const std::string place = where_.ToString();
  if (place.empty()) return message_;
  return place + ": " + message_;
}

}  // namespace kgx
