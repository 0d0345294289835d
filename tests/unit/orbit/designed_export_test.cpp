// Designed orbits exported as TLE and OMM (src/orbit/designed_export.cpp), read back by the TLE reader and SGP4.
#include "kardashev/orbit/designed_export.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/sgp4.hpp"

namespace kardashev::orbit {
namespace {

constexpr double deg = 3.141592653589793 / 180.0;

kepler_elements sso_650() {
    kepler_elements el;
    el.a_m = 6'378'137.0 + 650e3;
    el.e = 0.0012;
    el.i_rad = sso_inclination_rad(650e3);
    el.raan_rad = 123.4567 * deg;
    el.argp_rad = 90.0 * deg;
    el.mean_anomaly_rad = 270.0 * deg;
    return el;
}

TEST(designed_export, tle_lines_read_back_through_the_tle_reader) {
    const epoch t = epoch::from_utc_iso("2026-01-01T06:00:00Z");
    const element_set s = designed_element_set(sso_650(), t, 90'001, "KD-SSO-1");
    const auto lines = designed_tle_lines(s);
    ASSERT_EQ(lines[0].size(), 69u);
    ASSERT_EQ(lines[1].size(), 69u);
    EXPECT_EQ(lines[0].substr(0, 32), "1 90001U          26001.25000000");
    const element_set back = parse_tle(lines[0], lines[1]);  // verifies both checksums
    EXPECT_EQ(back.catalogue_number, 90'001u);
    EXPECT_NEAR(back.inclination_rad, s.inclination_rad, 1e-4 * deg);
    EXPECT_NEAR(back.raan_rad, 123.4567 * deg, 1e-4 * deg);
    EXPECT_NEAR(back.eccentricity, 0.0012, 1e-7);
    EXPECT_NEAR(back.mean_motion_rad_per_min, s.mean_motion_rad_per_min, 1e-8 * 2.0 * 3.141592653589793 / 1440.0);
    EXPECT_EQ(back.epoch_time, t);
}

TEST(designed_export, sgp4_flies_the_exported_orbit_at_the_designed_radius_and_plane) {
    const kepler_elements el = sso_650();
    const element_set s = designed_element_set(el, epoch::from_utc_iso("2026-01-01T00:00:00Z"), 1);
    // Kozai and Brouwer mean motions differ by a J2-order correction (below 0.2 %).
    EXPECT_NEAR(s.mean_motion_rad_per_min / (mean_motion_rad_s(el.a_m) * 60.0), 1.0, 2e-3);
    for (double tsince : {0.0, 1440.0}) {
        const teme_state st = sgp4_propagate(s, tsince);
        ASSERT_EQ(st.status, sgp4_status::ok);
        const double r = std::hypot(st.r_teme_km[0], st.r_teme_km[1], st.r_teme_km[2]) * 1000.0;
        // Radius within the eccentric swing a e (8.4 km) plus J2 short-period terms (~10 km).
        EXPECT_NEAR(r, el.a_m, 20e3);
        const auto& p = st.r_teme_km;
        const auto& v = st.v_teme_km_s;
        const double hx = p[1] * v[2] - p[2] * v[1], hy = p[2] * v[0] - p[0] * v[2], hz = p[0] * v[1] - p[1] * v[0];
        EXPECT_NEAR(std::acos(hz / std::hypot(hx, hy, hz)), el.i_rad, 0.05 * deg);
    }
}

TEST(designed_export, alpha5_catalogue_numbers_and_exponent_fields) {
    element_set s = designed_element_set(sso_650(), epoch::from_utc_iso("2026-01-01T00:00:00Z"), 123'456);
    s.bstar_per_earth_radii = 1.2345e-4;
    const auto lines = designed_tle_lines(s);
    EXPECT_EQ(lines[0].substr(2, 5), "C3456");
    EXPECT_EQ(lines[0].substr(53, 8), " 12345-3");
    const element_set back = parse_tle(lines[0], lines[1]);
    EXPECT_EQ(back.catalogue_number, 123'456u);
    EXPECT_NEAR(back.bstar_per_earth_radii, 1.2345e-4, 1e-12);
    s.catalogue_number = 340'000;
    EXPECT_THROW(designed_tle_lines(s), input_error);
}

TEST(designed_export, omm_json_carries_celestrak_keys) {
    const element_set s = designed_element_set(sso_650(), epoch::from_utc_iso("2026-01-01T00:00:00Z"), 90'002, "KD \"A\"");
    const std::string j = designed_omm_json(s);
    EXPECT_NE(j.find("\"OBJECT_NAME\":\"KD \\\"A\\\"\""), std::string::npos);
    EXPECT_NE(j.find("\"EPOCH\":\"2026-01-01T00:00:00.000000\""), std::string::npos);
    EXPECT_NE(j.find("\"NORAD_CAT_ID\":90002"), std::string::npos);
    EXPECT_NE(j.find("\"ECCENTRICITY\":0.0012000"), std::string::npos);
}

}  // namespace
}  // namespace kardashev::orbit
