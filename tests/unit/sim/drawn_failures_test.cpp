// `failures: drawn` (src/sim/stage_buildout.cpp, docs/models/sim.md "Build-out": failures).
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/core/constants.hpp"
#include "kardashev/sim/engine.hpp"
#include "support/sim_scenarios.hpp"
#include "support/compute_fixtures.hpp"

namespace {

using namespace kardashev;

/// 10,000 accelerators of the test part in a 650 km dawn-dusk orbit for 30 days, power and prices never binding, 9 %/yr
/// failures replaced by the build-out.
sim::scenario failing_orbit(sim::failure_mode mode, std::uint64_t seed) {
    auto s = kardashev::testing::one_orbit_site_scenario("a", 10'000, duration::from_seconds(0.0), mode, seed);
    s.length = duration::from_days(30);
    s.sites[0].power_capacity_w = {{s.start, 20e6}};
    s.sites[0].failure_rate_per_s = 0.09 / constants::julian_year_s;
    return s;
}

double failed(sim::failure_mode mode, std::uint64_t seed) {
    return sim::run(failing_orbit(mode, seed)).summary.sites[0].failed_accelerators;
}

TEST(drawn_failures, one_seed_gives_one_run_and_seeds_differ) {
    const auto a = sim::run(failing_orbit(sim::failure_mode::drawn, 1));
    const auto b = sim::run(failing_orbit(sim::failure_mode::drawn, 1));
    EXPECT_EQ(a.summary.sites[0].failed_accelerators, b.summary.sites[0].failed_accelerators);
    EXPECT_EQ(a.summary.total_capex_usd, b.summary.total_capex_usd);
    EXPECT_NE(failed(sim::failure_mode::drawn, 1), failed(sim::failure_mode::drawn, 2));
    // Whole accelerators fail: the count is an integer (10,000 in service, replaced whole), to rounding.
    const double count = a.summary.sites[0].failed_accelerators;
    EXPECT_NEAR(count, std::round(count), 1e-6);
}

TEST(drawn_failures, the_expected_path_ignores_the_seed) {
    EXPECT_EQ(failed(sim::failure_mode::expected, 1), failed(sim::failure_mode::expected, 2));
}

TEST(drawn_failures, the_mean_over_seeds_is_the_expected_path) {
    // 30 daily draws of Binomial(10,000, p), p = 1 - exp(-lambda day): about 74 failures, variance about 74 (each
    // step's draw is independent, the build-out refills to 10,000). 200 seeds: standard error ~0.6; allow 4.
    const double expected = failed(sim::failure_mode::expected, 1);
    const int seeds = 200;
    double sum = 0.0;
    for (int seed = 0; seed < seeds; ++seed) sum += failed(sim::failure_mode::drawn, 1000 + static_cast<std::uint64_t>(seed));
    const double standard_error = std::sqrt(expected / seeds);
    EXPECT_NEAR(sum / seeds, expected, 4.0 * standard_error);
    EXPECT_NEAR(expected, 0.09 * 10'000 * 30 / 365.25, 1.0);
}

}  // namespace
