// Test support: runs the whole extractor with the shipped rules on a snippet of notes and
// lists what it found as "type:Canonical Name" strings.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "extractor/reader.h"
#include "extractor/rule_set.h"

namespace kgx::testing {

inline const RuleSet& ShippedRules() {
  static const std::unique_ptr<RuleSet> rules = [] {
    std::vector<RuleDiagnostic> diagnostics;
    return RuleSet::Load({KGX_SOURCE_DIR "/rules"}, diagnostics);
  }();
  return *rules;
}

inline DocumentResult ExtractText(const std::string& text) {
  std::vector<Warning> warnings;
  const SourceText source = CleanSource("snippet.txt", text, warnings);
  return Extractor(ShippedRules()).Extract(source);
}

// `text` extracted as a note at `path` (its extension tells org and wiki notes).
inline DocumentResult ExtractAt(const std::string& path, const std::string& text) {
  std::vector<Warning> warnings;
  const SourceText source = CleanSource(path, text, warnings);
  return Extractor(ShippedRules()).Extract(source);
}

// "line kind title [code]" for every section of `doc`.
inline std::vector<std::string> SectionLines(const DocumentResult& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.sections) {
    out.push_back(std::to_string(s.line) + " " + std::string(SectionKindName(s.kind)) + " " + s.title +
                  (s.code.empty() ? "" : " [" + s.code + "]"));
  }
  return out;
}

// Every entity mentioned in `text`, as "type:Name", sorted.
inline std::set<std::string> EntitiesIn(const std::string& text) {
  const DocumentResult result = ExtractText(text);
  std::set<std::string> out;
  for (const Mention& m : result.mentions) {
    for (const Entity& e : result.entities) {
      if (e.id == m.entity) out.insert(std::string(EntityTypeName(e.type)) + ":" + e.name);
    }
  }
  return out;
}

inline bool Has(const std::string& text, const std::string& typed_name) {
  return EntitiesIn(text).count(typed_name) > 0;
}

// The titles of every section of `text`.
inline std::set<std::string> SectionTitles(const std::string& text) {
  std::set<std::string> out;
  for (const Section& s : ExtractText(text).sections) out.insert(s.title);
  return out;
}

// "subject predicate object" for every relation of `text`, by entity id (a section's own relations,
// whose subject is empty, as "<section>").
inline std::set<std::string> RelationsIn(const std::string& text) {
  const DocumentResult result = ExtractText(text);
  std::set<std::string> out;
  for (const Relation& r : result.relations) {
    out.insert((r.subject.empty() ? std::string("<section>") : r.subject) + " " + r.predicate + " " + r.object);
  }
  return out;
}

// Whether `text` states `relation` ("subject predicate object", as RelationsIn writes it) once.
inline bool Relates(const std::string& text, const std::string& relation) {
  return RelationsIn(text).count(relation) == 1;
}

// The kind ("talk", "keynote", "other") of the section titled `title` in `text`, or "" when none is.
inline std::string KindOf(const std::string& text, const std::string& title) {
  for (const Section& s : ExtractText(text).sections) {
    if (s.title == title) return std::string(SectionKindName(s.kind));
  }
  return "";
}

}  // namespace kgx::testing
