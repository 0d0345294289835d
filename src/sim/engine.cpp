#include "kardashev/sim/engine.hpp"

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/progress.hpp"
#include "launch_failures.hpp"
#include "lines.hpp"
#include "stages.hpp"

namespace kardashev::sim {

std::string_view to_string(constraint binding) noexcept {
    switch (binding) {
        case constraint::data: return "data";
        case constraint::bandwidth: return "bandwidth";
        case constraint::compute: return "compute";
        case constraint::power: return "power";
        case constraint::money: return "money";
        case constraint::lunar_industry: return "lunar_industry";
        case constraint::launch: return "launch";
    }
    return "unknown";
}

namespace detail {

step_state::step_state(const scenario& input) {
    fast.sunlit.assign(input.sites.size(), 1.0);
    fleet.demand_bytes_per_s.assign(input.cohorts.size(), 0.0);
    buildout.sites.assign(input.sites.size(), {});
    energy.running.assign(input.sites.size(), 0.0);
    energy.running_peak_flops.assign(input.sites.size(), 0.0);
    energy.newest.assign(input.sites.size(), nullptr);
}

namespace {

/// The scaling law of `input`, after checking what the engine needs of the scenario.
fleet::chinchilla_law checked_law(const scenario& input) {
    if (input.step.ns() <= 0) throw domain_error("run: the step must be positive");
    if (input.length < input.step) throw domain_error("run: the length must be at least one step");
    const auto law = fleet::chinchilla_law::of(input.training.scaling_law);
    if (!(input.training.reference_loss > law.e))
        throw domain_error(fmt::format("training.reference_loss: expected a loss above the {} law's irreducible loss "
                                       "E = {}, got {}",
                                       law.name, law.e, input.training.reference_loss));
    return law;
}

/// `launch` with its designs' yearly eclipses taken from `shared`, when given.
launch_state shared_years(launch_state launch, run_cache* shared) {
    launch.orbit_years.share(shared);
    return launch;
}

/// Everything a run carries from step to step: each stage's state, the recorder and the fast clock. Stages
/// register their channels as they start, in a fixed order, so outputs are deterministic.
struct run_state {
    const scenario& input;
    const fleet::chinchilla_law law;
    const std::int64_t steps;
    recorder& recording;
    step_state step;
    fleet_state cohorts;
    uplink_state uplink;
    fast_state fast;
    corpus_state corpus;
    launch_state launch;
    buildout_state plants;  // with the installed base at the start, whose purchases `step.buildout` holds
    energy_state energy;
    training_state training;
    release_channels release;
    binding_state binding;
    economy_state books;
    unit_cost_state costs;
    lines_state lines;
    serving_state serving;
    money_state money;
    energy_step training_energy;  // the energy step less what serving takes (training_view)

    run_state(const scenario& to_run, recorder& into, run_cache* shared)
        : input(to_run),
          law(checked_law(to_run)),
          steps(to_run.length.ns() / to_run.step.ns()),
          recording(into),
          step(to_run),
          cohorts(start_fleet(input, recording)),
          uplink(start_uplink(input, recording, shared)),
          fast(start_fast(input, uplink, shared)),
          corpus(start_corpus(input, recording)),
          launch(shared_years(start_launch(input, recording), shared)),
          plants(start_buildout(input, launch, step.buildout)),
          energy(start_energy(input, recording)),
          training(start_training(input, recording)),
          release(start_release(recording)),
          books(start_economy(input, recording)) {
        book_purchases(input, input.start, step.buildout, books);  // the installed base's capex, at the start
        register_lunar_industry(input, plants.lunar, recording);  // runs without a factory keep their channels
        costs = start_unit_cost(input, recording);                // after every channel registered before it
        lines = start_lines(input, corpus, recording);            // none without fleet.lines
        serving = start_serving(input, recording);
        money = start_money(input, books, energy, plants, recording);
        recording.reserve(static_cast<std::size_t>(steps) * recording.channels().size());
    }

    /// Runs slow step `index` through the stages, in the order of sim/engine.hpp.
    void run_step(std::int64_t index) {
        const epoch start = input.start + input.step * index;
        const step_clock clock{index, start, start + input.step, input.step.seconds()};
        recording.add_step_time(clock.end);
        fast_stage(clock, input, fast, step.fast);
        deploy_lines(clock, lines, cohorts);
        fleet_stage(clock, input, training.released, cohorts, step.fleet, recording);
        uplink_stage(clock, input, step.fleet, step.fast, uplink, step.uplink, recording);
        corpus_stage(clock, input, cohorts, step.fleet, step.uplink, corpus, recording);
        add_line_tokens(clock, input, corpus, lines, recording);
        launch_stage(clock, input, launch, step.launch, recording);
        buildout_stage(clock, input, launch, plants, step.launch, step.buildout, recording);
        record_launches(clock, input, step.launch, launch, recording);
        record_lunar_industry(clock, input, plants.lunar, recording);
        energy_stage(clock, input, plants, step.buildout, step.fast, energy, step.energy, recording);
        training_stage(clock, input, law, training_view(step.energy, serving, training_energy), corpus, training, step.training, recording);
        const auto lines_data_short = bind_lines(clock, step.training, step.uplink,
                                                 supply_constraint(step.buildout, step.energy), lines, recording);
        step.binding = binding_stage(clock, law, step.training, corpus, step.uplink, step.buildout, step.energy,
                                     lines_data_short, binding, recording);
        release_stage(clock, input, law, step.binding, corpus, cohorts, step.training, release, training, lines, recording);
        economy_stage(clock, input, plants, step.buildout, energy, step.energy, step.binding,
                      binding.last_buildout.value_or(constraint::compute), books, recording);
        unit_cost_stage(clock, input, plants, step.buildout, step.fast, step.energy, step.launch, launch, costs, recording);
        serving_stage(clock, input, cohorts, training, step.energy, serving, recording);
        money_stage(clock, input, cohorts, serving, step.buildout, books, energy, plants, money, recording);
    }
};

}  // namespace

}  // namespace detail

run_result run(const scenario& input, const run_options& options) {
    run_result out;
    detail::run_state state(input, out.record, options.cache);
    progress_reporter progress("run", static_cast<std::uint64_t>(state.steps), options.progress);
    for (std::int64_t index = 0; index < state.steps; ++index) {
        state.run_step(index);
        progress.update(static_cast<std::uint64_t>(index + 1));
    }
    progress.finish();
    out.summary = detail::summarise(input, state.steps, state.cohorts, state.uplink, state.corpus, state.plants,
                                    state.energy, state.training, state.binding, state.books, state.step.launch,
                                    state.launch.orbit_years);
    detail::summarise_unit_cost(state.costs, out.summary);
    detail::summarise_launch_failures(state.launch, out.summary);
    out.summary.lines = detail::summarise_lines(state.lines);
    detail::summarise_money(input, state.serving, state.money, out.summary);
    const epoch end = input.start + input.step * state.steps;
    for (const auto& warning : out.summary.warnings) out.record.add_event({end, "warning", warning.entity, warning.message});
    return out;
}

}  // namespace kardashev::sim
