// Bad scenarios: each diagnostic is matched exactly, with its file, line, column and key path
// (STYLE.md "Tests match messages exactly"; the language is docs/scenarios.md).

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "io/scenario_reader.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::io {
namespace {

/// Every diagnostic of loading `text` as "bad.yaml", one per line; "<loaded>" when it loads.
std::string diagnostics_of(std::string_view text, const std::vector<override_kv>& overrides = {}) {
    try {
        (void)load_scenario_text(text, "bad.yaml", overrides);
    } catch (const scenario_error& e) {
        std::string out;
        for (const auto& d : e.diagnostics()) out += d.to_string() + "\n";
        return out;
    }
    return "<loaded>";
}

TEST(scenario_errors, purchase_policy_and_replace_retired_take_their_two_values) {
    EXPECT_EQ(diagnostics_of("sites:\n  - { name: a, purchase: newset, replace_retired: yes }\n"),
              "bad.yaml:2:26: sites[0].purchase: unknown purchase policy \"newset\"; known: newest, pinned; did you mean "
              "\"newest\"?\n"
              "bad.yaml:2:51: sites[0].replace_retired: expected true or false, got \"yes\"\n");
    const auto s = load_scenario_text("sites:\n  - { name: a, purchase: pinned, replace_retired: false }\n", "ok.yaml");
    EXPECT_EQ(s.sites[0].purchase, sim::purchase_policy::pinned);
    EXPECT_FALSE(s.sites[0].replace_retired);
}

TEST(scenario_errors, serving_only_takes_true_or_false) {
    EXPECT_EQ(diagnostics_of("sites:\n  - { name: a, serving_only: 1 }\n"),
              "bad.yaml:2:30: sites[0].serving_only: expected true or false, got \"1\"\n");
    EXPECT_TRUE(load_scenario_text("sites:\n  - { name: a, serving_only: true }\n", "ok.yaml").sites[0].serving_only);
    EXPECT_FALSE(load_scenario_text("sites:\n  - { name: a }\n", "ok.yaml").sites[0].serving_only);
}

TEST(scenario_errors, a_minimal_valid_scenario_loads) {
    EXPECT_EQ(diagnostics_of(R"(name: ok
start: 2026-01-01
sites:
  - name: a
    accelerators: 1000
    power_capacity: 10 MW
)"),
              "<loaded>");
}

TEST(scenario_errors, off_world_facility_capex_and_a_site_launch_price_say_where_the_cost_comes_from) {
    EXPECT_EQ(diagnostics_of(R"(sites:
  - name: sat
    kind: orbit
    launch_price: 3600 USD/kg
    facility_capex: 300 USD/W
  - name: dc
    facility_capex: 12 USD/W
launch:
  price: { learning: { learning_rate: 100 % } }
  launchers:
    - { name: Starship V9, flights_per_year: 25 /yr }
)"),
              "bad.yaml:4:19: sites[0].launch_price: a site has no launch price: the launch price over time is the "
              "scenario's launch.price (Wright's law on cumulative mass, or a schedule), shared by every off-world "
              "site; remove this key\n"
              "bad.yaml:5:21: sites[0].facility_capex: only a ground site has a facility_capex: an off-world site's "
              "spacecraft and launch cost per accelerator comes from its design at the purchase date, priced by the "
              "scenario's launch.price and spacecraft.price; remove this key\n"
              "bad.yaml:9:39: launch.price.learning.learning_rate: expected a learning rate between 0 and 100 % "
              "(exclusive), got \"100 %\"\n"
              "bad.yaml:11:15: launch.launchers[0].name: unknown launcher \"Starship V9\"; known launchers: Falcon 9, "
              "Falcon Heavy, Starship V3, Starship (Suncatcher)\n");
}

TEST(scenario_errors, syntax_error_is_one_diagnostic_at_yaml_cpps_mark) {
    EXPECT_EQ(diagnostics_of(R"(name: x
training:
  mfu: 40 %
   goodput: 90 %
seed: nope
)"),
              "bad.yaml:4:11: syntax error: illegal map value\n");
}

TEST(scenario_errors, unknown_key_suggests_the_close_known_key) {
    EXPECT_EQ(diagnostics_of(R"(name: x
sites:
  - name: a
    pue_: 1.2
)"),
              "bad.yaml:4:5: sites[0].pue_: unknown key \"pue_\"; did you mean \"pue\"?\n");
}

TEST(scenario_errors, unknown_key_in_other_case_suggests_the_known_key) {
    EXPECT_EQ(diagnostics_of("Seed: 4\n"), "bad.yaml:1:1: Seed: unknown key \"Seed\"; did you mean \"seed\"?\n");
}

TEST(scenario_errors, unknown_key_far_from_every_known_key_lists_them) {
    EXPECT_EQ(diagnostics_of("corpus:\n  tokens_total: 4\n"),
              "bad.yaml:2:3: corpus.tokens_total: unknown key \"tokens_total\"; known keys: initial_unique_tokens, "
              "max_epochs, repetition_constant\n");
}

TEST(scenario_errors, duplicate_key_names_the_first_line) {
    EXPECT_EQ(diagnostics_of("seed: 1\nname: x\nseed: 2\n"),
              "bad.yaml:3:1: seed: duplicate key \"seed\" (first given at line 1)\n");
}

TEST(scenario_errors, sequence_where_a_mapping_goes) {
    EXPECT_EQ(diagnostics_of("training:\n  - mfu: 40 %\n"), "bad.yaml:2:3: training: expected a mapping, got a sequence\n");
}

TEST(scenario_errors, scalar_where_a_mapping_goes) {
    EXPECT_EQ(diagnostics_of("economy: 20 GUSD/yr\n"), "bad.yaml:1:10: economy: expected a mapping, got \"20 GUSD/yr\"\n");
}

TEST(scenario_errors, mapping_where_a_quantity_goes) {
    EXPECT_EQ(diagnostics_of("sites:\n  - name: a\n    pue: {value: 1.2}\n"),
              "bad.yaml:3:10: sites[0].pue: expected a number (e.g. \"0.4\" or \"40 %\"), got a mapping\n");
}

TEST(scenario_errors, string_where_a_number_goes) {
    EXPECT_EQ(diagnostics_of("corpus:\n  max_epochs: four\n"),
              "bad.yaml:2:15: corpus.max_epochs: expected a number (e.g. \"0.4\" or \"40 %\"), got \"four\"\n");
}

TEST(scenario_errors, seed_must_be_a_non_negative_integer) {
    EXPECT_EQ(diagnostics_of("seed: 4.5\n"), "bad.yaml:1:7: seed: expected a non-negative integer, got \"4.5\"\n");
}

TEST(scenario_errors, quantity_of_another_kind) {
    EXPECT_EQ(diagnostics_of("sites:\n  - name: a\n    power_capacity: 3 kg\n"),
              "bad.yaml:3:21: sites[0].power_capacity: expected a power (e.g. \"1.2 GW\"), got \"3 kg\"\n");
}

TEST(scenario_errors, missing_unit) {
    EXPECT_EQ(diagnostics_of("uplink:\n  capacity: 400\n"),
              "bad.yaml:2:13: uplink.capacity: expected a data rate (e.g. \"100 Gbps\"), got a bare number \"400\"; "
              "add a unit\n");
}

TEST(scenario_errors, unknown_unit) {
    EXPECT_EQ(diagnostics_of("fleet:\n  cohorts:\n    - name: cars\n      raw_data_per_unit: 25 GB/fortnight\n"),
              "bad.yaml:4:26: fleet.cohorts[0].raw_data_per_unit: unknown unit \"fortnight\" in \"25 GB/fortnight\"; "
              "expected a data rate (e.g. \"100 Gbps\")\n");
}

TEST(scenario_errors, negative_where_positive_is_required) {
    EXPECT_EQ(diagnostics_of(R"(accelerators:
  - name: X1
    peak_flops_bf16: 1 PFLOP/s
    hbm: 96 GB
    hbm_bandwidth: 4 TB/s
    power: -3 MW
    all_in_power: 1.6 kW
    price: 30000 USD
)"),
              "bad.yaml:6:12: accelerators[0].power: expected a positive value, got \"-3 MW\"\n");
}

TEST(scenario_errors, negative_count) {
    EXPECT_EQ(diagnostics_of("fleet:\n  cohorts:\n    - name: cars\n      units: -5\n"),
              "bad.yaml:4:14: fleet.cohorts[0].units: expected a non-negative count, got \"-5\"\n");
}

TEST(scenario_errors, cost_of_capital_is_an_annual_rate_between_0_and_100_percent) {
    EXPECT_EQ(diagnostics_of("economy:\n  cost_of_capital: -3 %\n"),
              "bad.yaml:2:20: economy.cost_of_capital: expected a number between 0 and 100 %, got \"-3 %\"\n");
}

TEST(scenario_errors, fraction_above_one_hundred_percent) {
    EXPECT_EQ(diagnostics_of("fleet:\n  cohorts:\n    - name: cars\n      upload_fraction: 140 %\n"),
              "bad.yaml:4:24: fleet.cohorts[0].upload_fraction: expected a number between 0 and 100 %, got \"140 %\"\n");
}

TEST(scenario_errors, utilisation_of_zero) {
    EXPECT_EQ(diagnostics_of("training:\n  mfu: 0 %\n"),
              "bad.yaml:2:8: training.mfu: expected a number above 0 and at most 100 %, got \"0 %\"\n");
}

TEST(scenario_errors, pue_below_one) {
    EXPECT_EQ(diagnostics_of("sites:\n  - name: a\n    pue: 0.9\n"),
              "bad.yaml:3:10: sites[0].pue: expected a number of at least 1, got \"0.9\"\n");
}

TEST(scenario_errors, schedule_dates_out_of_order) {
    EXPECT_EQ(diagnostics_of(R"(economy:
  capex_budget:
    - { from: 2027-01-01, value: 20 GUSD/yr }
    - { from: 2026-06-01, value: 30 GUSD/yr }
)"),
              "bad.yaml:4:15: economy.capex_budget[1].from: expected a date later than 2027-01-01 (the previous point), "
              "got 2026-06-01\n");
}

TEST(scenario_errors, schedule_point_without_a_date) {
    EXPECT_EQ(diagnostics_of("uplink:\n  capacity:\n    - value: 1 Tbps\n"),
              "bad.yaml:3:7: uplink.capacity[0]: missing required key \"from\"\n");
}

TEST(scenario_errors, schedule_as_a_mapping) {
    EXPECT_EQ(diagnostics_of("uplink:\n  capacity: {from: 2026-01-01, value: 1 Tbps}\n"),
              "bad.yaml:2:13: uplink.capacity: expected a data rate (e.g. \"100 Gbps\") or a sequence of {from: DATE, "
              "value: ...} points, got a mapping\n");
}

TEST(scenario_errors, unknown_accelerator_lists_the_catalogue_and_suggests) {
    // A fixture catalogue keeps the list in the message independent of data/catalog.
    const auto catalog = detail::load_accelerator_catalog(R"(accelerators:
  - { name: H100, available: 2023-01-01, peak_flops_bf16: 989.4 TFLOP/s, hbm: 80 GB, hbm_bandwidth: 3.35 TB/s,
      power: 700 W, all_in_power: 1.4 kW, price: 41700 USD }
  - { name: A100, available: 2020-07-01, peak_flops_bf16: 312 TFLOP/s, hbm: 80 GB, hbm_bandwidth: 2.039 TB/s,
      power: 400 W, all_in_power: 0.89 kW, price: 22900 USD }
)",
                                                          "catalog.yaml");
    try {
        (void)detail::load_scenario("sites:\n  - name: a\n    accelerator: H1000\n", "bad.yaml", {}, catalog);
        FAIL() << "loaded";
    } catch (const scenario_error& e) {
        ASSERT_EQ(e.diagnostics().size(), 1U);
        EXPECT_EQ(e.diagnostics()[0].to_string(),
                  "bad.yaml:3:18: sites[0].accelerator: unknown accelerator \"H1000\"; known: A100, H100; did you mean "
                  "\"H100\"?");
    }
}

