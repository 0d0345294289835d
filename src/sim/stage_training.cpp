// Stage 7 (training): FLOP delivered to the generation in training (docs/models/sim.md "Training generations",
// "Utilisation").
#include <algorithm>
#include <cmath>

#include "kardashev/compute/cluster.hpp"
#include "kardashev/compute/parallel.hpp"
#include "kardashev/compute/reliability.hpp"
#include "kardashev/compute/training.hpp"
#include "kardashev/compute/transformer.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/fleet/algorithmic_progress.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// Sequence length [tokens] of the reference shape of the utilisation model (Llama 3 pre-training).
constexpr int reference_seq = 8192;
/// Global batch [sequences]: Llama 3's 2,048 sequences of 8,192 tokens on 16,384 GPUs, one sequence
/// per 8 accelerators on larger jobs (assumption: the batch grows with the job; docs/models/sim.md).
double reference_batch_sequences(int job) { return std::max(2048.0, job / 8.0); }

/// The job a site's running accelerators form in the utilisation model: the largest power of two
/// that fits (every layout the search tries then splits it), at most 2^30.
int job_size(double running) {
    int job = 1;
    while (job < (1 << 30) && 2.0 * job <= running * (1.0 + tiny)) job *= 2;
    return job;
}

/// The cluster of `job` accelerators a site runs as one synchronous job.
compute::cluster site_cluster(const site& where, const compute::accelerator& part, int job) {
    compute::cluster cluster = compute::make_cluster(part, job);
    if (where.kind == site_kind::orbit) {
        // Satellites of satellite_size accelerators joined by lasers (compute/cluster.hpp group_link).
        cluster.site = site_kind::orbit;
        cluster.node_size = where.orbit.satellite_size >= 1.0 ? static_cast<int>(where.orbit.satellite_size) : cluster.scale_up_size;
        cluster.inter_node.bandwidth_bytes_per_s = where.orbit.isl_bandwidth_bytes_per_s;
        cluster.inter_node.latency_s = where.orbit.isl_latency_s;
    }
    return cluster;
}

/// MFU of the fastest layout of the dense shape of `params` parameters on a site's job of `job`
/// accelerators of `part` (compute::search_layout), 0 when none holds it.
utilisation_entry search_utilisation(const site& where, const compute::accelerator& part, std::size_t index, int job,
                                     double params) {
    utilisation_entry entry{index, job, part.name, params, 0.0, {}};
    compute::transformer shape = compute::shape_for(std::max(params, 1e8), reference_seq);
    // Width rounded to a multiple of 1,024 so the 128-wide heads come in eights and tensor parallelism
    // up to 8 divides them (compute::shape_for rounds to 128: 124 heads allow tp <= 4).
    shape.hidden = std::max(1024, static_cast<int>(std::lround(shape.hidden / 1024.0)) * 1024);
    shape.heads = shape.hidden / 128;
    shape.ffn_hidden = static_cast<int>(std::lround(3.5 * shape.hidden / 256.0)) * 256;
    compute::step_options options;
    options.global_batch_tokens = reference_batch_sequences(job) * reference_seq;
    try {
        const auto found = compute::search_layout(shape, site_cluster(where, part, job), options);
        entry.mfu = found.step.mfu;
        entry.layout = compute::to_string(found.best);
        entry.dp = found.best.dp;
        entry.used = compute::layout_size(found.best);
    } catch (const input_error&) {
        // no layout holds one replica: the site delivers nothing to this generation
    }
    return entry;
}

/// Jobs above Llama 3's 16,384 accelerators recover as the largest published jobs do (docs/models/sim.md
/// "Utilisation"): redundant in-memory copies of the model state on other replicas (Gemini 1.0 report sec. 3),
/// the accelerators the layout leaves as hot spares, and elastic data parallelism that drops a failed replica.
constexpr double at_scale_accelerators = 16'384.0;

