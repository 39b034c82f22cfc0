// Org-mode notes: which documents are org (IsOrgDocument), what RewriteOrgMarkup writes over their
// markup, and what the whole extractor reads from them: star headings as sections, talks, days and
// keynotes, the #+TITLE, blocks, drawers and links; a Markdown note's "* item" stays a list item.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/org_markup.h"
#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::ExtractAt;
using kgx::testing::SectionLines;

// `text` normalized and rewritten as an org document.
std::string Rewritten(const std::string& text) {
  kgx::NormalizedText normalized = kgx::Normalize(text);
  const std::size_t size = normalized.text.size();
  kgx::RewriteOrgMarkup(normalized);
  REQUIRE(normalized.text.size() == size);  // no byte moves
  REQUIRE(normalized.folded == kgx::FoldLatinCase(normalized.text));
  return normalized.text;
}

// As many blanks as `text` has bytes: what a line of markup becomes.
std::string Blanks(std::string_view text) { return std::string(text.size(), ' '); }

constexpr const char* kKubeCon =
    "#+TITLE: KubeCon Japan 2025 メモ\n"
    "#+DATE: 2025-06-16\n"
    "* Day 1\n"
    "** Keynote\n"
    "- Kubernetes 10 周年\n"
    "** Scaling Karpenter at Mercari\n"
    "   Speaker: 田中 太郎 (Mercari)\n"
    "   - EKS で Karpenter を使っている\n"
    "* Day 2\n"
    "** Cilium で eBPF\n"
    "   - Calico から Cilium に移行した\n";

}  // namespace

TEST_CASE("a note is org by its .org path or by the keywords it opens with", "[org]") {
  CHECK(kgx::IsOrgDocument("notes/kubecon.org", "* Day 1\n"));
  CHECK(kgx::IsOrgDocument("NOTES/KUBECON.ORG", "text"));
  CHECK(kgx::IsOrgDocument("memo.txt", "#+TITLE: KubeCon メモ\n* Day 1\n"));
  CHECK(kgx::IsOrgDocument("memo.txt", "\n\n  #+title: 勉強会メモ\n"));
  CHECK(kgx::IsOrgDocument("-", "#+STARTUP: overview\n#+TITLE: x\n"));
  CHECK(kgx::IsOrgDocument("memo.txt", "#+FILETAGS: :aws:\n"));
  CHECK(kgx::IsOrgDocument("memo.howm", "# -*- mode: org; coding: utf-8 -*-\n* 2026-04-01 メモ\n"));
  CHECK(kgx::IsOrgDocument("memo.howm", "-*- org -*-\n"));
  // not org: Markdown, text, a keyword org files do not open with, or a keyword further down
  CHECK_FALSE(kgx::IsOrgDocument("notes.md", "# KubeCon メモ\n* Day 1\n"));
  CHECK_FALSE(kgx::IsOrgDocument("notes.txt", "* Day 1\n** Keynote\n"));
  CHECK_FALSE(kgx::IsOrgDocument("notes.txt", "#+NAME: fig1\n"));
  CHECK_FALSE(kgx::IsOrgDocument("notes.txt", "#+TITLE without a colon\n"));
  CHECK_FALSE(kgx::IsOrgDocument("notes.txt", "メモ\n#+TITLE: x\n"));
  CHECK_FALSE(kgx::IsOrgDocument("notes.txt", "＃＋ＴＩＴＬＥ： 全角のメモ\n"));  // Emacs reads no full-width keyword
  CHECK_FALSE(kgx::IsOrgDocument("notes.txt", "# -*- mode: markdown -*-\n"));
  CHECK_FALSE(kgx::IsOrgDocument("notes.orgx", ""));
  CHECK_FALSE(kgx::IsOrgDocument("org", ""));
}

TEST_CASE("star headings become Markdown headings of as many levels", "[org]") {
  CHECK(Rewritten("* Day 1\n** Keynote\n*** 感想\n") == "# Day 1\n## Keynote\n### 感想\n");
  // deeper than Markdown's six levels: six marks, blanks for the rest
  CHECK(Rewritten("******** 深い見出し\n") == "######   深い見出し\n");
  // no blank after the stars, indented, or bold text: no heading
  CHECK(Rewritten("*bold* text\n  * item\n**\n") == "*bold* text\n  * item\n**\n");
}

