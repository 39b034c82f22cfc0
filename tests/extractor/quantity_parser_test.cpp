// Tests of the quantity parser with the shipped rules/quantities.rules: a table of lines and the
// quantities expected in them (Japanese and English, positive and negative), and the messages of
// malformed quantity rule lines, word for word.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/normalizer.h"
#include "extractor/quantity_parser.h"
#include "extractor/rule_file.h"

namespace kgx {
namespace {

// Loads the shipped quantity rules once.
const QuantityParser& ShippedParser() {
  static const std::unique_ptr<QuantityParser> parser = [] {
    const std::string path = std::string(KGX_SOURCE_DIR) + "/rules/quantities.rules";
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<RuleDiagnostic> diagnostics;
    const std::vector<RuleBlock> blocks = ParseRuleText(text.str(), path, diagnostics);
    auto compiled = QuantityParser::Compile(blocks, diagnostics);
    for (const RuleDiagnostic& d : diagnostics) UNSCOPED_INFO(d.ToString());
    REQUIRE(diagnostics.empty());
    REQUIRE(compiled != nullptr);
    return compiled;
  }();
  return *parser;
}

// Compiles rule text given inline; returns the diagnostics as "file:line:col: error: message".
std::vector<std::string> CompileMessages(const std::string& text, bool* compiled = nullptr) {
  std::vector<RuleDiagnostic> diagnostics;
  const std::vector<RuleBlock> blocks = ParseRuleText(text, "q.rules", diagnostics);
  const auto parser = QuantityParser::Compile(blocks, diagnostics);
  if (compiled != nullptr) *compiled = parser != nullptr;
  std::vector<std::string> messages;
  for (const RuleDiagnostic& d : diagnostics) messages.push_back(d.ToString());
  return messages;
}

std::vector<std::string> Split(const std::string& s, const std::string& separator) {
  std::vector<std::string> parts;
  if (s.empty()) return parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = s.find(separator, start);
    parts.push_back(s.substr(start, at - start));
    if (at == std::string::npos) return parts;
    start = at + separator.size();
  }
}

bool Close(double got, double want) { return std::fabs(got - want) <= 1e-9 * std::max(1.0, std::fabs(want)); }

// Renders what the parser found in the table's notation, for failure messages.
std::string Render(const std::string& line, const std::vector<QuantityMatch>& found) {
  std::ostringstream out;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const QuantityMatch& m = found[i];
    if (i) out << " ; ";
    out << line.substr(m.begin, m.end - m.begin) << '|';
    if (m.value) out << *m.value;
    if (m.min) out << *m.min << ".." << *m.max;
    out << '|' << m.unit << '|' << m.per;
  }
  return out.str();
}

// Checks that `found` is exactly `expected`: "text|value|unit|per ; …", a range as "lo..hi".
void CheckMatches(const std::string& line, const std::vector<QuantityMatch>& found, const std::string& expected) {
  INFO("line:     " << line);
  INFO("found:    " << Render(line, found));
  INFO("expected: " << expected);
  const std::vector<std::string> wanted = Split(expected, " ; ");
  REQUIRE(found.size() == wanted.size());
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const std::vector<std::string> f = Split(wanted[i], "|");
    REQUIRE(f.size() == 4);
    const QuantityMatch& m = found[i];
    CHECK(line.substr(m.begin, m.end - m.begin) == f[0]);
    CHECK(m.unit == f[2]);
    CHECK(m.per == f[3]);
    const std::size_t dots = f[1].find("..");
    if (dots == std::string::npos) {
      REQUIRE(m.value.has_value());
      CHECK(Close(*m.value, std::strtod(f[1].c_str(), nullptr)));
      CHECK(!m.min.has_value());
    } else {
      REQUIRE(m.min.has_value());
      REQUIRE(m.max.has_value());
      CHECK(Close(*m.min, std::strtod(f[1].substr(0, dots).c_str(), nullptr)));
      CHECK(Close(*m.max, std::strtod(f[1].substr(dots + 2).c_str(), nullptr)));
      CHECK(!m.value.has_value());
    }
  }
}

struct Case {
  const char* line;      // as written; the test normalizes it like the pipeline does
  const char* expected;  // "text|value|unit|per ; …" in normalized text, "" for none
};

