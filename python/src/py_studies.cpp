// kardashev.network and kardashev.sweep: the library calls of `kardashev network` and `kardashev sweep` (threads
// of this process, never MPI), returning the texts of their files (kardashev/__init__.py makes the frames).

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "kardashev/io/folder_swap.hpp"
#include "kardashev/io/network_outputs.hpp"
#include "kardashev/io/network_request.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/io/sweep_io.hpp"
#include "kardashev/sim/network_study.hpp"

namespace kardashev::python {

namespace {

using key_values = std::vector<std::pair<std::string, std::string>>;

/// Where the scenario of a study comes from: a file (empty path: the embedded default) and its overrides.
struct scenario_source {
    std::string path;
    key_values overrides;
    [[nodiscard]] std::string name() const { return path.empty() ? "<default>" : path; }
    [[nodiscard]] std::vector<io::override_kv> override_list() const {
        std::vector<io::override_kv> out;
        for (const auto& [k, v] : overrides) out.push_back({k, v});
        return out;
    }
    [[nodiscard]] sim::scenario load() const {
        return io::load_scenario_or_default(path, override_list());
    }
};

/// Runs `fn(cancel)` interruptibly; on Ctrl-C sets the cancel flag so that the detached worker stops early.
template <class Fn>
void call_cancellably(Fn fn) {
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    try {
        call_interruptibly([fn = std::move(fn), cancel] { fn(*cancel); });
    } catch (const py::error_already_set&) {
        cancel->store(true);
        throw;
    }
}

/// What network() returns to the Python side: summary.json and routes.csv as text.
struct network_files {
    std::string summary_json;
    std::string routes_csv;
};

struct network_call {
    io::network_options options;
    std::optional<scenario_source> scenario;
    std::string out;
    std::string export_topology;
    bool force = false;
};

/// The study and its routes, made on a worker thread.
struct network_state {
    std::optional<sim::network_study> study;
    std::optional<sim::network_result> result;
};

network_files run_network(const network_call& c) {
    io::network_options o = c.options;
    if (c.scenario) o.scenario = c.scenario->name();
    const sim::network_request request = io::network_request_of(o);
    const std::filesystem::path out = c.out.empty() ? std::filesystem::path() : io::output_path(c.out);
    if (!out.empty()) io::check_output_folder(out, c.force);
    std::optional<sim::scenario> scenario;
    if (c.scenario) scenario = c.scenario->load();
    auto state = std::make_shared<network_state>();
    call_cancellably([c, request, scenario, state](const std::atomic<bool>& cancel) {
        state->study = sim::compose_network_study(request, scenario ? &*scenario : nullptr, c.scenario ? c.scenario->name() : "");
        state->result = sim::run_network_study(*state->study, [&cancel](std::int64_t) {
            if (cancel.load()) throw input_error("network: interrupted");
        });
    });
    const py::gil_scoped_release release;
    if (!c.export_topology.empty()) io::write_topology_csv(c.export_topology, c.force, *state->study);
    if (!out.empty()) io::write_network_folder(out, c.force, *state->study, *state->result);
    return {io::network_summary_json(*state->study, *state->result), io::routes_csv(*state->study, state->result->routes)};
}

/// network()'s keyword arguments as the CLI's options.
io::network_options network_options_of(const py::dict& kw) {
    io::network_options o;
    keyword(kw, "constellation", o.constellation);
    keyword(kw, "catalogue", o.catalogue);
    keyword(kw, "grid", o.grid);
    keyword(kw, "ground_stations", o.ground_stations);
    keyword(kw, "gsl", o.gsl);
    keyword(kw, "pairs", o.pairs);
    keyword(kw, "start", o.start);
    keyword(kw, "duration", o.duration);
    keyword(kw, "step", o.step);
    keyword(kw, "moon_terminals", o.moon_terminals);
    keyword(kw, "isl_shift", o.isl_shift);
    keyword(kw, "gsl_per_station", o.gsl_per_station);
    keyword(kw, "gsl_per_satellite", o.gsl_per_satellite);
    keyword(kw, "threads", o.threads);
    keyword(kw, "ground_relays", o.ground_relays);
    keyword(kw, "isl_repair", o.isl_repair);
    return o;
}

/// sweep()'s keyword arguments as the CLI's options (the scenario's own overrides come first among the sets).
io::sweep_options sweep_options_of(const scenario_source& scenario, const py::dict& kw) {
    io::sweep_options o;
    o.scenario = scenario.path;
    for (const auto& [k, v] : scenario.overrides) o.sets.push_back(k + "=" + v);
    const auto list = [&](const char* k, std::vector<std::string>& v) {
        if (kw.contains(k)) for (const auto& s : kw[k].cast<std::vector<std::string>>()) v.push_back(s);
    };
    keyword(kw, "sweep_file", o.sweep_file);
    keyword(kw, "method", o.method);
    list("vary", o.varies);
    list("set", o.sets);
    list("events", o.events);
    keyword(kw, "samples", o.samples);
    keyword(kw, "seed", o.seed);
    keyword(kw, "threads", o.threads);
    o.out = kw.contains("out") ? kw["out"].cast<std::string>() : std::string();
    keyword(kw, "force", o.force);
    o.quiet = true;
    return o;
}

py::tuple run_sweep(const scenario_source& scenario, const py::dict& kw) {
    const io::sweep_options options = sweep_options_of(scenario, kw);
    io::sweep_request request = io::sweep_request_of(options, std::max(1u, std::thread::hardware_concurrency()));
    if (!request.out.empty()) {
        request.out = io::output_path(request.out);
        io::check_output_folder(request.out, request.force, "sweep folder");
    }
    auto tables = std::make_shared<io::sweep_tables>();
    call_cancellably([request, tables](const std::atomic<bool>& cancel) { *tables = io::run_sweep_here(request, &cancel); });
    io::sweep_request named = request;
    if (named.out.empty()) named.out = "(none written)";
    const std::string text = io::sweep_summary_text(named, tables->result);
    if (!request.out.empty()) {
        const py::gil_scoped_release release;
        io::write_sweep_tables(request.out, request.force, *tables);
    }
    return py::make_tuple(tables->samples_csv, tables->results_csv, tables->summary_json, text);
}

}  // namespace

void bind_studies(py::module_& m) {
    m.def("_network", [](const py::dict& kw, bool with_scenario, const std::string& path, const key_values& overrides,
                         const std::string& out, const std::string& export_topology, bool force) {
        network_call c{network_options_of(kw), std::nullopt, out, export_topology, force};
        if (with_scenario) c.scenario = scenario_source{path, overrides};
        const network_files f = run_network(c);
        return py::make_tuple(f.summary_json, f.routes_csv);
    });
    m.def("_sweep", [](const std::string& path, const key_values& overrides, const py::dict& kw) {
        return run_sweep(scenario_source{path, overrides}, kw);
    });
}

}  // namespace kardashev::python
