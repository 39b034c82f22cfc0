// Moves in more than one step and moves onto something run on a system, read whole with the shipped
// rules: a chain's last system is migrated_to and every one before it migrated_from (a step between was
// moved to and left again: it is not where the company is now); a move to something no list names that
// runs on a known system ("Kubernetes 上の ephemeral env") is a move onto that system. Japanese and English.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/extractor/extract_support.h"

namespace {

using kgx::testing::RelationsIn;

const std::string kHeader = "# Mercari の事例\n\n";

// Checks that `found` (RelationsIn's) leaves Jaeger and X-Ray for Tempo: X-Ray, the step between, no target.
void LeavesJaegerAndXRayForTempo(const std::set<std::string>& found) {
  CHECK(found.count("company/mercari migrated_from technology/jaeger") == 1);
  CHECK(found.count("company/mercari migrated_from aws_service/aws-x-ray") == 1);
  CHECK(found.count("company/mercari migrated_to technology/tempo") == 1);
  CHECK(found.count("company/mercari migrated_to aws_service/aws-x-ray") == 0);
}

}  // namespace

TEST_CASE("a chain of moves drawn with arrows leaves every system but the last", "[chained_moves]") {
  for (const std::string line : {"- Mercari は Jaeger → X-Ray → Tempo に移行\n", "- Mercari は Jaeger -> X-Ray -> Tempo と移行してきた\n",
                                 "- トレーシングは Jaeger ⇒ X-Ray ⇒ Tempo へ移行した\n"}) {
    INFO(line);
    const auto found = RelationsIn(kHeader + line);
    LeavesJaegerAndXRayForTempo(found);
    // none of the chain is a data flow's use
    CHECK(found.count("company/mercari uses technology/jaeger") == 0);
  }
  // a two-step arrow leaves its first system too (it was a use of both before)
  const auto two = RelationsIn(kHeader + "- Mercari は Jenkins → GitHub Actions に移行\n");
  CHECK(two.count("company/mercari migrated_from technology/jenkins") == 1);
  CHECK(two.count("company/mercari migrated_to technology/github-actions") == 1);
  CHECK(two.count("company/mercari uses technology/jenkins") == 0);
}

TEST_CASE("a chain of moves in words leaves the step between", "[chained_moves]") {
  for (const std::string line : {"- Mercari moved from Jaeger to X-Ray and then to Tempo\n",
                                 "- Mercari migrated from Jaeger to X-Ray, then to Tempo\n",
                                 "- Mercari は Jaeger から X-Ray、さらに Tempo へ移行した\n",
                                 "- Mercari は Jaeger から X-Ray に移行し、その後 Tempo に移行した\n",
                                 "- Mercari は Jaeger から X-Ray、X-Ray から Tempo へ移行\n",
                                 "- Mercari は Jaeger → X-Ray、そして Tempo へ移行\n",
                                 "- Mercari switched from Jaeger to X-Ray, and later to Tempo\n"}) {
    INFO(line);
    LeavesJaegerAndXRayForTempo(RelationsIn(kHeader + line));
  }
  // four systems: the two between are both left
  for (const std::string line : {"- Mercari は Jenkins → CircleCI → Travis CI → GitHub Actions に移行\n",
                                 "- Mercari moved from Jenkins to CircleCI, then to Travis CI, and finally to GitHub Actions\n"}) {
    INFO(line);
    const auto four = RelationsIn(kHeader + line);
    CHECK(four.count("company/mercari migrated_from technology/circleci") == 1);
    CHECK(four.count("company/mercari migrated_from technology/travis-ci") == 1);
    CHECK(four.count("company/mercari migrated_to technology/travis-ci") == 0);
    CHECK(four.count("company/mercari migrated_to technology/github-actions") == 1);
  }
  const auto went = RelationsIn(kHeader + "- Mercari went from Jenkins to CircleCI to GitHub Actions\n");
  CHECK(went.count("company/mercari migrated_from technology/circleci") == 1);
  CHECK(went.count("company/mercari migrated_to technology/github-actions") == 1);
  // negative: a one-step move keeps its target, and so does one with a second target beside it, no step after it
  const auto one = RelationsIn(kHeader + "- Mercari moved from Jaeger to X-Ray\n");
  CHECK(one.count("company/mercari migrated_to aws_service/aws-x-ray") == 1);
  const auto beside = RelationsIn(kHeader + "- Mercari moved from Jenkins to GitHub Actions and to Argo CD\n");
  CHECK(beside.count("company/mercari migrated_to technology/github-actions") == 1);
  CHECK(beside.count("company/mercari migrated_from technology/github-actions") == 0);
}

