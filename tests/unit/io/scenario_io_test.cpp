// Scenario loading, defaults, custom accelerators and the resolved-scenario writer
// (docs/scenarios.md).

#include <gtest/gtest.h>

#include "kardashev/core/units.hpp"
#include <stdexcept>
#include <string>
#include <vector>

#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/io/launcher_catalog.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::io {
namespace {

const compute::accelerator& builtin(const std::string& name) {
    for (const auto& a : builtin_accelerators()) {
        if (a.name == name) return a;
    }
    throw std::runtime_error("no builtin accelerator " + name);
}

constexpr const char* custom_scenario = R"(name: custom
description: >-
  Two sites, one on a custom accelerator, one on a builtin one re-priced by the scenario.
start: 2027-03-01T06:00:00Z
length: 2 y
step: 12 h
seed: 7
fleet:
  cohorts:
    - name: cars
      kind: vehicle
      units: 2.5 M
      market_size: 20 M
      growth_rate: 40 %/yr
      raw_data_per_unit: 25 GB/h
      upload_fraction: 0.2 %
      curation_yield: 30 %
      tokens_per_byte: 0.002 tok/B
      quality_elasticity: 2
    - name: posts
      kind: social
      units: 1e8
corpus:
  initial_unique_tokens: 15.6 Ttok
  max_epochs: 3
uplink:
  capacity:
    - { from: 2027-03-01, value: 400 Gbps }
    - { from: 2028-01-01T12:00:00Z, value: 1.2 Tbps }
sites:
  - name: orbit-lab
    accelerator: RH1
    accelerators: 5000
    power_capacity: 20 MW
    pue: 1.05
    energy_price: 0.05 USD/kWh
    carbon_intensity: 0 kg/kWh
    facility_capex: 25 USD/W
    facility_life: 6 y
  - name: campus
    accelerator: H100
    accelerators:
      - { from: 2027-03-01, value: 10000 }
      - { from: 2027-09-01, value: 30000 }
    power_capacity: 60 MW
training:
  scaling_law: hoffmann
  mfu: 38 %
  goodput: 0.95
  generation_length: 90 d
  release_gap: 14 d
  reference_loss: 2.1
economy:
  capex_budget: 5 GUSD/yr
  accelerator_life: 4 y
  facility_life: 20 y
  cost_of_capital: 8 %
accelerators:
  - name: RH1
    peak_flops_bf16: 1.2 PFLOP/s
    hbm: 96 GB
    hbm_bandwidth: 4 TB/s
    power: 900 W
    all_in_power: 1.5 kW
    price: 60000 USD
    source: assumption (a radiation-hardened part for an orbital site)
  - name: H100
    peak_flops_bf16: 989.4 TFLOP/s
    hbm: 80 GB
    hbm_bandwidth: 3.35 TB/s
    power: 700 W
    all_in_power: 1.4 kW
    price: 25000 USD
    source: a negotiated price
)";

TEST(scenario_io, embedded_default_scenario_loads) {
    const auto s = load_scenario_text(default_scenario_text(), "<default>");
    EXPECT_EQ(s.name, "default");
    EXPECT_FALSE(s.cohorts.empty());
    ASSERT_FALSE(s.sites.empty());
    for (const auto& site : s.sites) EXPECT_EQ(site.accel, builtin(site.accel.name)) << site.name;
    EXPECT_TRUE(s.custom_accelerators.empty());
}

TEST(scenario_io, builtin_catalogue_is_the_embedded_file) {
    const auto& h100 = builtin("H100");
    EXPECT_DOUBLE_EQ(h100.peak_flops_bf16, 989.4e12);
    EXPECT_DOUBLE_EQ(h100.hbm_bytes, 85.52e9);  // "80 GB" = 80 GiB; 81,559 MiB usable
    EXPECT_DOUBLE_EQ(h100.power_w, 700.0);
    EXPECT_FALSE(h100.source.empty());
}

TEST(scenario_io, empty_text_is_every_default) {
    sim::scenario defaults;  // and io's default launcher, Starship V3 at 25 flights a year (docs/scenarios.md)
    defaults.catalogue = builtin_accelerators();  // resolved by the loader: the parts on offer
    defaults.launch.launchers = {{find_launcher("Starship V3"), {{defaults.start, 25.0 / (365.25 * 86400.0)}}}};
    EXPECT_EQ(load_scenario_text("", "empty.yaml"), defaults);
    EXPECT_EQ(load_scenario_text("# nothing but a comment\n", "empty.yaml"), defaults);
}

