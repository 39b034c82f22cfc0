// Block options of the relation rules: the `@name value` lines of a [relation …] block (rules/README.md,
// "Relations") parsed once into BlockOptions (their {=NAME} defines expanded before, with every
// pattern's), and whether a block's line options let it run on a line of a section. Internal to RelationRules
// (relation_rules.cpp), which compiles each block's options here and asks them while applying it.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extractor/relation_rules.h"
#include "extractor/relation_template.h"
#include "extractor/rule_file.h"
#include "extractor/types.h"

namespace re2 {
class RE2;
}

namespace kgx {

// Which lines of a section a block applies to.
enum class LineScope { kAny, kHeader, kBody };

// Where a relation without a {subject:…} placeholder takes its subject from, tried in order.
enum class SubjectSource {
  kLine,       // the line's topic ([relation.topic] on a body line), or its parent bullet's
  kPresenter,  // the first company the section is presented_by
  kTopic,      // the section's topic ([relation.topic] on the header)
  kTalk,       // the section itself, when it is a talk or a keynote
  kSection,    // the section itself, whatever its kind
  kDocument,   // the company the document is about (RelationSection::document_subject)
  kPersonAbove,  // the last person named on the non-blank line right above (a catalog's name over its company)
};

// The options of one block, parsed once (ParseBlockOptions) and then only read, shared by the
// block's patterns.
struct BlockOptions {
  BlockOptions();
  ~BlockOptions();  // where RE2 is complete
  BlockOptions(const BlockOptions&) = delete;
  BlockOptions& operator=(const BlockOptions&) = delete;

  LineScope where = LineScope::kAny;
  std::array<bool, 3> kinds = {true, true, true};  // indexed by SectionKind
  std::unique_ptr<re2::RE2> section_has;   // some line of the section must match
  std::unique_ptr<re2::RE2> line;          // the line must match
  std::unique_ptr<re2::RE2> after;         // this line or one of the two before it must match
  std::unique_ptr<re2::RE2> unless_after;  // neither this line nor the two before it may match
  std::unique_ptr<re2::RE2> before;        // this line or one of the two after it must match
  std::unique_ptr<re2::RE2> unless_before; // neither this line nor the two after it may match
  std::unique_ptr<re2::RE2> unless;        // the phrase around the object must not match
  std::unique_ptr<re2::RE2> unless_line;   // the line must not match
  std::vector<SubjectSource> subject;
  // @object topic: the relation's object is the section's topic (the service a talk is about)
  // and each mention the pattern captures is a subject ("Customers: Netflix, Airbnb", "Used by Lyft")
  bool object_is_topic = false;
  // [relation.topic] @topic object: a topic this block finds is only the object of @object topic
  // patterns ("What's new with Amazon S3": its customers use S3), never the subject of the
  // section's other relations (what an introduction's demo runs on is not S3's)
  bool topic_only_object = false;
  // [relation.topic] @topic document: on a body line, a topic this block finds may name the
  // document's company when the header names none (an author's intro: "株式会社XのSREチームです")
  bool topic_document = false;
  // [relation.topic] @topic below: on a body line, a topic this block finds is also the topic of the
  // lines after it that have none of their own, up to the next line its @line matches, as a heading's
  // is its section's (a podcast's timestamp line: "12:34 Mercari のスタック" over its bullets)
  bool topic_below = false;
  // [relation presented_by] @platform TYPES RE: a company this block finds whose canonical name
  // matches RE (whole) is a platform vendor, whose services are mentions of TYPES. In a talk that
  // mentions one of them and that another company presents too, the vendor hosts the other's story
  // ("Speakers: …, AWS" over "…, CTO, Brambleway"): the other is the presenter, both presented_by.
  std::unique_ptr<re2::RE2> platform;
  TypeMask platform_services = 0;
};

// Indexes BlockOptions::kinds.
inline std::size_t KindIndex(SectionKind kind) { return static_cast<std::size_t>(kind); }

// Parses the `@name value` lines of `block` into `options`; returns false after reporting every
// problem (unknown option, bad value, bad pattern) in `diagnostics`. The default
// subject is the section for presented_by and announced, else the line's topic, the presenter,
// the section's topic, the talk or the document.
bool ParseBlockOptions(const RuleBlock& block, BlockOptions& options, std::vector<RuleDiagnostic>& diagnostics);

// Whether the lines of a section match @after (and @before) regexes, each line asked once per
// regex: three lines look back (or ahead) at it. Lives as long as the section it reads.
class AfterLines {
 public:
  explicit AfterLines(const RelationSection& section) : section_(section) {}

  bool Matches(const re2::RE2& after, std::size_t line);

 private:
  const RelationSection& section_;
  std::map<const re2::RE2*, std::vector<signed char>> known_;
};

// Returns true when a block's @where lets it run on line `i` of a section. Inline: asked for
// every pattern the prefilter lets through on a line.
inline bool LineInScope(const BlockOptions& options, std::size_t i) {
  if (options.where == LineScope::kHeader) return i == 0;
  return options.where != LineScope::kBody || i != 0;
}

// Returns true when a block's line options (@line, @after, @unless_after, @before, @unless_before,
// @unless_line) let it
// relate anything on line `i` of the section. Their regexes are asked only at the block's first
// match on the line (RelationRules' MatchLine): most lines give a block no match, and what they
// say is the same then.
bool LineOptionsAllow(const BlockOptions& options, const RelationSection& section, std::size_t i, AfterLines& after);

}  // namespace kgx