TEST_CASE("a heading's TODO keyword, priority, cookie and tags are not its title", "[org]") {
  CHECK(Rewritten("** TODO [#A] Aurora に移行 [2/5]   :aws:db:\n") == "##           Aurora に移行                 \n");
  CHECK(Rewritten("* DONE Write the report\n") == "#      Write the report\n");
  // keywords a #+TODO: line declares count too; others are words of the title
  CHECK(Rewritten("#+TODO: NEXT(n) | CANCELED(c)\n* NEXT 資料を読む\n* WAIT for it\n") ==
        Blanks("#+TODO: NEXT(n) | CANCELED(c)") + "\n#      資料を読む\n# WAIT for it\n");
  // a colon inside a title, or a smiley, is no tag
  CHECK(Rewritten("* 10:00 Keynote\n* Q&A :)\n") == "# 10:00 Keynote\n# Q&A :)\n");
  // Japanese tags
  CHECK(Rewritten("* 所感 :メモ:\n") == "# 所感 " + Blanks(":メモ:") + "\n");
}

TEST_CASE("#+TITLE names the document, other keywords, comments and planning lines are blank", "[org]") {
  const std::string scheduled = "   SCHEDULED: <2026-04-20 Mon>";
  const std::string clock = "   CLOCK: [2026-04-15 Wed 15:00]--[2026-04-15 Wed 15:45] =>  0:45";
  CHECK(Rewritten("#+title: 勉強会メモ\n#+AUTHOR: 山田\n# 下書き\n* 本題\n" + scheduled + "\n" + clock + "\n") ==
        "#        勉強会メモ\n" + Blanks("#+AUTHOR: 山田") + "\n" + Blanks("# 下書き") + "\n# 本題\n" + Blanks(scheduled) +
            "\n" + Blanks(clock) + "\n");
  // a #+TITLE after a heading is a keyword, not a second title; "DEADLINE:" in prose is text
  CHECK(Rewritten("* A\n#+TITLE: B\nDEADLINE: 来週まで\n") == "# A\n" + Blanks("#+TITLE: B") + "\nDEADLINE: 来週まで\n");
}

TEST_CASE("blocks are fenced code with their lines as written, drawers are blank", "[org]") {
  CHECK(Rewritten("#+BEGIN_SRC yaml\n# a comment\n- name: [[x]]\n#+END_SRC\n") == "```             \n# a comment\n- name: [[x]]\n```      \n");
  CHECK(Rewritten("  #+begin_quote\n  名言\n  #+end_quote\n") == "  ```          \n  名言\n  ```        \n");
  CHECK(Rewritten(":PROPERTIES:\n:ID: 田中\n:END:\n- x\n") == Blanks(":PROPERTIES:") + "\n" + Blanks(":ID: 田中") + "\n     \n- x\n");
  // unclosed, closed by another name, or cut by a heading (Emacs reads "* " at a line's start as a
  // heading anywhere: it escapes one in a block as ",* "): no block, the marks are blank
  CHECK(Rewritten("#+BEGIN_SRC\n* 見出し\n#+END_SRC\n") == "           \n# 見出し\n         \n");
  CHECK(Rewritten("#+BEGIN_SRC\nx\n#+END_EXAMPLE\n") == "           \nx\n             \n");
  CHECK(Rewritten(":LOGBOOK:\n* 見出し\n:END:\n") == "         \n# 見出し\n     \n");
}

TEST_CASE("an org link reads as its text, a bare one as its target", "[org]") {
  CHECK(Rewritten("- [[https://aws.amazon.com/eks/][Amazon EKS]] の資料\n") ==
        "- " + Blanks("[[https://aws.amazon.com/eks/][") + "Amazon EKS   の資料\n");
  CHECK(Rewritten("資料: [[https://example.com/a]]\n") == "資料:   https://example.com/a  \n");
  CHECK(Rewritten("[[unclosed\n") == "[[unclosed\n");
  // the link's text is a mention; the address names nothing
  const kgx::DocumentResult doc = ExtractAt("links.org", "* 資料\n- [[https://example.com/lambda][AWS Lambda]] の入門\n");
  bool lambda = false;
  for (const kgx::Mention& m : doc.mentions) lambda |= m.text == "AWS Lambda" && m.line == 2;
  CHECK(lambda);
}