TEST(scenario_io, cohort_and_site_fields_take_the_documented_defaults) {
    const auto s = load_scenario_text("fleet:\n  cohorts:\n    - name: c\n      units: 300\nsites:\n  - name: s\n", "x.yaml");
    ASSERT_EQ(s.cohorts.size(), 1U);
    const auto& c = s.cohorts[0];
    EXPECT_EQ(c.kind, fleet::cohort_kind::vehicle);
    EXPECT_EQ(c.units, 300.0);
    const std::vector<sim::schedule_point> none;
    EXPECT_EQ(c.market_size, (std::vector<sim::schedule_point>{{s.start, 300.0}}));  // defaults to units: no growth room
    EXPECT_EQ(c.growth_rate_per_s, none);
    EXPECT_EQ(c.production_per_s, none);
    EXPECT_EQ(c.raw_bytes_per_unit_s, none);
    EXPECT_EQ(c.upload_fraction, (std::vector<sim::schedule_point>{{s.start, 1.0}}));
    EXPECT_EQ(c.curation_yield, (std::vector<sim::schedule_point>{{s.start, 1.0}}));
    EXPECT_FALSE(c.start.has_value());
    EXPECT_FALSE(c.end.has_value());
    EXPECT_EQ(c.tokens_per_byte, 0.25);
    EXPECT_EQ(c.quality_elasticity, 0.0);
    ASSERT_EQ(s.sites.size(), 1U);
    const auto& site = s.sites[0];
    EXPECT_EQ(site.kind, sim::site_kind::ground);
    EXPECT_EQ(site.accel, builtin("H100"));
    EXPECT_TRUE(site.planned_accelerators.empty());
    EXPECT_TRUE(site.power_capacity_w.empty());
    EXPECT_EQ(site.facility.pue, 1.3);
    EXPECT_EQ(site.facility.energy_price_usd_per_j, parse_quantity("0.08 USD/kWh", quantity_kind::price_per_energy));
    EXPECT_EQ(site.facility.carbon_kg_per_j, parse_quantity("0.37 kg/kWh", quantity_kind::mass_per_energy));
    EXPECT_EQ(site.facility_capex_usd_per_w, 10.0);
    EXPECT_EQ(site.facility_life, duration::from_days(15 * 365));  // economy.facility_life, resolved
    const sim::scenario defaults;
    EXPECT_EQ(s.training, defaults.training);
    EXPECT_EQ(s.economy, defaults.economy);
    EXPECT_EQ(s.corpus, defaults.corpus);
}

TEST(scenario_io, quantities_are_converted_to_si) {
    const auto s = load_scenario_text(custom_scenario, "custom.yaml");
    EXPECT_EQ(s.start, epoch::from_utc_iso("2027-03-01T06:00:00Z"));
    EXPECT_EQ(s.length, duration::from_seconds(2 * 365.25 * 86400.0));
    EXPECT_EQ(s.step, duration::from_seconds(12 * 3600.0));
    EXPECT_EQ(s.seed, 7U);
    const auto& cars = s.cohorts.at(0);
    EXPECT_EQ(cars.units, 2.5e6);
    EXPECT_DOUBLE_EQ(cars.growth_rate_per_s.at(0).value, 0.4 / (365.25 * 86400.0));
    EXPECT_DOUBLE_EQ(cars.raw_bytes_per_unit_s.at(0).value, 25e9 / 3600.0);
    EXPECT_DOUBLE_EQ(cars.upload_fraction.at(0).value, 0.002);
    EXPECT_DOUBLE_EQ(s.corpus.initial_unique_tokens, 15.6e12);
    EXPECT_EQ(s.corpus.repetition_constant, 15.4);  // not given: the default
    EXPECT_EQ(s.training.scaling_law, fleet::scaling_law_kind::hoffmann);
    EXPECT_DOUBLE_EQ(s.training.mfu, 0.38);
    EXPECT_EQ(s.training.release_gap, duration::from_days(14));
    EXPECT_DOUBLE_EQ(s.economy.capex_budget_usd_per_s.at(0).value, 5e9 / (365.25 * 86400.0));
    EXPECT_DOUBLE_EQ(s.economy.cost_of_capital, 0.08);
}

