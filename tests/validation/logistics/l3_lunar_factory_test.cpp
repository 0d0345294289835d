// Source: VALIDATION.md L3 (NASA SP-413 1 Mt/yr baseline; O'Neill/SSI 1976 60 % efficiency), through the lunar
// factory (economy/lunar_factory.hpp): a factory whose plan asks for more than 1 Mt/yr launches 31.7 kg/s, at
// 89.5 MW kinetic and ~149 MW electric, and the driver's rate is the limit that binds.
#include <gtest/gtest.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/economy/lunar_factory.hpp"

namespace {

using namespace kardashev;

TEST(l3_lunar_factory, one_mt_per_year_through_the_factory) {
    economy::lunar_factory f;
    f.satellite_kg_per_accelerator = 100.0;  // any design: the driver's figures are per kg
    f.driver.launch_speed_m_s = logistics::escape_speed_m_s();
    f.plant_mean_power_w = 1e12;  // ample
    const double year = constants::julian_year_s;
    const auto s = economy::run_lunar_factory(f, 1e9, year);  // a plan of 1e11 kg: above 1 Mt
    EXPECT_EQ(s.limit, economy::lunar_limit::driver_rate);
    EXPECT_NEAR(s.driver_throughput_kg_per_s, 31.7, 0.05);
    EXPECT_NEAR(s.launched_mass_kg / 1e9, 1.0, 1e-9);
    // Kinetic power: throughput x v^2 / 2 = 89.5 MW (+- 0.1: the published figure rounds v to 2.38 km/s).
    EXPECT_NEAR(s.driver_power_w * f.driver.efficiency / 1e6, 89.5, 0.1);
    // Electric at 60 %: 149 MW (+- 1 MW).
    EXPECT_NEAR(s.driver_power_w / 1e6, 149.1, 1.0);
    EXPECT_NEAR(s.accelerators, 1e9 / 100.0, 1e-3);
}

TEST(l3_lunar_factory, a_plant_below_149_mw_binds_before_the_driver) {
    economy::lunar_factory f;
    f.satellite_kg_per_accelerator = 100.0;
    f.driver.launch_speed_m_s = logistics::escape_speed_m_s();
    f.plant_mean_power_w = 100e6;  // two thirds of what 1 Mt/yr draws
    const auto s = economy::run_lunar_factory(f, 1e9, constants::julian_year_s);
    EXPECT_EQ(s.limit, economy::lunar_limit::plant_power);
    EXPECT_NEAR(s.driver_power_w, 100e6, 1.0);
    EXPECT_LT(s.driver_throughput_kg_per_s, 31.7 * 0.7);
}

}  // namespace
