// `kardashev sweep`: run a scenario over sampled inputs and write a sweep folder (docs/sweep.md).

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/io/sweep_io.hpp"
#include "kardashev/study/runner.hpp"

namespace kardashev::apps {

namespace {

struct sweep_args {
    std::string scenario;
    std::string sweep_file;
    std::vector<std::string> varies;
    std::vector<std::string> sets;
    std::vector<std::string> events;
    std::string method;
    std::int64_t samples = -1;
    std::int64_t seed = -1;
    std::int64_t threads = -1;
    std::string out = "sweep";
    bool resume = false;
    bool force = false;
    bool quiet = false;
};

/// The request from the options: the sweep file first, then the options that override it.
io::sweep_request make_request(const sweep_args& a) {
    io::sweep_request r;
    r.scenario = a.scenario;
    if (!a.sweep_file.empty()) r.spec = io::load_sweep_file(a.sweep_file);
    for (const auto& v : a.varies) {
        auto in = io::parse_vary(v);
        std::erase_if(r.spec.inputs, [&](const auto& old) { return old.key == in.key; });
        r.spec.inputs.push_back(std::move(in));
    }
    for (const auto& e : a.events) r.spec.events.push_back(study::parse_event(e));
    for (const auto& s : a.sets) r.sets.push_back(io::parse_override(s));
    if (!a.method.empty()) r.spec.method = io::parse_sampling_method(a.method);
    if (a.samples >= 0) r.spec.samples = static_cast<std::size_t>(a.samples);
    if (a.seed >= 0) r.spec.seed = static_cast<std::uint64_t>(a.seed);
    const bool under_mpi = study::process_group::world().size() > 1;
    const auto cores = std::max(1u, std::thread::hardware_concurrency());
    r.threads = a.threads > 0 ? static_cast<std::size_t>(a.threads) : under_mpi ? 1 : cores;
    r.out = a.out;
    r.resume = a.resume;
    r.force = a.force;
    r.progress = !a.quiet;
    return r;
}

}  // namespace

void add_sweep_command(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<sweep_args>();
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