TEST_CASE("full-width stars and signs are text, full-width titles are kept as written", "[org]") {
  CHECK(Rewritten("＊＊ 全角の星\n") == "** 全角の星\n");
  CHECK(Rewritten("*　全角空白\n") == "* 全角空白\n");
  const std::string note = "#+TITLE: ＫｕｂｅＣｏｎ　Ｊａｐａｎ　２０２５\n** ＤＡＴ３０３ - Ａｕｒｏｒａ 入門\n- メモ\n";
  const kgx::DocumentResult doc = ExtractAt("w.org", note);
  CHECK(doc.title == "ＫｕｂｅＣｏｎ　Ｊａｐａｎ　２０２５");
  CHECK(doc.event == "KubeCon Japan 2025");
  CHECK(SectionLines(doc) == std::vector<std::string>{"1 other ＫｕｂｅＣｏｎ　Ｊａｐａｎ　２０２５", "2 talk Ａｕｒｏｒａ 入門 [DAT303]"});
  for (const kgx::Mention& m : doc.mentions) CHECK(note.substr(m.start, m.end - m.start) == m.text);
}

TEST_CASE("an org note's talks, keynotes and days are read from its star headings", "[org]") {
  const kgx::DocumentResult doc = ExtractAt("kubecon.org", kKubeCon);
  CHECK(doc.title == "KubeCon Japan 2025 メモ");
  CHECK(doc.event == "KubeCon Japan 2025");
  CHECK(SectionLines(doc) == std::vector<std::string>{"1 other KubeCon Japan 2025 メモ", "3 other Day 1", "4 keynote Keynote",
                                                  "6 talk Scaling Karpenter at Mercari", "9 other Day 2",
                                                  "10 other Cilium で eBPF"});
  // opening with #+TITLE, the same note is org whatever its name
  CHECK(SectionLines(ExtractAt("kubecon.txt", kKubeCon)) == SectionLines(doc));
  // mentions point at the file's own bytes, in the headings too
  const std::string note = kKubeCon;
  bool karpenter_in_heading = false;
  for (const kgx::Mention& m : doc.mentions) {
    CHECK(note.substr(m.start, m.end - m.start) == m.text);
    karpenter_in_heading |= m.line == 6 && m.text == "Karpenter";
  }
  CHECK(karpenter_in_heading);
  // a TODO keyword and tags stay out of a talk's title
  const kgx::DocumentResult todo =
      ExtractAt("t.org", "* Day 2\n** TODO [#B] Aurora 移行の裏側   :db:\n   Speaker: 佐野 結衣 (Example)\n   - Aurora を使う\n");
  CHECK(SectionLines(todo) == std::vector<std::string>{"1 other Day 2", "2 talk Aurora 移行の裏側"});
  // a drawer between a heading and its speaker line hides nothing of the talk
  const kgx::DocumentResult drawer = ExtractAt("d.org", "* Day 1\n** Scaling Karpenter at Example\n   :PROPERTIES:\n   :ID: 1234\n"
                                                        "   :CUSTOM_ID: karpenter\n   :END:\n   Speaker: 田中 太郎 (Example)\n");
  CHECK(SectionLines(drawer) == std::vector<std::string>{"1 other Day 1", "2 talk Scaling Karpenter at Example"});
  for (const kgx::Mention& m : drawer.mentions) CHECK(m.line != 5);  // a property's value is no mention
}

TEST_CASE("a Markdown note's star items stay list items", "[org]") {
  const std::string markdown = "# KubeCon メモ\n* Day 1\n* Keynote\n* Karpenter を使っている\n";
  const kgx::DocumentResult md = ExtractAt("notes.md", markdown);
  CHECK(SectionLines(md) == std::vector<std::string>{"1 other KubeCon メモ"});
  // the same lines as org are headings (and its "# KubeCon メモ" a comment)
  CHECK(SectionLines(ExtractAt("notes.org", markdown)) ==
        std::vector<std::string>{"2 other Day 1", "3 keynote Keynote", "4 other Karpenter を使っている"});
}
