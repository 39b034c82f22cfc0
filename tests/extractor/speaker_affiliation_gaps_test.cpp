// Speakers' companies and roles written the ways real notes write them, and a thread's keynote line:
// "Speaker: Jane Doe (Brightcart, SRE Lead)", "山田太郎（株式会社ほげ / SRE）", "SRE Lead @ X", "SRE Lead at
// X", accented company names of two words, and "基調講演は X の Y さん" opening the keynote whose posts follow.
// Whole extraction with the shipped rules, positive and negative, Japanese and English. The notes are our own.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::ExtractText;
using kgx::testing::Has;
using kgx::testing::KindOf;
using kgx::testing::Relates;
using kgx::testing::RelationsIn;

}  // namespace

TEST_CASE("a speaker's company before the job in parentheses is found, with the role", "[speaker_affiliation]") {
  const std::string en = "# Meetup\n\n## Scaling the edge\nSpeaker: Jane Doe (Brightcart, SRE Lead)\n";
  CHECK(Has(en, "company:Brightcart"));
  CHECK(Relates(en, "person/jane-doe role_at company/brightcart"));
  const std::string ja = "# 勉強会\n\n## 監視の話\n登壇者: 山田太郎（株式会社ほげ / SRE）\n";
  CHECK(Has(ja, "company:ほげ"));
  CHECK(Relates(ja, "person/山田太郎 role_at company/ほげ"));
  CHECK(Has("# 勉強会\n\n## 監視の話\n登壇者: 佐藤 花子（株式会社ゆめみ, Tech Lead）\n", "company:ゆめみ"));
  // negative: the job first is no company, a hiragana word glued to の is not read as a name
  CHECK_FALSE(Has("# Meetup\n\n## Edge\nSpeaker: Jane Doe (SRE Lead, Brightcart)\n", "company:SRE Lead"));
  CHECK_FALSE(Has("# メモ\n\n株式会社はてなの人が話していた\n", "company:はてなの人が話していた"));
  CHECK_FALSE(Has("# メモ\n\n- 株式会社としての方針\n", "company:としての方針"));
}

TEST_CASE("a company after a job and at or @ is found though no list names it", "[speaker_affiliation]") {
  CHECK(Relates("# Notes\n\nJane Doe, SRE Lead at Brightcart\n", "person/jane-doe role_at company/brightcart"));
  CHECK(Relates("# Notes\n\nJane Doe (SRE Lead @ Brightcart)\n", "person/jane-doe role_at company/brightcart"));
  CHECK(Relates("# Notes\n\nKai Moss, Tech Lead at Lumen Health.\n", "person/kai-moss role_at company/lumen-health"));
  CHECK(Has("# Notes\n\n- Talked to a researcher at Kumo about evals.\n", "company:Kumo"));
  CHECK(Has("# メモ\n\n- Jane Doe さん (Staff Engineer at Orbitrail) と話した\n", "company:Orbitrail"));
  // negative: "at" before no company
  const std::string not_companies =
      "# Notes\n\nWe run Kafka at scale. SRE Lead at Scale is a talk. Our SRE at KubeCon said hi.\n"
      "Met an engineer at the end, at 3pm. Engineer at re:Invent.\n";
  for (const char* name : {"company:Scale", "company:KubeCon", "company:Invent", "company:Re"}) {
    CHECK_FALSE(Has(not_companies, name));
  }
}

TEST_CASE("a company of two accented words after a job is read whole", "[speaker_affiliation]") {
  const std::string en = "# Notes\n\nSam Lee, SRE at Crédit Agricole. Engineers at Crédit Agricole use Kafka.\n";
  CHECK(Has(en, "company:Crédit Agricole"));
  CHECK_FALSE(Has(en, "company:Crédit"));
  CHECK_FALSE(Has(en, "company:Crédit Agricole."));
  CHECK(Has("# メモ\n\n- Engineers at Société Générale said they run Kafka\n", "company:Société Générale"));
  // negative: a lower-case word after the name is not part of it
  CHECK_FALSE(Has("# Notes\n\nA developer at Öresund builds tools.\n", "company:Öresund builds"));
}

