// `kardashev sweep`'s work: each sample through the `--set` path and the engine, the work folder, the sweep folder.

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/progress.hpp"
#include "kardashev/core/text.hpp"
#include "kardashev/io/folder_swap.hpp"
#include "kardashev/io/sweep_io.hpp"
#include "kardashev/sim/engine.hpp"
#include "kardashev/sim/run_cache.hpp"
#include "kardashev/study/runner.hpp"
#include "sweep_parts.hpp"

namespace kardashev::io {

namespace {

namespace fs = std::filesystem;

std::string scenario_file_name(const sweep_request& r) { return r.scenario.empty() ? "<default>" : r.scenario; }

std::string read_scenario_text(const sweep_request& r) {
    if (r.scenario.empty()) return std::string(default_scenario_text());
    std::ifstream in(r.scenario, std::ios::binary);
    if (!in || fs::is_directory(r.scenario)) {
        load_scenario_file(r.scenario);  // throws its located "cannot read" diagnostic
        throw input_error(r.scenario + ": cannot read the scenario");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The diagnostics of a sample that did not load, with the sample's overrides named by where they came from:
/// "sweep.yaml:4:3: launch.price.learning.learning_rate: MESSAGE (sample value "-3 %")".
std::string located_message(const scenario_error& e, const sweep_request& r, const study::sweep_design& design,
                            std::size_t index) {
    std::string out;
    for (const auto& d : e.diagnostics()) {
        std::string text = d.to_string();
        if (d.file == "<--set>" && d.line >= 2) {
            const auto k = static_cast<std::size_t>(d.line - 2);
            if (k < r.sets.size()) {
                text = fmt::format("--set {}: {}: {}", kardashev::quoted(r.sets[k].key_path + "=" + r.sets[k].value), d.key_path, d.message);
            } else if (k - r.sets.size() < r.spec.inputs.size()) {
                const auto j = k - r.sets.size();
                text = fmt::format("{}: {}: {} (input {} = {}, sample value {})", r.spec.inputs[j].where, d.key_path, d.message,
                                   r.spec.inputs[j].key, r.spec.inputs[j].text, kardashev::quoted(design.values[index][j]));
            }
        }
        out += (out.empty() ? "" : "; ") + text;
    }
    return out;
}

study::sample_outcome evaluate(const sweep_request& r, const std::string& text, const study::sweep_design& design,
                               std::size_t index, sim::run_cache& shared) {
    study::sample_outcome o;
    try {
        sim::run_options options;
        options.cache = &shared;  // the samples' common Sun, orbits and network (results unchanged)
        const auto result = sim::run(sample_scenario(r, text, design, index), options);
        o.values = study::headline_values(result.summary);
        o.ok = true;
    } catch (const scenario_error& e) {
        o.error = located_message(e, r, design, index);
    } catch (const std::exception& e) {
        o.error = e.what();
    }
    // The text round trip, so that an outcome read back from the journal or from another rank is the same.
    return study::decode_outcome(study::encode_outcome(o));
}

/// What a work folder must match to be resumed: the version, the scenario text, the `--set` overrides and the
/// samples.
std::string work_key(const sweep_request& r, const std::string& text, const study::sweep_design& design) {
    std::string key = fmt::format("kardashev {}\nscenario {} bytes {}\n", KD_VERSION, scenario_file_name(r), text.size());
    key += text;
    for (const auto& s : r.sets) key += fmt::format("\n--set {}={}", s.key_path, s.value);
    key += fmt::format("\nmethod {} bootstrap {} levels {}\n", study::to_string(r.spec.method), r.spec.bootstrap, r.spec.morris_levels);
    return key + detail::samples_csv(r.spec, design);
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Creates the work folder, or checks that the one there is this sweep's.
void open_work_folder(const sweep_request& r, const fs::path& work, const std::string& key) {
    if (fs::exists(r.out) && !r.force) {
        throw input_error(fmt::format("{}: the sweep folder exists; choose another --out or pass --force to replace it", r.out.string()));
    }
    if (fs::exists(work)) {
        if (!r.resume) {
            throw input_error(fmt::format("{}: a stopped sweep's work folder is there; pass --resume to continue it, or remove it",
                                          work.string()));
        }
        if (read_all(work / "sweep.key") != key) {
            throw input_error(fmt::format("{}: the work folder is another sweep's (scenario, --set, samples or version differ); "
                                          "remove it or sweep as it was", work.string()));
        }
        return;
    }
    fs::create_directories(work);
    write_text_file(work / "sweep.key", key);
}

/// The sweep folder's files as text.
sweep_tables tables_of(const sweep_request& r, const study::sweep_design& design,
                       const std::vector<study::sample_outcome>& outcomes, const study::sweep_summary& summary) {
    sweep_tables t;
    t.result.summary = summary;
    t.samples_csv = detail::samples_csv(r.spec, design);
    t.results_csv = detail::results_csv(outcomes);
    t.summary_json = detail::summary_json(r, design, summary);
    t.report_html = detail::sweep_report_html(r, design, outcomes, summary);
    return t;
}

}  // namespace

sim::scenario sample_scenario(const sweep_request& r, std::string_view text, const study::sweep_design& design,
                              std::size_t index) {
    std::vector<override_kv> overrides{{"seed", std::to_string(design.seeds[index])}};
    overrides.insert(overrides.end(), r.sets.begin(), r.sets.end());
    for (std::size_t j = 0; j < r.spec.inputs.size(); ++j) overrides.push_back({r.spec.inputs[j].key, design.values[index][j]});
    return load_scenario_text(text, scenario_file_name(r), overrides);
}

namespace {

/// Refuses a sweep whose first sample does not load (a wrong key, a value that does not parse) before any run.
void check_first_sample(const sweep_request& r, const std::string& text, const study::sweep_design& design) {
    try {
        (void)sample_scenario(r, text, design, 0);
    } catch (const scenario_error& e) {
        throw input_error(fmt::format("the first sample does not load: {}", located_message(e, r, design, 0)));
    }
}

}  // namespace

std::optional<sweep_result> run_sweep(const sweep_request& r) {
    const std::string text = read_scenario_text(r);
    const auto design = study::make_design(r.spec);
    check_first_sample(r, text, design);
    sim::run_cache shared;  // what the samples share (sim/run_cache.hpp): exact inputs give exact reuse
    const auto eval = [&](std::size_t i) { return evaluate(r, text, design, i, shared); };
    if (study::process_group::world().rank() != 0) {
        study::run_samples({}, eval, 1, {});
        return std::nullopt;
    }
    const fs::path work = r.out.string() + ".partial";
    open_work_folder(r, work, work_key(r, text, design));
    detail::sweep_journal journal(work / "journal.tsv", design.points.size());
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < design.points.size(); ++i) {
        if (!journal.done(i)) todo.push_back(i);
    }
    sweep_result result;
    result.resumed = journal.count();
    progress_reporter progress("sweep", todo.size(), r.progress);
    progress.show_rate("samples");
    std::size_t finished = 0;
    study::run_samples(todo, eval, r.threads, [&](std::size_t index, const study::sample_outcome& o) {
        journal.append(index, o);
        progress.update(++finished);
    });
    progress.finish();
    result.summary = study::summarize(r.spec, design, journal.outcomes());
    write_sweep_tables(r.out, r.force, tables_of(r, design, journal.outcomes(), result.summary));
    fs::remove_all(work);
    return result;
}

sweep_tables run_sweep_here(const sweep_request& r, const std::atomic<bool>* cancel) {
    const std::string text = read_scenario_text(r);
    const auto design = study::make_design(r.spec);
    check_first_sample(r, text, design);
    sim::run_cache shared;
    const auto eval = [&](std::size_t i) {
        if (cancel != nullptr && cancel->load()) {
            study::sample_outcome o;
            o.error = "cancelled";
            return o;
        }
        return evaluate(r, text, design, i, shared);
    };
    std::vector<study::sample_outcome> outcomes(design.points.size());
    std::vector<std::size_t> todo(design.points.size());
    for (std::size_t i = 0; i < todo.size(); ++i) todo[i] = i;
    study::run_samples_here(todo, eval, r.threads, [&](std::size_t i, const study::sample_outcome& o) { outcomes[i] = o; });
    if (cancel != nullptr && cancel->load()) throw input_error("sweep: interrupted");
    return tables_of(r, design, outcomes, study::summarize(r.spec, design, outcomes));
}

void write_sweep_tables(const std::filesystem::path& out, bool force, const sweep_tables& t) {
    write_folder(out, force, [&](const fs::path& tmp) {
        write_text_file(tmp / "samples.csv", t.samples_csv);
        write_text_file(tmp / "results.csv", t.results_csv);
        write_text_file(tmp / "summary.json", t.summary_json);
        write_text_file(tmp / "report.html", t.report_html);
    }, "sweep folder");
}

}  // namespace kardashev::io

namespace kardashev::io {

std::string sweep_summary_text(const sweep_request& r, const sweep_result& result) {
    const auto& s = result.summary;
    std::string out = fmt::format("{} samples ({}): {} ran, {} failed{}\n", s.samples, study::to_string(r.spec.method), s.ran,
                                  s.failed, result.resumed > 0 ? fmt::format(", {} finished before --resume", result.resumed) : "");
    const auto& defs = study::headline_outputs();
    for (std::size_t m = 0; m < defs.size(); ++m) {
        const auto& o = s.outputs[m];
        const auto text = [&](double v) {
            return defs[m].kind == study::output_kind::number && std::isfinite(v) ? fmt::format("{:.4g}", v) : detail::output_text(m, v);
        };
        out += fmt::format("  {:<32} median {:<11} 5-95 % {} .. {} {}{}\n", defs[m].name, text(o.quantiles[3]), text(o.quantiles[1]),
                           text(o.quantiles[5]), defs[m].kind == study::output_kind::date ? "" : defs[m].unit,
                           o.never > 0 ? fmt::format("  (never in {})", o.never) : "");
    }
    for (std::size_t e = 0; e < s.events.size(); ++e) {
        const auto& p = s.events[e].probability;
        out += fmt::format("P({}) = {:.3f} (95 % {:.3f} - {:.3f})\n", r.spec.events[e].text, p.value, p.low, p.high);
        const auto& sens = s.sensitivities[s.sensitivities.size() - s.events.size() + e];
        std::vector<std::size_t> order(r.spec.inputs.size());
        for (std::size_t j = 0; j < order.size(); ++j) order[j] = j;
        const auto weight = [&](std::size_t j) {
            const double w = !sens.sobol.empty() ? sens.sobol[j].total.value : !sens.morris.empty() ? sens.morris[j].mu_star : std::abs(sens.rank_correlation[j]);
            return std::isfinite(w) ? w : 0.0;
        };
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weight(a) > weight(b); });
        if (!sens.note.empty() && sens.sobol.empty()) {
            out += fmt::format("  ({})\n", sens.note);
            continue;
        }
        const char* what = !sens.sobol.empty() ? "total Sobol index" : !sens.morris.empty() ? "Morris mu*" : "|rank correlation|";
        for (std::size_t k = 0; k < std::min<std::size_t>(3, order.size()); ++k) {
            out += fmt::format("  {}. {} ({} {:.3f})\n", k + 1, r.spec.inputs[order[k]].key, what, weight(order[k]));
        }
    }
    return out + fmt::format("Sweep folder: {}\n", r.out.string());
}

}  // namespace kardashev::io
