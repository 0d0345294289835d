// Stage 6 (build-out): installed accelerators per site, cut by power, launch capacity and the capex budget
// (docs/models/sim.md "Build-out").
#include <algorithm>
#include <cmath>

#include "kardashev/energy/facility.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// A site's power limit at `at`: facility watts per accelerator, the cap [W] (infinite with no
/// schedule) and the most accelerators the cap feeds. An orbit site's cap is its arrays' output in
/// full sunlight: the build-out never installs more than that feeds.
struct power_limit {
    double per_accel_facility_w;
    double cap_w;
    double max_accelerators;
};

power_limit site_power_limit(const site& where, epoch at) {
    const double per_accel_w = energy::facility_power_w(where.accel.all_in_power_w, where.facility.pue);
    const double cap_w = where.power_capacity_w.empty() ? inf : schedule_value(where.power_capacity_w, at);
    return {per_accel_w, cap_w, cap_w / per_accel_w};
}

/// Off-world hardware is not repaired: accelerators fail at a constant rate and take their share of the
/// spacecraft (array, radiator, bus) with them, so the build-out replaces them at full price (replacement
/// launches). Exponential survival over the step (docs/models/sites.md, failures).
void lose_failed(const site& where, double per_accel_facility_w, double dt_s, site_plant& plant) {
    if (!(where.failure_rate_per_s > 0.0 && plant.installed > 0.0)) return;
    const double lost = plant.installed * -std::expm1(-where.failure_rate_per_s * dt_s);
    plant.installed -= lost;
    plant.facility_built_w = std::max(0.0, plant.facility_built_w - lost * per_accel_facility_w);
    plant.failed += lost;
}

/// Buys `want` more accelerators, or what `budget_usd` affords, and writes their capex; returns how many it
/// bought. An accelerator costs its price plus, where no built facility power is spare, its facility at
/// `facility_usd_per_w` (off-world: the design's spacecraft and launch, offer_for).
double buy(const site& where, double want, double per_accel_facility_w, double facility_usd_per_w, site_plant& plant,
           double& budget_usd, site_buildout& out) {
    const double price = where.accel.price_usd;
    const double spare = std::max(0.0, plant.facility_built_w / per_accel_facility_w - plant.installed);
    const double facility_cost = per_accel_facility_w * facility_usd_per_w;
    auto cost_of = [&](double count) { return count * price + std::max(0.0, count - spare) * facility_cost; };
    double count = want;
    if (cost_of(want) > budget_usd) {
        const double spare_cost = spare * price;
        count = budget_usd <= spare_cost ? budget_usd / price : spare + (budget_usd - spare_cost) / (price + facility_cost);
        count = std::clamp(count, 0.0, want);
        out.money_limited = true;
    }
    const double new_facility_w = std::max(0.0, (plant.installed + count) * per_accel_facility_w - plant.facility_built_w);
    out.accelerator_capex_usd = count * price;
    out.facility_capex_usd = new_facility_w * facility_usd_per_w;
    plant.facility_built_w += new_facility_w;
    plant.installed += count;
    budget_usd = std::max(0.0, budget_usd - out.accelerator_capex_usd - out.facility_capex_usd);  // no rounding debt
    return count;
}

}  // namespace

buildout_state start_buildout(const scenario& input, launch_state& launched, buildout_step& bought) {
    const launch_step at_start = start_prices(input, launched);  // the base's mass is in the starting masses
    buildout_state plants;
    plants.sites.resize(input.sites.size());
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& where = input.sites[i];
        auto& plant = plants.sites[i];
        const auto limit = site_power_limit(where, input.start);
        plant.installed = std::min(schedule_value(where.planned_accelerators, input.start), limit.max_accelerators);
        plant.facility_built_w = plant.installed * limit.per_accel_facility_w;
        bought.sites[i].accelerator_capex_usd = plant.installed * where.accel.price_usd;
        const auto offer = offer_for(input, i, limit.per_accel_facility_w, launched, at_start);
        bought.sites[i].facility_capex_usd = plant.facility_built_w * offer.facility_usd_per_w;
    }
    return plants;
}

void buildout_stage(const step_clock& clock, const scenario& input, launch_state& launched, buildout_state& plants,
                    launch_step& launch, buildout_step& out) {
    const auto& budget = input.economy.capex_budget_usd_per_s;
    if (!budget.empty())
        plants.budget_unspent_usd += schedule_value(budget, clock.start) * clock.dt_s;
    else
        plants.budget_unspent_usd = inf;
    out.planned_peak_flops = out.power_cut_peak_flops = out.money_cut_peak_flops = 0.0;
    out.launch_cut_peak_flops = 0.0;
    out.any_money_limited = out.any_launch_limited = false;
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& where = input.sites[i];
        auto& plant = plants.sites[i];
        auto& site_out = out.sites[i];
        const auto [per_accel_facility_w, cap_w, power_max] = site_power_limit(where, clock.start);
        lose_failed(where, per_accel_facility_w, clock.dt_s, plant);
        const double planned = schedule_value(where.planned_accelerators, clock.start);
        const double target = std::min(planned, power_max);
        const double peak = where.accel.peak_flops_bf16;
        site_out = {planned, per_accel_facility_w, cap_w, planned > power_max * (1.0 + tiny), false, false, 0.0, 0.0};
        out.planned_peak_flops += planned * peak;
        if (site_out.power_limited) out.power_cut_peak_flops += (planned - power_max) * peak;
        if (target <= plant.installed) {
            plant.installed = target;  // retired units are not refunded
        } else {
            const auto offer = offer_for(input, i, per_accel_facility_w, launched, launch);
            const double want = launch_limited(target - plant.installed, plant, per_accel_facility_w, offer, site_out);
            if (site_out.launch_limited) out.launch_cut_peak_flops += (target - plant.installed - want) * peak;
            const double built_w = plant.facility_built_w;
            const double bought =
                buy(where, want, per_accel_facility_w, offer.facility_usd_per_w, plant, plants.budget_unspent_usd, site_out);
            take_launch(offer, (plant.facility_built_w - built_w) / per_accel_facility_w, launch);
            if (site_out.money_limited) out.money_cut_peak_flops += (want - bought) * peak;
        }
        out.any_money_limited = out.any_money_limited || site_out.money_limited;
        out.any_launch_limited = out.any_launch_limited || site_out.launch_limited;
    }
}

}  // namespace kardashev::sim::detail
