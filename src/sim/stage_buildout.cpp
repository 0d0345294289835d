// Stage 6 (build-out): installed accelerators per site, cut by power, launch capacity and the capex budget
// (docs/models/sim.md "Build-out").
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/energy/facility.hpp"
#include "launch_failures.hpp"
#include "site_power.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// A site's power limit at `at`: facility watts per accelerator, the cap [W] (its plant's online blocks, or its
/// schedule; infinite with neither) and the most accelerators the cap feeds. An orbit site's cap is its arrays' output in
/// full sunlight: the build-out never installs more than that feeds.
struct power_limit {
    double per_accel_facility_w;
    double cap_w;
    double max_accelerators;
};

power_limit site_power_limit(const site& where, epoch at) {
    const double per_accel_w = energy::facility_power_w(where.accel.all_in_power_w, where.facility.pue);
    const double cap_w = site_power_cap_w(where, at);
    return {per_accel_w, cap_w, cap_w / per_accel_w};
}

/// Off-world hardware is not repaired: accelerators fail at a constant rate and take their share of the
/// spacecraft (array, radiator, bus) with them, so the build-out replaces them at full price (replacement
/// launches). Exponential survival over the step, each vintage pro rata (docs/models/sites.md, failures): the expected
/// share, or with `failures: drawn` a binomial draw of the site's stream (drawn_failures, launch_failures.hpp).
double surviving_share(const site& where, double dt_s, site_plant& plant) {
    const double surviving = 1.0 + std::expm1(-where.failure_rate_per_s * dt_s);
    if (!plant.failure_draws) return surviving;
    return 1.0 - drawn_failures(*plant.failure_draws, plant.installed, 1.0 - surviving) / plant.installed;
}

/// Books the retirement of accelerators at the end of their life, the facility power in use `before_w` before it. An
/// orbit or moon site's spacecraft or plant goes with its accelerators; a ground site's data hall stays for their
/// replacements.
void book_retirements(const site& where, double before_w, site_plant& plant) {
    if (where.kind != site_kind::ground)
        plant.facility_built_w = std::max(0.0, plant.facility_built_w - (before_w - plant.stock.facility_w));
    plant.installed = plant.stock.count;
}

/// Loses the step's failed accelerators (where the site's failure rate is positive) and retires the vintages whose life
/// has ended (docs/models/sim.md "Build-out": vintages), in one pass over the vintages when both happen.
void fail_and_retire(const site& where, double dt_s, epoch at, site_plant& plant) {
    if (!(where.failure_rate_per_s > 0.0 && plant.installed > 0.0)) {
        const double before_w = plant.stock.facility_w;
        if (retire_expired(plant.stock, at) > 0.0) book_retirements(where, before_w, plant);
        return;
    }
    const auto done = fail_then_retire(plant.stock, surviving_share(where, dt_s, plant), at);
    plant.failed += plant.installed - done.count_after_failures;
    plant.installed = done.count_after_failures;
    plant.facility_built_w = std::max(0.0, plant.facility_built_w - done.failed_freed_w);
    if (done.retired > 0.0) book_retirements(where, done.facility_w_after_failures, plant);
}