std::string catalog_diagnostics(const std::string& text) {
    try {
        (void)detail::load_accelerator_catalog(text, "catalog.yaml");
    } catch (const scenario_error& e) {
        std::string out;
        for (const auto& d : e.diagnostics()) out += d.to_string() + "\n";
        return out;
    }
    return "loaded";
}

TEST(scenario_errors, catalogue_entry_with_a_bad_or_missing_date) {
    EXPECT_EQ(catalog_diagnostics(R"(accelerators:
  - { name: H100, available: 2023-02-30, peak_flops_bf16: 989.4 TFLOP/s, hbm: 80 GB, hbm_bandwidth: 3.35 TB/s,
      power: 700 W, all_in_power: 1.4 kW, price: 41700 USD }
  - { name: A100, peak_flops_bf16: 312 TFLOP/s, hbm: 80 GB, hbm_bandwidth: 2.039 TB/s,
      power: 400 W, all_in_power: 0.89 kW, price: 22900 USD }
)"),
              "catalog.yaml:2:30: accelerators[0].available: expected a UTC date like 2026-01-01 or "
              "2026-01-01T12:00:00Z, got \"2023-02-30\"\n"
              "catalog.yaml:4:5: accelerators[1]: missing required key \"available\"\n");
}

TEST(scenario_errors, scenario_accelerator_may_omit_its_date_but_not_give_a_bad_one) {
    const char* entry = "accelerators:\n  - { name: X1, peak_flops_bf16: 1 PFLOP/s, hbm: 80 GB, hbm_bandwidth: 3 TB/s, "
                        "power: 700 W, all_in_power: 1.4 kW, price: 40000 USD";
    EXPECT_EQ(diagnostics_of(std::string(entry) + " }\n"), "<loaded>");
    EXPECT_EQ(diagnostics_of(std::string(entry) + ", available: soon }\n"),
              "bad.yaml:2:145: accelerators[0].available: expected a UTC date like 2026-01-01 or 2026-01-01T12:00:00Z, "
              "got \"soon\"\n");
}