/// The recovery measures of a site's job of `running` accelerators under the layout of `search` (compute/reliability.hpp).
compute::recovery_measures site_recovery(const utilisation_entry& search, double running) {
    compute::recovery_measures rm;
    if (running <= at_scale_accelerators || search.dp < 1) return rm;
    rm.in_memory_checkpoint = true;
    rm.elastic_dp = search.dp > 1;
    rm.dp = search.dp;
    rm.hot_spares = std::max(0.0, running - static_cast<double>(search.used));
    return rm;
}

/// Expected failures and checkpoints of a site's job of `running` accelerators (compute/reliability.hpp).
compute::reliability_result site_reliability(const site& where, const training_params& policy, double running, double dt,
                                             const utilisation_entry& search) {
    compute::reliability_inputs inputs;
    inputs.accelerators = running;
    inputs.mtbf_s = policy.accelerator_mtbf.seconds();
    const auto radiation = compute::default_radiation(where.kind);
    inputs.upset_interrupt_rate_per_s = radiation.upset_interrupt_rate_per_s;
    inputs.sdc_rate_per_s = radiation.sdc_rate_per_s;
    inputs.checkpoint_write_s = policy.checkpoint_write.seconds();
    inputs.restart_s = policy.restart.seconds();
    inputs.recovery = site_recovery(search, running);
    return compute::expected_reliability(inputs, dt);
}

/// The FLOP a generation expects: this step's peak over the generation's length at the share of peak the
/// previous generation delivered (the scenario's mfu x goodput for the first).
double prior_flop(const scenario& input, const energy_step& energy, double delivered_share) {
    double flop = 0.0;
    for (std::size_t i = 0; i < input.sites.size(); ++i)
        flop += energy.running_peak_flops[i] * delivered_share * input.training.generation_length.seconds();
    return flop;
}

/// This step's sums over sites of the utilisation model.
struct modelled_sums {
    double peak_flop = 0.0, model_flop = 0.0, interruptions = 0.0;
};

/// One site's FLOP this step under utilisation: model: its MFU from the layout search of its job for the
/// generation's reference shape (cached), its goodput from the reliability model. Records the two.
double modelled_site_flop(const step_clock& clock, const scenario& input, std::size_t index, const energy_step& energy,
                          training_state& training, modelled_sums& sums, recorder& recording) {
    const auto& where = input.sites[index];
    const double running = energy.running[index];
    const auto& part = energy.newest[index] != nullptr ? *energy.newest[index] : where.accel;  // sets the layout
    auto& site = training.sites[index];
    const double dt = clock.dt_s;
    const double reference_params = training.current.reference_params;
    double mfu = 0.0, goodput = 0.0, flop = 0.0;
    utilisation_entry search;
    if (running >= 1.0 && reference_params > 0.0) {
        const int job = job_size(running);
        auto& cache = training.utilisation_cache;
        auto it = std::find_if(cache.begin(), cache.end(), [&](const utilisation_entry& entry) {
            return entry.site == index && entry.job == job && entry.params == reference_params && entry.part == part.name;
        });
        if (it == cache.end()) {
            cache.push_back(search_utilisation(where, part, index, job, reference_params));
            it = cache.end() - 1;
        }
        search = *it;
        mfu = it->mfu;
        site.layout = it->layout;
        if (mfu <= 0.0) site.no_fit = true;
    }
    if (mfu > 0.0) {
        const auto reliability = site_reliability(where, input.training, running, dt, search);
        goodput = std::isfinite(reliability.goodput) ? reliability.goodput : 0.0;
        site.checkpoint_interval_s = reliability.checkpoint_interval_s;
        const double interruptions = dt / reliability.system_mtbf_s;  // failures arrive at the system rate while it runs
        site.interruptions += interruptions;
        site.checkpoints += dt * goodput / reliability.checkpoint_interval_s;
        sums.interruptions += interruptions;
        const double peak_flop = energy.running_peak_flops[index] * dt;  // each vintage at its own peak
        site.peak_flop += peak_flop;
        site.model_flop += peak_flop * mfu;
        sums.peak_flop += peak_flop;
        sums.model_flop += peak_flop * mfu;
        if (goodput > 0.0)
            flop = compute::delivered_flop(running, energy.running_peak_flops[index] / running, std::min(1.0, mfu),
                                           std::min(1.0, goodput), dt);
    }
    site.flop += flop;
    recording.record(clock.index, site.mfu_channel, mfu);
    recording.record(clock.index, site.goodput_channel, goodput);
    return flop;
}

}  // namespace

