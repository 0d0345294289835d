#pragma once
// Small scenarios with plans known by hand (tests/unit/plan): round-figure parts, steps of 73 days (five a year),
// no algorithmic progress, MFU x goodput = 0.5.

#include "kardashev/core/constants.hpp"
#include "kardashev/sim/scenario.hpp"
#include "support/compute_fixtures.hpp"

namespace kardashev::testing {

/// [s] one step of the plan fixtures: 73 days, five to a 365-day year.
inline constexpr double plan_step_s = 73.0 * 86'400.0;

/// A ground site buying T1 (1 PFLOP/s, 1 kW all-in, 20,000 USD) at PUE 1 with no hall cost, nothing installed.
inline sim::site plan_ground_site(const std::string& name) {
    sim::site s;
    s.name = name;
    s.kind = sim::site_kind::ground;
    s.accel = test_accelerator();
    s.purchase = sim::purchase_policy::pinned;
    s.facility.pue = 1.0;
    s.planned_accelerators = {{epoch::from_utc_iso("2026-01-01"), 0.0}};
    return s;
}

/// `years` of 365 days from 2026-01-01 in 73-day steps; a budget of `usd_per_year` (per Julian year); fixed prices.
inline sim::scenario plan_scenario_fixture(int years, double usd_per_year) {
    sim::scenario s;
    s.name = "plan-fixture";
    s.start = epoch::from_utc_iso("2026-01-01");
    s.step = duration::from_days(73);
    s.length = duration::from_days(365 * years);
    s.training.mfu = 0.5;
    s.training.goodput = 1.0;
    s.training.algorithmic_progress.enabled = false;
    s.economy.capex_budget_usd_per_s = {{s.start, usd_per_year / constants::julian_year_s}};
    s.launch.price = {logistics::price_model::schedule, {}, 0.0, {}, {{s.start, 1000.0}}};
    s.spacecraft.price = {logistics::price_model::schedule, {}, 0.0, {}, {{s.start, 0.0}}};
    return s;
}

/// [USD] the budget `usd_per_year` accrues over `steps` steps.
inline double accrued_usd(double usd_per_year, int steps) { return usd_per_year / constants::julian_year_s * plan_step_s * steps; }

/// [FLOP] what one T1 delivers in `steps` steps at MFU x goodput 0.5.
inline double t1_flop(double steps) { return steps * plan_step_s * 0.5 * 1e15; }

}  // namespace kardashev::testing
