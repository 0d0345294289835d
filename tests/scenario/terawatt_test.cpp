// `kardashev run scenarios/terawatt.yaml` (docs/terawatt.md): 25 years at a one-week step run through the CLI, and
// its levers move the answer the right way.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace {

using kardashev::testing::run_cli;
using kardashev::testing::slurp;
using kardashev::testing::temp_root;
namespace fs = std::filesystem;

const std::string terawatt = std::string(KD_SOURCE_DIR) + "/scenarios/terawatt.yaml";

/// summary.json of `kardashev run` of the terawatt scenario with `sets` (each a --set argument).
nlohmann::json run_terawatt(const fs::path& dir, const std::string& sets) {
    const auto r = run_cli("run " + terawatt + " --quiet " + sets + " --out " + dir.string());
    EXPECT_EQ(r.code, 0) << r.err;
    return nlohmann::json::parse(slurp(dir / "summary.json"));
}

const nlohmann::json& site_named(const nlohmann::json& summary, const std::string& name) {
    for (const auto& s : summary["sites"])
        if (s["name"] == name) return s;
    ADD_FAILURE() << "no site " << name;
    return summary["sites"][0];
}

TEST(terawatt, runs_25_years_and_launch_binds_the_build_out_from_the_2030s) {
    const auto root = temp_root("terawatt_base");
    const auto s = run_terawatt(root / "run", "");
    EXPECT_EQ(s["steps"].get<int>(), 1304);  // 25 Julian years of 7 days
    const int steps = s["steps"].get<int>();
    // Launch cuts the plan in most steps (the orbital plan outruns the flights from 2031; docs/terawatt.md).
    EXPECT_GT(s["buildout_binding_steps"]["launch"].get<int>(), steps / 2);
    EXPECT_GT(s["buildout_binding_steps"]["power"].get<int>(), 0);  // the ground's plant lead times, early on
    // A terawatt-scale enterprise: the index is Sagan's of the peak, and the run warns against the world's electricity.
    const double peak = s["peak_facility_power_w"].get<double>();
    EXPECT_GT(peak, 1e12);
    EXPECT_NEAR(s["kardashev_index_peak"].get<double>(), (std::log10(peak) - 6.0) / 10.0, 1e-9);
    EXPECT_NE(s["warnings"].dump().find("electricity"), std::string::npos) << s["warnings"].dump();
    // Its folder is complete, as the default's.
    for (const char* f : {"timeseries.csv", "events.csv", "report.html", "scene.czml", "scenario.resolved.yaml"})
        EXPECT_TRUE(fs::exists(root / "run" / f)) << f;
    fs::remove_all(root);
}

TEST(terawatt, fewer_flights_a_year_make_launch_bind_more_and_shrink_the_lunar_base) {
    const auto root = temp_root("terawatt_flights");
    const auto base = run_terawatt(root / "base", "");
    const auto few = run_terawatt(root / "few", "--set 'launch.launchers[1].flights_per_year[0].value=1000 /yr' "
                                                "--set 'launch.launchers[1].flights_per_year[1].value=2000 /yr'");
    EXPECT_GT(few["buildout_binding_steps"]["launch"].get<int>(), base["buildout_binding_steps"]["launch"].get<int>());
    EXPECT_LT(site_named(few, "lunar-base")["peak_it_power_w"].get<double>(),
              0.5 * site_named(base, "lunar-base")["peak_it_power_w"].get<double>());
    fs::remove_all(root);
}

/// A summary's date field as text, "null" when the run never got there.
std::string date_of(const nlohmann::json& summary, const char* key) {
    return summary[key].is_null() ? "null" : summary[key].get<std::string>();
}

// The spacecraft's learning rate decides whether orbit ever beats the ground (docs/terawatt.md): at the default
// 10 % it never does by 2050; at 30 % it does, and then the launch levers move the date.
const std::string cheap_spacecraft = "--set spacecraft.price.learning.learning_rate=30% ";

TEST(terawatt, a_higher_launch_learning_rate_brings_the_orbit_and_moon_crossovers_earlier) {
    const auto root = temp_root("terawatt_learning");
    const auto base = run_terawatt(root / "base", cheap_spacecraft);
    const auto fast = run_terawatt(root / "fast", cheap_spacecraft + "--set launch.price.learning.learning_rate=30%");
    ASSERT_NE(date_of(base, "orbit_cheaper_than_ground_from"), "null");
    ASSERT_NE(date_of(fast, "orbit_cheaper_than_ground_from"), "null");
    EXPECT_LT(date_of(fast, "orbit_cheaper_than_ground_from"), date_of(base, "orbit_cheaper_than_ground_from"));
    EXPECT_LT(date_of(fast, "moon_cheaper_than_ground_from"), date_of(base, "moon_cheaper_than_ground_from"));
    // The default spacecraft curve: orbit never crosses, the Moon does, later than with cheap spacecraft.
    const auto plain = run_terawatt(root / "plain", "");
    EXPECT_EQ(date_of(plain, "orbit_cheaper_than_ground_from"), "null");
    ASSERT_NE(date_of(plain, "moon_cheaper_than_ground_from"), "null");
    EXPECT_GT(date_of(plain, "moon_cheaper_than_ground_from"), date_of(base, "moon_cheaper_than_ground_from"));
    fs::remove_all(root);
}

TEST(terawatt, a_fixed_3600_usd_per_kg_launch_price_never_beats_the_ground) {
    const auto root = temp_root("terawatt_fixed");
    const auto fixed = run_terawatt(root / "fixed", cheap_spacecraft + "--set 'launch.price=3600 USD/kg'");
    EXPECT_EQ(date_of(fixed, "orbit_cheaper_than_ground_from"), "null");
    EXPECT_EQ(date_of(fixed, "moon_cheaper_than_ground_from"), "null");
    fs::remove_all(root);
}

}  // namespace
