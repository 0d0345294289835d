// Radiator fluxes, heat pump work, exact messages for radiators that cannot reject heat.
#include <gtest/gtest.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/energy/radiator.hpp"
#include "support/error_message.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::energy;
using kardashev::testing::domain_error_message;
using kardashev::testing::error_message;

TEST(radiator, a_sunlit_face_absorbs_alpha_times_the_irradiance) {
    radiator r;
    thermal_environment e;
    e.solar_projection = 1.0;
    const auto f = radiator_flux_per_m2(r, e);
    EXPECT_NEAR(f.absorbed_solar, 0.15 * 1361.0, 1e-9);
    EXPECT_NEAR(f.net, f.emitted - f.absorbed_solar, 1e-9);
}

TEST(radiator, earth_infrared_uses_the_emissivity_by_kirchhoff_unless_given) {
    radiator r;
    thermal_environment e;
    e.planet_view_factor = 0.5;
    e.planet_temperature_k = 254.0;
    const double sigma_t4 = constants::stefan_boltzmann * 254.0 * 254.0 * 254.0 * 254.0;
    EXPECT_NEAR(radiator_flux_per_m2(r, e).absorbed_planet_ir, 0.9 * 0.5 * sigma_t4, 1e-9);
    r.ir_absorptivity = 0.2;
    EXPECT_NEAR(radiator_flux_per_m2(r, e).absorbed_planet_ir, 0.2 * 0.5 * sigma_t4, 1e-9);
}

TEST(radiator, earth_olr_of_237_w_per_m2_is_254_k) {
    EXPECT_NEAR(planet_temperature_from_olr_k(237.0), 254.3, 0.1);
}

TEST(radiator, a_plate_too_cold_to_reject_heat_is_an_error) {
    radiator r;
    r.temperature_k = 200.0;
    thermal_environment e;
    e.solar_projection = 1.0;
    EXPECT_EQ(domain_error_message([&] { radiator_area_m2(1e3, r, e); }),
              "radiator: at 200 K the plate emits 163.3 W/m2 and absorbs 204.2 W/m2, so it cannot reject heat; raise "
              "its temperature or shade it");
}

TEST(radiator, bad_plates_give_exact_messages) {
    radiator r;
    r.faces = 3;
    EXPECT_EQ(error_message<input_error>([&] { radiator_flux_per_m2(r, {}); }),
              "radiator: expected 1 or 2 radiating faces, got 3");
    r = radiator{};
    r.emissivity = 0.0;
    EXPECT_EQ(error_message<input_error>([&] { radiator_flux_per_m2(r, {}); }),
              "radiator: expected an emissivity in (0, 1], got 0");
}

TEST(heat_pump, work_is_the_heat_over_the_carnot_cop_fraction) {
    // Lift 1 MW from 330 K to 400 K at half of Carnot: W = Q (Th - Tc) / (f Tc) = 1e6 x 70 / 165 = 424.2 kW.
    EXPECT_NEAR(heat_pump_work_w(1e6, 330.0, 400.0, 0.5), 424'242.4, 0.1);
    EXPECT_EQ(heat_pump_work_w(1e6, 330.0, 320.0, 0.5), 0.0);
}

TEST(heat_pump, raising_the_radiator_from_293_to_333_k_gains_67_percent_flux) {
    // Starcloud white paper: a heat pump to 60 C gives +67 % (T^4).
    radiator cold;
    cold.temperature_k = 293.15;
    radiator hot = cold;
    hot.temperature_k = 333.15;
    const thermal_environment e;
    EXPECT_NEAR(radiator_flux_per_m2(hot, e).emitted / radiator_flux_per_m2(cold, e).emitted, 1.67, 0.005);
}

}  // namespace
