// Straight-line depreciation, the capital charge, cost per accelerator-hour, and Sagan's Kardashev index.
#include <gtest/gtest.h>

#include "support/error_message.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/economy/cost.hpp"
#include "kardashev/energy/facility.hpp"

namespace {

using namespace kardashev;

using kardashev::testing::domain_error_message;

constexpr double year_s = constants::julian_year_s;

TEST(cost, depreciation_is_straight_line) {
    EXPECT_DOUBLE_EQ(economy::depreciation_usd(1e6, 5 * year_s, year_s), 2e5);
    EXPECT_DOUBLE_EQ(economy::depreciation_usd(1e6, 5 * year_s, 0.0), 0.0);
    // Daily charges over the life add up to the capital cost.
    double total = 0.0;
    const double life = 4 * 365 * 86400.0;
    for (int day = 0; day < 4 * 365; ++day) total += economy::depreciation_usd(41'700.0, life, 86400.0);
    EXPECT_NEAR(total, 41'700.0, 1e-6);
}

TEST(cost, cost_per_accelerator_hour_adds_depreciation_and_opex) {
    EXPECT_DOUBLE_EQ(economy::cost_per_accelerator_hour(600.0, 400.0, 500.0), 2.0);
    EXPECT_DOUBLE_EQ(economy::cost_per_accelerator_hour(600.0, 400.0, 0.0), 0.0);
}

TEST(cost, h100_hour_costs_depreciation_plus_energy) {
    // One H100 for a year: 41,700 USD over 5 years, 1.4 kW all-in at PUE 1.2 and 0.08 USD/kWh.
    // By hand: 41,700 / (5 x 8766 h) = 0.9514 USD/h; 1.4 x 1.2 x 0.08 = 0.1344 USD/h; total 1.0858.
    const double dep = economy::depreciation_usd(41'700.0, 5 * year_s, year_s);
    const double opex = energy::energy_cost_usd(energy::facility_power_w(1400.0, 1.2), year_s,
                                                0.08 / constants::joules_per_kwh);
    const double hours = year_s / 3600.0;
    EXPECT_NEAR(economy::cost_per_accelerator_hour(dep, opex, hours), 0.9514 + 0.1344, 1e-4);
}

TEST(cost, capital_charge_is_interest_on_the_book_value_and_sums_to_r_capex_life_over_two) {
    // One year at 10 % on 41,700 USD of book value: 4,170 USD.
    EXPECT_NEAR(economy::capital_charge_usd(41'700.0, 0.10, constants::julian_year_s), 4'170.0, 1e-9);
    EXPECT_EQ(economy::capital_charge_usd(41'700.0, 0.0, 86'400.0), 0.0);
    // Daily on a straight-line declining balance over 5 Julian years: r x capex x (life + dt) / 2 (book at each day's
    // start), i.e. 0.1 x 41,700 x (5 + 1/365.25) / 2 = 10,430.7 USD.
    const double life_s = 5.0 * constants::julian_year_s, dt_s = 86'400.0;
    double book = 41'700.0, charged = 0.0;
    for (int day = 0; day < 1826 && book > 1e-9; ++day) {
        charged += economy::capital_charge_usd(book, 0.10, dt_s);
        book -= economy::depreciation_usd(41'700.0, life_s, std::min(dt_s, book / 41'700.0 * life_s));
    }
    EXPECT_NEAR(charged, 0.1 * 41'700.0 * (5.0 + 1.0 / 365.25) / 2.0, 1.0);
    EXPECT_EQ(domain_error_message([] { (void)economy::capital_charge_usd(1.0, -0.1, 1.0); }),
              "economy: expected a non-negative cost of capital [1/yr], got -0.1");
}

TEST(cost, kardashev_index_follows_sagans_interpolation) {
    EXPECT_NEAR(economy::kardashev_index(1e6), 0.0, 1e-15);
    EXPECT_NEAR(economy::kardashev_index(1e16), 1.0, 1e-15);
    EXPECT_NEAR(economy::kardashev_index(1e26), 2.0, 1e-15);
    EXPECT_NEAR(economy::kardashev_index(1e36), 3.0, 1e-15);
    // One decade of power is a tenth of a type.
    EXPECT_NEAR(economy::kardashev_index(3e13) - economy::kardashev_index(3e12), 0.1, 1e-14);
    // A 1 GW campus: K = 0.3.
    EXPECT_NEAR(economy::kardashev_index(1e9), 0.3, 1e-15);
}

TEST(cost, bad_inputs_are_domain_errors) {
    EXPECT_EQ(domain_error_message([] { economy::kardashev_index(0.0); }),
              "economy: expected a positive power [W] for the Kardashev index, got 0");
    EXPECT_EQ(domain_error_message([] { economy::kardashev_index(-5.0); }),
              "economy: expected a positive power [W] for the Kardashev index, got -5");
    EXPECT_EQ(domain_error_message([] { economy::depreciation_usd(1.0, 0.0, 1.0); }),
              "economy: expected a positive depreciation life [s], got 0");
    EXPECT_EQ(domain_error_message([] { economy::depreciation_usd(-1.0, 1.0, 1.0); }),
              "economy: expected a non-negative capital cost [USD], got -1");
    EXPECT_EQ(domain_error_message([] { economy::cost_per_accelerator_hour(1.0, 1.0, -1.0); }),
              "economy: expected a non-negative accelerator-hour count, got -1");
}

}  // namespace

namespace {

TEST(cost, levelised_accelerator_hour_on_the_ground) {
    // An H100-class part: 41,700 USD over 5 years, a 1.5 kW share of a 12 USD/W hall that lasts 15 years,
    // 0.146 USD of energy an hour: 41,700 / 43,830 h + 18,000 / 3 / 43,830 h + 0.146.
    economy::accelerator_unit unit{41'700.0, 18'000.0, 15 * year_s, 5 * year_s, 0.0, 1.0, 0.146};
    const double hours = 5 * year_s / 3600.0;
    EXPECT_NEAR(economy::levelised_accelerator_hour_usd(unit), (41'700.0 + 6'000.0) / hours + 0.146, 1e-12);
    // A facility that dies with the part is carried whole.
    unit.facility_life_s = unit.life_s;
    EXPECT_NEAR(economy::levelised_accelerator_hour_usd(unit), (41'700.0 + 18'000.0) / hours + 0.146, 1e-12);
}

TEST(cost, levelised_accelerator_hour_off_world_counts_failures_and_sunlight) {
    economy::accelerator_unit unit{20'000.0, 30'000.0, 5 * year_s, 5 * year_s, 0.0, 1.0, 0.0};
    const double whole = economy::levelised_accelerator_hour_usd(unit);
    unit.usable_share = 0.5;  // half the hours: twice the capital per hour
    EXPECT_NEAR(economy::levelised_accelerator_hour_usd(unit), 2.0 * whole, 1e-9 * whole);
    unit.usable_share = 1.0;
    unit.failure_rate_per_s = 0.09 / year_s;  // 9 %/yr: expected life (1 - e^-0.45) / 0.09 yr = 4.05 yr
    const double expected_years = -std::expm1(-0.45) / 0.09;
    EXPECT_NEAR(economy::levelised_accelerator_hour_usd(unit), whole * 5.0 / expected_years, 1e-9 * whole);
    EXPECT_GT(economy::levelised_accelerator_hour_usd(unit), whole);
}

TEST(cost, levelised_accelerator_hour_rejects_bad_units) {
    economy::accelerator_unit unit{1.0, 1.0, year_s, year_s, 0.0, 0.0, 0.0};
    EXPECT_THROW((void)economy::levelised_accelerator_hour_usd(unit), kardashev::domain_error);
    unit.usable_share = 1.0;
    unit.life_s = 0.0;
    EXPECT_THROW((void)economy::levelised_accelerator_hour_usd(unit), kardashev::domain_error);
}

}  // namespace

namespace {

TEST(cost, levelised_accelerator_hour_adds_the_interest_on_a_straight_line_book) {
    // 10 %/yr over 5 years on a straight-line book: r L / 2 = 25 % on top of the price; the hall's share at
    // 15 years: 75 % on top.
    economy::accelerator_unit unit{40'000.0, 18'000.0, 15 * year_s, 5 * year_s, 0.0, 1.0, 0.0, 0.10};
    const double hours = 5 * year_s / 3600.0;
    EXPECT_NEAR(economy::levelised_accelerator_hour_usd(unit), (40'000.0 * 1.25 + 6'000.0 * 1.75) / hours, 1e-9);
    unit.cost_of_capital_per_year = 0.0;
    EXPECT_NEAR(economy::levelised_accelerator_hour_usd(unit), (40'000.0 + 6'000.0) / hours, 1e-12);
}

}  // namespace
