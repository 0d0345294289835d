// The routed uplink in the globe's scene: demand regions as sites, each region's route at the start to the nearest
// located ground site as links, and the satellites on the routes sampled by SGP4 at the constellation's altitude.

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>

#include "kardashev/io/scenario_io.hpp"
#include "kardashev/orbit/frames.hpp"
#include "kardashev/sim/scene.hpp"

namespace {

using namespace kardashev;

const sim::scene& default_scene() {
    static const sim::scene sc = sim::compose_scene(io::load_scenario_text(io::default_scenario_text(), "<default>"));
    return sc;
}

TEST(scene_uplink, each_region_is_a_site_with_a_route_ending_at_a_compute_site) {
    const auto& sc = default_scene();
    std::set<std::string> ids;
    for (const auto& s : sc.sites) ids.insert(s.id);
    for (const auto& s : sc.satellites) ids.insert(s.id);
    std::map<std::string, std::string> next;  // route hop: from -> to
    for (const auto& l : sc.links) {
        if (l.kind != "route") continue;
        EXPECT_TRUE(ids.count(l.from)) << l.id << " from " << l.from;
        EXPECT_TRUE(ids.count(l.to)) << l.id << " to " << l.to;
        next[l.from] = l.to;
    }
    for (const char* region : {"region/north-america", "region/europe", "region/asia-pacific"}) {
        ASSERT_TRUE(ids.count(region)) << region;
        std::string v = region;
        int hops = 0;
        while (next.count(v) && hops < 100) {
            v = next[v];
            ++hops;
        }
        EXPECT_TRUE(v == "site/colossus-1" || v == "site/colossus-2") << region << " ends at " << v;
        EXPECT_GE(hops, 2) << region;  // at least up and down
    }
}

TEST(scene_uplink, route_satellites_fly_at_the_shells_altitude) {
    int checked = 0;
    for (const auto& s : default_scene().satellites) {
        if (s.id.rfind("uplink/satellite-", 0) != 0) continue;
        ASSERT_EQ(s.r_ecef_m.size(), static_cast<std::size_t>(default_scene().samples));
        for (const auto& r : s.r_ecef_m) {
            const auto g = orbit::ecef_to_geodetic(r);
            // Hypatia's shell 1 element sets carry 15.19 rev/d, a mean radius of ~6,887 km (SGP4's Kozai mean motion);
            // short-period terms and the e = 1e-7 orbit keep |r| within ~15 km of it.
            EXPECT_NEAR(std::hypot(r[0], r[1], r[2]), 6'887e3, 20e3) << s.id;
            EXPECT_LE(std::abs(g.lat_rad), 53.2 * 3.14159265358979 / 180.0) << s.id;  // 53 deg inclination
        }
        ++checked;
    }
    EXPECT_GT(checked, 3);
}

}  // namespace