/// Buys `want` more accelerators, or what `budget_usd` affords, and writes their capex; returns how many it
/// bought. An accelerator costs its price plus, where no built facility power is spare, its facility at
/// `facility_usd_per_w` (off-world: the design's spacecraft and launch, offer_for).
double buy(const compute::accelerator& part, double want, double per_accel_facility_w, double facility_usd_per_w,
           site_plant& plant, double& budget_usd, site_buildout& out) {
    const double price = part.price_usd;
    const double spare = std::max(0.0, (plant.facility_built_w - plant.stock.facility_w) / per_accel_facility_w);
    const double facility_cost = per_accel_facility_w * facility_usd_per_w;
    auto cost_of = [&](double count) { return count * price + std::max(0.0, count - spare) * facility_cost; };
    double count = want;
    if (cost_of(want) > budget_usd) {
        const double spare_cost = spare * price;
        count = budget_usd <= spare_cost ? budget_usd / price : spare + (budget_usd - spare_cost) / (price + facility_cost);
        count = std::clamp(count, 0.0, want);
        if (count <= tiny * want) count = 0.0;  // the budget's rounding remainder buys nothing
        out.money_limited = true;
    }
    const double new_facility_w = std::max(0.0, plant.stock.facility_w + count * per_accel_facility_w - plant.facility_built_w);
    out.accelerator_capex_usd = count * price;
    out.facility_capex_usd = new_facility_w * facility_usd_per_w;
    plant.facility_built_w += new_facility_w;
    budget_usd = std::max(0.0, budget_usd - out.accelerator_capex_usd - out.facility_capex_usd);  // no rounding debt
    return count;
}

/// The launch market a site's purchases draw on: its designs and masses, and this step's prices and capacity.
struct launch_market {
    launch_state& launched;
    launch_step& step;
};

/// One site's step: failures and retirements; then what the plan or the power cap no longer keeps retired, the
/// oldest first, or the part on offer bought toward the plan within the power cap (each vintage counted at its own
/// facility power) and the budget.
void build_site(const step_clock& clock, const scenario& input, std::size_t index, launch_market market,
                buildout_state& plants, site_buildout& site_out, buildout_step& out, recorder& recording) {
    const site& where = input.sites[index];
    site_plant& plant = plants.sites[index];
    const compute::hardware_trend& trend = plants.trend;
    double& budget_usd = plants.budget_unspent_usd;
    const double cap_w = site_power_limit(where, clock.start).cap_w;
    fail_and_retire(where, clock.dt_s, clock.start, plant);
    const double planned = schedule_value(where.planned_accelerators, clock.start);
    // Without replacement, what retired at the end of its life is taken off the plan.
    const double goal = where.replace_retired ? planned : std::max(0.0, planned - plant.stock.retired_at_end_of_life);
    retire_to_power(plant.stock, cap_w);
    if (goal < plant.stock.count) retire_oldest(plant.stock, plant.stock.count - goal);
    plant.installed = plant.stock.count;
    const std::size_t part = goal > plant.installed ? offered_part(input, where, clock.start, trend, plants.offers, plant.stock) : plant.stock.buying;
    const auto& offer = plant.stock.parts[part].part;
    const double per_accel_facility_w = facility_w_per_accelerator(where, offer);
    const double power_max = plant.installed + std::max(0.0, cap_w - plant.stock.facility_w) / per_accel_facility_w;
    const double target = std::min(goal, power_max);
    const double peak = offer.peak_flops_bf16;
    site_out = {planned, per_accel_facility_w, cap_w, goal > power_max * (1.0 + tiny), false, false, 0.0, 0.0, part};
    out.planned_peak_flops += plant.stock.peak_flops + std::max(0.0, goal - plant.installed) * peak;
    if (site_out.power_limited) out.power_cut_peak_flops += (goal - power_max) * peak;
    if (!(target > plant.installed + tiny * std::max(1.0, goal))) return;  // not a rounding remainder
    // Off-world: the design's spacecraft and launch at this step's prices, within the launch capacity left
    // (offworld_cost.cpp); a moon site with a factory adds what the factory launches (lunar_industry.cpp).
    auto priced = offer_for(input, index, offer, per_accel_facility_w, market.launched, market.step);
    (void)lunar_offer(index, per_accel_facility_w, market.step, plants.lunar, priced);  // a factory ships less
    const double planned_want = target - plant.installed;
    const double launchable = launch_limited(planned_want, plant, per_accel_facility_w, priced, site_out);
    if (site_out.launch_limited) out.launch_cut_peak_flops += (planned_want - launchable) * peak;
    const double want = lunar_industry_cap(clock, index, launchable, plants.lunar);
    out.lunar_cut_peak_flops += (launchable - want) * peak;
    if (!(want > tiny * std::max(1.0, goal))) return;  // what a capacity's rounding remainder leaves: nothing to buy
    const double built_w = plant.facility_built_w;
    const double bought = buy(offer, want, per_accel_facility_w, priced.facility_usd_per_w, plant, budget_usd, site_out);
    const double launched_before_kg = market.step.launched_kg;
    const double new_shares = (plant.facility_built_w - built_w) / per_accel_facility_w;
    take_launch(priced, new_shares, market.step);
    site_out.bought = bought;
    site_out.launched_kg = market.step.launched_kg - launched_before_kg;
    site_out.launched_from_kg = launched_before_kg;
    site_out.launched_accelerators = priced.unit != nullptr ? new_shares : 0.0;
    if (site_out.money_limited) out.money_cut_peak_flops += (want - bought) * peak;
    lunar_industry_launched(clock, index, bought, plants.lunar);
    if (bought > 0.0 && part != plant.stock.buying) {
        recording.add_event({clock.start, "part_change", "site/" + where.name,
                             fmt::format("{} -> {}", plant.stock.parts[plant.stock.buying].part.name, offer.name)});
    }
    add_vintage(plant.stock, where, part, bought, clock.start, input.economy.accelerator_life);
    plant.installed = plant.stock.count;
}

}  // namespace

