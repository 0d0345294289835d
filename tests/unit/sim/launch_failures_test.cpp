// Launch failures (src/sim/launch_failures.cpp, docs/models/sim.md "Launch": failures): a launcher's flights deliver
// with its reliability r; `failures: expected` loses the share 1 - r of the payload, `drawn` a binomial draw of the
// stream "launch/NAME" of the run seed. Lost accelerators are paid for, spend capacity and are never in service.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/sim/engine.hpp"
#include "kardashev/sim/run_cache.hpp"
#include "support/sim_scenarios.hpp"
#include "support/compute_fixtures.hpp"
#include "support/sim_series.hpp"

namespace {

using namespace kardashev;
using kardashev::testing::series;

/// An orbit site planning 1,000 test accelerators from the second weekly step, five steps, one launcher of 1 t per
/// flight with `reliability` and more flights than the build-out fills, fixed launch and spacecraft prices, no
/// hardware failures: only launch failures take accelerators away, and the build-out replaces them.
sim::scenario one_launcher(double reliability, sim::failure_mode mode, std::uint64_t seed) {
    auto s = kardashev::testing::one_orbit_site_scenario("sat", 1'000, duration::from_days(7), mode, seed);
    s.step = duration::from_days(7);
    s.length = duration::from_days(35);
    s.sites[0].power_capacity_w = {{s.start, 1'000 * 1'000.0 * 1.2}};
    logistics::launcher vehicle{"L", 1'000.0, 1e6, 1e6, "test"};
    vehicle.reliability = reliability;
    s.launch.launchers = {{vehicle, {{s.start, 1e6 / constants::julian_year_s}}}};
    return s;
}

/// The lost mass of a drawn run of seed `seed`; the runs share their orbit's year of eclipses (sim::run_cache).
double lost_kg(std::uint64_t seed) {
    static sim::run_cache cache;
    return sim::run(one_launcher(0.9, sim::failure_mode::drawn, seed), {false, &cache}).summary.launch_lost_mass_kg;
}

TEST(launch_failures, expected_mode_loses_exactly_the_unreliable_share_of_each_steps_payload) {
    const auto r = sim::run(one_launcher(0.9, sim::failure_mode::expected, 1));
    const auto installed = series(r, "site/sat", "accelerators");
    ASSERT_EQ(installed.size(), 5u);
    // Step 1 launches 1,000 and loses 10 % of them; each later step re-buys what was lost and loses 10 % of that:
    // 900, 990, 999, 999.9 in service.
    EXPECT_EQ(installed[0], 0.0);
    EXPECT_NEAR(installed[1], 900.0, 1e-9);
    EXPECT_NEAR(installed[2], 990.0, 1e-9);
    EXPECT_NEAR(installed[3], 999.0, 1e-9);
    EXPECT_NEAR(installed[4], 999.9, 1e-9);
    EXPECT_NEAR(r.summary.sites[0].launch_lost_accelerators, 100.0 + 10.0 + 1.0 + 0.1, 1e-9);
    // The lost mass and flights are 10 % of what was launched and flown, every step.
    const auto launched = series(r, "launch", "launched_mass_cumulative");
    const auto lost = series(r, "launch", "lost_mass_cumulative");
    const auto flights = series(r, "launch", "launches_cumulative");
    const auto failed = series(r, "launch", "failures_cumulative");
    ASSERT_EQ(lost.size(), launched.size());
    for (std::size_t k = 0; k < lost.size(); ++k) {
        EXPECT_NEAR(lost[k], 0.1 * launched[k], 1e-9 * launched[k]) << k;
        EXPECT_NEAR(failed[k], 0.1 * flights[k], 1e-9 * flights[k]) << k;
    }
    EXPECT_GT(launched.back(), 0.0);
    EXPECT_NEAR(r.summary.launch_lost_mass_kg, lost.back(), 0.0);
    // Lost payload is paid for: the capex is the reliable run's times 1 + 0.1 + 0.01 + 0.001 (the re-buys).
    const auto reliable = sim::run(one_launcher(1.0, sim::failure_mode::expected, 1));
    EXPECT_NEAR(r.summary.sites[0].capex_usd / reliable.summary.sites[0].capex_usd, 1.111, 1e-9);
}

TEST(launch_failures, a_reliability_of_one_changes_nothing_in_either_mode) {
    const auto expected = sim::run(one_launcher(1.0, sim::failure_mode::expected, 1));
    const auto drawn = sim::run(one_launcher(1.0, sim::failure_mode::drawn, 7));
    EXPECT_EQ(expected.summary, drawn.summary);
    EXPECT_EQ(expected.summary.launch_lost_mass_kg, 0.0);
    EXPECT_EQ(expected.summary.launch_failed_flights, 0.0);
    for (double v : series(expected, "launch", "lost_mass_cumulative")) EXPECT_EQ(v, 0.0);
    const auto installed = series(expected, "site/sat", "accelerators");
    EXPECT_NEAR(installed.back(), 1'000.0, 1e-9);
}

TEST(launch_failures, one_seed_gives_one_run_and_seeds_differ) {
    const auto a = sim::run(one_launcher(0.9, sim::failure_mode::drawn, 1));
    const auto b = sim::run(one_launcher(0.9, sim::failure_mode::drawn, 1));
    EXPECT_EQ(a.summary, b.summary);
    EXPECT_EQ(a.record.events(), b.record.events());
    EXPECT_NE(lost_kg(1), lost_kg(2));
    // A draw with whole flights failed is an event of the launcher.
    bool any_event = false;
    for (const auto& e : a.record.events()) any_event = any_event || (e.kind == "launch_failure" && e.entity == "launcher/L");
    EXPECT_TRUE(any_event);
}

TEST(launch_failures, the_mean_over_seeds_is_the_expected_loss) {
    // Each step's failed flights are Binomial(flights, 0.1); the losses are re-bought, so the run's lost mass is a
    // sum of such draws with mean the expected path's. Its variance is about flights x 0.1 x 0.9 x (1 t)^2 over the
    // run's flights (the re-buys add ~10 %; allow 1.5x). 200 seeds, 4 standard errors.
    const auto expected = sim::run(one_launcher(0.9, sim::failure_mode::expected, 1)).summary;
    const int seeds = 200;
    double sum = 0.0;
    for (int seed = 0; seed < seeds; ++seed) sum += lost_kg(5000 + static_cast<std::uint64_t>(seed));
    const double flights = expected.launch_failed_flights / 0.1;
    const double variance = 1.5 * flights * 0.1 * 0.9 * 1'000.0 * 1'000.0;
    EXPECT_NEAR(sum / seeds, expected.launch_lost_mass_kg, 4.0 * std::sqrt(variance / seeds));
    EXPECT_GT(flights, 10.0);  // enough flights that the draw is not all or nothing
}

}  // namespace