// clang-format off
const Case kCases[] = {
    // --- DESIGN.md §4 and the issue: numbers
    {"250億リクエスト", "250億リクエスト|25000000000|request|"},
    {"100k writes", "100k writes|100000|write|"},
    {"1.5万人が参加", "1.5万人|15000|person|"},
    {"費用は$1,000です", "$1,000|1000|usd|"},
    {"1億2000万人", "1億2000万人|120000000|person|"},
    {"毎月 1,000万枚 の名刺を処理", "1,000万枚|10000000|sheet|month"},
    {"S3 は 1TB あたり月 $23", "$23|23|usd|tb/month"},
    {"$0.05/GB-hour です", "$0.05/GB-hour|0.05|usd|gb/hour"},
    {"10GB-ish のデータ", "10GB|10000000000|byte|"},
    {"1GB あたり 0.5ドル", "0.5ドル|0.5|usd|gb"},
    {"月 $23 で使える", "$23|23|usd|month"},
    {"月100万円 かかっていた", "100万円|1000000|jpy|month"},
    {"今年 3,000人 が参加", "3,000人|3000|person|"},
    {"11月100万円", "100万円|1000000|jpy|"},
    // a group of people as the topic of 人 is counted by its members
    {"運用チームは 12 人から 4 人に", "12 人|12|person| ; 4 人|4|person|"},
    {"the team is 12 people", "12 people|12|person|"},
    {"導入企業は 300 社、社員は 5000 人", "300 社|300|company| ; 5000 人|5000|employee|"},
    {"エンジニアは50名", "50名|50|engineer|"},
    // 年 alone before an amount is a rate too (年 $4.2M, 年1回); a year's date, 今年 or 半年 is none
    {"コストは年 $4.2M → $2.9M", "$4.2M|4200000|usd|year ; $2.9M|2900000|usd|year"},
    {"年1回のリストア訓練", "1回|1|time|year"},
    {"the license is 年 $12,000", "$12,000|12000|usd|year"},
    {"2024年 $4.2M を投資", "$4.2M|4200000|usd|"},
    {"今年 $4.2M の予算", "$4.2M|4200000|usd|"},
    {"去年100万円かかった", "100万円|1000000|jpy|"},
    {"2024年、月 $30 で使える", "$30|30|usd|month"},
    // 週 and 月 alone are rates; after 今/先/来 they name one week or month
    {"週10時間の作業", "10時間|36000|second|week"},
    {"週3回の負荷試験", "3回|3|time|week"},
    {"週30件のアラート", "30件のアラート|30|alert|week"},
    {"先週10件の障害", "10件の障害|10|incident|"},
    {"今週3回デプロイ", "3回デプロイ|3|deploy|"},
    {"今月50万円使った", "50万円|500000|jpy|"},
    {"先月 $300 かかった", "$300|300|usd|"},
    {"last week 10 incidents", "10 incidents|10|incident|"},
    {"10 hours a week", "10 hours a week|36000|second|week"},
    // a rate word that opens the topic: 月の…は, 毎月の…は, 月額は (not a date's 月, not 今月, not ヶ月)
    {"月のLambda料金は約3万円", "3万円|30000|jpy|month"},
    {"Lambdaの月額は5万円", "5万円|50000|jpy|month"},
    {"毎月のEC2費用は100万円", "100万円|1000000|jpy|month"},
    {"年間のライセンス費用は$12,000", "$12,000|12000|usd|year"},
    {"11月の売上は500万円", "500万円|5000000|jpy|"},
    {"今月の請求は8万円", "8万円|80000|jpy|"},
    // … or a rate word of two characters or more that opens the topic's compound, for both ends of a change
    // (not a one-character 月 of a noun, 月末; not 月間 inside ヶ月間)
    {"月額コストは 850 万円 から 420 万円 に下がった", "850 万円|8500000|jpy|month ; 420 万円|4200000|jpy|month"},
    {"サービスの年間費用は1200万円", "1200万円|12000000|jpy|year"},
    {"monthly cost went from $12k to $7k", "$12k|12000|usd|month ; $7k|7000|usd|month"},
    {"月末残高は100万円", "100万円|1000000|jpy|"},
    {"3ヶ月間コストは30万円", "3ヶ月間|7776000|second| ; 30万円|300000|jpy|"},
    {"コストは 850 万円 から 420 万円 に下がった", "850 万円|8500000|jpy| ; 420 万円|4200000|jpy|"},
    {"最初の1ヶ月が1日80件くらい", "1ヶ月|2592000|second| ; 80件|80|item|day"},
    // a count of one before の is a frequency when a rate comes with it (1回の定例 alone is no amount)
    {"週1回のリリース", "1回のリリース|1|release|week"},
    {"月1回の定例", "1回|1|time|month"},
    {"年に1回の棚卸し", "1回|1|time|year"},
    {"1回の定例で決める", ""},
    // the topic across a rate word names what 件 counts, not what 回 counts
    {"アラートが週30件", "30件|30|alert|week"},
    {"障害は月に2件", "2件|2|incident|month"},
    {"デプロイは週1回", "1回|1|time|week"},
    {"ノードは週1回入れ替わる", "1回|1|time|week"},
    {"アラートが先週30件", "30件|30|item|"},
    {"リクエストは1日30億程度", "30億|3000000000|request|day"},
    // the end of a change counts what its start counts, at its rate
    {"アラートは月に200件から40件へ", "200件|200|alert|month ; 40件|40|alert|month"},
    {"コストは月に420万円から260万円へ削減", "420万円|4200000|jpy|month ; 260万円|2600000|jpy|month"},
    {"420万円から260万円へ削減", "420万円|4200000|jpy| ; 260万円|2600000|jpy|"},
    // a table row whose label names a rate (not a date, not a share)
    {"| 月額コスト | 45万円 | 12万円 |", "45万円|450000|jpy|month ; 12万円|120000|jpy|month"},
    {"| Monthly CI cost | $38,000 | $11,500 |", "$38,000|38000|usd|month ; $11,500|11500|usd|month"},
    {"| 4月 | 100万円 |", "100万円|1000000|jpy|"},
    {"| 月間稼働率 | 99.9% |", "99.9%|99.9|percent|"},
    // of two English count nouns in a row the last is the head
    {"40 static build agents", "40 static build agents|40|agent|"},
    {"3 worker nodes", "3 worker nodes|3|node|"},
    {"5 builds per day", "5 builds per day|5|build|day"},
    // attendees are persons, as 参加者 are
    {"15,000 attendees in London", "15,000 attendees|15000|person|"},
    // an HTTP status is no count of errors (errors are no count noun: 500エラー, 404 errors)
    {"500エラーが多発", ""},
    {"404 errors on the login page", ""},
    // a change the line denies is no quantity
    {"とは言え、コストが半分になったとは言えない", ""},
    {"costがHalfになったわけではない", ""},
    {"costがHalfになった", "Half|0.5|times|"},
    {"10倍速くなったわけではない", ""},
    {"レイテンシが30%削減できたとは言えません", ""},
    {"レイテンシが30%削減できた", "30%|30|percent|"},
    {"It is 2x faster", "2x|2|times|"},
    {"2019年 100万円", "100万円|1000000|jpy|"},
    {"1秒あたり 10万 QPS", "10万 QPS|100000|query|second"},
    {"re:Invent 2019 セッションレポート", ""},
    {"AWS Summit Tokyo 2019 2日目", ""},
    {"6s で応答", "6s|6|second|"},
    {"TTL は 30s", "30s|30|second|"},
    {"500 req/s を捌く", "500 req/s|500|request|second"},
    {"the 1980s and the '90s", ""},
    {"iPhone 6s で確認", ""},
    {"k8s の話", ""},
    {"メールを 100万通 送信", "100万通|1000000|message|"},
    {"三千人の観客", "三千人|3000|person|"},
    {"二十億ドルの投資", "二十億ドル|2000000000|usd|"},
    {"後ろにいた二人の話", "二人|2|person|"},
    {"部屋が二つある", "二つ|2|item|"},
    {"コストは半分くらい", "半分|0.5|times|"},
    {"費用が半分になった", "半分|0.5|times|"},
    {"The cost was cut in half", "in half|0.5|times|"},
    {"We finished in half an hour", ""},              // a duration, not a halving
    {"the second half of the talk", ""},              // "half" alone is a part, no quantity
    {"half of the teams use Kafka", ""},
    {"costがHalfになった", "Half|0.5|times|"},       // half before a Japanese particle of result
    {"コストが半分に", "半分|0.5|times|"},
    {"latency halfに短縮", "half|0.5|times|"},
    {"half of the costにした", ""},                    // "half of" is a part, whatever follows
    {"behalfに", ""},                                   // never inside a Latin word
    {"done within half an hour", ""},
    // users per month: MAU, monthly active users, ユーザー … 人 (the noun before 人 names the count)
    {"月間アクティブユーザー3,000万人", "3,000万人|30000000|user|month"},
    {"MAU 3,000万", "3,000万|30000000|user|month"},
    {"MAUは3,000万人", "3,000万人|30000000|user|month"},
    {"2.5 million monthly active users", "2.5 million monthly active users|2500000|user|month"},
    {"30M MAU", "30M MAU|30000000|user|month"},
    {"DAU 500万", "500万|5000000|user|day"},
    {"アクティブユーザー数は120万人", "120万人|1200000|user|"},
    {"エンジニア50人", "50人|50|engineer|"},
    {"社員は300名", "300名|300|employee|"},
    {"5人のチーム", "5人|5|person|"},                  // the noun after の is no count of the people
    {"参加者は3000人", "3000人|3000|person|"},          // 参加者 is no count noun: persons
    {"MAU growth 30%", "30%|30|percent|"},              // MAU names only a bare number right after it
    {"RPSは5000", "5000|5000|request|second"},          // a topic's rate comes along
    {"Step Functionsで分散マップ、最大10,000並列", "10,000並列|10000|execution|"},
    {"同時実行数は1000", "1000|1000|execution|"},
    {"18,000以上のEC2インスタンスがGraviton", "18,000|18000|instance|"},  // a digit inside a name after の
    {"300のS3バケット", "300|300|bucket|"},
    {"2015の3サービス", "3サービス|3|service|"},          // a year; the digit after の starts a quantity of its own
    {"半年かかった", "半年|15768000|second|"},
    {"1/4のコストになった", "1/4|0.25|times|"},
    {"3分の1に削減", "3分の1|0.3333333333333333|times|"},
    {"約3TBのログ", "3TB|3000000000000|byte|"},
    {"10年以上やっている", "10年|315360000|second|"},
    {"700+ Users", "700+ Users|700|user|"},
    {"500以上のマイクロサービス", "500|500|microservice|"},
    {"最大64TB", "64TB|64000000000000|byte|"},
    {"最小3台から", "3台|3|instance|"},
    {"1,000,000 users", "1,000,000 users|1000000|user|"},
    {"2.5 million writes", "2.5 million writes|2500000|write|"},
    {"5M requests", "5M requests|5000000|request|"},
    {"1.5B events", "1.5B events|1500000000|event|"},
    {"3 trillion objects", "3 trillion objects|3000000000000|object|"},
    {"百万人", "百万人|1000000|person|"},
    {"100K users", "100K users|100000|user|"},
    {"3四半期連続", "3四半期|23328000|second|"},
    {"十年", "十年|315360000|second|"},
    {"1万2000人", "1万2000人|12000|person|"},
    {"２５０億リクエスト", "250億リクエスト|25000000000|request|"},
    {"1兆円", "1兆円|1000000000000|jpy|"},
    {"3千台", "3千台|3000|instance|"},
    // --- ranges
    {"フェールオーバーは 30-45秒", "30-45秒|30..45|second|"},
    {"2-4倍早い", "2-4倍|2..4|times|"},
    {"sizeは1MBから128MBまで", "1MBから128MB|1000000..128000000|byte|"},
    {"60から900秒まで", "60から900秒|60..900|second|"},
    {"10~20%", "10~20%|10..20|percent|"},
    {"10〜20%", "10~20%|10..20|percent|"},
    {"料金は1-2割高い", "1-2割|10..20|percent|"},
    {"5 to 10 minutes", "5 to 10 minutes|300..600|second|"},
    {"0-5秒", "0-5秒|0..5|second|"},
    {"5~6人", "5~6人|5..6|person|"},
    {"100~200ms", "100~200ms|0.1..0.2|second|"},
    {"500MBから2GB", "500MBから2GB|500000000..2000000000|byte|"},
    {"3~4年前", "3~4年|94608000..126144000|second|"},
    {"10 ~ 20 台", "10 ~ 20 台|10..20|instance|"},
    // --- bytes
    {"s3に25PB", "25PB|25000000000000000|byte|"},
    {"5MB payload", "5MB|5000000|byte|"},
    {"1000KB単位", "1000KB|1000000|byte|"},
    // the precision of an account is no amount; a size in other units is one (above, and 12時間単位)
    {"Lambda の料金を 1 円単位で追う", ""},
    {"10円単位で丸める", ""},
    {"100万円単位の削減", ""},
    {"billed in 1-cent increments", ""},
    {"rounded to 10 yen increments", ""},
    {"in 5 increments of $1,000", "$1,000|1000|usd|"},
    {"料金は1円", "1円|1|jpy|"},
    {"1 ms increments", "1 ms|0.001|second|"},
    // a pull request counted with 件 or written PR, in its case only
    {"1か月で 320 件の PR をレビュー", "1か月|2592000|second| ; 320 件の PR|320|pull request|"},
    {"merged 12 PR last week", "12 PR|12|pull request|"},
    {"20 件の pr", "20 件|20|item|"},
    {"6つの リードレプリカ", "6つの リードレプリカ|6|replica|"},
    {"3つの 観点", "3つ|3|item|"},
    // a blank between the digits and 万/億/兆 (but not two, and not before other words)
    {"120 万円", "120 万円|1200000|jpy|"},
    {"ユーザーは 3 億人", "3 億人|300000000|user|"},
    {"120  万円", ""},
    {"120 円", "120 円|120|jpy|"},
    // ... and one blank after 万/億/兆 before the next scaled part; a plain number after it is its own
    {"1 億 2,000 万件を処理", "1 億 2,000 万件|120000000|item|"},
    {"売上は 3 億 5000 万円", "3 億 5000 万円|350000000|jpy|"},
    {"1億 2000万件", "1億 2000万件|120000000|item|"},
    {"1億 2000件", "2000件|2000|item|"},  // 1億 alone is a bare number, no quantity
    // "from A to B" is a change, two quantities; a span says so ("ranges from"), or has no "from"
    {"scaled the node groups from 40 to 65 nodes", "40|40|node| ; 65 nodes|65|node|"},
    {"cut p99 from 40 ms to 65 ms", "40 ms|0.04|second| ; 65 ms|0.065|second|"},
    {"latency ranges from 40 to 65 ms", "40 to 65 ms|0.04..0.065|second|"},
    {"40 to 65 nodes", "40 to 65 nodes|40..65|node|"},
    {"ノード数を 40 から 65 に増やした", "40|40|node| ; 65|65|node|"},
    {"2TBのGP2", "2TB|2000000000000|byte|"},
    {"144 GiB のメモリ", "144 GiB|154618822656|byte|"},
    {"4096KBつかえる", "4096KB|4096000|byte|"},
    {"1KiB", "1KiB|1024|byte|"},
    {"2TiB", "2TiB|2199023255552|byte|"},
    {"10テラバイト", "10テラバイト|10000000000000|byte|"},
    {"8 Exabytes", "8 Exabytes|8000000000000000000|byte|"},
    {"3 petabytes", "3 petabytes|3000000000000000|byte|"},
    {"df -H で9.3Eとかでてやばい", "9.3E|9300000000000000000|byte|"},
    {"スコアは9.3E", ""},
    {"論文(PDF)では9.3E", ""},
    {"0.05MiB/s", "0.05MiB/s|52428.8|byte|second"},
    {"512バイト", "512バイト|512|byte|"},
    // --- money and percent
    {"$3 から", "$3|3|usd|"},
    {"200ドル", "200ドル|200|usd|"},
    {"0.035ドル", "0.035ドル|0.035|usd|"},
    {"100 USD", "100 USD|100|usd|"},
    {"1000円", "1000円|1000|jpy|"},
    {"¥600万", "¥600万|6000000|jpy|"},
    {"1万円", "1万円|10000|jpy|"},
    {"$10M の調達", "$10M|10000000|usd|"},
    {"99.95% の可用性", "99.95%|99.95|percent|"},
    {"99.999%の稼働率", "99.999%|99.999|percent|"},
    {"4割くらい", "4割|40|percent|"},
    {"三割引", "三割|30|percent|"},
    {"50 percent", "50 percent|50|percent|"},
    {"CPU使用率が90%を超えた", "90%|90|percent|"},
    // --- durations
    {"3分でプロビジョニング", "3分|180|second|"},
    {"12時間単位", "12時間|43200|second|"},
    {"7日間まで残せる", "7日間|604800|second|"},
    {"10ms の遅延", "10ms|0.01|second|"},
    {"60秒以内", "60秒|60|second|"},
    {"300秒間で", "300秒間|300|second|"},
    {"200分", "200分|12000|second|"},
    {"1カ月", "1カ月|2592000|second|"},
    {"3ヶ月", "3ヶ月|7776000|second|"},
    {"2か月", "2か月|5184000|second|"},
    {"1週間", "1週間|604800|second|"},
    {"19時間", "19時間|68400|second|"},
    {"2日間かかった", "2日間|172800|second|"},
    {"5年", "5年|157680000|second|"},
    {"3年間", "3年間|94608000|second|"},
    {"Within 3 Months", "3 Months|7776000|second|"},
    {"30 sec", "30 sec|30|second|"},
    {"5 min", "5 min|300|second|"},
    {"2 hours", "2 hours|7200|second|"},
    {"10 days", "10 days|864000|second|"},
    {"2 years", "2 years|63072000|second|"},
    {"24h", "24h|86400|second|"},
    {"500μs", "500μs|0.0005|second|"},
    {"1時間半", "1時間半|5400|second|"},
    {"2年半", "2年半|78840000|second|"},
    {"三十分", "三十分|1800|second|"},
    {"100億時間", "100億時間|36000000000000|second|"},
    // --- multipliers
    {"5倍の性能", "5倍|5|times|"},
    {"10x faster", "10x|10|times|"},
    {"29倍の向上", "29倍|29|times|"},
    {"12倍くらい早い", "12倍|12|times|"},
    {"1.5倍", "1.5倍|1.5|times|"},
    {"3 times", "3 times|3|times|"},
    // --- counts
    {"128 nodes / 最大2PB", "128 nodes|128|node|"
                             " ; 2PB|2000000000000000|byte|"},
    {"500 records / 5MB payload", "500 records|500|record|"
                                   " ; 5MB|5000000|byte|"},
    {"15リードレプリカ", "15リードレプリカ|15|replica|"},
    {"10 リードレプリカ", "10 リードレプリカ|10|replica|"},
    {"3つのAZにまたがる", "3つのAZ|3|az|"},
    {"3AZで", "3AZ|3|az|"},
    {"14のサービス", "14のサービス|14|service|"},
    {"3500のインスタンス", "3500のインスタンス|3500|instance|"},
    {"ピースが5つある", "5つ|5|piece|"},
    {"6つのリードレプリカ", "6つのリードレプリカ|6|replica|"},
    {"10の課題", "10の課題|10|challenge|"},
    {"3000のテスト", "3000のテスト|3000|test|"},
    {"6-way のレプリカ", "6-way|6|copy|"},
    {"200台", "200台|200|instance|"},
    {"600ワーカ", "600ワーカ|600|worker|"},
    {"25マイル制限", "25マイル|25|mile|"},
    {"20億行", "20億行|2000000000|row|"},
    {"70ステップ", "70ステップ|70|step|"},
    {"8,000人", "8,000人|8000|person|"},
    {"1200データセット", "1200データセット|1200|dataset|"},
    {"3 region", "3 region|3|region|"},
    {"2 リージョン", "2 リージョン|2|region|"},
    {"200万volume", "200万volume|2000000|volume|"},
    {"3600CU", "3600CU|3600|capacity unit|"},
    {"1億のpinする人", "1億|100000000|person|"},
    {"10000オーダーの同時接続", "10000|10000|connection|"},
    {"レプリカは最大15まで", "15|15|replica|"},
    {"partitionが100万とか", "100万|1000000|partition|"},
    {"体育館二つくらい", "二つ|2|gymnasium|"},
    {"1000億回のAPIコール", "1000億回|100000000000|call|"},
    {"5000万回デプロイ", "5000万回デプロイ|50000000|deploy|"},
    {"毎日 500回 デプロイしている", "500回 デプロイ|500|deploy|day"},
    {"デバイスから 秒間 2万メッセージ", "2万メッセージ|20000|message|second"},
    {"分間 300リクエスト", "300リクエスト|300|request|minute"},
    {"5秒間待つ", "5秒間|5|second|"},
    {"Spinnaker でデプロイ、1日 数百回", ""},
    {"1時間に数千件", ""},
    {"3回 テストした", "3回 テスト|3|test|"},
    {"毎秒 1.1M データポイント", "1.1M データポイント|1100000|data point|second"},
    {"1日 200 ビルド", "200 ビルド|200|build|day"},
    {"caps retries at 2 per request", ""},
    {"3 per user", ""},
    {"5 more users", "5 more users|5|user|"},
    {"2 a day", ""},
    {"100+ clusters, 4,000 brokers", "100+ clusters|100|cluster| ; 4,000 brokers|4000|broker|"},
    {"S3バケットは1,200個", "1,200個|1200|bucket|"},
    {"N+1クエリでDBへの接続数が500を超えた", "500|500|connection|"},
    {"the N + 1 queries problem", ""},
    {"latency went from 2.1 s to 700 ms", "2.1 s|2.1|second| ; 700 ms|0.7|second|"},
    {"timeout is 30 s.", "30 s|30|second|"},
    {"5 s3 buckets", "5 s3 buckets|5|bucket|"},  // a bucket count, and no "5 s"
    {"a 5 m cable", ""},
    {"1日あたり平均5回のデプロイ", "5回のデプロイ|5|deploy|day"},
    {"秒間ピーク12,000リクエスト", "12,000リクエスト|12000|request|second"},
    {"peak 3,000 requests per second", "3,000 requests per second|3000|request|second"},
    {"年間で約3,000万円削減", "3,000万円|30000000|jpy|year"},
    {"平均 120ミリ秒", "120ミリ秒|0.12|second|"},
    {"an average of 30 requests per second", "30 requests per second|30|request|second"},
    {"10年間で3回", "10年間|315360000|second| ; 3回|3|time|"},
    {"1秒あたり3,500万サンプルを取り込み", "3,500万サンプル|35000000|sample|second"},
    {"35M samples per second", "35M samples per second|35000000|sample|second"},
    {"1日 20億スパン", "20億スパン|2000000000|span|day"},
    {"10 billion log lines a day", "10 billion log lines a day|10000000000|log|day"},
    {"1日に3TBのログ", "3TB|3000000000000|byte|day"},
    {"1,200 repositories", "1,200 repositories|1200|repository|"},
    {"300以上のプロジェクト", "300|300|project|"},
    {"120個のセンサー", "120個のセンサー|120|sensor|"},
    {"月に 3件 の障害", "3件|3|item|month"},
    {"3回", "3回|3|time|"},
    {"3 Billion Game Requests", "3 Billion Game Requests|3000000000|request|"},
    {"150万Dockerコンテナ", "150万Dockerコンテナ|1500000|container|"},
    {"5 more users", "5 more users|5|user|"},
    {"16 vCPU", "16 vCPU|16|vcpu|"},
    {"エンジニアは約50名", "50名|50|engineer|"},  // the topic names whom 名 counts
    {"3社が採用", "3社|3|company|"},
    {"4コア", "4コア|4|core|"},
    {"5人のチーム", "5人|5|person|"},
    {"3チーム", "3チーム|3|team|"},
    {"2,000台のEC2インスタンス", "2,000台|2000|instance|"},
    {"1000以上の顧客", "1000|1000|customer|"},
    {"5,000 companies", "5,000 companies|5000|company|"},
    {"50万人のドライバー", "50万人|500000|person|"},
    {"190カ国", "190カ国|190|country|"},
    {"1つ", "1つ|1|item|"},
    {"3 AZs", "3 AZs|3|az|"},
    // --- rates
    {"250億リクエスト/day", "250億リクエスト/day|25000000000|request|day"},
    {"2500万レコード/日", "2500万レコード/日|25000000|record|day"},
    {"50MB/sを出し続ける", "50MB/s|50000000|byte|second"},
    {"100k writes/s & 500k reads/sec", "100k writes/s|100000|write|second"
                                        " ; 500k reads/sec|500000|read|second"},
    {"8 Million Events Per Second", "8 Million Events Per Second|8000000|event|second"},
    {"2.5 million writes per second", "2.5 million writes per second|2500000|write|second"},
    {"10 TB per day", "10 TB per day|10000000000000|byte|day"},
    // capacity units AWS prices by, as units and as denominators
    {"2GiB per ACU", "2GiB per ACU|2147483648|byte|acu"},
    {"$0.44 per DPU-Hour", "$0.44 per DPU-Hour|0.44|usd|dpu/hour"},
    {"1 ACU あたり 2GiB", "2GiB|2147483648|byte|acu"},
    {"最大 128 ACU", "128 ACU|128|acu|"},
    {"5 WCUs per table", "5 WCUs per table|5|write capacity unit|table"},
    {"1,000 RCU", "1,000 RCU|1000|read capacity unit|"},
    {"ピークで15万リクエスト/秒", "15万リクエスト/秒|150000|request|second"},
    {"毎秒15万リクエスト", "15万リクエスト|150000|request|second"},
    {"1日に36TB", "36TB|36000000000000|byte|day"},
    {"1日に150万Dockerコンテナ", "150万Dockerコンテナ|1500000|container|day"},
    {"100MB/sを1日あたり12時間だけ", "100MB/s|100000000|byte|second"
                                      " ; 12時間|43200|second|day"},
    {"日に3回", "3回|3|time|day"},
    {"年間5000万回デプロイ", "5000万回デプロイ|50000000|deploy|year"},
    {"年間8,000回のサービス更新", "8,000回|8000|update|year"},
    {"とはいえ月に200ドルくらい", "200ドル|200|usd|month"},
    {"100GB/hでログが出る", "100GB/h|100000000000|byte|hour"},
    {"25 Billion Daily Requests", "25 Billion Daily Requests|25000000000|request|day"},
    {"$5 per TB", "$5 per TB|5|usd|tb"},
    {"Redshift : $1,000/TB/year", "$1,000/TB/year|1000|usd|tb/year"},
    {"Firehoseは1GBあたり0.035ドル", "0.035ドル|0.035|usd|gb"},
    {"GBあたり0.05MiB/s", "0.05MiB/s|52428.8|byte|gb/second"},
    {"1TBのスキャンあたり$5", "$5|5|usd|tb"},
    {"1shardあたり3台", "3台|3|instance|shard"},
    {"queueごとに4096KB", "4096KB|4096000|byte|queue"},
    {"1 seagullごとに7万テスト", "7万テスト|70000|test|seagull"},
    {"1日に350 seagullが走る", "350 seagull|350|seagull|day"},
    {"s3に25PB, 1日5500億イベント", "25PB|25000000000000000|byte|"
                                     " ; 5500億イベント|550000000000|event|day"},
    {"Quarterで100億時間", "100億時間|36000000000000|second|quarter"},
    {"1億件/年の会話", "1億件/年|100000000|conversation|year"},
    {"5億時間/年の処理", "5億時間/年|1800000000000|second|year"},
    {"200万volume/日", "200万volume/日|2000000|volume|day"},
    {"1時間あたり$0.10", "$0.10|0.1|usd|hour"},
    {"1GBあたり$0.023/月", "$0.023/月|0.023|usd|gb/month"},
    {"1週間に3回", "3回|3|time|week"},
    {"10Gbps のネットワーク", "10Gbps|10000000000|bit|second"},
    {"3000 IOPS", "3000 IOPS|3000|operation|second"},
    {"100 TPS まで", "100 TPS|100|transaction|second"},
    {"10,000 req/s", "10,000 req/s|10000|request|second"},
    {"月額$500", "$500|500|usd|month"},
    {"100万円/月", "100万円/月|1000000|jpy|month"},
    {"1秒間に1000回の書き込み", "1000回の書き込み|1000|write|second"},
    {"5秒ごとに再試行する", "5秒|5|second|"},
    // a duration after a bare "1日" is a share of the day (changed: this was read as a day and 12 hours),
    // unless it is longer than the day or a span or a point in time; a date's 1日 is no denominator
    {"1日12時間", "12時間|43200|second|day"},
    {"1 日 2 時間から 30 分に減らす", "2 時間|7200|second|day ; 30 分|1800|second|day"},
    {"1日2~3時間", "2~3時間|7200..10800|second|day"},
    {"1日24時間稼働", "24時間|86400|second|day"},
    {"1日3回デプロイ", "3回デプロイ|3|deploy|day"},
    {"1日3回", "3回|3|time|day"},
    {"週 3 日 出社", "3 日|259200|second|week"},
    {"1日36時間", "1日|86400|second| ; 36時間|129600|second|"},
    // with a span or a point in time after it, a day and hours are one duration (changed: these were
    // read as two: a day, then hours)
    {"1日12時間後に再起動", "1日12時間|129600|second|"},
    {"1日2時間以内に復旧", "1日2時間|93600|second|"},
    {"復旧に1日12時間かかった", "1日12時間|129600|second|"},
    {"2 週間 3 日かかった", "2 週間 3 日|1468800|second|"},
    // English writes a rate after the amount ("12 hours a day"): "1 day 12 hours" is a day and a half
    // (it was vetoed whole as "Day 12", a conference day)
    {"Recovery took 1 day 12 hours", "1 day 12 hours|129600|second|"},
    {"1 day 2 hours of downtime", "1 day 2 hours|93600|second|"},
    {"The outage lasted 2 days 12 hours", "2 days 12 hours|216000|second|"},
    {"We run it 12 hours a day", "12 hours a day|43200|second|day"},
    {"Day 12 keynote, 1 day left", "1 day|86400|second|"},
    {"Part 2: 3 days", "3 days|259200|second|"},
    {"Microsoft Ignite 2025 Day 1 の基調講演は 90 分", "90 分|5400|second|"},
    {"re:Invent 2024 day 2: 3 sessions", "3 sessions|3|session|"},
    {"3月1日 12時間後", "12時間|43200|second|"},
    {"3月1日 12時間", "12時間|43200|second|"},
    {"3月1日に1000件", "1000件|1000|item|"},
    {"1日目 12時間", "12時間|43200|second|"},
    {"影響時間 1時間45分", "1時間45分|6300|second|"},
    {"1分30秒", "1分30秒|90|second|"},
    {"1TBあたり月額約1ドル", "1ドル|1|usd|tb/month"},
    {"1台あたり月額$100", "$100|100|usd|instance/month"},
    {"100万リクエストあたり0.20ドル", "100万リクエスト|1000000|request| ; 0.20ドル|0.2|usd|"},
    {"1セッションあたり$0.30", "$0.30|0.3|usd|session"},
    {"1日に10兆リクエスト", "10兆リクエスト|10000000000000|request|day"},
    {"Costs $0.023 per GB-month", "$0.023 per GB-month|0.023|usd|gb/month"},
    // --- several in one line, qualifiers, anaphors
    {"セッション数は2000以上", "2000|2000|session|"},
    {"接続数は100", "100|100|connection|"},
    {"P4d インスタンスは 8 GPU", "8 GPU|8|gpu|"},
    {"We run 3,000 EC2 instances across 3 regions", "3,000 EC2 instances|3000|instance| ; 3 regions|3|region|"},
    {"1秒あたり10万回の実行", "10万回の実行|100000|execution|second"},
    {"up to 10,000 concurrent executions", "10,000 concurrent executions|10000|execution|"},
    {"3,000 IOPS と 125 MB/s", "3,000 IOPS|3000|operation|second ; 125 MB/s|125000000|byte|second"},
    {"Latency dropped from 200ms to 20ms", "200ms|0.2|second| ; 20ms|0.02|second|"},
    {"Aurora is 5x faster than MySQL", "5x|5|times|"},
    {"roughly 2/3 of users", "2/3|0.6666666666666666|times|"},
    {"30%が0-5秒、40%が5-10秒", "30%|30|percent| ; 0-5秒|0..5|second| ; 40%|40|percent| ; 5-10秒|5..10|second|"},
    {"全部で1200データセット、うち300が対象", "1200データセット|1200|dataset| ; 300|300|dataset|"},
    {"provisioned capacityが1200なら300秒間で3600CU",
     "1200|1200|capacity unit| ; 300秒間|300|second| ; 3600CU|3600|capacity unit|"},
    {"8,000人が1億件/年の会話", "8,000人|8000|person| ; 1億件/年|100000000|conversation|year"},
    {"全体10%から徐々に100%まで", "10%|10|percent| ; 100%|100|percent|"},
    {"1レコードの最大payloadが1MBまで", "1MB|1000000|byte|"},
    {"1TBのファイルシステム", "1TB|1000000000000|byte|"},
    {"Scaling To 25 Billion Daily Requests Within 3 Months",
     "25 Billion Daily Requests|25000000000|request|day ; 3 Months|7776000|second|"},
    {"20%程度", "20%|20|percent|"},
    {"64TBまで", "64TB|64000000000000|byte|"},
    {"6500万人以上", "6500万人|65000000|person|"},
    {"1分を減らす", "1分|60|second|"},
    // --- not quantities
    {"2004年にダウンがあった", ""},
    {"re:Invent 2016 の発表", ""},
    {"2017/11/29 に公開", ""},
    {"11/29の発表", ""},
    {"2017.01追記", ""},
    {"2017/Q1 には実現", ""},
    {"現地朝4:30に集合", ""},
    {"16:00ごろ到着", ""},
    {"MySQL5.6互換", ""},
    {"v1.9 でロック改善", ""},
    {"Postgres は 9.6 互換", ""},
    {"Kernel 3.8以上", ""},
    {"DAT303 - Deep Dive on Amazon Aurora", ""},
    {"(BDT320) New! Streaming Data Flows", ""},
    {"r3.8xlarge 2台", "2台|2|instance|"},
    {"r3.8xlarge, m5.large, c3, c4, t2.small", ""},
    {"1. はじめに", ""},
    {"(1) 概要", ""},
    {"Keynote Day1", ""},
    {"Day 2 の Keynote", ""},
    {"2日目", ""},
    {"3回目の参加", ""},
    {"メモ その2", ""},
    {"第3回", ""},
    {"コネクションとスレッドは1:1", ""},
    {"5xx と遅延を見る", ""},
    {"TPC-C 100で測定", ""},
    {"40x 系のセッション", ""},
    {"--vpc-id vpc-40f18d25 us-west-2 rtb-61c78704", ""},
    {"S3 と EC2 と Route53", ""},
    {"9.11レベルの災害", ""},
    {"P.S. 動画もある", ""},
    {"日に数TB", ""},
    {"数百MBになる", ""},
    {"数十台のサーバ", ""},
    {"何百ものサービス", ""},
    {"三行でまとめる", ""},
    {"十分短い", ""},
    {"一人で観光した", ""},
    {"一つ一つ確認", ""},
    {"1個の大きいオブジェクト", ""},
    {"1テーブルのデータ", ""},
    {"bash の exit code 0: OK、3: reject", ""},
    {"24時間365日稼働", ""},
    {"24/7 サポート", ""},
    {"Windows 10 と Python 3.6", ""},
    {"1080p と 3rd party", ""},
    {"1.2.3 にアップグレード", ""},
    {"ISO27001、HIPAA", ""},
    {"TLS 1.2 と HTTP/2", ""},
    {"12/1(木)", ""},
    {"2016年11月29日", ""},
    {"1990年代", ""},
    {"ステップ1: 準備", ""},
    {"上位3位", ""},
    {"re:Invent 2015のスライド", ""},
    {"ポート8080", ""},
    {"2分割する", ""},
    {"2016", ""},
    {"四半期ごとの報告", ""},
    {"千葉と九州と六本木", ""},
    {"万が一の時", ""},
    {"数十倍", ""},
    {"Version 2.3.1 released on 2017-11-29 at 10:00", ""},
    {"Session ARC401, room 3", ""},
    {"Python 2.7 and Node 8.10 runtimes", ""},
    {"10:30 からの基調講演", ""},
    {"12月3日にローンチ", ""},
    {"第2世代の Nitro", ""},
    // --- English rates written with an article, and counts of runs, runners, lines and 本
    {"about 600 commits a day", "600 commits a day|600|commit|day"},
    // a time before or after is no denominator
    {"we had 2 teams a year ago", "2 teams|2|team|"},
    {"10 servers an hour later", "10 servers|10|server|"},
    {"3 incidents a week before launch", "3 incidents|3|incident|"},
    {"5 deploys a day after the freeze", "5 deploys|5|deploy|"},
    {"3 deploys an hour", "3 deploys an hour|3|deploy|hour"},
    {"120 training runs per week", "120 training runs per week|120|run|week"},
    {"split across 24 runners", "24 runners|24|runner|"},
    {"1.2 million lines of TypeScript", "1.2 million lines|1200000|line|"},
    {"a 40k LOC service", "40k LOC|40000|line|"},
    {"1日あたり50万本の動画を変換", "50万本の動画|500000|video|day"},
    {"ケーブル3本", "3本|3|item|"},
    {"日本と六本木と2本目", ""},
    // --- a change from one value to another is two quantities, a range is one
    {"平均CPU使用率は35%から62%に上昇", "35%|35|percent| ; 62%|62|percent|"},
    {"p99 は 120ms から 350ms へ悪化", "120ms|0.12|second| ; 350ms|0.35|second|"},
    {"60から900秒に設定できる", "60から900秒|60..900|second|"},
    {"10%から20%まで", "10%から20%|10..20|percent|"},
    {"2から3倍に増えた", "2から3倍|2..3|times|"},
    // --- a duration in two units is one duration
    {"約1時間42分の間", "1時間42分|6120|second|"},
    {"復旧まで 2 hours 14 minutes かかった", "2 hours 14 minutes|8040|second|"},
    {"1分30秒で完了", "1分30秒|90|second|"},
    {"5分、3分、1分と短縮", "5分|300|second| ; 3分|180|second| ; 1分|60|second|"},
    {"10分 から 30分 に延長", "10分|600|second| ; 30分|1800|second|"},
    // short forms: m after an hour count is minutes, s after a minute count seconds (not million)
    {"ビルド時間 2h 14m かかっていた", "2h 14m|8040|second|"},
    {"1h30m で終わる", "1h30m|5400|second|"},
    {"2m 30s で完了", "2m 30s|150|second|"},
    {"took 3h 5m", "3h 5m|11100|second|"},
    {"2h 90m", "2h|7200|second|"},
    // --- a change of bare numbers counts what the first one counts
    {"Podが10から30に増えた", "10|10|pod| ; 30|30|pod|"},
    {"レプリカは 3 から 12 へ", "3|3|replica| ; 12|12|replica|"},
    {"Podが10から30", "10|10|pod|"},
    {"応答は120msから350へ悪化", "120ms|0.12|second| ; 350|0.35|second|"},  // in the first one's unit
    // --- an arrow between two numbers is a change (two quantities, never a range); a bare end
    // counts what the other end counts
    {"cluster数は 40 → 12", "40|40|cluster| ; 12|12|cluster|"},
    {"ノード 120 -> 30台", "120|120|instance| ; 30台|30|instance|"},
    {"cluster 40->12台", "40|40|instance| ; 12台|12|instance|"},
    {"レイテンシ 200ms ⇒ 80", "200ms|0.2|second| ; 80|0.08|second|"},
    {"p99 latency 300 ms => 80 ms", "300 ms|0.3|second| ; 80 ms|0.08|second|"},
    {"Nodes went from 40 → 12 nodes", "40|40|node| ; 12 nodes|12|node|"},
    {"ストレージ 10TB⇒2TB", "10TB|10000000000000|byte| ; 2TB|2000000000000|byte|"},
    {"コスト $12,000 → $4,000", "$12,000|12000|usd| ; $4,000|4000|usd|"},
    // no unit on either end, a year, a version: no quantity
    {"HTTP 200 → 503", ""},
    {"2023 → 2024年", ""},
    {"v1 → v2 に移行", ""},
    // --- a rate that opens the topic: 1日あたりのXは N
    {"1日あたりの配送リクエストは約120万件", "120万件|1200000|request|day"},
    {"1時間あたりの処理件数は3万件", "3万件|30000|item|hour"},
    {"1日あたりのログは約20TB", "20TB|20000000000000|byte|day"},
    {"推論1回あたりのコストが最大40%低い", "40%|40|percent|"},
    // --- the object of a change names its count (クラスタを 12 → 5), and so does a label "X数"/"X台数"
    // (サーバー台数 40 → 12); not a count of calls: "APIを2回叩く" counts times
    {"EKSクラスタを 12 → 5 に集約", "12|12|cluster| ; 5|5|cluster|"},
    {"タスク数を 24 → 48 にスケールアウト", "24|24|task| ; 48|48|task|"},
    {"並列数を 4 から 16 に上げた", "4|4|execution| ; 16|16|execution|"},
    {"サーバー台数 40 → 12", "40|40|server| ; 12|12|server|"},
    {"台数 40 → 12", "40|40|instance| ; 12|12|instance|"},
    {"ノード数 40", "40|40|node|"},
    // a blank between a Latin noun and 数, as notes that mix scripts write it; not a Japanese word before the blank
    {"Pod 数は 300", "300|300|pod|"},
    {"Pod 数はピークで 1,200", "1,200|1200|pod|"},
    {"Node 数 40 → 12", "40|40|node| ; 12|12|node|"},
    {"Pod の 数値は 300", ""},
    {"その 数は 300", ""},
    {"関数は3つ", "3つ|3|function|"},
    {"APIを2回叩く", "2回|2|time|"},
    {"クラスタを 12 台にした", "12 台|12|instance|"},
    {"クラスタを 12 にした", ""},
    {"Podを 3 から 5 程度に", ""},
    {"バージョンを 2 → 3 に上げた", ""},
    // a generic counter (個, つ, 件) counts the object before を; not when の names what is counted
    {"EKS のクラスタを 30 個運用している", "30 個|30|cluster|"},
    {"Podを5つ立てる", "5つ|5|pod|"},
    {"チケットを5件起票", "5件|5|ticket|"},
    {"サービスを3つの観点で評価", "3つ|3|item|"},
    {"会議を3つ", "3つ|3|item|"},
    // --- English: a rate word earlier in the clause that a link word closes ("the monthly AWS bill ... was
    // $38,000"), and a rate after "every"; not across punctuation, not a duration or a share
    {"The monthly AWS bill for the platform was $38,000.", "$38,000|38000|usd|month"},
    {"The monthly Lambda cost went from $4,200 to $1,900.", "$4,200|4200|usd|month ; $1,900|1900|usd|month"},
    {"our annual spend is about $1.8M", "$1.8M|1800000|usd|year"},
    {"a daily peak of 40,000 requests", "40,000 requests|40000|request|day"},
    {"we serve 2 billion requests every day", "2 billion requests every day|2000000000|request|day"},
    {"30 million events every day with two pipes", "30 million events every day|30000000|event|day"},
    {"The weekly sync is 30 minutes", "30 minutes|1800|second|"},
    {"the monthly cost is 20% lower", "20%|20|percent|"},
    {"the daily peak was 40,000 RPS", "40,000 RPS|40000|request|second"},
    {"The yearly conference is at 10 am", ""},
    {"In the monthly review, the bill was $38,000", "$38,000|38000|usd|"},
    {"The bill was $38,000", "$38,000|38000|usd|"},
    {"we deploy every 5 minutes", "5 minutes|300|second|"},
    // a hedge or a label's colon links the clause as a link word does, as notes write it without a verb; not
    // across a comma, not a duration or a share, not a Japanese label (11月: a month's date)
    {"Monthly cloud bill around $310k", "$310k|310000|usd|month"},
    {"Monthly cost: $12,000", "$12,000|12000|usd|month"},
    {"annual budget under $50,000", "$50,000|50000|usd|year"},
    {"毎月の請求メモ: Monthly bill roughly $9,000", "$9,000|9000|usd|month"},
    {"Monthly sync: 30 minutes", "30 minutes|1800|second|"},
    {"Monthly review: 20% fewer pages", "20%|20|percent|"},
    {"In the monthly review, around $38,000", "$38,000|38000|usd|"},
    {"The bill around $38,000", "$38,000|38000|usd|"},
    {"11月: around $3,000", "$3,000|3000|usd|"},
    // one blank between the number and a kanji denominator: "1 日" is a rate as "1日" is, "2024 年に" a year
    {"1 日 8,500 億サンプルを受けている", "8,500 億サンプル|850000000000|sample|day"},
    {"1 時間あたり 3 万件の書き込み", "3 万件の書き込み|30000|write|hour"},
    {"リストア訓練は 2024 年に 1 回やったきり", "1 回|1|time|"},
    {"10 月に 3 件の障害", "3 件の障害|3|incident|"},
    {"1 GB あたり $0.02", "$0.02|0.02|usd|gb"},
    // full-width digits one blank after a rate word (a phone's IME writes them): "毎秒 ５万件" (spans as normalized)
    {"ピークは毎秒 ５万件", "5万件|50000|item|second"},
    {"ピークは毎秒 ５０，０００件", "50,000件|50000|item|second"},
    // a walker's steps, mixed kanji numerals too: 2万3千 is 23,000 (only after digits: an idiom's 一歩 is none)
    {"歩数 2万3千歩😇", "2万3千歩|23000|step|"},
    {"today: 23,000 steps", "23,000 steps|23000|step|"},
    {"一歩ずつ進む", ""},
    {"三歩進んで二歩下がる", ""},
    // --- other currencies keep their own unit; a euro or pound sign before the number, the word after
    {"Cloudmesh pays an on-call allowance of €300/week", "€300/week|300|eur|week"},
    {"予算は 5万ユーロ、£45 per seat", "5万ユーロ|50000|eur| ; £45|45|gbp|"},
    {"budget of 1,200 EUR", "1,200 EUR|1200|eur|"},
    {"Euro 2024 で盛り上がった", ""},
    // --- what a GitOps tool deploys and what an SRE team writes are counted
    {"ApplicationSet で 5,000 アプリを 3 クラスタに配布", "5,000 アプリ|5000|application| ; 3 クラスタ|3|cluster|"},
    {"Scaling Argo CD to 5,000 Applications", "5,000 Applications|5000|application|"},
    {"Lessons from 1,000 Postmortems", "1,000 Postmortems|1000|postmortem|"},
    {"120 apps in 3 regions", "120 apps|120|application| ; 3 regions|3|region|"},
    {"the 12 Factor App", ""},
    {"ポストモーテムは 12 件", "12 件|12|postmortem|"},
    // --- an English plural labels a change that starts at its number; a singular names one item
    {"Clusters 4 → 11, about 1,800 nodes in total", "4|4|cluster| ; 11|11|cluster| ; 1,800 nodes|1800|node|"},
    {"AZs 2 -> 3", "2|2|az| ; 3|3|az|"},
    {"regions 3 から 5 に", "3|3|region| ; 5|5|region|"},
    {"Cluster 4 → 11", ""},
    {"Clusters 4 and 11 were drained", ""},
    {"in phases 2 → 3", ""},
    // --- kinds of a thing and a checklist's entries are counted; a summary's form is no count of rows
    {"監視項目は 35 種類", "35 種類|35|type|"},
    {"35種類のメトリクスを見る", "35種類|35|type|"},
    {"we track 35 kinds of metrics", "35 kinds|35|type|"},
    {"チェックリストは 5 項目", "5 項目|5|item|"},
    {"一項目ずつ確認した", ""},
    {"一種類しかない", ""},
    {"今日の3行まとめ: 楽しかった", ""},
    {"3 行要約", ""},
    {"ログは 20億行", "20億行|2000000000|row|"},
    // --- a count noun right after an arrow names the change's bare end (alone it is an item's name)
    {"VM 200台 → Pod 1,500", "200台|200|vm| ; 1,500|1500|pod|"},  // 台 takes the noun before it (VM: vm)
    {"200 VMs -> Pods 1500", "200 VMs|200|vm| ; 1500|1500|pod|"},
    {"VM 200台 と Pod 1,500", "200台|200|vm|"},
    {"Pod 1,500 was drained", ""},
    // --- a rate noun written before a bare number labels it, as MAU does: QPS 3k, IOPS 3,000
    {"ピーク時 QPS 3k", "3k|3000|query|second"},
    {"TPS 500 で頭打ち", "500|500|transaction|second"},
    {"gp3 volumes at IOPS 3,000", "3,000|3000|operation|second"},
    {"RPS 1.2万", "1.2万|12000|request|second"},
    {"QPS 3x", "3x|3|times|"},                        // the number's own unit wins
    {"QPS growth 30%", "30%|30|percent|"},            // only a number right after it
    {"Provisioned IOPS 2016 発表サービス", ""},       // a year after it is no count
    {"MAU 2024 の振り返り", ""},
    {"60 fps で描画", "60 fps|60|frame|second"},
    {"120 frames dropped", "120 frames|120|frame|"},
    // --- a pair of values written with "/" (p50/p99 = 12ms/180ms) is two quantities of one unit
    {"p50/p99 = 12ms/180ms", "12ms|0.012|second| ; 180ms|0.18|second|"},
    {"before/after: 5min/30s", "5min|300|second| ; 30s|30|second|"},
    {"ディスク 5GB/10GB 使用", "5GB|5000000000|byte| ; 10GB|10000000000|byte|"},
    {"1.5TB/1日", "1.5TB/1日|1500000000000|byte|day"},  // a day is no size: no pair, a rate written with its 1
    {"ログは 200GB/1 day 増える", "200GB/1 day|200000000000|byte|day"},
    {"12ms/1s", "12ms|0.012|second| ; 1s|1|second|"},  // a denominator of its own unit is a pair's value
    {"5GB/1GB", "5GB|5000000000|byte| ; 1GB|1000000000|byte|"},
    {"2.5 万円/1 人", "2.5 万円/1 人|25000|jpy|person"},
    {"1 営業日で復旧", "1 営業日|86400|second|"},
    {"SLA は 3 business days", "3 business days|259200|second|"},
    {"2営業日目に対応", ""},                          // an ordinal
    {"12ms/180 件", "12ms|0.012|second|"},           // nor a bare number or another unit
    {"2017/11 に 5GB", "5GB|5000000000|byte|"},      // a date continues no quantity
    // --- numbers joined by "/" share the unit written after the last one: one quantity each
    {"p50/p95/p99 = 10/50/200 ms", "10|0.01|second| ; 50|0.05|second| ; 200 ms|0.2|second|"},
    {"p50/p99: 12/180ms", "12|0.012|second| ; 180ms|0.18|second|"},
    {"read/write = 500/200 MB/s", "500|500000000|byte|second ; 200 MB/s|200000000|byte|second"},
    {"レイテンシ 10/50/200ms", "10|0.01|second| ; 50|0.05|second| ; 200ms|0.2|second|"},
    {"p50/p99 = 10/20 ms", "10|0.01|second| ; 20 ms|0.02|second|"},  // no date: a unit follows
    {"CPU 使用率 40/85%", "40|40|percent| ; 85%|85|percent|"},
    {"リリースは 2026/11/28", ""},                      // a date has no unit
    {"11/28 に 5GB", "5GB|5000000000|byte|"},
    {"11/28 日曜に", ""},                               // nor a day after it
    {"コストは 1/10 に削減", "1/10|0.1|times|"},       // a fraction stays one
    {"24/7 で監視", ""},
    {"満足度 3/5", "3/5|0.6|times|"},                // a score reads as its fraction, as before
    {"出席 3/12 人", ""},                               // a count shares nothing (3 of 12)
    // --- a factor written before its number: ×3, x0.5 (not a product, a size, an architecture or hex)
    {"スループット ×3", "×3|3|times|"},
    {"コスト x0.5 に", "x0.5|0.5|times|"},
    {"throughput: x2 after the fix", "x2|2|times|"},
    {"レイテンシ(X1.5)", "X1.5|1.5|times|"},
    {"3 × 4 のグリッド", ""},
    {"1920×1080 で表示", ""},
    {"4 × 16GB のメモリ", "16GB|16000000000|byte|"},
    {"メモリ ×16GB", "16GB|16000000000|byte|"},       // its own unit wins
    {"x86 サーバー", ""},
    {"x64 build", ""},
    {"x86_64 のビルド", ""},
    {"150万x86コンテナ", "150万x86コンテナ|1500000|container|"},  // the architecture names what is counted
    {"flag 0x1F", ""},
    {"A100 x8 node", ""},                             // eight GPUs: no factor
    // ... a × a blank away from its number, an x after a lower-case word of its own
    {"移行後のコスト × 3 になった", "× 3|3|times|"},
    {"throughput × 2.5 after the change", "× 2.5|2.5|times|"},
    {"cost x0.5 after the move", "x0.5|0.5|times|"},
    {"p99 latency x0.5", "x0.5|0.5|times|"},
    {"3 × 4 grid", ""},                                // a product, a size, a count of things
    {"1920 × 1080 で確認", ""},
    {"A100 x 8 のノード", ""},
    {"GPU × 8 のノード", ""},
    {"nodes x3 in the pool", ""},
    {"m5.large x3", ""},
    {"costx0.5", ""},
    {"16 GB × 2 のメモリ", "16 GB|16000000000|byte|"},
    // --- a table row labelled with a count (X数) counts its bare cells
    {"| ノード数 | 48 | 12 |", "48|48|node| ; 12|12|node|"},
    {"| Pod 数 | 120 | 300 |", "120|120|pod| ; 300|300|pod|"},
    {"| サーバー台数 | 40 → 12 |", "40|40|server| ; 12|12|server|"},
    {"| 項目 | 48 | 12 |", ""},                       // a label that counts nothing
    {"| 48 | 12 |", ""},
    {"ノード数 | 48", ""},                             // no table row
    // ... and so does an English label: a plural, "# of", "number of", "count"
    {"| Nodes | 48 | 12 |", "48|48|node| ; 12|12|node|"},
    {"| # of pods | 120 |", "120|120|pod|"},
    {"| Number of pod | 120 |", "120|120|pod|"},
    {"| Pod count | 120 | 300 |", "120|120|pod| ; 300|300|pod|"},
    {"| Worker nodes | 40 → 12 |", "40|40|node| ; 12|12|node|"},
    {"| Node | 3 |", ""},                              // one node's name
    {"| Queries | 1200 | 3400 |", "1200|1200|query| ; 3400|3400|query|"},  // a y turned into ies
    {"| Processes | 12 |", "12|12|process|"},         // es after s
    {"| Errors | 12 | 3 |", "12|12|error| ; 3|3|error|"},
    {"| エラー数 | 12 |", "12|12|error|"},
    {"| Query | 3 |", ""},
    {"| Error | 3 |", ""},
    {"| Querys | 3 |", ""},                            // no plural of query
    // an HTTP status names a kind of error, no count of them
    {"12 errors in the last hour", "12 errors|12|error|"},
    {"HTTP 500 errors spiked", ""},
    {"404 エラーが増えた", ""},
    {"| Version | 3 |", ""},
    {"| Year | 2026 |", ""},
    {"| Releases | 2024 | 2025 |", ""},                // years under a plural label
    {"| Releases | 12 | 2024 |", "12|12|release|"},
    {"| リリース数 | 12 |", "12|12|release|"},
    {"| iPods | 12 |", ""},                             // "Pods" inside a word is no label
};
// clang-format on

