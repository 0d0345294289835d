// `training.algorithmic_progress` (docs/scenarios.md): `off`, `on` or {halving_time}, read, written back and overridden.

#include <gtest/gtest.h>

#include <string>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::io {
namespace {

std::string scenario_with(const std::string& progress) {
    return "name: p\nstart: 2026-01-01\ntraining:\n  algorithmic_progress: " + progress + "\n";
}

std::string load_error(const std::string& text) {
    try {
        (void)load_scenario_text(text, "p.yaml");
    } catch (const error& e) {
        return e.what();
    }
    return "<no error>";
}

TEST(algorithmic_progress_io, default_is_on_at_ho_et_al_eight_months) {
    const auto s = load_scenario_text("name: p\n", "p.yaml");
    EXPECT_TRUE(s.training.algorithmic_progress.enabled);
    EXPECT_DOUBLE_EQ(s.training.algorithmic_progress.halving_time_s, 8.0 / 12.0 * constants::julian_year_s);
}

TEST(algorithmic_progress_io, off_on_and_a_halving_time_in_months) {
    EXPECT_FALSE(load_scenario_text(scenario_with("off"), "p.yaml").training.algorithmic_progress.enabled);
    EXPECT_TRUE(load_scenario_text(scenario_with("on"), "p.yaml").training.algorithmic_progress.enabled);
    const auto s = load_scenario_text(scenario_with("{ halving_time: 14 months }"), "p.yaml");
    EXPECT_TRUE(s.training.algorithmic_progress.enabled);
    EXPECT_DOUBLE_EQ(s.training.algorithmic_progress.halving_time_s, 14.0 * constants::julian_year_s / 12.0);
}

TEST(algorithmic_progress_io, writes_back_to_the_same_scenario) {
    for (const char* v : {"off", "{ halving_time: 5 months }", "{ halving_time: 400 d }"}) {
        const auto s = load_scenario_text(scenario_with(v), "p.yaml");
        EXPECT_EQ(load_scenario_text(write_scenario_yaml(s), "w.yaml"), s) << v;
    }
    EXPECT_NE(write_scenario_yaml(load_scenario_text(scenario_with("off"), "p.yaml")).find("algorithmic_progress: off"),
              std::string::npos);
}

TEST(algorithmic_progress_io, overrides_switch_it_off_or_set_the_halving_time) {
    EXPECT_FALSE(load_scenario_text("name: p\n", "p.yaml", {{"training.algorithmic_progress", "off"}})
                     .training.algorithmic_progress.enabled);
    const auto s = load_scenario_text("name: p\n", "p.yaml", {{"training.algorithmic_progress.halving_time", "1 y"}});
    EXPECT_DOUBLE_EQ(s.training.algorithmic_progress.halving_time_s, constants::julian_year_s);
}

TEST(algorithmic_progress_io, bad_values_name_the_line_column_and_what_is_expected) {
    EXPECT_EQ(load_error(scenario_with("sometimes")),
              "p.yaml:4:25: training.algorithmic_progress: expected off, on or a mapping like {halving_time: 8 months}, "
              "got \"sometimes\"");
    EXPECT_EQ(load_error(scenario_with("{ halving_time: -8 months }")),
              "p.yaml:4:41: training.algorithmic_progress.halving_time: expected a positive duration, got \"-8 months\"");
    EXPECT_EQ(load_error(scenario_with("{ halfing_time: 8 months }")).substr(0, 117),
              "p.yaml:4:27: training.algorithmic_progress.halfing_time: unknown key \"halfing_time\"; did you mean "
              "\"halving_time\"?");
}

}  // namespace
}  // namespace kardashev::io
