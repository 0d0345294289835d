// `kardashev run --set` on the default scenario's model lines (docs/models/fleet.md "Model lines", docs/flywheel.md
// "Model lines"): the data loop reaches each line's models. Robotaxis without quality feedback change the driving
// line's later generations; humanoids uploading twice the share of their data bring the robotics line's models
// forward; the robotics line is data-bound for a substantial part of the run; the language line's unique text stays
// within Epoch AI's stock; the company's corpus, compute, models and binding are its lines'.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"
#include "support/run_summary.hpp"

namespace {

using kardashev::testing::run_cli;
using kardashev::testing::run_summary;
using kardashev::testing::slurp;
using kardashev::testing::temp_root;
namespace fs = std::filesystem;

const nlohmann::json& line_named(const nlohmann::json& summary, const std::string& name) {
    for (const auto& line : summary["lines"])
        if (line["name"] == name) return line;
    throw std::runtime_error("no line " + name);
}

/// The release date of the first of `line`'s models whose quality reaches `quality`; "" when none does.
std::string first_release_reaching(const nlohmann::json& line, double quality) {
    for (const auto& g : line["generations"])
        if (g["quality"].get<double>() >= quality) return g["released_utc"].get<std::string>();
    return "";
}

TEST(lines_cli, robotaxis_without_quality_feedback_change_the_driving_lines_later_generations) {
    const auto root = temp_root("lines_elasticity");
    const auto base = run_summary(root / "base", "");
    const auto flat = run_summary(root / "flat", "--set 'fleet.cohorts[1].quality_elasticity=0'");
    ASSERT_EQ(flat["inputs"]["fleet"]["cohorts"][1]["name"], "robotaxis");
    const auto& before = line_named(base, "driving")["generations"];
    const auto& after = line_named(flat, "driving")["generations"];
    ASSERT_EQ(before.size(), after.size());
    ASSERT_GE(before.size(), 10u);
    const auto last = before.size() - 1;
    // Fewer robotaxis upload fewer clips: a smaller corpus and a worse model.
    EXPECT_LT(after[last]["unique_tokens"].get<double>(), before[last]["unique_tokens"].get<double>());
    EXPECT_GT(after[last]["loss"].get<double>(), before[last]["loss"].get<double>());
    EXPECT_LT(after[last]["quality"].get<double>(), before[last]["quality"].get<double>());
    fs::remove_all(root);
}

TEST(lines_cli, doubling_the_humanoid_upload_fraction_brings_the_robotics_models_forward) {
    const auto root = temp_root("lines_upload");
    const auto base = run_summary(root / "base", "");
    const auto more = run_summary(root / "more", "--set 'fleet.cohorts[2].upload_fraction=10 %'");
    ASSERT_EQ(more["inputs"]["fleet"]["cohorts"][2]["name"], "humanoids");
    const auto& before = line_named(base, "robotics")["generations"];
    ASSERT_GE(before.size(), 10u);
    ASSERT_EQ(line_named(more, "robotics")["generations"].size(), before.size());
    // The model the default releases at its 6th generation is matched or beaten earlier with twice the upload.
    const double target = before[5]["quality"].get<double>();
    const auto base_date = first_release_reaching(line_named(base, "robotics"), target);
    const auto more_date = first_release_reaching(line_named(more, "robotics"), target);
    ASSERT_FALSE(more_date.empty());
    EXPECT_LT(more_date, base_date);  // ISO dates order as text
    fs::remove_all(root);
}

TEST(lines_cli, default_robotics_is_data_bound_and_language_stays_within_epochs_stock) {
    const auto root = temp_root("lines_default");
    const auto s = run_summary(root / "run", "");
    const auto& robotics = line_named(s, "robotics");
    const double steps = s["steps"].get<double>();
    // Substantial: at least a third of the run's steps.
    EXPECT_GE(robotics["binding_steps"]["data"].get<double>(), steps / 3.0) << robotics["binding_steps"].dump();
    const auto& language = line_named(s, "language");
    EXPECT_LE(language["final_unique_tokens"].get<double>(), 300e12);  // Epoch AI's central stock (Villalobos et al. 2024)
    for (const auto& line : s["lines"]) EXPECT_FALSE(line["generations"].empty()) << line["name"];
    fs::remove_all(root);
}

TEST(lines_cli, the_company_trains_as_the_sum_of_its_lines) {
    const auto root = temp_root("lines_company");
    const auto s = run_summary(root / "run", "");
    // The corpus is the lines' corpora together (the driving and robotics video, and the language line's text).
    double corpus = 0.0;
    for (const auto& line : s["lines"]) corpus += line["final_unique_tokens"].get<double>();
    EXPECT_NEAR(s["final_unique_tokens"].get<double>(), corpus, 1e-12 * corpus);
    // Every line releases with every generation in the default (cadence 1): a generation's effective compute,
    // parameters and tokens are its lines' models' sums (fixed shares summing to 100 %).
    const auto& generations = s["generations"];
    for (std::size_t k = 0; k < generations.size(); ++k) {
        double flop = 0.0, params = 0.0, tokens = 0.0;
        for (const auto& line : s["lines"]) {
            flop += line["generations"][k]["effective_flop"].get<double>();
            params += line["generations"][k]["params"].get<double>();
            tokens += line["generations"][k]["tokens"].get<double>();
        }
        EXPECT_NEAR(generations[k]["effective_flop"].get<double>(), flop, 1e-9 * flop) << k;
        EXPECT_NEAR(generations[k]["params"].get<double>(), params, 1e-9 * params) << k;
        EXPECT_NEAR(generations[k]["tokens"].get<double>(), tokens, 1e-9 * tokens) << k;
    }
    // The company's binding constraint is the one of the line with the most compute (language, 60 %).
    EXPECT_EQ(s["binding_steps"], line_named(s, "language")["binding_steps"]);
    // Data aside, power and money bind the supply of compute, every step named once.
    std::int64_t supply = 0;
    for (const auto& [name, steps] : s["supply_binding_steps"].items()) supply += steps.get<std::int64_t>();
    EXPECT_EQ(supply, s["steps"].get<std::int64_t>());
    EXPECT_GT(s["supply_binding_steps"]["money"].get<int>(), 0);
    // Without lines the single company model trains on every cohort's tokens and data binds only part of the run.
    const auto single = run_summary(root / "single", "--set 'fleet.lines=[]'");
    EXPECT_FALSE(single.contains("lines")) << "no lines, no `lines` in summary.json";
    const auto& bound = single["binding_steps"];
    EXPECT_LT(bound["data"].get<int>() + bound["bandwidth"].get<int>(), single["steps"].get<int>());
    EXPECT_GT(single["final_unique_tokens"].get<double>(), s["final_unique_tokens"].get<double>());
    fs::remove_all(root);
}

TEST(lines_cli, the_marginal_rule_spends_the_same_compute_split_by_the_objective) {
    const auto root = temp_root("lines_marginal");
    // Serving off in both: serving's share of the accelerators follows the fleet, which follows each line's quality,
    // so with serving on the two runs train on slightly different compute (2e-6 apart in the default).
    const std::string no_serving = "--set 'money.serving_max_share=0 %' ";
    const auto fixed = run_summary(root / "fixed", no_serving);
    const auto marginal = run_summary(root / "marginal", no_serving + "--set 'fleet.allocation=marginal'");
    double fixed_total = 0.0, marginal_total = 0.0;
    for (const auto& line : fixed["lines"]) fixed_total += line["total_effective_flop"].get<double>();
    for (const auto& line : marginal["lines"]) marginal_total += line["total_effective_flop"].get<double>();
    // Fixed shares sum to 100 % in the default, and the marginal rule hands out every chunk.
    EXPECT_NEAR(marginal_total, fixed_total, 1e-9 * fixed_total);
    // The robotics line serves the largest market per unit of quality (1e8 humanoids x elasticity 3), so the rule
    // gives it more than its fixed 15 %.
    EXPECT_GT(line_named(marginal, "robotics")["total_effective_flop"].get<double>(), 0.15 * marginal_total);
    fs::remove_all(root);
}

}  // namespace
