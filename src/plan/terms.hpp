#pragma once
// The plan's inputs per step and site (private to plan): the engine's step grid cut into periods, and what one
// accelerator bought at a step costs, draws, launches and delivers, from the functions the build-out uses
// (sim/purchase_terms.hpp, logistics/price_path.hpp).

#include <optional>
#include <string>
#include <vector>

#include "kardashev/economy/lunar_factory.hpp"
#include "kardashev/plan/plan.hpp"
#include "kardashev/sim/purchase_terms.hpp"

namespace kardashev::plan::detail {

/// The engine's slow steps (start + k x step, k < length / step) grouped into periods of whole months from the start.
struct step_grid {
    double dt_s = 0.0;                 // [s]
    std::vector<epoch> starts;         // each step's start
    std::vector<int> period_of;        // each step's period
    std::vector<int> first, end;       // each period's first and past-the-last step
    std::vector<period_info> periods;
    int counted = 0;                   // steps that end by `by`: they count toward the objective
    [[nodiscard]] int steps() const noexcept { return static_cast<int>(starts.size()); }
    [[nodiscard]] int period_count() const noexcept { return static_cast<int>(periods.size()); }
};

/// One accelerator bought at one site at one step.
struct piece {
    std::string part;              // the part on offer
    double peak_flops = 0.0;       // [FLOP/s] bf16 peak
    double it_w = 0.0;             // [W] all-in IT power
    double facility_w = 0.0;       // [W] facility power (IT x PUE)
    double price_usd = 0.0;        // [USD] the accelerator
    double offworld_usd = 0.0;     // [USD] spacecraft and launch (orbit, moon) at the step's prices
    double leo_kg = 0.0;           // [kg] to LEO
    double spacecraft_kg = 0.0;    // [kg] spacecraft built
    double lunar_max = 0.0;        // [count] the most a moon factory launches in the step (infinite: no factory)
};

/// A site's terms at every step.
struct site_terms {
    std::vector<piece> pieces;     // per step
    std::vector<double> cap_w;     // [W] facility power cap per step (infinite: none)
    double survival = 1.0;         // [-] share of an off-world accelerator surviving one step (no repair)
    int life_steps = 0;            // steps from purchase to retirement
    piece initial;                 // the part installed at the start
    double initial_count = 0.0;    // accelerators installed at the start (the plan at the start, within the cap)
    bool ground = true;
    bool factory = false;          // a moon site with moon.industry
    bool capped = false;           // some step has a finite cap
    bool power_options = false;    // a ground site with a power plant: the plan may order blocks
    double hall_usd_per_w = 0.0;   // [USD/W] ground facility build cost
    std::optional<sim::offworld_mass_fit> fit;       // orbit, moon: design masses per accelerator
    std::optional<economy::lunar_factory> lunar;     // moon.industry: the factory's satellite design
};

/// Everything the LP is built from.
struct plan_terms {
    step_grid grid;
    std::vector<site_terms> sites;
    std::vector<double> flop_weight;        // [s] per step: mfu x goodput x algorithmic multiplier x dt (0 after by)
    std::vector<double> budget_usd;         // [USD] budget accrued in each step (infinite: no budget)
    std::vector<double> launch_cap_kg;      // [kg] the launchers' capacity in each step (infinite: none given)
    std::vector<double> delivered;          // [-] per step: the share of launched payload that arrives (the launchers'
                                            // reliabilities weighted by their capacities; 1 without launchers)
    std::vector<double> chip_supply;        // [count] accelerators the chip supply gives in each step (infinite: none given)
    std::vector<double> discount;           // [-] (1 + r)^-years at each step's start
    std::vector<double> launch_usd_per_kg;  // [USD/kg] each step's launch price
    std::vector<double> spacecraft_usd_per_kg;  // [USD/kg] each step's spacecraft price
};

/// Accelerators an off-world site of `terms` buys, builds and launches at step `j` per accelerator that enters service:
/// 1 / the step's delivered share (a lost payload is paid for and bought again, as the engine does); 1 on the ground.
[[nodiscard]] double bought_per_delivered(const plan_terms& terms, std::size_t site, int j);

/// The grid of `input` cut into periods of `months` months, counting the steps that end by `by`.
[[nodiscard]] step_grid make_grid(const sim::scenario& input, int months, epoch by);

/// The terms of `input` over `grid`, at the prices the learning curves give with no launches of the plan's own.
[[nodiscard]] plan_terms make_terms(const sim::scenario& input, const plan_options& options, step_grid grid);

/// Re-prices launch, spacecraft and each off-world piece for the plan's own launched and built mass per step [kg];
/// returns the largest relative change of a step's launch price.
double reprice(const sim::scenario& input, const std::vector<double>& own_leo_kg,
               const std::vector<double>& own_spacecraft_kg, plan_terms& terms);

}  // namespace kardashev::plan::detail