TEST_CASE("the quantity table: every line gives exactly the expected quantities", "[quantity]") {
  const QuantityParser& parser = ShippedParser();
  for (const Case& c : kCases) {
    const std::string line = Normalize(c.line).text;
    CheckMatches(line, parser.Find(line), c.expected);
  }
}

TEST_CASE("the quantity table has at least 200 cases", "[quantity]") {
  CHECK(std::size(kCases) >= 200);
}

TEST_CASE("quantity qualifiers are kept apart and do not change the value", "[quantity]") {
  const QuantityParser& parser = ShippedParser();
  const std::string line = "約3TB、700+ Users、最大64TB、10年以上、500以下、20%程度";
  const std::vector<QuantityMatch> found = parser.Find(Normalize(line).text);
  REQUIRE(found.size() == 5);
  CHECK(found[0].qualifiers == std::vector<std::string>{"approx"});
  CHECK(found[1].qualifiers == std::vector<std::string>{"plus"});
  CHECK(*found[1].value == 700);
  CHECK(found[2].qualifiers == std::vector<std::string>{"max"});
  CHECK(found[3].qualifiers == std::vector<std::string>{"at_least"});
  CHECK(found[4].qualifiers == std::vector<std::string>{"approx"});
}

TEST_CASE("quantity spans are byte offsets into the normalized line, left to right", "[quantity]") {
  const QuantityParser& parser = ShippedParser();
  const std::string line = "ab 5倍 cd 10%";
  const std::vector<QuantityMatch> found = parser.Find(line);
  REQUIRE(found.size() == 2);
  CHECK(found[0].begin == 3);
  CHECK(found[0].end == 7);
  CHECK(found[1].begin == 11);
  CHECK(found[1].end == 14);
  CHECK(parser.Find("").empty());
}

