// RelationRules with the shipped rules/relations.rules: each family of relation patterns
// (uses, migrated_from/to, role_at, presented_by, announced) on Japanese and English sentences,
// positive and negative, plus the mechanism (block options, subjects, lists, vetoes, errors).
#include <catch2/catch.hpp>

#include <algorithm>

#include "extractor/pattern_defines.h"
#include "extractor/relation_rules.h"
#include "extractor/rule_file.h"
#include "tests/extractor/written_mentions.h"
#include "tests/extractor/shipped_rule_blocks.h"

namespace {

using kgx::SectionKind;

const kgx::RelationRules& ShippedRules() {
  static const std::unique_ptr<kgx::RelationRules> rules = [] {
    std::vector<kgx::RuleDiagnostic> diagnostics;
    auto compiled = kgx::RelationRules::Compile(kgx::testing::ShippedRuleBlocks(diagnostics), diagnostics);
    for (const auto& d : diagnostics) {
      if (d.is_error) FAIL(d.ToString());
    }
    return compiled;
  }();
  REQUIRE(rules);
  return *rules;
}

// A section written as lines in which every mention is bracketed with its type letter:
// "[c:Netflix]の中の人" (a = aws_service, c = company, p = person, t = technology).
// lines[0] is the header.
struct WrittenSection {
  std::vector<std::string> texts;
  std::vector<std::vector<std::string>> names;
  kgx::RelationSection section;

  WrittenSection(SectionKind kind, const std::vector<std::string>& lines) {
    section.kind = kind;
    texts.reserve(lines.size());
    for (const std::string& written : lines) {
      const kgx::test::WrittenLine line = kgx::test::ReadWritten(written);
      std::vector<kgx::TypedMention> mentions;
      std::vector<std::string> line_names;
      for (const auto& m : line.mentions) {
        mentions.push_back({m.begin, m.end, m.type});
        line_names.push_back(m.name);
      }
      texts.push_back(line.text);
      names.push_back(std::move(line_names));
      section.lines.push_back({texts.back(), std::move(mentions)});
    }
  }

  std::string Name(const kgx::MentionRef& ref) const {
    if (ref.IsDocument()) return "<document>";
    if (ref.IsSection()) return "<section>";
    return names[static_cast<std::size_t>(ref.line)][static_cast<std::size_t>(ref.mention)];
  }
};

// Returns "subject predicate object [role]" for every relation of the section, sorted.
std::vector<std::string> Relations(SectionKind kind, const std::vector<std::string>& lines,
                                   const kgx::RelationRules& rules = ShippedRules()) {
  const WrittenSection written(kind, lines);
  std::vector<std::string> out;
  for (const kgx::SectionRelation& r : rules.ApplySection(written.section)) {
    std::string text = written.Name(r.subject) + " " + r.predicate + " " + written.Name(r.object);
    if (!r.role.empty()) text += " [" + r.role + "]";
    out.push_back(text);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A talk whose only line is `line` (after an empty header).
std::vector<std::string> TalkLine(const std::string& line) { return Relations(SectionKind::kTalk, {"", line}); }

using Strings = std::vector<std::string>;

}  // namespace

// --- uses ---------------------------------------------------------------------------------

TEST_CASE("a talk's subject uses what a line says it used, in Japanese", "[relations]") {
  CHECK(TalkLine("- [t:NetApp ONTAP] を使った。コストは半分") == Strings{"<section> uses NetApp ONTAP"});
  CHECK(TalkLine("• 相変わらず[a:EMR]つかってるらしい") == Strings{"<section> uses EMR"});
  CHECK(TalkLine("• microservice構成になってて[t:Consul]つかってdiscovery") == Strings{"<section> uses Consul"});
  CHECK(TalkLine("• Homepage - [c:SignalFx] を監視につかってるらしい") == Strings{"<section> uses SignalFx"});
  CHECK(TalkLine("- 社内では[t:Kubernetes]を導入している") == Strings{"<section> uses Kubernetes"});
  CHECK(TalkLine("- [c:Example] で ([a:EMR]で) [t:Hadoop] 使った。") ==
        Strings{"<section> uses EMR", "<section> uses Hadoop"});
}

TEST_CASE("uses: tools used together, and what processes the data", "[relations]") {
  CHECK(TalkLine("  • 監視は [t:Datadog] と [t:Prometheus] を併用") ==
        Strings{"<section> uses Datadog", "<section> uses Prometheus"});
  CHECK(TalkLine("  • [t:Kafka] で 1日 10億 イベントを処理") == Strings{"<section> uses Kafka"});
  CHECK(TalkLine("  • [t:Kafka] の導入").empty());  // the topic, not a statement of use
  CHECK(TalkLine("- [t:Spinnaker] でデプロイ、1日 数百回") == Strings{"<section> uses Spinnaker"});
  CHECK(TalkLine("- [t:GKE] で 100 以上のマイクロサービスが動いている") == Strings{"<section> uses GKE"});
  CHECK(TalkLine("  • [t:Kafka] の採用は見送った").empty());
}

TEST_CASE("uses: where data is put, built, deployed or served", "[relations]") {
  CHECK(TalkLine("• それぞれの時間を[a:DynamoDB]にいれてる") == Strings{"<section> uses DynamoDB"});
  CHECK(TalkLine("• [t:Jenkins]ではartifactを[a:s3]にあげてる") == Strings{"<section> uses s3"});
  CHECK(TalkLine("- [a:Kinesis Firehose] から [a:S3] に格納することでコスト減") ==
        Strings{"<section> uses Kinesis Firehose", "<section> uses S3"});
  CHECK(TalkLine("- [t:Jenkins] で 全体10%から徐々に100%までデプロイ。") == Strings{"<section> uses Jenkins"});
  CHECK(TalkLine("• 遅いので[t:nginx]でserveするようにしたらしい") == Strings{"<section> uses nginx"});
  CHECK(TalkLine("- [t:RabbitMQ] を経由することでサービスディスカバリを実現した") == Strings{"<section> uses RabbitMQ"});
  CHECK(TalkLine("• [a:s3]に25PB, 1日5500億イベント") == Strings{"<section> uses s3"});
  CHECK(TalkLine("- [a:S3]にすると使った分だけのコストになった!") == Strings{"<section> uses S3"});
  CHECK(TalkLine("• messagingは[t:Rabbit MQ]でやってるらしい。") == Strings{"<section> uses Rabbit MQ"});
  CHECK(TalkLine("こちらは[a:ECS]上でのバッチ実行に関するセッションです。") == Strings{"<section> uses ECS"});
}

TEST_CASE("uses: a stack written as a list, a configuration or a bare bullet", "[relations]") {
  CHECK(TalkLine("- [t:.js], [t:Rails], [t:MySQL] の構成") ==
        Strings{"<section> uses .js", "<section> uses MySQL", "<section> uses Rails"});
  CHECK(TalkLine("    • [t:Go], [t:Docker], [t:CoreOS].") ==
        Strings{"<section> uses CoreOS", "<section> uses Docker", "<section> uses Go"});
  CHECK(TalkLine("  • [t:MongoDB]構成") == Strings{"<section> uses MongoDB"});
  CHECK(TalkLine("  • 構成は[t:Jenkins]クラスタ、ジョブ実行のためにcontainer") == Strings{"<section> uses Jenkins"});
  // every entry of the configuration, and what an entry's aside names
  CHECK(TalkLine("- 構成: [a:Aurora] ([t:MySQL]), [t:Redis] ([a:ElastiCache]), [t:Kafka]") ==
        Strings{"<section> uses Aurora", "<section> uses ElastiCache", "<section> uses Kafka", "<section> uses MySQL",
                "<section> uses Redis"});
  CHECK(TalkLine("- 構成は [a:Lambda] と [a:DynamoDB]、あとで [t:Redis] も検討") ==
        Strings{"<section> uses DynamoDB", "<section> uses Lambda"});
  CHECK(TalkLine("  • 1日に150万[t:Docker]コンテナつくってる") == Strings{"<section> uses Docker"});
  CHECK(TalkLine("    • [t:Riak]だ。") == Strings{"<section> uses Riak"});
}

TEST_CASE("uses: a heading or a bullet naming a single thing is no stack", "[relations]") {
  CHECK(TalkLine("  • [a:Kinesis Firehose]").empty());
  CHECK(TalkLine("[a:Athena]").empty());
  CHECK(TalkLine("[a:ElasticCache] - [t:memcached], [t:redis]").empty());
}

TEST_CASE("uses in English", "[relations]") {
  CHECK(TalkLine("  • [t:Spark] jobs on [t:YARN]") == Strings{"<section> uses YARN"});
  CHECK(TalkLine("The pipeline is built with [t:Kafka] and more") == Strings{"<section> uses Kafka"});
  CHECK(TalkLine("We use [t:Go], [t:Docker] and [t:CoreOS] everywhere") ==
        Strings{"<section> uses CoreOS", "<section> uses Docker", "<section> uses Go"});
  CHECK(TalkLine("[c:Example] uses [a:Amazon Kinesis] for clickstreams") == Strings{"Example uses Amazon Kinesis"});
}

TEST_CASE("uses in English: where the data is kept and what it is queried with, not what it was compared with", "[relations]") {
  CHECK(TalkLine("- They keep raw events in [a:Amazon S3] and query them with [a:Amazon Athena]") ==
        Strings{"<section> uses Amazon Athena", "<section> uses Amazon S3"});
  CHECK(TalkLine("- We store the logs in [a:S3]") == Strings{"<section> uses S3"});
  CHECK(TalkLine("- The team runs ad-hoc queries on [a:Athena]") == Strings{"<section> uses Athena"});
  CHECK(TalkLine("- They don't store anything in [a:Amazon S3]").empty());  // a negation
  CHECK(TalkLine("- Keep in mind that [a:Amazon S3] is eventually consistent").empty());
  CHECK(TalkLine("- We compared it with [a:Amazon Redshift].").empty());
  CHECK(TalkLine("- We tried it with [a:AWS Lambda].").empty());
  CHECK(TalkLine("- Dashboards are built with [a:Amazon QuickSight].") == Strings{"<section> uses Amazon QuickSight"});
}

TEST_CASE("uses in honorific or passive form, as the plain forms", "[relations]") {
  CHECK(TalkLine("- データカタログには[a:AWS Glue]を採用されたとのこと") == Strings{"<section> uses AWS Glue"});
  CHECK(TalkLine("- データカタログには[a:AWS Glue]を採用したとのこと") == Strings{"<section> uses AWS Glue"});
  CHECK(TalkLine("- ジョブ管理には[t:Apache Airflow]を利用されている") == Strings{"<section> uses Apache Airflow"});
  CHECK(TalkLine("- 監視には[c:Datadog]が使われている。") == Strings{"<section> uses Datadog"});
  CHECK(TalkLine("- 監視には[t:Prometheus]が使われています") == Strings{"<section> uses Prometheus"});
  CHECK(TalkLine("- 認証には[a:Amazon Cognito]を導入されました。") == Strings{"<section> uses Amazon Cognito"});
  CHECK(TalkLine("- 認証には[a:Amazon Cognito]を導入しました。") == Strings{"<section> uses Amazon Cognito"});
  CHECK(TalkLine("- DBには[a:Aurora]が採用された。") == Strings{"<section> uses Aurora"});
  CHECK(TalkLine("- [c:Example]は[a:Aurora]を利用されている") == Strings{"Example uses Aurora"});
  // the other verbs of use, in the passive as well
  CHECK(TalkLine("- [c:Example]は[a:Lambda]を利用されて運用コストを削減") == Strings{"Example uses Lambda"});
  CHECK(TalkLine("- ログは[a:Kinesis Firehose]に送られている") == Strings{"<section> uses Kinesis Firehose"});
  CHECK(TalkLine("- [t:Jenkins]でデプロイされている") == Strings{"<section> uses Jenkins"});
  CHECK(TalkLine("- 集計は[t:Digdag]で運用されている") == Strings{"<section> uses Digdag"});
  // with the honorific prefix: "ご利用", "お使い"
  CHECK(TalkLine("- 決済には[a:Amazon Aurora]をご利用いただいている") == Strings{"<section> uses Amazon Aurora"});
  CHECK(TalkLine("- [c:Example]様は[a:Amazon ECS]をご利用中です") == Strings{"Example uses Amazon ECS"});
  CHECK(TalkLine("- 監視には[t:Grafana]をお使いです。") == Strings{"<section> uses Grafana"});
  CHECK(TalkLine("- [a:AWS Lambda]をご利用されています") == Strings{"<section> uses AWS Lambda"});
}

TEST_CASE("uses is not read from honorific or passive negations", "[relations]") {
  CHECK(TalkLine("- [t:Terraform]は使われていない。").empty());
  CHECK(TalkLine("- [t:Terraform]は利用されていません").empty());
  CHECK(TalkLine("- [a:EFS]は導入されなかった").empty());
  CHECK(TalkLine("- [t:Jenkins]は使いませんでした").empty());
  CHECK(TalkLine("- [c:Datadog]が使われていたが、今は自前").empty());
  CHECK(TalkLine("- [t:Kafka]が使われたログ基盤の話").empty());  // a description, as "使ったS3への転送"
  CHECK(TalkLine("- [a:Amazon Aurora]もご利用いただけます").empty());  // can be used
  CHECK(TalkLine("- [a:Amazon ECS]はご利用されていません").empty());
}

TEST_CASE("uses is not read from negations, wishes, abilities or descriptions", "[relations]") {
  CHECK(TalkLine("- [a:EFS]は[t:DFSR]より高かったので使ってない").empty());
  CHECK(TalkLine("- [a:EC2]は遅いので使わなかった").empty());
  CHECK(TalkLine("- [t:Spark] や [t:Presto] を使いたいというニーズ").empty());
  CHECK(TalkLine("- 実行時間が決まっているタスクには[a:スポットインスタンス]を使う").empty());
  CHECK(TalkLine("• [a:Firehose]をつかった[a:S3]への転送").empty());
  CHECK(TalkLine("• [a:Firehose]のdelivery streamもつかえるらしい").empty());
  CHECK(TalkLine("- [a:QuickSight] : [a:Redshift], [a:RDS] のデータソースが使える").empty());
  CHECK(TalkLine("- フェールオーバーは 30-45秒([t:DNS]ベース)").empty());
  CHECK(TalkLine("[a:S3]上でSQL。1TBのスキャンあたり$5").empty());
  CHECK(TalkLine("• [a:S3]に配置する場合、 YYYY/MM/DD/HH のpathになる").empty());
  CHECK(TalkLine("We did not use [t:Kafka] at all").empty());
  CHECK(TalkLine("- HA NATを[a:EC2]を使って実現しよう").empty());
}

TEST_CASE("uses with the subject in the line: companies, services and technologies as actors", "[relations]") {
  CHECK(TalkLine("- [c:AWS]は[c:Twillio]を利用しているし[c:Twillio]も[c:AWS]を利用している。") ==
        Strings{"AWS uses Twillio", "Twillio uses AWS"});
  CHECK(TalkLine("- [a:ECS] は [a:EC2] のクラスタ上に構築されている。") == Strings{"ECS uses EC2"});
  CHECK(TalkLine("- [t:Fenzo] は [t:Titus] のコア部分。[t:Mesos]ベースのスケジューラ。") ==
        Strings{"Fenzo uses Mesos", "Titus uses Fenzo"});
  CHECK(TalkLine("- [t:MySQL]はコネクションとスレッドは1:1だが、[a:Aurora]は[t:epoll]") == Strings{"Aurora uses epoll"});
  CHECK(TalkLine("- [t:watchbot] - [a:SQS]からメッセージを受け取ってタスクを処理するライブラリ") ==
        Strings{"watchbot uses SQS"});
  CHECK(TalkLine("- [t:Titus] - [c:Netflix]独自のコンテナ/ジョブ管理ツールを作った") == Strings{"Netflix uses Titus"});
  CHECK(TalkLine("- [c:Netflix]のインフラと統合している - [t:Spinnaker] CI/CD, モニタリングの[t:Atlas] , 変更管理の[t:Edda]") ==
        Strings{"Netflix uses Atlas", "Netflix uses Edda", "Netflix uses Spinnaker"});
  CHECK(TalkLine("[c:Example]はこういう工夫、[t:BigQuery] ラッパーのbq_*") == Strings{"Example uses BigQuery"});
}

// --- subjects: presenter, topic, talk ------------------------------------------------------

TEST_CASE("relations without a subject belong to the company presenting the talk", "[relations]") {
  const auto found = Relations(SectionKind::kTalk, {"(ARC348) Seagull: How Yelp Built A System",
                                                    "  • [c:Yelp]の方。CIにおけるテスト高速化の話。",
                                                    "    • [a:DynamoDB]にいれてる"});
  CHECK(found == Strings{"<section> presented_by Yelp", "Yelp uses DynamoDB"});
}

TEST_CASE("the presenter uses what a case study's title runs on", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"CON310 - Running Batch Jobs on [a:Amazon ECS]", "- [c:MapBox] の事例。地図のサービス。"}) ==
        Strings{"<section> presented_by MapBox", "MapBox uses Amazon ECS"});
  CHECK(Relations(SectionKind::kTalk, {"(BDT303) Running [t:Spark] and [t:Presto] on the [c:Netflix] Big Data Platform",
                                       "  • [c:Netflix]の中の人のプレゼン"}) ==
        Strings{"<section> presented_by Netflix", "Netflix uses Presto", "Netflix uses Spark"});
  CHECK(Relations(SectionKind::kTalk, {"(ARC348) [t:Seagull]: How [c:Yelp] Built A System For Task Execution"}) ==
        Strings{"<section> presented_by Yelp", "Yelp uses Seagull"});
  // the code in brackets, as Markdown notes write it
  CHECK(Relations(SectionKind::kTalk, {"### [ARC338] [c:Airbnb]: migrating from a monolith", "- [t:Envoy] を採用"}) ==
        Strings{"<section> presented_by Airbnb", "Airbnb uses Envoy"});
  CHECK(Relations(SectionKind::kTalk, {"【ARC348】 [t:Seagull]: How [c:Yelp] Built A System"}) ==
        Strings{"<section> presented_by Yelp", "Yelp uses Seagull"});
}

