// Where a relation pattern's subject and object stand among its markers (see marker_layout.h).
#include "extractor/marker_layout.h"

#include <algorithm>

#include "extractor/pattern_elements.h"

namespace kgx {

namespace {

using Role = Placeholder::Role;

bool Fixed(const PatternElement& e) { return !e.may_skip && !e.repeats; }

// Returns true when `e` is one marker of the match: a placeholder nothing may skip or repeat.
bool IsOneMarker(const PatternElement& e) {
  const Role role = e.placeholder.role;
  return e.kind == ElementKind::kPlaceholder && Fixed(e) && (role == Role::kMention || role == Role::kSubject || role == Role::kObject);
}

// Returns true when every text `elements` may match ends with a marker.
bool EndsWithMarker(const std::vector<PatternElement>& elements) {
  if (elements.empty()) return false;
  const PatternElement& last = elements.back();
  if (last.kind == ElementKind::kPlaceholder) return !last.may_skip && last.placeholder.role != Role::kEach && last.placeholder.role != Role::kDefine;
  if (last.kind != ElementKind::kGroup || last.may_skip) return false;
  return std::all_of(last.alternatives.begin(), last.alternatives.end(), EndsWithMarker);
}

// Returns true when `e` is the object list: {objects:…}, or (?P<objects>…) ending with a marker.
bool IsObjectList(const PatternElement& e) {
  if (!Fixed(e)) return false;
  if (e.kind == ElementKind::kPlaceholder) return e.placeholder.role == Role::kObjects;
  return e.kind == ElementKind::kGroup && e.name == "objects" &&
         std::all_of(e.alternatives.begin(), e.alternatives.end(), EndsWithMarker);
}

}  // namespace

TypeMask LeadingMarkerTypes(const std::vector<PatternElement>& elements) {
  if (elements.empty() || elements.front().may_skip) return 0;
  const PatternElement& first = elements.front();
  if (first.kind == ElementKind::kPlaceholder) {
    const Role role = first.placeholder.role;
    const bool marker = role == Role::kMention || role == Role::kSubject || role == Role::kObject || role == Role::kObjects;
    return marker ? first.placeholder.types : 0;
  }
  if (first.kind != ElementKind::kGroup || first.alternatives.empty()) return 0;
  TypeMask types = 0;
  for (const std::vector<PatternElement>& alternative : first.alternatives) {
    const TypeMask lead = LeadingMarkerTypes(alternative);
    if (lead == 0) return 0;
    types |= lead;
  }
  return types;
}

MarkerLayout LayoutOf(std::string_view pattern) {
  const auto elements = ReadElements(pattern);
  return elements ? LayoutOf(*elements) : MarkerLayout{};
}

MarkerLayout LayoutOf(const std::vector<PatternElement>& elements) {
  MarkerLayout layout;
  int markers = 0;  // the markers every match holds before the element at hand
  for (auto e = elements.begin(); e != elements.end(); ++e) {
    if (IsOneMarker(*e)) {
      if (e->placeholder.role == Role::kSubject) layout.subject = markers;
      if (e->placeholder.role == Role::kObject) layout.object = markers;
      ++markers;
      continue;
    }
    if (IsObjectList(*e) && std::all_of(std::next(e), elements.end(), HoldsNoMarker)) {
      layout.object = markers;
      layout.object_list = true;
    }
    if (!HoldsNoMarker(*e)) break;  // from here on the count of markers is not known
  }
  // The same from the end, for what the count from the start leaves unknown.
  int after = 0;  // the markers every match holds after the element at hand
  for (auto e = elements.rbegin(); e != elements.rend(); ++e) {
    if (IsOneMarker(*e)) {
      if (e->placeholder.role == Role::kSubject && layout.subject < 0) layout.subject_back = after;
      if (e->placeholder.role == Role::kObject && layout.object < 0) layout.object_back = after;
      ++after;
      continue;
    }
    if (!HoldsNoMarker(*e)) break;
  }
  return layout;
}

}  // namespace kgx
