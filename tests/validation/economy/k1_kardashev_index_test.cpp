// Source: Sagan, "The Cosmic Connection" (1973), K = (log10 P[W] - 6) / 10; Energy Institute, Statistical Review of World Energy 2024 (620 EJ in 2023); IAU 2015 Resolution B3 (1361 W/m2, 3.828e26 W); VALIDATION.md K1.
//
// Humanity's 620 EJ/yr of primary energy is 19.6 TW and K = 0.73; the sunlight Earth intercepts,
// pi R^2 x 1361 W/m2 = 1.735e17 W, is K = 1.12 and a sun share of 1; the Sun's nominal luminosity is K = 2.06.
#include <gtest/gtest.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/economy/cost.hpp"
#include "kardashev/economy/scale.hpp"

namespace {

using namespace kardashev;

TEST(k1_kardashev, humanity_at_19_6_tw_is_type_0_73) {
    const double power_w = 620e18 / constants::julian_year_s;
    // Tolerances: half a unit in the last published digit (19.6 TW -> +- 0.05 TW; 0.73 -> +- 0.005).
    EXPECT_NEAR(power_w, 19.6e12, 0.05e12);
    EXPECT_NEAR(economy::kardashev_index(power_w), 0.73, 0.005);
}

TEST(k1_kardashev, sunlight_intercepted_by_earth_is_1_735e17_w) {
    const double r = constants::earth_mean_radius_m;
    const double power_w = constants::pi * r * r * constants::solar_constant_w_per_m2;
    // Tolerance: the published 1.735e17 has four significant figures, so +- 0.0005e17.
    EXPECT_NEAR(power_w, 1.735e17, 0.0005e17);
    EXPECT_NEAR(economy::kardashev_index(power_w), 1.12, 0.005);
}

TEST(k1_kardashev, economy_puts_1_735e17_w_at_a_share_of_one_of_the_earths_sunlight) {
    // Tolerance 0.1 %: the published 1.735e17 W has four significant figures (half a unit is 0.03 %).
    EXPECT_NEAR(economy::earth_intercepted_sunlight_w(), 1.735e17, 1.735e17 * 1e-3);
    EXPECT_NEAR(economy::earth_sunlight_share(1.735e17), 1.0, 1e-3);
    // Humanity's 19.6 TW is about 1.1e-4 of it, and 5.1e-14 of the Sun's 3.828e26 W (half a unit in the last digit).
    EXPECT_NEAR(economy::earth_sunlight_share(19.6e12), 1.13e-4, 0.005e-4);
    EXPECT_NEAR(economy::solar_luminosity_share(19.6e12), 5.12e-14, 0.005e-14);
    EXPECT_DOUBLE_EQ(economy::solar_luminosity_share(3.828e26), 1.0);
}

TEST(k1_kardashev, solar_luminosity_is_type_2_06) {
    // Tolerance: the published 2.06 has two decimals, so +- 0.005.
    EXPECT_NEAR(economy::kardashev_index(constants::solar_luminosity_w), 2.06, 0.005);
}

}  // namespace