TEST_CASE("a title's service is nobody's when no company presents the talk", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"(ARC308) The Serverless Company: Using [a:AWS Lambda]"}).empty());
  CHECK(Relations(SectionKind::kTalk, {"(BDT320) New! Streaming Data Flows with [a:Amazon Kinesis Firehose]"}).empty());
}

TEST_CASE("a deep dive's service is the subject of its relations", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"DAT303 - Deep Dive on [a:Amazon Aurora]",
                                       "- 64TBまでの自動拡張。[a:S3]にバックアップ",
                                       "- v1.9 でロックをbitmapに圧縮、スピンロックを[t:futex]に、ロック解除"}) ==
        Strings{"Amazon Aurora uses S3", "Amazon Aurora uses futex"});
}

TEST_CASE("closing remarks and other non-talk sections have no subject of their own", "[relations]") {
  CHECK(Relations(SectionKind::kOther, {"印象まとめ", "単なる[a:EC2]移行だけではなく", "[t:Hadoop] 使った。"}).empty());
  CHECK(Relations(SectionKind::kOther, {"3日目", "[c:Amazon]社のCTO、[p:Werner Vogels] です"}) ==
        Strings{"Werner Vogels role_at Amazon [CTO]"});
}

TEST_CASE("a company a line opens with is the subject of the line and of its child bullets", "[relations]") {
  const auto found = Relations(SectionKind::kOther, {
      "その後",
      "- [c:クックパッド]の方は [a:ECS] と [a:Spot Fleet] の組み合わせをかなり攻めて使っているらしい",
      "- [c:サイバーエージェント]の方は、分析基盤を [a:Redshift] から [a:Athena] と [t:Presto] へ一部移行中",
      "  - ちなみにバッチ処理は全部 [t:Digdag] で回しているらしい",
      "- ほかの人は [t:Hadoop] を使っていた。"});
  CHECK(found == Strings{"クックパッド uses ECS", "クックパッド uses Spot Fleet", "サイバーエージェント migrated_from Redshift",
                         "サイバーエージェント migrated_to Athena", "サイバーエージェント migrated_to Presto",
                         "サイバーエージェント uses Digdag"});
}

TEST_CASE("what customers of a vendor's talk use is not the vendor's", "[relations]") {
  const auto found = Relations(SectionKind::kTalk, {
      "AIM214 - Machine Learning Leadership Session",
      "[c:AWS] の機械学習担当 Vice President、[p:Swami] さんのセッション。",
      "- [a:SageMaker] で学習を回しているお客さんのうち、約85%は [t:TensorFlow] を使っている"});
  CHECK(found == Strings{"<section> presented_by AWS", "Swami role_at AWS [Vice President]"});
}

TEST_CASE("uses: titles of case studies in English and Japanese", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"CON326 - How [c:Netflix] Runs [t:Titus], Its Container Platform, on [a:Amazon EC2]"}) ==
        Strings{"<section> presented_by Netflix", "Netflix uses Amazon EC2", "Netflix uses Titus"});
  CHECK(Relations(SectionKind::kTalk, {"(CMP305) [c:クックパッド]における [a:ECS] と [a:Fargate] の使い分け"}) ==
        Strings{"クックパッド uses ECS", "クックパッド uses Fargate"});
  CHECK(Relations(SectionKind::kTalk, {"(ARC304) [c:メルカリ]社の事例: 画像配信を [a:CloudFront] と [a:Lambda@Edge] で作り直した話"}) ==
        Strings{"<section> presented_by メルカリ", "メルカリ uses CloudFront", "メルカリ uses Lambda@Edge"});
}

TEST_CASE("uses: English statements with their actor, and 'X on Y'", "[relations]") {
  CHECK(TalkLine("- \"[t:Titus] is built with [t:Mesos], [t:Java] and a lot of patience\"") ==
        Strings{"Titus uses Java", "Titus uses Mesos"});
  CHECK(TalkLine("- 1社目は広告配信の会社。[t:Kafka] on [a:EC2]") == Strings{"<section> uses EC2", "<section> uses Kafka"});
  CHECK(TalkLine("- Deep dive on [a:Lambda]").empty());
}

// --- migrated_from / migrated_to -----------------------------------------------------------

TEST_CASE("migrations in Japanese", "[relations]") {
  CHECK(TalkLine("• [t:Asgard]じゃなくて[t:Spinnaker]というのに移行しているらしい") ==
        Strings{"<section> migrated_from Asgard", "<section> migrated_to Spinnaker"});
  CHECK(TalkLine("- [t:Oracle]から[t:PostgreSQL]に移行した") ==
        Strings{"<section> migrated_from Oracle", "<section> migrated_to PostgreSQL"});
  CHECK(TalkLine("- サービス開発に集中でき、[t:Node.js]移行できた") == Strings{"<section> migrated_to Node.js"});
  CHECK(TalkLine("  • [c:Pinterest]の[a:VPC]への移行事例") == Strings{"Pinterest migrated_to VPC"});
  CHECK(TalkLine("- [t:Titus] は昔は [a:ECS] を使っていたが、今は [t:Mesos] から [a:EC2] を起動している") ==
        Strings{"Titus migrated_from ECS", "Titus migrated_to Mesos"});
}

TEST_CASE("migrations written with an English verb inside Japanese, and リプレイス", "[relations]") {
  CHECK(TalkLine("- [a:ECS]から[a:EKS]にmigrateしたらcostがHalfになった") ==
        Strings{"<section> migrated_from ECS", "<section> migrated_to EKS"});
  CHECK(TalkLine("- [t:Oracle] から [a:Aurora] への migration が完了") ==
        Strings{"<section> migrated_from Oracle", "<section> migrated_to Aurora"});
  CHECK(TalkLine("- [t:Jenkins] を [t:GitHub Actions] にリプレイスした") ==
        Strings{"<section> migrated_from Jenkins", "<section> migrated_to GitHub Actions"});
  CHECK(TalkLine("- [t:Redis] を [a:ElastiCache] に移行") ==
        Strings{"<section> migrated_from Redis", "<section> migrated_to ElastiCache"});
  CHECK(TalkLine("- [t:Redis] を [a:ElastiCache] に移行する予定").empty());  // a plan
  // the English verb alone, without a Japanese ending, is no statement: a guide's or a tool's name
  CHECK(TalkLine("- [a:Aurora] migration guide を読んだ").empty());
  CHECK(TalkLine("- [a:Aurora] migration tool").empty());
}

