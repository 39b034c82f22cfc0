// Session ID fields: the "Session ID: SVS401" line that an event site's session catalog puts under
// each session's title, as notes paste it. The segmenter asks it of the line after a candidate
// title: a title over such a field is that session's talk, with the field's code.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace kgx {

// Where a session's code is in a field line ("Session ID: SVS401", "Session code: CUS-12",
// "セッションID: AIM-21"), as an offset and a length into `line`; nullopt for any other line. The
// code is one token of ASCII letters, digits and dashes with a letter and a digit ("SVS401", "KEY-01"),
// alone after the label: a value of words ("Session ID: see below") is none.
std::optional<std::pair<std::size_t, std::size_t>> SessionIdCode(std::string_view line);

// False for a line that cannot be such a field, told by its first byte (every label opens with "S", "s"
// or セ's first byte; a field is not indented): most lines, without a call.
inline bool MayBeSessionIdField(std::string_view line) {
  if (line.empty()) return false;
  const auto first = static_cast<unsigned char>(line[0]);
  return first == 'S' || first == 's' || first == 0xE3 || first == ' ' || first == '\t';
}

}  // namespace kgx
