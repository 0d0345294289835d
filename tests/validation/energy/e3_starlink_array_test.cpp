// Source: Google, "Towards a future space-based, highly scalable AI infrastructure system design" (Suncatcher, arXiv:2511.19468) sec. 4.4; VALIDATION.md E3.
//
// Starlink v2 mini as a compute-satellite proxy: 105 m2 x 22 % cells x 1361 W/m2 x 90 % packing = 28.3 kW.
#include <gtest/gtest.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/energy/solar_array.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::energy;

solar_array v2_mini() {
    solar_array a;
    a.area_m2 = 105.0;
    a.cell_efficiency = 0.22;
    a.packing_factor = 0.90;
    return a;
}

TEST(e3_starlink_array, v2_mini_array_gives_28_3_kw_at_1_au) {
    // Tolerance: +- 0.05 kW, half a unit of the published 28.3 kW.
    EXPECT_NEAR(array_power_w(v2_mini(), solar_irradiance_w_per_m2(astronomical_unit_m)) / 1e3, 28.3, 0.05);
}

TEST(e3_starlink_array, inverse_gives_back_105_m2) {
    const double s = constants::solar_constant_w_per_m2;
    // Tolerance: 1e-9 relative, a round trip of the same equation.
    EXPECT_NEAR(array_area_for_power_m2(array_power_w(v2_mini(), s), v2_mini(), s), 105.0, 105.0 * 1e-9);
}

TEST(e3_starlink_array, irradiance_swings_3_4_percent_over_the_year) {
    // Perihelion 0.98329 AU and aphelion 1.01671 AU (e = 0.0167): 1408 and 1317 W/m2 (IAU 2015 B3 range 1320-1428).
    // Tolerance: +- 1 W/m2, rounding of the quoted values.
    EXPECT_NEAR(solar_irradiance_w_per_m2(0.98329 * astronomical_unit_m), 1407.7, 1.0);
    EXPECT_NEAR(solar_irradiance_w_per_m2(1.01671 * astronomical_unit_m), 1316.6, 1.0);
}

}  // namespace
