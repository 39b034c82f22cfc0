// QuantityVeto: the [quantity.veto] patterns (dates, clock times, versions, ordinals …) compiled
// once; finds the spans of a normalized line where no quantity may be, as one RE2 alternation
// `(p1)|(p2)|…` would find them. A pattern's first capturing group, when it has one, is the
// vetoed span; the rest is context.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "extractor/quantity_rules.h"
#include "extractor/rule_file.h"

namespace kgx {

class QuantityVeto {
 public:
  struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
  };

  // Compiles `patterns`; a bad pattern is an error in `diagnostics` at its line. Returns nullptr
  // when any pattern is bad. With no patterns, the veto finds nothing.
  static std::unique_ptr<QuantityVeto> Compile(const std::vector<VetoPattern>& patterns,
                                               std::vector<RuleDiagnostic>& diagnostics);

  // Returns the vetoed spans of `line`, left to right. Thread-safe.
  std::vector<Span> Find(std::string_view line) const;

  ~QuantityVeto();
  QuantityVeto(const QuantityVeto&) = delete;
  QuantityVeto& operator=(const QuantityVeto&) = delete;

 private:
  QuantityVeto();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