TEST(scenario_io, one_quantity_is_a_schedule_constant_from_the_start) {
    const auto s = load_scenario_text(custom_scenario, "custom.yaml");
    const auto& lab = s.sites.at(0);
    ASSERT_EQ(lab.planned_accelerators.size(), 1U);
    EXPECT_EQ(lab.planned_accelerators[0], (sim::schedule_point{s.start, 5000.0}));
    EXPECT_EQ(lab.facility_life, duration::from_seconds(6 * 365.25 * 86400.0));
    EXPECT_EQ(s.sites.at(1).facility_life, s.economy.facility_life) << "a ground site without one takes the economy's";
    ASSERT_EQ(s.uplink.capacity_bytes_per_s.size(), 2U);
    EXPECT_EQ(s.uplink.capacity_bytes_per_s[1].at, epoch::from_utc_iso("2028-01-01T12:00:00Z"));
    EXPECT_DOUBLE_EQ(s.uplink.capacity_bytes_per_s[1].value, 1.2e12 / 8.0);
}

TEST(scenario_io, sites_resolve_custom_accelerators_which_replace_builtin_ones) {
    const auto s = load_scenario_text(custom_scenario, "custom.yaml");
    ASSERT_EQ(s.custom_accelerators.size(), 2U);
    EXPECT_EQ(s.sites.at(0).accel, s.custom_accelerators[0]);
    EXPECT_EQ(s.sites.at(0).accel.name, "RH1");
    EXPECT_DOUBLE_EQ(s.sites.at(0).accel.peak_flops_bf16, 1.2e15);
    EXPECT_EQ(s.sites.at(1).accel, s.custom_accelerators[1]);
    EXPECT_EQ(s.sites.at(1).accel.price_usd, 25000.0);
    EXPECT_NE(s.sites.at(1).accel, builtin("H100"));
}

TEST(scenario_io, failures_default_to_expected_and_drawn_is_written_back) {
    EXPECT_EQ(load_scenario_text("", "empty.yaml").failures, sim::failure_mode::expected);
    const auto s = load_scenario_text("failures: drawn\n", "drawn.yaml");
    EXPECT_EQ(s.failures, sim::failure_mode::drawn);
    const std::string yaml = write_scenario_yaml(s);
    EXPECT_NE(yaml.find("\nfailures: drawn\n"), std::string::npos) << yaml;
    EXPECT_EQ(load_scenario_text(yaml, "explain.yaml"), s);
    EXPECT_EQ(write_scenario_yaml(load_scenario_text("", "empty.yaml")).find("failures:"), std::string::npos);
}

TEST(scenario_io, written_default_scenario_loads_back_equal) {
    const auto s = load_scenario_text(default_scenario_text(), "<default>");
    const std::string yaml = write_scenario_yaml(s);
    EXPECT_EQ(load_scenario_text(yaml, "explain.yaml"), s) << yaml;
    EXPECT_EQ(write_scenario_yaml(load_scenario_text(yaml, "explain.yaml")), yaml);
}

TEST(scenario_io, written_custom_scenario_with_overrides_loads_back_equal) {
    const auto s = load_scenario_text(custom_scenario, "custom.yaml",
                                      {{"training.mfu", "43.3 %"},
                                       {"sites[1].pue", "1.17"},
                                       {"fleet.cohorts[1].units", "123456789"},
                                       {"economy.capex_budget", "[{from: 2027-03-01, value: 7.77 GUSD/yr}]"},
                                       {"description", "\"quoted: with a colon\""}});
    const std::string yaml = write_scenario_yaml(s);
    EXPECT_EQ(load_scenario_text(yaml, "explain.yaml"), s) << yaml;
    EXPECT_NE(yaml.find("accelerators:\n  - name: RH1\n"), std::string::npos) << yaml;
    EXPECT_NE(yaml.find("    accelerator: RH1\n"), std::string::npos) << yaml;
}

TEST(scenario_io, written_defaults_load_back_equal) {
    sim::scenario defaults;
    defaults.catalogue = builtin_accelerators();  // resolved by the loader, never written
    EXPECT_EQ(load_scenario_text(write_scenario_yaml(defaults), "explain.yaml"), defaults);
}

