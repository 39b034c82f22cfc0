// GroupReader: the groups of a relation match read from its markers and small RE2s, for the
// shapes it accepts, and nothing for the ones it must leave to the whole pattern's RE2.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "extractor/group_reader.h"
#include "extractor/relation_template.h"

namespace {

using kgx::GroupReader;

// The defines the patterns use, as ExpandPatternDefines writes them out (GroupReader reads a
// pattern after that expansion).
const std::map<std::string, std::string> kDefines = {
    {"role", "(?:CTO|エンジニア|(?i:senior\\s+)?engineer)"},
    {"separator", "(?:,|と|\\band\\b)"},
    {"move_verb", "(?:移行|(?i:moved))"},
};
const std::string kSeparator = kDefines.at("separator");

// `pattern` with each {=NAME} of kDefines written out.
std::string WithDefines(std::string_view pattern) {
  std::string out(pattern);
  for (const auto& [name, text] : kDefines) {
    const std::string use = "{=" + name + "}";
    for (std::size_t at = out.find(use); at != std::string::npos; at = out.find(use, at + text.size())) {
      out.replace(at, use.size(), text);
    }
  }
  return out;
}

// A marked line written with [x3] for the marker of mention 3 of type x, and its markers.
struct Marked {
  std::string text;
  std::vector<kgx::MarkerSpan> markers;
};

Marked Mark(std::string_view written) {
  Marked marked;
  for (std::size_t i = 0; i < written.size(); ++i) {
    if (written[i] != '[') {
      marked.text += written[i];
      continue;
    }
    const std::size_t close = written.find(']', i);
    const std::size_t begin = marked.text.size();
    marked.text += std::string(kgx::kMarkerOpen) + std::string(written.substr(i + 1, close - i - 1)) + std::string(kgx::kMarkerClose);
    marked.markers.push_back({begin, marked.text.size(), kgx::EntityType::kTechnology});
    i = close;
  }
  return marked;
}

// The text of a read piece with its markers written back as [x3].
std::string Written(std::string_view piece) {
  std::string out(piece.data(), piece.size());
  for (const auto& [mark, with] : {std::pair{kgx::kMarkerOpen, "["}, std::pair{kgx::kMarkerClose, "]"}}) {
    for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark)) out.replace(at, mark.size(), with);
  }
  return out;
}

// What a read says, its pieces written back as [x3].
struct Seen {
  std::string object;
  int subject = -1;
  bool has_role = false;
  std::string role;
};

// Reads the groups of a match that is the whole of `written`.
std::optional<Seen> ReadWhole(const GroupReader& reader, std::string_view written) {
  const Marked marked = Mark(written);
  const auto read = reader.Read(marked.text, marked.markers, 0, marked.text.size());
  if (!read) return std::nullopt;
  return Seen{Written(read->object), read->subject, read->has_role, read->has_role ? Written(read->role) : ""};
}

// Reads the groups of `match` with the reader of `pattern`; both must be there.
Seen MustRead(const char* pattern, const char* match) {
  INFO(pattern << " on " << match);
  const auto reader = GroupReader::For(WithDefines(pattern), kSeparator);
  REQUIRE(reader);
  const auto read = ReadWhole(*reader, match);
  REQUIRE(read);
  return *read;
}

}  // namespace

TEST_CASE("GroupReader reads a role between markers, at either end or optional", "[relations][group_reader]") {
  struct Case {
    const char* pattern;
    const char* match;
    Seen read;
  };
  const char* const between = R"({object:company}\s*社?\s*の?\s*(?P<role>{=role})\s*(?:の|、)?\s*{subject:person})";
  const char* const optional = R"({subject:person}\s*\(\s*{object:company}\s*(?P<role>{=role})?\s*\))";
  const Case cases[] = {
      {between, "[c0]社のCTOの[p1]", {"[c0]", 1, true, "CTO"}},
      {between, "[c2] Senior engineer [p7]", {"[c2]", 7, true, "Senior engineer"}},
      {R"((?P<role>{=role})\s*(?:of|の)\s*{object:company}\s*{subject:person})", "エンジニアの[c4] [p5]", {"[c4]", 5, true, "エンジニア"}},
      {optional, "[p0] ([c1])", {"[c1]", 0, false, ""}},
      {optional, "[p0] ([c1] engineer)", {"[c1]", 0, true, "engineer"}},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << " on " << c.match);
    const Seen read = MustRead(c.pattern, c.match);
    CHECK(read.object == c.read.object);
    CHECK(read.subject == c.read.subject);
    CHECK(read.has_role == c.read.has_role);
    CHECK(read.role == c.read.role);
  }
  // A match with another marker than the pattern's two is left to RE2, as is one the small RE2
  // does not match (no match of the whole pattern reads so).
  const auto reader = GroupReader::For(WithDefines(between), kSeparator);
  CHECK_FALSE(ReadWhole(*reader, "[c0][t1] CTO [p2]"));
  CHECK_FALSE(ReadWhole(*reader, "[c0] 部長 [p1]"));
}

