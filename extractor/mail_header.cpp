// Finds the subject of a mail header at the top of a note (see mail_header.h).
#include "extractor/mail_header.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "extractor/text_util.h"

namespace kgx {
namespace {

// A header block longer than this is no mail's header but a note of "Key: value" lines.
constexpr std::size_t kMaxHeaderLines = 12;

enum class Field { kOther, kSender, kSubject, kNone };

// Which header field `key` is (English names in any case, as mail clients write them).
Field FieldOf(std::string_view key) {
  static constexpr std::array<std::string_view, 4> kSenders = {"from", "sender", "差出人", "送信者"};
  static constexpr std::array<std::string_view, 2> kSubjects = {"subject", "件名"};
  static constexpr std::array<std::string_view, 10> kOthers = {"to", "cc", "bcc", "date", "sent", "reply-to",
                                                               "宛先", "日付", "送信日時", "message-id"};
  const std::string lower = AsciiLowerCopy(key);
  const auto in = [&](const auto& names) { return std::find(names.begin(), names.end(), lower) != names.end(); };
  if (in(kSenders)) return Field::kSender;
  if (in(kSubjects)) return Field::kSubject;
  return in(kOthers) ? Field::kOther : Field::kNone;
}

// For a "Key: value" line, the field and its trimmed value (the text is NFKC-normalized: a full-width colon is ':').
Field ReadField(std::string_view line, std::string_view& value) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return Field::kNone;
  value = TrimAscii(line.substr(colon + 1));
  return FieldOf(TrimAscii(line.substr(0, colon)));
}

}  // namespace

std::optional<FrontMatterTitle> FindMailSubject(const std::vector<LineView>& lines) {
  std::size_t first = 0;
  while (first < lines.size() && TrimAscii(lines[first].text).empty()) ++first;
  bool sender = false;
  std::optional<FrontMatterTitle> subject;
  for (std::size_t i = first; i < lines.size(); ++i) {
    const LineView& line = lines[i];
    if (TrimAscii(line.text).empty()) break;  // the header ends at the first blank line
    if (i - first >= kMaxHeaderLines) return std::nullopt;
    if (line.text[0] == ' ' || line.text[0] == '\t') {
      if (i == first) return std::nullopt;
      continue;  // a folded field's continuation
    }
    std::string_view value;
    const Field field = ReadField(line.text, value);
    if (field == Field::kNone) return std::nullopt;
    if (field == Field::kSender) sender = true;
    if (field != Field::kSubject || subject || value.empty()) continue;
    const std::size_t begin = line.norm_begin + static_cast<std::size_t>(value.data() - line.text.data());
    subject = FrontMatterTitle{begin, begin + value.size(), line.number};
  }
  if (!sender) return std::nullopt;
  return subject;
}

}  // namespace kgx
