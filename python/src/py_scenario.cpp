// kardashev.Scenario, kardashev.run and the compiled half of kardashev.Run: what `kardashev run` and `explain` do.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "kardashev/io/folder_swap.hpp"
#include "kardashev/io/plan_folder.hpp"
#include "kardashev/io/run_folder.hpp"
#include "kardashev/io/run_summary.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/plan/plan.hpp"
#include "kardashev/sim/engine.hpp"

namespace kardashev::python {

namespace {

/// A scenario as `run` and `explain` read it: a file (or the embedded default) and its --set overrides, in order.
class scenario_handle {
public:
    /// The scenario file at `path`.
    static scenario_handle load(const std::string& path) {
        scenario_handle h;
        h.m_path = path;
        h.reload();
        return h;
    }
    /// The embedded default (scenarios/default.yaml).
    static scenario_handle embedded_default() {
        scenario_handle h;
        h.reload();
        return h;
    }
    /// Adds the override `key_path=value` (as `--set`); when the scenario does not load with it, it is dropped again
    /// and the error raised.
    void set(const std::string& key_path, const std::string& value) {
        m_overrides.push_back({key_path, value});
        try {
            reload();
        } catch (...) {
            m_overrides.pop_back();
            throw;
        }
    }
    [[nodiscard]] const std::shared_ptr<const sim::scenario>& resolved() const noexcept { return m_resolved; }
    [[nodiscard]] const std::string& path() const noexcept { return m_path; }
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> overrides() const {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& o : m_overrides) out.emplace_back(o.key_path, o.value);
        return out;
    }

private:
    void reload() {
        m_resolved = std::make_shared<const sim::scenario>(
io::load_scenario_or_default(m_path, m_overrides));
    }
    std::string m_path;  // empty: the embedded default
    std::vector<io::override_kv> m_overrides;
    std::shared_ptr<const sim::scenario> m_resolved;
};

/// A finished run: the resolved scenario and what the engine returned.
struct run_handle {
    std::shared_ptr<const sim::scenario> scenario;
    std::shared_ptr<const sim::run_result> result;
};

/// UTC nanoseconds since 1970-01-01 of `t` (numpy's datetime64[ns]); a leap second reads as the next second's start.
std::int64_t unix_ns(epoch t) {
    const utc_fields f = t.to_utc();
    constexpr std::int64_t days_1970_to_2000 = 10'957;
    const std::int64_t days = days_since_2000({f.year, f.month, f.day}) + days_1970_to_2000;
    const std::int64_t seconds = ((days * 24 + f.hour) * 60 + f.minute) * 60 + f.second;
    return seconds * 1'000'000'000 + f.nanosecond;
}

/// The recorder's series as NumPy columns, and its channels: what kardashev.Run.timeseries builds its frame from.
py::dict series_columns(const sim::recorder& rec) {
    const auto& rows = rec.rows();
    const auto n = static_cast<py::ssize_t>(rows.size());
    py::array_t<std::int64_t> time_ns(n);
    py::array_t<std::uint32_t> channel(n);
    py::array_t<double> value(n);
    std::vector<std::int64_t> step_ns;
    step_ns.reserve(rec.step_times().size());
    for (const auto& t : rec.step_times()) step_ns.push_back(unix_ns(t));
    auto* t_out = time_ns.mutable_data();
    auto* c_out = channel.mutable_data();
    auto* v_out = value.mutable_data();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        t_out[i] = step_ns[static_cast<std::size_t>(rows[i].step)];
        c_out[i] = rows[i].channel;
        v_out[i] = rows[i].value;
    }
    py::list channels;
    for (const auto& c : rec.channels()) channels.append(py::make_tuple(c.entity, c.metric, c.unit));
    py::dict out;
    out["time_ns"] = time_ns;
    out["channel"] = channel;
    out["value"] = value;
    out["channels"] = channels;
    return out;
}

