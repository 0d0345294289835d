// Solar arrays, batteries, lunar night storage: equations and exact error messages.
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/energy/battery.hpp"
#include "kardashev/energy/lunar.hpp"
#include "kardashev/energy/solar_array.hpp"
#include "support/error_message.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::energy;
using kardashev::testing::domain_error_message;
using kardashev::testing::error_message;

solar_array one_m2() {
    solar_array a;
    a.area_m2 = 1.0;
    return a;
}

TEST(solar_array, irradiance_follows_the_inverse_square_of_the_sun_distance) {
    EXPECT_DOUBLE_EQ(solar_irradiance_w_per_m2(astronomical_unit_m), 1361.0);
    EXPECT_NEAR(solar_irradiance_w_per_m2(2.0 * astronomical_unit_m), 1361.0 / 4.0, 1e-9);
}

TEST(solar_array, irradiance_in_early_january_is_near_perihelion) {
    const double s = solar_irradiance_at(epoch::from_utc_iso("2026-01-03"));
    EXPECT_NEAR(s, 1407.0, 2.0);  // perihelion 0.9833 AU
    EXPECT_NEAR(solar_irradiance_at(epoch::from_utc_iso("2026-07-05")), 1316.0, 2.0);
}

TEST(solar_array, degradation_compounds_per_year) {
    auto a = one_m2();
    a.degradation_per_year = 0.1;
    const double p0 = array_power_w(a, 1361.0);
    EXPECT_NEAR(array_power_w(a, 1361.0, 2.0 * constants::julian_year_s) / p0, 0.81, 1e-12);
}

TEST(solar_array, incidence_scales_power_by_its_cosine) {
    auto a = one_m2();
    a.incidence_rad = constants::pi / 3.0;
    EXPECT_NEAR(array_power_w(a, 1361.0), 1361.0 * 0.22 * 0.9 * 0.5, 1e-9);
}

TEST(solar_array, mass_is_beginning_of_life_power_over_specific_power) {
    auto a = one_m2();
    a.area_m2 = 105.0;
    EXPECT_NEAR(array_mass_kg(a), 105.0 * 1361.0 * 0.22 * 0.9 / 59.0, 1e-9);
}

TEST(solar_array, bad_inputs_give_exact_messages) {
    auto a = one_m2();
    a.cell_efficiency = 1.2;
    EXPECT_EQ(error_message<input_error>([&] { array_power_w(a, 1361.0); }),
              "solar array: expected a cell efficiency in (0, 1], got 1.2");
    a = one_m2();
    a.incidence_rad = constants::pi / 2.0;
    EXPECT_EQ(error_message<input_error>([&] { array_power_w(a, 1361.0); }),
              "solar array: expected an incidence angle below 90 deg, got 90 deg");
    EXPECT_EQ(domain_error_message([&] { array_area_for_power_m2(1e3, one_m2(), 0.0); }),
              "solar array: no sunlight reaches the cells, so no area gives the power asked for");
    EXPECT_EQ(error_message<input_error>([] { solar_irradiance_w_per_m2(-1.0); }),
              "solar irradiance: expected a positive Sun distance [m], got -1");
}

TEST(battery, capacity_carries_the_load_through_the_dark_at_its_depth_of_discharge) {
    battery b;
    b.round_trip_efficiency = 1.0;
    // 1 MW for 19.7 min at 50 % DoD: 656.7 kWh nameplate (spacedc.md 8.1: ~4 kg/kW at 150 Wh/kg).
    const double c = battery_capacity_j(1e6, 19.7 * 60.0, b);
    EXPECT_NEAR(c / 3.6e6, 656.67, 0.01);
    EXPECT_NEAR(battery_mass_kg(c, b) / 1e3, 4.378, 0.001);
    EXPECT_NEAR(battery_deliverable_j(c, b), 1e6 * 19.7 * 60.0, 1e-3);
}

TEST(battery, losses_split_between_charge_and_discharge) {
    battery b;  // eta_rt 0.9
    const double c = battery_capacity_j(1e3, 3600.0, b);
    EXPECT_NEAR(battery_deliverable_j(c, b), 1e3 * 3600.0, 1e-6);
    EXPECT_NEAR(c, 3.6e6 / (0.5 * std::sqrt(0.9)), 1e-6);
}

TEST(battery, recharge_power_refills_the_eclipse_energy_over_the_lit_arc) {
    battery b;
    // SMAD eq. 11-5: extra array power = P T_e / (T_d eta_rt).
    EXPECT_NEAR(recharge_power_w(1e3, 1200.0, 4800.0, b), 1e3 * 1200.0 / (4800.0 * 0.9), 1e-9);
    EXPECT_EQ(recharge_power_w(1e3, 0.0, 0.0, b), 0.0);
    EXPECT_EQ(domain_error_message([&] { recharge_power_w(1e3, 10.0, 0.0, b); }),
              "battery: no sunlit time to recharge in; the site is always dark");
}

TEST(battery, a_battery_that_cannot_ride_through_the_eclipse_is_an_error) {
    battery b;
    EXPECT_NO_THROW(check_ride_through(battery_capacity_j(1e6, 1170.0, b), 1e6, 1170.0, b));
    EXPECT_EQ(domain_error_message([&] { check_ride_through(100e3 * 3600.0, 1e6, 1170.0, b); }),
              "battery: 100 kWh at 50 % depth of discharge delivers 47.43 kWh; the dark period needs 325 kWh "
              "(1 MW for 19.5 min)");
    battery bad;
    bad.depth_of_discharge = 0.0;
    EXPECT_EQ(error_message<input_error>([&] { battery_capacity_j(1e3, 10.0, bad); }),
              "battery: expected a depth of discharge in (0, 1], got 0");
}

TEST(lunar, equatorial_night_is_half_a_synodic_month) {
    const auto s = lunar_equatorial_site(0.0);
    EXPECT_NEAR(s.longest_night_s / 86400.0, 14.765, 0.001);
    EXPECT_EQ(s.sunlit_fraction, 0.5);
    EXPECT_EQ(domain_error_message([] { lunar_equatorial_site(85.0 * constants::pi / 180.0); }),
              "lunar site: latitude 85 deg is beyond the equatorial model (|latitude| <= 80 deg); describe a polar "
              "site by its illumination fraction and longest night");
}

TEST(lunar, polar_ridge_is_validated_between_86_and_96_percent) {
    const auto s = lunar_polar_ridge(0.92, 4.0 * 86400.0);
    EXPECT_NEAR(s.lit_before_night_s / 86400.0, 46.0, 1e-9);
    EXPECT_EQ(domain_error_message([] { lunar_polar_ridge(0.99, 86400.0); }),
              "lunar site: polar ridge illumination 99 % is outside the published 86-96 % (Bussey 2010; Glaser 2014)");
}

TEST(lunar, night_storage_for_one_megawatt_through_the_equatorial_night) {
    battery b;
    b.round_trip_efficiency = 1.0;
    b.depth_of_discharge = 1.0;
    // 1 MW x 14.77 d = 354.4 MWh.
    EXPECT_NEAR(lunar_night_storage_j(1e6, lunar_equatorial_site(0.0), b) / 3.6e9, 354.4, 0.1);
}

}  // namespace