TEST(scenario_errors, unknown_accelerator_against_the_builtin_catalogue) {
    const std::string text = diagnostics_of("sites:\n  - name: a\n    accelerator: H1000\n");
    EXPECT_EQ(text.rfind("bad.yaml:3:18: sites[0].accelerator: unknown accelerator \"H1000\"; known: A100, ", 0), 0U)
        << text;
    EXPECT_NE(text.find("; did you mean \"H100\"?\n"), std::string::npos) << text;
}

TEST(scenario_errors, duplicate_cohort_name) {
    EXPECT_EQ(diagnostics_of("fleet:\n  cohorts:\n    - name: cars\n    - name: cars\n"),
              "bad.yaml:4:13: fleet.cohorts[1].name: duplicate cohort name \"cars\"\n");
}

TEST(scenario_errors, duplicate_site_name) {
    EXPECT_EQ(diagnostics_of("sites:\n  - name: memphis\n  - {name: memphis, pue: 1.1}\n"),
              "bad.yaml:3:12: sites[1].name: duplicate site name \"memphis\"\n");
}

TEST(scenario_errors, missing_required_name) {
    EXPECT_EQ(diagnostics_of("sites:\n  - name: a\n  - accelerator: H100\n    pue: 1.2\n"),
              "bad.yaml:3:5: sites[1]: missing required key \"name\"\n");
}