TEST_CASE("a migration the sentence denies is none: '…へ移行したのではなく'", "[relations]") {
  const Strings denied = TalkLine("- [a:Redshift] から [c:Snowflake] へ移行されたのではなく、[t:BigQuery] へ移行された");
  CHECK(std::find(denied.begin(), denied.end(), "<section> migrated_to Snowflake") == denied.end());
  CHECK(std::find(denied.begin(), denied.end(), "<section> migrated_to BigQuery") != denied.end());
  CHECK(TalkLine("- [t:Kafka] から [a:Kinesis] に移行したわけではない").empty());
  // "ではなく" before the target still names it: "AsgardじゃなくてSpinnakerに移行"
  CHECK(TalkLine("- [t:Asgard] ではなく [t:Spinnaker] に移行した") ==
        Strings{"<section> migrated_from Asgard", "<section> migrated_to Spinnaker"});
}

TEST_CASE("migrations in honorific or passive form, and 'へと'", "[relations]") {
  CHECK(TalkLine("- [t:Hadoop] から [a:Amazon EMR] を中心とした構成へと移行された") ==
        Strings{"<section> migrated_from Hadoop", "<section> migrated_to Amazon EMR"});
  CHECK(TalkLine("- [t:Oracle]から[a:Aurora]へと移行され、運用が楽になった") ==
        Strings{"<section> migrated_from Oracle", "<section> migrated_to Aurora"});
  CHECK(TalkLine("- [t:Oracle]から[a:Aurora]へと移行した") ==
        Strings{"<section> migrated_from Oracle", "<section> migrated_to Aurora"});
  CHECK(TalkLine("- [t:BigQuery] を使われていたが、[a:Athena] に乗り換えられた") ==
        Strings{"<section> migrated_from BigQuery", "<section> migrated_to Athena"});
  // denied or planned, the honorific form is no migration either
  const Strings denied = TalkLine("- [t:Kafka] から [a:Kinesis] へと移行されたのではなく、[t:Pulsar] を使い続けている");
  CHECK(std::find(denied.begin(), denied.end(), "<section> migrated_to Kinesis") == denied.end());
  CHECK(TalkLine("- [t:Redis] を [a:ElastiCache] へと移行される予定").empty());
  CHECK(TalkLine("- 以前は[t:Jenkins]が使われていましたが、今は[t:GitHub Actions]を使っている") ==
        Strings{"<section> migrated_from Jenkins", "<section> migrated_to GitHub Actions", "<section> uses GitHub Actions"});
  CHECK(TalkLine("- 以前は[t:Jenkins]が遅かった").empty());
  CHECK(TalkLine("- [t:Hive]から[t:Presto]にされた") == Strings{"<section> migrated_from Hive", "<section> migrated_to Presto"});
  // a choice among candidates, in the honorific form, is a use: nothing is left behind
  const Strings chosen = Relations(SectionKind::kTalk, {"", "- 候補は [a:Aurora] と [t:TiDB]", "- 最終的に[a:Aurora]を選ばれたとのこと"});
  CHECK(chosen == Strings{"<section> uses Aurora"});
}

TEST_CASE("migrations: what was used before, with where it ran", "[relations]") {
  CHECK(TalkLine("- 以前はオンプレの [t:Oracle] を使っていたが [a:Aurora] に移行した") ==
        Strings{"<section> migrated_from Oracle", "<section> migrated_to Aurora"});
  // Another mention in between is not skipped over: the object is the one right after 以前は.
  CHECK(TalkLine("- 以前は[c:Acme]の [t:Oracle] を使っていた").empty());
}

TEST_CASE("migrations: 'A はやめて B へ'", "[relations]") {
  CHECK(TalkLine("- [t:MongoDB] はやめて [t:PostgreSQL] へ") ==
        Strings{"<section> migrated_from MongoDB", "<section> migrated_to PostgreSQL"});
  CHECK(TalkLine("- [t:Jenkins] をやめて [t:CircleCI] に。") ==
        Strings{"<section> migrated_from Jenkins", "<section> migrated_to CircleCI"});
  CHECK(TalkLine("- [t:Jenkins] をやめて [t:CircleCI] にするか検討中").empty());  // a plan
}

TEST_CASE("a case study's heading that names a company is the subject of its lines", "[relations]") {
  CHECK(Relations(SectionKind::kOther, {"[c:Duolingo]", "- [t:k8s] から [a:ECS on Fargate] に移行。理由は運用コスト",
                                        "- 1日 3億 件のイベントを [a:Kinesis] に流している"}) ==
        Strings{"Duolingo migrated_from k8s", "Duolingo migrated_to ECS on Fargate", "Duolingo uses Kinesis"});
  CHECK(Relations(SectionKind::kOther, {"[c:Slack] の障害ポストモーテム (2021/01/04)", "- 分析は [a:Redshift]"}) ==
        Strings{"Slack uses Redshift"});
  // marked as a heading, with the speaker in parentheses
  CHECK(Relations(SectionKind::kOther, {"■ [c:Uber] のリアルタイムデータ基盤 ([c:Uber], Senior Engineer)",
                                        "・[t:Kafka] は 1日 1兆メッセージ を処理",
                                        "・以前は [a:Kinesis] を使っていたが [t:Kafka] に乗り換えた",
                                        "・[t:Flink] でストリーム処理、[t:Presto] でアドホック分析"}) ==
        Strings{"Uber migrated_from Kinesis", "Uber migrated_to Kafka", "Uber uses Flink", "Uber uses Kafka",
                "Uber uses Presto"});
  CHECK(Relations(SectionKind::kOther, {"## [c:メルカリ]のマイクロサービス化", "・[t:Kubernetes] ([t:GKE]) を採用。[t:Go] で書かれたサービスが 100 以上",
                                        "・モノリス ([t:PHP]) から段階的に移行"}) ==
        Strings{"メルカリ migrated_from PHP", "メルカリ uses Go", "メルカリ uses Kubernetes"});
  // A heading that only mentions a company somewhere is no case study of it.
  CHECK(Relations(SectionKind::kOther, {"Tips for [c:Slack] users", "- 分析は [a:Redshift]"}).empty());
  CHECK(Relations(SectionKind::kOther, {"■ [c:Uber] と [c:Lyft] の比較", "・[t:Kafka] を使っている"}).empty());
  // what a tool is written in is the tool's
  CHECK(Relations(SectionKind::kOther, {"[c:Lyft]", "- [t:Envoy] 自体は [t:C++] で書かれている"}) == Strings{"Envoy uses C++"});
}

TEST_CASE("English notes: bullets without a subject, 'they run', 'from X polling to Y', speakers", "[relations]") {
  CHECK(TalkLine("- Uses [t:Kafka] and [t:Flink] for real-time pipelines") ==
        Strings{"<section> uses Flink", "<section> uses Kafka"});
  CHECK(TalkLine("- They run 1,500+ [a:EC2] instances for search") == Strings{"<section> uses EC2"});
  CHECK(TalkLine("- Moved from [a:SQS] polling to [a:EventBridge Pipes]") ==
        Strings{"<section> migrated_from SQS", "<section> migrated_to EventBridge Pipes"});
  CHECK(TalkLine("Speaker: [p:Julian Wood], Principal Developer Advocate at [c:AWS]") ==
        Strings{"<section> presented_by AWS", "Julian Wood role_at AWS [Principal Developer Advocate]"});
  CHECK(TalkLine("- Nobody uses [t:Kafka] for that").empty());
}

TEST_CASE("uses: a service named with its engine, where data is kept and what manages the work", "[relations]") {
  CHECK(TalkLine("- データベースは[a:Amazon Aurora] [t:PostgreSQL]を使っています") ==
        Strings{"<section> uses Amazon Aurora", "<section> uses PostgreSQL"});
  CHECK(TalkLine("・[a:ElastiCache] [t:Redis] を利用している") == Strings{"<section> uses ElastiCache", "<section> uses Redis"});
  CHECK(TalkLine("・[a:Step Functions]でワークフローを管理") == Strings{"<section> uses Step Functions"});
  CHECK(TalkLine("* Orders are stored in [a:Amazon DynamoDB]; reports go elsewhere") == Strings{"<section> uses Amazon DynamoDB"});
  CHECK(TalkLine("- Build artifacts are cached in [a:Amazon S3]") == Strings{"<section> uses Amazon S3"});
  CHECK(TalkLine("* Traces are collected with [t:OpenTelemetry] and sent to [a:AWS X-Ray]") ==
        Strings{"<section> uses AWS X-Ray", "<section> uses OpenTelemetry"});
  CHECK(TalkLine("* Jobs are orchestrated by [a:AWS Step Functions]") == Strings{"<section> uses AWS Step Functions"});
  // what is not kept anywhere, or not by them
  CHECK(TalkLine("* Logs are not stored in [a:S3]").empty());
}

TEST_CASE("migrations: a vendor replaced by tools, and away from a cluster", "[relations]") {
  CHECK(TalkLine("* [c:Fernhill] replaced [c:Datadog] with [t:Grafana] and [t:Prometheus]") ==
        Strings{"Fernhill migrated_from Datadog", "Fernhill migrated_to Grafana", "Fernhill migrated_to Prometheus"});
  CHECK(TalkLine("・[t:Hadoop]クラスタから[a:Amazon EMR]に移行") ==
        Strings{"<section> migrated_from Hadoop", "<section> migrated_to Amazon EMR"});
  CHECK(TalkLine("・オンプレの[t:Kafka]クラスタから[a:MSK]へ移行する予定").empty());
}

TEST_CASE("role_at in a polite long sentence: '株式会社Xのインフラエンジニアである高橋 真一さん'", "[relations]") {
  const Strings found = Relations(SectionKind::kOther,
                                  {"メモ", "株式会社[c:サクラ]のインフラエンジニアである[p:高橋 真一]さんが登壇されました。"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].rfind("高橋 真一 role_at サクラ [", 0) == 0);
  CHECK(Relations(SectionKind::kOther, {"メモ", "[c:サクラ]の強みはエンジニアである点です"}).empty());  // no person
}

TEST_CASE("role_at in prose: 'Priya Natarajan, a principal engineer at Globex'", "[relations]") {
  CHECK(Relations(SectionKind::kOther, {"recap", "The next talk was given by [p:Priya Natarajan], a principal engineer at [c:Globex]."}) ==
        Strings{"Priya Natarajan role_at Globex [principal engineer]"});
  CHECK(Relations(SectionKind::kOther, {"recap", "[p:Priya Natarajan], a friend of an engineer at [c:Globex]."}).empty());
}

TEST_CASE("a talk titled as a company's case study is presented by it: 'CUS-12 株式会社Xにおける…移行'", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"CUS-12 株式会社[c:サクラ]におけるサーバーレス移行", "- 登壇されました"}) ==
        Strings{"<section> presented_by サクラ"});
  CHECK(Relations(SectionKind::kTalk, {"DEV-03 [c:Acme]社での[t:Kubernetes]導入事例", "- x"}) ==
        Strings{"<section> presented_by Acme"});
  CHECK(Relations(SectionKind::kTalk, {"DEV-04 [c:AWS]でのサーバーレス入門", "- x"}).empty());  // no case study
}

TEST_CASE("role_at: a VP of a function, and an engineering manager", "[relations]") {
  CHECK(TalkLine("Interview with [p:Mei Lin] (VP Engineering, [c:Tidewell])") ==
        Strings{"<section> presented_by Tidewell", "Mei Lin role_at Tidewell [VP Engineering]"});
  CHECK(TalkLine("- [p:Ravi Menon], Engineering Manager at [c:Quarrybank]") ==
        Strings{"Ravi Menon role_at Quarrybank [Engineering Manager]"});
}

