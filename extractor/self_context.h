// SelfContext: a [context NAME] line that says where the alias itself stands, written with `{self}`
// (`{self}\s*(?:と|,)\s*[A-Za-z]`: the alias is followed by a list separator and a Latin word). The
// Gazetteer tests it per candidate, at the candidate's own span, while other context lines are per
// line; so one rule serves every name that may be a vendor or its product, none named in a pattern.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace kgx {

class SelfContext {
 public:
  // Whether a context line is a self context (holds the `{self}` placeholder).
  static bool IsSelfLine(std::string_view line);

  // Compiles `line` (which holds `{self}` once). On failure, returns null and sets `error`.
  static std::unique_ptr<SelfContext> Compile(std::string_view line, std::string& error);

  // Whether the text before [begin, end) of `line` ends as the part before `{self}` says, and the
  // text after it starts as the part after it says (an empty part holds anywhere).
  bool Holds(std::string_view line, std::size_t begin, std::size_t end) const;

  ~SelfContext();
  SelfContext(const SelfContext&) = delete;
  SelfContext& operator=(const SelfContext&) = delete;

 private:
  SelfContext() = default;
  std::unique_ptr<re2::RE2> before_;  // `(?:B)\z`, or null when nothing stands before {self}
  std::unique_ptr<re2::RE2> after_;   // `A`, matched anchored at the alias's end, or null
};

}  // namespace kgx
