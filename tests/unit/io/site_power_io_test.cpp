// A site's power plant and its energy price and carbon schedules in the scenario language (docs/scenarios.md
// "Power plant"): defaults per source, the writer round trip, and exact diagnostics.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "kardashev/core/error.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"

namespace kardashev::io {
namespace {

constexpr const char* plant_text = R"(name: plant
start: 2026-01-01
sites:
  - name: campus
    accelerators: 100000
    power_plant:
      - { from: 2026-01-01, source: gas_turbine, capacity: 300 MW, lead_time: 180 d }
      - { from: 2027-01-01, source: grid, capacity: 1 GW, energy_price: 0.09 USD/kWh }
      - { from: 2030-01-01, source: nuclear, capacity: 1 GW, capex: 10 USD/W, life: 60 y }
)";

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

TEST(site_power_io, blocks_take_their_sources_defaults_and_the_given_figures) {
    const auto s = load_scenario_text(plant_text, "plant.yaml");
    const auto& plant = s.sites.at(0).power_plant;
    ASSERT_EQ(plant.size(), 3U);
    EXPECT_EQ(plant[0].source, energy::plant_kind::gas_turbine);
    EXPECT_EQ(plant[0].capacity_w, 300e6);
    EXPECT_EQ(plant[0].lead_time, duration::from_days(180));
    EXPECT_EQ(plant[0].capex_usd_per_w, sim::default_power_block(energy::plant_kind::gas_turbine, s.start).capex_usd_per_w);
    EXPECT_EQ(plant[1].energy_price_usd_per_j, parse_quantity("0.09 USD/kWh", quantity_kind::price_per_energy));
    EXPECT_EQ(plant[1].carbon_kg_per_j, sim::default_power_block(energy::plant_kind::grid, s.start).carbon_kg_per_j);
    EXPECT_EQ(plant[2].from, epoch::from_utc_iso("2030-01-01"));
    EXPECT_EQ(plant[2].capex_usd_per_w, 10.0);
    EXPECT_EQ(plant[2].lead_time, sim::default_power_block(energy::plant_kind::nuclear, s.start).lead_time);
}

TEST(site_power_io, a_power_plant_writes_back_equal) {
    const auto s = load_scenario_text(plant_text, "plant.yaml");
    const std::string yaml = write_scenario_yaml(s);
    EXPECT_EQ(yaml.find("power_capacity"), std::string::npos) << yaml;
    EXPECT_EQ(load_scenario_text(yaml, "resolved.yaml"), s) << yaml;
}

TEST(site_power_io, a_block_figure_can_be_set_from_the_command_line) {
    const auto s = load_scenario_text(plant_text, "plant.yaml", {{"sites[0].power_plant[2].capacity", "2 GW"},
                                                                {"sites[0].power_plant[1].lead_time", "2 y"}});
    EXPECT_EQ(s.sites.at(0).power_plant.at(2).capacity_w, 2e9);
    EXPECT_EQ(s.sites.at(0).power_plant.at(1).lead_time, duration::from_seconds(parse_quantity("2 y", quantity_kind::time)));
}

TEST(site_power_io, energy_price_and_carbon_intensity_take_schedules_and_write_them_back) {
    const auto s = load_scenario_text(R"(start: 2026-01-01
sites:
  - name: a
    energy_price:
      - { from: 2026-01-01, value: 0.08 USD/kWh }
      - { from: 2030-01-01, value: 0.12 USD/kWh }
    carbon_intensity: 0.3 kg/kWh
)",
                                      "schedule.yaml");
    const auto& site = s.sites.at(0);
    ASSERT_EQ(site.energy_price_usd_per_j.size(), 2U);
    EXPECT_EQ(site.energy_price_usd_per_j[1].value, parse_quantity("0.12 USD/kWh", quantity_kind::price_per_energy));
    EXPECT_TRUE(site.carbon_kg_per_j.empty()) << "a scalar stays the constant facility figure";
    EXPECT_EQ(site.facility.carbon_kg_per_j, parse_quantity("0.3 kg/kWh", quantity_kind::mass_per_energy));
    EXPECT_EQ(load_scenario_text(write_scenario_yaml(s), "resolved.yaml"), s);
}

