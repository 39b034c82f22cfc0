// Thread counters: the "2/12" that a post of an X (Twitter) or Bluesky thread ends with, on a line of
// its own. The segmenter asks it of the line after a heading candidate: the line above a counter is
// the end of a post ("CI は 1日 250万ジョブ 😳" over "2/12"), not a title.
#pragma once

#include <string_view>

namespace kgx {

// True when `line` (blanks around it aside) is "N/M", "(N/M)" or "N/M 🧵": N from 1 to M, M from 2
// to 999, no other text. A date alone on a line ("11/27") has its day above its month mostly; one
// that does not ("3/6") reads as a counter too, a rare loss after a heading.
bool IsThreadCounter(std::string_view line);

}  // namespace kgx
