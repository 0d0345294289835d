// Stage 13 (serving): each cohort's serving demand in accelerator time at the deployed model, taken from the sites'
// running accelerators for the next step (docs/models/sim.md "Serving and money", docs/models/compute.md "Serving").
#include <algorithm>
#include <cmath>

#include "kardashev/compute/inference.hpp"
#include "kardashev/compute/transformer.hpp"
#include "kardashev/core/error.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// The serving setup of a model of `params` on `part` (assumptions, docs/models/compute.md "Serving"): FP8 weights,
/// KV cache and matrix products where the part has FP8; the fewest accelerators (a power of two dividing the heads)
/// whose HBM holds the weights in half of it; 64 sequences per accelerator at a 4,096-token context; the prompt as
/// long as the answer. Returns 0 when no setup up to 64 accelerators holds the model.
double tokens_per_s_per_accelerator(double params, const compute::accelerator& part) {
    const auto shape = compute::shape_for(std::max(params, 1e8), 4096);
    compute::inference_setup s;
    s.context = 4096;
    s.fp8_matmul = part.peak_flops_fp8 > 0.0;
    s.weight_bytes_per_param = s.kv_bytes_per_value = s.fp8_matmul ? 1.0 : 2.0;
    const double weight_bytes = compute::parameter_count(shape) * s.weight_bytes_per_param;
    for (int tp = 1; tp <= 64; tp *= 2) {
        if (shape.heads % tp != 0 || weight_bytes / tp > 0.5 * part.hbm_bytes) continue;
        s.tp = tp;
        for (int per_accelerator : {64, 16, 4}) {  // fewer sequences where their KV cache does not fit beside the weights
            s.batch = per_accelerator * tp;
            try {
                return compute::serving_tokens_per_s(shape, part, s, {.input_tokens = 1000.0, .output_tokens = 1000.0});
            } catch (const input_error&) {
            }
        }
    }
    return 0.0;
}

/// The parameters of the model served: the deployed generation's, at most money.serving_model_params (a larger
/// model is served distilled to that size: assumption), and that size before the first release.
double served_params(const scenario& input, const fleet_state& cohorts, const training_state& training) {
    const double cap = input.money.serving_model_params;
    if (cohorts.deployed == 0 || training.released.size() < cohorts.deployed) return cap;
    return std::min(cap, training.released[cohorts.deployed - 1].params);
}

/// Refreshes each site's tokens/s per accelerator when the model or the site's newest part changed.
void refresh_rates(const scenario& input, double params, const energy_step& energy, serving_state& serving) {
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& part = energy.newest[i] != nullptr ? *energy.newest[i] : input.sites[i].accel;
        if (params == serving.rate_params && part.name == serving.rate_part[i]) continue;
        serving.tokens_per_s[i] = tokens_per_s_per_accelerator(params, part);
        serving.rate_part[i] = part.name;
    }
    serving.rate_params = params;
}

/// Output tokens/s the sites can serve [tokens/s]: those marked serving-only (`dedicated`) or the others.
double site_capacity(const std::vector<double>& running, const serving_state& serving, bool dedicated) {
    double capacity = 0.0;
    for (std::size_t i = 0; i < running.size(); ++i)
        if ((serving.dedicated[i] != 0) == dedicated) capacity += running[i] * serving.tokens_per_s[i];
    return capacity;
}

/// Splits `demand` [tokens/s] over the sites: serving-only sites first, each at the same share of its running
/// accelerators (up to all of them); the rest as one share of every other site's, at most `cap`. Sets
/// serving.accelerators and served_share.
void place_demand(double demand, double cap, const std::vector<double>& running, serving_state& serving) {
    const double dedicated_capacity = site_capacity(running, serving, true);
    const double shared_capacity = site_capacity(running, serving, false);
    const double dedicated_share = dedicated_capacity > 0.0 ? std::min(1.0, demand / dedicated_capacity) : 0.0;
    const double rest = std::max(0.0, demand - dedicated_share * dedicated_capacity);
    // No accelerator that can hold the model serves nothing and takes nothing.
    const double shared_share = shared_capacity > 0.0 ? std::min(cap, rest / shared_capacity) : 0.0;
    for (std::size_t i = 0; i < running.size(); ++i)
        serving.accelerators[i] = (serving.dedicated[i] != 0 ? dedicated_share : shared_share) * running[i];
    const double wanted = shared_capacity > 0.0 ? rest / shared_capacity : 0.0;
    const double shared_served = wanted > 0.0 ? shared_share / wanted : 0.0;  // of the rest
    if (!(demand > 0.0))
        serving.served_share = 1.0;
    else if (dedicated_capacity > 0.0)
        serving.served_share = (dedicated_share * dedicated_capacity + shared_served * rest) / demand;
    else
        serving.served_share = shared_served;
}

}  // namespace