TEST_CASE("GroupReader reads a list followed by an optional marker", "[relations][group_reader]") {
  struct Case {
    const char* pattern;
    const char* match;
    const char* list;  // what the object group holds
  };
  const Case cases[] = {
      // The last marker joins the list after a separator, and stands alone after a space.
      {R"((?:^|[^\x{E001}\s])\s*{objects:technology}(?:\s+{technology})?\s*(?:に|へ)?\s*{=move_verb})", "は[t0]と[t1]に移行", "[t0]と[t1]"},
      {R"((?:^|[^\x{E001}\s])\s*{objects:technology}(?:\s+{technology})?\s*(?:に|へ)?\s*{=move_verb})", "は[t0] , [t1] [t2]に移行", "[t0] , [t1]"},
      {R"((?:^|[^\x{E001}\s])\s*{objects:technology}(?:\s+{technology})?\s*(?:に|へ)?\s*{=move_verb})", "→ [t0] and [t1] moved", "[t0] and [t1]"},
      {R"((?:^|[^\x{E001}\s])\s*{objects:technology}(?:\s+{technology})?\s*(?:に|へ)?\s*{=move_verb})", "[t3]へ移行", "[t3]"},
      // What follows the list may hold markers too: the longest list whose rest matches is read.
      {R"({objects:technology}(?:\s+{technology})?\s*(?:\([^)]*\))?\s*に移行)", "[t0]と[t1] [t2] ([t3]と[t4])に移行", "[t0]と[t1]"},
      {R"({objects:technology}(?:\s+{technology})?\s*(?:\([^)]*\))?\s*に移行)", "[t0] and [t1] ([t2])に移行", "[t0] and [t1]"},
      // Without the optional marker too.
      {R"({objects:technology}\s*で\s*[^、。]{0,30}?(?:構築|(?i:deploy)))", "[t0]と[t1]で[t2]と[t3]を構築", "[t0]と[t1]"},
      {R"({objects:technology}\s*で\s*[^、。]{0,30}?(?:構築|(?i:deploy)))", "[t5] and [t6]で deploy", "[t5] and [t6]"},
      // The longest list whose rest matches, not the longest run of separators.
      {R"({objects:technology}\s*(?:と|with)\s*[^と、。\s]+\s*(?:を比較|compared))", "[t0]と[t1]と[t2]を比較", "[t0]と[t1]"},
      {R"({objects:technology}\s*(?:と|with)\s*[^と、。\s]+\s*(?:を比較|compared))", "[t0], [t1] with [t2] compared", "[t0], [t1]"},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << " on " << c.match);
    CHECK(MustRead(c.pattern, c.match).object == c.list);
  }
  // A match that cuts a marker is left to RE2.
  const auto reader = GroupReader::For(WithDefines(cases[0].pattern), kSeparator);
  const Marked cut = Mark("[t0]と[t1]に移行");
  CHECK_FALSE(reader->Read(cut.text, cut.markers, 2, cut.text.size()));
}

