#include "kardashev/io/report.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "embedded.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"
#include "report_parts.hpp"

namespace kardashev::io {

namespace {

using detail::for_each_line;
using detail::fill;
using json = nlohmann::ordered_json;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// Most buckets a chart shows; the first of step, week, month, quarter and year that stays within it is used.
constexpr std::size_t max_buckets = 260;

// --- reading ----------------------------------------------------------------------------------------------

/// Splits one CSV record (RFC 4180: fields with commas or quotes are quoted, "" is a quote) into `out`.
/// Returns false for an unterminated quote.
bool split_csv(std::string_view line, std::vector<std::string>& out) {
    out.clear();
    std::string field;
    std::size_t i = 0;
    while (true) {
        field.clear();
        if (i < line.size() && line[i] == '"') {
            ++i;
            while (true) {
                if (i >= line.size()) return false;
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += line[i++];
            }
            if (i < line.size() && line[i] != ',') return false;
        } else {
            const auto comma = line.find(',', i);
            const auto end = comma == std::string_view::npos ? line.size() : comma;
            field.assign(line.substr(i, end - i));
            i = end;
        }
        out.push_back(field);
        if (i >= line.size()) return true;
        ++i;  // the comma
        if (i == line.size()) {
            out.emplace_back();
            return true;
        }
    }
}

/// `s`, cut to 40 characters for a message.
std::string shorten(std::string_view s) {
    return s.size() <= 40 ? std::string(s) : std::string(s.substr(0, 37)) + "...";
}

/// One channel of the time series, every step (NaN where a step has no row).
struct series {
    std::string entity;
    std::string metric;
    std::string unit;
    std::vector<double> values;
};

/// The time series of timeseries.csv: the end time of each step and every channel.
struct timeseries {
    std::vector<epoch> step_end;
    std::vector<series> channels;
};

/// Calls fn(fail, fields) for each row of a CSV text after its `header` line, fields split and counted against the
/// header; fail(what) throws input_error "file:line: what". An empty text, a wrong header, an empty line, an
/// unterminated quote or a wrong field count is an error.
template <typename Fn>
void for_each_csv_row(std::string_view text, const std::string& file, std::string_view header, Fn&& fn) {
    const auto columns = static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')) + 1;
    std::vector<std::string> f;
    bool saw_header = false;
    for_each_line(text, [&](int n, std::string_view line) {
        const auto fail = [&](const std::string& what) { throw input_error(fmt::format("{}:{}: {}", file, n, what)); };
        if (!saw_header) {
            if (line != header) fail(fmt::format("expected the header \"{}\", got \"{}\"", header, shorten(line)));
            saw_header = true;
            return;
        }
        if (line.empty()) fail(fmt::format("expected a row {}, got an empty line", header));
        if (!split_csv(line, f)) fail("unterminated quoted field");
        if (f.size() != columns) fail(fmt::format("expected {} fields ({}), got {}", columns, header, f.size()));
        fn(fail, f);
    });
    if (!saw_header) throw input_error(fmt::format("{}:1: expected the header \"{}\", got an empty file", file, header));
}

/// Parses timeseries.csv (`file` names it in errors): the header, then time_utc,entity,metric,value,unit rows in time order.
timeseries parse_timeseries(std::string_view text, const std::string& file) {
    static constexpr std::string_view header = "time_utc,entity,metric,value,unit";
    timeseries ts;
    std::unordered_map<std::string, std::size_t> index;  // "entity\nmetric" -> channel
    std::string last_time;
    std::vector<std::vector<std::pair<std::size_t, double>>> per_channel;  // (step, value)
    for_each_csv_row(text, file, header, [&](const auto& fail, const std::vector<std::string>& f) {
        if (ts.step_end.empty() || f[0] != last_time) {
            epoch t;
            try {
                t = epoch::from_utc_iso(f[0]);
            } catch (const input_error&) {
                fail(fmt::format("time_utc: expected an ISO-8601 UTC time like 2026-01-02T00:00:00Z, got \"{}\"", shorten(f[0])));
            }
            if (!ts.step_end.empty() && !(t > ts.step_end.back()))
                fail(fmt::format("time_utc: expected times in increasing order, got {} after {}", f[0], last_time));
            ts.step_end.push_back(t);
            last_time = f[0];
        }
        double v = 0.0;
        const auto& vs = f[3];
        const auto [ptr, ec] = std::from_chars(vs.data(), vs.data() + vs.size(), v);
        if (vs.empty() || ec != std::errc() || ptr != vs.data() + vs.size())
            fail(fmt::format("value: expected a number, got \"{}\"", shorten(vs)));
        if (v != 0.0 && !std::isnormal(v))
            fail(fmt::format("value: expected a finite number of normal size, got \"{}\"", shorten(vs)));
        const std::string key = f[1] + '\n' + f[2];
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.emplace(key, ts.channels.size()).first;
            ts.channels.push_back({f[1], f[2], f[4], {}});
            per_channel.emplace_back();
        }
        per_channel[it->second].emplace_back(ts.step_end.size() - 1, v);
    });
    if (ts.step_end.empty()) throw input_error(fmt::format("{}:2: expected at least one row after the header", file));
    for (std::size_t c = 0; c < ts.channels.size(); ++c) {
        ts.channels[c].values.assign(ts.step_end.size(), nan);
        for (const auto& [step, v] : per_channel[c]) ts.channels[c].values[step] = v;
    }
    return ts;
}

/// Parses events.csv into [{t, kind, entity, detail}].
json parse_events(std::string_view text, const std::string& file) {
    static constexpr std::string_view header = "time_utc,kind,entity,detail";
    json events = json::array();
    for_each_csv_row(text, file, header, [&](const auto& fail, const std::vector<std::string>& f) {
        try {
            (void)epoch::from_utc_iso(f[0]);
        } catch (const input_error&) {
            fail(fmt::format("time_utc: expected an ISO-8601 UTC time like 2026-05-01T00:00:00Z, got \"{}\"", shorten(f[0])));
        }
        events.push_back({{"t", f[0]}, {"kind", f[1]}, {"entity", f[2]}, {"detail", f[3]}});
    });
    return events;
}

/// Line and column (1-based) of byte `offset` in `text`.
std::pair<int, int> line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    int line = 1, col = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return {line, col};
}

