// `kardashev run --set` on the launch levers of the default scenario (docs/models/sim.md "Launch"): a fixed
// 3,600 USD/kg launch price raises the orbital cluster's cost per accelerator-hour above the learning curve's, and
// one flight a year against a large orbit plan makes `launch` bind where an unlimited launcher list does not.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"
#include "support/run_summary.hpp"

namespace {

using kardashev::testing::run_cli;
using kardashev::testing::run_summary;
using kardashev::testing::slurp;
using kardashev::testing::temp_root;
namespace fs = std::filesystem;

/// `--set` arguments for 60 days of the default with the orbital cluster's plan jumping to `tpus` TPUs on 10 January
/// (5 GW for it); a trailing space.
std::string cluster_jump(const std::string& tpus) {
    return "--set 'length=60 d' --set 'sites[2].accelerators[0].from=2026-01-01' "
           "--set 'sites[2].accelerators[1].from=2026-01-10' --set 'sites[2].accelerators[1].value=" +
           tpus + "' --set 'sites[2].power_capacity=5 GW' ";
}

TEST(launch_cli, a_fixed_3600_usd_per_kg_launch_price_makes_the_orbital_cluster_dearer) {
    const auto root = temp_root("launch_price");
    const auto learning = run_summary(root / "learning", "");
    const auto fixed = run_summary(root / "fixed", "--set 'launch.price=3600 USD/kg'");
    const auto& cheap = learning["sites"][2];
    const auto& dear = fixed["sites"][2];
    ASSERT_EQ(cheap["name"], "orbital-cluster");
    EXPECT_GT(dear["cost_per_accelerator_hour_usd"].get<double>(), 2.0 * cheap["cost_per_accelerator_hour_usd"].get<double>());
    fs::remove_all(root);
}

TEST(launch_cli, one_flight_a_year_makes_launch_bind_and_no_launch_limit_does_not) {
    const auto root = temp_root("launch_bind");
    // The orbital cluster's plan jumps to 2 M TPUs on 10 January; enough grid for colossus-2 that power does not bind;
    // 60 days. The default's model lines are data-bound, so the test reads what bound the compute supply, data aside
    // (supply_binding_steps).
    const std::string plan = cluster_jump("2000000") + "--set 'sites[1].power_capacity=20 GW' ";
    const auto few = run_summary(root / "few", plan + "--set 'launch.launchers[0].flights_per_year=1 /yr'");
    EXPECT_GE(few["supply_binding_steps"]["launch"].get<int>(), 45);  // every step from the jump (51)
    const auto unlimited = run_summary(root / "unlimited", plan + "--set 'launch.launchers=[]'");
    EXPECT_EQ(unlimited["supply_binding_steps"]["launch"].get<int>(), 0);
    EXPECT_GE(unlimited["supply_binding_steps"]["money"].get<int>(), 45) << "without the launch limit the budget binds";
    fs::remove_all(root);
}

TEST(launch_cli, drawn_launch_failures_repeat_for_one_seed_and_a_sweep_over_seeds_spreads_the_accelerator_hours) {
    const auto root = temp_root("launch_failures");
    // 60 days of the default with the orbital cluster's 20,000 TPUs planned from 10 January (launch binds: 25
    // Starship flights a year), launchers 80 % reliable, launch failures drawn from the run seed.
    const std::string failing =
        cluster_jump("20000") + "--set failures=drawn --set 'launch.launchers[0].reliability=80 %' ";
    const auto a = run_summary(root / "a", failing + "--seed 1");
    const auto b = run_summary(root / "b", failing + "--seed 1");
    const auto c = run_summary(root / "c", failing + "--seed 2");
    EXPECT_EQ(a, b);
    ASSERT_TRUE(a.contains("launch_failures"));
    EXPECT_GT(a["launch_failures"]["lost_mass_kg"].get<double>(), 0.0);
    EXPECT_GT(a["sites"][2]["launch_lost_accelerators"].get<double>(), 0.0);
    EXPECT_NE(a["launch_failures"]["lost_mass_kg"], c["launch_failures"]["lost_mass_kg"]);
    EXPECT_NE(slurp(root / "a" / "events.csv").find("launch_failure,launcher/Starship V3,"), std::string::npos);
    EXPECT_FALSE(run_summary(root / "reliable", "--set 'length=60 d'").contains("launch_failures"));
    // A Monte Carlo over seeds: one input held at 80 %, four samples, each its own run seed.
    const auto sweep = run_cli("sweep " + std::string(KD_SOURCE_DIR) + "/scenarios/default.yaml " + failing +
                               "--vary 'launch.launchers[0].reliability=grid(80%)' --method monte_carlo --samples 4 "
                               "--seed 3 --threads 1 --quiet --out " + (root / "sweep").string());
    ASSERT_EQ(sweep.code, 0) << sweep.err;
    std::istringstream results(slurp(root / "sweep" / "results.csv"));
    std::string line;
    std::getline(results, line);
    ASSERT_EQ(line.rfind("sample,status,cost_per_accelerator_hour_usd,total_capex_usd,accelerator_hours,", 0), 0u) << line;
    std::set<std::string> hours;
    while (std::getline(results, line)) {
        std::vector<std::string> cells;
        std::istringstream row(line);
        for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
        ASSERT_GE(cells.size(), 5u) << line;
        EXPECT_EQ(cells[1], "ok") << line;
        hours.insert(cells[4]);
    }
    EXPECT_EQ(hours.size(), 4u) << "each seed's draws give its own accelerator-hours";
    fs::remove_all(root);
}

}  // namespace