TEST_CASE("the quantity parser recognises exactly its block kinds", "[quantity]") {
  for (const char* kind : {"quantity.unit", "quantity.count", "quantity.scale", "quantity.word", "quantity.rate",
                           "quantity.qualifier", "quantity.anaphor", "quantity.veto"}) {
    CHECK(QuantityParser::HandlesBlockKind(kind));
  }
  for (const char* kind : {"quantity", "quantity.units", "gazetteer", "context", "section", ""}) {
    CHECK_FALSE(QuantityParser::HandlesBlockKind(kind));
  }
}

TEST_CASE("quantity blocks of other kinds are ignored and an empty rule set finds nothing", "[quantity]") {
  bool compiled = false;
  CHECK(CompileMessages("[gazetteer aws_service]\nAmazon S3 | S3\n", &compiled).empty());
  CHECK(compiled);
}

TEST_CASE("malformed quantity rule lines are reported at file:line:col, word for word", "[quantity]") {
  struct Bad {
    const char* text;
    const char* message;
  };
  const Bad kBad[] = {
      {"[quantity.count]\nrequest requests\n", "q.rules:2:1: error: missing ':' between the head and the literals"},
      {"[quantity.unit byte]\nkb = lots : KB\n",
       "q.rules:2:6: error: bad factor 'lots': expected a number such as 1e6 or 0.001"},
      {"[quantity.unit byte]\nkb 1e3 : KB\n", "q.rules:2:1: error: expected 'name = factor' before ':'"},
      {"[quantity.unit byte]\nkb = 1e3 : KB {cas}\n",
       "q.rules:2:16: error: unknown option 'cas' in [quantity.unit]; allowed: case, digits, per_only, prefix, per, line, spaced"},
      {"[quantity.count]\nrequest : requests {prefix}\n",
       "q.rules:2:21: error: unknown option 'prefix' in [quantity.count]; allowed: case, digits, per_only, counter, per, line, noun_before, heads, group"},
      {"[quantity.count]\nrequest : requests, , req\n", "q.rules:2:20: error: empty literal"},
      {"[quantity.count]\nrequest : requests {case\n",
       "q.rules:2:20: error: unclosed '{' in the options of 'requests'"},
      {"[quantity.count]\nrequest : requests {case} x\n", "q.rules:2:26: error: unexpected text after '}'"},
      {"[quantity.count]\nrequest : requests {per}\n", "q.rules:2:21: error: option 'per' needs a value: per=…"},
      {"[quantity.count]\nrequest : requests {case=yes}\n", "q.rules:2:21: error: option 'case' takes no value"},
      {"[quantity.count]\nrequest :\n", "q.rules:2:10: error: no literals after ':'"},
      {"[quantity.count]\nRequest : requests\n",
       "q.rules:2:1: error: name 'Request' must be lower-case ASCII letters, digits, spaces or '_'"},
      {"[quantity.unit]\nkb = 1e3 : KB\n",
       "q.rules:1:1: error: block [quantity.unit] needs the lower-case unit it measures, as in [quantity.unit byte]"},
      {"[quantity.count people]\nperson : 人\n", "q.rules:1:1: error: block [quantity.count] takes no argument"},
      {"[quantity.scale]\nlots : k\n", "q.rules:2:1: error: bad factor 'lots': expected a number such as 1e6 or 0.001"},
      {"[quantity.word]\n0.5 : 半分\n", "q.rules:2:1: error: expected 'value unit' before ':', as in '0.5 倍 : 半分'"},
      {"[quantity.word]\nhalf 倍 : 半分\n", "q.rules:2:1: error: bad value 'half': expected a number such as 0.5"},
      {"[quantity.word]\n0.5 倍 : 半分\n",
       "q.rules:2:5: error: unknown unit '倍' in a number word; define it in a [quantity.unit] or [quantity.count] block"},
      {"[quantity.qualifier]\napprox around : 約\n", "q.rules:2:1: error: expected 'name before' or 'name after' before ':'"},
      {"[quantity.rate]\nbetween : /\n", "q.rules:2:1: error: expected 'after', 'before' or 'word NAME' before ':'"},
      {"[quantity.rate]\nbefore : あたり {day}\n",
       "q.rules:2:21: error: unknown option 'day' in [quantity.rate]; allowed: case, time, not_after"},
      {"[quantity.rate]\nword week : 週 {not_after}\n", "q.rules:2:18: error: option 'not_after' needs a value: not_after=…"},
      {"[quantity.unit byte]\nkb = 1e3 : KB {per=Second}\n", "q.rules:2:16: error: per name 'Second' must be lower-case ASCII"},
      {"[quantity.veto]\n  (abc\n", "q.rules:2:3: error: bad pattern '(abc': missing ): (abc"},
      {"[quantity.duration_pair]\nhour m : min\n",
       "q.rules:2:1: error: expected 'larger smaller' before ':', one ASCII letter each, as in 'h m : min'"},
      {"[quantity.duration_pair]\nh m : minute\n",
       "q.rules:2:7: error: unknown unit 'minute' in a duration pair; define it in a [quantity.unit second] block"},
      {"[quantity.unit byte]\nkb = 1e3 : KB\n[quantity.duration_pair]\nh m : KB\n",
       "q.rules:4:7: error: unit 'KB' of a duration pair is no duration; use a literal of [quantity.unit second]"},
      {"[quantity.duration_pair]\nh m : min, sec\n", "q.rules:2:12: error: expected one unit after ':', as in 'h m : min'"},
      {"[quantity.duration_pair]\nh m : min {case}\n", "q.rules:2:12: error: the unit of a duration pair takes no options"},
  };
  for (const Bad& bad : kBad) {
    bool compiled = true;
    const std::vector<std::string> messages = CompileMessages(bad.text, &compiled);
    INFO(bad.text);
    REQUIRE(messages.size() == 1);
    CHECK(messages[0] == bad.message);
    CHECK_FALSE(compiled);
  }
}

