// Stage 9 (release): a generation whose training time is up becomes a model (docs/models/sim.md "Training
// generations").
#include <fmt/format.h>

#include "lines.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

constraint most_frequent(const std::array<std::int64_t, constraint_count>& counts) {
    std::size_t best = static_cast<std::size_t>(constraint::compute);
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > counts[best]) best = i;
    return static_cast<constraint>(best);
}

/// The model a generation's effective FLOP and the corpus of the day give: the best (N, D), released after the gap
/// (docs/models/sim.md "Algorithmic progress").
generation trained_model(const scenario& input, const fleet::chinchilla_law& law, const training_run& finished,
                         double unique_tokens) {
    const auto allocation = fleet::data_limited_optimal(law, finished.effective_flop, unique_tokens, input.corpus);
    generation model;
    model.index = finished.index;
    model.started = finished.started;
    model.released = finished.ends + input.training.release_gap;
    model.flop = finished.flop;
    model.effective_flop = finished.effective_flop;
    model.params = allocation.params;
    model.tokens = allocation.tokens;
    model.unique_tokens = unique_tokens;
    model.loss = allocation.loss;
    model.quality = fleet::quality_from_loss(allocation.loss, input.training.reference_loss, law.e);
    model.binding = most_frequent(finished.binding_steps);
    return model;
}

/// utilisation: model: each site's `interruptions` event (and `model_does_not_fit` when some step found no
/// layout) for `model`; the site's tallies start again for the next generation.
void close_site_tallies(const step_clock& clock, const scenario& input, const generation& model,
                        double reference_params, training_state& training, recorder& recording) {
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        auto& site = training.sites[i];
        const auto entity = fmt::format("site/{}", input.sites[i].name);
        if (site.model_flop > 0.0)
            recording.add_event({clock.end, "interruptions", entity,
                                 fmt::format("generation {}: {:.1f} expected interruptions, {:.0f} checkpoints every "
                                             "{:.1f} min, goodput {:.3f}, MFU {:.3f} ({})",
                                             model.index, site.interruptions, site.checkpoints,
                                             site.checkpoint_interval_s / 60.0, site.flop / site.model_flop,
                                             site.model_flop / site.peak_flop, site.layout)});
        if (site.no_fit)
            recording.add_event({clock.end, "model_does_not_fit", entity,
                                 fmt::format("generation {}: no layout of {} holds a {:.3g}-parameter model; "
                                             "those steps delivered no FLOP",
                                             model.index, input.sites[i].accel.name, reference_params)});
        site.interruptions = site.checkpoints = site.peak_flop = site.model_flop = site.flop = 0.0;
        site.no_fit = false;
    }
}

}  // namespace

release_channels start_release(recorder& recording) {
    release_channels channels;
    channels.generation = recording.add_channel("training", "generation", "1");
    channels.generation_flop = recording.add_channel("training", "flop_accumulated", "FLOP");
    channels.flop_rate = recording.add_channel("training", "flop_rate", "FLOP/s");
    channels.deployed_loss = recording.add_channel("model", "deployed_loss", "nats/token");
    channels.deployed_quality = recording.add_channel("model", "deployed_quality", "1");
    channels.generation_effective_flop = recording.add_channel("training", "effective_flop_accumulated", "FLOP");
    channels.multiplier = recording.add_channel("training", "algorithmic_multiplier", "1");
    return channels;
}

void release_stage(const step_clock& clock, const scenario& input, const fleet::chinchilla_law& law,
                   constraint binding, const corpus_state& corpus, const fleet_state& cohorts,
                   const training_step& step, const release_channels& channels, training_state& training,
                   lines_state& lines, recorder& recording) {
    auto& current = training.current;
    ++current.binding_steps[static_cast<std::size_t>(binding)];
    if (clock.end >= current.ends && current.flop > 0.0) {
        generation model = trained_model(input, law, current, corpus.unique_tokens);
        train_lines(input, law, model, lines, recording);  // with model lines, the company's model is theirs
        recording.add_event({clock.end, "model_trained", fmt::format("model/{}", model.index),
                             fmt::format("{:.4g} FLOP ({:.4g} effective), {:.4g} parameters, {:.4g} tokens, loss {:.4f}, "
                                         "bound by {}",
                                         model.flop, model.effective_flop, model.params, model.tokens, model.loss,
                                         to_string(model.binding))});
        if (model.released < input.start + input.length)
            recording.add_event({model.released, "model_deployed", fmt::format("model/{}", model.index),
                                 fmt::format("quality {:.4f}", model.quality)});
        if (input.training.utilisation == utilisation_mode::model) {
            model.interruptions = current.interruptions;
            if (training.generation_peak_flop > 0.0) training.delivered_share = current.flop / training.generation_peak_flop;
            training.generation_peak_flop = 0.0;
            close_site_tallies(clock, input, model, current.reference_params, training, recording);
        }
        training.released.push_back(model);
        current = {current.index + 1, current.ends, current.ends + input.training.generation_length, 0.0, {}, 0.0, 0.0};
    }
    recording.record(clock.index, channels.generation, current.index);
    recording.record(clock.index, channels.generation_flop, current.flop);
    recording.record(clock.index, channels.flop_rate, step.flop / clock.dt_s);
    recording.record(clock.index, channels.deployed_loss, cohorts.deployed_loss);
    recording.record(clock.index, channels.deployed_quality, cohorts.deployed_quality);
    recording.record(clock.index, channels.generation_effective_flop, current.effective_flop);
    recording.record(clock.index, channels.multiplier, step.multiplier);
}

}  // namespace kardashev::sim::detail
