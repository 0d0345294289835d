// `kardashev sweep`: run a scenario over sampled inputs and write a sweep folder (docs/sweep.md).

#include <algorithm>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/io/sweep_io.hpp"
#include "kardashev/study/runner.hpp"

namespace kardashev::apps {

namespace {

/// The request from the options: every core, or one sample at a time per rank under mpirun.
io::sweep_request make_request(const io::sweep_options& a) {
    const bool under_mpi = study::process_group::world().size() > 1;
    return io::sweep_request_of(a, under_mpi ? 1 : std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

void add_sweep_command(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<io::sweep_options>();
    auto* cmd = app.add_subcommand("sweep", "Run a scenario over sampled uncertain inputs: quantiles, odds and sensitivity indices");
    cmd->add_option("scenario", a->scenario, "Scenario YAML file")->required();
    cmd->add_option("sweep_file", a->sweep_file, "Sweep YAML file: method, samples, seed, inputs, correlations, events");
    cmd->add_option("--vary", a->varies, "An uncertain input, e.g. --vary 'launch.price.learning.learning_rate=uniform(10%, 25%)' (repeatable)");
    cmd->add_option("--set", a->sets, "Override a scenario key in every sample, as for `run` (repeatable)");
    cmd->add_option("--event", a->events, "An event whose probability to state, e.g. --event 'orbit_cheaper_than_ground_from < 2033' (repeatable)");
    cmd->add_option("--method", a->method, "grid, monte_carlo, latin_hypercube (default), sobol, saltelli (Sobol indices) or morris");
    cmd->add_option("--samples", a->samples, "Samples (saltelli: base points, N (k+2) runs; morris: trajectories; grid: levels)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--seed", a->seed, "Sweep seed: sampling, bootstrap, and each sample's run seed")->check(CLI::NonNegativeNumber);
    cmd->add_option("--threads", a->threads, "Samples run at once (default: every core; 1 per rank under mpirun)")->check(CLI::PositiveNumber);
    cmd->add_option("--out", a->out, "Sweep folder to write (default: sweep)");
    cmd->add_flag("--resume", a->resume, "Continue a killed sweep from its work folder OUT.partial");
    cmd->add_flag("--force", a->force, "Replace an existing sweep folder");
    cmd->add_flag("--quiet,-q", a->quiet, "No progress bar");
    cmd->footer("Writes samples.csv, results.csv (a failed sample with its error), summary.json and report.html. The same\n"
                "arguments give byte-identical files with any --threads, any number of MPI ranks (mpirun -np N kardashev\n"
                "sweep ...), and after a kill and --resume. Exit codes: 0 ok (failed samples included), 2 bad input, 1 internal failure.");
    cmd->callback([a, &exit_code] {
        auto& group = study::process_group::world();
        exit_code = guarded([&] {
            const auto request = make_request(*a);
            const auto result = io::run_sweep(request);
            if (result) fmt::print("{}", io::sweep_summary_text(request, *result));
            return exit_ok;
        });
        if (exit_code != exit_ok && group.size() > 1) group.abort(exit_code);
    });
}

}  // namespace kardashev::apps
