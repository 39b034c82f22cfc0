// UrlSpans: where a line holds a web address. Names inside an address ("https", "aws" in
// https://aws.amazon.com/…, "ARC301" in a slide link) are no mentions of an entity.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace kgx {

// Returns the [begin, end) byte spans of the addresses in `text`, ascending: a scheme (http,
// https, ftp, any case) with "://", up to white space, a quote, an angle bracket, a closing
// parenthesis or bracket, or Japanese punctuation.
std::vector<std::pair<std::size_t, std::size_t>> UrlSpans(std::string_view text);

}  // namespace kgx