TEST_CASE("every malformed quantity line is reported at once", "[quantity]") {
  const std::vector<std::string> messages =
      CompileMessages("[quantity.count]\nrequest requests\nevent : events {x}\n[quantity.veto]\n(\n");
  REQUIRE(messages.size() == 3);
  CHECK(messages[0] == "q.rules:2:1: error: missing ':' between the head and the literals");
  CHECK(messages[2].rfind("q.rules:5:1: error: bad pattern '(': ", 0) == 0);
}

TEST_CASE("a quantity literal defined twice is a warning and the first definition wins", "[quantity]") {
  bool compiled = false;
  const std::vector<std::string> messages =
      CompileMessages("[quantity.count]\nrequest : requests\nevent : requests\n", &compiled);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0] ==
        "q.rules:3:9: warning: literal 'requests' is already defined at q.rules:2:11; the first definition is used");
  CHECK(compiled);
}

TEST_CASE("quantity rules from a small inline file drive the parser", "[quantity]") {
  std::vector<RuleDiagnostic> diagnostics;
  const std::vector<RuleBlock> blocks = ParseRuleText(
      "[quantity.unit byte]\nkb = 1e3 : KB\n[quantity.count]\nwidget : widgets, ウィジェット\n"
      "[quantity.rate]\nafter : /\n[quantity.unit second]\nday = 86400 : day\n",
      "inline.rules", diagnostics);
  const auto parser = QuantityParser::Compile(blocks, diagnostics);
  REQUIRE(diagnostics.empty());
  REQUIRE(parser != nullptr);
  CheckMatches("3KB/day と 5 widgets", parser->Find("3KB/day と 5 widgets"),
               "3KB/day|3000|byte|day ; 5 widgets|5|widget|");
  CHECK(parser->Find("5MB").empty());
}

