// Shadow models, beta angle and eclipse statistics (src/orbit/eclipse.cpp) and the analytic Sun/Moon
// (src/orbit/ephemeris.cpp).
#include "kardashev/orbit/eclipse.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/designed_export.hpp"
#include "kardashev/orbit/ephemeris.hpp"
#include "orbit/vec_math.hpp"

namespace kardashev::orbit {
namespace {

constexpr double deg = 3.141592653589793 / 180.0;
constexpr double au = 149'597'870'700.0;

TEST(eclipse, cylinder_is_dark_only_behind_the_earth_within_its_radius) {
    const vec3 sun{au, 0.0, 0.0};
    const double r = 7'000'000.0;
    EXPECT_EQ(sunlit_fraction_at({r, 0.0, 0.0}, sun, shadow_model::cylindrical), 1.0);
    EXPECT_EQ(sunlit_fraction_at({-r, 0.0, 0.0}, sun, shadow_model::cylindrical), 0.0);
    EXPECT_EQ(sunlit_fraction_at({-r, 6'370'000.0, 0.0}, sun, shadow_model::cylindrical), 0.0);
    EXPECT_EQ(sunlit_fraction_at({-r, 6'372'000.0, 0.0}, sun, shadow_model::cylindrical), 1.0);
    EXPECT_EQ(sunlit_fraction_at({0.0, r, 0.0}, sun, shadow_model::cylindrical), 1.0);
}

TEST(eclipse, cone_has_an_umbra_narrower_and_a_penumbra_wider_than_the_cylinder) {
    const vec3 sun{au, 0.0, 0.0};
    const double x = -7'000'000.0;
    // On the axis: umbra. At the cylinder's edge: partly lit (penumbra), neither 0 nor 1.
    EXPECT_EQ(sunlit_fraction_at({x, 0.0, 0.0}, sun, shadow_model::conical), 0.0);
    const double edge = sunlit_fraction_at({x, 6'371'000.0, 0.0}, sun, shadow_model::conical);
    EXPECT_GT(edge, 0.3);
    EXPECT_LT(edge, 0.7);
    // Moving outward the visible fraction grows monotonically to 1.
    double prev = 0.0;
    for (double y = 6'300'000.0; y < 6'450'000.0; y += 5'000.0) {
        const double f = sunlit_fraction_at({x, y, 0.0}, sun, shadow_model::conical);
        EXPECT_GE(f, prev);
        prev = f;
    }
    EXPECT_EQ(prev, 1.0);
}

TEST(eclipse, conical_umbra_at_550_km_beta_0_is_a_few_seconds_shorter_than_the_cylinder) {
    // astro.md sec. 3: 550 km, beta = 0: cylinder 2136.7 s, conical umbra 2128.3 s (Sun 696000 km at 1 AU).
    const double r = 6'378'137.0 + 550e3;
    const double frac = eclipse_fraction_cylindrical(0.0, r, 6'378'137.0);
    const double period = orbital_period_s(r);
    EXPECT_NEAR(frac * period, 2136.7, 1.0);
}

TEST(eclipse, beta_angle_is_the_sun_elevation_above_the_orbit_plane) {
    const vec3 sun{au, 0.0, 0.0};
    EXPECT_NEAR(beta_angle_rad(sun, 0.0, 0.0), 0.0, 1e-15);          // equatorial orbit, Sun in the equator
    EXPECT_NEAR(beta_angle_rad(sun, 90.0 * deg, 90.0 * deg), 90.0 * deg, 1e-12);  // normal points at the Sun
    EXPECT_NEAR(beta_angle_rad(sun, 90.0 * deg, 0.0), 0.0, 1e-12);   // noon-midnight polar orbit
}

TEST(eclipse, eclipse_fraction_from_beta) {
    const double r = 6'378'137.0 + 550e3, R = 6'371e3;
    EXPECT_NEAR(eclipse_fraction_cylindrical(0.0, r, R), 0.372, 0.001);  // spacedc.md sec. 4c
    EXPECT_EQ(eclipse_fraction_cylindrical(std::asin(R / r) + 1e-9, r, R), 0.0);
    EXPECT_GT(eclipse_fraction_cylindrical(std::asin(R / r) - 1e-3, r, R), 0.0);
    EXPECT_THROW(eclipse_fraction_cylindrical(0.0, 6e6, R), domain_error);
}

TEST(eclipse, sampled_and_analytic_agree_over_a_week_and_the_cone_darkens_less_than_the_cylinder) {
    kepler_elements el;
    el.a_m = 6'378'137.0 + 550e3;
    el.i_rad = 53.0 * deg;
    const epoch start = epoch::from_utc_iso("2026-03-01T00:00:00Z");
    eclipse_options opt;
    opt.step_s = 20.0;
    const eclipse_summary s = eclipse_sampled(el, start, duration::from_days(7), opt);
    const eclipse_summary a = eclipse_analytic(el, start, duration::from_days(7), opt);
    EXPECT_NEAR(s.sunlit_fraction, a.sunlit_fraction, 0.002);
    EXPECT_NEAR(s.max_eclipse_s, a.max_eclipse_s, 10.0);
    EXPECT_EQ(s.eclipse_season_days, 7.0);
    opt.shadow = shadow_model::conical;
    const eclipse_summary c = eclipse_sampled(el, start, duration::from_days(7), opt);
    // Penumbra counts as eclipse time but only partly dark: longer eclipses, similar mean light.
    EXPECT_GT(c.max_eclipse_s, s.max_eclipse_s);
    EXPECT_NEAR(c.sunlit_fraction, s.sunlit_fraction, 0.003);
    EXPECT_THROW(eclipse_analytic(el, start, duration::from_days(7), opt), input_error);
    EXPECT_THROW(eclipse_sampled(el, start, duration::from_days(0), opt), input_error);
}

TEST(eclipse, analytic_over_a_shared_sun_table_equals_analytic_alone) {
    // Two orbits over one year share the Sun at the interval centres; each must get exactly its own analysis.
    const epoch start = epoch::from_utc_iso("2026-01-01T00:00:00Z");
    const duration year = duration::from_seconds(365.25 * 86'400.0);
    const eclipse_options opt;
    const std::vector<vec3> suns = analytic_sun_positions(start, year, opt);
    ASSERT_EQ(suns.size(), 8766U);
    for (const double i_deg : {53.0, 97.6}) {
        kepler_elements el;
        el.a_m = 6'378'137.0 + 650e3;
        el.i_rad = i_deg * deg;
        el.raan_rad = 1.0;
        EXPECT_EQ(eclipse_analytic(el, start, year, opt, suns), eclipse_analytic(el, start, year, opt)) << i_deg;
    }
    kepler_elements el;
    el.a_m = 6'378'137.0 + 650e3;
    EXPECT_THROW((void)eclipse_analytic(el, start, duration::from_days(7), opt, suns), input_error);
}

TEST(ephemeris, moon_matches_meeus_example_47a) {
    // Meeus 1998 example 47.a: 1992-04-12 0h TD: apparent RA 134.688470 deg, Dec 13.768368 deg, 368409.7 km.
    // Our Moon is geometric; the Moon's aberration is under 1". TD = TT; JD(TT) 2448724.5.
    const epoch t = epoch::from_tai_ns((2'448'724LL - 2'451'545LL) * 86'400'000'000'000LL + 43'200'000'000'000LL);
    const vec3 m = moon_position_tod(t);
    const double ra = std::atan2(m[1], m[0]) / deg;
    const double dec = std::asin(m[2] / detail::norm(m)) / deg;
    EXPECT_NEAR(ra, 134.688470, 0.0005);
    EXPECT_NEAR(dec, 13.768368, 0.0005);
    EXPECT_NEAR(detail::norm(m) / 1000.0, 368'409.7, 1.0);
}

TEST(ephemeris, the_principal_term_moon_of_the_suns_geocentre_offset_moves_the_sun_by_under_0_07_arcsec) {
    // Every 9.13 days over 2000-2050: the principal-term Moon stays within its stated 3,900 km of the full series,
    // so the Sun's barycentre offset (Moon / 82.300568) moves the Sun by under 0.065" at 1 AU (docs/models/orbit.md).
    double worst_km = 0.0, worst_sun_arcsec = 0.0;
    for (int k = 0; k < 2000; ++k) {
        const epoch t = epoch::from_utc_iso("2000-01-01") + duration::from_seconds(9.13 * 86'400.0 * k);
        const double miss_m = detail::norm(detail::sub(moon_position_tod(t), moon_position_tod_principal(t)));
        worst_km = std::max(worst_km, miss_m / 1000.0);
        worst_sun_arcsec = std::max(worst_sun_arcsec, miss_m / 82.300'568 / detail::norm(sun_position_tod(t)) / deg * 3600.0);
    }
    EXPECT_LT(worst_km, 3900.0);
    EXPECT_GT(worst_km, 500.0) << "the principal terms leave out rows worth hundreds of km";
    EXPECT_LT(worst_sun_arcsec, 0.065);
}

TEST(ephemeris, sun_is_near_the_equinox_in_march_and_1_au_away) {
    const vec3 s = sun_position_tod(epoch::from_utc_iso("2026-03-20T14:46:00Z"));  // March equinox 2026
    EXPECT_NEAR(std::asin(s[2] / detail::norm(s)) / deg, 0.0, 0.01);
    EXPECT_NEAR(detail::norm(s) / au, 0.996, 0.001);
    // TEME differs from TOD only by the equation of the equinoxes (< 1.2 arcsec).
    EXPECT_LT(std::fabs(equation_of_equinoxes_rad(epoch{})), 1.2 / 3600.0 * deg * 20.0);
    EXPECT_LT(detail::angle_between(sun_position_teme(epoch{}), sun_position_tod(epoch{})), 20.0 / 3600.0 * deg);
}

}  // namespace
}  // namespace kardashev::orbit

namespace kardashev::orbit {
namespace {

TEST(eclipse, conical_eclipse_at_550_km_beta_0_is_umbra_plus_two_penumbra_crossings) {
    // astro.md sec. 3 (spherical Earth R = 6378.137 km, Sun 696000 km at 1 AU): 550 km, beta = 0:
    // cylinder 2136.7 s; conical umbra 2128.3 s and about 8.5 s of penumbra per crossing -> 2145.3 s in shadow.
    const epoch start = epoch::from_utc_iso("2026-04-03T00:00:00Z");  // Earth-Sun distance ~0.999 AU
    const vec3 s = sun_position_teme(start);
    const vec3 u = detail::scale(s, 1.0 / detail::norm(s));
    const vec3 w = detail::scale(detail::cross(u, {0.0, 0.0, 1.0}), 1.0 / detail::norm(detail::cross(u, {0.0, 0.0, 1.0})));
    const double a = 6'378'137.0 + 550e3;
    const double n = mean_motion_rad_s(a);
    const state_at_fn in_sun_plane = [&](double t) {
        const double c = std::cos(n * t), sn = std::sin(n * t);
        return state_vector{detail::add(detail::scale(u, a * c), detail::scale(w, a * sn)),
                            detail::add(detail::scale(u, -a * n * sn), detail::scale(w, a * n * c))};
    };
    eclipse_options opt;
    opt.earth_radius_m = 6'378'137.0;
    opt.step_s = 5.0;
    const duration one_orbit = duration::from_seconds(2.0 * 3.141592653589793 / n);
    const eclipse_summary cyl = eclipse_sampled(in_sun_plane, 0.0, start, one_orbit, opt);
    opt.shadow = shadow_model::conical;
    const eclipse_summary cone = eclipse_sampled(in_sun_plane, 0.0, start, one_orbit, opt);
    EXPECT_NEAR(cyl.max_eclipse_s, 2136.7, 1.0);
    EXPECT_NEAR(cone.max_eclipse_s, 2128.3 + 2.0 * 8.5, 2.0);
    EXPECT_NEAR(cone.beta_max_rad, 0.0, 0.1 * deg);
}

TEST(eclipse, sgp4_element_set_and_designed_orbit_give_the_same_week) {
    kepler_elements el;
    el.a_m = 6'378'137.0 + 550e3;
    el.i_rad = 53.0 * deg;
    const epoch start = epoch::from_utc_iso("2026-03-01T00:00:00Z");
    const element_set set = designed_element_set(el, start, 1);
    eclipse_options opt;
    opt.step_s = 20.0;
    const eclipse_summary k = eclipse_sampled(el, start, duration::from_days(7), opt);
    const eclipse_summary s = eclipse_sampled(set, start, duration::from_days(7), opt);
    EXPECT_NEAR(s.sunlit_fraction, k.sunlit_fraction, 0.005);
    EXPECT_NEAR(s.max_eclipse_s, k.max_eclipse_s, 20.0);
    EXPECT_NEAR(s.beta_min_rad, k.beta_min_rad, 1.0 * deg);
}

}  // namespace
}  // namespace kardashev::orbit
