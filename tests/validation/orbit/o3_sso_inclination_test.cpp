// Source: shared/research/spacedc.md sec. 1 and 4c ("SSO inclination at 650 km = 97.99 deg", J2 nodal precession of 360 deg per tropical year); VALIDATION.md O3. Tolerance 0.005 deg: the figure is quoted to 0.01 deg.
//
// a = 6378.137 km + 650 km, EGM-96 J2 = 1.08262668e-3, mu = 3.986004418e14 m^3/s^2, tropical year 365.24219 d.
#include <gtest/gtest.h>

#include <cstdio>

#include "kardashev/orbit/kepler.hpp"

namespace {

using namespace kardashev::orbit;

constexpr double deg = 3.141592653589793 / 180.0;

TEST(o3_sso_inclination, sun_synchronous_inclination_at_650_km_is_97_99_deg) {
    const double i = sso_inclination_rad(650e3);
    std::printf("O3 SSO inclination at 650 km: %.4f deg\n", i / deg);
    EXPECT_NEAR(i / deg, 97.99, 0.005);
    // And its J2 nodal precession is one turn per tropical year (0.9856 deg/day).
    kepler_elements el;
    el.a_m = gravity_model{}.radius_m + 650e3;
    el.i_rad = i;
    const double raan_deg_per_day = j2_secular_rates(el).raan_rad_s * 86'400.0 / deg;
    EXPECT_NEAR(raan_deg_per_day, 360.0 / 365.24219, 1e-9);
}

}  // namespace
