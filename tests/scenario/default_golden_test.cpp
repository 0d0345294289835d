// The shipped default scenario against its golden summary (tests/scenario/golden/default_summary.json).
// Tolerance: 1e-9 relative on every figure: the run is deterministic on one machine, and the margin
// only admits last-bit differences of libm's exp/log/pow between C libraries; counts of steps and
// generations, dates and binding constraints must match exactly. A deliberate model change updates
// the golden file with tools/update_golden.sh and says why in its commit.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "kardashev/io/run_folder.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"

namespace {

using namespace kardashev;
using nlohmann::json;

void expect_same(const json& expected, const json& actual, const std::string& path) {
    ASSERT_EQ(expected.type(), actual.type()) << path;
    if (expected.is_object()) {
        ASSERT_EQ(expected.size(), actual.size()) << path;
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            ASSERT_TRUE(actual.contains(it.key())) << path << "." << it.key();
            expect_same(it.value(), actual[it.key()], path + "." + it.key());
        }
    } else if (expected.is_array()) {
        ASSERT_EQ(expected.size(), actual.size()) << path;
        for (std::size_t i = 0; i < expected.size(); ++i)
            expect_same(expected[i], actual[i], path + "[" + std::to_string(i) + "]");
    } else if (expected.is_number_float()) {
        const double e = expected.get<double>(), a = actual.get<double>();
        EXPECT_LE(std::fabs(a - e), 1e-9 * std::fabs(e) + 1e-300) << path << ": expected " << e << ", got " << a;
    } else {
        EXPECT_EQ(expected, actual) << path;
    }
}

TEST(default_scenario, summary_matches_the_golden_file) {
    std::ifstream f(std::string(KD_SOURCE_DIR) + "/tests/scenario/golden/default_summary.json");
    ASSERT_TRUE(f) << "missing golden file; make it with tools/update_golden.sh";
    json golden = json::parse(f);
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    json actual = json::parse(io::summary_json(s, sim::run(s)));
    golden.erase("kardashev_version");
    actual.erase("kardashev_version");
    expect_same(golden, actual, "summary");
}

TEST(default_scenario, at_least_two_constraints_bind_over_the_ten_years) {
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    const auto r = sim::run(s);
    int binding_kinds = 0;
    for (auto steps : r.summary.binding_steps) binding_kinds += steps > 0 ? 1 : 0;
    EXPECT_GE(binding_kinds, 2);
    EXPECT_GE(r.summary.generations.size(), 10u);
}

}  // namespace
