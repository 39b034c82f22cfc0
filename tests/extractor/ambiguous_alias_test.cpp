// Ambiguous aliases: names that are also ordinary words count only in context, as the rules say.
// Positive and negative sentences, Japanese and English, written for these tests.
#include <catch2/catch.hpp>

#include "tests/extractor/extract_support.h"

using kgx::testing::Has;

TEST_CASE("Lex, Polly and Athena count next to AWS words, not as ordinary words", "[ambiguous]") {
  CHECK(Has("音声合成のPolly、自然言語認識のLex、Rekognition", "aws_service:Amazon Lex"));
  CHECK(Has("音声合成のPolly、自然言語認識のLex、Rekognition", "aws_service:Amazon Polly"));
  CHECK(Has("S3のデータを直接扱えるSQLエンジン、Athena", "aws_service:Amazon Athena"));
  CHECK_FALSE(Has("Alexa is a product; Lex Luthor is a villain", "aws_service:Amazon Lex"));
  CHECK_FALSE(Has("polly wants a cracker", "aws_service:Amazon Polly"));
  CHECK_FALSE(Has("The temple of Athena in Greece", "aws_service:Amazon Athena"));
}

TEST_CASE("Glue, Batch, Config and Shield need AWS around them", "[ambiguous]") {
  CHECK(Has("それを全部うめるサービスが Amazon Glue だ", "aws_service:AWS Glue"));
  CHECK_FALSE(Has("some glue code between services", "aws_service:AWS Glue"));
  CHECK_FALSE(Has("Running Batch Jobs on our own cluster", "aws_service:AWS Batch"));
  CHECK_FALSE(Has("Config files live in git", "aws_service:AWS Config"));
  CHECK_FALSE(Has("the Shield of the hero", "aws_service:AWS Shield"));
}

TEST_CASE("Snowball counts as the service only in AWS context", "[ambiguous]") {
  CHECK(Has("AWS Snowball でデータを運ぶ", "aws_service:AWS Snowball"));
  CHECK_FALSE(Has("a snowball effect on costs", "aws_service:AWS Snowball"));
}

TEST_CASE("Dynamo is DynamoDB unless the paper is meant", "[ambiguous]") {
  CHECK(Has("候補は Dynamo, Aurora", "aws_service:Amazon DynamoDB"));
  CHECK(Has("Dynamo の論文(PDF) には名前が", "technology:Dynamo"));
  CHECK_FALSE(Has("Dynamo の論文(PDF) には名前が", "aws_service:Amazon DynamoDB"));
}

TEST_CASE("Oracle is the database, or the vendor where the line speaks of one", "[ambiguous]") {
  CHECK(Has("Oracle,SQLserver から移行", "technology:Oracle Database"));
  CHECK(Has("Oracle社のライセンス", "company:Oracle"));
}

TEST_CASE("AWS and Amazon are companies when they stand alone, not inside service names", "[ambiguous]") {
  CHECK(Has("AWSのパワーを見せつけられた", "company:Amazon Web Services"));
  CHECK_FALSE(Has("AWS Lambda を使う", "company:Amazon Web Services"));
  CHECK(Has("AWS Lambda を使う", "aws_service:AWS Lambda"));
  CHECK(Has("Amazon社のCTO", "company:Amazon"));
  CHECK_FALSE(Has("Amazon Aurora の話", "company:Amazon"));
}

TEST_CASE("Go is the language only where programming is meant", "[ambiguous]") {
  CHECK(Has("Go, Docker, CoreOS で構成", "technology:Go"));
  CHECK_FALSE(Has("Go to the next room", "technology:Go"));
}

TEST_CASE("near misses of listed names resolve", "[ambiguous]") {
  CHECK(Has("Twillio CEO の講演", "company:Twilio"));
  CHECK(Has("NetFlixでのコンテナ活用事例", "company:Netflix"));
  CHECK(Has("スケーリングは定期実行の Lamdba で", "aws_service:AWS Lambda"));
  CHECK(Has("Lambdaをデバイス上で動かすGreenglass", "aws_service:AWS Greengrass"));
  CHECK(Has("ElasticCache - memcached, redis", "aws_service:Amazon ElastiCache"));
}

TEST_CASE("Auto Scaling is the service as a name, not the lower-case word, Locust next to load tests", "[ambiguous]") {
  CHECK(Has("- Auto Scaling で EC2 を増減", "aws_service:Amazon EC2 Auto Scaling"));
  CHECK(Has("AutoScaling Group の設定", "aws_service:Amazon EC2 Auto Scaling"));
  CHECK_FALSE(Has("### Cost-aware autoscaling with Karpenter", "aws_service:Amazon EC2 Auto Scaling"));
  CHECK_FALSE(Has("auto scaling is hard", "aws_service:Amazon EC2 Auto Scaling"));
  CHECK(Has("- Load-test with Locust before every release", "technology:Locust"));
  CHECK(Has("- 負荷試験は k6 を使用", "technology:k6"));
  CHECK_FALSE(Has("A locust swarm; Locust Street", "technology:Locust"));
  CHECK(Has("- Cluster Autoscalerからの移行は2ヶ月で完了", "technology:Kubernetes Cluster Autoscaler"));
  CHECK(Has("・Claude 3.5 Sonnetを使用", "technology:Claude"));
  CHECK(Has("- Bedrock にはAnthropicのClaudeが追加", "technology:Claude"));
  CHECK_FALSE(Has("Claude Monet painted water lilies", "technology:Claude"));
}