/// "a string", "an array"...: what a JSON value is, for messages.
std::string_view json_type(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

/// Checks the keys of summary.json the report reads; throws input_error "file: key.path: expected ..., got ...".
void check_summary(const json& j, const std::string& file) {
    enum class want { string, number, array, object };
    const auto check = [&](const json& parent, const std::string& path, const std::string& key, want w) -> const json& {
        const std::string where = path.empty() ? key : path + "." + key;
        static const char* names[] = {"a string", "a number", "an array", "an object"};
        if (!parent.contains(key))
            throw input_error(fmt::format("{}: {}: expected {}, but the key is missing", file, where, names[static_cast<int>(w)]));
        const auto& v = parent.at(key);
        const bool ok = (w == want::string && v.is_string()) || (w == want::number && v.is_number()) ||
                        (w == want::array && v.is_array()) || (w == want::object && v.is_object());
        if (!ok) throw input_error(fmt::format("{}: {}: expected {}, got {}", file, where, names[static_cast<int>(w)], json_type(v)));
        return v;
    };
    if (!j.is_object()) throw input_error(fmt::format("{}:1:1: expected a JSON object, got {}", file, json_type(j)));
    for (const char* k : {"kardashev_version", "scenario", "start_utc", "end_utc"}) check(j, "", k, want::string);
    for (const char* k : {"seed", "steps", "final_unique_tokens", "total_bytes_uploaded", "accelerator_hours", "total_energy_j",
                          "peak_facility_power_w", "kardashev_index_peak"})
        check(j, "", k, want::number);
    const auto& gens = check(j, "", "generations", want::array);
    for (std::size_t i = 0; i < gens.size(); ++i) {
        const auto path = fmt::format("generations[{}]", i);
        if (!gens[i].is_object()) throw input_error(fmt::format("{}: {}: expected an object, got {}", file, path, json_type(gens[i])));
        for (const char* k : {"started_utc", "released_utc", "binding"}) check(gens[i], path, k, want::string);
        for (const char* k : {"index", "flop", "params", "tokens", "loss_nats_per_token"}) check(gens[i], path, k, want::number);
    }
    for (const auto& [name, v] : check(j, "", "final_fleet_units", want::object).items())
        if (!v.is_number()) throw input_error(fmt::format("{}: final_fleet_units.{}: expected a number, got {}", file, name, json_type(v)));
    const auto& costs = check(j, "", "costs_usd", want::object);
    for (const char* k : {"capex", "energy_opex", "depreciation", "per_accelerator_hour"}) check(costs, "costs_usd", k, want::number);
    const auto& sites = check(j, "", "sites", want::array);
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const auto path = fmt::format("sites[{}]", i);
        if (!sites[i].is_object()) throw input_error(fmt::format("{}: {}: expected an object, got {}", file, path, json_type(sites[i])));
        for (const char* k : {"name", "kind"}) check(sites[i], path, k, want::string);
        for (const char* k : {"accelerator_hours", "capex_usd", "energy_j", "energy_usd", "cost_per_accelerator_hour_usd",
                              "peak_it_power_w"})
            check(sites[i], path, k, want::number);
        if (sites[i].contains("design")) {
            const auto& d = check(sites[i], path, "design", want::object);
            for (const char* k : {"kg_per_kw", "mass_kg", "launches", "array_area_m2", "radiator_area_m2", "battery_kwh",
                                  "usd_per_kw_year", "usd_per_gpu_hour"})
                check(d, path + ".design", k, want::number);
        }
    }
    for (const auto& [name, v] : check(j, "", "binding_steps", want::object).items())
        if (!v.is_number()) throw input_error(fmt::format("{}: binding_steps.{}: expected a number, got {}", file, name, json_type(v)));
}

