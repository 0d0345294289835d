// `kardashev plan`: the plan folder (plan.json, plan.yaml, report.html), plan.yaml running, --json, and the
// messages of a bad objective and an unbounded plan.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using kardashev::testing::run_cli;
using kardashev::testing::slurp;

const std::string campus = std::string(KD_TEST_DATA_DIR) + "/plan/one_campus.yaml";

TEST(plan_cli, writes_the_plan_folder_and_its_plan_yaml_runs) {
    const auto root = kardashev::testing::temp_root("plan");
    const auto o = run_cli("plan " + campus + " --out " + (root / "p").string() + " -q");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_NE(o.out.find("plan of one campus: compute"), std::string::npos) << o.out;
    for (const char* f : {"plan.json", "plan.yaml", "report.html"}) EXPECT_TRUE(fs::exists(root / "p" / f)) << f;
    const auto j = nlohmann::json::parse(slurp(root / "p" / "plan.json"));
    EXPECT_EQ(j["objective"]["kind"], "compute");
    EXPECT_EQ(j["periods"].size(), 2u);
    EXPECT_GT(j["sites"][0]["periods"][0]["bought"].get<double>(), 0.0);
    bool budget = false;
    for (const auto& p : j["shadow_prices"]) budget = budget || (p["kind"] == "budget" && p["binding"].get<bool>());
    EXPECT_TRUE(budget);
    EXPECT_NE(slurp(root / "p" / "report.html").find("kardashev plan: one campus"), std::string::npos);
    const auto run = run_cli("run " + (root / "p" / "plan.yaml").string() + " --out " + (root / "r").string() + " -q");
    EXPECT_EQ(run.code, 0) << run.err;
}

TEST(plan_cli, json_prints_plan_json) {
    const auto o = run_cli("plan " + campus + " --json");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_EQ(nlohmann::json::parse(o.out)["scenario"], "one campus");
}

TEST(plan_cli, an_unknown_objective_is_bad_input) {
    const auto o = run_cli("plan " + campus + " --objective speed");
    EXPECT_EQ(o.code, 2);
    EXPECT_NE(o.err.find("plan: --objective: expected compute, cost or weighted, got \"speed\""), std::string::npos) << o.err;
}

TEST(plan_cli, a_plan_without_a_budget_is_unbounded) {
    const auto o = run_cli("plan " + campus + " --set 'sites[0].power_capacity=[]' --set 'economy.capex_budget=[]'");
    EXPECT_EQ(o.code, 2);
    EXPECT_NE(o.err.find("plan: unbounded: nothing limits how much the plan buys:"), std::string::npos) << o.err;
}

}  // namespace