TEST_CASE("speakers in bold labels, with the company first in parentheses, and 'XでVPoEを務めるY氏'", "[relations]") {
  CHECK(TalkLine("**Speaker:** [p:Ana Lopes], Head of Platform @ [c:Fernhill]") ==
        Strings{"<section> presented_by Fernhill", "Ana Lopes role_at Fernhill [Head of Platform]"});
  CHECK(TalkLine("**Speaker:** [p:木村 誠] (株式会社[c:フクロウ], SRE)") ==
        Strings{"<section> presented_by フクロウ", "木村 誠 role_at フクロウ [SRE]"});
  CHECK(TalkLine("今回お話を伺ったのは、株式会社[c:ソラノメ]でVPoEを務める[p:中村 健太]氏。") ==
        Strings{"中村 健太 role_at ソラノメ [VPoE]"});
  CHECK(TalkLine("― 株式会社[c:ソラノメ] VPoEの[p:中村 健太]氏に聞く") ==
        Strings{"<section> presented_by ソラノメ", "中村 健太 role_at ソラノメ [VPoE]"});
  CHECK(TalkLine("- [c:Fernhill] runs 400+ services on [a:Amazon EKS] across 3 regions") == Strings{"Fernhill uses Amazon EKS"});
  CHECK(TalkLine("- She said they run about 150 microservices on [t:Kubernetes]") == Strings{"<section> uses Kubernetes"});
  CHECK(TalkLine("- [t:Cluster Autoscaler]からの移行は2ヶ月で完了") == Strings{"<section> migrated_from Cluster Autoscaler"});
  CHECK(TalkLine("・画像は[a:AWS Batch]で推論しています") == Strings{"<section> uses AWS Batch"});
  CHECK(TalkLine("・[a:AWS CDK]と[a:AWS Organizations]で50アカウントを管理") ==
        Strings{"<section> uses AWS CDK", "<section> uses AWS Organizations"});
  CHECK(TalkLine("・以前は[t:cron]とシェルスクリプトで運用していた") == Strings{"<section> migrated_from cron"});
  CHECK(TalkLine("・株式会社[c:ホシゾラ]では夜間バッチを[a:AWS Step Functions]に置き換えた") ==
        Strings{"ホシゾラ migrated_to AWS Step Functions", "ホシゾラ uses AWS Step Functions"});
}

TEST_CASE("'Xを使っていたが…Yに乗り換えた' is a migration from X, and no use of X", "[relations]") {
  CHECK(TalkLine("- データ分析には[t:BigQuery]を使っていたが、去年[a:Amazon Athena]に乗り換えた") ==
        Strings{"<section> migrated_from BigQuery", "<section> migrated_to Amazon Athena"});
  CHECK(TalkLine("・[t:Jenkins]を運用していたが[t:GitHub Actions]へ移行した") ==
        Strings{"<section> migrated_from Jenkins", "<section> migrated_to GitHub Actions"});
  CHECK(TalkLine("- [t:Kafka]を使っていたが、[a:Kinesis]への移行を検討中").empty());
  CHECK(TalkLine("- [t:BigQuery]を使っていましたが、去年[a:Amazon Athena]に乗り換えました") ==
        Strings{"<section> migrated_from BigQuery", "<section> migrated_to Amazon Athena"});
}

TEST_CASE("past use marked by a contrast is no use, in plain and polite form, a past narrative is", "[relations]") {
  CHECK(TalkLine("- [t:Chef]を使っていましたが、今は別のツール").empty());
  CHECK(TalkLine("- [t:Puppet]を利用していましたが、やめました").empty());
  CHECK(TalkLine("- [t:Fabric]を使っていたけど、やめた").empty());
  CHECK(TalkLine("- [t:Capistrano]を使ってデプロイしていました") == Strings{"<section> uses Capistrano"});
}

TEST_CASE("migrations in Japanese with companies as platforms", "[relations]") {
  CHECK(TalkLine("- [c:Heroku]から[c:AWS]へ移行した") ==
        Strings{"<section> migrated_from Heroku", "<section> migrated_to AWS"});
  CHECK(TalkLine("- [c:Heroku]から[a:Amazon ECS]に移行した") ==
        Strings{"<section> migrated_from Heroku", "<section> migrated_to Amazon ECS"});
  CHECK(TalkLine("- オンプレから[c:AWS]に移行") == Strings{"<section> migrated_to AWS"});
  CHECK(TalkLine("- [c:AWS]からのお知らせ").empty());
  CHECK(TalkLine("- [c:Netflix]から[c:AWS]の話").empty());
  CHECK(TalkLine("- [c:Google]から[c:Netflix]に移った人").empty());
  CHECK(TalkLine("- [c:Heroku]から[c:AWS]へ移行する予定").empty());
}

TEST_CASE("a speaker line that starts with the company, its department and the role", "[relations]") {
  CHECK(TalkLine("スピーカー：[c:ヤマブキ]株式会社 プラットフォーム部 部長 [p:森田 誠一] 氏") ==
        Strings{"<section> presented_by ヤマブキ", "森田 誠一 role_at ヤマブキ [部長]"});
  CHECK(TalkLine("Speaker: [c:Fernhill] のSREチームの [p:Ana Lopes]") == Strings{"<section> presented_by Fernhill"});
}

TEST_CASE("announced: 'NEW:' markers and tables of announcements in a keynote", "[relations]") {
  const auto found = Relations(SectionKind::kKeynote, {
      "Keynote Day2",
      "発表されたものを一覧にします。",
      "| 発表 | サービス | 概要 |",
      "|---|---|---|",
      "| NEW | [a:Amazon Q] | 業務向けアシスタント |",
      "| 一般提供 | [a:Amazon Bedrock] | 基盤モデル |",
      "| 改善 | [a:Amazon EC2] | より速く |",
      "- NEW: [a:Amazon DataZone] のAI推奨機能",
      "- New: faster [a:EBS] volumes"});
  CHECK(found == Strings{"<section> announced Amazon Bedrock", "<section> announced Amazon DataZone", "<section> announced Amazon Q"});
  // no announcements outside keynotes that announce things
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", "| NEW | [a:Amazon Q] |"}).empty());
}

TEST_CASE("'Bにした' is a migration only after candidates were weighed", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"", "- 移行先を悩んだ。候補は [a:Dynamo], [a:Aurora]", "- [a:Aurora]にした。速度"}) ==
        Strings{"<section> migrated_to Aurora"});
  CHECK(Relations(SectionKind::kTalk, {"", "- 前置き", "- さらに前置き", "- もう一つ", "- [a:Aurora]にした。"}).empty());
}

TEST_CASE("migrations: lists, services named with their flavour, 'AからBにした'", "[relations]") {
  CHECK(TalkLine("- 数年前に [t:PHP] のモノリスから [t:Python] と [t:Go] のマイクロサービスへ移行") ==
        Strings{"<section> migrated_from PHP", "<section> migrated_to Go", "<section> migrated_to Python"});
  CHECK(TalkLine("• オンプレの MySQL5.6 から [a:Aurora] [t:MySQL] (MySQL5.7 互換版) に移行") ==
        Strings{"<section> migrated_to Aurora"});
  // a flavour chosen after weighing another is a use, not a move (nothing is left behind)
  CHECK(TalkLine("- [t:PostgreSQL] 互換の [a:Aurora] も検討したが、方言だらけなので [a:Aurora] [t:MySQL] にした") ==
        Strings{"<section> uses Aurora"});
  CHECK(TalkLine("- クエリエンジンは [t:Hive] から [t:Presto] にした") ==
        Strings{"<section> migrated_from Hive", "<section> migrated_to Presto"});
  CHECK(TalkLine("- 以前は [t:Kafka] を使っていたが、[a:Kinesis Streams] と [a:Kinesis Firehose] に移行した") ==
        Strings{"<section> migrated_from Kafka", "<section> migrated_to Kinesis Firehose", "<section> migrated_to Kinesis Streams"});
}

TEST_CASE("plans, questions and refusals are no migrations", "[relations]") {
  CHECK(TalkLine("- 「[a:EKS] に移行する予定は?」という質問に「今のところない」").empty());
  CHECK(TalkLine("- [t:Kubernetes] への移行は? という質問には「全面移行はしない」").empty());
  CHECK(TalkLine("- 次は [t:Kafka] から [a:Kinesis Data Streams] への置き換えを検討中").empty());
  CHECK(TalkLine("- We will not migrate to [t:Kubernetes] this year").empty());
}

TEST_CASE("migrations in English and in titles", "[relations]") {
  CHECK(TalkLine("We migrated from [t:MySQL] to [a:Aurora] last year") ==
        Strings{"<section> migrated_from MySQL", "<section> migrated_to Aurora"});
  CHECK(Relations(SectionKind::kTalk, {"(NET307) [c:Pinterest]: The road from [a:EC2-Classic] To [a:EC2-VPC]"}) ==
        Strings{"<section> presented_by Pinterest", "Pinterest migrated_from EC2-Classic", "Pinterest migrated_to EC2-VPC"});
}

TEST_CASE("moving data or talking about migration is no migration", "[relations]") {
  CHECK(TalkLine("- [t:MySQL] [a:RDS]から -> コンソールでワンクリックで移行できる").empty());
  CHECK(TalkLine("- [c:AWS] に移すだけだと高くなる").empty());
}

// --- role_at --------------------------------------------------------------------------------

TEST_CASE("role_at: company, role and person in either order", "[relations]") {
  CHECK(TalkLine("[c:Amazon社]のCTO、[p:Werner Vogels] のスピーチです。") ==
        Strings{"<section> presented_by Amazon社", "Werner Vogels role_at Amazon社 [CTO]"});
  CHECK(TalkLine("- [c:Twillio] CEO の [p:Jeff Lawson] 氏の講演") ==
        Strings{"<section> presented_by Twillio", "Jeff Lawson role_at Twillio [CEO]"});
  CHECK(TalkLine("[c:AWS]のDB担当 Vice President、[p:Raju Gulabani] さんです。") ==
        Strings{"<section> presented_by AWS", "Raju Gulabani role_at AWS [Vice President]"});
  CHECK(TalkLine("[p:Jane Doe], CTO of [c:Example] opened the talk") == Strings{"Jane Doe role_at Example [CTO]"});
}

TEST_CASE("role_at: a speaker's title and company in parentheses", "[relations]") {
  CHECK(TalkLine("  • 登壇者: [p:Chris Munns] (Principal Developer Advocate, [c:AWS])") ==
        Strings{"<section> presented_by AWS", "Chris Munns role_at AWS [Principal Developer Advocate]"});
  CHECK(TalkLine("  • [p:Jeff Barr] (Chief Evangelist, [c:AWS])") ==
        Strings{"<section> presented_by AWS", "Jeff Barr role_at AWS [Chief Evangelist]"});
  CHECK(TalkLine("- [p:Werner Vogels], Chief Technology Officer at [c:Amazon]") ==
        Strings{"Werner Vogels role_at Amazon [Chief Technology Officer]"});
  // A company in parentheses that does not close them is no employer.
  CHECK(TalkLine("- [p:Jane Doe] ([c:Acme] と比べて速いと言っていた)").empty());
}

TEST_CASE("role_at needs a company: a bare title names no employer", "[relations]") {
  CHECK(TalkLine("- [p:Jeff Bezos] が CTO の [p:Werner Vogels] に何とかしろといった").empty());
}

// --- presented_by ---------------------------------------------------------------------------

TEST_CASE("presented_by: a speaker line in the middle of a talk, the company written with 株式会社", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"## 認証基盤の刷新", "- 前置きの話があった。", "- 発表者: [p:山田太郎]（株式会社[c:ミツバチ]）",
                                       "- [a:Amazon Cognito]を使っている。"}) ==
        Strings{"<section> presented_by ミツバチ", "ミツバチ uses Amazon Cognito"});
  CHECK(Relations(SectionKind::kTalk, {"## 認証基盤の刷新", "- 前置き", "- 発表者: [p:山田太郎]（株式会社[c:ミツバチ], SRE）"}) ==
        Strings{"<section> presented_by ミツバチ", "山田太郎 role_at ミツバチ [SRE]"});
  CHECK(Relations(SectionKind::kTalk, {"## Building a portal", "- Agenda", "- Speaker: [p:Ana Lopes] ([c:Fernhill])"}) ==
        Strings{"<section> presented_by Fernhill"});
  // a former employer is no affiliation; outside a talk a speaker line presents nothing
  CHECK(Relations(SectionKind::kTalk, {"## 認証基盤の刷新", "- 発表者: [p:山田太郎]（元[c:ミツバチ]）"}).empty());
  CHECK(Relations(SectionKind::kOther, {"## 懇親会", "- 発表者: [p:山田太郎]（株式会社[c:ミツバチ]）"}).empty());
}

