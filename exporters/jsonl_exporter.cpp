// jsonl: the kgx-jsonl/1 records of DESIGN.md §3, one JSON object per line. Order: documents,
// entities (by id), then per document its sections, mentions, quantities and relations in text
// order. co_occurs is not repeated here: it is derived from the mentions (kgx merge and every
// graph format recompute it), and listing every pair would make the file quadratic.
// The per-document records are the bulk of the file: they are written by hand (JsonWriter below,
// byte-identical to nlohmann's dump, which remains the fallback for invalid UTF-8 and doubles),
// one document at a time, so the output never has to be held in memory as a whole.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "exporters/formats.h"

namespace kgx {

namespace {

using Json = nlohmann::ordered_json;

// Whole numbers print without a fraction ("25000000000", not "2.5e10").
Json Number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15) {
    return Json(static_cast<long long>(value));
  }
  return Json(value);
}

std::string Dump(const Json& record) { return record.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Orders "D2" before "D10".
bool DocLess(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// Returns the length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF are invalid, as for nlohmann).
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + need >= s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k <= need; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return need + 1;
}

// Appends `s` as a JSON string exactly as nlohmann's dump(-1, ' ', false, replace) writes it:
// quote, backslash and control characters escaped, everything else (DEL and UTF-8 included)
// copied; a string that is not valid UTF-8 is left to nlohmann, which replaces the bad bytes.
void AppendString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const std::size_t mark = out.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = bytes[i];
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      // The common case first: a three-byte character without special ranges (E1-EC, EE-EF).
      if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < n && (bytes[i + 1] & 0xC0) == 0x80 &&
          (bytes[i + 2] & 0xC0) == 0x80) {
        i += 3;
        continue;
      }
      const std::size_t length = Utf8SequenceLength(s, i);
      if (length == 0) {  // invalid UTF-8: let nlohmann replace it
        out.resize(mark);
        out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      i += length;
      continue;
    }
    out.append(s.data() + run, i - run);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escape, sizeof escape);
      }
    }
    run = ++i;
  }
  out.append(s.data() + run, n - run);
  out += '"';
}

void AppendNumber(std::string& out, std::size_t value) {
  char buffer[24];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  (void)ec;
  out.append(buffer, end);
}

// Builds one JSON object into a string: {"key":value,...}. Keys are given with their quotes and
// colon ("\"kind\":"), so each costs one append.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) { out_ += '{'; }
  JsonWriter& Text(std::string_view key, std::string_view value) {
    Key(key);
    AppendString(out_, value);
    return *this;
  }
  JsonWriter& TextOrNull(std::string_view key, std::string_view value) {
    Key(key);
    if (value.empty()) {
      out_ += "null";
    } else {
      AppendString(out_, value);
    }
    return *this;
  }
  JsonWriter& Integer(std::string_view key, std::size_t value) {
    Key(key);
    AppendNumber(out_, value);
    return *this;
  }
  JsonWriter& Value(std::string_view key, const Json& value) {
    Key(key);
    out_ += Dump(value);
    return *this;
  }
  void End() { out_ += '}'; }

 private:
  void Key(std::string_view key) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += key;
  }
  std::string& out_;
  bool first_ = true;
};

class JsonLines final : public Exporter {
 public:
  std::string_view name() const override { return "jsonl"; }
  std::vector<std::string> FileNames(const KnowledgeGraph&) const override { return {"graph.jsonl"}; }
  void Write(const KnowledgeGraph& graph, FileSink& sink) const override;
};

// A record of one document, before it is rendered: what it is and where its data lives.
struct RecordRef {
  enum class Kind { kSection, kMention, kQuantity, kRelation } kind;
  std::size_t key;  // line or start offset: the order within the kind
  std::size_t node = 0;  // sections and quantities
  const KnowledgeGraph::Edge* edge = nullptr;  // mentions and relations
  const Provenance* evidence = nullptr;
};

