// scene.czml of the default scenario: CZML structure (CZML guide: document packet first, sampled positions in the
// FIXED frame), satellites at the orbit's radius in ECEF, ground sites at their latitude and longitude.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/economy/site_design.hpp"
#include "kardashev/io/czml.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/orbit/frames.hpp"
#include "kardashev/sim/scene.hpp"

namespace {

using namespace kardashev;

const sim::scenario& default_scenario() {
    static const sim::scenario s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    return s;
}

const nlohmann::json& default_czml() {
    static const nlohmann::json j = nlohmann::json::parse(io::scene_czml(sim::compose_scene(default_scenario())));
    return j;
}

const nlohmann::json* packet(const std::string& id) {
    for (const auto& p : default_czml())
        if (p.at("id") == id) return &p;
    return nullptr;
}

double norm(double x, double y, double z) { return std::sqrt(x * x + y * y + z * z); }

TEST(czml, document_packet_comes_first_with_the_clock_of_the_window) {
    const auto& j = default_czml();
    ASSERT_TRUE(j.is_array());
    ASSERT_GT(j.size(), 1U);
    EXPECT_EQ(j[0].at("id"), "document");
    EXPECT_EQ(j[0].at("version"), "1.0");
    EXPECT_EQ(j[0].at("clock").at("interval"), "2026-01-01T00:00:00Z/2026-01-01T03:00:00Z");
    EXPECT_EQ(j[0].at("clock").at("currentTime"), "2026-01-01T00:00:00Z");
    std::set<std::string> ids;
    for (const auto& p : j) EXPECT_TRUE(ids.insert(p.at("id").get<std::string>()).second) << "duplicate id " << p.at("id");
}

TEST(czml, orbit_site_is_one_formation_counted_as_the_site_design_counts_satellites) {
    // 1500 TPUv6e x 1.3 kW = 1.95 MW of IT / 28.3 kW per satellite (economy::site_inputs) = 68.9 -> 69.
    EXPECT_EQ(sim::orbit_site_satellites(default_scenario().sites[2]), 69);
    economy::site_inputs in;
    in.it_power_w = 1500 * 1.3e3;
    EXPECT_EQ(economy::design_site(in).satellites, 69.0);
    int satellites = 0;
    for (const auto& p : default_czml())
        if (p.at("id").get<std::string>().find("/sat-") != std::string::npos) ++satellites;
    EXPECT_EQ(satellites, 69);
}

TEST(czml, every_satellite_has_fixed_frame_samples_at_the_orbit_radius) {
    const sim::scene_options o;
    const int samples = static_cast<int>(o.window.ns() / o.step.ns()) + 1;  // 3 h at 60 s: 181
    EXPECT_EQ(samples, 181);
    const double a_m = orbit::wgs84::equatorial_radius_m + 650e3;
    int checked = 0;
    for (const auto& p : default_czml()) {
        if (p.at("id").get<std::string>().find("/sat-") == std::string::npos) continue;
        const auto& pos = p.at("position");
        EXPECT_EQ(pos.at("referenceFrame"), "FIXED");
        const auto& c = pos.at("cartesian");
        ASSERT_EQ(c.size(), static_cast<std::size_t>(4 * samples)) << p.at("id");
        for (std::size_t k = 0; k < c.size(); k += 4) {
            EXPECT_DOUBLE_EQ(c[k].get<double>(), 60.0 * static_cast<double>(k / 4));
            // Circular orbit: |r| = a to within the formation's 1 km radius (radial extent +-R/2).
            EXPECT_NEAR(norm(c[k + 1], c[k + 2], c[k + 3]), a_m, 1'000.0) << p.at("id") << " sample " << k / 4;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 69);
}

TEST(czml, first_satellite_starts_at_the_ascending_node_below_its_local_time_in_ecef) {
    // SSO with LTAN 18:00 and argument of latitude 0 at 2026-01-01T00:00Z: on the equator where local mean solar
    // time is 18:00, i.e. 90 deg W (UTC 0 h + lon / 15 deg/h = 18 h). A TEME position written as FIXED would sit
    // GMST (~100 deg) away.
    const auto* p = packet("orbital-cluster/sat-001");
    ASSERT_NE(p, nullptr);
    const auto& c = p->at("position").at("cartesian");
    const auto g = orbit::ecef_to_geodetic({c[1].get<double>(), c[2].get<double>(), c[3].get<double>()});
    EXPECT_NEAR(g.lat_rad * 180.0 / constants::pi, 0.0, 0.05);
    EXPECT_NEAR(g.lon_rad * 180.0 / constants::pi, -90.0, 1.0);  // mean vs apparent Sun and GMST-82: < 1 deg
}

TEST(czml, formation_stays_within_its_radius_over_the_window) {
    const auto sc = sim::compose_scene(default_scenario());
    ASSERT_GE(sc.satellites.size(), 69U);
    ASSERT_EQ(sc.satellites[68].site, "orbital-cluster");  // the formation first; the uplink's route satellites after
    double worst = 0.0;
    for (const auto& sat : sc.satellites) {
        if (sat.site != "orbital-cluster") continue;
        for (std::size_t k = 0; k < sat.r_ecef_m.size(); ++k) {
            const auto& a = sat.r_ecef_m[k];
            const auto& b = sc.satellites[0].r_ecef_m[k];
            worst = std::max(worst, norm(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
        }
    }
    // Members within 1 km of the centre (Suncatcher sec. 2.2); J2 on each member's own elements adds a few metres.
    EXPECT_LT(worst, 1'050.0);
    EXPECT_GT(worst, 500.0);
}

TEST(czml, ground_sites_stand_at_their_latitude_and_longitude) {
    const auto* p = packet("site/colossus-1");
    ASSERT_NE(p, nullptr);
    const auto& c = p->at("position").at("cartographicDegrees");
    ASSERT_EQ(c.size(), 3U);
    EXPECT_DOUBLE_EQ(c[0].get<double>(), -90.15);
    EXPECT_DOUBLE_EQ(c[1].get<double>(), 35.06);
    EXPECT_DOUBLE_EQ(c[2].get<double>(), 0.0);
    EXPECT_EQ(p->at("label").at("text"), "colossus-1");
    EXPECT_NE(packet("site/colossus-2"), nullptr);
}

TEST(czml, lunar_site_is_on_the_moon_in_the_earth_fixed_frame) {
    const auto* p = packet("site/lunar-pilot");
    ASSERT_NE(p, nullptr);
    const auto& c = p->at("position").at("cartesian");
    ASSERT_EQ(c.size() % 4, 0U);
    for (std::size_t k = 0; k < c.size(); k += 4) {
        const double r = norm(c[k + 1], c[k + 2], c[k + 3]);
        EXPECT_GT(r, 356'000e3);  // perigee extremes of the Moon's centre, less a lunar radius
        EXPECT_LT(r, 407'000e3);
    }
}

TEST(czml, links_join_neighbours_of_the_formation_by_reference) {
    int links = 0;
    for (const auto& p : default_czml()) {
        if (!p.contains("polyline")) continue;
        const auto& refs = p.at("polyline").at("positions").at("references");
        ASSERT_EQ(refs.size(), 2U);
        for (const auto& r : refs) {
            const std::string ref = r.get<std::string>();
            ASSERT_EQ(ref.substr(ref.size() - 9), "#position");
            EXPECT_NE(packet(ref.substr(0, ref.size() - 9)), nullptr) << ref;
        }
        ++links;
    }
    // 69 points of a square lattice in a disc: each inner point has 4 neighbours; about 2 links per point.
    EXPECT_GT(links, 100);
    EXPECT_LT(links, 2 * 69);
}

TEST(czml, same_scenario_gives_the_same_bytes) {
    const auto a = io::scene_czml(sim::compose_scene(default_scenario()));
    EXPECT_TRUE(a == io::scene_czml(sim::compose_scene(default_scenario())));
}

TEST(czml, ground_site_without_location_is_absent) {
    auto s = default_scenario();
    s.sites[0].location = {};
    s.uplink.network.enabled = false;  // its fibres name colossus-1 (tests/unit/sim/scene_uplink_test.cpp has the routes)
    const auto sc = sim::compose_scene(s);
    for (const auto& site : sc.sites) EXPECT_NE(site.name, "colossus-1");
    EXPECT_EQ(sc.sites.size(), 2U);
}

TEST(czml, scene_rejects_a_non_positive_step) {
    sim::scene_options o;
    o.step = duration::from_seconds(0.0);
    EXPECT_THROW((void)sim::compose_scene(default_scenario(), o), domain_error);
}

}  // namespace