TEST_CASE("presented_by: how notes say who speaks", "[relations]") {
  CHECK(TalkLine("  • [c:Sophos]の人のセッション") == Strings{"<section> presented_by Sophos"});
  CHECK(TalkLine("  • [c:METEOR]の中の人") == Strings{"<section> presented_by METEOR"});
  CHECK(TalkLine("  • [c:Netflix]のPerformanceとReliabilityのDirectorの方") == Strings{"<section> presented_by Netflix"});
  CHECK(TalkLine("ECSの入門と [c:InstaCart]社の導入事例の紹介です。") == Strings{"<section> presented_by InstaCart"});
  CHECK(TalkLine("  • [c:Turbine]というゲーム会社の発表") == Strings{"<section> presented_by Turbine"});
  CHECK(TalkLine("[c:NetFlix]でのコンテナ活用事例です。") == Strings{"<section> presented_by NetFlix"});
  CHECK(Relations(SectionKind::kTalk, {"ARC318 - Busting the Myth: How [c:D2L] Embraced the Lock"}) ==
        Strings{"<section> presented_by D2L"});
  CHECK(Relations(SectionKind::kKeynote, {"Keynote Day2 - [p:Werner Vogels]"}) ==
        Strings{"<section> presented_by Werner Vogels"});
}

TEST_CASE("presented_by: the company in parentheses closing a talk's title", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"DEV-12 サーバーレスで作る IoT 基盤 ([c:ソラコム])"}) == Strings{"<section> presented_by ソラコム"});
  CHECK(Relations(SectionKind::kTalk, {"DEV-12 [c:Acme] と [a:Lambda] (入門) の話"}).empty());
  CHECK(TalkLine("- [c:SORACOM] のエンジニア [p:安川 健太] さん") ==
        Strings{"<section> presented_by SORACOM", "安川 健太 role_at SORACOM [エンジニア]"});
}

TEST_CASE("presented_by: a company merely named is no presenter", "[relations]") {
  CHECK(TalkLine("- [c:エムスリー]のようなユーザーの立場では").empty());
  CHECK(TalkLine("- 次は[c:Qiita]の記事を参照").empty());
  CHECK(Relations(SectionKind::kTalk, {"(ARC346) Scaling To 25 Billion Daily Requests On [c:AWS]"}).empty());
}

// --- announced ------------------------------------------------------------------------------

TEST_CASE("announced: the services a keynote's bullets name as new", "[relations]") {
  const auto found = Relations(SectionKind::kKeynote, {
      "Keynote Day1",
      "- 新サービス続々発表。",
      "- より大きくて速い[a:EC2インスタンス]と、[a:EC2 Elastic GPU]、F1 インスタンス",
      "- [a:S3]のデータを直接扱えるSQLエンジン、[a:Athena]",
      "- 画像認識の[a:Rekognition]、音声合成の[a:Polly]",
      "- [a:Lambda]をデバイス上で動かす[a:Greengrass]",
      "- [a:Aurora] は [t:PostgreSQL] に対応する!!",
      "- それを全部うめるサービスが [a:Amazon Glue] だ!"});
  CHECK(found == Strings{"<section> announced Amazon Glue", "<section> announced Athena", "<section> announced EC2 Elastic GPU",
                         "<section> announced Greengrass", "<section> announced Polly", "<section> announced Rekognition"});
}

TEST_CASE("announced: English launches in a keynote", "[relations]") {
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", "Launch: [a:Amazon Athena] queries S3 directly"}) ==
        Strings{"<section> announced Amazon Athena"});
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", "Andy is announcing [a:AWS Glue] today"}) ==
        Strings{"<section> announced AWS Glue"});
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", "* Announced [a:Amazon DataZone] and [a:AWS Clean Rooms]"}) ==
        Strings{"<section> announced AWS Clean Rooms", "<section> announced Amazon DataZone"});
}

TEST_CASE("announced only in keynotes that announce something", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"(BDT209) Launch: [a:Amazon Elasticsearch] For Analytics", "- [a:Athena]"}).empty());
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", "- [a:Athena]、[a:Polly]", "- 顧客事例の紹介"}).empty());
}

TEST_CASE("announced: a keynote bullet that says a service was not announced, or moved data", "[relations]") {
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", "- 新サービスの発表", "- [a:S3] の発表はなかった"}).empty());
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", "- 新サービスの発表", "  - 約75PB のデータを、[a:Aurora]、[a:DynamoDB] などに移した"})
            .empty());
  // a price is no launch
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", "* Announced things", "* Cost: $0.023 per GB-month for [a:S3 Standard]"})
            .empty());
}

TEST_CASE("a talk presented by a company in its title or on its speaker line, 以前は…今は", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"【A2-01】 [c:クックパッド]のインフラ刷新", "登壇者: [p:星 北斗] ([c:クックパッド]株式会社)",
                                       "・以前は [t:Capistrano] でデプロイしていたが、今は [t:Hako] という自作ツールを利用"}) ==
        Strings{"<section> presented_by クックパッド", "クックパッド migrated_from Capistrano", "クックパッド migrated_to Hako",
                "クックパッド uses Hako"});
  CHECK(Relations(SectionKind::kTalk, {"【D3-05】 [c:Sansan] の名刺データ化基盤", "・機械学習基盤は [a:SageMaker]。"}) ==
        Strings{"<section> presented_by Sansan", "Sansan uses SageMaker"});
  // a company inside a sentence of the title is no presenter by that rule
  CHECK(Relations(SectionKind::kTalk, {"SVC201 - [c:Netflix] とわたしの [t:Kafka] 生活"}).empty());
}

TEST_CASE("a company uses what it runs in production, or achieved something with", "[relations]") {
  CHECK(TalkLine("- [c:Goldman Sachs] は [a:MSK] を本番で使っている") == Strings{"Goldman Sachs uses MSK"});
  CHECK(TalkLine("- [c:Zillow] は [a:Aurora Serverless v2] で DB コストを 50% 削減") == Strings{"Zillow uses Aurora Serverless v2"});
  CHECK(TalkLine("- [c:Zillow] は [a:Aurora] で削減を検討しない").empty());
}

TEST_CASE("English notes of a codeless conference: speaker after a dash, 'How X runs', passives", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"## Scaling [t:Kubernetes] to 7,500 Nodes - Eric Sigler, [c:OpenAI]",
                                       "- [c:OpenAI] runs its training jobs on [t:Kubernetes] with 7,500 nodes"}) ==
        Strings{"<section> presented_by OpenAI", "OpenAI uses Kubernetes"});
  CHECK(Relations(SectionKind::kOther, {"## How [c:Spotify] Runs [t:Backstage] at Scale",
                                        "- [t:Backstage] is used by 2,000+ engineers at [c:Spotify]",
                                        "- Plugins written in [t:TypeScript] and [t:React]"}) ==
        Strings{"Spotify uses Backstage", "Spotify uses React", "Spotify uses TypeScript"});
  CHECK(TalkLine("- [t:Backstage] is used by the platform team").empty());
}

TEST_CASE("a codeless talk's presenter from its heading: company first, or in the parenthesis", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"■ [c:Uber] のリアルタイムデータ基盤 ([c:Uber], Senior Engineer)", "・[t:Kafka] に乗り換えた"}) ==
        Strings{"<section> presented_by Uber", "Uber migrated_to Kafka"});
  CHECK(Relations(SectionKind::kTalk, {"■ 監視の話 ([c:Example], SRE)", "・[t:Datadog] を使っている"}) ==
        Strings{"<section> presented_by Example", "Example uses Datadog"});
}

TEST_CASE("a data flow drawn with arrows uses each of its stops", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"ARC402 - Serverless patterns", "- Customer: [c:iRobot]",
                                       "- Architecture: [a:API Gateway] -> [a:Lambda] -> [a:DynamoDB]"}) ==
        Strings{"<section> presented_by iRobot", "iRobot uses API Gateway", "iRobot uses DynamoDB", "iRobot uses Lambda"});
  CHECK(TalkLine("- 画像は [a:S3] → [a:Lambda] の順に流れる") == Strings{"<section> uses Lambda", "<section> uses S3"});
  CHECK(TalkLine("- [a:S3] と [a:Lambda] の比較").empty());
  CHECK(TalkLine("  - 典型パターンは [a:S3] → [a:Lambda] → [a:Redshift]").empty());
  CHECK(TalkLine("- e.g. [a:S3] -> [a:Lambda]").empty());
}

TEST_CASE("a JAWS-style report: the platform a talk's system runs on, with its flavour in parentheses", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"● セッション: [c:ZOZO]のリプレイス",
                                       "・API は [t:Kubernetes] ([a:EKS]) 上で [t:Go] と [t:Java] で実装"}) ==
        Strings{"<section> presented_by ZOZO", "ZOZO uses Go", "ZOZO uses Java", "ZOZO uses Kubernetes"});
}

TEST_CASE("a DevelopersIO-style report: a speaker after a dash, 'X が語る', a company's data kept in a service", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"【レポート】DAT401: [a:Amazon DynamoDB] Deep Dive #reinvent",
                                       "スピーカー: [p:Rick Houlihan] - Principal Technologist, [c:AWS]",
                                       "- [c:Amazon.com] の注文履歴は [a:DynamoDB] で管理"}) ==
        Strings{"<section> presented_by AWS", "Amazon.com uses DynamoDB", "Rick Houlihan role_at AWS [Principal Technologist]"});
  CHECK(Relations(SectionKind::kTalk, {"【レポート】ARC335-R: [c:Netflix] が語る Chaos Engineering",
                                       "- [c:Netflix] では [t:Chaos Monkey] を本番環境で常時実行"}) ==
        Strings{"<section> presented_by Netflix", "Netflix uses Chaos Monkey"});
}

TEST_CASE("a talk about a service is no statement that its presenter uses it", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"STG301 | Deep dive on [a:Amazon S3]", "* Speaker: [p:Seth Markle], Senior Principal Engineer, [c:AWS]"}) ==
        Strings{"<section> presented_by AWS", "Seth Markle role_at AWS [Senior Principal Engineer]"});
  CHECK(Relations(SectionKind::kTalk, {"ANT302 - What's new with [a:Amazon MSK]", "- [c:Goldman Sachs] の方"}) ==
        Strings{"<section> presented_by Goldman Sachs"});
}

TEST_CASE("English: the company that migrated, and a speaker's title of several words", "[relations]") {
  CHECK(TalkLine("* [c:Pinterest] migrated from [a:EC2-Classic] to [a:VPC] in 2019") ==
        Strings{"Pinterest migrated_from EC2-Classic", "Pinterest migrated_to VPC"});
  CHECK(TalkLine("* [c:Slack] moved to [t:Kafka] for their job queue") == Strings{"Slack migrated_to Kafka"});
  CHECK(TalkLine("* Speaker: [p:Seth Markle], Senior Principal Engineer, [c:AWS]") ==
        Strings{"<section> presented_by AWS", "Seth Markle role_at AWS [Senior Principal Engineer]"});
}

