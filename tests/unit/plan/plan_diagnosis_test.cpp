// A plan with no optimum says why (docs/plan.md "When there is no plan"): an infeasible one names the constraints an
// elastic relaxation stretches with their scenario keys, an unbounded one the limits the solver's ray escapes.
#include <gtest/gtest.h>

#include "kardashev/core/error.hpp"
#include "kardashev/plan/plan.hpp"
#include "plan_fixtures.hpp"

namespace kardashev::plan {
namespace {

using namespace kardashev::testing;

std::string message_of(const sim::scenario& s, const plan_options& o) {
    try {
        (void)solve_plan(s, o);
    } catch (const input_error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(plan_diagnosis, a_target_beyond_the_budget_names_the_budget_and_the_target) {
    auto s = plan_scenario_fixture(1, 100e6);
    s.sites = {plan_ground_site("a")};
    plan_options o;
    o.objective = objective_kind::cost;
    o.target_flop = 1e6 * t1_flop(2.5);  // a million T1: 20 GUSD against 100 MUSD
    const auto m = message_of(s, o);
    EXPECT_NE(m.find("plan: infeasible: no build-out meets every constraint; these conflict:"), std::string::npos) << m;
    // The relaxation stretches the target (by most of it) rather than the budget (200-fold): the budget holds it back.
    EXPECT_NE(m.find("\n  --target (target) in 2026: short by up to"), std::string::npos) << m;
    EXPECT_NE(m.find("\n  economy.capex_budget (budget) in 2026: at its limit"), std::string::npos) << m;
}

TEST(plan_diagnosis, a_power_cap_below_the_installed_base_is_named_with_its_site) {
    auto s = plan_scenario_fixture(2, 100e6);
    auto a = plan_ground_site("a");
    a.planned_accelerators = {{s.start, 1000.0}};
    a.power_capacity_w = {{s.start, 2e6}, {epoch::from_utc_iso("2027-01-01"), 0.5e6}};  // 1,000 T1, then room for 500
    s.sites = {a};
    const auto m = message_of(s, {});
    EXPECT_NE(m.find("\n  sites[0].power_capacity (a) (power) in 2027: short by up to 5e+05 W"), std::string::npos) << m;
}

TEST(plan_diagnosis, no_budget_and_no_power_cap_is_unbounded_and_names_both) {
    auto s = plan_scenario_fixture(1, 100e6);
    s.economy.capex_budget_usd_per_s.clear();
    s.sites = {plan_ground_site("a")};
    const auto m = message_of(s, {});
    EXPECT_EQ(m, "plan: unbounded: nothing limits how much the plan buys:\n"
                 "  sites[0] (a) in 2026: give economy.capex_budget, sites[0].power_capacity or power_plant")
        << m;
}

}  // namespace
}  // namespace kardashev::plan
