// Session ID fields: the "Session ID: SVS401" line that an event site's session catalog puts under
// each session's title, as notes paste it. The labels come from the rules ([section session_id]);
// the segmenter asks the compiled field of the line after a candidate title: a title over such a
// field is that session's talk, with the field's code.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/rule_file.h"

namespace kgx {

class SessionIdField {
 public:
  // Adds the labels of a [section session_id] block, one a line ("Session ID", "セッションID"); a
  // line that cannot be a label (empty of letters, holding a colon, which follows the label in a
  // note) is reported with its file and line and added to nothing; false when one was.
  bool AddLabels(const RuleBlock& block, std::vector<RuleDiagnostic>& diagnostics);

  // Where a session's code is in a field line ("Session ID: SVS401", "session code : KEY-01",
  // "セッションID: AIM-21"), as an offset and a length into `line`; nullopt for any other line. A
  // label is compared with ASCII letters in any case; blanks may come before the colon. The code is
  // one token of ASCII letters, digits and dashes with a letter and a digit ("SVS401", "KEY-01"),
  // alone after the label: a value of words ("Session ID: see below") is none.
  std::optional<std::pair<std::size_t, std::size_t>> Code(std::string_view line) const;

  // False for a line that cannot be such a field, told by its first byte (a first byte of some
  // label, either case, or a blank: the line may be indented): most lines, without a call.
  bool MayBeField(std::string_view line) const {
    return !line.empty() && first_bytes_[static_cast<unsigned char>(line[0])];
  }

  bool empty() const { return labels_.empty(); }

 private:
  std::vector<std::string> labels_;  // ASCII letters in lower case
  std::array<bool, 256> first_bytes_{};
};

}  // namespace kgx
