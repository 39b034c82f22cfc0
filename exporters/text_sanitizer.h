// The one text sanitiser every exporter applies (EXPORT-FORMATS.md §0), the escaping helpers of
// each output syntax (XML content and attributes, DOT, CSV, Cypher), the per-format ids derived
// from a node's canonical key, and locale-independent number formatting. All functions are pure
// and return valid UTF-8 whatever bytes they are given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kgx {

// What SanitizeText changed, for the run's warnings.
struct SanitizeStats {
  std::size_t invalid_sequences = 0;  // ill-formed UTF-8 sequences replaced by U+FFFD
  std::size_t removed_controls = 0;   // code points dropped (controls, U+FFFE, U+FFFF)
};

// Returns `text` as well-formed UTF-8 that every format can carry: each maximal ill-formed
// sequence (overlong forms, surrogates, code points above U+10FFFF, truncated sequences) becomes
// U+FFFD; C0 controls other than TAB, LF and CR, DEL (U+007F), C1 controls (U+0080-U+009F),
// U+FFFE and U+FFFF are removed. Everything else (emoji, RTL marks, U+FEFF) is kept. Idempotent.
std::string SanitizeText(std::string_view text, SanitizeStats* stats = nullptr);

// Returns sanitised `text` escaped for XML character data: & < > become entities (so `]]>`
// never appears) and CR becomes &#13; so that it survives end-of-line normalisation.
std::string EscapeXmlContent(std::string_view text);

// Returns sanitised `text` escaped for a double-quoted XML attribute value: & < > " become
// entities, and TAB, LF and CR become &#9; &#10; &#13; so attribute normalisation keeps them.
std::string EscapeXmlAttribute(std::string_view text);

// Returns sanitised `text` as a double-quoted DOT string: \ becomes \\, " becomes \", LF becomes
// \n and CR becomes \r, so no Graphviz escape (\N, \G, \l, …) survives from the input and a
// trailing backslash cannot end the string early.
std::string QuoteDotString(std::string_view text);

// Returns sanitised `text` as a double-quoted CSV field with embedded quotes doubled (RFC 4180,
// as neo4j-admin reads it; newlines stay and need --multiline-fields=true).
std::string QuoteCsvField(std::string_view text);

// Returns sanitised `text` single-quoted with backslash escapes: \ ' become \\ \', LF, CR and
// TAB become \n \r \t; any other control that could remain is written \uXXXX. Both a Cypher
// string literal and an item of a GEXF 1.3 list value read it so.
std::string QuoteSingleQuoted(std::string_view text);

// Returns a GraphML node id (an xs:NMTOKEN) for a canonical key: '/' becomes ':', the characters
// [A-Za-z0-9.-] stay, and every other byte (':', '#', spaces, non-ASCII, …) becomes '_' plus
// two upper-case hex digits. '_' stays as is unless an upper-case hex digit follows it, in which
// case it is written _5F. The mapping is injective ("aws_service/amazon-aurora" gives
// "aws_service:amazon-aurora"); the empty key gives "_5F", which no other key produces.
std::string GraphmlId(std::string_view canonical_key);

// Returns `text` percent-encoded for an IRI path: [A-Za-z0-9-._~] stay, '/' stays when
// `keep_slash`, every other byte (UTF-8 of non-ASCII too) becomes %HH. Injective.
std::string PercentEncode(std::string_view text, bool keep_slash);

// Returns the absolute JSON-LD node IRI of a canonical key: "urn:kgx:" + PercentEncode(key,
// keep_slash = true), e.g. "urn:kgx:aws_service/amazon-aurora".
std::string JsonLdIri(std::string_view canonical_key);

// Returns the shortest text that reads back as exactly `value` ("2.5", "1e+16", "3"), in the C
// locale whatever the global locale is. Non-finite values give "NaN", "INF" or "-INF".
std::string FormatDouble(double value);

// Returns FormatDouble(value) made to read back as a floating-point number in languages that
// tell integers from floats (Cypher, DOT viewers): "3" becomes "3.0", "1e+16" becomes "1e16".
std::string FormatFloatLiteral(double value);

// Returns the decimal text of `value`.
std::string FormatInteger(std::uint64_t value);

}  // namespace kgx
