// A sweep's design, outcomes and summary: seeds, events, quantiles with dates that never came, Wilson intervals.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/study/sweep.hpp"

namespace {

using namespace kardashev::study;

sweep_spec two_inputs(sampling_method m, std::size_t n) {
    sweep_spec s;
    s.inputs = {{"training.mfu", parse_distribution("uniform(30%, 50%)"), "uniform(30%, 50%)", "--vary"},
                {"economy.cost_of_capital", parse_distribution("grid(5%, 10%)"), "grid(5%, 10%)", "--vary"}};
    s.method = m;
    s.samples = n;
    return s;
}

TEST(sweep_design, each_sample_has_its_own_seed_from_the_sweep_seed_and_index) {
    const auto d = make_design(two_inputs(sampling_method::latin_hypercube, 10));
    ASSERT_EQ(d.seeds.size(), 10u);
    EXPECT_EQ(d.seeds[3], sample_seed(1, 3));
    EXPECT_NE(d.seeds[3], d.seeds[4]);
    EXPECT_LT(d.seeds[3], std::uint64_t{1} << 63);
    EXPECT_EQ(d.values[0].size(), 2u);
    EXPECT_TRUE(d.values[0][1] == "5 %" || d.values[0][1] == "10 %");
}

TEST(sweep_design, sizes_of_saltelli_morris_and_grid) {
    EXPECT_EQ(make_design(two_inputs(sampling_method::saltelli, 8)).points.size(), 8u * 4u);
    EXPECT_EQ(make_design(two_inputs(sampling_method::morris, 5)).points.size(), 5u * 3u);
    EXPECT_EQ(make_design(two_inputs(sampling_method::grid, 3)).points.size(), 3u * 2u);  // a grid input keeps its 2 values
    auto spec = two_inputs(sampling_method::saltelli, 8);
    spec.correlations = {{"training.mfu", "economy.cost_of_capital", 0.5}};
    EXPECT_THROW(make_design(spec), kardashev::input_error);
}

TEST(sweep_events, a_date_that_never_came_is_later_than_any_date) {
    const auto e = parse_event("orbit_cheaper_than_ground_from < 2033");
    EXPECT_EQ(e.threshold, static_cast<double>(kardashev::days_since_2000({2033, 1, 1})));
    EXPECT_TRUE(holds(e, e.threshold - 1));
    EXPECT_FALSE(holds(e, std::numeric_limits<double>::infinity()));
    EXPECT_THROW(parse_event("orbit_cheaper_than_grond_from < 2033"), kardashev::input_error);
    EXPECT_THROW(parse_event("total_capex_usd > lots"), kardashev::input_error);
}

TEST(sweep_outcome, encodes_to_one_line_and_back_exactly) {
    const sample_outcome ok{true, {0.1, 1e300, std::numeric_limits<double>::infinity(), 1.0 / 3.0}, ""};
    const auto back = decode_outcome(encode_outcome(ok));
    EXPECT_EQ(back.values[0], 0.1);
    EXPECT_EQ(back.values[3], 1.0 / 3.0);
    EXPECT_TRUE(std::isinf(back.values[2]));
    const sample_outcome bad{false, {}, "x.yaml:3:4: a\tb\nc"};
    EXPECT_EQ(decode_outcome(encode_outcome(bad)).error, "x.yaml:3:4: a b c");
}

TEST(sweep_summary, quantiles_count_never_as_latest_and_events_get_wilson_intervals) {
    auto spec = two_inputs(sampling_method::monte_carlo, 4);
    spec.events = {parse_event("orbit_cheaper_than_ground_from < 2033")};
    const auto design = make_design(spec);
    const std::size_t m = find_output("orbit_cheaper_than_ground_from");
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<sample_outcome> outcomes;
    for (const double v : {1000.0, 2000.0, inf, inf}) {
        sample_outcome o{true, std::vector<double>(headline_outputs().size(), 1.0), ""};
        o.values[m] = v;
        outcomes.push_back(o);
    }
    outcomes.push_back({false, {}, "failed"});
    auto d5 = make_design(two_inputs(sampling_method::monte_carlo, 5));
    const auto s = summarize(spec, d5, outcomes);
    EXPECT_EQ(s.ran, 4u);
    EXPECT_EQ(s.failed, 1u);
    EXPECT_EQ(s.outputs[m].never, 2u);
    EXPECT_EQ(s.outputs[m].quantiles[0], 1000.0);
    EXPECT_EQ(s.outputs[m].quantiles[2], 1750.0);  // type 7 at 25 %: 1000 + 0.75 (2000 - 1000)
    EXPECT_TRUE(std::isinf(s.outputs[m].quantiles[3]));
    ASSERT_EQ(s.events.size(), 1u);
    EXPECT_EQ(s.events[0].count, 2u);
    EXPECT_DOUBLE_EQ(s.events[0].probability.value, 0.5);
    // Wilson 1927 for 2 of 4 at z = 1.96: 0.5 -+ 0.4010...
    EXPECT_NEAR(s.events[0].probability.low, 0.150, 1e-3);
    EXPECT_NEAR(s.events[0].probability.high, 0.850, 1e-3);
}

}  // namespace