bool IsRelation(EdgeKind kind) {
  return kind == EdgeKind::kUses || kind == EdgeKind::kMigratedFrom || kind == EdgeKind::kMigratedTo ||
         kind == EdgeKind::kRoleAt || kind == EdgeKind::kPresentedBy || kind == EdgeKind::kAnnounced;
}

void RenderRecord(const KnowledgeGraph& graph, const RecordRef& ref, std::string& out) {
  switch (ref.kind) {
    case RecordRef::Kind::kSection: {
      const NodeData& node = graph.node(ref.node);
      JsonWriter(out)
          .Text("\"kind\":", "section")
          .Text("\"id\":", node.id)
          .Text("\"doc\":", node.provenance->doc)
          .Text("\"section_kind\":", node.type)
          .TextOrNull("\"code\":", node.code)
          .Text("\"title\":", node.title)
          .Integer("\"line\":", node.provenance->line)
          .End();
      return;
    }
    case RecordRef::Kind::kMention: {
      const Provenance& p = *ref.evidence;
      JsonWriter(out)
          .Text("\"kind\":", "mention")
          .Text("\"entity\":", graph.node(ref.edge->target).id)
          .Text("\"doc\":", p.doc)
          .Text("\"section\":", p.section)
          .Integer("\"line\":", p.line)
          .Integer("\"start\":", p.start)
          .Integer("\"end\":", p.end)
          .Text("\"text\":", p.text)
          .Text("\"context\":", p.context)
          .End();
      return;
    }
    case RecordRef::Kind::kQuantity: {
      const NodeData& node = graph.node(ref.node);
      const Provenance& p = *node.provenance;
      JsonWriter record(out);
      record.Text("\"kind\":", "quantity")
          .Text("\"doc\":", p.doc)
          .Text("\"section\":", p.section)
          .Integer("\"line\":", p.line)
          .Integer("\"start\":", p.start)
          .Integer("\"end\":", p.end)
          .Text("\"text\":", p.text);
      if (node.value) record.Value("\"value\":", Number(*node.value));
      if (node.min) record.Value("\"min\":", Number(*node.min));
      if (node.max) record.Value("\"max\":", Number(*node.max));
      record.Text("\"unit\":", node.unit).TextOrNull("\"per\":", node.per);
      std::string_view measures;
      for (const auto& edge : graph.OutEdges(ref.node)) {
        if (edge.data->kind == EdgeKind::kMeasures) measures = graph.node(edge.target).id;
      }
      if (!measures.empty()) record.Text("\"measures\":", measures);
      record.End();
      return;
    }
    case RecordRef::Kind::kRelation: {
      const Provenance& p = *ref.evidence;
      const EdgeData& data = *ref.edge->data;
      JsonWriter record(out);
      record.Text("\"kind\":", "relation")
          .Text("\"subject\":", graph.node(ref.edge->source).id)
          .Text("\"predicate\":", EdgeKindName(data.kind))
          .Text("\"object\":", graph.node(ref.edge->target).id);
      if (!data.role.empty()) record.Text("\"role\":", data.role);
      record.Text("\"doc\":", p.doc).Text("\"section\":", p.section).Integer("\"line\":", p.line).Text("\"text\":", p.text).End();
      return;
    }
  }
}

// Renders one kind of a document's records in order (key, then the record's text) and appends
// them, one per line, to `out`.
void RenderSorted(const KnowledgeGraph& graph, const std::vector<RecordRef>& refs, std::string& out) {
  if (refs.empty()) return;
  std::string arena;
  struct Rendered {
    std::size_t key, begin, end;
  };
  std::vector<Rendered> rendered;
  rendered.reserve(refs.size());
  for (const RecordRef& ref : refs) {
    const std::size_t begin = arena.size();
    RenderRecord(graph, ref, arena);
    rendered.push_back({ref.key, begin, arena.size()});
  }
  const auto text = [&](const Rendered& r) { return std::string_view(arena).substr(r.begin, r.end - r.begin); };
  std::stable_sort(rendered.begin(), rendered.end(), [&](const Rendered& a, const Rendered& b) {
    if (a.key != b.key) return a.key < b.key;
    return text(a) < text(b);
  });
  for (const Rendered& r : rendered) {
    out += text(r);
    out += '\n';
  }
}

