// Source: VALIDATION.md N1-N4 and research/network.md sec. 4.1-4.2 (geodesic bound, 7.34 ms bent pipe at 550 km, Hypatia's 80 km line-of-sight ISL limit 5016.6 / 5443.0 km, Earth-Moon 1.282 s at 384,400 km).
//
// Tolerances: N1 is a bound, checked with 1e-12 s slack for rounding; N2 0.1 % (the figure is rounded to
// 7.34 ms); N3 0.1 km (the figures are given to 0.1 km); N4 1e-3 s for the closed form (1.282 is rounded),
// and 1 % for the ephemeris' mean over a year against the mean distance (the orbit's mean distance
// differs from the semi-major axis 384,400 km by e^2 / 2 ~ 0.15 %).

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/network/routing.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::network;
constexpr double deg = constants::pi / 180.0;

const std::string stations_file = std::string(KD_SOURCE_DIR) + "/data/network/ground_stations_top_100.basic.txt";

TEST(n1_bound, no_route_is_faster_than_light_along_the_geodesic) {
    for (const char* preset : {"starlink-s1", "kuiper-k1", "telesat-t1"}) {
        const shell_design sh = *shell_preset(preset);
        network_model m;
        m.satellites = shell_element_sets(sh);
        m.isls = plus_grid_isls(sh.planes, sh.sats_per_plane, sh.isl_shift);
        m.stations = load_ground_stations(stations_file);
        std::vector<station_pair> pairs;
        for (int a = 0; a < 100; ++a)
            for (int b = a + 1; b < 100; ++b) pairs.push_back({a, b});
        for (const gsl_rule rule : {gsl_rule::elevation, gsl_rule::slant_range}) {
            network_options o;
            o.gsl.rule = rule;
            o.gsl.min_elevation_rad = sh.min_elevation_rad;
            o.gsl.max_range_m = sh.max_gsl_range_m;
            run_options run;
            run.start = hypatia_epoch();
            run.step = duration::from_seconds(50.0);
            run.steps = 4;
            const route_run r = simulate_routes(m, pairs, o, run);
            int checked = 0;
            for (std::size_t q = 0; q < pairs.size(); ++q) {
                const double bound = 2.0 * vacuum_geodesic_delay_s(m.stations[static_cast<std::size_t>(pairs[q].src)].site,
                                                                   m.stations[static_cast<std::size_t>(pairs[q].dst)].site);
                for (const double rtt : r.pairs[q].rtt_s) {
                    if (std::isnan(rtt)) continue;
                    ++checked;
                    ASSERT_GE(rtt, bound - 1e-12) << preset << " pair " << pairs[q].src << "-" << pairs[q].dst;
                }
            }
            EXPECT_GT(checked, 10'000) << preset;
        }
    }
}

TEST(n1_bound, geodesic_matches_the_published_pairs) {
    // research/network.md sec. 4.1 (WGS-84 geodesic via geopy): London-New York 5585 km, Paris-Luanda 6479 km.
    const auto ny = make_ground_station(0, "New York", 40.7128, -74.0060, 0.0);
    const auto london = make_ground_station(1, "London", 51.5074, -0.1278, 0.0);
    EXPECT_NEAR(geodesic_distance_m(london.site, ny.site) / 1e3, 5585.0, 3.0);
    const auto paris = make_ground_station(2, "Paris", 48.85341, 2.3488, 0.0);
    const auto luanda = make_ground_station(3, "Luanda", -8.83682, 13.23432, 0.0);
    EXPECT_NEAR(geodesic_distance_m(paris.site, luanda.site) / 1e3, 6479.0, 1.0);
    EXPECT_NEAR(2.0 * fibre_delay_s(paris.site, luanda.site) * 1e3, 63.45, 0.1);
}

TEST(n2_bent_pipe, zenith_at_550_km_is_7_34_ms_round_trip) {
    const auto user = make_ground_station(0, "user", 0.0, 0.0, 0.0);
    const auto gateway = make_ground_station(1, "gateway", 0.0, 0.0, 0.0);
    const std::vector<ground_station> st{user, gateway};
    const std::vector<double> x{orbit::wgs84::equatorial_radius_m + 550'000.0}, y{0.0}, z{0.0};
    const topology t = build_topology(x, y, z, {}, st, {}, network_options{});
    std::vector<double> d(3);
    std::vector<int> next(3);
    shortest_paths_to(t, 2, false, d, next);
    EXPECT_NEAR(2.0 * d[1] * 1e3, 7.34, 7.34e-3);
    EXPECT_EQ(next[1], 0);  // user -> satellite -> gateway
    EXPECT_NEAR(4.0 * slant_range_m(550'000.0, 90.0 * deg) / constants::speed_of_light_m_per_s * 1e3, 7.34, 7.34e-3);
}

TEST(n3_isl_range, line_of_sight_80_km_above_the_surface) {
    EXPECT_NEAR(max_isl_range_m(hypatia_earth_radius_m + 550'000.0) / 1e3, 5016.6, 0.1);
    EXPECT_NEAR(max_isl_range_m(hypatia_earth_radius_m + 630'000.0) / 1e3, 5443.0, 0.1);
}

TEST(n3_isl_range, every_grid_link_of_the_presets_stays_in_range_for_200_s) {
    for (const char* preset : {"starlink-s1", "kuiper-k1", "telesat-t1"}) {
        const shell_design sh = *shell_preset(preset);
        network_model m;
        m.satellites = shell_element_sets(sh);
        m.isls = plus_grid_isls(sh.planes, sh.sats_per_plane, 0);
        EXPECT_EQ(m.isls.size(), 2U * m.satellites.size());
        m.stations = {make_ground_station(0, "a", 0.0, 0.0, 0.0)};
        const station_pair p{0, 0};
        run_options run;
        run.start = hypatia_epoch();
        run.step = duration::from_seconds(10.0);
        run.steps = 21;
        EXPECT_NO_THROW((void)simulate_routes(m, std::span(&p, 1), network_options{}, run)) << preset;
    }
}

TEST(n3_isl_range, a_grid_link_below_the_line_of_sight_is_an_error) {
    // 4 planes of 4 satellites at 550 km: neighbours 90 deg apart, 9,798 km, through the atmosphere.
    shell_design sh = *shell_preset("starlink-s1");
    sh.planes = 4;
    sh.sats_per_plane = 4;
    network_model m;
    m.satellites = shell_element_sets(sh);
    m.isls = plus_grid_isls(4, 4, 0);
    m.stations = {make_ground_station(0, "a", 0.0, 0.0, 0.0)};
    const station_pair p{0, 0};
    run_options run;
    run.start = hypatia_epoch();
    try {
        (void)simulate_routes(m, std::span(&p, 1), network_options{}, run);
        FAIL() << "expected domain_error";
    } catch (const domain_error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("ISL 0-1: "), std::string::npos) << msg;
        EXPECT_NE(msg.find("below the 80 km limit; a fixed +Grid cannot hold it (the longest allowed ISL at this altitude is"),
                  std::string::npos) << msg;
    }
}

TEST(n4_earth_moon, light_time_at_the_mean_distance_is_1_282_s) {
    EXPECT_NEAR(384'400'000.0 / constants::speed_of_light_m_per_s, 1.282, 1e-3);
    double sum = 0.0, lo = 1e9, hi = 0.0;
    const epoch t0 = epoch::from_utc({2026, 1, 1, 0, 0, 0, 0});
    const int n = 365 * 4;
    for (int k = 0; k < n; ++k) {
        const double d = earth_moon_delay_s(t0 + duration::from_seconds(21'600.0 * k));
        sum += d;
        lo = std::fmin(lo, d);
        hi = std::fmax(hi, d);
    }
    EXPECT_NEAR(sum / n, 1.282, 0.01 * 1.282);
    // Perigee 356,400-370,400 km and apogee 404,000-406,700 km (Meeus 1998 ch. 50).
    EXPECT_GT(lo, 356'000e3 / constants::speed_of_light_m_per_s);
    EXPECT_LT(hi, 407'000e3 / constants::speed_of_light_m_per_s);
    const auto site = make_ground_station(0, "Goldstone", 35.4267, -116.89, 1000.0);
    const double from_site = earth_moon_delay_s(site.site, t0);
    EXPECT_NEAR(from_site, earth_moon_delay_s(t0), 6'400e3 / constants::speed_of_light_m_per_s);
}

}  // namespace
