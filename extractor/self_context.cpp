// SelfContext: a context line around the alias's own span (`…{self}…`), split into the pattern that
// must end right before the alias and the one that must start right after it.
#include "extractor/self_context.h"

#include <re2/re2.h>

namespace kgx {
namespace {

constexpr std::string_view kSelf = "{self}";

}  // namespace

bool SelfContext::IsSelfLine(std::string_view line) { return line.find(kSelf) != std::string_view::npos; }

std::unique_ptr<SelfContext> SelfContext::Compile(std::string_view line, std::string& error) {
  const std::size_t at = line.find(kSelf);
  if (at == std::string_view::npos || line.find(kSelf, at + kSelf.size()) != std::string_view::npos) {
    error = "a {self} context line needs {self} exactly once";
    return nullptr;
  }
  const std::string_view before = line.substr(0, at);
  const std::string_view after = line.substr(at + kSelf.size());
  if (before.empty() && after.empty()) {
    error = "a {self} context line needs a pattern before or after {self}";
    return nullptr;
  }
  auto context = std::unique_ptr<SelfContext>(new SelfContext());
  const auto compile = [&](std::string pattern, std::unique_ptr<RE2>& into) {
    into = std::make_unique<RE2>(pattern, RE2::Quiet);
    if (!into->ok()) error = "bad pattern '" + std::string(line) + "': " + into->error();
    return into->ok();
  };
  if (!before.empty() && !compile("(?:" + std::string(before) + ")\\z", context->before_)) return nullptr;
  if (!after.empty() && !compile(std::string(after), context->after_)) return nullptr;
  return context;
}

SelfContext::~SelfContext() = default;

bool SelfContext::Holds(std::string_view line, std::size_t begin, std::size_t end) const {
  if (before_ && !RE2::PartialMatch(line.substr(0, begin), *before_)) return false;
  if (after_ && !after_->Match(line, end, line.size(), RE2::ANCHOR_START, nullptr, 0)) return false;
  return true;
}

}  // namespace kgx
