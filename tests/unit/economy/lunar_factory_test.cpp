// The lunar factory (economy/lunar_factory.hpp; docs/models/logistics.md "Lunar factory").
#include <gtest/gtest.h>

#include "kardashev/core/error.hpp"
#include "kardashev/economy/lunar_factory.hpp"

namespace {

using namespace kardashev;

economy::lunar_factory factory() {
    economy::lunar_factory f;
    f.satellite_kg_per_accelerator = 40.0;
    f.accelerator_kg = 16.3;
    f.accelerators_per_satellite = 20.0;
    f.plant_mean_power_w = 1e12;
    f.delivery_price_usd_per_kg = 1000.0;
    return f;
}

TEST(lunar_factory, more_regolith_ships_less_from_earth_per_accelerator) {
    auto f = factory();
    f.regolith_share = 0.2;
    const auto low = economy::run_lunar_factory(f, 1000.0, 86400.0);
    f.regolith_share = 0.5;
    const auto high = economy::run_lunar_factory(f, 1000.0, 86400.0);
    EXPECT_EQ(low.accelerators, high.accelerators);
    EXPECT_LT(high.earth_mass_kg, low.earth_mass_kg);
    EXPECT_LT(high.earth_kg_per_accelerator, low.earth_kg_per_accelerator);
    EXPECT_LT(high.delivery_usd, low.delivery_usd);
    EXPECT_NEAR(high.earth_kg_per_accelerator, 40.0 * 0.5, 1e-9);
}

TEST(lunar_factory, chips_always_come_from_earth) {
    auto f = factory();
    f.regolith_share = 1.0;  // asks for everything from regolith
    const auto s = economy::run_lunar_factory(f, 10.0, 86400.0);
    EXPECT_NEAR(s.earth_kg_per_accelerator, 16.3, 1e-9);
    EXPECT_NEAR(s.regolith_share, 1.0 - 16.3 / 40.0, 1e-12);
}

TEST(lunar_factory, meets_a_small_plan_and_counts_satellites) {
    const auto s = economy::run_lunar_factory(factory(), 100.0, 86400.0);
    EXPECT_EQ(s.limit, economy::lunar_limit::plan);
    EXPECT_DOUBLE_EQ(s.accelerators, 100.0);
    EXPECT_DOUBLE_EQ(s.satellites, 5.0);
    EXPECT_DOUBLE_EQ(s.it_power_w, 100.0 * 1400.0);
    EXPECT_DOUBLE_EQ(s.launched_mass_kg, 4000.0);
}

TEST(lunar_factory, earth_shipments_bind_when_smallest) {
    auto f = factory();
    f.earth_shipments_kg_per_s = 1e-3;  // 86.4 kg a day
    const auto s = economy::run_lunar_factory(f, 1000.0, 86400.0);
    EXPECT_EQ(s.limit, economy::lunar_limit::earth_shipments);
    EXPECT_NEAR(s.earth_mass_kg, 86.4, 1e-9);
}

TEST(lunar_factory, rejects_a_satellite_lighter_than_its_accelerator) {
    auto f = factory();
    f.satellite_kg_per_accelerator = 10.0;
    EXPECT_THROW(economy::run_lunar_factory(f, 1.0, 1.0), input_error);
    f = factory();
    f.regolith_share = 1.5;
    EXPECT_THROW(economy::run_lunar_factory(f, 1.0, 1.0), input_error);
}

}  // namespace
