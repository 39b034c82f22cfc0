// The exporters' text sanitiser, syntax escapers, id derivations and number formatting
// (EXPORT-FORMATS.md §0). Every string that reaches an output file passes through here, so all
// formats carry the same text.
#include "exporters/text_sanitizer.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace kgx {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char kHexDigits[] = "0123456789ABCDEF";

// Decodes the code point at text[i]. Sets `length` to the bytes consumed; on an ill-formed
// sequence returns kReplacement and consumes its maximal well-formed prefix (at least one byte).
char32_t DecodeAt(std::string_view text, std::size_t i, std::size_t& length, bool& invalid) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  invalid = false;
  length = 1;
  if (lead < 0x80) return lead;

  std::size_t needed = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 3;
    cp = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;   // no overlongs
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 4;
    cp = lead & 0x07;
    if (lead == 0xF0) low = 0x90;   // no overlongs
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    invalid = true;
    return kReplacement;
  }
  for (std::size_t k = 1; k < needed; ++k) {
    const unsigned char lo = k == 1 ? low : 0x80;
    const unsigned char hi = k == 1 ? high : 0xBF;
    if (i + k >= text.size() || byte(k) < lo || byte(k) > hi) {
      invalid = true;
      length = k;
      return kReplacement;
    }
    cp = (cp << 6) | (byte(k) & 0x3F);
  }
  length = needed;
  return cp;
}

bool IsRemoved(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;  // DEL and the C1 controls
  return cp == 0xFFFE || cp == 0xFFFF;
}

void AppendHexByte(unsigned char byte, std::string& out) {
  out.push_back(kHexDigits[byte >> 4]);
  out.push_back(kHexDigits[byte & 0x0F]);
}

bool IsUpperHexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string SanitizeText(std::string_view text, SanitizeStats* stats) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t length = 1;
    bool invalid = false;
    const char32_t cp = DecodeAt(text, i, length, invalid);
    if (invalid) {
      out += "\xEF\xBF\xBD";
      if (stats != nullptr) ++stats->invalid_sequences;
    } else if (IsRemoved(cp)) {
      if (stats != nullptr) ++stats->removed_controls;
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

namespace {

// XML escaping of sanitised text; an attribute value also escapes " and keeps TAB and LF from
// attribute-value normalisation.
std::string EscapeXml(std::string_view text, bool attribute) {
  const std::string clean = SanitizeText(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string EscapeXmlContent(std::string_view text) { return EscapeXml(text, false); }

std::string EscapeXmlAttribute(std::string_view text) { return EscapeXml(text, true); }

std::string QuoteDotString(std::string_view text) {
  const std::string clean = SanitizeText(text);
  std::string out = "\"";
  for (char c : clean) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

std::string QuoteCsvField(std::string_view text) {
  const std::string clean = SanitizeText(text);
  std::string out = "\"";
  for (char c : clean) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string QuoteSingleQuoted(std::string_view text) {
  const std::string clean = SanitizeText(text);
  std::string out = "'";
  for (char c : clean) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          out += "\\u00";
          AppendHexByte(byte, out);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('\'');
  return out;
}

std::string GraphmlId(std::string_view canonical_key) {
  if (canonical_key.empty()) return "_5F";
  std::string out;
  out.reserve(canonical_key.size() + 8);
  for (std::size_t i = 0; i < canonical_key.size(); ++i) {
    const char c = canonical_key[i];
    if (c == '/') {
      out.push_back(':');
    } else if (c == '_') {
      const bool hex_follows =
          i + 1 < canonical_key.size() && IsUpperHexDigit(canonical_key[i + 1]);
      out += hex_follows ? "_5F" : "_";
    } else if (IsAsciiAlnum(c) || c == '.' || c == '-') {
      out.push_back(c);
    } else {
      out.push_back('_');
      AppendHexByte(static_cast<unsigned char>(c), out);
    }
  }
  return out;
}

std::string PercentEncode(std::string_view text, bool keep_slash) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ||
        (keep_slash && c == '/')) {
      out.push_back(c);
      continue;
    }
    out.push_back('%');
    AppendHexByte(static_cast<unsigned char>(c), out);
  }
  return out;
}

std::string JsonLdIri(std::string_view canonical_key) {
  return "urn:kgx:" + PercentEncode(canonical_key, /*keep_slash=*/true);
}

std::string FormatDouble(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
  if (value == 0.0) return "0";  // no "-0"
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  if (result.ec != std::errc()) return "0";  // cannot happen with 64 bytes
  return std::string(buffer, result.ptr);
}

std::string FormatFloatLiteral(double value) {
  std::string text = FormatDouble(value);
  if (!std::isfinite(value)) return text;
  const std::size_t exponent = text.find('e');
  if (exponent != std::string::npos) {
    if (text[exponent + 1] == '+') text.erase(exponent + 1, 1);
    return text;
  }
  if (text.find('.') == std::string::npos) text += ".0";
  return text;
}

std::string FormatInteger(std::uint64_t value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

}  // namespace kgx
