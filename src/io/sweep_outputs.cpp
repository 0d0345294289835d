// samples.csv, results.csv and summary.json of a sweep folder (docs/sweep.md "The sweep folder").

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kardashev/core/time.hpp"
#include "sweep_parts.hpp"

namespace kardashev::io::detail {

namespace {

using json = nlohmann::ordered_json;

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

/// A JSON value for output `m`: a number, a date text, "never", or null.
json output_json(std::size_t m, double v) {
    if (std::isnan(v)) return nullptr;
    if (study::headline_outputs()[m].kind == study::output_kind::date || std::isinf(v)) return output_text(m, v);
    return v;
}

json estimate_json(const study::estimate& e) { return {{"value", e.value}, {"low", e.low}, {"high", e.high}}; }

json finite_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json sensitivity_json(const study::sweep_spec& spec, const study::sensitivity& s) {
    json inputs = json::array();
    for (std::size_t j = 0; j < spec.inputs.size(); ++j) {
        json in{{"input", spec.inputs[j].key}, {"rank_correlation", finite_or_null(s.rank_correlation[j])}};
        if (!s.sobol.empty()) {
            in["first_order"] = estimate_json(s.sobol[j].first);
            in["total"] = estimate_json(s.sobol[j].total);
        }
        if (!s.morris.empty()) {
            in["morris"] = {{"mu", s.morris[j].mu}, {"mu_star", s.morris[j].mu_star}, {"sigma", s.morris[j].sigma}, {"effects", s.morris[j].count}};
        }
        inputs.push_back(std::move(in));
    }
    json out{{"target", s.target}, {"inputs", std::move(inputs)}};
    if (!s.note.empty()) out["note"] = s.note;
    return out;
}

json spec_json(const sweep_request& r, const study::sweep_design& design) {
    json inputs = json::array();
    for (const auto& in : r.spec.inputs) inputs.push_back({{"key", in.key}, {"distribution", in.text}});
    json sets = json::array();
    for (const auto& s : r.sets) sets.push_back(s.key_path + "=" + s.value);
    json corr = json::array();
    for (const auto& c : r.spec.correlations) corr.push_back({{"a", c.a}, {"b", c.b}, {"rho", c.rho}});
    return {{"scenario", r.scenario.empty() ? "<default>" : r.scenario},
            {"set", std::move(sets)},
            {"method", study::to_string(r.spec.method)},
            {"samples", design.points.size()},
            {"seed", r.spec.seed},
            {"bootstrap", r.spec.bootstrap},
            {"inputs", std::move(inputs)},
            {"correlations", std::move(corr)}};
}

}  // namespace

std::string output_text(std::size_t output, double v) {
    if (std::isnan(v)) return "";
    if (std::isinf(v)) return v > 0 ? "never" : "-inf";
    if (study::headline_outputs()[output].kind == study::output_kind::date) {
        const auto d = civil_from_days_since_2000(static_cast<std::int64_t>(std::floor(v)));
        return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
    }
    return fmt::format("{}", v);
}

std::string samples_csv(const study::sweep_spec& spec, const study::sweep_design& design) {
    std::string out = "sample,seed";
    for (const auto& in : spec.inputs) out += "," + csv_field(in.key);
    out += "\n";
    for (std::size_t i = 0; i < design.values.size(); ++i) {
        out += fmt::format("{},{}", i, design.seeds[i]);
        for (const auto& v : design.values[i]) out += "," + csv_field(v);
        out += "\n";
    }
    return out;
}

std::string results_csv(const std::vector<study::sample_outcome>& outcomes) {
    const auto& defs = study::headline_outputs();
    std::string out = "sample,status";
    for (const auto& d : defs) out += fmt::format(",{}", d.name);
    out += ",error\n";
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const auto& o = outcomes[i];
        out += fmt::format("{},{}", i, o.ok ? "ok" : "failed");
        for (std::size_t m = 0; m < defs.size(); ++m) out += "," + (o.ok ? output_text(m, o.values[m]) : std::string());
        out += "," + csv_field(o.error) + "\n";
    }
    return out;
}

std::string summary_json(const sweep_request& r, const study::sweep_design& design, const study::sweep_summary& summary) {
    const auto& defs = study::headline_outputs();
    json outputs = json::object();
    for (std::size_t m = 0; m < defs.size(); ++m) {
        const auto& s = summary.outputs[m];
        json q = json::object();
        for (std::size_t k = 0; k < study::quantile_levels.size(); ++k) {
            q[fmt::format("p{}", static_cast<int>(std::lround(study::quantile_levels[k] * 100)))] = output_json(m, s.quantiles[k]);
        }
        json o{{"unit", defs[m].unit}, {"finite", s.finite}, {"never", s.never}};
        if (defs[m].kind == study::output_kind::number && s.finite > 0) {
            o["mean"] = s.mean;
            o["sd"] = s.sd;
        }
        o["quantiles"] = std::move(q);
        outputs[std::string(defs[m].name)] = std::move(o);
    }
    json events = json::array();
    for (std::size_t e = 0; e < summary.events.size(); ++e) {
        const auto& s = summary.events[e];
        events.push_back({{"event", r.spec.events[e].text}, {"count", s.count}, {"ran", s.ran},
                          {"probability", estimate_json(s.probability)}, {"interval", "Wilson 95 %"}});
    }
    json sens = json::array();
    for (const auto& s : summary.sensitivities) sens.push_back(sensitivity_json(r.spec, s));
    const json doc{{"kardashev_version", KD_VERSION},
                   {"sweep", spec_json(r, design)},
                   {"runs", {{"samples", summary.samples}, {"ran", summary.ran}, {"failed", summary.failed}}},
                   {"outputs", std::move(outputs)},
                   {"events", std::move(events)},
                   {"sensitivity", std::move(sens)}};
    return doc.dump(2) + "\n";
}

}  // namespace kardashev::io::detail
