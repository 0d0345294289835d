// Source: Starcloud white paper "Why we should train AI in space" (v1.03, 2024), radiator budget, as reproduced in VALIDATION.md E2 and spacedc.md V3.
//
// 293.15 K, eps 0.92, alpha 0.09, 1366 W/m2 on one face, Earth view factor 0.25, albedo 0.30, Earth at
// 253.15 K: emitted 770.5, solar 122.9, Earth 14.5, net 633.1 W/m2 of plate. The white paper applies its
// solar absorptivity 0.09 to Earth's infrared as well; the model reproduces that with ir_absorptivity = 0.09
// (with Kirchhoff's law, alpha_ir = eps = 0.92, the Earth term is 62.8 W/m2 and the net 584.8 W/m2).
#include <gtest/gtest.h>

#include "kardashev/energy/radiator.hpp"

namespace {

using namespace kardashev::energy;

radiator starcloud_plate() {
    radiator r;
    r.faces = 2;
    r.emissivity = 0.92;
    r.absorptivity = 0.09;
    r.ir_absorptivity = 0.09;
    r.temperature_k = 293.15;
    return r;
}

thermal_environment starcloud_environment() {
    thermal_environment e;
    e.solar_irradiance_w_per_m2 = 1366.0;
    e.solar_projection = 1.0;
    e.planet_view_factor = 0.25;
    e.planet_albedo = 0.30;
    e.planet_temperature_k = 253.15;
    e.sink_temperature_k = 2.7;
    return e;
}

TEST(e2_starcloud_radiator, plate_at_20_c_nets_633_w_per_m2) {
    const auto f = radiator_flux_per_m2(starcloud_plate(), starcloud_environment());
    // Tolerance: +- 0.1 W/m2 on each term, half a unit of the published decimals; +- 1 W/m2 on the net (VALIDATION.md).
    EXPECT_NEAR(f.emitted, 770.5, 0.1);
    EXPECT_NEAR(f.absorbed_solar, 122.9, 0.1);
    EXPECT_NEAR(f.absorbed_albedo + f.absorbed_planet_ir, 14.5, 0.1);
    EXPECT_NEAR(f.net, 633.1, 1.0);
}

TEST(e2_starcloud_radiator, kirchhoff_earth_infrared_lowers_the_net_to_585_w_per_m2) {
    auto r = starcloud_plate();
    r.ir_absorptivity.reset();
    // Tolerance: +- 0.5 W/m2; derived here, not published (the difference is the white paper's alpha on Earth IR).
    EXPECT_NEAR(radiator_flux_per_m2(r, starcloud_environment()).net, 584.8, 0.5);
}

TEST(e2_starcloud_radiator, five_gw_needs_7_9_km2_of_plate) {
    // Tolerance: +- 0.05 km2, half a unit of the derived 7.9 km2 (spacedc.md V3).
    EXPECT_NEAR(radiator_area_m2(5e9, starcloud_plate(), starcloud_environment()) / 1e6, 7.9, 0.05);
}

}  // namespace