TEST(site_power_io, the_old_keys_beside_a_power_plant_are_an_error_at_each_key) {
    EXPECT_EQ(diagnostics_of(R"(sites:
  - name: a
    power_capacity: 300 MW
    energy_price: 0.09 USD/kWh
    power_plant:
      - { from: 2026-01-01, source: grid, capacity: 1 GW }
)"),
              "bad.yaml:3:21: sites[0].power_capacity: give power_plant or power_capacity, not both: a site with a "
              "power_plant takes its capacity, energy price and carbon intensity from its blocks\n"
              "bad.yaml:4:19: sites[0].energy_price: give power_plant or energy_price, not both: a site with a "
              "power_plant takes its capacity, energy price and carbon intensity from its blocks\n");
}

TEST(site_power_io, a_block_needs_a_known_source_and_dates_in_order) {
    EXPECT_EQ(diagnostics_of(R"(sites:
  - name: a
    power_plant:
      - { from: 2027-01-01, source: coal, capacity: 1 GW }
      - { from: 2026-01-01, source: grid }
)"),
              "bad.yaml:4:37: sites[0].power_plant[0].source: unknown power source \"coal\"; known: grid, gas_turbine, "
              "nuclear, solar_storage\n"
              "bad.yaml:5:9: sites[0].power_plant[1]: missing required key \"capacity\"\n"
              "bad.yaml:5:17: sites[0].power_plant[1].from: expected blocks in order of their from dates, got "
              "\"2026-01-01\" after \"2027-01-01\"\n");
}

TEST(site_power_io, an_orbit_site_has_no_power_plant) {
    EXPECT_EQ(diagnostics_of(R"(sites:
  - name: o
    kind: orbit
    power_plant:
      - { from: 2026-01-01, source: grid, capacity: 1 GW }
)"),
              "bad.yaml:5:7: sites[0].power_plant: only a site of kind ground has a power_plant (an orbit or moon "
              "site runs on its arrays)\n");
}

TEST(site_power_io, the_old_keys_run_as_before_and_a_plant_of_the_same_figures_runs_the_same) {
    const auto old_keys = load_scenario_text(R"(start: 2026-01-01
length: 60 d
corpus: { initial_unique_tokens: 1000 Ttok }
sites:
  - name: a
    accelerators: 10000
    power_capacity: 10 MW
    energy_price: 0.09 USD/kWh
    carbon_intensity: 0.3 kg/kWh
)",
                                             "old.yaml");
    const auto plant = load_scenario_text(R"(start: 2026-01-01
length: 60 d
corpus: { initial_unique_tokens: 1000 Ttok }
sites:
  - name: a
    accelerators: 10000
    power_plant:
      - { from: 2026-01-01, source: grid, capacity: 10 MW, energy_price: 0.09 USD/kWh, carbon_intensity: 0.3 kg/kWh, lead_time: 0 s }
)",
                                          "plant.yaml");
    const auto a = sim::run(old_keys).summary;
    const auto b = sim::run(plant).summary;
    EXPECT_GT(a.total_emissions_kg, 0.0);
    EXPECT_EQ(a.total_energy_j, b.total_energy_j);
    EXPECT_NEAR(a.total_opex_usd, b.total_opex_usd, 1e-12 * a.total_opex_usd);
    EXPECT_NEAR(a.total_emissions_kg, b.total_emissions_kg, 1e-12 * a.total_emissions_kg);
    EXPECT_NEAR(a.total_emissions_kg, a.total_energy_j * 0.3 / 3.6e6, 1e-9 * a.total_emissions_kg);
}

}  // namespace
}  // namespace kardashev::io
