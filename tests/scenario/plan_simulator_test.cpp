// The simulator checks the planner (docs/plan.md "The simulator checks the plan"): the run of plan.yaml delivers the
// plan's effective compute within 1 %. The default scenario: a ground campus on a power plant, an orbital cluster on
// a learning launch price with failures, a lunar base; ten years of daily steps.
#include <gtest/gtest.h>

#include "kardashev/io/scenario_io.hpp"
#include "kardashev/plan/plan.hpp"
#include "kardashev/sim/engine.hpp"

namespace kardashev::plan {
namespace {

TEST(plan_simulator, the_run_of_plan_yaml_delivers_the_default_plans_compute_within_one_percent) {
    const auto input = io::load_scenario_text(io::default_scenario_text(), "<default>");
    const auto plan = solve_plan(input, {});
    const auto yaml = io::write_scenario_yaml(plan_scenario(input, plan));
    const auto planned = io::load_scenario_text(yaml, "plan.yaml");
    const auto run = sim::run(planned);
    const double simulated = simulated_effective_flop(run, planned.step, plan.by);
    EXPECT_GT(plan.effective_flop, 0.0);
    EXPECT_NEAR(simulated / plan.effective_flop, 1.0, 0.01) << "plan " << plan.effective_flop << " run " << simulated;
}

TEST(plan_simulator, the_run_of_plan_yaml_delivers_the_terawatt_plans_physical_compute_to_2036_within_one_percent) {
    // Every site kind: two ground campuses (one on a power plant the plan adds blocks to), an orbital fleet on the
    // learning launch price, a lunar base with its factory; 1,304 weekly steps.
    const auto input = io::load_scenario_file(KD_SOURCE_DIR "/scenarios/terawatt.yaml");
    plan_options o;
    o.effective = false;
    o.power_builds = false;
    o.by = epoch::from_utc_iso("2036-01-01");
    const auto plan = solve_plan(input, o);
    const auto planned = io::load_scenario_text(io::write_scenario_yaml(plan_scenario(input, plan)), "plan.yaml");
    const double simulated = simulated_effective_flop(sim::run(planned), planned.step, plan.by, false);
    EXPECT_NEAR(simulated / plan.effective_flop, 1.0, 0.01) << "plan " << plan.effective_flop << " run " << simulated;
}

}  // namespace
}  // namespace kardashev::plan