TEST(scenario_io, written_awkward_values_load_back_equal) {
    auto s = load_scenario_text(custom_scenario, "custom.yaml");
    s.name = "null";
    s.description = "two\nlines: and a # hash";
    s.length = duration::from_seconds(34'560'000.123456789);
    s.training.mfu = 0.1 + 0.2;
    s.cohorts.at(0).growth_rate_per_s = {{s.start, 1.0 / 3.0 * 1e-8}};
    s.sites.at(0).facility.energy_price_usd_per_j = 1e-8 / 7.0;
    const std::string yaml = write_scenario_yaml(s);
    EXPECT_EQ(load_scenario_text(yaml, "explain.yaml"), s) << yaml;
}

TEST(scenario_io, off_world_sites_load_their_orbit_or_moon_block_and_write_back_equal) {
    const auto s = load_scenario_text(R"(sites:
  - name: sso
    kind: orbit
    orbit: { altitude: 650 km, ltan: "06:30", shadow: conical }
  - name: inclined
    kind: orbit
    orbit: { altitude: 550 km, inclination: 53 deg, raan: 40 deg }
  - name: defaults
    kind: orbit
  - name: ridge
    kind: moon
    moon: { location: polar, sunlit_fraction: 95 % }
  - name: equator
    kind: moon
    moon: { location: equatorial }
)",
                                      "orbit.yaml");
    ASSERT_EQ(s.sites.size(), 5U);
    EXPECT_EQ(s.sites[3].moon.sunlit_fraction, 0.95);
    EXPECT_EQ(s.sites[3].facility_capex_usd_per_w, 0.0) << "off-world facility cost comes from the design";
    EXPECT_EQ(s.sites[4].moon.location, sim::lunar_location::equatorial);
    EXPECT_EQ(s.sites[4].moon.sunlit_fraction, 0.5) << "half of each synodic month";
    const auto& sso = s.sites[0].orbit;
    EXPECT_TRUE(sso.sun_synchronous);
    EXPECT_EQ(sso.altitude_m, 650'000.0);
    EXPECT_EQ(sso.ltan_h, 6.5);
    EXPECT_EQ(sso.shadow, orbit::shadow_model::conical);
    EXPECT_EQ(s.sites[0].facility.energy_price_usd_per_j, 0.0) << "an orbit site buys no energy by default";
    EXPECT_EQ(s.sites[0].facility_life, s.economy.accelerator_life) << "an orbit site lives as its accelerators";
    const auto& inc = s.sites[1].orbit;
    EXPECT_FALSE(inc.sun_synchronous);
    EXPECT_EQ(inc.inclination_rad, parse_quantity("53 deg", quantity_kind::angle));
    EXPECT_EQ(inc.raan_rad, parse_quantity("40 deg", quantity_kind::angle));
    EXPECT_EQ(s.sites[2].orbit, sim::site_orbit{}) << "650 km dawn-dusk, cylindrical shadow";
    EXPECT_EQ(load_scenario_text(write_scenario_yaml(s), "written.yaml"), s);
    // --set reaches into the orbit block.
    const auto o = load_scenario_text(write_scenario_yaml(s), "written.yaml", {{"sites[1].orbit.altitude", "600 km"}});
    EXPECT_EQ(o.sites[1].orbit.altitude_m, 600'000.0);
}

TEST(scenario_io, launch_and_spacecraft_sections_load_as_learning_curves_or_schedules_and_write_back_equal) {
    const auto s = load_scenario_text(R"(start: 2026-01-01
launch:
  price:
    learning: { price: 1800 USD/kg, at_mass: 400 t, learning_rate: 24 % }
    starting_mass: 1000 t
    other_mass:
      - { from: 2026-01-01, value: 2700 t/yr }
      - { from: 2030-01-01, value: 37 kt/yr }
  launchers:
    - { name: Starship V3, flights_per_year: 25 /yr }
    - { name: Falcon 9, flights_per_year: [{ from: 2026-01-01, value: 165 /yr }, { from: 2028-01-01, value: 0 /yr }] }
spacecraft:
  price: 800 USD/kg
)",
                                      "launch.yaml");
    constexpr double year_s = 365.25 * 86400.0;
    EXPECT_EQ(s.launch.price.model, logistics::price_model::learning);
    EXPECT_EQ(s.launch.price.curve.learning_rate, 0.24);
    EXPECT_EQ(s.launch.price.starting_mass_kg, 1e6);
    ASSERT_EQ(s.launch.price.other_mass_kg_per_s.size(), 2U);
    EXPECT_NEAR(s.launch.price.other_mass_kg_per_s[1].value * year_s, 37e6, 1e-6);
    ASSERT_EQ(s.launch.launchers.size(), 2U);
    EXPECT_EQ(s.launch.launchers[0].vehicle.payload_leo_kg, 100e3);
    EXPECT_EQ(s.launch.launchers[1].vehicle.name, "Falcon 9");
    EXPECT_NEAR(s.launch.launchers[1].flights_per_s[0].value * year_s, 165.0, 1e-9);
    EXPECT_EQ(s.spacecraft.price.model, logistics::price_model::schedule);
    EXPECT_EQ(s.spacecraft.price.price_usd_per_kg.at(0).value, 800.0);
    EXPECT_EQ(load_scenario_text(write_scenario_yaml(s), "written.yaml"), s);
    // Without a launch section: the documented defaults, Starship V3 at 25 flights a year.
    const auto d = load_scenario_text("start: 2026-01-01\n", "none.yaml");
    ASSERT_EQ(d.launch.launchers.size(), 1U);
    EXPECT_EQ(d.launch.launchers[0].vehicle.name, "Starship V3");
    EXPECT_NEAR(d.launch.launchers[0].flights_per_s[0].value * year_s, 25.0, 1e-9);
    EXPECT_EQ(d.launch.price.curve, logistics::wright_curve{});
    // --set replaces a learning curve with a fixed price.
    const auto fixed = load_scenario_text("start: 2026-01-01\n", "none.yaml", {{"launch.price", "3600 USD/kg"}});
    EXPECT_EQ(fixed.launch.price.model, logistics::price_model::schedule);
    EXPECT_EQ(fixed.launch.price.price_usd_per_kg.at(0).value, 3600.0);
}