training_state start_training(const scenario& input, recorder& recording) {
    training_state training;
    training.current = {1, input.start, input.start + input.training.generation_length, 0.0, {}, 0.0, 0.0};
    training.sites.resize(input.sites.size());
    training.delivered_share = input.training.mfu * input.training.goodput;
    if (input.training.utilisation == utilisation_mode::model) {
        for (std::size_t i = 0; i < input.sites.size(); ++i) {
            const auto entity = "site/" + input.sites[i].name;
            training.sites[i].mfu_channel = recording.add_channel(entity, "mfu", "1");
            training.sites[i].goodput_channel = recording.add_channel(entity, "goodput", "1");
        }
        training.channels.mfu = recording.add_channel("training", "mfu", "1");
        training.channels.goodput = recording.add_channel("training", "goodput", "1");
        training.channels.interruptions = recording.add_channel("training", "interruptions", "1");
    }
    return training;
}

void training_stage(const step_clock& clock, const scenario& input, const fleet::chinchilla_law& law,
                    const energy_step& energy, const corpus_state& corpus, training_state& training,
                    training_step& out, recorder& recording) {
    auto& current = training.current;
    double flop = 0.0;  // [FLOP] this step, all sites
    if (input.training.utilisation == utilisation_mode::fixed) {
        for (std::size_t i = 0; i < input.sites.size(); ++i) {
            if (energy.running[i] > 0.0)
                flop += compute::delivered_flop(energy.running[i], energy.running_peak_flops[i] / energy.running[i], input.training.mfu,
                                                input.training.goodput, clock.dt_s);
        }
    } else {
        // The reference shape, from the generation's first step with accelerators running.
        if (current.reference_params <= 0.0) {
            const double prior = prior_flop(input, energy, training.delivered_share);
            if (prior > 0.0)
                current.reference_params = fleet::data_limited_optimal(law, prior, corpus.unique_tokens, input.corpus).params;
        }
        modelled_sums sums;
        for (std::size_t i = 0; i < input.sites.size(); ++i)
            flop += modelled_site_flop(clock, input, i, energy, training, sums, recording);
        current.interruptions += sums.interruptions;
        training.generation_peak_flop += sums.peak_flop;
        recording.record(clock.index, training.channels.mfu, sums.peak_flop > 0.0 ? sums.model_flop / sums.peak_flop : 0.0);
        recording.record(clock.index, training.channels.goodput, sums.model_flop > 0.0 ? flop / sums.model_flop : 0.0);
        recording.record(clock.index, training.channels.interruptions, sums.interruptions);
    }
    current.flop += flop;
    // Algorithmic progress (docs/models/sim.md): the step's FLOP count at the multiplier of its midpoint.
    out.multiplier = fleet::effective_compute_multiplier(input.training.algorithmic_progress,
                                                         (clock.start - input.start).seconds() + 0.5 * clock.dt_s);
    current.effective_flop += flop * out.multiplier;
    const double remaining_steps = std::max(0.0, (current.ends - clock.end).seconds() / clock.dt_s);
    out.flop = flop;
    out.projected_flop = current.flop + flop * remaining_steps;
    out.projected_effective_flop = current.effective_flop + flop * out.multiplier * remaining_steps;
}

}  // namespace kardashev::sim::detail