TEST_CASE("a planned or compared chain is no move, and a data flow stays a use", "[chained_moves]") {
  const auto plan = RelationsIn(kHeader + "- Mercari は Jaeger → X-Ray → Tempo に移行する予定\n");
  CHECK(plan.count("company/mercari migrated_to technology/tempo") == 0);
  CHECK(plan.count("company/mercari migrated_from technology/jaeger") == 0);
  const auto will = RelationsIn(kHeader + "- Mercari will move from Jaeger to X-Ray and then to Tempo\n");
  CHECK(will.count("company/mercari migrated_to technology/tempo") == 0);
  CHECK(will.count("company/mercari migrated_from aws_service/aws-x-ray") == 0);
  // a data flow drawn with the same arrows is what the company runs
  const auto flow = RelationsIn(kHeader + "- Mercari: API Gateway → Lambda → DynamoDB\n");
  CHECK(flow.count("company/mercari uses aws_service/aws-lambda") == 1);
  CHECK(flow.count("company/mercari migrated_from aws_service/aws-lambda") == 0);
  CHECK(flow.count("company/mercari migrated_to aws_service/amazon-dynamodb") == 0);
}

TEST_CASE("a move to something run on a system is a move onto that system", "[chained_moves]") {
  for (const std::string line : {"- Mercari は Jenkins から Kubernetes 上の ephemeral env に移行した\n",
                                 "- Mercari は Kubernetes上のプレビュー環境へ移行した\n",
                                 "- Mercari moved from Jenkins to ephemeral envs on Kubernetes\n",
                                 "- Mercari migrated the review apps to ephemeral environments on top of Kubernetes\n",
                                 "- Mercari は Kubernetes 上で動く ephemeral env に移行した\n",
                                 "- Mercari は Kubernetes ベースの ephemeral env に移行した\n",
                                 "- Mercari moved to a Kubernetes-based platform\n"}) {
    INFO(line);
    CHECK(RelationsIn(kHeader + line).count("company/mercari migrated_to technology/kubernetes") == 1);
  }
  // a vendor's product left for it: the vendor's platform is what was left
  const auto heroku = RelationsIn(kHeader + "- Mercari は Heroku Review Apps から Kubernetes 上の ephemeral env に移行\n");
  CHECK(heroku.count("company/mercari migrated_from company/heroku") == 1);
  CHECK(heroku.count("company/mercari migrated_to technology/kubernetes") == 1);
  // a named thing on the system is the target itself, the system under it a use
  const auto named = RelationsIn(kHeader + "- Mercari は ECS から EKS 上の Argo CD に移行した\n");
  CHECK(named.count("company/mercari migrated_to technology/argo-cd") == 1);
  CHECK(named.count("company/mercari migrated_to aws_service/amazon-eks") == 0);
  // negative: a plan, a deploy that moves nothing, and people who came from a vendor
  CHECK(RelationsIn(kHeader + "- Mercari は Kubernetes 上の ephemeral env に移行する予定\n").count("company/mercari migrated_to technology/kubernetes") == 0);
  CHECK(RelationsIn(kHeader + "- Mercari will move to ephemeral envs on Kubernetes\n").count("company/mercari migrated_to technology/kubernetes") == 0);
  CHECK(RelationsIn(kHeader + "- Mercari will move to a Kubernetes-based platform\n").count("company/mercari migrated_to technology/kubernetes") == 0);
  CHECK(RelationsIn(kHeader + "- Mercari は Kubernetes 上の ephemeral env にデプロイしている\n").count("company/mercari migrated_to technology/kubernetes") == 0);
  CHECK(RelationsIn(kHeader + "- Mercari は Heroku から来た人が多い\n").count("company/mercari migrated_from company/heroku") == 0);
}

TEST_CASE("a vendor's platform left for a system is a move in English too", "[chained_moves]") {
  const auto heroku = RelationsIn(kHeader + "- Mercari moved from Heroku to Kubernetes\n");
  CHECK(heroku.count("company/mercari migrated_from company/heroku") == 1);
  CHECK(heroku.count("company/mercari migrated_to technology/kubernetes") == 1);
  const auto two = RelationsIn(kHeader + "- Mercari migrated away from Heroku to Kubernetes and AWS Fargate in 2023\n");
  CHECK(two.count("company/mercari migrated_to aws_service/aws-fargate") == 1);
  CHECK(two.count("company/mercari migrated_to technology/kubernetes") == 1);
  // negative: a person's job, a team named after a system, a plan
  CHECK(RelationsIn(kHeader + "- Jane moved from Google to Stripe\n").empty());
  const auto team = RelationsIn(kHeader + "- Mercari moved from Heroku to the Kubernetes team\n");
  CHECK(team.count("company/mercari migrated_to technology/kubernetes") == 0);
  CHECK(team.count("company/mercari migrated_from company/heroku") == 0);
  CHECK(RelationsIn(kHeader + "- Mercari will move from Heroku to Kubernetes\n").count("company/mercari migrated_from company/heroku") == 0);
}
