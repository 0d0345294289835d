// Dated cohort figures (docs/scenarios.md "fleet"): each figure that changes over time takes a schedule, which is
// read, written back by `explain` to an equal scenario, and changes the run from its date and not before.
#include <gtest/gtest.h>

#include "support/sim_series.hpp"

#include <map>
#include <string>
#include <vector>

#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"

namespace kardashev::io {
namespace {

using kardashev::testing::series;

/// One dated figure: its constant and its schedule (a step on 2026-01-04, the run's fourth day), and the channel
/// that shows it.
struct dated_case {
    std::string key;
    std::string constant;
    std::string schedule;
    std::string entity, metric;
};

/// A week-long scenario whose cohort `c` takes `figures` (key -> YAML value).
std::string scenario_with(const std::map<std::string, std::string>& figures) {
    std::string text = "start: 2026-01-01\nlength: 7 d\nstep: 1 d\nfleet:\n  cohorts:\n    - name: c\n      units: 1000\n";
    for (const auto& [key, value] : figures) text += "      " + key + ": " + value + "\n";
    return text + "sites:\n  - { name: a, accelerators: 1000, power_capacity: 10 MW }\n";
}

std::map<std::string, std::string> logistic_figures() {
    return {{"market_size", "2000"}, {"growth_rate", "50 %/yr"}, {"raw_data_per_unit", "1 GB/d"},
            {"upload_fraction", "10 %"}, {"curation_yield", "50 %"}};
}

std::string two_points(const std::string& first, const std::string& then) {
    return "[{from: 2026-01-01, value: " + first + "}, {from: 2026-01-04, value: " + then + "}]";
}

class dated_cohort_figure : public ::testing::TestWithParam<dated_case> {};

TEST_P(dated_cohort_figure, is_read_written_back_and_changes_the_run_from_its_date) {
    const auto& c = GetParam();
    auto figures = logistic_figures();
    if (c.key == "production") {
        figures.erase("market_size");
        figures.erase("growth_rate");
    }
    figures[c.key] = c.constant;
    const auto constant = load_scenario_text(scenario_with(figures), "constant.yaml");
    figures[c.key] = c.schedule;
    const auto dated = load_scenario_text(scenario_with(figures), "dated.yaml");
    EXPECT_NE(dated, constant);

    const std::string yaml = write_scenario_yaml(dated);
    EXPECT_NE(yaml.find("from: 2026-01-04"), std::string::npos) << yaml;
    EXPECT_EQ(load_scenario_text(yaml, "explain.yaml"), dated) << yaml;
    EXPECT_EQ(load_scenario_text(write_scenario_yaml(constant), "explain.yaml"), constant);

    const auto before = series(sim::run(constant), c.entity, c.metric);
    const auto after = series(sim::run(dated), c.entity, c.metric);
    ASSERT_EQ(before.size(), 7U);
    ASSERT_EQ(after.size(), 7U);
    for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(after[k], before[k]) << c.key << " day " << k;
    for (std::size_t k = 3; k < 7; ++k) EXPECT_NE(after[k], before[k]) << c.key << " day " << k;
}

INSTANTIATE_TEST_SUITE_P(
    each_key, dated_cohort_figure,
    ::testing::Values(dated_case{"market_size", "2000", two_points("2000", "4000"), "fleet/c", "units"},
                      dated_case{"growth_rate", "50 %/yr", two_points("50 %/yr", "200 %/yr"), "fleet/c", "units"},
                      dated_case{"production", "365 /yr", two_points("365 /yr", "730 /yr"), "fleet/c", "units"},
                      dated_case{"raw_data_per_unit", "1 GB/d", two_points("1 GB/d", "2 GB/d"), "fleet/c", "upload_demand"},
                      dated_case{"upload_fraction", "10 %", two_points("10 %", "20 %"), "fleet/c", "upload_demand"},
                      dated_case{"curation_yield", "50 %", two_points("50 %", "25 %"), "corpus", "curated"}),
    [](const ::testing::TestParamInfo<dated_case>& param_info) { return param_info.param.key; });

TEST(dated_cohort, start_end_and_production_ramp_are_read_and_written_back) {
    const auto s = load_scenario_text(scenario_with({{"start", "2026-01-03"}, {"end", "2026-01-06"},
                                                     {"production", two_points("365 /yr", "730 /yr")},
                                                     {"service_life", "6 y"}}),
                                      "ramp.yaml");
    const auto& c = s.cohorts.at(0);
    EXPECT_EQ(c.start, epoch::from_utc_iso("2026-01-03"));
    EXPECT_EQ(c.end, epoch::from_utc_iso("2026-01-06"));
    ASSERT_EQ(c.production_per_s.size(), 2U);
    EXPECT_DOUBLE_EQ(c.production_per_s[1].value * 365.25 * 86400.0, 730.0);
    EXPECT_EQ(c.service_life, duration::from_seconds(6 * 365.25 * 86400.0));
    EXPECT_TRUE(c.market_size.empty());
    EXPECT_EQ(load_scenario_text(write_scenario_yaml(s), "explain.yaml"), s);
    const auto units = series(sim::run(s), "fleet/c", "units");
    ASSERT_EQ(units.size(), 7U);
    EXPECT_EQ(units[0], 0.0);
    EXPECT_EQ(units[1], 0.0);
    EXPECT_GT(units[2], 1000.0);  // from its start: its 1000 units and a day's output
    EXPECT_EQ(units[5], 0.0);     // retired from its end
}

TEST(dated_cohort, a_schedule_replaces_a_constant_from_the_command_line) {
    const auto s = load_scenario_text(scenario_with(logistic_figures()), "x.yaml",
                                      {{"fleet.cohorts[0].growth_rate", "[{from: 2026-01-04, value: 300 %/yr}]"}});
    const auto& rate = s.cohorts.at(0).growth_rate_per_s;
    ASSERT_EQ(rate.size(), 1U);
    EXPECT_EQ(rate[0].at, epoch::from_utc_iso("2026-01-04"));
    EXPECT_DOUBLE_EQ(rate[0].value * 365.25 * 86400.0, 3.0);
}

}  // namespace
}  // namespace kardashev::io