serving_state start_serving(const scenario& input, recorder& recording) {
    serving_state serving;
    serving.accelerators.assign(input.sites.size(), 0.0);
    serving.tokens_per_s.assign(input.sites.size(), 0.0);
    serving.rate_part.assign(input.sites.size(), std::string());
    for (const auto& where : input.sites) serving.dedicated.push_back(where.serving_only ? 1 : 0);
    serving.enabled = !input.money.revenue.empty();
    if (!serving.enabled) return serving;
    for (const auto& row : input.money.revenue) {
        const auto it = std::find_if(input.cohorts.begin(), input.cohorts.end(), [&](const auto& c) { return c.name == row.cohort; });
        serving.cohort.push_back(static_cast<std::size_t>(it - input.cohorts.begin()));  // the reader checked the name
    }
    auto& channels = serving.channels;
    channels.demand = recording.add_channel("serving", "demand_accelerators", "1");
    channels.accelerators = recording.add_channel("serving", "accelerators", "1");
    channels.served = recording.add_channel("serving", "served_share", "1");
    for (const auto& where : input.sites)
        channels.sites.push_back(recording.add_channel("site/" + where.name, "serving_accelerators", "1"));
    return serving;
}

const energy_step& training_view(const energy_step& energy, const serving_state& serving, energy_step& scratch) {
    const bool any_dedicated = std::find(serving.dedicated.begin(), serving.dedicated.end(), 1) != serving.dedicated.end();
    if (!serving.enabled && !any_dedicated) return energy;
    scratch = energy;
    for (std::size_t i = 0; i < scratch.running.size(); ++i) {
        const double running = energy.running[i];
        if (!(running > 0.0)) continue;
        // A serving-only site trains on nothing, whether or not its accelerators are all busy serving.
        const double kept = serving.dedicated[i] != 0 ? 0.0 : std::max(0.0, running - serving.accelerators[i]) / running;
        scratch.running[i] = running * kept;
        scratch.running_peak_flops[i] = energy.running_peak_flops[i] * kept;
    }
    return scratch;
}

void serving_stage(const step_clock& clock, const scenario& input, const fleet_state& cohorts,
                   const training_state& training, const energy_step& energy, serving_state& serving,
                   recorder& recording) {
    if (!serving.enabled) return;
    refresh_rates(input, served_params(input, cohorts, training), energy, serving);
    double demand_tokens_per_s = 0.0;
    for (std::size_t r = 0; r < input.money.revenue.size(); ++r)
        demand_tokens_per_s += cohorts.units[serving.cohort[r]] * input.money.revenue[r].serving_tokens_per_s;
    // Serving-only sites serve first; one share s of every other site's running accelerators serves the rest,
    // s = rest / sum(running x rate), at most the cap.
    double capacity_tokens_per_s = 0.0, running = 0.0;
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        capacity_tokens_per_s += energy.running[i] * serving.tokens_per_s[i];
        running += energy.running[i];
    }
    const double wanted = capacity_tokens_per_s > 0.0 ? demand_tokens_per_s / capacity_tokens_per_s : 0.0;
    place_demand(demand_tokens_per_s, input.money.serving_max_share, energy.running, serving);
    double total = 0.0;
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        total += serving.accelerators[i];
        recording.record(clock.index, serving.channels.sites[i], serving.accelerators[i]);
    }
    serving.accelerator_hours += total * clock.dt_s / 3600.0;
    recording.record(clock.index, serving.channels.demand, wanted * running);
    recording.record(clock.index, serving.channels.accelerators, total);
    recording.record(clock.index, serving.channels.served, serving.served_share);
}

}  // namespace kardashev::sim::detail
