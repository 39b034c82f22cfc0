// Marked lines for the relation rules (see relation_marking.h): writing a line's markers and
// reading them back. RelationRules marks each line of a section with mentions before its
// patterns run; the matches it finds are read back here.
#include "extractor/relation_marking.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <iterator>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace kgx {

namespace {

constexpr std::string_view kOpen = kMarkerOpen;
constexpr std::string_view kClose = kMarkerClose;
static_assert(kOpen[0] == kClose[0], "AppendText looks for the marks by their first byte");

// The length of the phrase end that starts at `i` in `text` (。、!?, and a '.' followed by a
// space: a sentence's end, not "Node.js"), or 0.
std::size_t StopAt(std::string_view text, std::size_t i) {
  if (text[i] == '\xE3') return i + 2 < text.size() && text[i + 1] == '\x80' && (text[i + 2] == '\x82' || text[i + 2] == '\x81') ? 3 : 0;
  return text[i] == '!' || text[i] == '?' || text[i] == ',' || (text[i] == '.' && i + 1 < text.size() && text[i + 1] == ' ') ? 1 : 0;
}

// Returns the phrase ends of `marked` (StopAt), found once per line. The bytes inside a
// three-byte end (80, 81, 82) start none, so every place may be asked.
const std::vector<std::pair<std::size_t, std::size_t>>& PhraseStops(MarkedLine& marked) {
  if (marked.stops) return *marked.stops;
  auto& stops = marked.stops.emplace();
  const std::string_view text = marked.text;
  const auto add = [&](std::size_t i) {
    if (const std::size_t length = StopAt(text, i)) stops.emplace_back(i, length);
  };
  std::size_t i = 0;
#ifdef __SSE2__
  // Sixteen places at a time: an end starts only at !?,. or at E3 80 (most kana lead with E3 but
  // are followed by 81-83), so most blocks of Japanese or English text have no place to ask.
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const auto same = [](__m128i block, char c) { return _mm_cmpeq_epi8(block, _mm_set1_epi8(c)); };
  for (; i + 17 <= text.size(); i += 16) {
    const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i + 1));
    const __m128i wide = _mm_and_si128(same(here, '\xE3'), same(next, '\x80'));
    const __m128i ascii = _mm_or_si128(_mm_or_si128(same(here, '!'), same(here, '?')), _mm_or_si128(same(here, ','), same(here, '.')));
    for (auto places = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(wide, ascii))); places != 0; places &= places - 1) {
      add(i + static_cast<unsigned>(std::countr_zero(places)));
    }
  }
#endif
  for (; i < text.size(); ++i) add(i);
  return stops;
}

// Appends `text` to `marked`; a marker character already in the text becomes U+FFFD (also three
// bytes), so that text can never pose as a mention.
void AppendText(std::string_view text, std::string& marked) {
  const std::size_t from = marked.size();
  marked.append(text);
  if (text.find(kOpen[0]) == std::string_view::npos) return;  // both marks start with this byte
  for (std::string_view mark : {kOpen, kClose}) {
    for (std::size_t at = marked.find(mark, from); at != std::string::npos; at = marked.find(mark, at)) {
      marked.replace(at, mark.size(), "\xEF\xBF\xBD");
    }
  }
}

}  // namespace

char TypeLetter(EntityType type) {
  switch (type) {
    case EntityType::kAwsService: return 'a';
    case EntityType::kCompany: return 'c';
    case EntityType::kPerson: return 'p';
    case EntityType::kTechnology: return 't';
  }
  return 't';
}

std::string TypeLetters(TypeMask types) {
  std::string letters;
  for (const EntityType type : kAllEntityTypes) {
    if (types & TypeBit(type)) letters += TypeLetter(type);
  }
  return letters;
}

std::string MarkerPattern(const std::string& letters) {
  return std::string(kOpen) + "[" + letters + "][0-9]+" + std::string(kClose);
}

std::vector<int> MarkersIn(std::string_view span, std::string_view letters) {
  std::vector<int> found;
  for (std::size_t at = span.find(kOpen); at != std::string_view::npos; at = span.find(kOpen, at + 1)) {
    if (at + kOpen.size() >= span.size()) break;
    if (letters.find(span[at + kOpen.size()]) == std::string_view::npos) continue;
    found.push_back(MarkerIndex(span.substr(at)));
  }
  return found;
}

std::pair<std::size_t, std::size_t> MarkerRange(const MarkedLine& marked, int index) {
  const auto i = static_cast<std::size_t>(index);
  if (index < 0 || i >= marked.marker_at.size() || marked.marker_at[i] == std::string::npos) {
    return {std::string_view::npos, std::string_view::npos};
  }
  const std::size_t at = marked.marker_at[i];
  const std::size_t close = marked.text.find(kClose, at);
  return {at, close == std::string::npos ? marked.text.size() : close + kClose.size()};
}

// The line's punctuation is found once (MarkedLine::stops): searched for every object, a line
// listing a million names took minutes.
std::string_view PhraseAround(MarkedLine& marked, std::size_t begin, std::size_t end) {
  constexpr std::size_t kMaxReach = 1024;
  const std::string_view text = marked.text;
  std::size_t from = begin > kMaxReach ? begin - kMaxReach : 0;
  while (from < begin && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  std::size_t to = std::min(text.size(), end + kMaxReach);
  while (to > end && to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) --to;
  const auto& stops = PhraseStops(marked);  // (position, length), by position
  // The last punctuation that starts before `begin` and lies inside the window.
  auto it = std::lower_bound(stops.begin(), stops.end(), std::make_pair(begin, std::size_t{0}));
  if (it != stops.begin()) {
    const auto& before = *std::prev(it);
    if (before.first >= from && before.first + before.second <= to) from = std::max(from, before.first + before.second);
  }
  // The first that starts at or after `end` and ends inside the window.
  for (auto after = std::lower_bound(stops.begin(), stops.end(), std::make_pair(end, std::size_t{0}));
       after != stops.end() && after->first < to; ++after) {
    if (after->first + after->second <= to) {
      to = after->first + after->second;
      break;
    }
  }
  return text.substr(from, to - from);
}

void MarkLineInto(std::string_view line, const std::vector<TypedMention>& mentions, MarkedLine& marked) {
  marked.text.clear();
  marked.text.reserve(line.size() + mentions.size() * 8);
  marked.marker_at.assign(mentions.size(), std::string::npos);
  marked.markers.clear();
  marked.types_known = false;
  marked.stops.reset();
  // One search of the line for the marks' first byte, rather than one per piece of text.
  const bool has_marks = line.find(kOpen[0]) != std::string_view::npos;
  const auto append_text = [&](std::string_view text) {
    if (has_marks) AppendText(text, marked.text);
    else marked.text.append(text);
  };
  std::size_t at = 0;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const TypedMention& m = mentions[i];
    if (m.begin < at || m.end > line.size()) continue;
    append_text(line.substr(at, m.begin - at));
    marked.marker_at[i] = marked.text.size();
    // The marker is put together first and appended once: one append per part cost more.
    char marker[kOpen.size() + 1 + 24 + kClose.size()];
    char* end = std::copy(kOpen.begin(), kOpen.end(), marker);
    *end++ = TypeLetter(m.type);
    end = std::to_chars(end, end + 24, i).ptr;
    end = std::copy(kClose.begin(), kClose.end(), end);
    marked.text.append(marker, static_cast<std::size_t>(end - marker));
    marked.markers.push_back({marked.marker_at[i], marked.text.size(), m.type});
    at = m.end;
  }
  append_text(line.substr(at));
}

}  // namespace kgx
