// FindMailSubject and the document title it gives: a mail digest pasted into the notes, its header in English or
// Japanese, and notes of "Key: value" lines that are no mail's header. Also the header's and the signature's fields
// and the greeting, which sections.rules keeps from being headings.
#include <catch2/catch.hpp>

#include <string>

#include "extractor/mail_header.h"
#include "extractor/normalizer.h"
#include "tests/extractor/extract_support.h"

namespace {

// The mail subject of `text`, or "<none>".
std::string SubjectOf(const std::string& text) {
  const kgx::NormalizedText normalized = kgx::Normalize(text);
  const auto subject = kgx::FindMailSubject(kgx::SplitLines(normalized.text));
  return subject ? normalized.text.substr(subject->begin, subject->end - subject->begin) : "<none>";
}


}  // namespace

TEST_CASE("a mail header's subject, in English or Japanese", "[mail_header]") {
  CHECK(SubjectOf("From: 石井 美咲 <misaki@example.co.jp>\nTo: infra@example.co.jp\nSubject: [共有] AWS Summit Day 1 参加報告\n"
                  "Date: Thu, 25 Jun 2026 21:14:03 +0900\n\n皆さん\n") == "[共有] AWS Summit Day 1 参加報告");
  CHECK(SubjectOf("\nfrom: Jane Roe <jane@example.com>\ncc: team@example.com,\n  ops@example.com\nsubject: KubeCon day 2 notes\n\nHi all,\n") ==
        "KubeCon day 2 notes");
  CHECK(SubjectOf("差出人：山田 太郎\n宛先：開発部\n件名：re:Invent 2025 3日目のまとめ\n\n各位\n") == "re:Invent 2025 3日目のまとめ");
}

TEST_CASE("notes of fields that are no mail's header give no subject", "[mail_header]") {
  CHECK(SubjectOf("Subject: Aurora の検証\nStatus: 完了\n\n本文\n") == "<none>");                  // no sender
  CHECK(SubjectOf("From: Jane Roe\nTo: team\n\nSubject: later\n") == "<none>");                      // the subject after the header
  CHECK(SubjectOf("# Title\nFrom: Jane Roe\nSubject: x\n") == "<none>");                              // not at the top
  CHECK(SubjectOf("From: Jane Roe\nTags: aws\nSubject: x\n") == "<none>");                            // a field no mail has
  CHECK(SubjectOf("From: Jane Roe\nSubject:\n\nbody\n") == "<none>");                                 // an empty subject
  CHECK(SubjectOf("  From: Jane Roe\nSubject: x\n") == "<none>");                                     // indented: a list's line
}

TEST_CASE("a mail digest is named by its subject, its header and signature fields are no headings", "[mail_header]") {
  const std::string mail =
      "From: 石井 美咲 <misaki@example.co.jp>\nTo: infra@example.co.jp\nCc: 田村 <tamura@example.co.jp>\n"
      "Subject: [共有] AWS Summit Japan 2026 Day 1 参加報告\n\nインフラチームの皆さん\n\nお疲れ様です。\n\n■ 基調講演\n・AWS の話\n\n"
      "--\n石井 美咲\nTel: 03-1234-5678\n";
  CHECK(kgx::testing::ExtractText(mail).title == "[共有] AWS Summit Japan 2026 Day 1 参加報告");
  const auto titles = kgx::testing::SectionTitles(mail);
  CHECK(titles.count("To: infra@example.co.jp") == 0);
  CHECK(titles.count("Cc: 田村 <tamura@example.co.jp>") == 0);
  CHECK(titles.count("インフラチームの皆さん") == 0);
  CHECK(titles.count("Tel: 03-1234-5678") == 0);
  CHECK(titles.count("基調講演") == 1);
  const kgx::DocumentResult en = kgx::testing::ExtractText(
      "from: Jane Roe <jane@example.com>\nsubject: KubeCon day 2 notes\n\nHi all,\n\n## Platform talks\n- Backstage everywhere\n");
  CHECK(en.title == "KubeCon day 2 notes");
  // negative: a note that opens with a heading keeps it as its title, and a heading that greets nobody stays one
  const std::string plain = "# 参加メモ\n\nFrom: the keynote\n\n## 皆さんの声\n本文です。\n";
  CHECK(kgx::testing::ExtractText(plain).title == "参加メモ");
  CHECK(kgx::testing::SectionTitles(plain).count("皆さんの声") == 1);
}
