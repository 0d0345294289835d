// Fleet cohorts: exact logistic growth (Verhulst 1838), quality feedback on market size, upload demand.
#include <gtest/gtest.h>

#include "support/error_message.hpp"

#include <cmath>
#include <string>

#include "kardashev/core/error.hpp"
#include "kardashev/fleet/cohort.hpp"

namespace {

using namespace kardashev;

using kardashev::testing::domain_error_message;

constexpr double year_s = 365.25 * 86400.0;

// The closed form as printed in Verhulst's solution, N(t) = K / (1 + (K/N0 - 1) e^{-r t}).
double closed_form(double n0, double k, double r, double t) { return k / (1.0 + (k / n0 - 1.0) * std::exp(-r * t)); }

TEST(cohort, logistic_step_matches_the_closed_form) {
    const double k = 2e7;
    const double r = 0.4 / year_s;
    for (const double n0 : {1.0, 1.1e6, 1e7, 1.9e7}) {
        for (const double t : {0.0, 86400.0, year_s, 10 * year_s, 100 * year_s}) {
            EXPECT_NEAR(fleet::logistic_step(n0, k, r, t), closed_form(n0, k, r, t), 1e-12 * k)
                << "n0 = " << n0 << ", t = " << t;
        }
    }
}

TEST(cohort, daily_steps_compose_to_one_long_step) {
    // The exact solution has no step-size error: 3650 daily steps equal one ten-year step.
    const double k = 2e7;
    const double r = 0.4 / year_s;
    double n = 1.1e6;
    for (int i = 0; i < 3650; ++i) n = fleet::logistic_step(n, k, r, 86400.0);
    EXPECT_NEAR(n / fleet::logistic_step(1.1e6, k, r, 3650 * 86400.0), 1.0, 1e-11);
}

TEST(cohort, logistic_step_agrees_with_a_fine_euler_integration) {
    // Forward Euler on dN/dt = r N (1 - N/K) with 10^6 steps over r t = 4: global error O(h).
    const double k = 1e6;
    const double r = 1.0 / year_s;
    const double t = 4.0 * year_s;
    const int steps = 1'000'000;
    const double h = t / steps;
    double n = 1e4;
    for (int i = 0; i < steps; ++i) n += h * r * n * (1.0 - n / k);
    EXPECT_NEAR(fleet::logistic_step(1e4, k, r, t) / n, 1.0, 1e-5);
}

TEST(cohort, logistic_curve_is_symmetric_about_half_the_cap) {
    // N(t* + s) + N(t* - s) = K around the inflection N(t*) = K/2: stepping K - N+ forward by s
    // must land on K/2 exactly.
    const double k = 5e5;
    const double r = 1.5 / year_s;
    const double s = 0.7 * year_s;
    const double n_plus = fleet::logistic_step(k / 2.0, k, r, s);
    const double n_minus = k - n_plus;
    EXPECT_NEAR(fleet::logistic_step(n_minus, k, r, s), k / 2.0, 1e-9 * k);
}

TEST(cohort, cohort_above_its_cap_decays_towards_it) {
    const double k = 1e6;
    const double r = 1.0 / year_s;
    double n = 2e6;
    double previous = n;
    for (int i = 0; i < 20; ++i) {
        n = fleet::logistic_step(n, k, r, 0.5 * year_s);
        EXPECT_LT(n, previous);
        EXPECT_GT(n, k);
        previous = n;
    }
    EXPECT_NEAR(n, k, 1e-3 * k);
    EXPECT_NEAR(fleet::logistic_step(2e6, k, r, year_s), closed_form(2e6, k, r, year_s), 1e-9 * k);
}

TEST(cohort, fixed_points_stay_put) {
    EXPECT_DOUBLE_EQ(fleet::logistic_step(0.0, 1e6, 1e-7, 1e9), 0.0);
    EXPECT_DOUBLE_EQ(fleet::logistic_step(1e6, 1e6, 1e-7, 1e9), 1e6);
    EXPECT_DOUBLE_EQ(fleet::logistic_step(3e5, 1e6, 0.0, 1e9), 3e5);
    EXPECT_DOUBLE_EQ(fleet::logistic_step(0.0, 0.0, 1e-7, 1e9), 0.0);  // a dormant cohort with no market
}

TEST(cohort, logistic_step_rejects_bad_inputs) {
    EXPECT_EQ(domain_error_message([] { fleet::logistic_step(10.0, 0.0, 1e-7, 1.0); }),
              "fleet: expected a positive market size, got 0");
    EXPECT_EQ(domain_error_message([] { fleet::logistic_step(0.0, -1.0, 1e-7, 1.0); }),
              "fleet: expected a non-negative market size, got -1");
    EXPECT_EQ(domain_error_message([] { fleet::logistic_step(-1.0, 1e6, 1e-7, 1.0); }),
              "fleet: expected a non-negative unit count, got -1");
    EXPECT_EQ(domain_error_message([] { fleet::logistic_step(1.0, 1e6, -1e-7, 1.0); }),
              "fleet: expected a non-negative growth rate [1/s], got -1e-07");
    EXPECT_EQ(domain_error_message([] { fleet::logistic_step(1.0, 1e6, 1e-7, -1.0); }),
              "fleet: expected a non-negative time step [s], got -1");
}

const epoch t0 = epoch::from_utc_iso("2026-01-01");

fleet::cohort cars() {
    fleet::cohort c;
    c.name = "cars";
    c.kind = fleet::cohort_kind::vehicle;
    c.units = 1.1e6;
    c.market_size = {{t0, 2e7}};
    c.growth_rate_per_s = {{t0, 0.4 / year_s}};
    c.raw_bytes_per_unit_s = {{t0, 25e9 / 3600.0}};
    c.upload_fraction = {{t0, 0.002}};
    c.curation_yield = {{t0, 0.3}};
    c.tokens_per_byte = 0.002;
    c.quality_elasticity = 2.0;
    return c;
}

TEST(cohort, market_size_grows_linearly_with_quality) {
    const auto c = cars();
    EXPECT_DOUBLE_EQ(fleet::market_size(c, t0, 0.0), 2e7);
    EXPECT_DOUBLE_EQ(fleet::market_size(c, t0, 0.5), 4e7);
    EXPECT_DOUBLE_EQ(fleet::market_size(c, t0, 0.25), 3e7);
    EXPECT_EQ(domain_error_message([&] { fleet::market_size(c, t0, 1.5); }),
              "fleet: expected model quality in [0, 1], got 1.5");
}

TEST(cohort, quality_is_the_share_of_reducible_loss_removed) {
    // L_ref = 2.2, E = 1.8172: a loss of 2.0 removes (0.2)/(0.3828) of the reducible loss.
    EXPECT_NEAR(fleet::quality_from_loss(2.0, 2.2, 1.8172), 0.2 / 0.3828, 1e-12);
    EXPECT_DOUBLE_EQ(fleet::quality_from_loss(2.2, 2.2, 1.8172), 0.0);
    EXPECT_DOUBLE_EQ(fleet::quality_from_loss(2.5, 2.2, 1.8172), 0.0);  // worse than the reference
    const double at_floor = fleet::quality_from_loss(1.8172, 2.2, 1.8172);
    EXPECT_LT(at_floor, 1.0);
    EXPECT_GT(at_floor, 1.0 - 1e-15);
    EXPECT_LT(fleet::quality_from_loss(1.0, 2.2, 1.8172), 1.0);  // below E (impossible under the law): still < 1
}

TEST(cohort, quality_needs_a_reference_above_the_floor) {
    EXPECT_EQ(domain_error_message([] { fleet::quality_from_loss(2.0, 1.5, 1.8172); }),
              "fleet: expected a reference loss above the irreducible loss 1.8172, got 1.5");
    EXPECT_EQ(domain_error_message([] { fleet::quality_from_loss(0.0, 2.2, 1.8172); }),
              "fleet: expected a positive loss, got 0");
}

TEST(cohort, upload_demand_is_units_times_raw_rate_times_upload_fraction) {
    const auto c = cars();
    // 1.1e6 cars x 25 GB/h x 0.2 % = 55 TB/h.
    EXPECT_NEAR(fleet::upload_demand_bytes_per_s(c, t0, 1.1e6), 1.1e6 * 25e9 / 3600.0 * 0.002, 1e-3);
    EXPECT_NEAR(fleet::upload_demand_bytes_per_s(c, t0, 1.1e6) * 3600.0, 55e12, 1e3);
    EXPECT_DOUBLE_EQ(fleet::upload_demand_bytes_per_s(c, t0, 0.0), 0.0);
    auto bad = c;
    bad.upload_fraction = {{t0, 1.2}};
    EXPECT_EQ(domain_error_message([&] { fleet::upload_demand_bytes_per_s(bad, t0, 1.0); }),
              "fleet: expected upload fraction in [0, 1], got 1.2");
}

}  // namespace
