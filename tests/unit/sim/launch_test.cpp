// The launch stage: launch price by Wright's law through the engine (VALIDATION.md L2), off-world costs from the
// design at the step's prices, and launch capacity as a binding constraint (docs/models/sim.md "Launch").
#include <gtest/gtest.h>

#include "support/compute_fixtures.hpp"

#include "support/sim_series.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/logistics/launcher.hpp"
#include "kardashev/sim/engine.hpp"

namespace {

using kardashev::testing::test_accelerator;

using kardashev::testing::series;

using namespace kardashev;
using sim::constraint;

constexpr double year_s = constants::julian_year_s;

/// An orbit site planning `accelerators` from the start, ten years at a one-week step, a large corpus.
sim::scenario orbit_run(double accelerators) {
    sim::scenario s;
    s.name = "launch";
    s.start = epoch::from_utc_iso("2026-01-01");
    s.length = duration::from_days(3640);
    s.step = duration::from_days(7);
    s.corpus.initial_unique_tokens = 1e15;
    s.training.generation_length = duration::from_days(364);
    s.training.release_gap = duration::from_days(14);
    s.training.reference_loss = 2.5;
    s.training.algorithmic_progress.enabled = false;  // data must not bind: this file tests launch
    sim::site site;
    site.name = "sat";
    site.kind = sim::site_kind::orbit;
    site.accel = test_accelerator();
    site.planned_accelerators = {{s.start + duration::from_days(7), accelerators}};
    site.power_capacity_w = {{s.start, accelerators * 1000.0 * 1.2}};
    site.facility.pue = 1.0;
    site.facility.energy_price_usd_per_j = 0.0;
    s.sites.push_back(site);
    return s;
}

std::int64_t steps_bound_by(const sim::run_result& r, constraint c) {
    return r.summary.binding_steps[static_cast<std::size_t>(c)];
}

TEST(launch, l2_the_price_reaches_200_usd_per_kg_at_368_kt_of_cumulative_mass) {
    // VALIDATION.md L2 (Suncatcher sec. 2.4, 4.4): 1800 USD/kg at 400 t, LR 20 %, from 400 t; others launch
    // Suncatcher's ~37,000 t a year (~180 flights of 200 t), and the company its orbit site's mass.
    auto s = orbit_run(20'000);
    s.launch.price = {logistics::price_model::learning, {1800.0, 400e3, 0.20}, 400e3, {{s.start, 37.0e6 / year_s}}, {}};
    const auto r = sim::run(s);
    const auto price = series(r, "launch", "price");
    const auto world = series(r, "launch", "world_mass_cumulative");
    const auto own = series(r, "launch", "launched_mass_cumulative");
    ASSERT_EQ(price.size(), world.size());
    EXPECT_NEAR(price.front(), 1800.0, 1e-9);
    std::size_t first = price.size();
    for (std::size_t k = 0; k < price.size(); ++k) {
        if (k > 0) {
            EXPECT_LE(price[k], price[k - 1]) << "cumulative mass only grows";
        }
        if (first == price.size() && price[k] <= 200.0) first = k;
    }
    ASSERT_LT(first, price.size()) << "the run never reaches 200 USD/kg";
    EXPECT_NEAR(world[first] / 368'000e3, 1.0, 0.05);  // +-5 % (a week of others' mass is 0.2 %)
    EXPECT_GT(own.back(), 0.0);  // the company's satellites count towards the curve
    EXPECT_NEAR(world.back() - own[own.size() - 2], 400e3 + 37.0e6 * (3640.0 - 7.0) * 86400.0 / year_s, 1e3);
}

TEST(launch, a_fixed_3600_usd_per_kg_keeps_orbit_accelerator_hours_dearer_than_the_learning_curve) {
    auto learning = orbit_run(2'000);
    learning.sites[0].planned_accelerators = {{learning.start + duration::from_days(7), 1'000},
                                              {learning.start + duration::from_days(7 * 260), 2'000}};
    learning.launch.price.other_mass_kg_per_s = {{learning.start, 37.0e6 / year_s}};
    auto fixed = learning;
    fixed.launch.price = {logistics::price_model::schedule, {}, 0.0, {}, {{fixed.start, 3600.0}}};
    const auto cheap = sim::run(learning).summary.sites[0];
    const auto dear = sim::run(fixed).summary.sites[0];
    EXPECT_GT(dear.cost_per_accelerator_hour_usd, 1.2 * cheap.cost_per_accelerator_hour_usd);
    EXPECT_GT(dear.capex_usd, cheap.capex_usd);
}

TEST(launch, few_flights_a_year_cut_the_orbit_build_out_and_launch_binds) {
    auto s = orbit_run(100'000);
    const logistics::launcher starship{"Starship V3", 100e3, 10e6, 25.0, "test"};
    s.launch.launchers = {{starship, {{s.start, 1.0 / year_s}}}};  // one flight a year: ~1.9 t a week
    const auto r = sim::run(s);
    EXPECT_GT(steps_bound_by(r, constraint::launch), 500);
    const auto installed = series(r, "site/sat", "accelerators");
    EXPECT_LT(installed.back(), 100'000.0);
    // What the build-out launched never exceeds the flights' payload (1 flight a year x 100 t).
    const auto own = series(r, "launch", "launched_mass_cumulative");
    EXPECT_LE(own.back(), 100e3 * 3640.0 / 365.25 * (1.0 + 1e-9));
    EXPECT_GT(own.back(), 0.9 * 100e3 * 3633.0 / 365.25);
    for (double share : series(r, "launch", "capacity_used_share")) EXPECT_LE(share, 1.0 + 1e-9);

    s.launch.launchers[0].flights_per_s = {{s.start, 10'000.0 / year_s}};
    EXPECT_EQ(steps_bound_by(sim::run(s), constraint::launch), 0);
}

TEST(launch, off_world_capex_per_accelerator_follows_the_step_launch_price) {
    auto s = orbit_run(1'000);
    s.launch.price = {logistics::price_model::schedule, {}, 0.0, {}, {{s.start, 3600.0}}};
    s.spacecraft.price = {logistics::price_model::schedule, {}, 0.0, {}, {{s.start, 1000.0}}};
    const auto at_3600 = sim::run(s).summary.sites[0].capex_usd;
    s.launch.price.price_usd_per_kg = {{s.start, 200.0}};
    const auto at_200 = sim::run(s).summary.sites[0].capex_usd;
    s.spacecraft.price.price_usd_per_kg = {{s.start, 500.0}};
    const auto cheaper_craft = sim::run(s).summary.sites[0].capex_usd;
    EXPECT_GT(at_3600, at_200);
    EXPECT_GT(at_200, cheaper_craft);
    EXPECT_GT(cheaper_craft, 1'000 * 20'000.0);  // the accelerators themselves
}

}  // namespace
