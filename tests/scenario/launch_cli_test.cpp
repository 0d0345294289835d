// `kardashev run --set` on the launch levers of the default scenario (docs/models/sim.md "Launch"): a fixed
// 3,600 USD/kg launch price raises the orbital cluster's cost per accelerator-hour above the learning curve's, and
// one flight a year against a large orbit plan makes `launch` bind where an unlimited launcher list does not.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"
#include "support/run_summary.hpp"

namespace {

using kardashev::testing::run_cli;
using kardashev::testing::run_summary;
using kardashev::testing::slurp;
using kardashev::testing::temp_root;
namespace fs = std::filesystem;

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
    const std::string plan =
        "--set 'length=60 d' --set 'sites[1].power_capacity=20 GW' "
        "--set 'sites[2].accelerators[0].from=2026-01-01' --set 'sites[2].accelerators[1].from=2026-01-10' "
        "--set 'sites[2].accelerators[1].value=2000000' --set 'sites[2].power_capacity=5 GW' ";
    const auto few = run_summary(root / "few", plan + "--set 'launch.launchers[0].flights_per_year=1 /yr'");
    EXPECT_GE(few["supply_binding_steps"]["launch"].get<int>(), 45);  // every step from the jump (51)
    const auto unlimited = run_summary(root / "unlimited", plan + "--set 'launch.launchers=[]'");
    EXPECT_EQ(unlimited["supply_binding_steps"]["launch"].get<int>(), 0);
    EXPECT_GE(unlimited["supply_binding_steps"]["money"].get<int>(), 45) << "without the launch limit the budget binds";
    fs::remove_all(root);
}

}  // namespace