TEST_CASE("GroupReader leaves other shapes to RE2", "[relations][group_reader]") {
  const auto none = [](std::string_view pattern) { return GroupReader::For(WithDefines(pattern), kSeparator) == nullptr; };
  CHECK(none(R"((?:{subject:person}\s*)?(?P<role>{=role})\s+at\s+{object:company})"));          // an optional subject
  CHECK(none(R"({object:company}\s*(?:{technology}\s*)?(?P<role>{=role})\s*{subject:person})"));  // an optional marker
  CHECK(none(R"({objects:technology}(?:\s+{technology})??\s*に)"));                                // a lazy optional marker
  CHECK(none(R"({objects:technology}(?:.{technology})?\s*に)"));                                   // `.` may hold a marker
  CHECK(none(R"({objects:technology}(?:[^。]+{technology})?\s*に)"));                             // so may [^。]
  CHECK(none(R"([^。]*{objects:technology}(?:\s+{technology})?\s*に)"));                          // before the list too
  CHECK(none(R"((?P<objects>{technology}(?:\s*,\s*{technology})*)(?:\s+{technology})?\s*に)"));     // a hand-written list
  CHECK(none(R"((?i){object:company}\s*(?P<role>{=role})\s*{subject:person})"));                   // flags for the rest
  CHECK(none(R"({object:company}\s*(?P<role>{=role})|{subject:person}\s*{object:company})"));      // an alternation
  CHECK(none(R"({each:technology})"));
  CHECK_FALSE(none(R"({object:company}\s*(?P<role>{=role})\s*{subject:person})"));
}

TEST_CASE("GroupReader reads one object followed by an optional marker", "[relations][group_reader]") {
  const auto reader = GroupReader::For(R"((?:^|[^\x{E001}\s])\s*{object:technology}(?:\s+{technology})?\s*(?:に|を|(?i:\bon\b))\s*(?:した|決め))",
                                       kSeparator);
  REQUIRE(reader);
  const auto ja = ReadWhole(*reader, "は[t0] [t1]にした");
  REQUIRE(ja);
  CHECK(ja->object == "[t0]");
  const auto en = ReadWhole(*reader, ": [t4] on決め");
  REQUIRE(en);
  CHECK(en->object == "[t4]");
  // Something before the object that may hold a marker: left to RE2.
  CHECK(GroupReader::For(WithDefines(R"(.{object:technology}(?:\s+{technology})?\s*に)"), kSeparator) == nullptr);
}

TEST_CASE("GroupReader leaves a role to ReadRole when asked, which reads what Read would", "[relations][group_reader]") {
  const char* const between = R"({object:company}\s*社?\s*の?\s*(?P<role>{=role})\s*(?:の|、)?\s*{subject:person})";
  const auto reader = GroupReader::For(WithDefines(between), kSeparator);
  REQUIRE(reader);
  for (const char* written : {"[c0]社のCTOの[p1]", "[c2] Senior engineer [p7]"}) {
    INFO(written);
    const Marked marked = Mark(written);
    auto deferred = reader->Read(marked.text, marked.markers, 0, marked.text.size(), false);
    REQUIRE(deferred);
    CHECK(deferred->role_pending);
    CHECK_FALSE(deferred->has_role);  // not read yet
    const auto whole = reader->Read(marked.text, marked.markers, 0, marked.text.size());
    REQUIRE(whole);
    CHECK(Written(deferred->object) == Written(whole->object));
    CHECK(deferred->subject == whole->subject);
    REQUIRE(reader->ReadRole(marked.text, *deferred));
    CHECK_FALSE(deferred->role_pending);
    CHECK(deferred->has_role == whole->has_role);
    CHECK(Written(deferred->role) == Written(whole->role));
    CHECK(reader->ReadRole(marked.text, *deferred));  // read once: nothing left to read
  }
  // No role between the markers: Read with the role gives nothing, and ReadRole says no.
  const Marked bare = Mark("[c0]社の部長の[p1]");
  CHECK_FALSE(reader->Read(bare.text, bare.markers, 0, bare.text.size()));
  auto deferred = reader->Read(bare.text, bare.markers, 0, bare.text.size(), false);
  REQUIRE(deferred);
  CHECK_FALSE(reader->ReadRole(bare.text, *deferred));
  // A pattern without a role has none to leave.
  const auto plain = GroupReader::For(R"({subject:company}\s*(?:uses|は)\s*{object:technology})", kSeparator);
  REQUIRE(plain);
  const Marked uses = Mark("[c0] uses [t1]");
  const auto read = plain->Read(uses.text, uses.markers, 0, uses.text.size(), false);
  REQUIRE(read);
  CHECK_FALSE(read->role_pending);
}
