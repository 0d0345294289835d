// Shadow prices equal finite differences of the optimum (docs/plan.md "Reading shadow prices"): each row family's
// limits moved by a small step as its price's question moves them, the LP solved again, the change in the objective
// over the step within 1e-6 of the reported price.
#include <cmath>

#include <gtest/gtest.h>

#include "plan/build.hpp"
#include "plan/prices.hpp"
#include "plan_fixtures.hpp"

namespace kardashev::plan::detail {
namespace {

using namespace kardashev::testing;

/// The optimum of `lp` with the upper limits of the rows in `group` moved by `step` x their weight, in plan units.
double moved_optimum(plan_lp lp, const std::vector<std::pair<int, double>>& group, double step) {
    for (const auto& [row, weight] : group) lp.model.row_upper[row] += step * weight;
    const auto s = solve_lp(lp.model);
    EXPECT_EQ(s.status, lp_status::optimal);
    return s.objective * lp.objective_scale;
}

/// Checks every reported price of `s` under `options` against a central finite difference.
void expect_prices_match_differences(const sim::scenario& s, const plan_options& options) {
    const auto terms = make_terms(s, options, make_grid(s, 12, s.start + s.length));
    const auto lp = build_lp(s, options, terms);
    const auto solution = solve_lp(lp.model);
    ASSERT_EQ(solution.status, lp_status::optimal);
    const auto prices = shadow_prices(s, terms, lp, solution);
    int checked = 0;
    for (const auto& price : prices) {
        if (price.kind == row_kind::target || price.kind == row_kind::facility) continue;
        // The rows the price's question moves, each by its share of one unit.
        std::vector<std::pair<int, double>> group;
        for (int i = 0; i < lp.model.row_count(); ++i) {
            const auto& tag = lp.model.rows[i];
            if (tag.kind != price.kind || tag.site != price.site) continue;
            if (price.kind == row_kind::budget ? tag.period >= price.period : tag.period == price.period)
                group.emplace_back(i, 1.0);
        }
        double per_unit = 1.0;  // the price's unit in row units
        if (price.kind == row_kind::power) per_unit = 1e9;
        if (price.kind == row_kind::launch) per_unit = 100e3 / static_cast<double>(group.size());
        if (price.kind == row_kind::lunar || price.kind == row_kind::chips) per_unit = 1.0 / static_cast<double>(group.size());
        const double step = 1e-4 * std::max(1.0, std::abs(lp.model.row_upper[group.front().first])) / per_unit;
        const double up = moved_optimum(lp, group, step * per_unit), down = moved_optimum(lp, group, -step * per_unit);
        const double difference = (up - down) / (2.0 * step);
        EXPECT_NEAR(price.value, difference, 1e-6 * std::max(std::abs(price.value), std::abs(difference)) + 1e-300)
            << price.text;
        ++checked;
    }
    EXPECT_GT(checked, 0);
}

TEST(plan_shadow_prices, equal_finite_differences_when_chips_and_a_power_cap_bind) {
    auto s = plan_scenario_fixture(3, 1e9);
    auto a = plan_ground_site("a");
    a.power_capacity_w = {{s.start, 80e6}, {epoch::from_utc_iso("2028-01-01"), 90e6}};
    s.sites = {a};
    s.economy.chip_supply_per_s = {{s.start, 40e3 / constants::julian_year_s}};  // binds before the budget in 2026
    expect_prices_match_differences(s, {});
}

TEST(plan_shadow_prices, equal_finite_differences_when_launches_bind) {
    auto s = plan_scenario_fixture(2, 1e9);
    auto ground = plan_ground_site("ground");
    ground.facility_capex_usd_per_w = 10.0;
    ground.power_capacity_w = {{s.start, 20e6}};
    auto orbit = plan_ground_site("orbit");
    orbit.kind = sim::site_kind::orbit;
    s.sites = {ground, orbit};
    s.launch.price = {logistics::price_model::schedule, {}, 0.0, {}, {{s.start, 100.0}}};
    logistics::launcher ship{"Ship", 100e3, 0.0, 365.0, "test"};
    s.launch.launchers = {{ship, {{s.start, 20.0 / constants::julian_year_s}}}};
    plan_options o;
    o.price_iterations = 1;
    expect_prices_match_differences(s, o);
}

}  // namespace
}  // namespace kardashev::plan::detail
