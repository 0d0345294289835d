// `--set key.path=value` overrides (docs/scenarios.md "Overrides").

#include <gtest/gtest.h>

#include <string>

#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::io {
namespace {

constexpr const char* base = R"(name: base
start: 2026-01-01
fleet:
  cohorts:
    - name: cars
      units: 100
    - name: robots
      kind: humanoid
      units: 10
sites:
  - name: a
    pue: 1.2
    accelerators:
      - { from: 2026-01-01, value: 1000 }
      - { from: 2027-01-01, value: 2000 }
)";

TEST(scenario_overrides, parse_override_splits_at_the_first_equals_sign) {
    EXPECT_EQ(parse_override("training.mfu=45 %").key_path, "training.mfu");
    EXPECT_EQ(parse_override("training.mfu=45 %").value, "45 %");
    EXPECT_EQ(parse_override(" name =a=b").key_path, "name");
    EXPECT_EQ(parse_override(" name =a=b").value, "a=b");
    EXPECT_EQ(parse_override("description=").value, "");
}

TEST(scenario_overrides, parse_override_rejects_text_without_a_key) {
    EXPECT_THROW((void)parse_override("training.mfu"), input_error);
    EXPECT_THROW((void)parse_override("=3"), input_error);
    try {
        (void)parse_override("seed");
    } catch (const input_error& e) {
        EXPECT_EQ(std::string(e.what()), "expected key.path=value, got \"seed\"");
    }
}

TEST(scenario_overrides, values_replace_keys_of_the_file) {
    const auto s = load_scenario_text(base, "base.yaml",
                                      {{"training.mfu", "45 %"},
                                       {"sites[0].pue", "1.1"},
                                       {"seed", "99"},
                                       {"fleet.cohorts[1].units", "2.5 k"}});
    EXPECT_DOUBLE_EQ(s.training.mfu, 0.45);
    EXPECT_DOUBLE_EQ(s.sites.at(0).facility.pue, 1.1);
    EXPECT_EQ(s.seed, 99U);
    EXPECT_EQ(s.cohorts.at(1).units, 2500.0);
    EXPECT_EQ(s.cohorts.at(0).units, 100.0);
}

TEST(scenario_overrides, later_overrides_win) {
    const auto s = load_scenario_text(base, "base.yaml", {{"seed", "1"}, {"seed", "2"}});
    EXPECT_EQ(s.seed, 2U);
}

TEST(scenario_overrides, a_schedule_point_or_the_whole_schedule_can_be_set) {
    const auto one = load_scenario_text(base, "base.yaml", {{"sites[0].accelerators[1].value", "5000"}});
    EXPECT_EQ(one.sites.at(0).planned_accelerators.at(1).value, 5000.0);
    EXPECT_EQ(one.sites.at(0).planned_accelerators.at(0).value, 1000.0);
    const auto all = load_scenario_text(base, "base.yaml", {{"sites[0].accelerators", "300"}});
    ASSERT_EQ(all.sites.at(0).planned_accelerators.size(), 1U);
    EXPECT_EQ(all.sites.at(0).planned_accelerators[0], (sim::schedule_point{all.start, 300.0}));
}

TEST(scenario_overrides, index_one_past_the_end_appends) {
    const auto s = load_scenario_text(base, "base.yaml",
                                      {{"sites[1].name", "b"}, {"sites[1].accelerator", "B200"}, {"sites[1].pue", "1.4"}});
    ASSERT_EQ(s.sites.size(), 2U);
    EXPECT_EQ(s.sites[1].name, "b");
    EXPECT_EQ(s.sites[1].accel.name, "B200");
}

TEST(scenario_overrides, keys_missing_from_the_file_are_created) {
    const auto s = load_scenario_text(base, "base.yaml", {{"economy.accelerator_life", "4 y"}, {"uplink.capacity", "1 Tbps"}});
    EXPECT_EQ(s.economy.accelerator_life, duration::from_seconds(4 * 365.25 * 86400.0));
    ASSERT_EQ(s.uplink.capacity_bytes_per_s.size(), 1U);
    EXPECT_DOUBLE_EQ(s.uplink.capacity_bytes_per_s[0].value, 1e12 / 8.0);
}

TEST(scenario_overrides, value_is_yaml_so_quotes_are_removed) {
    const auto s = load_scenario_text(base, "base.yaml", {{"name", "\"a: b\""}, {"description", ""}});
    EXPECT_EQ(s.name, "a: b");
    EXPECT_EQ(s.description, "");
}

TEST(scenario_overrides, override_errors_follow_file_errors) {
    try {
        (void)load_scenario_text("name: x\nsed: 4\n", "x.yaml", {{"training.goodput", "0"}, {"sites[0].acelerator", "H100"}});
        FAIL() << "loaded";
    } catch (const scenario_error& e) {
        std::string text;
        for (const auto& d : e.diagnostics()) text += d.to_string() + "\n";
        EXPECT_EQ(text,
                  "x.yaml:2:1: sed: unknown key \"sed\"; did you mean \"seed\"?\n"
                  "<--set>:1:18: training.goodput: expected a number above 0 and at most 100 %, got \"0\"\n"
                  "<--set>:2:10: sites[0].acelerator: unknown key \"acelerator\"; did you mean \"accelerator\"?\n");
    }
}

}  // namespace
}  // namespace kardashev::io
