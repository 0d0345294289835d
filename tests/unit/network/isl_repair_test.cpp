// Unit tests of cross-plane ISL re-pairing near the poles and at the seam (network_options::repair).

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/network/routing.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "support/error_message.hpp"
#include "support/network_fixtures.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::network;

constexpr double deg = constants::pi / 180.0;

std::string error_of(const auto& fn) { return kardashev::testing::error_message<kardashev::error>(fn); }

/// ISL links (u < v) of a topology.
std::set<std::pair<int, int>> isl_links(const topology& t) {
    std::set<std::pair<int, int>> out;
    for (int u = 0; u < t.satellites; ++u) {
        for (int e = t.offsets[static_cast<std::size_t>(u)]; e < t.offsets[static_cast<std::size_t>(u) + 1]; ++e) {
            const auto ei = static_cast<std::size_t>(e);
            if (t.kind[ei] == link_kind::isl && u < t.targets[ei]) out.insert({u, t.targets[ei]});
        }
    }
    return out;
}

/// An Iridium-like Walker star: 6 planes x 11 at 780 km and 86.4 deg, ascending nodes 30 deg apart over 180 deg,
/// so planes 5 and 0 are neighbours that orbit in opposite directions (the seam).
network_model iridium_like_star(epoch t0) {
    network_model m;
    m.satellites = walker_element_sets(6, 11, 2, 780e3, 86.4 * deg, t0);
    for (std::size_t k = 0; k < m.satellites.size(); ++k) m.satellites[k].raan_rad = static_cast<double>(k / 11) * 30.0 * deg;
    m.isls = plus_grid_isls(6, 11, 0);
    m.stations = {make_ground_station(0, "a", 0.0, 0.0, 0.0)};
    return m;
}

TEST(isl_repair, leaves_starlink_shell_1_unchanged_below_the_polar_latitude) {
    // S1 reaches 53 deg latitude, under the 70 deg threshold, and its neighbouring planes are 5 deg apart in node
    // (co-rotating): re-pairing changes nothing.
    const network_model m = kardashev::testing::starlink_s1_top_100();
    network_options on;
    on.repair.enabled = true;
    for (const double t_s : {0.0, 1000.0, 3000.0}) {
        const epoch t = hypatia_epoch() + duration::from_seconds(t_s);
        EXPECT_EQ(topology_at(m, on, t), topology_at(m, network_options{}, t)) << t_s;
    }
}