buildout_state start_buildout(const scenario& input, launch_state& launched, buildout_step& bought) {
    const launch_step at_start = start_prices(input, launched);  // the base's mass is in the starting masses
    buildout_state plants;
    plants.sites.resize(input.sites.size());
    plants.lunar = start_lunar_industry(input, launched.orbit_years);
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& where = input.sites[i];
        auto& plant = plants.sites[i];
        const auto limit = site_power_limit(where, input.start);
        plant.stock.parts.push_back({where.accel, 0.0});
        add_vintage(plant.stock, where, 0,
                    std::min(schedule_value(where.planned_accelerators, input.start), limit.max_accelerators),
                    input.start, input.economy.accelerator_life);
        plant.installed = plant.stock.count;
        plant.facility_built_w = plant.stock.facility_w;
        if (input.failures == failure_mode::drawn) plant.failure_draws.emplace(input.seed, "failures/" + where.name);
        bought.sites[i].accelerator_capex_usd = plant.installed * where.accel.price_usd;
        const auto offer = offer_for(input, i, where.accel, limit.per_accel_facility_w, launched, at_start);
        bought.sites[i].facility_capex_usd = plant.facility_built_w * offer.facility_usd_per_w;
    }
    plants.trend = compute::epoch_ai_hardware_trend();
    return plants;
}

void buildout_stage(const step_clock& clock, const scenario& input, launch_state& launched, buildout_state& plants,
                    launch_step& launch, buildout_step& out, recorder& recording) {
    const auto& budget = input.economy.capex_budget_usd_per_s;
    if (input.money.capex == capex_funding::cash) {
        // the money stage set the budget to the cash at the end of the previous step (stage_money.cpp)
    } else if (!budget.empty())
        plants.budget_unspent_usd += schedule_value(budget, clock.start) * clock.dt_s;
    else
        plants.budget_unspent_usd = inf;
    out.planned_peak_flops = out.power_cut_peak_flops = out.money_cut_peak_flops = 0.0;
    out.lunar_cut_peak_flops = out.launch_cut_peak_flops = 0.0;
    out.any_money_limited = out.any_launch_limited = false;
    lunar_industry_begin_step(clock, input, launch.price_usd_per_kg, plants.lunar);
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        build_site(clock, input, i, {launched, launch}, plants, out.sites[i], out, recording);
        out.any_money_limited = out.any_money_limited || out.sites[i].money_limited;
        out.any_launch_limited = out.any_launch_limited || out.sites[i].launch_limited;
    }
    lose_failed_launches(clock, input, launched, launch, plants, out, recording);
}

}  // namespace kardashev::sim::detail