TEST(scenario_errors, bad_date) {
    EXPECT_EQ(diagnostics_of("start: 2026-13-01\n"),
              "bad.yaml:1:8: start: expected a UTC date like 2026-01-01 or 2026-01-01T12:00:00Z, got \"2026-13-01\"\n");
}

TEST(scenario_errors, length_shorter_than_step) {
    EXPECT_EQ(diagnostics_of("length: 12 h\nstep: 1 d\n"),
              "bad.yaml:1:9: length: expected a duration of at least one step (1 d), got \"12 h\"\n");
}

TEST(scenario_errors, zero_step) {
    EXPECT_EQ(diagnostics_of("step: 0 s\n"), "bad.yaml:1:7: step: expected a positive duration, got \"0 s\"\n");
}

TEST(scenario_errors, unknown_scaling_law) {
    EXPECT_EQ(diagnostics_of("training:\n  scaling_law: epok\n"),
              "bad.yaml:2:16: training.scaling_law: unknown scaling law \"epok\"; known: epoch, hoffmann; did you mean "
              "\"epoch\"?\n");
}

TEST(scenario_errors, unknown_utilisation_mode) {
    EXPECT_EQ(diagnostics_of("training:\n  utilisation: modelled\n"),
              "bad.yaml:2:16: training.utilisation: unknown utilisation \"modelled\"; known: fixed, model\n");
}

