// Prices over time: Wright's law on cumulative mass, a dated schedule, and launch capacity from flights per year
// (docs/models/logistics.md "Prices over time").
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/core/constants.hpp"
#include "kardashev/logistics/price_path.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::logistics;

const epoch t2026 = epoch::from_utc_iso("2026-01-01");
const epoch t2027 = epoch::from_utc_iso("2027-01-01");
const epoch t2028 = epoch::from_utc_iso("2028-01-01");
constexpr double year_s = constants::julian_year_s;

TEST(price_path, learning_price_falls_by_the_learning_rate_per_doubling_of_cumulative_mass) {
    const price_path suncatcher{};  // 1800 USD/kg at 400 t, LR 20 %
    EXPECT_NEAR(price_at(suncatcher, t2026, 400e3), 1800.0, 1e-9);
    EXPECT_NEAR(price_at(suncatcher, t2026, 800e3), 1440.0, 1e-9);
    EXPECT_NEAR(price_at(suncatcher, t2026, 1600e3), 1152.0, 1e-9);
    // The date does not move a learning price: only the mass does.
    EXPECT_EQ(price_at(suncatcher, t2028, 800e3), price_at(suncatcher, t2026, 800e3));
}

TEST(price_path, learning_price_reaches_200_usd_per_kg_near_368_kt) {
    const price_path suncatcher{};
    EXPECT_GT(price_at(suncatcher, t2026, 360.0e6), 200.0);
    EXPECT_LT(price_at(suncatcher, t2026, 376.0e6), 200.0);
}

TEST(price_path, schedule_price_steps_on_its_dates_whatever_the_mass) {
    price_path fixed;
    fixed.model = price_model::schedule;
    fixed.price_usd_per_kg = {{t2026, 3600.0}, {t2028, 200.0}};
    EXPECT_EQ(price_at(fixed, t2027, 1.0), 3600.0);
    EXPECT_EQ(price_at(fixed, t2027, 1e12), 3600.0);
    EXPECT_EQ(price_at(fixed, t2028, 1.0), 200.0);
    EXPECT_EQ(price_at(fixed, epoch::from_utc_iso("2025-01-01"), 1.0), 0.0);
}

TEST(price_path, other_mass_integrates_a_piecewise_constant_rate_over_an_interval) {
    const std::vector<dated_value> rate{{t2027, 1000.0e3 / year_s}, {t2028, 3000.0e3 / year_s}};
    EXPECT_EQ(integral_between(rate, t2026, t2027), 0.0);  // before the first point
    const double first_year = (t2028 - t2027).seconds() / year_s * 1000.0e3;
    EXPECT_NEAR(integral_between(rate, t2026, t2028), first_year, 1e-6);
    const epoch mid = t2028 + duration::from_days(100);
    EXPECT_NEAR(integral_between(rate, t2027, mid), first_year + 100.0 * 86400.0 / year_s * 3000.0e3, 1e-6);
}

TEST(price_path, launch_capacity_is_flights_in_the_interval_times_payload) {
    const std::vector<dated_value> flights{{t2026, 25.0 / year_s}};
    const epoch week = t2026 + duration::from_days(7);
    EXPECT_NEAR(launch_capacity_kg(100e3, flights, t2026, week), 25.0 * 7.0 * 86400.0 / year_s * 100e3, 1e-6);
    EXPECT_EQ(launch_capacity_kg(100e3, {}, t2026, week), 0.0);
}

}  // namespace