void JsonLines::Write(const KnowledgeGraph& graph, FileSink& sink) const {
  std::ostream& out = sink.Begin("graph.jsonl");
  std::string buffer;
  const auto flush_if_large = [&] {
    if (buffer.size() < (std::size_t{1} << 20)) return;
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  };

  std::vector<std::size_t> documents, entities;
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const NodeData& node = graph.node(v);
    if (node.kind == NodeKind::kDocument) documents.push_back(v);
    if (node.kind == NodeKind::kEntity) entities.push_back(v);
  }
  std::sort(documents.begin(), documents.end(),
            [&](std::size_t a, std::size_t b) { return DocLess(graph.node(a).id, graph.node(b).id); });
  for (std::size_t d : documents) {
    const NodeData& node = graph.node(d);
    JsonWriter(buffer)
        .Text("\"kind\":", "document")
        .Text("\"id\":", node.id)
        .Text("\"path\":", node.path)
        .Text("\"title\":", node.title)
        .TextOrNull("\"event\":", node.event)
        .End();
    buffer += '\n';
    flush_if_large();
  }
  for (std::size_t e : entities) {
    const NodeData& node = graph.node(e);
    Json record;
    record["kind"] = "entity";
    record["id"] = node.id;
    record["type"] = node.type;
    record["name"] = node.label;
    record["aliases"] = node.aliases;
    if (node.discovered) record["discovered"] = true;
    record["mentions"] = node.mention_count;
    record["degree"] = node.degree;
    record["pagerank"] = node.pagerank;
    record["component"] = node.component;
    buffer += Dump(record);
    buffer += '\n';
    flush_if_large();
  }

  // Group the per-document records by document id, then render document by document.
  struct DocRecords {
    std::vector<RecordRef> sections, mentions, quantities, relations;
  };
  std::unordered_map<std::string_view, std::size_t> doc_index;
  std::vector<std::string_view> doc_ids;
  std::vector<DocRecords> per_doc;
  const auto records_of = [&](std::string_view doc) -> DocRecords& {
    auto [it, inserted] = doc_index.try_emplace(doc, per_doc.size());
    if (inserted) {
      doc_ids.push_back(doc);
      per_doc.emplace_back();
    }
    return per_doc[it->second];
  };
  for (std::size_t v = 0; v < graph.node_count(); ++v) {
    const NodeData& node = graph.node(v);
    if (!node.provenance) continue;
    if (node.kind == NodeKind::kSection) {
      records_of(node.provenance->doc).sections.push_back({RecordRef::Kind::kSection, node.provenance->line, v});
    } else if (node.kind == NodeKind::kQuantity) {
      records_of(node.provenance->doc).quantities.push_back({RecordRef::Kind::kQuantity, node.provenance->start, v});
    }
  }
  const auto& edges = graph.edges();
  for (const auto& edge : edges) {
    const EdgeData& data = *edge.data;
    if (data.kind == EdgeKind::kMentions) {
      for (const Provenance& p : data.evidence) {
        records_of(p.doc).mentions.push_back({RecordRef::Kind::kMention, p.start, 0, &edge, &p});
      }
    } else if (IsRelation(data.kind)) {
      for (const Provenance& p : data.evidence) {
        records_of(p.doc).relations.push_back({RecordRef::Kind::kRelation, p.line, 0, &edge, &p});
      }
    }
  }
  std::vector<std::size_t> order(doc_ids.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return DocLess(doc_ids[a], doc_ids[b]); });
  for (std::size_t i : order) {
    DocRecords& records = per_doc[i];
    RenderSorted(graph, records.sections, buffer);
    RenderSorted(graph, records.mentions, buffer);
    RenderSorted(graph, records.quantities, buffer);
    RenderSorted(graph, records.relations, buffer);
    records = DocRecords();
    flush_if_large();
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace

const Exporter& JsonLinesExporter() {
  static const JsonLines exporter;
  return exporter;
}

}  // namespace kgx
