// InclusionAside: whether a name after an amount stands in a parenthesised aside that says what the
// figure includes or leaves out ("月 $61,000 に削減(Savings Plans 込み)", "$3,400/month (incl. S3)"):
// the figure is not that name's. QuantityMeasures (quantity_measures.h) asks it of a candidate name.
#pragma once

#include <cstddef>
#include <string_view>

namespace kgx {

// `line` is a normalized line (full-width parentheses are ASCII after NFKC); `amount_end` is where
// the amount ends and [name_begin, name_end) the name, all offsets in the line, the name after the
// amount. True when a parenthesis opened between them is still open at the name and its text, up
// to its close, says 込み (込) / 含む / 含め / 抜き / 除く / incl. / including / excluding.
bool InInclusionAside(std::string_view line, std::size_t amount_end, std::size_t name_begin, std::size_t name_end);

}  // namespace kgx
