#pragma once
/// Sweeps: the sweep file (YAML) and `--vary`, the per-sample runs through the `--set` path, and the sweep
/// folder (samples.csv, results.csv, summary.json, report.html) written whole, resumable after a kill
/// (docs/sweep.md).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/io/scenario_io.hpp"
#include "kardashev/study/sweep.hpp"

namespace kardashev::io {

/// Reads a sweep file: method, samples, seed, morris_levels, bootstrap, inputs (KEY: DIST), correlations
/// ([KEY, KEY, RHO]) and events. Every error is collected and thrown as scenario_error with file:line:col.
study::sweep_spec load_sweep_text(std::string_view text, const std::string& file);
/// load_sweep_text of a file; a file that cannot be read is a scenario_error at line 0.
study::sweep_spec load_sweep_file(const std::string& path);

/// Parses `--vary 'KEY=DIST'`; throws input_error "--vary 'TEXT': column N: message".
study::uncertain_input parse_vary(std::string_view text);

/// Parses a sampling method name; throws input_error listing the known ones.
study::sampling_method parse_sampling_method(std::string_view text);

/// What `kardashev sweep` was asked.
struct sweep_request {
    std::string scenario;                 //!< scenario file; empty: the embedded default
    std::vector<override_kv> sets;        //!< `--set` overrides applied to every sample
    study::sweep_spec spec;
    std::filesystem::path out;            //!< the sweep folder
    std::size_t threads = 1;              //!< samples run at once on this process
    bool resume = false;                  //!< continue the killed sweep whose work folder OUT.partial exists
    bool force = false;                   //!< replace an existing sweep folder
    bool progress = false;                //!< progress bar on a terminal
};

/// What `kardashev sweep` reads from its options (kardashev.sweep's arguments); negative numbers: not given.
struct sweep_options {
    std::string scenario;               //!< scenario file; empty: the embedded default
    std::string sweep_file;             //!< sweep YAML file; empty: none
    std::vector<std::string> varies;    //!< `--vary 'KEY=DIST'`, replacing the sweep file's input of that key
    std::vector<std::string> sets;      //!< `--set KEY=VALUE`
    std::vector<std::string> events;    //!< `--event 'OUTPUT < VALUE'`, after the sweep file's
    std::string method;                 //!< empty: the sweep file's (latin_hypercube)
    std::int64_t samples = -1;
    std::int64_t seed = -1;
    std::int64_t threads = -1;          //!< samples at once; <= 0: `default_threads` of sweep_request_of
    std::string out = "sweep";
    bool resume = false;
    bool force = false;
    bool quiet = false;
};

/// The request of `options`: the sweep file first, then the options that override it; input_error (or the sweep
/// file's scenario_error) for bad input.
sweep_request sweep_request_of(const sweep_options& options, std::size_t default_threads);

/// The result of run_sweep on the writing rank.
struct sweep_result {
    study::sweep_summary summary;
    std::size_t resumed = 0;  //!< samples found finished in the work folder
};

/// Runs the sweep: checks the scenario with the first sample's values, then runs every sample not yet in the
/// work folder OUT.partial (each sample's outcome is appended there as it finishes), then writes the sweep
/// folder whole and removes the work folder. Every MPI rank calls it; the others return nullopt.
std::optional<sweep_result> run_sweep(const sweep_request& request);

/// A sweep's files as text: what run_sweep writes into the sweep folder.
struct sweep_tables {
    sweep_result result;
    std::string samples_csv;
    std::string results_csv;
    std::string summary_json;
    std::string report_html;
};

/// Runs the sweep on `request.threads` threads of this process only (no MPI, no work folder, no progress bar,
/// `request.out` not written) and returns its files. When `*cancel` turns true, the samples not yet started are
/// skipped and input_error "sweep: interrupted" is thrown. The call behind kardashev.sweep in Python.
sweep_tables run_sweep_here(const sweep_request& request, const std::atomic<bool>* cancel = nullptr);

/// Writes the sweep folder `out` of `tables`, whole or not at all (io::write_folder: an existing folder only with
/// `force`).
void write_sweep_tables(const std::filesystem::path& out, bool force, const sweep_tables& tables);

/// The scenario with sample `index` of `design` applied: `request.sets`, then the sample's seed and values.
sim::scenario sample_scenario(const sweep_request& request, std::string_view scenario_text,
                              const study::sweep_design& design, std::size_t index);

/// The text of what `kardashev sweep` prints at the end: runs, failures, each event's probability, the
/// outputs' medians and the three inputs with the largest effect on each event.
std::string sweep_summary_text(const sweep_request& request, const sweep_result& result);

}  // namespace kardashev::io