/// Parses and checks summary.json; a syntax error names its line and column.
json parse_summary(std::string_view text, const std::string& file) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        // nlohmann reports the byte after the offending token; point at the last byte read.
        const auto [line, col] = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
        std::string what = e.what();
        if (const auto p = what.find("syntax error while parsing value - "); p != std::string::npos) what = what.substr(p + 35);
        else if (const auto q = what.find("] "); q != std::string::npos) what = what.substr(q + 2);
        throw input_error(fmt::format("{}:{}:{}: expected JSON: {}", file, line, col, what));
    }
    check_summary(j, file);
    return j;
}

// --- down-sampling ----------------------------------------------------------------------------------------

/// How a channel's steps combine into one bucket value.
enum class aggregation { mean, last, sum, max };

std::string_view to_string(aggregation a) {
    switch (a) {
        case aggregation::mean: return "mean";
        case aggregation::last: return "last";
        case aggregation::sum: return "sum";
        case aggregation::max: return "max";
    }
    return "mean";
}

/// Rates and powers average over a bucket; stocks and cumulative totals keep their last value; per-step counts
/// add up; the Kardashev index (a logarithm of power) keeps its peak.
aggregation aggregation_of(std::string_view metric, std::string_view unit) {
    if (metric == "tokens_added" || metric == "interruptions" || metric == "energy") return aggregation::sum;
    if (metric == "kardashev_index") return aggregation::max;
    if (unit == "W" || unit.ends_with("/s") || metric.ends_with("_fraction") || metric == "mfu" || metric == "goodput")
        return aggregation::mean;
    return aggregation::last;
}

/// A calendar bucket of steps [first, last].
struct bucket {
    std::size_t first = 0;
    std::size_t last = 0;
    epoch start;  //!< start of its first step
    epoch end;    //!< end of its last step
};

struct bucketing {
    std::string name;  //!< "step", "week", "month", "quarter" or "year"
    std::vector<bucket> buckets;
};

/// Buckets of the steps ending at `step_end` (the first starting at `start`): each step goes to the bucket of its start.
bucketing make_buckets(const std::vector<epoch>& step_end, epoch start) {
    const std::size_t n = step_end.size();
    std::vector<epoch> step_start(n);
    for (std::size_t k = 0; k < n; ++k) step_start[k] = k == 0 ? start : step_end[k - 1];
    const auto key_of = [&](std::string_view kind, std::size_t k) -> std::int64_t {
        if (kind == "step") return static_cast<std::int64_t>(k);
        if (kind == "week") return (step_start[k] - start).ns() / duration::from_days(7).ns();
        const auto f = step_start[k].to_utc();
        if (kind == "month") return f.year * 12 + (f.month - 1);
        if (kind == "quarter") return f.year * 4 + (f.month - 1) / 3;
        return f.year;
    };
    bucketing out;
    for (const std::string_view kind : {"step", "week", "month", "quarter", "year"}) {
        out.name = kind;
        out.buckets.clear();
        std::int64_t key = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const auto kk = key_of(kind, k);
            if (k == 0 || kk != key) {
                out.buckets.push_back({k, k, step_start[k], step_end[k]});
                key = kk;
            } else {
                out.buckets.back().last = k;
                out.buckets.back().end = step_end[k];
            }
        }
        if (out.buckets.size() <= max_buckets) break;
    }
    return out;
}

