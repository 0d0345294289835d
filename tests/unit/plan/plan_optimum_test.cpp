// Plans whose optimum is known by hand (docs/plan.md "Tests"): one site and one period, two sites with a launch-price
// crossover, and a budget that binds in one year only. Purchases of a period are spread evenly over its steps (the
// first period's from its second step), so a T1 bought in 2026 is in service 2.5 of the year's five steps on average.
#include <gtest/gtest.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/plan/plan.hpp"
#include "kardashev/sim/purchase_terms.hpp"
#include "plan_fixtures.hpp"

namespace kardashev::plan {
namespace {

using namespace kardashev::testing;

const plan::shadow_price& find_price(const plan_result& r, row_kind kind, int period, int site = -1) {
    for (const auto& p : r.prices)
        if (p.kind == kind && p.period == period && p.site == site) return p;
    throw std::runtime_error("no such price");
}

TEST(plan_optimum, one_site_one_period_spends_the_budget_on_accelerators) {
    auto s = plan_scenario_fixture(1, 100e6);
    s.sites = {plan_ground_site("a")};
    const auto r = solve_plan(s, {});
    const double n = accrued_usd(100e6, 5) / 20'000.0;
    EXPECT_NEAR(r.sites[0][0].bought, n, 1e-9 * n);
    // Pieces at steps 1-4, a quarter each, in service to the end of step 4: (4 + 3 + 2 + 1) / 4 steps.
    EXPECT_NEAR(r.effective_flop, n * t1_flop(2.5), 1e-9 * r.effective_flop);
    const auto& budget = find_price(r, row_kind::budget, 0);
    EXPECT_TRUE(budget.binding);
    EXPECT_NEAR(budget.value, t1_flop(2.5) / 20'000.0, 1e-9 * budget.value);
    EXPECT_EQ(budget.unit, "FLOP per USD");
}

TEST(plan_optimum, two_sites_buy_ground_before_and_orbit_after_the_launch_price_falls) {
    auto s = plan_scenario_fixture(2, 100e6);
    const epoch y2027 = epoch::from_utc_iso("2027-01-01");
    s.launch.price = {logistics::price_model::schedule, {}, 0.0, {}, {{s.start, 10'000.0}, {y2027, 10.0}}};
    auto ground = plan_ground_site("ground");
    ground.facility_capex_usd_per_w = 10.0;  // a hall of 10,000 USD per T1: 30,000 USD in all
    auto orbit = plan_ground_site("orbit");
    orbit.kind = sim::site_kind::orbit;
    s.sites = {ground, orbit};
    const double leo_kg = sim::offworld_mass_fit(s, 1, test_accelerator()).at(1000.0).leo_kg;
    ASSERT_GT(leo_kg * 10'000.0, 10'000.0);  // orbit dearer in 2026
    ASSERT_LT(leo_kg * 10.0, 10'000.0);      // and cheaper in 2027
    const auto r = solve_plan(s, {});
    const double ground_2026 = accrued_usd(100e6, 5) / 30'000.0;
    const double orbit_2027 = accrued_usd(100e6, 5) / (20'000.0 + leo_kg * 10.0);
    EXPECT_NEAR(r.sites[0][0].bought, ground_2026, 1e-9 * ground_2026);
    EXPECT_NEAR(r.sites[1][0].bought, 0.0, 1e-9 * ground_2026);
    EXPECT_NEAR(r.sites[0][1].bought, 0.0, 1e-9 * ground_2026);
    EXPECT_NEAR(r.sites[1][1].bought, orbit_2027, 1e-9 * orbit_2027);
    // 2026's pieces serve (9 + 8 + 7 + 6) / 4 steps, 2027's (5 + 4 + 3 + 2 + 1) / 5.
    const double flop = ground_2026 * t1_flop(7.5) + orbit_2027 * t1_flop(3.0);
    EXPECT_NEAR(r.effective_flop, flop, 1e-9 * flop);
}

TEST(plan_optimum, a_launcher_losing_one_payload_in_ten_makes_each_orbit_accelerator_in_service_cost_a_ninth_more) {
    // The engine pays for a lost payload and buys it again (sim/launch_failures.cpp, expected losses), so an
    // accelerator in service costs its price and its share of spacecraft and launch over the delivered share 0.9; its
    // launched mass too, and a launch cap holds 0.9 of what it would.
    auto s = plan_scenario_fixture(1, 100e6);
    auto orbit = plan_ground_site("orbit");
    orbit.kind = sim::site_kind::orbit;
    s.sites = {orbit};
    const double leo_kg = sim::offworld_mass_fit(s, 0, test_accelerator()).at(1000.0).leo_kg;
    logistics::launcher ship{"Ship", 100e3, 0.0, 365.0, "test", 0.9};
    s.launch.launchers = {{ship, {{s.start, 1e6 / constants::julian_year_s}}}};  // 100 Mt a year: never binds
    const auto r = solve_plan(s, {});
    const double n = accrued_usd(100e6, 5) / ((20'000.0 + leo_kg * 1000.0) / 0.9);
    EXPECT_NEAR(r.sites[0][0].bought, n, 1e-9 * n);
    // With a launch cap that binds (one 100 t flight a Julian year, a budget that does not), 0.9 of each step's
    // capacity enters service: steps 1-4 buy a quarter each, so each holds the whole purchase's quarter.
    s.economy.capex_budget_usd_per_s = {{s.start, 1e15 / constants::julian_year_s}};
    s.launch.launchers = {{ship, {{s.start, 1.0 / constants::julian_year_s}}}};
    const auto capped = solve_plan(s, {});
    const double step_kg = 100e3 * plan_step_s / constants::julian_year_s;
    const double in_service = 4.0 * step_kg * 0.9 / leo_kg;
    EXPECT_NEAR(capped.sites[0][0].bought, in_service, 1e-9 * in_service);
}

TEST(plan_optimum, budget_binds_in_the_first_year_only_when_power_caps_the_second) {
    auto s = plan_scenario_fixture(3, 1e9);
    auto a = plan_ground_site("a");
    a.power_capacity_w = {{s.start, 80e6}};  // 80,000 T1 at 1 kW
    s.sites = {a};
    const auto r = solve_plan(s, {});
    const double first = accrued_usd(1e9, 5) / 20'000.0;
    EXPECT_NEAR(r.sites[0][0].bought, first, 1e-9 * first);
    EXPECT_NEAR(r.sites[0][1].bought, 80'000.0 - first, 1e-9 * 80'000.0);
    EXPECT_NEAR(r.sites[0][2].bought, 0.0, 1e-9 * 80'000.0);
    EXPECT_TRUE(find_price(r, row_kind::budget, 0).binding);
    EXPECT_FALSE(find_price(r, row_kind::budget, 1).binding);
    EXPECT_FALSE(find_price(r, row_kind::budget, 2).binding);
    EXPECT_EQ(find_price(r, row_kind::budget, 1).value, 0.0);
    // A USD more in 2026 buys a T1 share a year earlier instead of in 2027: 2026's pieces serve (14+13+12+11)/4 =
    // 12.5 steps, 2027's (10+9+8+7+6)/5 = 8.
    const double value = (t1_flop(12.5) - t1_flop(8.0)) / 20'000.0;
    EXPECT_NEAR(find_price(r, row_kind::budget, 0).value, value, 1e-9 * value);
    // More power in 2027 alone is worth nothing (what it adds would exceed 2028's cap): the cap's price is in 2028.
    EXPECT_FALSE(find_price(r, row_kind::power, 1, 0).binding);
    EXPECT_TRUE(find_price(r, row_kind::power, 2, 0).binding);
}

TEST(plan_optimum, least_cost_meets_the_target_with_the_discounted_spend) {
    auto s = plan_scenario_fixture(1, 100e6);
    s.sites = {plan_ground_site("a")};
    plan_options o;
    o.objective = objective_kind::cost;
    o.target_flop = 1000.0 * t1_flop(2.5);
    o.discount_rate = 0.0;
    const auto r = solve_plan(s, o);
    EXPECT_NEAR(r.sites[0][0].bought, 1000.0, 1e-9 * 1000.0);
    EXPECT_NEAR(r.objective, 1000.0 * 20'000.0, 1e-9 * 2e7);
    const auto& target = find_price(r, row_kind::target, 0);
    EXPECT_NEAR(target.value, 20'000.0 / t1_flop(2.5), 1e-9 * target.value);
}

TEST(plan_optimum, weighted_buys_while_a_usd_is_worth_less_than_the_flop_it_buys) {
    auto s = plan_scenario_fixture(1, 100e6);
    s.sites = {plan_ground_site("a")};
    plan_options o;
    o.objective = objective_kind::weighted;
    o.discount_rate = 0.0;
    o.flop_per_usd = 0.5 * t1_flop(2.5) / 20'000.0;  // half what a USD buys: spend it all
    const double n = accrued_usd(100e6, 5) / 20'000.0;
    const auto r = solve_plan(s, o);
    EXPECT_NEAR(r.sites[0][0].bought, n, 1e-9 * n);
    EXPECT_NEAR(r.objective, n * 0.5 * t1_flop(2.5), 1e-9 * r.objective);
    o.flop_per_usd = 2.0 * t1_flop(2.5) / 20'000.0;  // twice: buy nothing
    EXPECT_NEAR(solve_plan(s, o).sites[0][0].bought, 0.0, 1e-9 * n);
}

}  // namespace
}  // namespace kardashev::plan
