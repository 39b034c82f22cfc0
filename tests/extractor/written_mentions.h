// Test support: a line written with its known names bracketed by type letter, "[c:Netflix]の中の
//人" (a = aws_service, c = company, p = person, t = technology), read into the plain line and
// its mentions. Shared by the relation and list discovery tests.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "extractor/types.h"

namespace kgx::test {

struct WrittenMention {
  std::size_t begin, end;  // offsets into the plain line
  EntityType type;
  std::string name;
};

struct WrittenLine {
  std::string text;
  std::vector<WrittenMention> mentions;
};

inline WrittenLine ReadWritten(const std::string& written) {
  WrittenLine line;
  for (std::size_t i = 0; i < written.size(); ++i) {
    const std::size_t close = written.find(']', i);
    if (written[i] != '[' || close == std::string::npos || i + 2 >= written.size() || written[i + 2] != ':') {
      line.text += written[i];
      continue;
    }
    const char letter = written[i + 1];
    const EntityType type = letter == 'a'   ? EntityType::kAwsService
                            : letter == 'c' ? EntityType::kCompany
                            : letter == 'p' ? EntityType::kPerson
                                            : EntityType::kTechnology;
    std::string name = written.substr(i + 3, close - i - 3);
    line.mentions.push_back({line.text.size(), line.text.size() + name.size(), type, name});
    line.text += name;
    i = close;
  }
  return line;
}

}  // namespace kgx::test
