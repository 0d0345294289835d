// The plan as a scenario the engine runs (docs/plan.md "The simulator checks the plan"), and the effective compute a
// run of it delivered.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/plan/plan.hpp"

namespace kardashev::plan {

namespace {

/// The planned schedule of one site: its installed base at the start, then the plan's count at each step where it
/// changes.
std::vector<sim::schedule_point> planned_schedule(const sim::site& where, epoch start,
                                                  const std::vector<epoch>& steps, const std::vector<double>& count) {
    std::vector<sim::schedule_point> out;
    out.push_back({start, sim::schedule_value(where.planned_accelerators, start)});
    for (std::size_t j = 1; j < steps.size(); ++j) {
        const double v = std::max(0.0, count[j]);
        if (std::abs(v - out.back().value) > 1e-12 * std::max(1.0, v)) out.push_back({steps[j], v});
    }
    return out;
}

}  // namespace

sim::scenario plan_scenario(const sim::scenario& input, const plan_result& plan) {
    sim::scenario out = input;
    out.name = input.name + "-plan";
    out.description = fmt::format("The build-out `kardashev plan` chose for {} ({} objective, compute counted to {}).",
                                  input.name, to_string(plan.options.objective), plan.by.to_utc_date());
    for (std::size_t s = 0; s < out.sites.size(); ++s) {
        auto& where = out.sites[s];
        where.planned_accelerators = planned_schedule(input.sites[s], input.start, plan.step_starts, plan.in_service[s]);
        where.replace_retired = true;  // the schedule already nets retirements and failures
    }
    for (const auto& order : plan.power_orders) {
        auto block = sim::default_power_block(order.source, plan.periods[static_cast<std::size_t>(order.period)].start);
        block.capacity_w = order.capacity_w;
        auto& plant = out.sites[static_cast<std::size_t>(order.site)].power_plant;
        plant.push_back(block);
        std::stable_sort(plant.begin(), plant.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
    }
    return out;
}

double simulated_effective_flop(const sim::run_result& run, duration step, epoch by, bool effective) {
    const auto& channels = run.record.channels();
    std::uint32_t rate = 0, multiplier = 0;
    for (std::uint32_t c = 0; c < channels.size(); ++c) {
        if (channels[c].entity != "training") continue;
        if (channels[c].metric == "flop_rate") rate = c;
        if (channels[c].metric == "algorithmic_multiplier") multiplier = c;
    }
    const auto& times = run.record.step_times();  // each step's end
    std::vector<double> flop_rate(times.size(), 0.0), mult(times.size(), 1.0);
    for (const auto& row : run.record.rows()) {
        if (row.channel == rate) flop_rate[static_cast<std::size_t>(row.step)] = row.value;
        if (row.channel == multiplier) mult[static_cast<std::size_t>(row.step)] = row.value;
    }
    double flop = 0.0;
    for (std::size_t j = 0; j < times.size(); ++j)
        if (times[j] <= by) flop += flop_rate[j] * step.seconds() * (effective ? mult[j] : 1.0);
    return flop;
}

}  // namespace kardashev::plan