TEST(scenario_errors, non_positive_accelerator_mtbf) {
    EXPECT_EQ(diagnostics_of("training:\n  accelerator_mtbf: 0 h\n"),
              "bad.yaml:2:21: training.accelerator_mtbf: expected a positive duration, got \"0 h\"\n");
}

TEST(scenario_errors, utilisation_model_and_failure_figures_load_from_set) {
    const auto s = load_scenario_text("name: x\n", "ok.yaml",
                                      {{"training.utilisation", "model"}, {"training.restart", "1 min"},
                                       {"training.checkpoint_write", "5 s"}, {"training.accelerator_mtbf", "20000 h"}});
    EXPECT_EQ(s.training.utilisation, sim::utilisation_mode::model);
    EXPECT_EQ(s.training.restart, duration::from_seconds(60.0));
    EXPECT_EQ(s.training.checkpoint_write, duration::from_seconds(5.0));
    EXPECT_EQ(s.training.accelerator_mtbf, duration::from_seconds(20'000.0 * 3600.0));
}

TEST(scenario_errors, bad_set_key) {
    EXPECT_EQ(diagnostics_of("name: x\n", {{"training.mfux", "45 %"}}),
              "<--set>:1:10: training.mfux: unknown key \"mfux\"; did you mean \"mfu\"?\n");
}

TEST(scenario_errors, bad_set_value_is_reported_at_the_value) {
    EXPECT_EQ(diagnostics_of("name: x\n", {{"seed", "7"}, {"sites[0].pue", "0.5"}}),
              "<--set>:2:6: sites[0]: missing required key \"name\"\n"
              "<--set>:2:14: sites[0].pue: expected a number of at least 1, got \"0.5\"\n");
}

TEST(scenario_errors, set_index_past_the_end) {
    EXPECT_EQ(diagnostics_of("sites:\n  - name: a\n", {{"sites[3].pue", "1.2"}}),
              "<--set>:1:6: sites[3]: index 3 is out of range: sites has 1 entry\n");
}

TEST(scenario_errors, set_malformed_key_path) {
    EXPECT_EQ(diagnostics_of("name: x\n", {{"sites[x].pue", "1.2"}}),
              "<--set>:1:7: sites[x].pue: expected a key path like \"sites[0].pue\" or \"training.mfu\"\n");
}

TEST(scenario_errors, every_error_of_a_file_is_reported_in_file_order) {
    // The loader reads `accelerators` before `fleet` and `sites`; the report is still in file order.
    EXPECT_EQ(diagnostics_of(R"(name: three errors
fleet:
  cohorts:
    - name: cars
      curation_yeild: 30 %
sites:
  - name: a
    power_capacity: -3 MW
accelerators:
  - name: X1
    peak_flops_bf16: 1 PFLOP/s
    hbm: 96 GB
    hbm_bandwidth: 4 TB/s
    power: 1 kW
    all_in_power: 1.6 kW
    price: 3 kg
)"),
              "bad.yaml:5:7: fleet.cohorts[0].curation_yeild: unknown key \"curation_yeild\"; did you mean "
              "\"curation_yield\"?\n"
              "bad.yaml:8:21: sites[0].power_capacity: expected a non-negative value, got \"-3 MW\"\n"
              "bad.yaml:16:12: accelerators[0].price: expected an amount of money (e.g. \"2.5 MUSD\"), got \"3 kg\"\n");
}

TEST(scenario_errors, diagnostics_carry_file_line_column_and_key_path) {
    try {
        (void)load_scenario_text("name: x\nsites:\n  - name: a\n    pue: 0.5\n", "scenarios/x.yaml");
        FAIL() << "loaded";
    } catch (const scenario_error& e) {
        ASSERT_EQ(e.diagnostics().size(), 1U);
        const diagnostic& d = e.diagnostics()[0];
        EXPECT_EQ(d.file, "scenarios/x.yaml");
        EXPECT_EQ(d.line, 4);
        EXPECT_EQ(d.column, 10);
        EXPECT_EQ(d.key_path, "sites[0].pue");
        EXPECT_EQ(d.message, "expected a number of at least 1, got \"0.5\"");
        EXPECT_EQ(std::string(e.what()), "scenarios/x.yaml:4:10: sites[0].pue: expected a number of at least 1, got \"0.5\"");
    }
}

TEST(scenario_errors, unreadable_file_is_a_scenario_error_at_line_zero) {
    try {
        (void)load_scenario_file("/nonexistent/kardashev/x.yaml");
        FAIL() << "loaded";
    } catch (const scenario_error& e) {
        ASSERT_EQ(e.diagnostics().size(), 1U);
        EXPECT_EQ(e.diagnostics()[0].to_string(),
                  "/nonexistent/kardashev/x.yaml: cannot read the scenario: No such file or directory");
        EXPECT_EQ(e.diagnostics()[0].line, 0);
    }
}

TEST(scenario_errors, orbit_blocks_are_checked_where_they_stand) {
    EXPECT_EQ(diagnostics_of(R"(sites:
  - name: ground-with-orbit
    orbit: { altitude: 650 km }
  - name: both
    kind: orbit
    orbit: { altitude: 650 km, ltan: "18:00", inclination: 53 deg }
  - name: bad-ltan
    kind: orbit
    orbit: { altitude: 650 km, ltan: "6pm" }
  - name: too-high
    kind: orbit
    orbit: { altitude: 7000 km, shadow: conic }
  - name: raan-without-inclination
    kind: orbit
    orbit: { raan: 10 deg }
)"),
              "bad.yaml:3:12: sites[0].orbit: only a site of kind orbit has an orbit\n"
              "bad.yaml:6:60: sites[1].orbit.inclination: give either ltan (sun-synchronous) or inclination, not both\n"
              "bad.yaml:9:38: sites[2].orbit.ltan: expected a local time \"HH:MM\" (e.g. \"18:00\"), got \"6pm\"\n"
              "bad.yaml:12:24: sites[3].orbit.altitude: no orbit is sun-synchronous above about 5970 km (J2 precession is too "
              "slow); give an inclination instead of ltan\n"
              "bad.yaml:12:41: sites[3].orbit.shadow: unknown shadow model \"conic\"; known: cylindrical, conical; did you mean "
              "\"conical\"?\n"
              "bad.yaml:15:20: sites[4].orbit.raan: raan goes with inclination; a sun-synchronous orbit takes its node from ltan\n");
}

TEST(scenario_errors, routed_uplink_errors_name_the_shell_cohort_share_region_and_fibre) {
    EXPECT_EQ(diagnostics_of(R"(name: x
fleet:
  cohorts:
    - { name: cars, units: 10 }
uplink:
  network:
    constellation: starlink-s2
    regions:
      - name: us
        location: { latitude: 95 deg, longitude: -98 deg }
        cohorts:
          - { name: cars, share: 60 % }
          - { name: carz, share: 10 % }
        fibre_to: [memphis]
sites:
  - name: memphis
    accelerators: 10
)"),
              "bad.yaml:7:5: uplink.network: the routed uplink needs at least one ground site with a location (where "
              "the data lands)\n"
              "bad.yaml:7:20: uplink.network.constellation: unknown shell \"starlink-s2\"; known: starlink-s1, "
              "kuiper-k1, telesat-t1\n"
              "bad.yaml:9:7: uplink.network.regions: the shares of cohort \"cars\" over the regions sum to 0.6; "
              "expected 1 (100 %)\n"
              "bad.yaml:10:31: uplink.network.regions[0].location.latitude: expected a latitude from -90 to 90 deg, "
              "got \"95 deg\"\n"
              "bad.yaml:13:21: uplink.network.regions[0].cohorts[1].name: unknown cohort \"carz\"; known: cars; did "
              "you mean \"cars\"?\n"
              "bad.yaml:14:19: uplink.network.regions[0].fibre_to: expected the name of a ground site with a "
              "location, got \"memphis\"\n");
}

TEST(scenario_errors, routed_uplink_needs_regions) {
    EXPECT_EQ(diagnostics_of(R"(name: x
uplink:
  network:
    samples: 0
sites:
  - { name: a, location: { latitude: 35 deg, longitude: -90 deg } }
)"),
              "bad.yaml:4:5: uplink.network: missing required key \"regions\" (where the fleet's data enters the "
              "network)\n"
              "bad.yaml:4:14: uplink.network.samples: expected 1 to 1000 snapshots, got \"0\"\n");
}

}  // namespace
}  // namespace kardashev::io