TEST_CASE("English: what was moved before 'from', a replaced tool's modifier, a share of a fleet, a double title", "[relations]") {
  CHECK(TalkLine("- Customer story: [c:Pinterest] moved 500 PB from [t:HDFS] to [a:S3]") ==
        Strings{"Pinterest migrated_from HDFS", "Pinterest migrated_to S3"});
  CHECK(TalkLine("- [c:Capital One] migrated 3 of their core DBs from [t:Oracle] to [a:Aurora] [t:PostgreSQL]") ==
        Strings{"Capital One migrated_from Oracle", "Capital One migrated_to Aurora"});
  CHECK(TalkLine("- [c:Lyft] moved from [a:Kinesis Data Analytics] for SQL to [t:Flink]") ==
        Strings{"Lyft migrated_from Kinesis Data Analytics", "Lyft migrated_to Flink"});
  // what was left behind, with a determiner and one word of a closed list: "a single", "our self-managed"
  CHECK(TalkLine("- [c:Lumenpay] moved the ledger from a single [t:PostgreSQL] primary to [t:Apache Kafka]") ==
        Strings{"Lumenpay migrated_from PostgreSQL", "Lumenpay migrated_to Apache Kafka"});
  CHECK(TalkLine("- [c:Lumenpay] migrated away from our self-managed [t:Kafka]") == Strings{"Lumenpay migrated_from Kafka"});
  CHECK(TalkLine("- We moved from the legacy [t:Oracle] to [a:Aurora]") ==
        Strings{"<section> migrated_from Oracle", "<section> migrated_to Aurora"});
  CHECK(TalkLine("- [c:Lumenpay] moved from a giant [t:PostgreSQL] to [t:Kafka]").empty());  // not a word of the list
  CHECK(TalkLine("- [c:Atlassian] replaced self-managed [t:PostgreSQL] with [a:Aurora DSQL]") ==
        Strings{"Atlassian migrated_from PostgreSQL", "Atlassian migrated_to Aurora DSQL"});
  CHECK(TalkLine("- [c:Datadog] runs 60% of its fleet on [a:Graviton]") == Strings{"Datadog uses Graviton"});
  CHECK(TalkLine("* Presenter: [p:Ali Saidi], VP & Distinguished Engineer at [c:Amazon]") ==
        Strings{"<section> presented_by Amazon", "Ali Saidi role_at Amazon [VP & Distinguished Engineer]"});
  CHECK(TalkLine("- They moved from [t:Envoy]'s default retry policy to a token bucket").empty());  // a part of Envoy
  // not a move of the company's own: a person's career, a comparison
  CHECK(TalkLine("- [p:Jane Doe] moved from [c:Google] to [c:Netflix]").empty());
  CHECK(TalkLine("- [c:Datadog] runs a booth on the expo floor").empty());
}

TEST_CASE("a JAWS-style note: 株式会社 in the title's parentheses, an executive title, a topic in capitals", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"■ [A-1] 大規模SaaSのマルチテナント設計（株式会社[c:SmartHR]）",
                                       "・DBは[a:Aurora] [t:PostgreSQL]、テナントごとにスキーマ分割"}) ==
        Strings{"<section> presented_by SmartHR", "SmartHR uses Aurora"});
  CHECK(Relations(SectionKind::kKeynote, {"■ 基調講演: [c:AWSジャパン] 代表執行役員社長 [p:白幡晶彦]氏"}) ==
        Strings{"<section> presented_by AWSジャパン", "<section> presented_by 白幡晶彦",
                "白幡晶彦 role_at AWSジャパン [代表執行役員社長]"});
  CHECK(TalkLine("・CIは[t:GitHub Actions]、CDは[t:Argo CD]") == Strings{"<section> uses Argo CD", "<section> uses GitHub Actions"});
  // a capital word that is a sentence's subject in English is no topic: no use, only the news
  CHECK(TalkLine("- AWSは[a:Lambda]の新機能を発表") == Strings{"<section> announced Lambda"});
}

TEST_CASE("what a system is parallelised or made redundant with is used", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"ARC402 - Serverless Architectural Patterns", "・[c:Fannie Mae]の事例。バッチを[a:Lambda]で並列化して、処理時間が4時間→5分に"}) ==
        Strings{"<section> presented_by Fannie Mae", "Fannie Mae uses Lambda"});
  CHECK(TalkLine("・[a:Lambda]で並列化できないか検討中").empty());
}

TEST_CASE("a VP of a named area is a title", "[relations]") {
  CHECK(Relations(SectionKind::kKeynote, {"## Keynote: [p:Swami Sivasubramanian] (VP of AI and Data, [c:AWS])"}) ==
        Strings{"<section> presented_by AWS", "<section> presented_by Swami Sivasubramanian",
                "Swami Sivasubramanian role_at AWS [VP of AI and Data]"});
}

TEST_CASE("Japanese speaker lines: company first with 合同会社, a role after the company in parentheses, 株式会社 before a title's company", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"## [A-3] EKSで始めるプラットフォームエンジニアリング",
                                       "スピーカー: [c:アマゾン ウェブ サービス ジャパン]合同会社 シニアソリューションアーキテクト [p:山田 太郎]"}) ==
        Strings{"<section> presented_by アマゾン ウェブ サービス ジャパン",
                "山田 太郎 role_at アマゾン ウェブ サービス ジャパン [シニアソリューションアーキテクト]"});
  CHECK(Relations(SectionKind::kTalk, {"## [B-1] 株式会社[c:ミツバチ]のデータ基盤", "登壇者: [p:佐藤 花子]さん (株式会社[c:ミツバチ] データエンジニア)"}) ==
        Strings{"<section> presented_by ミツバチ", "佐藤 花子 role_at ミツバチ [データエンジニア]"});
  // a community title after a company is no affiliation
  CHECK(Relations(SectionKind::kTalk, {"## CI/CDの話", "スピーカー: [p:高橋 次郎] ([c:AWS] Community Builder)"}).empty());
  // a department is no role
  CHECK(Relations(SectionKind::kTalk, {"## 監視の話", "登壇者: [p:佐藤 花子]さん (株式会社[c:ミツバチ] インフラ部)"}) ==
        Strings{"<section> presented_by ミツバチ"});
}

// --- the mechanism ---------------------------------------------------------------------------

TEST_CASE("block options scope rules to headers, kinds of sections and nearby lines", "[relations]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto blocks = kgx::ParseRuleText(R"(
[relation uses]
@where header
@section keynote
@subject section
use {object:any}
[relation uses]
@where body
@after 前
@unless ない
bullet {object:any}
)", "test.rules", diagnostics);
  const auto rules = kgx::RelationRules::Compile(blocks, diagnostics);
  REQUIRE(rules);
  CHECK(Relations(SectionKind::kKeynote, {"use [t:X]", "use [t:Y]"}, *rules) == Strings{"<section> uses X"});
  CHECK(Relations(SectionKind::kTalk, {"use [t:X]"}, *rules).empty());
  CHECK(Relations(SectionKind::kTalk, {"", "前", "x", "bullet [t:Z]"}, *rules) == Strings{"<section> uses Z"});
  CHECK(Relations(SectionKind::kTalk, {"", "前", "x", "y", "bullet [t:Z]"}, *rules).empty());
  CHECK(Relations(SectionKind::kTalk, {"", "前 bullet [t:Z] ない"}, *rules).empty());
  CHECK(Relations(SectionKind::kTalk, {"", "前 bullet [t:Z]、ない"}, *rules) == Strings{"<section> uses Z"});
}

TEST_CASE("@unless_after skips a line when it or one of the two before it matches", "[relations]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto blocks = kgx::ParseRuleText(R"(
[relation uses]
@after 候補|(?i:options)
@unless_after 移行先|(?i:migration target)
chose {object:any}
)", "test.rules", diagnostics);
  const auto rules = kgx::RelationRules::Compile(blocks, diagnostics);
  REQUIRE(rules);
  CHECK(Relations(SectionKind::kTalk, {"", "候補", "chose [t:Z]"}, *rules) == Strings{"<section> uses Z"});
  CHECK(Relations(SectionKind::kTalk, {"", "options", "chose [t:Z]"}, *rules) == Strings{"<section> uses Z"});
  // the cue two lines before, on the line before, on the line itself
  CHECK(Relations(SectionKind::kTalk, {"", "移行先", "候補", "chose [t:Z]"}, *rules).empty());
  CHECK(Relations(SectionKind::kTalk, {"", "options for the migration target", "chose [t:Z]"}, *rules).empty());
  CHECK(Relations(SectionKind::kTalk, {"", "候補 移行先 chose [t:Z]"}, *rules).empty());
  // three lines before is out of the window
  CHECK(Relations(SectionKind::kTalk, {"", "移行先", "x", "候補", "chose [t:Z]"}, *rules) == Strings{"<section> uses Z"});
}

TEST_CASE("within a predicate the first rule that relates an object decides", "[relations]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto blocks = kgx::ParseRuleText(R"(
[relation uses]
{subject:company} likes {object:any}
[relation uses]
likes {object:any}
[relation migrated_to]
likes {object:any}
)", "test.rules", diagnostics);
  const auto rules = kgx::RelationRules::Compile(blocks, diagnostics);
  REQUIRE(rules);
  CHECK(Relations(SectionKind::kTalk, {"", "[c:A] likes [t:B]"}, *rules) ==
        Strings{"<section> migrated_to B", "A uses B"});
}

TEST_CASE("Apply runs the rules on one body line", "[relations]") {
  const std::string line = "AはBを使った。";
  const std::vector<kgx::TypedMention> mentions = {{0, 1, kgx::EntityType::kCompany}, {4, 5, kgx::EntityType::kTechnology}};
  const auto found = ShippedRules().Apply(line, mentions);
  REQUIRE(found.size() == 1);
  CHECK(found[0].predicate == "uses");
  CHECK(found[0].subject == 0);
  CHECK(found[0].object == 1);
  CHECK(ShippedRules().Apply("Bを使った。", {{0, 1, kgx::EntityType::kTechnology}}).at(0).subject == -1);
}

TEST_CASE("a line holding the marker characters themselves cannot fake a mention", "[relations]") {
  const std::string fake = "\xEE\x80\x80t7\xEE\x80\x81を使った。";
  const std::string line = "Xと" + fake;
  CHECK(kgx::RelationRules::MarkLine(line, {{0, 1, kgx::EntityType::kTechnology}}).find("\xEE\x80\x80t7") == std::string::npos);
  CHECK(ShippedRules().Apply(line, {{0, 1, kgx::EntityType::kTechnology}}).empty());
}

TEST_CASE("bad relation rules are reported with their place", "[relations]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto blocks = kgx::ParseRuleText(R"([relation likes]
x {object:any}
[relation uses]
@where sometimes
@colour blue
{object:gadget}
{subject:company} only
{object:any} and {objects:any}
{objects:any}
(unclosed {object:any}
)", "test.rules", diagnostics);
  CHECK_FALSE(kgx::RelationRules::Compile(blocks, diagnostics));
  std::vector<std::string> messages;
  for (const auto& d : diagnostics) messages.push_back(d.ToString());
  CHECK(messages == Strings{
      "test.rules:1:1: error: unknown relation 'likes' (expected uses, migrated_from, migrated_to, role_at, presented_by or announced)",
      "test.rules:4:1: error: bad @where 'sometimes' (expected header, body or any)",
      "test.rules:5:1: error: unknown option '@colour' (expected @where, @section, @section_has, @line, @after, @unless_after, "
      "@before, @unless_before, @unless, @unless_line, @subject, @object, @topic or @platform)",
  });
  diagnostics.clear();
  auto patterns = kgx::ParseRuleText(R"([define separator]
,
[relation uses]
{object:gadget}
{subject:company} only
{object:any} and {objects:any}
@unless {=gone}
  {subject:company}\s*{=missing} {object:any}
(unclosed {object:any}
)", "test.rules", diagnostics);
  // The shared expansion reports a name it does not know, where it stands; the family adds nothing.
  kgx::ExpandPatternDefines(patterns, diagnostics);
  CHECK_FALSE(kgx::RelationRules::Compile(patterns, diagnostics));
  messages.clear();
  for (const auto& d : diagnostics) messages.push_back(d.ToString());
  REQUIRE(messages.size() == 6);
  CHECK(messages[0] == "test.rules:7:9: error: unknown define 'gone' (no [define gone] block)");
  CHECK(messages[1] == "test.rules:8:23: error: unknown define 'missing' (no [define missing] block)");
  messages.erase(messages.begin(), messages.begin() + 2);
  CHECK(messages[0] == "test.rules:4:1: error: bad placeholder '{object:gadget}' (expected {TYPES}, {subject:TYPES}, "
                       "{object:TYPES} or {=NAME})");
  CHECK(messages[1] == "test.rules:5:1: error: relation pattern needs an {object:TYPES}, {objects:TYPES} or {each:TYPES} placeholder");
  CHECK(messages[2] == "test.rules:6:1: error: a pattern captures its object once: {object:…}, {objects:…} or {each:…}");
  CHECK(messages[3].rfind("test.rules:9:1: error: bad pattern '(unclosed {object:any}': ", 0) == 0);
}

TEST_CASE("{objects:…} needs the separator define", "[relations]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto blocks = kgx::ParseRuleText("[relation uses]\nuse {objects:any}\n", "test.rules", diagnostics);
  CHECK_FALSE(kgx::RelationRules::Compile(blocks, diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].ToString() == "test.rules:2:5: error: {objects:…} needs a [define separator] block");
}

TEST_CASE("a define's placeholders relate as if written out, and the old [relation.define] spelling still loads",
          "[relations]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  auto blocks = kgx::ParseRuleText(R"([relation.define separator]
,
と
\band\b
[define user]
{subject:company}\s*(?:は|が|(?i:uses|runs))
[relation uses]
{=user}\s*{objects:technology}\s*(?:を使って|\.|$)
)", "test.rules", diagnostics);
  kgx::ExpandPatternDefines(blocks, diagnostics);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].ToString() ==
        "test.rules:1:1: warning: [relation.define separator] is deprecated: write [define separator], which every family reads");
  const auto rules = kgx::RelationRules::Compile(blocks, diagnostics);
  REQUIRE(rules);
  CHECK(Relations(SectionKind::kTalk, {"", "[c:Netflix]は[t:Kafka]と[t:Go]を使って"}, *rules) ==
        Strings{"Netflix uses Go", "Netflix uses Kafka"});
  CHECK(Relations(SectionKind::kTalk, {"", "[c:Acme] RUNS [t:Kafka], [t:Spark] and [t:Go]."}, *rules) ==
        Strings{"Acme uses Go", "Acme uses Kafka", "Acme uses Spark"});
  CHECK(Relations(SectionKind::kTalk, {"", "[c:Acme] likes [t:Kafka]."}, *rules).empty());
  CHECK(Relations(SectionKind::kTalk, {"", "[c:Netflix]の[t:Kafka]を使って"}, *rules).empty());
}