TEST_CASE("a service named with its engine after 'for' is the service", "[ambiguous]") {
  const auto found = kgx::testing::EntitiesIn("・Amazon ElastiCache for Redisへ移行し、クラスターモードを有効化");
  CHECK(found.count("aws_service:Amazon ElastiCache") == 1);
  CHECK(found.count("technology:Redis") == 0);
  CHECK(Has("- ElastiCache for Memcached を利用", "aws_service:Amazon ElastiCache"));
  CHECK(Has("- Redis をキャッシュに使う", "technology:Redis"));
}

TEST_CASE("AWS Console-to-Code is its own service, not the Management Console", "[ambiguous]") {
  const auto found = kgx::testing::EntitiesIn("- AWS Console-to-Code でコンソール操作をCDKに変換");
  CHECK(found.count("aws_service:AWS Console-to-Code") == 1);
  CHECK(found.count("aws_service:AWS Management Console") == 0);
  CHECK(Has("- AWS Console から手で作ったリソース", "aws_service:AWS Management Console"));
}

TEST_CASE("Grafana's projects are themselves, not Grafana, Tempo and Mimir alone need a tool nearby", "[ambiguous]") {
  CHECK(Has("Prometheus から Grafana Mimir に移行", "technology:Mimir"));
  CHECK_FALSE(Has("Prometheus から Grafana Mimir に移行", "technology:Grafana"));
  CHECK(Has("traces go to Grafana Tempo", "technology:Tempo"));
  CHECK_FALSE(Has("the tempo of releases picked up", "technology:Tempo"));
  CHECK_FALSE(Has("Tempo and rhythm of the band", "technology:Tempo"));
}

TEST_CASE("a service's serverless edition is the service, and 'Serverless' alone is none", "[ambiguous]") {
  using kgx::testing::EntitiesIn;
  using Set = std::set<std::string>;
  CHECK(EntitiesIn("Redshift Serverless に移行した") == Set{"aws_service:Amazon Redshift"});
  CHECK(EntitiesIn("DB は Aurora Serverless v2 にした") == Set{"aws_service:Amazon Aurora"});
  CHECK(EntitiesIn("We run search on OpenSearch Serverless") == Set{"aws_service:Amazon Elasticsearch Service"});
  CHECK(EntitiesIn("EMR Serverless and MSK Serverless in one pipeline") ==
        Set{"aws_service:Amazon EMR", "aws_service:Amazon Managed Streaming for Apache Kafka"});
  CHECK(EntitiesIn("グラフは Neptune Serverless") == Set{"aws_service:Amazon Neptune"});
  CHECK(EntitiesIn("サーバーレスで作る、Serverless first の設計").empty());
}

TEST_CASE("Powertools for AWS Lambda is a library, not the service", "[gazetteer]") {
  CHECK(kgx::testing::EntitiesIn("- Powertools for AWS Lambdaを使おう") == std::set<std::string>{"technology:Powertools for AWS Lambda"});
  CHECK(kgx::testing::Has("- AWS Lambdaで動かす", "aws_service:AWS Lambda"));
}

TEST_CASE("Spanner is the database on a line about data, not the tool", "[ambiguous]") {
  CHECK(Has("メルカリはSpannerに移行したと聞いた", "technology:Google Cloud Spanner"));
  CHECK(Has("バックアップは Spanner のマネージドバックアップに任せている", "technology:Google Cloud Spanner"));
  CHECK(Has("Spanner was chosen for its transactions", "technology:Google Cloud Spanner"));
  CHECK_FALSE(Has("Spanner は工具箱にある", "technology:Google Cloud Spanner"));
  CHECK_FALSE(Has("Bring a Spanner and a hammer", "technology:Google Cloud Spanner"));
}

TEST_CASE("Google Cloud's observability products and Datastream are named", "[ambiguous]") {
  CHECK(Has("Cloud Trace と Cloud Monitoring は OTLP に対応", "technology:Google Cloud Trace"));
  CHECK(Has("Cloud Trace と Cloud Monitoring は OTLP に対応", "technology:Google Cloud Monitoring"));
  CHECK(Has("分析用の BigQuery へは Datastream で同期", "technology:Google Cloud Datastream"));
  CHECK_FALSE(Has("the datastream of the sensor was noisy", "technology:Google Cloud Datastream"));
  CHECK_FALSE(Has("cloud monitoring is hard", "technology:Google Cloud Monitoring"));
}

TEST_CASE("Datadog and New Relic are the vendors, or the product in a list beside another tool", "[ambiguous]") {
  CHECK(Has("ユーザー企業は Jaeger と Datadog から OpenTelemetry に乗り換えた", "technology:Datadog"));
  CHECK_FALSE(Has("ユーザー企業は Jaeger と Datadog から OpenTelemetry に乗り換えた", "company:Datadog"));
  CHECK(Has("We replaced New Relic, Grafana and PagerDuty", "technology:New Relic"));
  CHECK(Has("監視は Datadog / Prometheus の併用", "technology:Datadog"));
  // alone, or with its legal form, it is the company
  CHECK(Has("監視には Datadog が使われている", "company:Datadog"));
  CHECK(Has("Datadog, Inc. was founded in 2010", "company:Datadog"));
  CHECK_FALSE(Has("Datadog, Inc. was founded in 2010", "technology:Datadog"));
  CHECK(Has("Datadog と契約した", "company:Datadog"));
}

TEST_CASE("Confluent Cloud is the managed Kafka service, Confluent alone the company", "[ambiguous]") {
  CHECK(Has("2023 年に Pulsar から Confluent Cloud に移行した", "technology:Confluent Cloud"));
  CHECK_FALSE(Has("2023 年に Pulsar から Confluent Cloud に移行した", "company:Confluent"));
  CHECK(Has("We moved our topics to Confluent Cloud", "technology:Confluent Cloud"));
  CHECK(Has("Confluent のカンファレンス", "company:Confluent"));
  CHECK_FALSE(Has("Confluent のカンファレンス", "technology:Confluent Cloud"));
}
