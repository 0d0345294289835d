#pragma once
/// The capacity-expansion planner (docs/plan.md): a linear programme over a scenario's periods and sites, solved by
/// COIN-OR CLP, that chooses the accelerators each site buys, the power each ground site orders and the facility
/// halls it builds, within the money, launches, power and lunar industry the scenario gives; with the shadow price of
/// every constraint in the user's units.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/energy/plant.hpp"
#include "kardashev/sim/engine.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::plan {

/// What the plan optimises.
enum class objective_kind : std::uint8_t {
    compute,   //!< maximise effective training FLOP delivered by `by`
    cost,      //!< minimise the discounted spend that delivers `target_flop` effective FLOP by `by`
    weighted,  //!< maximise effective FLOP by `by` minus `flop_per_usd` x the discounted spend
};
/// "compute", "cost" or "weighted".
[[nodiscard]] std::string_view to_string(objective_kind kind) noexcept;
/// Parses "compute", "cost" or "weighted"; throws input_error listing them otherwise.
[[nodiscard]] objective_kind objective_kind_from_string(std::string_view text);

/// What the planner is asked.
struct plan_options {
    objective_kind objective = objective_kind::compute;
    std::optional<epoch> by;          //!< compute counted up to this date; empty: the scenario's end
    double target_flop = 0.0;         //!< [FLOP] effective compute to deliver by `by` (cost)
    double flop_per_usd = 0.0;        //!< [FLOP/USD] weight of one discounted USD (weighted)
    bool effective = true;            //!< true: FLOP x the algorithmic-progress multiplier; false: physical FLOP
    bool power_builds = true;         //!< ground sites with a power plant may order new blocks; false: the scenario's only
    std::optional<double> discount_rate;  //!< [1/yr] spend discounted at (1+r)^-years; empty: economy.cost_of_capital
    int period_months = 12;           //!< [months] period length: 12 (years) or 3 (quarters), from the start date
    int price_iterations = 8;         //!< re-solves while the learning prices follow the plan's own launches
    bool progress = false;            //!< a progress line on stderr per solve
};

/// The kind of a constraint row.
enum class row_kind : std::uint8_t {
    budget,    //!< money spent through a period within the budget through it (economy.capex_budget)
    launch,    //!< mass to LEO in a step within the launchers' capacity (launch.launchers)
    power,     //!< a site's facility power within its cap in a step (power_plant, power_capacity)
    facility,  //!< a ground site's installed facility power within the halls built (internal accounting)
    lunar,     //!< a moon site's purchases within its factory's output in a step (moon.industry)
    chips,     //!< all sites' purchases in a step within the chip supply (economy.chip_supply)
    target,    //!< the effective compute by the date (cost objective; --target)
};
/// "budget", "launch", "power", "facility", "lunar", "chips" or "target".
[[nodiscard]] std::string_view to_string(row_kind kind) noexcept;

/// The value of one more unit of a constraint's limit in one period, in the user's units.
struct shadow_price {
    row_kind kind = row_kind::budget;
    int period = 0;             //!< index into plan_result::periods
    int site = -1;              //!< index into the scenario's sites; -1 for company-wide rows
    std::string location;       //!< the scenario key the limit comes from, e.g. "economy.capex_budget"
    double value = 0.0;         //!< objective units per `unit`
    std::string unit;           //!< e.g. "FLOP per USD", "FLOP per launch of Starship V3", "USD per FLOP"
    std::string text;           //!< one line: "launch 2031: 3.2e+27 FLOP per launch of Starship (Suncatcher)"
    bool binding = false;       //!< the limit is met with equality somewhere in the period
    bool operator==(const shadow_price&) const = default;
};

/// One period of the plan.
struct period_info {
    std::string label;          //!< "2031" or "2031-Q2"
    epoch start, end;           //!< the first and past-the-last step starts of the period
    bool operator==(const period_info&) const = default;
};

/// What one site does in one period.
struct site_period {
    double bought = 0.0;              //!< accelerators bought over the period (spread evenly over its steps)
    double in_service_end = 0.0;      //!< accelerators in service at the period's last step
    double peak_flops_end = 0.0;      //!< [FLOP/s] their peak at the period's last step
    double it_power_end_w = 0.0;      //!< [W] their all-in IT power at the period's last step
    double spend_usd = 0.0;           //!< [USD] accelerators, facilities, spacecraft and launch, power blocks
    double launched_kg = 0.0;         //!< [kg] to LEO
    double hall_built_w = 0.0;        //!< [W] facility halls built (ground)
    bool operator==(const site_period&) const = default;
};

/// A power block the plan orders at a ground site.
struct power_order {
    int site = 0;
    int period = 0;
    energy::plant_kind source = energy::plant_kind::grid;
    double capacity_w = 0.0;          //!< [W]
    bool operator==(const power_order&) const = default;
};

/// The LP's size.
struct lp_size {
    int rows = 0, columns = 0, nonzeros = 0;
    bool operator==(const lp_size&) const = default;
};

/// A solved plan.
struct plan_result {
    plan_options options;
    epoch by;                                   //!< the date compute is counted to
    double objective = 0.0;                     //!< [FLOP] (compute, weighted) or [USD] (cost)
    std::string objective_unit;                 //!< "FLOP (effective)" or "USD (discounted)"
    double effective_flop = 0.0;                //!< [FLOP] compute delivered by `by` (effective unless options.effective is false)
    double discounted_spend_usd = 0.0;          //!< [USD] spend discounted to the start
    double spend_usd = 0.0;                     //!< [USD] spend, undiscounted
    std::vector<period_info> periods;
    std::vector<std::vector<site_period>> sites;  //!< [site][period]
    std::vector<power_order> power_orders;
    std::vector<shadow_price> prices;           //!< every constraint family per period and site
    /// Planned accelerators in service per site at each step start (plan_scenario writes them as the schedule).
    std::vector<std::vector<double>> in_service;
    std::vector<epoch> step_starts;
    lp_size size;
    int solves = 0;                             //!< LP solves (learning prices re-solved)
    double price_change = 0.0;                  //!< [-] largest relative launch price change at the last re-solve
    bool operator==(const plan_result&) const = default;
};

/// Plans `input` (docs/plan.md). Throws input_error for bad options, an infeasible plan (naming the constraints that
/// conflict and their scenario keys) or an unbounded one (naming the missing limit).
[[nodiscard]] plan_result solve_plan(const sim::scenario& input, const plan_options& options);

/// `input` with the plan as its build-out: each site's accelerators the planned schedule, the power blocks it orders
/// added, so that sim::run follows the plan.
[[nodiscard]] sim::scenario plan_scenario(const sim::scenario& input, const plan_result& plan);

/// [FLOP] training compute a run delivered in its steps that end by `by`: training/flop_rate x step, x
/// training/algorithmic_multiplier when `effective`.
[[nodiscard]] double simulated_effective_flop(const sim::run_result& run, duration step, epoch by, bool effective = true);

}  // namespace kardashev::plan