py::list event_rows(const sim::recorder& rec) {
    py::list out;
    for (const auto& e : rec.events()) out.append(py::make_tuple(unix_ns(e.at), e.kind, e.entity, e.detail));
    return out;
}

void write_run(const run_handle& r, const std::string& folder, bool force) {
    const std::filesystem::path out = io::output_path(folder);
    io::check_output_folder(out, force, "run folder");
    io::write_run_folder(out, *r.scenario, *r.result, force);
}

run_handle run_scenario(const scenario_handle& s) {
    run_handle r{s.resolved(), nullptr};
    auto result = std::make_shared<sim::run_result>();
    auto input = s.resolved();
    call_interruptibly([input, result] { *result = sim::run(*input); });
    r.result = std::move(result);
    return r;
}

/// `kardashev plan --json` of scenario `s` with the options in `kw` (text, as the CLI's; flags as bools).
std::string plan_json(const scenario_handle& s, const py::dict& kw) {
    io::plan_request r;
    keyword(kw, "objective", r.objective);
    keyword(kw, "by", r.by);
    keyword(kw, "target", r.target);
    keyword(kw, "weight", r.weight);
    keyword(kw, "discount", r.discount);
    keyword(kw, "quarters", r.quarters);
    keyword(kw, "physical", r.physical);
    keyword(kw, "no_power_builds", r.no_power_builds);
    auto out = std::make_shared<std::string>();
    auto input = s.resolved();
    call_interruptibly([input, r, out] { *out = io::plan_json(*input, plan::solve_plan(*input, io::plan_options_of(r))); });
    return *out;
}

}  // namespace

void bind_scenario(py::module_& m) {
    py::class_<scenario_handle>(m, "Scenario", "A scenario: a YAML file (or the embedded default) and its overrides.")
        .def_static("load", &scenario_handle::load, py::arg("path"),
                    "Loads the scenario file at `path`, as `kardashev run PATH` reads it; raises InputError with "
                    "every error in the file.")
        .def_static("default", &scenario_handle::embedded_default,
                    "The embedded default scenario (scenarios/default.yaml), as `kardashev run` with no file.")
        .def("_set", &scenario_handle::set, py::arg("key_path"), py::arg("value"))
        .def("explain", [](const scenario_handle& s) { return io::write_scenario_yaml(*s.resolved()); },
             "The fully resolved scenario as YAML, every default filled in: what `kardashev explain` prints.")
        .def_property_readonly("name", [](const scenario_handle& s) { return s.resolved()->name; },
                               "The scenario's name.")
        .def_property_readonly("seed", [](const scenario_handle& s) { return s.resolved()->seed; },
                               "The run seed (0 to 2**64 - 1).")
        .def_property_readonly("path", [](const scenario_handle& s) { return s.path().empty() ? py::object(py::none()) : py::object(py::str(s.path())); },
                               "The scenario file, or None for the embedded default.")
        .def_property_readonly("overrides", &scenario_handle::overrides,
                               "The overrides given with set(), in order, as (key_path, value) pairs.");

    py::class_<run_handle>(m, "_Run")
        .def("summary_json", [](const run_handle& r) { return io::summary_json(*r.scenario, *r.result); })
        .def("timeseries_csv", [](const run_handle& r) { return io::timeseries_csv(*r.result); })
        .def("events_csv", [](const run_handle& r) { return io::events_csv(*r.result); })
        .def("series_columns", [](const run_handle& r) { return series_columns(r.result->record); })
        .def("event_rows", [](const run_handle& r) { return event_rows(r.result->record); })
        .def("text", [](const run_handle& r, const std::string& folder) { return io::run_summary_text(*r.scenario, *r.result, folder); })
        .def("write", &write_run, py::arg("folder"), py::arg("force") = false);

    m.def("_run", &run_scenario, py::arg("scenario"));
    m.def("_plan", &plan_json, py::arg("scenario"), py::arg("options"));
}

}  // namespace kardashev::python
