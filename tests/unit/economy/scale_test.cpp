// A design against physics and the world: sun shares, the bound table, and which bounds a design exceeds.
#include <gtest/gtest.h>

#include <string>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/economy/scale.hpp"
#include "kardashev/economy/site_design.hpp"
#include "support/error_message.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::economy;
using kardashev::testing::domain_error_message;

site_inputs orbit_at(double it_power_w) {
    site_inputs in;
    in.kind = site_kind::orbit;
    in.it_power_w = it_power_w;
    return in;
}

TEST(scale, the_earths_intercepted_sunlight_is_a_share_of_one_and_the_sun_a_share_of_one) {
    EXPECT_DOUBLE_EQ(earth_sunlight_share(earth_intercepted_sunlight_w()), 1.0);
    EXPECT_DOUBLE_EQ(solar_luminosity_share(constants::solar_luminosity_w), 1.0);
    // The Earth intercepts pi R^2 / (4 pi d^2) of the Sun's output: about 4.5e-10 (d = 1 au).
    EXPECT_NEAR(solar_luminosity_share(earth_intercepted_sunlight_w()), 4.53e-10, 0.01e-10);
    EXPECT_EQ(earth_sunlight_share(0.0), 0.0);
}

TEST(scale, a_negative_power_has_no_share_of_sunlight) {
    EXPECT_EQ(domain_error_message([] { (void)earth_sunlight_share(-1.0); }),
              "economy: expected a non-negative power [W] for a share of sunlight, got -1");
    EXPECT_EQ(domain_error_message([] { (void)solar_luminosity_share(-2.0); }),
              "economy: expected a non-negative power [W] for a share of sunlight, got -2");
}

TEST(scale, the_bounds_are_the_earths_surface_the_worlds_launches_and_its_electricity) {
    const auto b = plausibility_bounds();
    ASSERT_EQ(b.size(), 3U);
    EXPECT_EQ(b[0].kind, bound_kind::array_area);
    EXPECT_NEAR(b[0].limit, 5.10e14, 0.01e14);  // 4 pi (6371 km)^2
    EXPECT_EQ(b[1].kind, bound_kind::launch_rate);
    EXPECT_EQ(b[1].limit, 329.0);
    EXPECT_EQ(b[2].kind, bound_kind::electric_power);
    EXPECT_NEAR(b[2].limit, 3.41e12, 0.01e12);  // 29,925 TWh / 8766 h
    for (const auto& x : b) {
        EXPECT_FALSE(x.source.empty()) << to_string(x.kind);
        EXPECT_FALSE(x.against.empty()) << to_string(x.kind);
    }
}

TEST(scale, a_1e25_w_orbit_site_exceeds_the_earths_surface_the_worlds_launches_and_its_electricity) {
    const auto in = orbit_at(1e25);
    const auto d = design_site(in);
    const auto x = exceeded_bounds(in, d);
    ASSERT_EQ(x.size(), 3U);
    EXPECT_EQ(x[0].bound.kind, bound_kind::array_area);
    EXPECT_EQ(x[0].value, d.array_area_m2);
    EXPECT_NEAR(x[0].ratio, d.array_area_m2 / 5.10e14, 0.01 * x[0].ratio);
    EXPECT_GT(x[0].ratio, 1e7);
    EXPECT_EQ(x[1].bound.kind, bound_kind::launch_rate);
    EXPECT_DOUBLE_EQ(x[1].value, d.launches / 5.0);  // replaced once per 5-year life
    EXPECT_EQ(x[2].bound.kind, bound_kind::electric_power);
    EXPECT_EQ(x[2].value, site_peak_power_w(d));
    EXPECT_GT(x[2].ratio, 1e12);
}

TEST(scale, a_1_gw_site_on_the_ground_or_in_orbit_exceeds_nothing) {
    for (auto kind : {site_kind::ground, site_kind::orbit}) {
        site_inputs in;
        in.kind = kind;
        const auto d = design_site(in);
        EXPECT_TRUE(exceeded_bounds(in, d).empty()) << to_string(kind);
    }
}

TEST(scale, a_1_gw_moon_base_with_li_ion_night_storage_needs_more_launches_a_year_than_the_world_flies) {
    site_inputs in;
    in.kind = site_kind::moon;
    const auto d = design_site(in);
    const auto x = exceeded_bounds(in, d);
    ASSERT_EQ(x.size(), 1U);
    EXPECT_EQ(x[0].bound.kind, bound_kind::launch_rate);
    EXPECT_NEAR(x[0].value, d.launches / 5.0, 1e-9 * x[0].value);  // about 111,590 flights over a 5-year life
    EXPECT_GT(x[0].ratio, 10.0);
}

TEST(scale, each_bound_trips_just_above_its_limit) {
    site_inputs in = orbit_at(1e9);
    site_design d;
    d.array_area_m2 = 5.11e14;
    d.launches = 330.0 * 5.0;
    d.load_w = 3.42e12;
    const auto x = exceeded_bounds(in, d);
    ASSERT_EQ(x.size(), 3U);
    d.array_area_m2 = 5.09e14;
    d.launches = 328.0 * 5.0;
    d.load_w = 3.40e12;
    EXPECT_TRUE(exceeded_bounds(in, d).empty());
    d.array_power_w = 3.42e12;  // the peak is the arrays' output while lit when it exceeds the load
    ASSERT_EQ(exceeded_bounds(in, d).size(), 1U);
    EXPECT_EQ(exceeded_bounds(in, d)[0].bound.kind, bound_kind::electric_power);
}

}  // namespace
