// The kgx-jsonl/1 records of DESIGN.md §3, rendered from plain fields, so that the exporter of a
// finished graph and the streamed writer (jsonl_stream.h) write the same bytes. Internal to
// exporters/.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kgx {

struct DocumentRecord {
  std::string_view id, path, title, event;
};
struct EntityRecord {
  std::string_view id, type, name;
  const std::vector<std::string>* aliases = nullptr;
  bool discovered = false;
  std::size_t mentions = 0, degree = 0, component = 0;
  double pagerank = 0.0;
};
struct SectionRecord {
  std::string_view id, doc, section_kind, code, title;
  std::size_t line = 0;
  std::vector<std::string_view> presented_by;  // entity ids, sorted, distinct
};
struct MentionRecord {
  std::string_view entity, doc, section;
  std::size_t line = 0, start = 0, end = 0;
  std::string_view text, context;
  std::string_view context_json = {};  // `context` already written as a JSON string, or empty
  std::string_view place_json = {};    // PlaceJson(doc, section), or empty
};
struct QuantityRecord {
  std::string_view doc, section;
  std::size_t line = 0, start = 0, end = 0;
  std::string_view text;
  std::optional<double> value, min, max;
  std::string_view unit, per, measures;  // measures: entity id or empty
  std::string_view place_json = {};      // PlaceJson(doc, section), or empty
};
struct RelationRecord {
  std::string_view subject, predicate, object, role, doc, section;
  std::size_t line = 0;
  std::string_view text;
  std::string_view place_json = {};  // PlaceJson(doc, section), or empty
};

// Returns the members ,"doc":…,"section":… as records write them, for a writer that renders many
// records of one section: given as their place_json, they are copied, not written again.
std::string PlaceJson(std::string_view doc, std::string_view section);

// presented_by with the section as subject is written in the section's record (its
// "presented_by" list, as the gold notes keep presenting companies per section), not as a
// relation record.
bool IsSectionPresenter(std::string_view predicate, bool subject_is_section);

// Each appends one record, without the newline.
void AppendRecord(std::string& out, const DocumentRecord& r);
void AppendRecord(std::string& out, const EntityRecord& r);
void AppendRecord(std::string& out, const SectionRecord& r);
void AppendRecord(std::string& out, const MentionRecord& r);
void AppendRecord(std::string& out, const QuantityRecord& r);
void AppendRecord(std::string& out, const RelationRecord& r);

}  // namespace kgx
