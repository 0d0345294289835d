// Earth frames: GMST-82, TEME -> ECEF, WGS-84 geodetic, look angles (src/orbit/frames.cpp).
#include "kardashev/orbit/frames.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "orbit/vec_math.hpp"

namespace kardashev::orbit {
namespace {

constexpr double deg = 3.141592653589793 / 180.0;
constexpr double arcsec = deg / 3600.0;

TEST(frames, gmst82_matches_vallado_example_3_5) {
    // Vallado 2013 example 3-5: 1992-08-20 12:14:00 UT1 -> GMST = 152.578787886 deg.
    const epoch t = epoch::from_utc_iso("1992-08-20T12:14:00Z");
    EXPECT_NEAR(gmst82_rad(t) / deg, 152.578787886, 1e-7);
}

TEST(frames, gmst82_at_j2000_is_280_46_deg) {
    // GMST at JD(UT1) 2451545.0: 67310.54841 s = 280.46061837 deg (Vallado 2013 eq. 3-47 with T = 0).
    EXPECT_NEAR(gmst82_rad(split_jd{2'451'545.0, 0.0}) / deg, 280.46061837, 1e-8);
}

TEST(frames, teme_to_itrf_matches_vallado_2006_appendix_c) {
    // Vallado et al. 2006 (AIAA 2006-6753) app. C: 2004-04-06 07:51:28.386009 UTC, dUT1 = -0.4399619 s,
    // xp = -0.140682", yp = 0.333309". Their ITRF comes from the full IAU-76/FK5 chain; GMST-82 with polar
    // motion reproduces it to 9 mm and 1.3e-5 m/s (astropy's own test allows 30 cm).
    const epoch t = epoch::from_utc_iso("2004-04-06T07:51:28.386009Z");
    const earth_orientation eop{-0.4399619, -0.140682 * arcsec, 0.333309 * arcsec};
    const state_vector teme{{5094.18016210e3, 6127.64465950e3, 6380.34453270e3},
                            {-4.746131487e3, 0.785818041e3, 5.531931288e3}};
    const state_vector ecef = teme_to_ecef(teme, t, eop);
    const vec3 r_ref{-1033.4793830e3, 7901.2952754e3, 6380.3565958e3};
    const vec3 v_ref{-3.225636520e3, -2.872451450e3, 5.531924446e3};
    EXPECT_LT(detail::norm(detail::sub(ecef.r_m, r_ref)), 0.03);
    EXPECT_LT(detail::norm(detail::sub(ecef.v_m_s, v_ref)), 1e-4);
    // Without polar motion the position is off by the ~16 m pole offset.
    const state_vector pef = teme_to_ecef(teme, t, {eop.dut1_s, 0.0, 0.0});
    EXPECT_GT(detail::norm(detail::sub(pef.r_m, r_ref)), 10.0);
    // The inverse restores the TEME state.
    const state_vector back = ecef_to_teme(ecef, t, eop);
    EXPECT_LT(detail::norm(detail::sub(back.r_m, teme.r_m)), 1e-6);
    EXPECT_LT(detail::norm(detail::sub(back.v_m_s, teme.v_m_s)), 1e-9);
}

TEST(frames, geodetic_round_trip_is_exact_from_the_ground_to_geo) {
    for (double lat : {-90.0, -89.9, -45.0, 0.0, 12.5, 60.0, 89.99, 90.0}) {
        for (double alt : {-100.0, 0.0, 650e3, 35'786e3}) {
            const geodetic g{lat * deg, 33.0 * deg, alt};
            const geodetic back = ecef_to_geodetic(geodetic_to_ecef(g));
            EXPECT_NEAR(back.lat_rad, g.lat_rad, 1e-12) << lat << " " << alt;
            EXPECT_NEAR(back.alt_m, g.alt_m, 1e-6) << lat << " " << alt;
            if (std::fabs(lat) < 90.0) {
                EXPECT_NEAR(back.lon_rad, g.lon_rad, 1e-12);
            }
        }
    }
}

TEST(frames, geodetic_of_known_points) {
    // On the equator the height is |r| - a; at the pole it is |z| - b with b = a (1 - f).
    EXPECT_NEAR(ecef_to_geodetic({7'000'000.0, 0.0, 0.0}).alt_m, 7'000'000.0 - wgs84::equatorial_radius_m, 1e-6);
    const double b = wgs84::equatorial_radius_m * (1.0 - wgs84::flattening);
    const geodetic pole = ecef_to_geodetic({0.0, 0.0, 7'000'000.0});
    EXPECT_NEAR(pole.alt_m, 7'000'000.0 - b, 1e-6);
    EXPECT_NEAR(pole.lat_rad, 90.0 * deg, 1e-12);
    EXPECT_NEAR(b, 6'356'752.314'2, 1e-3);  // NIMA TR8350.2 table 3.3
}

TEST(frames, look_angles_of_a_satellite_overhead_and_on_the_horizon) {
    const geodetic site{40.0 * deg, -105.0 * deg, 1600.0};
    // Straight up along the ellipsoid normal: elevation 90 deg, range = height difference.
    const vec3 up = geodetic_to_ecef({site.lat_rad, site.lon_rad, site.alt_m + 500e3});
    const look_angles zenith = look_angles_from(site, up);
    EXPECT_NEAR(zenith.elevation_rad / deg, 90.0, 1e-9);
    EXPECT_NEAR(zenith.range_m, 500e3, 1e-6);
    // A point 100 km due east in the tangent plane: azimuth 90 deg, elevation 0.
    const double sl = std::sin(site.lon_rad), cl = std::cos(site.lon_rad);
    const vec3 east{-sl, cl, 0.0};
    const vec3 r_east = detail::add(geodetic_to_ecef(site), detail::scale(east, 100e3));
    const look_angles la = look_angles_from(site, r_east, detail::scale(east, 7000.0));
    EXPECT_NEAR(la.azimuth_rad / deg, 90.0, 1e-9);
    EXPECT_NEAR(la.elevation_rad / deg, 0.0, 1e-9);
    EXPECT_NEAR(la.range_m, 100e3, 1e-6);
    EXPECT_NEAR(la.range_rate_m_s, 7000.0, 1e-9);  // moving straight away
    // Due north along the tangent plane and 45 deg up: azimuth 0, elevation 45.
    const vec3 north{-std::sin(site.lat_rad) * cl, -std::sin(site.lat_rad) * sl, std::cos(site.lat_rad)};
    const vec3 normal = detail::sub(up, geodetic_to_ecef(site));
    const vec3 dir = detail::add(north, detail::scale(normal, 1.0 / detail::norm(normal)));
    const look_angles ne = look_angles_from(site, detail::add(geodetic_to_ecef(site), detail::scale(dir, 1000e3)));
    EXPECT_NEAR(ne.azimuth_rad / deg, 0.0, 1e-9);
    EXPECT_NEAR(ne.elevation_rad / deg, 45.0, 1e-9);
}

}  // namespace
}  // namespace kardashev::orbit