/// The value of bucket `b` of the steps `v` (NaN steps skipped; NaN when the bucket has none).
double reduce(const std::vector<double>& v, const bucket& b, aggregation a) {
    double acc = a == aggregation::max ? -std::numeric_limits<double>::infinity() : 0.0;
    double last = nan;
    std::size_t count = 0;
    for (std::size_t k = b.first; k <= b.last; ++k) {
        const double x = v[k];
        if (std::isnan(x)) continue;
        ++count;
        last = x;
        if (a == aggregation::max) acc = std::max(acc, x);
        else acc += x;
    }
    if (count == 0) return nan;
    switch (a) {
        case aggregation::mean: return acc / static_cast<double>(count);
        case aggregation::last: return last;
        default: return acc;
    }
}

/// `v` rounded to 6 significant digits (what the charts and tooltips can show), NaN kept.
double round6(double v) {
    if (!std::isfinite(v)) return v;
    const std::string text = fmt::format("{:.6g}", v);
    double rounded = v;
    std::from_chars(text.data(), text.data() + text.size(), rounded);  // NOTE: not std::stod, which throws on a subnormal
    return rounded;
}

/// {entity, metric, unit, agg, values}: one channel down-sampled (null where a bucket has no value).
json series_json(const series& s, aggregation a, const bucketing& b) {
    json values = json::array();
    for (const auto& bk : b.buckets) {
        const double v = round6(reduce(s.values, bk, a));
        values.push_back(std::isfinite(v) ? json(v) : json(nullptr));
    }
    return {{"entity", s.entity}, {"metric", s.metric}, {"unit", s.unit}, {"agg", std::string(to_string(a))}, {"values", values}};
}

/// Down-sampled channels, with two derived ones: the fleet's total upload demand (the sum of the cohorts'), and
/// each site's energy per bucket (facility power x step length, in Wh).
json series_payload(const timeseries& ts, const bucketing& b, epoch start) {
    json out = json::array();
    const std::size_t n = ts.step_end.size();
    std::vector<double> step_s(n);
    for (std::size_t k = 0; k < n; ++k) step_s[k] = (ts.step_end[k] - (k == 0 ? start : ts.step_end[k - 1])).seconds();
    series demand{"fleet", "upload_demand", "B/s", std::vector<double>(n, 0.0)};
    bool have_demand = false;
    for (const auto& s : ts.channels) {
        if (s.entity == "company" && s.metric == "binding") continue;  // drawn exactly, as intervals
        out.push_back(series_json(s, aggregation_of(s.metric, s.unit), b));
        if (s.entity.starts_with("fleet/") && s.metric == "upload_demand") {
            have_demand = true;
            for (std::size_t k = 0; k < n; ++k) demand.values[k] += s.values[k];
        }
        if (s.entity.starts_with("site/") && s.metric == "facility_power" && s.unit == "W") {
            series e{s.entity, "energy", "Wh", std::vector<double>(n)};
            for (std::size_t k = 0; k < n; ++k) e.values[k] = s.values[k] * step_s[k] / 3600.0;
            out.push_back(series_json(e, aggregation::sum, b));
        }
    }
    if (have_demand) out.push_back(series_json(demand, aggregation::mean, b));
    return out;
}

/// Runs of equal binding constraint, exact at the step (no down-sampling).
json binding_payload(const timeseries& ts, epoch start) {
    json out = json::array();
    const series* bind = nullptr;
    for (const auto& s : ts.channels)
        if (s.entity == "company" && s.metric == "binding") bind = &s;
    if (bind == nullptr) return out;
    const auto name = [](double v) -> std::string {
        const auto i = static_cast<std::size_t>(v);
        if (!(v >= 0.0) || i >= sim::constraint_count || static_cast<double>(i) != v) return fmt::format("{}", v);
        return std::string(sim::to_string(static_cast<sim::constraint>(i)));
    };
    std::size_t first = 0;
    const std::size_t n = ts.step_end.size();
    for (std::size_t k = 1; k <= n; ++k) {
        if (k < n && (bind->values[k] == bind->values[first] || (std::isnan(bind->values[k]) && std::isnan(bind->values[first]))))
            continue;
        if (!std::isnan(bind->values[first])) {
            const epoch s0 = first == 0 ? start : ts.step_end[first - 1];
            out.push_back({{"start", s0.to_utc_iso()},
                           {"end", ts.step_end[k - 1].to_utc_iso()},
                           {"constraint", name(bind->values[first])},
                           {"steps", k - first}});
        }
        first = k;
    }
    return out;
}

