// Failures and checkpoints: Young 1974, Daly 2006, and the seeded Monte Carlo.
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/compute/reliability.hpp"
#include "kardashev/core/error.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::compute;

TEST(reliability, young_interval_is_the_square_root_of_twice_delta_m) {
    EXPECT_DOUBLE_EQ(young_interval_s(60.0, 10'000.0), std::sqrt(2.0 * 60.0 * 10'000.0));
}

TEST(reliability, daly_interval_is_close_to_young_for_small_checkpoints_and_m_for_large_ones) {
    EXPECT_NEAR(daly_interval_s(60.0, 1e4) / young_interval_s(60.0, 1e4), 1.0, 0.05);
    EXPECT_DOUBLE_EQ(daly_interval_s(3e4, 1e4), 1e4);
}

TEST(reliability, rare_failures_give_almost_full_goodput) {
    reliability_inputs in;
    in.accelerators = 8;
    const auto r = expected_reliability(in, 86400.0);
    EXPECT_GT(r.goodput, 0.99);
}

TEST(reliability, radiation_adds_interruptions_in_orbit_and_more_on_the_moon) {
    reliability_inputs in;
    in.accelerators = 10'000;
    const auto ground = expected_reliability(in, 30 * 86400.0);
    const auto rad = default_radiation(site_kind::orbit);
    in.upset_interrupt_rate_per_s = rad.upset_interrupt_rate_per_s;
    in.sdc_rate_per_s = rad.sdc_rate_per_s;
    const auto orbit = expected_reliability(in, 30 * 86400.0);
    const auto moon_rad = default_radiation(site_kind::moon);
    in.upset_interrupt_rate_per_s = moon_rad.upset_interrupt_rate_per_s;
    in.sdc_rate_per_s = moon_rad.sdc_rate_per_s;
    const auto moon = expected_reliability(in, 30 * 86400.0);
    EXPECT_LT(orbit.goodput, ground.goodput);
    EXPECT_LT(moon.goodput, orbit.goodput);
    EXPECT_GT(orbit.sdc_events, 0.0);
    EXPECT_EQ(ground.sdc_events, 0.0);
}

TEST(reliability, the_monte_carlo_is_a_function_of_its_seed) {
    reliability_inputs in;
    in.accelerators = 16'384;
    const auto a = monte_carlo_reliability(in, 10 * 86400.0, 50, 1);
    const auto b = monte_carlo_reliability(in, 10 * 86400.0, 50, 1);
    const auto c = monte_carlo_reliability(in, 10 * 86400.0, 50, 2);
    EXPECT_EQ(a.wall_mean_s, b.wall_mean_s);
    EXPECT_NE(a.wall_mean_s, c.wall_mean_s);
    EXPECT_LE(a.wall_p10_s, a.wall_mean_s);
    EXPECT_GE(a.wall_p90_s, a.wall_mean_s);
}

TEST(reliability, the_monte_carlo_mean_agrees_with_daly_within_two_percent) {
    reliability_inputs in;
    in.accelerators = 16'384;
    in.restart_s = 300.0;
    const auto e = expected_reliability(in, 30 * 86400.0);
    const auto mc = monte_carlo_reliability(in, 30 * 86400.0, 200, 3);
    EXPECT_NEAR(mc.wall_mean_s / e.wall_s, 1.0, 0.02);
}

TEST(reliability, zero_accelerators_is_a_domain_error) {
    reliability_inputs in;
    EXPECT_THROW(expected_reliability(in, 1.0), domain_error);
}

}  // namespace
