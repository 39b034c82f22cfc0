// Mail header: the subject of an e-mail pasted into the notes (a conference day's digest sent to a team), whose
// "From:" / "To:" / "Subject:" block opens the note. The subject, not the "From:" line, names the document, as a
// front matter's title does (front_matter.h); used by the extractor when it names a document.
#pragma once

#include <optional>
#include <vector>

#include "extractor/front_matter.h"
#include "extractor/segmenter.h"

namespace kgx {

// The subject of the mail header that opens `lines`: the lines up to the first blank one are all header fields
// ("From:", "To:", "Cc:", "Date:", "Subject:", or 差出人, 宛先, 件名 …, and indented continuations), among them a
// sender and a subject. nullopt when the note opens otherwise or the subject is empty.
std::optional<FrontMatterTitle> FindMailSubject(const std::vector<LineView>& lines);

}  // namespace kgx
