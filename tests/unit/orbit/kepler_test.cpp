// Kepler + J2 secular rates, sun-synchronous orbits and Walker shells (src/orbit/kepler.cpp).
#include "kardashev/orbit/kepler.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "kardashev/core/error.hpp"
#include "orbit/vec_math.hpp"

namespace kardashev::orbit {
namespace {

constexpr double deg = 3.141592653589793 / 180.0;
constexpr double two_pi = 2.0 * 3.141592653589793;

TEST(kepler, j2_regresses_the_node_of_prograde_orbits_and_freezes_perigee_at_critical_inclination) {
    kepler_elements el;
    el.a_m = 6'928'137.0;
    el.i_rad = 53.0 * deg;
    const j2_rates r = j2_secular_rates(el);
    // 550 km, 53 deg: about -4.5 deg/day of nodal regression (Starlink shell figures).
    EXPECT_NEAR(r.raan_rad_s * 86'400.0 / deg, -4.47, 0.02);
    EXPECT_GT(r.mean_anomaly_rad_s, mean_motion_rad_s(el.a_m));
    el.i_rad = 90.0 * deg;
    EXPECT_NEAR(j2_secular_rates(el).raan_rad_s, 0.0, 1e-20);  // polar: no nodal precession
    el.i_rad = std::asin(std::sqrt(0.8));                       // 63.43 deg: 4 - 5 sin^2 i = 0
    EXPECT_NEAR(j2_secular_rates(el).argp_rad_s, 0.0, 1e-18);
}

TEST(kepler, to_state_gives_vis_viva_speed_and_the_right_plane) {
    kepler_elements el{7'000'000.0, 0.1, 30.0 * deg, 40.0 * deg, 50.0 * deg, 60.0 * deg};
    const gravity_model g;
    const state_vector s = to_state(el, g);
    const double r = detail::norm(s.r_m), v = detail::norm(s.v_m_s);
    EXPECT_NEAR(v * v, g.mu_m3_s2 * (2.0 / r - 1.0 / el.a_m), 1e-6);  // vis-viva
    const vec3 h = detail::cross(s.r_m, s.v_m_s);
    EXPECT_NEAR(std::acos(h[2] / detail::norm(h)), el.i_rad, 1e-12);
    EXPECT_NEAR(std::atan2(h[0], -h[1]), el.raan_rad, 1e-12);
    EXPECT_NEAR(detail::norm(h), std::sqrt(g.mu_m3_s2 * el.a_m * (1.0 - el.e * el.e)), 1e-3);
}

TEST(kepler, kepler_equation_is_solved_to_round_off) {
    for (double e : {0.0, 0.1, 0.7, 0.99}) {
        for (double m : {0.0, 0.5, 3.0, 6.0}) {
            const double ecc = solve_kepler(m, e);
            EXPECT_NEAR(ecc - e * std::sin(ecc), m, 1e-12) << e << " " << m;
        }
    }
    EXPECT_THROW(solve_kepler(1.0, 1.0), domain_error);
}

TEST(kepler, propagate_j2_advances_the_angles_at_their_rates) {
    kepler_elements el{7'028'137.0, 0.0, sso_inclination_rad(650e3), 1.0, 0.0, 0.0};
    const kepler_elements day = propagate_j2(el, 86'400.0);
    EXPECT_NEAR(day.raan_rad - el.raan_rad, 0.9856 * deg, 0.0005 * deg);
    EXPECT_EQ(day.a_m, el.a_m);
    EXPECT_EQ(day.i_rad, el.i_rad);
}

TEST(kepler, sso_inclination_rises_with_altitude_and_ends_near_5970_km) {
    EXPECT_NEAR(sso_inclination_rad(550e3) / deg, 97.59, 0.01);  // spacedc.md sec. 4c
    EXPECT_GT(sso_inclination_rad(1200e3), sso_inclination_rad(550e3));
    EXPECT_THROW(sso_inclination_rad(6500e3), domain_error);
}

TEST(kepler, ltan_of_noon_points_the_node_at_the_mean_sun) {
    // At 00:00 UT1 the mean Sun is on the anti-Greenwich meridian: RAAN(LTAN 12h) = GMST + 180 deg.
    const epoch t = epoch::from_utc_iso("2026-03-20T00:00:00Z");
    const double gmst = gmst82_rad(t);
    EXPECT_NEAR(std::remainder(raan_from_ltan_rad(t, 12.0) - (gmst + 3.141592653589793), two_pi), 0.0, 1e-12);
    // Six hours of LTAN are 90 deg of RAAN; a dawn-dusk pair is 180 deg apart.
    EXPECT_NEAR(std::remainder(raan_from_ltan_rad(t, 18.0) - raan_from_ltan_rad(t, 12.0), two_pi), 90.0 * deg, 1e-12);
    EXPECT_NEAR(std::fabs(std::remainder(raan_from_ltan_rad(t, 6.0) - raan_from_ltan_rad(t, 18.0), two_pi)),
                180.0 * deg, 1e-12);
}

TEST(kepler, dawn_dusk_sso_keeps_its_node_at_18_h_through_the_year) {
    const epoch t = epoch::from_utc_iso("2026-01-01T00:00:00Z");
    const kepler_elements el = sso_elements(650e3, 18.0, t);
    EXPECT_NEAR(el.i_rad / deg, 97.986, 0.001);
    // After 200 days the precessed node still sits at 18:00 mean solar time (to the 1e-5 of the rate).
    const double dt = 200.0 * 86'400.0;
    const epoch later = t + duration::from_seconds(dt);
    const double drift = std::remainder(propagate_j2(el, dt).raan_rad - raan_from_ltan_rad(later, 18.0), two_pi);
    EXPECT_NEAR(drift / deg, 0.0, 0.01);
}

TEST(kepler, walker_delta_counts_planes_and_phasing) {
    // Walker 53 deg: 24/3/1 (Galileo-like): 3 planes 120 deg apart, 8 per plane 45 deg apart, 15 deg phase step.
    const auto sats = walker_shell(walker_pattern::delta, 24, 3, 1, 29'600e3, 56.0 * deg);
    ASSERT_EQ(sats.size(), 24u);
    std::set<long> raans;
    for (const auto& s : sats) raans.insert(std::lround(s.raan_rad / deg * 1000.0));
    EXPECT_EQ(raans, (std::set<long>{0, 120'000, 240'000}));
    EXPECT_NEAR(sats[1].mean_anomaly_rad - sats[0].mean_anomaly_rad, 45.0 * deg, 1e-12);
    EXPECT_NEAR(sats[8].raan_rad, 120.0 * deg, 1e-12);
    EXPECT_NEAR(sats[8].mean_anomaly_rad, 15.0 * deg, 1e-12);   // f * 360 / t
    EXPECT_NEAR(sats[16].mean_anomaly_rad, 30.0 * deg, 1e-12);
}

TEST(kepler, walker_star_spreads_planes_over_180_deg) {
    const auto sats = walker_shell(walker_pattern::star, 66, 6, 2, 7'158e3, 86.4 * deg);  // Iridium-like
    ASSERT_EQ(sats.size(), 66u);
    EXPECT_NEAR(sats[11].raan_rad, 30.0 * deg, 1e-12);
    EXPECT_NEAR(sats[55].raan_rad, 150.0 * deg, 1e-12);
}

TEST(kepler, walker_rejects_inconsistent_patterns) {
    EXPECT_THROW(walker_shell(walker_pattern::delta, 25, 3, 1, 7e6, 1.0), input_error);
    EXPECT_THROW(walker_shell(walker_pattern::delta, 24, 3, 3, 7e6, 1.0), input_error);
    try {
        walker_shell(walker_pattern::delta, 25, 3, 1, 7e6, 1.0);
    } catch (const input_error& e) {
        EXPECT_STREQ(e.what(), "walker shell: expected the total (25) to be a positive multiple of the number of planes (3)");
    }
}

TEST(kepler, elements_from_state_inverts_to_state_for_every_orbit_shape) {
    const kepler_elements cases[] = {
        {7'000'000.0, 0.01, 51.6 * deg, 1.0, 2.0, 3.0},          // LEO, inclined, elliptical
        {26'560'000.0, 0.7, 63.4 * deg, 4.0, 4.71, 0.1},        // Molniya
        {7'000'000.0, 0.05, 140.0 * deg, 6.0, 0.5, 5.9},        // retrograde
        {42'164'000.0, 0.0, 10.0 * deg, 1.5, 0.0, 2.5},         // circular inclined: argp 0, M is the argument of latitude
        {42'164'000.0, 0.2, 0.0, 0.0, 2.0, 1.0},                // equatorial elliptical: raan 0
    };
    for (const auto& el : cases) {
        const kepler_elements back = elements_from_state(to_state(el));
        EXPECT_NEAR(back.a_m, el.a_m, 1e-6 * el.a_m);
        EXPECT_NEAR(back.e, el.e, 1e-10);
        EXPECT_NEAR(back.i_rad, el.i_rad, 1e-10);
        EXPECT_NEAR(back.raan_rad, el.raan_rad, 1e-9);
        EXPECT_NEAR(back.argp_rad, el.argp_rad, 1e-8);
        EXPECT_NEAR(back.mean_anomaly_rad, el.mean_anomaly_rad, 1e-8);
    }
    EXPECT_THROW((void)elements_from_state({{7e6, 0.0, 0.0}, {0.0, 20'000.0, 0.0}}), input_error);  // escape speed
    EXPECT_THROW((void)elements_from_state({{7e6, 0.0, 0.0}, {7'000.0, 0.0, 0.0}}), input_error);   // radial: h = 0
}

}  // namespace
}  // namespace kardashev::orbit