TEST_CASE("a speaker named with a job under a title makes it a talk, and is no heading", "[speaker_affiliation]") {
  const std::string en = "# Meetup\n\n## Queues at scale\nJane Roe, SRE Lead at Velocity Parts\n\n- We use Kafka.\n";
  CHECK(KindOf(en, "Queues at scale") == "talk");
  CHECK(KindOf(en, "Jane Roe, SRE Lead at Velocity Parts").empty());
  CHECK(Relates(en, "company/velocity-parts uses technology/kafka"));
  const std::string ja = "# 勉強会\n\n## キューの話\nNina Berg (SRE Lead @ Fjordlight)\n\n- Kafka を使っている\n";
  CHECK(KindOf(ja, "キューの話") == "talk");
  CHECK(Relates(ja, "company/fjordlight uses technology/kafka"));
  // negative: a name with a company but no job names no speaker
  CHECK(KindOf("# Meetup\n\n## Queues\nJane Roe (Velocity Parts)\n\n- We use Kafka.\n", "Queues") != "talk");
  CHECK_FALSE(Relates("# Meetup\n\n## Queues\nSpeaker: Ann Lee\n\n- Jane Roe, CTO at Velocity Parts, asked about Kafka. We use Kafka.\n",
                      "company/velocity-parts uses technology/kafka"));
}

TEST_CASE("a thread's keynote line that names its speaker opens the keynote", "[speaker_affiliation]") {
  const std::string ja =
      "# スレッド保存\n\n基調講演は Stripe の Emily Zhao さん (Head of Developer Infrastructure)\n"
      "実況します🧵\n1/3\n\n昔は Jenkins を自前で運用してた\n2/3\n";
  CHECK(KindOf(ja, "基調講演は Stripe の Emily Zhao さん (Head of Developer Infrastructure)") ==
        "keynote");
  CHECK(Relates(ja, "company/stripe migrated_from technology/jenkins"));
  const std::string en = "# Thread\n\nOpening keynote by Emily Zhao (Stripe) 🧵\n\nPreviously we ran Jenkins on EC2\n";
  CHECK(KindOf(en, "Opening keynote by Emily Zhao (Stripe) 🧵") == "keynote");
  CHECK(Relates(en, "company/stripe migrated_from technology/jenkins"));
  // negative: a mere mention of the keynote, a remark that goes on, and a sentence that tells of one (a short line
  // may still be a heading of its own, but no keynote)
  CHECK(KindOf("# メモ\n\n基調講演は良かった\n", "基調講演は良かった") != "keynote");
  CHECK(KindOf("# メモ\n\n基調講演は Stripe の話だった\n", "基調講演は Stripe の話だった") != "keynote");
  const std::string goes_on = "基調講演は Stripe の Emily Zhao さんだったけど、内容は微妙だった";
  CHECK(KindOf("# メモ\n\n" + goes_on + "\n", goes_on) != "keynote");
  const std::string told = "I liked the keynote by Emily Zhao (Stripe) a lot.";
  CHECK(KindOf("# Notes\n\n" + told + "\n", told) != "keynote");
}

TEST_CASE("a person known by a handle is named by it, wherever the handle stands", "[speaker_affiliation]") {
  const std::string text =
      "# LT まとめ\n\n発表者: @kenji_dev\n\n- 今日は @kenji_dev さんの話がよかった\n- @Kenji_Dev のスライドも公開済み\n";
  const kgx::DocumentResult result = ExtractText(text);
  REQUIRE(result.entities.size() == 1);
  CHECK(result.entities[0].name == "@kenji_dev");
  CHECK(result.mentions.size() == 3);
  CHECK(Has("# Notes\n\n- Thanks @mika_ops さん for the demo\n", "person:@mika_ops"));
  // negative: a handle alone, with no honorific or speaker label, names no one (an account: "RT @kaigi_official:")
  CHECK_FALSE(Has("# Notes\n\nRT @kaigi_official: 次のセッションは 14:00 から\n", "person:@kaigi_official"));
}

TEST_CASE("a vendor demo's presenter and a list of customers name companies", "[speaker_affiliation]") {
  const std::string presenter = "# 選定 MTG\n\n## Honeyloop デモ\nPresenter: Marco Bellini (Honeyloop, Solutions Engineer)\n";
  CHECK(Has(presenter, "company:Honeyloop"));
  CHECK(Relates(presenter, "person/marco-bellini role_at company/honeyloop"));
  CHECK(Relates("# MTG\n\n## Demo\nSpeaker: Aiko Tanaka (Traceweave / Customer Engineer)\n",
                "person/aiko-tanaka role_at company/traceweave"));
  const std::string customers = "# MTG\n\n- 導入企業: Orbitly、Lumenpay\n- 利用企業：株式会社ヤマブキ\n";
  CHECK(Has(customers, "company:Orbitly"));
  CHECK(Has(customers, "company:Lumenpay"));
  CHECK(Has(customers, "company:ヤマブキ"));
  // negative: such a label before no name, and a presenter's job alone in parentheses
  CHECK(kgx::testing::EntitiesIn("# MTG\n\n- 導入企業: まだなし\n").empty());
  CHECK_FALSE(Has("# MTG\n\n## Demo\nPresenter: Marco Bellini (Solutions Engineer)\n", "company:Solutions Engineer"));
}
