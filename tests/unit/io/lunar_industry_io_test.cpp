// A moon site's `industry` block (docs/scenarios.md "Lunar industry"): read in SI, written back equal, and bad
// values reported with file, line, column and key path.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "kardashev/core/error.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::io {
namespace {

constexpr const char* moon_yaml = R"(start: 2030-01-01
sites:
  - name: shackleton
    kind: moon
    moon:
      location: polar
      industry:
        regolith_share: [{from: 2030-01-01, value: 20 %}, {from: 2035-01-01, value: 60 %}]
        mass_driver: { rate: 1 Mt/yr, launch_speed: 2.38 km/s, efficiency: 60 %, acceleration: 294 m/s2 }
        plant_power: 250 MW
        delivery_price: 500 USD/kg
        earth_shipments: 100 kt/yr
)";

TEST(lunar_industry_io, reads_the_industry_block_in_si_and_writes_it_back_equal) {
    const auto s = load_scenario_text(moon_yaml, "moon.yaml");
    const auto& ind = s.sites.at(0).moon.industry;
    EXPECT_TRUE(ind.enabled);
    ASSERT_EQ(ind.regolith_share.size(), 2U);
    EXPECT_DOUBLE_EQ(ind.regolith_share[1].value, 0.6);
    EXPECT_NEAR(ind.driver_rate_kg_per_s.at(0).value, 31.69, 0.01);  // 1 Mt per Julian year
    EXPECT_DOUBLE_EQ(ind.driver.launch_speed_m_s, 2380.0);
    EXPECT_DOUBLE_EQ(ind.driver.acceleration_m_s2, 294.0);
    EXPECT_DOUBLE_EQ(ind.plant_power_w.at(0).value, 250e6);
    EXPECT_DOUBLE_EQ(ind.delivery_price_usd_per_kg.at(0).value, 500.0);
    EXPECT_NEAR(ind.earth_shipments_kg_per_s.at(0).value, 1e8 / 31'557'600.0, 1e-9);
    const auto yaml = write_scenario_yaml(s);
    EXPECT_EQ(load_scenario_text(yaml, "written.yaml"), s) << yaml;
}

TEST(lunar_industry_io, an_empty_block_takes_sp413s_driver_and_no_block_none) {
    const auto s = load_scenario_text("sites:\n  - { name: m, kind: moon, moon: { industry: {} } }\n", "m.yaml");
    const auto& ind = s.sites.at(0).moon.industry;
    EXPECT_TRUE(ind.enabled);
    EXPECT_NEAR(ind.driver_rate_kg_per_s.at(0).value, 31.69, 0.01);
    EXPECT_TRUE(ind.plant_power_w.empty());
    EXPECT_EQ(load_scenario_text(write_scenario_yaml(s), "w.yaml"), s);
    const auto plain = load_scenario_text("sites:\n  - { name: m, kind: moon }\n", "m.yaml");
    EXPECT_FALSE(plain.sites.at(0).moon.industry.enabled);
    EXPECT_EQ(write_scenario_yaml(plain).find("industry"), std::string::npos);
}

TEST(lunar_industry_io, a_rate_in_the_wrong_unit_names_its_place) {
    try {
        (void)load_scenario_text(
            "sites:\n  - name: m\n    kind: moon\n    moon:\n      industry:\n        mass_driver: { rate: 5 MW }\n",
            "bad.yaml");
        FAIL() << "loaded";
    } catch (const scenario_error& e) {
        ASSERT_EQ(e.diagnostics().size(), 1U);
        const std::string text = e.diagnostics()[0].to_string();
        EXPECT_NE(text.find("bad.yaml:6:"), std::string::npos) << text;
        EXPECT_NE(text.find("sites[0].moon.industry.mass_driver.rate"), std::string::npos) << text;
        EXPECT_NE(text.find("a mass rate"), std::string::npos) << text;
    }
}

}  // namespace
}  // namespace kardashev::io
