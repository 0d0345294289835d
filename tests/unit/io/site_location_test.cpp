// A ground site's location (docs/scenarios.md sites[].location): read in degrees, checked, written back.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::io {
namespace {

std::string diagnostics_of(std::string_view text) {
    try {
        (void)load_scenario_text(text, "bad.yaml");
    } catch (const scenario_error& e) {
        std::string out;
        for (const auto& d : e.diagnostics()) out += d.to_string() + "\n";
        return out;
    }
    return "<loaded>";
}

constexpr double deg = constants::pi / 180.0;

TEST(site_location, latitude_and_longitude_load_in_radians_and_write_back) {
    const auto s = load_scenario_text(R"(name: x
sites:
  - name: memphis
    location: { latitude: 35.06 deg, longitude: -90.15 deg }
)",
                                      "x.yaml");
    ASSERT_TRUE(s.sites[0].location.given);
    EXPECT_NEAR(s.sites[0].location.latitude_rad, 35.06 * deg, 1e-15);
    EXPECT_NEAR(s.sites[0].location.longitude_rad, -90.15 * deg, 1e-15);
    const auto again = load_scenario_text(write_scenario_yaml(s), "again.yaml");
    EXPECT_EQ(again.sites[0].location, s.sites[0].location);
}

TEST(site_location, is_absent_unless_given) {
    const auto s = load_scenario_text("name: x\nsites:\n  - name: a\n", "x.yaml");
    EXPECT_FALSE(s.sites[0].location.given);
    EXPECT_EQ(write_scenario_yaml(s).find("location"), std::string::npos);
}

TEST(site_location, default_scenario_places_both_colossus_campuses_in_memphis) {
    const auto s = load_scenario_text(default_scenario_text(), "<default>");
    for (int i : {0, 1}) {
        const auto& loc = s.sites[static_cast<std::size_t>(i)].location;
        ASSERT_TRUE(loc.given) << s.sites[static_cast<std::size_t>(i)].name;
        EXPECT_NEAR(loc.latitude_rad / deg, 35.0, 0.1);
        EXPECT_NEAR(loc.longitude_rad / deg, -90.1, 0.1);
    }
}

TEST(site_location, out_of_range_and_missing_keys_are_errors) {
    EXPECT_EQ(diagnostics_of(R"(name: x
sites:
  - name: a
    location: { latitude: 95 deg, longitude: 200 deg }
)"),
              "bad.yaml:4:27: sites[0].location.latitude: expected a latitude from -90 to 90 deg, got \"95 deg\"\n"
              "bad.yaml:4:46: sites[0].location.longitude: expected a longitude from -180 to 180 deg, got \"200 deg\"\n");
    EXPECT_EQ(diagnostics_of(R"(name: x
sites:
  - name: a
    location:
      latitude: 35 deg
)"),
              "bad.yaml:5:7: sites[0].location: missing required key \"longitude\"\n");
}

TEST(site_location, only_a_ground_site_has_one) {
    EXPECT_EQ(diagnostics_of(R"(name: x
sites:
  - name: a
    kind: orbit
    location: { latitude: 35 deg, longitude: -90 deg }
)"),
              "bad.yaml:5:15: sites[0].location: only a site of kind ground has a location (an orbit site has an orbit, "
              "a moon site a moon block)\n");
}

}  // namespace
}  // namespace kardashev::io