TEST_CASE("the customers a talk about a service names use that service", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"STG337 - [a:Amazon S3] at Scale", "- Customers: [c:Netflix], [c:Airbnb] and [c:Pinterest]",
                                       "- S3 holds over 400 trillion objects"}) ==
        Strings{"Airbnb uses Amazon S3", "Netflix uses Amazon S3", "Pinterest uses Amazon S3"});
  CHECK(Relations(SectionKind::kTalk, {"ANT318 - Real-time analytics with [a:Amazon Managed Service for Apache Flink]",
                                       "- Used by [c:Lyft] for surge pricing"}) ==
        Strings{"Lyft uses Amazon Managed Service for Apache Flink"});
  CHECK(Relations(SectionKind::kTalk, {"[STG229] What's new with [a:Amazon S3]", "- Notable customers include [c:Pinterest] and [c:Canva]"}) ==
        Strings{"Canva uses Amazon S3", "Pinterest uses Amazon S3"});
  CHECK(Relations(SectionKind::kTalk, {"【AWS-21】[a:Amazon ECS]ではじめるコンテナ運用入門", "・導入企業: [c:メルカリ]、[c:クックパッド]"}) ==
        Strings{"クックパッド uses Amazon ECS", "メルカリ uses Amazon ECS"});
  CHECK(Relations(SectionKind::kTalk, {"DAT301 - [a:Amazon Aurora] の新機能", "- [c:Zillow]などが利用している"}) ==
        Strings{"Zillow uses Amazon Aurora"});
  CHECK(Relations(SectionKind::kTalk, {"DAT301 - [a:Amazon Aurora] の新機能", "- [c:Zillow]でも採用されている"}) ==
        Strings{"Zillow uses Amazon Aurora"});
  // what is used, marked with が or も, is no customer: the other rules read it
  CHECK(Relations(SectionKind::kTalk, {"DAT301 - [a:Amazon Aurora] の新機能", "- 監視には[c:Datadog]が使われている"}) ==
        Strings{"<section> uses Datadog"});
  CHECK(Relations(SectionKind::kTalk, {"DAT301 - [a:Amazon Aurora] の新機能", "- [c:Datadog]も利用している"}).empty());
  // such a topic is no subject: what an introduction's demo deploys with is the talk's, not the service's
  CHECK(Relations(SectionKind::kTalk, {"【AWS-21】[a:Amazon ECS]ではじめるコンテナ運用入門", "- デモは[a:Copilot CLI]でデプロイ"}) ==
        Strings{"<section> uses Copilot CLI"});
  // while a deep dive's topic is: "Aurora uses S3"
  CHECK(Relations(SectionKind::kTalk, {"Deep Dive on [a:Amazon Aurora]", "- ストレージは[a:S3]にバックアップ", "- Used by [c:Intercom]"}) ==
        Strings{"Amazon Aurora uses S3", "Intercom uses Amazon Aurora"});
  // a talk without a topic: its customers use nothing the rules can name
  CHECK(Relations(SectionKind::kTalk, {"ARC402 - Serverless patterns", "- Customers: [c:Netflix], [c:Airbnb] and [c:Pinterest]"}).empty());
  CHECK(Relations(SectionKind::kTalk, {"ARC402 - Serverless patterns", "- Used by [c:Lyft] for surge pricing"}).empty());
  // denials and plans are no use; a singular "Customer:" presents the talk
  CHECK(Relations(SectionKind::kTalk, {"STG337 - [a:Amazon S3] at Scale", "- No longer used by [c:Dropbox]"}).empty());
  CHECK(Relations(SectionKind::kTalk, {"STG337 - [a:Amazon S3] at Scale", "- [c:Dropbox]も利用していない"}).empty());
  CHECK(Relations(SectionKind::kTalk, {"STG337 - [a:Amazon S3] at Scale", "- [c:Lyft]が導入を検討中"}).empty());
  CHECK(Relations(SectionKind::kTalk, {"STG337 - [a:Amazon S3] at Scale", "- Customer: [c:iRobot]"}) ==
        Strings{"<section> presented_by iRobot"});
  // in a section that is no talk the pattern does not run
  CHECK(Relations(SectionKind::kOther, {"まとめ", "- Customers: [c:Netflix] and [c:Airbnb]"}).empty());
}

TEST_CASE("an @object topic block relates what it captures to the section's topic", "[relations]") {
  std::vector<kgx::RuleDiagnostic> diagnostics;
  const auto blocks = kgx::ParseRuleText(R"([define separator]
,
[relation.topic]
@where header
about {object:aws_service}
[relation uses]
@object topic
fans: {objects:company}
)", "test.rules", diagnostics);
  const auto rules = kgx::RelationRules::Compile(blocks, diagnostics);
  REQUIRE(rules);
  CHECK(Relations(SectionKind::kTalk, {"about [a:S3]", "fans: [c:A], [c:B]"}, *rules) == Strings{"A uses S3", "B uses S3"});
  CHECK(Relations(SectionKind::kOther, {"about [a:S3]", "fans: [c:A]"}, *rules) == Strings{"A uses S3"});
  CHECK(Relations(SectionKind::kTalk, {"no topic", "fans: [c:A]"}, *rules).empty());
  diagnostics.clear();
  const auto bad = kgx::ParseRuleText("[relation uses]\n@object topic\n{subject:company} likes {object:any}\n[relation uses]\n@object header\nx {object:any}\n",
                                      "test.rules", diagnostics);
  CHECK_FALSE(kgx::RelationRules::Compile(bad, diagnostics));
  std::vector<std::string> messages;
  for (const auto& d : diagnostics) messages.push_back(d.ToString());
  CHECK(messages == Strings{"test.rules:3:1: error: an @object topic pattern has no {subject:…} and is no [relation.topic]: "
                            "what it captures is the subject",
                            "test.rules:5:1: error: bad @object 'header' (expected topic)"});
}

TEST_CASE("an announcement in a talk: news of a service, not a presentation about it", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"[STG229] What's new with [a:Amazon S3]", "- [a:S3 Express One Zone]を発表"}) ==
        Strings{"<section> announced S3 Express One Zone"});
  CHECK(TalkLine("- [a:Amazon Bedrock]の新機能が発表された") == Strings{"<section> announced Amazon Bedrock"});
  CHECK(TalkLine("- Announced [a:Amazon S3 Vectors] and [a:Amazon Nova]") ==
        Strings{"<section> announced Amazon Nova", "<section> announced Amazon S3 Vectors"});
  CHECK(TalkLine("- 新機能: [a:Aurora Limitless Database]（プレビュー）") == Strings{"<section> announced Aurora Limitless Database"});
  // a presentation about a service, a plan, a rumour or a use is no announcement
  CHECK(TalkLine("- [a:Lambda]の発表が一番面白かった").empty());
  CHECK(TalkLine("- [a:Amazon Bedrock]の新機能を発表する予定").empty());
  CHECK(TalkLine("- [a:EKS] will be announced next year").empty());
  CHECK(TalkLine("- new [a:EC2] instances are faster").empty());
  // in a keynote: the news of a service is the service's
  CHECK(Relations(SectionKind::kKeynote, {"基調講演", "- [a:Amazon Bedrock]の新機能を発表"}) == Strings{"<section> announced Amazon Bedrock"});
  CHECK(Relations(SectionKind::kKeynote, {"Keynote", "- [a:Amazon Bedrock]を使った事例の紹介"}).empty());
}

TEST_CASE("stack bullets: a part and its tool, where data goes, what orchestrates it", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"## Talk 1: CI", "- Speaker: [p:Elena Petrova], Staff Engineer at [c:Nordwind]",
                                       "- Build cache on [a:Amazon S3]", "- Backups go to [a:S3] every 6 hours"}) ==
        Strings{"<section> presented_by Nordwind", "Elena Petrova role_at Nordwind [Staff Engineer]", "Nordwind uses Amazon S3",
                "Nordwind uses S3"});
  CHECK(TalkLine("- Ingestion with [a:Amazon Kinesis Data Streams] and [a:Amazon Data Firehose]") ==
        Strings{"<section> uses Amazon Data Firehose", "<section> uses Amazon Kinesis Data Streams"});
  CHECK(TalkLine("- [t:dbt] for transformations, orchestrated by [a:Amazon MWAA]") ==
        Strings{"<section> uses Amazon MWAA", "<section> uses dbt"});
  // a session, a question or a comparison about a tool is no part of the stack
  CHECK(TalkLine("- Session on [a:Amazon S3]").empty());
  CHECK(TalkLine("- Questions on [a:EKS]").empty());
  CHECK(TalkLine("- Build cache on [a:Amazon S3] is not worth it").empty());
  CHECK(TalkLine("- We might go to [a:EKS] next year").empty());
  CHECK(TalkLine("- [t:Kubernetes] for beginners: not covered, we will consider it").empty());
}

TEST_CASE("a company that shared how it runs something, 導入 ending a line, a field glued to a role", "[relations]") {
  CHECK(Relations(SectionKind::kOther, {"What we saw", "2. [c:LINEヤフー] shared how they run 1,000+ [t:Kubernetes] clusters"}) ==
        Strings{"LINEヤフー uses Kubernetes"});
  CHECK(Relations(SectionKind::kOther, {"What we saw", "- [c:LINEヤフー] shared how they evaluated [t:Kubernetes]"}).empty());
  CHECK(TalkLine("- コードレビューに[a:Amazon Q Developer]を導入") == Strings{"<section> uses Amazon Q Developer"});
  CHECK(TalkLine("- [a:Amazon Q Developer]を導入。") == Strings{"<section> uses Amazon Q Developer"});
  CHECK(TalkLine("- [a:Amazon Q Developer]の導入").empty());
  CHECK(TalkLine("- [a:Amazon Q Developer]を導入するか検討").empty());
  CHECK(TalkLine("- スピーカー: 株式会社[c:メルペイ] データエンジニア [p:高橋 次郎] 氏") ==
        Strings{"<section> presented_by メルペイ", "高橋 次郎 role_at メルペイ [データエンジニア]"});
  CHECK(TalkLine("- [c:メルペイ] のデータ基盤を見た [p:高橋 次郎] さん").empty());
}

TEST_CASE("customers listed with a name the gazetteer lacks: each company of the line", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"## Talk 3: [a:Amazon EKS Auto Mode] in practice",
                                       "- Customers: [c:Zalando], Delivery Hero and [c:N26]"}) ==
        Strings{"N26 uses Amazon EKS Auto Mode", "Zalando uses Amazon EKS Auto Mode"});
}

