// HeaderCaptures: the session code and title of one header rule ([section talk] and the like)
// on a line its pattern matches. A pattern shaped `^H(?P<title>C.*?)T$`, whose tail T may be
// empty and holds no group, is matched in two short runs instead of one long one. Used by the
// Segmenter once its line set has said which pattern matches.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace kgx {

class HeaderCaptures {
 public:
  // Takes the compiled pattern; the split form is compiled on the first Match.
  explicit HeaderCaptures(std::unique_ptr<re2::RE2> whole);
  ~HeaderCaptures();
  HeaderCaptures(const HeaderCaptures&) = delete;
  HeaderCaptures& operator=(const HeaderCaptures&) = delete;

  // Returns true when the pattern matches `line`, with `code` and `title` set to what the
  // groups so named captured (views into `line`; data() is null for a group that is missing or
  // took no part).
  bool Match(std::string_view line, std::string_view& code, std::string_view& title) const;
  // The same with one RE2 run that fills every group (the plain way, which tests compare with).
  bool MatchWhole(std::string_view line, std::string_view& code, std::string_view& title) const;
  // Whether Match takes the two short runs.
  bool split() const;
  const re2::RE2& regex() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