TEST(isl_repair, star_shell_has_no_cross_plane_links_over_the_poles_or_across_the_seam) {
    const epoch t0 = epoch::from_utc({2026, 1, 1, 0, 0, 0, 0});
    const network_model m = iridium_like_star(t0);
    std::set<std::pair<int, int>> grid;
    for (const auto& l : m.isls) grid.insert({std::min(l.a, l.b), std::max(l.a, l.b)});
    network_options on;
    on.repair.enabled = true;
    int seam_fixed = 0, polar_fixed = 0, repaired = 0;
    for (int k = 0; k < 20; ++k) {
        const epoch t = t0 + duration::from_seconds(60.0 * k);
        const topology dyn = topology_at(m, on, t);
        // The same positions topology_at uses: SGP4, then TEME -> ECEF.
        std::vector<double> x, y, z;
        {
            const orbit::sgp4_propagator prop(m.satellites);
            for (std::size_t i = 0; i < m.satellites.size(); ++i) {
                const auto s = prop.propagate(i, (t - m.satellites[i].epoch_time).seconds() / 60.0);
                const orbit::vec3 r =
                    orbit::teme_to_ecef({{s.r_teme_km[0] * 1e3, s.r_teme_km[1] * 1e3, s.r_teme_km[2] * 1e3}, {}}, t).r_m;
                x.push_back(r[0]);
                y.push_back(r[1]);
                z.push_back(r[2]);
            }
        }
        const auto lat = [&](int i) {
            const auto u = static_cast<std::size_t>(i);
            return std::asin(z[u] / std::sqrt(x[u] * x[u] + y[u] * y[u] + z[u] * z[u]));
        };
        const auto plane = [](int i) { return i / 11; };
        const auto seam = [&](int a, int b) { return (plane(a) == 0 && plane(b) == 5) || (plane(a) == 5 && plane(b) == 0); };
        for (const auto& [a, b] : grid) {
            if (plane(a) == plane(b)) continue;
            seam_fixed += seam(a, b) ? 1 : 0;
            polar_fixed += std::fabs(lat(a)) > 70.0 * deg || std::fabs(lat(b)) > 70.0 * deg ? 1 : 0;
        }
        std::vector<int> degree(66, 0), cross(66, 0);
        for (const auto& [a, b] : isl_links(dyn)) {
            ++degree[static_cast<std::size_t>(a)];
            ++degree[static_cast<std::size_t>(b)];
            if (plane(a) == plane(b)) {
                EXPECT_TRUE(grid.count({a, b}) == 1) << a << "-" << b;
                continue;
            }
            ++cross[static_cast<std::size_t>(a)];
            ++cross[static_cast<std::size_t>(b)];
            EXPECT_FALSE(seam(a, b)) << "seam link " << a << "-" << b << " at step " << k;
            EXPECT_LE(std::fabs(lat(a)), 70.0 * deg) << a;
            EXPECT_LE(std::fabs(lat(b)), 70.0 * deg) << b;
            const double r = std::sqrt(x[static_cast<std::size_t>(a)] * x[static_cast<std::size_t>(a)] +
                                       y[static_cast<std::size_t>(a)] * y[static_cast<std::size_t>(a)] +
                                       z[static_cast<std::size_t>(a)] * z[static_cast<std::size_t>(a)]);
            const double len = std::hypot(x[static_cast<std::size_t>(a)] - x[static_cast<std::size_t>(b)],
                                          y[static_cast<std::size_t>(a)] - y[static_cast<std::size_t>(b)],
                                          z[static_cast<std::size_t>(a)] - z[static_cast<std::size_t>(b)]);
            EXPECT_LT(len, max_isl_range_m(r) * 1.01);
            repaired += grid.count({a, b}) == 0 ? 1 : 0;
        }
        for (int i = 0; i < 66; ++i) {
            EXPECT_LE(degree[static_cast<std::size_t>(i)], 4) << i;
            EXPECT_LE(cross[static_cast<std::size_t>(i)], 2) << i;
            EXPECT_GE(degree[static_cast<std::size_t>(i)] - cross[static_cast<std::size_t>(i)], 2) << i;  // intra-plane kept
        }
    }
    // The +Grid does cross the seam (a fixed +Grid cannot even hold those links: their ends orbit in opposite
    // directions) and the polar caps, so the checks above bite; some links were re-paired.
    EXPECT_GT(seam_fixed, 0);
    EXPECT_GT(polar_fixed, 0);
    EXPECT_GT(repaired, 0);
    std::printf("20 steps: the +Grid has %d seam and %d polar cross-plane links; re-pairing made %d new links\n",
                seam_fixed, polar_fixed, repaired);
}

TEST(isl_repair, nearest_free_satellite_in_another_plane_takes_the_terminal) {
    // Eight satellites on the equator at 550 km in four planes (two each, one intra-plane link per plane); three
    // cross-plane links are beyond the line of sight (42.4 deg apart at most), so 0, 2, 4, 5, 6 and 7 each lose one.
    // Within reach of each other only 0-4 (10 deg) and 0-5 (25 deg): the nearer 0-4 is made, and 5 stays unpaired.
    const double r = 6'378'135.0 + 550e3;
    const double angle_deg[8] = {0.0, -10.0, 180.0, 190.0, 10.0, 25.0, 120.0, 100.0};
    std::vector<double> x, y, z;
    for (const double a : angle_deg) {
        x.push_back(r * std::cos(a * deg));
        y.push_back(r * std::sin(a * deg));
        z.push_back(0.0);
    }
    const std::vector<isl> isls{{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2, true}, {5, 6, true}, {4, 7, true}};
    network_options on;
    on.repair.enabled = true;
    const topology t = build_topology(x, y, z, isls, {}, {}, on);
    EXPECT_EQ(isl_links(t), (std::set<std::pair<int, int>>{{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 4}}));
    EXPECT_EQ(error_of([&] { (void)build_topology(x, y, z, isls, {}, {}, network_options{}); }).substr(0, 10),
              "ISL 0-2: 1");
    on.repair.polar_latitude_rad = 0.0;
    EXPECT_EQ(error_of([&] { (void)build_topology(x, y, z, isls, {}, {}, on); }),
              "ISL re-pairing: expected a polar latitude in (0, 90] deg, got 0 deg");
}

}  // namespace