// --- page ---------------------------------------------------------------------------------------------------


}  // namespace

run_files read_run_files(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw input_error(fmt::format("{}: expected a run folder (written by `kardashev run`), but it is {}", dir.string(),
                                      fs::exists(dir, ec) ? "not a folder" : "missing"));
    const auto read = [&](const char* name, std::string& text, std::string& shown) {
        const fs::path p = dir / name;
        shown = p.string();
        if (!fs::exists(p, ec))
            throw input_error(fmt::format("{}: missing; a run folder holds summary.json, timeseries.csv, events.csv and "
                                          "scenario.resolved.yaml",
                                          shown));
        std::ifstream in(p, std::ios::binary);
        if (!in) throw input_error(fmt::format("{}: cannot read the file: {}", shown, std::generic_category().message(errno)));
        std::ostringstream ss;
        ss << in.rdbuf();
        if (in.bad()) throw input_error(fmt::format("{}: cannot read the file", shown));
        text = ss.str();
    };
    run_files f;
    read("summary.json", f.summary_json, f.summary_name);
    read("timeseries.csv", f.timeseries_csv, f.timeseries_name);
    read("events.csv", f.events_csv, f.events_name);
    read("scenario.resolved.yaml", f.scenario_yaml, f.scenario_name);
    return f;
}

std::string render_report(const run_files& files) {
    json summary = parse_summary(files.summary_json, files.summary_name);
    const auto ts = parse_timeseries(files.timeseries_csv, files.timeseries_name);
    json events = parse_events(files.events_csv, files.events_name);
    // The resolved scenario must load (its errors carry file:line:col); its leaves become the inputs table.
    const std::string baseline = write_scenario_yaml(load_scenario_text(files.scenario_yaml, files.scenario_name));
    const auto inputs = detail::input_rows(files.scenario_yaml, baseline);

    epoch start;
    try {
        start = epoch::from_utc_iso(summary["start_utc"].get<std::string>());
    } catch (const input_error& e) {
        throw input_error(fmt::format("{}: start_utc: {}", files.summary_name, e.what()));
    }
    if (!(start < ts.step_end.front()))
        throw input_error(fmt::format("{}:2: time_utc: expected the first step to end after start_utc {} of {}", files.timeseries_name,
                                      summary["start_utc"].get<std::string>(), files.summary_name));
    const auto b = make_buckets(ts.step_end, start);

    json data;
    summary.erase("inputs");  // the inputs table below carries them, with their sources
    data["summary"] = summary;
    json buckets = json::array();
    for (const auto& bk : b.buckets) {
        buckets.push_back({{"start", bk.start.to_utc_iso()},
                           {"end", bk.end.to_utc_iso()},
                           {"mid", (bk.start + duration::from_ns((bk.end - bk.start).ns() / 2)).to_utc_iso()},
                           {"steps", bk.last - bk.first + 1}});
    }
    data["sampling"] = {{"bucket", b.name}, {"steps", ts.step_end.size()}, {"buckets", buckets}};
    data["series"] = series_payload(ts, b, start);
    data["binding"] = binding_payload(ts, start);
    data["events"] = std::move(events);
    json in = json::array();
    for (const auto& r : inputs) {
        json row = {{"path", r.path}, {"value", r.value}, {"source", r.source}};
        if (!r.note.empty()) row["note"] = r.note;
        in.push_back(std::move(row));
    }
    data["inputs"] = std::move(in);

    const std::string data_json = data.dump();
    return detail::render_page({"report", "report.html", detail::report_template_html,
                                summary["scenario"].get<std::string>(), data_json, detail::report_js});
}

std::size_t detail::read_report_csv(std::string_view text, bool events) {
    return events ? parse_events(text, "events.csv").size() : parse_timeseries(text, "timeseries.csv").step_end.size();
}

}  // namespace kardashev::io
