// RelationRules: `[relation PREDICATE]` patterns over lines whose entity mentions are typed
// markers (`{subject:company}から{object:technology}に移行`), run over one section at a time with
// block options that scope them and say whose a relation without a subject is (rules/README.md,
// "Relations"). Pipeline: RuleEngine (**relations**) -> Resolver.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/rule_file.h"
#include "extractor/types.h"

namespace kgx {

// A mention on the line, as the relation rules see it.
struct TypedMention {
  std::size_t begin = 0;  // offsets into the line
  std::size_t end = 0;
  EntityType type = EntityType::kTechnology;
};

// One normalized line of a section with its mentions (sorted, non-overlapping).
struct RelationLine {
  std::string_view text;
  std::vector<TypedMention> mentions;
};

// A section as the relation rules see it. lines[0] is the section's header line.
struct RelationSection {
  SectionKind kind = SectionKind::kOther;
  std::vector<RelationLine> lines;
  // The document is about one company (its title section's topic): `@subject document` may name
  // it (MentionRef::Document()) as the subject of a relation.
  bool document_subject = false;
  // The canonical name of lines[line].mentions[mention] (the extractor's entity), which a block's
  // @platform pattern matches; unset, the mention's text stands for it (tests, tools).
  std::function<std::string_view(int line, int mention)> name_of;
};

// A mention of a section: lines[line].mentions[mention]. line < 0 names the section itself.
// MentionRef::Document() names the company the document is about.
struct MentionRef {
  int line = -1;
  int mention = -1;
  static constexpr MentionRef Document() { return MentionRef{-2, -1}; }
  bool IsSection() const { return line == -1; }
  bool IsDocument() const { return line == -2; }
  bool operator==(const MentionRef&) const = default;
};

struct SectionRelation {
  std::string predicate;
  MentionRef subject;     // the section itself when IsSection()
  MentionRef object;
  std::string role;       // text of the role group, if any
  std::size_t line = 0;   // index of the evidence line in RelationSection::lines
};

// A relation found on a single line (Apply): indices into that line's mentions.
struct RelationMatch {
  std::string predicate;
  int subject = -1;  // index into the line's mentions, -1 = the section
  int object = -1;
  std::string role;
};

class RelationRules {
 public:
  // How the patterns are run; both give the same relations.
  enum class Strategy {
    kFast,   // a pattern runs only where its atoms (prefilter) and marker contexts are; RE2's
             // groups are asked for only when the match does not show the object
    kPlain,  // every pattern on every line, with its groups: the obvious way, to test kFast
  };

  static bool HandlesBlockKind(std::string_view kind);
  // Compiles [relation PREDICATE] and [relation.topic] blocks, whose {=NAME} ExpandPatternDefines
  // expanded (RuleSet does, before any family compiles): {objects:…} joins its mentions with what
  // [define separator] stands for. Returns nullptr when any block has an error; every problem is
  // in `diagnostics`, but for a {=NAME} left in a pattern, which the expansion reported.
  static std::unique_ptr<RelationRules> Compile(const std::vector<RuleBlock>& blocks,
                                                std::vector<RuleDiagnostic>& diagnostics,
                                                Strategy strategy = Strategy::kFast);

  // Applies every relation rule to every line of one section and resolves the subjects the
  // patterns leave open. Relations come in line order. Thread-safe.
  // `topic`, when given, receives the section's topic (its header's [relation.topic] match), else
  // the first body topic of an `@topic document` block, or the section itself when it has none.
  std::vector<SectionRelation> ApplySection(const RelationSection& section, MentionRef* topic = nullptr) const;

  // Applies the rules to one body line of a talk that has no presenter and no topic (tests,
  // tools). Thread-safe.
  std::vector<RelationMatch> Apply(std::string_view line, const std::vector<TypedMention>& mentions) const;

  // Builds the marker text of a line (exposed for tests).
  static std::string MarkLine(std::string_view line, const std::vector<TypedMention>& mentions);

  ~RelationRules();
  RelationRules(const RelationRules&) = delete;
  RelationRules& operator=(const RelationRules&) = delete;

 private:
  RelationRules();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kgx