TEST_CASE("two-part durations come from the duration_pair block", "[quantity]") {
  const std::string units =
      "[quantity.unit second]\nsecond = 1 : sec, s {case, digits}\nminute = 60 : min, m {case, digits}\n"
      "hour = 3600 : h {case}\n";
  const auto compile = [](const std::string& text, std::vector<std::string>& messages) {
    std::vector<RuleDiagnostic> diagnostics;
    auto parser = QuantityParser::Compile(ParseRuleText(text, "q.rules", diagnostics), diagnostics);
    for (const RuleDiagnostic& d : diagnostics) messages.push_back(d.ToString());
    return parser;
  };
  std::vector<std::string> messages;
  const auto with_pairs = compile(units + "[quantity.duration_pair]\nh m : min\nH M : min\n", messages);
  REQUIRE(with_pairs != nullptr);
  CHECK(messages.empty());
  CheckMatches("1h30m", with_pairs->Find("1h30m"), "1h30m|5400|second|");
  CheckMatches("2H14M", with_pairs->Find("2H14M"), "2H14M|8040|second|");  // a pair the code never knew
  CHECK(with_pairs->Find("2H14m").empty());  // letters compare as written
  const auto without = compile(units, messages);
  REQUIRE(without != nullptr);
  CHECK(without->Find("1h30m").empty());  // a letter touching the number and read by nothing

  messages.clear();
  const auto twice = compile(units + "[quantity.duration_pair]\nh m : min\nh s : sec\n", messages);
  REQUIRE(twice != nullptr);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0] == "q.rules:7:1: warning: duration pair for 'h' is already defined at q.rules:6:1; the first definition is used");
}

}  // namespace
}  // namespace kgx
