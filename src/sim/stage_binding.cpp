// Stage 8 (binding): the constraint that bound the step (docs/models/sim.md "The binding constraint").
#include <fmt/format.h>

#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

constexpr double material_share = 0.01;  // a cut binds when it removes at least this share of the plan's peak FLOP/s

/// Counts `bound` in `steps` and writes `kind` ("from -> to") when it differs from `last`.
void count_binding(const step_clock& clock, constraint bound, const char* kind, std::optional<constraint>& last,
                   std::array<std::int64_t, constraint_count>& steps, recorder& recording) {
    ++steps[static_cast<std::size_t>(bound)];
    if (last == bound) return;
    recording.add_event({clock.end, kind, "company",
                         last ? fmt::format("{} -> {}", to_string(*last), to_string(bound)) : fmt::format("{}", to_string(bound))});
    last = bound;
}

}  // namespace

constraint buildout_constraint(const buildout_step& buildout, const energy_step& energy) {
    const std::array<std::pair<constraint, double>, 4> cuts{{
        {constraint::money, buildout.money_cut_peak_flops},
        {constraint::power, buildout.power_cut_peak_flops + energy.unfed_peak_flops},
        {constraint::launch, buildout.launch_cut_peak_flops},
        {constraint::lunar_industry, buildout.lunar_cut_peak_flops},
    }};
    constraint bound = constraint::compute;
    double largest = material_share * buildout.planned_peak_flops;
    for (const auto& [which, cut] : cuts) {
        if (cut > 0.0 && cut >= largest) {
            bound = which;
            largest = cut;
        }
    }
    return bound;
}

constraint supply_constraint(const buildout_step& buildout, const energy_step& energy) {
    const double material_peak_flops = material_share * buildout.planned_peak_flops;
    const double power_cut_peak_flops = buildout.power_cut_peak_flops + energy.unfed_peak_flops;
    if (buildout.any_money_limited && buildout.money_cut_peak_flops >= material_peak_flops) return constraint::money;
    if (energy.any_power_limited && power_cut_peak_flops >= material_peak_flops) return constraint::power;
    if (buildout.any_launch_limited && buildout.launch_cut_peak_flops >= material_peak_flops) return constraint::launch;
    if (buildout.lunar_cut_peak_flops > 0.0 && buildout.lunar_cut_peak_flops >= material_peak_flops)
        return constraint::lunar_industry;  // a moon site's factory launched less than its plan (lunar_industry.cpp)
    return constraint::compute;
}

constraint binding_stage(const step_clock& clock, const fleet::chinchilla_law& law, const training_step& training,
                         const corpus_state& corpus, const uplink_step& uplink, const buildout_step& buildout,
                         const energy_step& energy, std::optional<bool> lines_data_short, binding_state& binding,
                         recorder& recording) {
    // A run that would want more unique tokens than exist is data-bound (bandwidth-bound when the uplink is full);
    // otherwise compute binds, or what cut the build-out by a material share of the plan's peak FLOP/s: money, power,
    // launch, then a moon site's satellite factory (lunar_industry). With model lines the data test is the line's
    // with the most compute (bind_lines).
    const constraint supply = supply_constraint(buildout, energy);
    count_binding(clock, supply, "supply_change", binding.last_supply, binding.supply_steps, recording);
    bool data_short = false;
    if (lines_data_short) {
        data_short = *lines_data_short;
    } else if (training.projected_effective_flop > 0.0) {
        // The tokens a run wants follow the compute-optimal split of its effective compute (algorithmic progress).
        data_short = fleet::compute_optimal_tokens(law, training.projected_effective_flop) > corpus.unique_tokens;
    }
    const constraint bound = data_short ? (uplink.saturated ? constraint::bandwidth : constraint::data) : supply;
    count_binding(clock, bound, "bottleneck_change", binding.last, binding.steps, recording);
    count_binding(clock, buildout_constraint(buildout, energy), "buildout_change", binding.last_buildout,
                  binding.buildout_steps, recording);
    return bound;
}

}  // namespace kardashev::sim::detail