TEST(scenario_io, a_launchers_reliability_is_the_catalogues_unless_the_scenario_sets_one_and_writes_back_equal) {
    const auto s = load_scenario_text(R"(start: 2026-01-01
launch:
  launchers:
    - { name: Falcon 9, flights_per_year: 165 /yr }
    - { name: Starship V3, flights_per_year: 25 /yr, reliability: 87.5 % }
)",
                                      "launch.yaml");
    ASSERT_EQ(s.launch.launchers.size(), 2U);
    EXPECT_EQ(s.launch.launchers[0].vehicle.reliability, find_launcher("Falcon 9").reliability);
    EXPECT_EQ(s.launch.launchers[1].vehicle.reliability, 0.875);
    const auto text = write_scenario_yaml(s);
    EXPECT_EQ(text.find("reliability"), text.rfind("reliability")) << "only the override is written: " << text;
    EXPECT_EQ(load_scenario_text(text, "written.yaml"), s);
}

TEST(scenario_io, writer_keeps_the_key_order_of_the_language) {
    const std::string yaml = write_scenario_yaml(load_scenario_text(custom_scenario, "custom.yaml"));
    std::vector<std::string> top;
    std::size_t pos = 0;
    while (pos < yaml.size()) {
        const auto end = yaml.find('\n', pos);
        const std::string line = yaml.substr(pos, end - pos);
        if (!line.empty() && line[0] != ' ' && line[0] != '#') top.push_back(line.substr(0, line.find(':')));
        pos = end == std::string::npos ? yaml.size() : end + 1;
    }
    EXPECT_EQ(top, (std::vector<std::string>{"name", "description", "start", "length", "step", "seed", "fleet",
                                             "corpus", "uplink", "sites", "training", "economy", "launch",
                                             "spacecraft", "accelerators"}));
    EXPECT_NE(yaml.find("start: 2027-03-01T06:00:00Z\n"), std::string::npos) << yaml;
    EXPECT_NE(yaml.find("    - {from: 2028-01-01T12:00:00Z, value: 1.2 Tbps}\n"), std::string::npos) << yaml;
    EXPECT_NE(yaml.find("      growth_rate: 40 %/yr\n"), std::string::npos) << yaml;
}

TEST(scenario_io, load_scenario_file_reads_what_the_text_loader_reads) {
    const std::string path = std::string(KD_SOURCE_DIR) + "/scenarios/default.yaml";
    EXPECT_EQ(load_scenario_file(path), load_scenario_text(default_scenario_text(), "<default>"));
}

}  // namespace
}  // namespace kardashev::io
