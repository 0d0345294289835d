// Algorithmic progress in the engine (docs/models/sim.md "Algorithmic progress"): each step's FLOP counts as
// effective FLOP at the multiplier 2^((t - start)/h) of its midpoint (Ho et al. 2024), and a generation's loss
// comes from its effective FLOP.
#include <gtest/gtest.h>

#include "support/compute_fixtures.hpp"
#include "support/sim_scenarios.hpp"

#include "support/sim_series.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/fleet/scaling_law.hpp"
#include "kardashev/sim/engine.hpp"

namespace {

using kardashev::testing::test_accelerator;

using kardashev::testing::series;

using namespace kardashev;

/// One ground site of 10,000 accelerators of 1 PFLOP/s, a large corpus: compute binds; 100-day generations.
sim::scenario progress_scenario(double halving_days) {
    sim::scenario s = kardashev::testing::one_site_scenario("progress");
    s.training.algorithmic_progress = {halving_days > 0.0, halving_days * 86'400.0};
    return s;
}

TEST(algorithmic_progress, off_makes_effective_flop_equal_physical_flop) {
    const auto r = sim::run(progress_scenario(0.0));
    ASSERT_EQ(r.summary.generations.size(), 3u);
    for (const auto& g : r.summary.generations) EXPECT_EQ(g.effective_flop, g.flop);
    for (const double m : series(r, "training", "algorithmic_multiplier")) EXPECT_EQ(m, 1.0);
}

TEST(algorithmic_progress, effective_flop_sums_each_steps_flop_times_its_midpoint_multiplier) {
    const double h_days = 120.0;
    const auto s = progress_scenario(h_days);
    const auto r = sim::run(s);
    const double per_day = 10'000 * 1e15 * s.training.mfu * s.training.goodput * 86'400.0;
    for (int k = 0; k < 2; ++k) {
        double expected = 0.0;
        for (int day = 0; day < 100; ++day) expected += per_day * std::exp2((100.0 * k + day + 0.5) / h_days);
        const auto& g = r.summary.generations[static_cast<std::size_t>(k)];
        EXPECT_NEAR(g.flop / (100 * per_day), 1.0, 1e-12);
        EXPECT_NEAR(g.effective_flop / expected, 1.0, 1e-12) << "generation " << k + 1;
    }
}

TEST(algorithmic_progress, the_multiplier_doubles_in_exactly_one_halving_time) {
    const auto m = series(sim::run(progress_scenario(10.0)), "training", "algorithmic_multiplier");
    ASSERT_EQ(m.size(), 365u);
    EXPECT_DOUBLE_EQ(m[0], std::exp2(0.05));  // midpoint of the first day
    EXPECT_DOUBLE_EQ(m[19] / m[9], 2.0);
    EXPECT_DOUBLE_EQ(m[109] / m[9], 1024.0);
}

TEST(algorithmic_progress, generation_loss_is_the_data_limited_optimum_of_its_effective_flop) {
    const auto s = progress_scenario(240.0);
    const auto r = sim::run(s);
    const auto law = fleet::chinchilla_law::of(s.training.scaling_law);
    for (const auto& g : r.summary.generations) {
        const auto a = fleet::data_limited_optimal(law, g.effective_flop, g.unique_tokens, s.corpus);
        EXPECT_DOUBLE_EQ(g.loss, a.loss);
        EXPECT_DOUBLE_EQ(g.params, a.params);
        EXPECT_GT(g.effective_flop, g.flop);
    }
}

TEST(algorithmic_progress, shorter_halving_time_lowers_the_last_generations_loss) {
    const double month_days = 365.25 / 12.0;
    const auto fast = sim::run(progress_scenario(5.0 * month_days));
    const auto slow = sim::run(progress_scenario(14.0 * month_days));
    const auto off = sim::run(progress_scenario(0.0));
    EXPECT_LT(fast.summary.generations.back().loss, slow.summary.generations.back().loss);
    EXPECT_LT(slow.summary.generations.back().loss, off.summary.generations.back().loss);
}

TEST(algorithmic_progress, a_data_limited_generation_gains_less_from_the_multiplier) {
    // With a corpus far below the compute-optimal D, the extra effective compute can only go into N.
    auto rich = progress_scenario(60.0), poor = progress_scenario(60.0);
    poor.corpus.initial_unique_tokens = 1e9;
    auto rich_off = rich, poor_off = poor;
    rich_off.training.algorithmic_progress.enabled = poor_off.training.algorithmic_progress.enabled = false;
    const auto gain = [](const sim::scenario& on, const sim::scenario& off) {
        return sim::run(off).summary.generations.back().loss - sim::run(on).summary.generations.back().loss;
    };
    const double rich_gain = gain(rich, rich_off), poor_gain = gain(poor, poor_off);
    EXPECT_GT(poor_gain, 0.0);
    EXPECT_LT(poor_gain, rich_gain);
}

TEST(algorithmic_progress, records_the_effective_flop_of_the_generation_in_training) {
    const auto r = sim::run(progress_scenario(120.0));
    const auto effective = series(r, "training", "effective_flop_accumulated");
    const auto physical = series(r, "training", "flop_accumulated");
    const auto m = series(r, "training", "algorithmic_multiplier");
    ASSERT_EQ(effective.size(), physical.size());
    // Day 51 of the first generation: the effective sum lies between the physical one x the first and last multipliers.
    EXPECT_GT(effective[50], physical[50] * m[0]);
    EXPECT_LT(effective[50], physical[50] * m[50]);
}

}  // namespace