TEST_CASE("what was done by hand with a tool before: 以前はXのテンプレートを手書き", "[relations]") {
  CHECK(TalkLine("- 以前は[a:CloudFormation]のテンプレートを手書きしていた") == Strings{"<section> migrated_from CloudFormation"});
  CHECK(TalkLine("- 以前は[a:CloudFormation]の話をよく聞いた").empty());
}

TEST_CASE("a Japanese customers label needs a colon or its list right after it", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"STG337 - [a:Amazon S3] at Scale", "- 導入企業は[c:メルカリ]、[c:クックパッド]など"}) ==
        Strings{"クックパッド uses Amazon S3", "メルカリ uses Amazon S3"});
  CHECK(Relations(SectionKind::kTalk, {"STG337 - [a:Amazon S3] at Scale",
                                       "- 利用企業や事例を多く見れば、移行の心理的ハードルは低くはなる。「[c:AWS]をどう使うか」という方に視点が移る"})
            .empty());
}

TEST_CASE("what was used before on one line and what is used now on the next: 以前は… / 今は…", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"", "- 以前は[a:CloudFormation]のテンプレートを手書きしていた",
                                       "- 今は[a:CDK Pipelines]でデプロイ"}) ==
        Strings{"<section> migrated_from CloudFormation", "<section> migrated_to CDK Pipelines",
                "<section> uses CDK Pipelines"});
  CHECK(Relations(SectionKind::kTalk, {"", "- Previously we ran [t:Jenkins] on [a:EC2].",
                                       "- Now we use [t:GitHub Actions] for every repo."}) ==
        Strings{"<section> migrated_from Jenkins", "<section> migrated_to GitHub Actions",
                "<section> uses GitHub Actions"});
  // without a "before" within two lines, "今は" is only a use; a plan is no move
  CHECK(Relations(SectionKind::kTalk, {"", "- 今は[t:GitHub Actions]を使っている"}) ==
        Strings{"<section> uses GitHub Actions"});
  CHECK(Relations(SectionKind::kTalk, {"", "- 以前は[t:Jenkins]だった", "- 今は[t:CircleCI]に移行する予定"}).empty());
  CHECK(Relations(SectionKind::kTalk, {"", "- 以前は[t:Jenkins]を使っていた", "- 関係ない話", "- 別の話",
                                       "- 今は[t:CircleCI]でビルド"}) ==
        Strings{"<section> migrated_from Jenkins", "<section> uses CircleCI"});
  CHECK(Relations(SectionKind::kTalk, {"", "- Now we use [t:GitHub Actions] for every repo."}) ==
        Strings{"<section> uses GitHub Actions"});
}

TEST_CASE("role_at after one of the company's people: 'Lumora の中の人、Staff Engineer の Daniel Okoye さん'", "[relations]") {
  CHECK(Relations(SectionKind::kOther, {"メモ", "登壇者は [c:Lumora] の中の人、Staff Engineer の [p:Daniel Okoye] さん。"}) ==
        Strings{"<section> presented_by Lumora", "Daniel Okoye role_at Lumora [Staff Engineer]"});
  CHECK(Relations(SectionKind::kOther, {"メモ", "株式会社[c:サクラ]の方、CTO の[p:高橋 真一]さんが話した"}) ==
        Strings{"高橋 真一 role_at サクラ [CTO]"});
  // the role must follow the company's person: a hobby or a role without a name gives none
  CHECK(Relations(SectionKind::kOther, {"メモ", "[c:Lumora] の中の人、趣味は釣りの [p:Daniel Okoye] さん"}).empty());
  CHECK(Relations(SectionKind::kOther, {"memo", "[c:Lumora] の中の人、Staff Engineer とのこと"}).empty());
}

TEST_CASE("the tool that puts data into a store is used too: 'pgBackRest で S3 にバックアップ'", "[relations]") {
  CHECK(TalkLine("- [t:pgBackRest] で [a:S3] にバックアップして毎週リストアを自動テスト") ==
        Strings{"<section> uses S3", "<section> uses pgBackRest"});
  CHECK(TalkLine("- [t:Fluent Bit] を使って [a:Amazon S3] のバケットに転送している") ==
        Strings{"<section> uses Amazon S3", "<section> uses Fluent Bit"});
  // a tool not put to work, nor a denied one
  CHECK(TalkLine("- [t:pgBackRest] の調査メモを [t:Confluence] にまとめる").empty());
  CHECK(TalkLine("- [t:pgBackRest] で [a:S3] にバックアップはしていない").empty());
}

TEST_CASE("a list before から is every tool left behind: 'Jaeger と Datadog から OpenTelemetry に乗り換えた'", "[relations]") {
  CHECK(TalkLine("- [t:Jaeger] と [t:Datadog] から [t:OpenTelemetry] + [t:Cloud Trace] に乗り換えた") ==
        Strings{"<section> migrated_from Datadog", "<section> migrated_from Jaeger", "<section> migrated_to Cloud Trace",
                "<section> migrated_to OpenTelemetry"});
  CHECK(TalkLine("- We are moving off [t:Zipkin], [t:Jaeger] and [t:Datadog]: switched from [t:Zipkin] and [t:Jaeger] to [t:OpenTelemetry]") ==
        Strings{"<section> migrated_from Jaeger", "<section> migrated_from Zipkin", "<section> migrated_to OpenTelemetry"});
  // a plan is no move
  CHECK(TalkLine("- [t:Jaeger] と [t:Zipkin] から [t:OpenTelemetry] への移行を検討中").empty());
}

TEST_CASE("a note about one talk: its speaker line names whose people speak", "[relations]") {
  CHECK(Relations(SectionKind::kOther, {"YouTube で観た talk メモ", "登壇者は [c:Lumora] の中の人。動画は 42 分。", "[t:Kafka] から [t:Pulsar] に移行"}) ==
        Strings{"<section> presented_by Lumora", "Lumora migrated_from Kafka", "Lumora migrated_to Pulsar"});
  CHECK(Relations(SectionKind::kOther, {"Notes on a recorded talk", "The speaker is a Staff Engineer at [c:Lumora].", "- Moved from [t:Kafka] to [t:Pulsar]"}) ==
        Strings{"<section> presented_by Lumora", "Lumora migrated_from Kafka", "Lumora migrated_to Pulsar"});
  // a speaker who talks about a company does not speak for it
  CHECK(Relations(SectionKind::kOther, {"メモ", "登壇者は [c:Lumora] について話した", "[t:Kafka] から [t:Pulsar] に移行"}).empty());
  CHECK(Relations(SectionKind::kOther, {"notes", "The speaker compared notes with people at [c:Lumora] and others", "- Moved from [t:Kafka] to [t:Pulsar]"}).empty());
}

TEST_CASE("a move as the topic with a plan after the comma is no move: 'Xへの移行は、…検討したい'", "[relations]") {
  CHECK(TalkLine("- [t:Kafka Streams] から [t:Flink] への移行は、うちでもそろそろ検討したい").empty());
  CHECK(TalkLine("- [t:Kafka Streams] から [t:Flink] への移行も、来期にやる予定").empty());
  CHECK(TalkLine("- [t:Kafka Streams] から [t:Flink] への移行は、半年で終わった") ==
        Strings{"<section> migrated_from Kafka Streams", "<section> migrated_to Flink"});
  CHECK(TalkLine("- The move from [t:Kafka Streams] to [t:Flink] took six months") ==
        Strings{"<section> migrated_from Kafka Streams", "<section> migrated_to Flink"});
}

TEST_CASE("ops bullets: a topic's tool with a note in parentheses, a store kept long, a part that rolls out", "[relations]") {
  CHECK(TalkLine("- サービスメッシュは [t:Linkerd]（OSS 版を自前運用）、監視は別") == Strings{"<section> uses Linkerd"});
  CHECK(TalkLine("- メトリクスは [t:Prometheus] で収集して [t:Thanos] に長期保存") ==
        Strings{"<section> uses Prometheus", "<section> uses Thanos"});
  CHECK(TalkLine("- デプロイは [t:Argo CD] の ApplicationSet でテナントごとに展開") == Strings{"<section> uses Argo CD"});
  CHECK(TalkLine("- Metrics go to [t:Thanos] for long-term storage") == Strings{"<section> uses Thanos"});
  // a denied or wished-for tool stays unused
  CHECK(TalkLine("- [t:Thanos] に長期保存はしていない").empty());
  CHECK(TalkLine("- [t:Argo CD] の ApplicationSet でテナントごとに展開したい").empty());
  CHECK(TalkLine("- 候補は [t:Linkerd]（未検証）かも").empty());
}

TEST_CASE("a line that opens with a company's account and a colon is that company's", "[relations]") {
  CHECK(Relations(SectionKind::kTalk, {"STG301 - How [c:Canva] stores 100 PB on [a:Amazon S3]",
                                       "- [c:Atlassian] also presented: [t:Jira] Cloud migrated to [a:AWS Graviton]"}) ==
        Strings{"<section> presented_by Canva", "Atlassian migrated_to AWS Graviton", "Canva uses Amazon S3"});
  CHECK(TalkLine("- [c:Mercari] の発表: [t:Spinnaker] から [t:Argo CD] に移行") ==
        Strings{"<section> presented_by Mercari", "Mercari migrated_from Spinnaker", "Mercari migrated_to Argo CD"});
  CHECK(Relations(SectionKind::kOther, {"所感", "- [c:Mercari] の発表: [t:Spinnaker] から [t:Argo CD] に移行"}) ==
        Strings{"Mercari migrated_from Spinnaker", "Mercari migrated_to Argo CD"});
  // a colon later in the line, or a company inside a label, names no line subject
  CHECK(TalkLine("- 事例: [c:Mercari] と [c:LINE]、[t:Argo CD] を使っている") == Strings{"<section> uses Argo CD"});
}

TEST_CASE("a company runs a count of a service's units", "[relations]") {
  CHECK(TalkLine("- [c:Canva] runs 4,000 [a:EKS] nodes") == Strings{"Canva uses EKS"});
  CHECK(TalkLine("- [c:Canva] operates about 300 [t:Kafka] brokers across regions") == Strings{"Canva uses Kafka"});
  CHECK(TalkLine("- [c:Canva] runs 12 [a:Aurora] clusters") == Strings{"Canva uses Aurora"});
  // a count of something else, a plan
  CHECK(TalkLine("- [c:Canva] runs 4,000 experiments a year").empty());
  CHECK(TalkLine("- [c:Canva] might run 40 [a:EKS] clusters").empty());
}

TEST_CASE("a company named with が or before a colon moves from one system to another", "[relations]") {
  CHECK(TalkLine("- [c:Sansan] が [t:MySQL] から [a:Aurora] へ移行") ==
        Strings{"Sansan migrated_from MySQL", "Sansan migrated_to Aurora"});
  CHECK(TalkLine("- [c:Sansan] が [t:Elasticsearch] から [a:OpenSearch Service] に乗り換え") ==
        Strings{"Sansan migrated_from Elasticsearch", "Sansan migrated_to OpenSearch Service"});
  CHECK(TalkLine("・株式会社[c:ホシゾラ]が夜間バッチを[t:cron]から[a:AWS Step Functions]に置き換えた") ==
        Strings{"ホシゾラ migrated_from cron", "ホシゾラ migrated_to AWS Step Functions"});
  CHECK(TalkLine("- [c:Mercari]: [t:Spinnaker] から [t:Argo CD] に移行") ==
        Strings{"Mercari migrated_from Spinnaker", "Mercari migrated_to Argo CD"});
  // が after a company that is no mover: what it made, what it offers; a plan
  CHECK(TalkLine("- [c:Google] が開発した [t:Kubernetes] から [a:ECS] に移行") ==
        Strings{"<section> migrated_from Kubernetes", "<section> migrated_to ECS"});
  CHECK(TalkLine("- [c:Sansan] が [t:MySQL] から [a:Aurora] へ移行する予定").empty());
  CHECK(TalkLine("- [c:Sansan] が [t:MySQL] から [a:Aurora] への移行を検討中").empty());
}
