// The outputs of a network study (io/network_outputs.hpp).

#include "kardashev/io/network_outputs.hpp"

#include <cmath>
#include <cstdint>
#include <iterator>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/progress.hpp"
#include "kardashev/io/folder_swap.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::io {

namespace {

using json = nlohmann::ordered_json;
constexpr double deg = constants::pi / 180.0;

/// A JSON number rounded to 1e-6, null when not finite.
json rounded(double v) { return std::isfinite(v) ? json(std::round(v * 1e6) / 1e6) : json(); }

std::string path_text(const std::vector<int>& nodes) {
    std::string s;
    for (const int v : nodes) s += (s.empty() ? "" : "-") + std::to_string(v);
    return s;
}

std::string_view link_kind_name(network::link_kind k) {
    switch (k) {
        case network::link_kind::isl: return "isl";
        case network::link_kind::gsl: return "gsl";
        case network::link_kind::fibre: return "fibre";
        case network::link_kind::moon: return "moon";
    }
    return "moon";
}

json inputs_json(const sim::network_study& study) {
    const auto& gsl = study.options.gsl;
    return {{"satellites", study.satellites_text},
            {"ground_stations", study.ground_stations_text},
            {"gsl", gsl.rule == network::gsl_rule::elevation ? fmt::format("elevation:{:g}deg", gsl.min_elevation_rad / deg)
                                                             : fmt::format("slant-range:{:.0f}m", gsl.max_range_m)},
            {"isl_shift", study.isl_shift},
            {"ground_relays", study.options.ground_relays},
            {"start", study.start.to_utc_iso()},
            {"step_s", study.step_s},
            {"steps", study.steps}};
}

json pairs_json(const std::vector<sim::pair_summary>& pairs) {
    json out = json::array();
    for (const auto& p : pairs) {
        out.push_back({{"pair", p.name}, {"rtt_t0_ms", rounded(p.rtt_t0_ms)}, {"min_rtt_ms", rounded(p.min_ms)},
                       {"median_rtt_ms", rounded(p.median_ms)}, {"max_rtt_ms", rounded(p.max_ms)},
                       {"path_changes", p.changes}, {"unreachable_s", rounded(p.unreachable_s)},
                       {"great_circle_rtt_ms", rounded(p.great_circle_ms)}});
    }
    return out;
}

json stats_json(const sim::delivery_stats& s) {
    return {{"mean_bps", s.mean_bps}, {"min_bps", s.min_bps}, {"max_bps", s.max_bps}};
}

json delivery_json(const sim::delivery_summary& d) {
    json regions = json::array();
    for (std::size_t r = 0; r < d.regions.size(); ++r) {
        json entry{{"region", d.region_names[r]}};
        entry.update(stats_json(d.regions[r]));
        regions.push_back(entry);
    }
    return {{"from", d.from.to_utc_iso()}, {"to", d.to.to_utc_iso()}, {"samples", d.samples},
            {"sinks", d.sinks},            {"regions", regions},      {"all_regions", stats_json(d.all_regions)}};
}

}  // namespace

std::string network_summary_json(const sim::network_study& study, const sim::network_result& result) {
    const auto& r = result.routes;
    json j;
    j["command"] = "network";
    j["inputs"] = inputs_json(study);
    j["node_ids"] = study.model.moon_terminals.empty()
                        ? fmt::format("satellites 0-{}, stations {} + station index", r.satellites - 1, r.satellites)
                        : fmt::format("satellites 0-{}, stations {} + station index, Moon {}", r.satellites - 1,
                                      r.satellites, r.satellites + static_cast<int>(study.model.stations.size()));
    // Shortest-path trees needed over the run, and those kept from the step before (N-w).
    j["trees"] = {{"needed", r.searches}, {"kept_from_step_before", r.trees_kept}};
    j["pairs"] = pairs_json(result.pairs);
    if (result.delivery) j["delivery"] = delivery_json(*result.delivery);
    return j.dump(2);
}

namespace {

/// The rows of pair `q` of routes.csv, appended to `buf`.
void append_pair_rows(fmt::memory_buffer& buf, const sim::network_study& study, const network::route_run& routes,
                      std::size_t q) {
    const auto& s = routes.pairs[q];
    const auto& name = study.pair_names[q];
    std::size_t c = 0;
    for (std::size_t k = 0; k < s.rtt_s.size(); ++k) {
        while (c + 1 < s.paths.size() && s.paths[c + 1].step <= static_cast<std::int64_t>(k)) ++c;
        if (std::isnan(s.rtt_s[k])) {
            fmt::format_to(std::back_inserter(buf), "{:.3f},{},,0,\n", routes.time_s[k], name);
        } else {
            fmt::format_to(std::back_inserter(buf), "{:.3f},{},{:.6f},{},{}\n", routes.time_s[k], name,
                           s.rtt_s[k] * 1e3, s.hops[k], path_text(s.paths[c].nodes));
        }
    }
}

constexpr std::string_view routes_header = "time,pair,rtt_ms,hops,path\n";

}  // namespace

void write_routes_csv(atomic_file& out, const sim::network_study& study, const network::route_run& routes) {
    out.write(routes_header);
    fmt::memory_buffer buf;
    for (std::size_t q = 0; q < study.pairs.size(); ++q) {
        append_pair_rows(buf, study, routes, q);
        out.write(std::string_view(buf.data(), buf.size()));
        buf.clear();
    }
}

std::string routes_csv(const sim::network_study& study, const network::route_run& routes) {
    fmt::memory_buffer buf;
    buf.append(routes_header);
    for (std::size_t q = 0; q < study.pairs.size(); ++q) append_pair_rows(buf, study, routes, q);
    return fmt::to_string(buf);
}

void write_topology_csv(const std::filesystem::path& path, bool force, const sim::network_study& study) {
    atomic_file f(path, force);
    f.write("step,u,v,kind,delay_s\n");
    const network::run_options run = study.run_options();
    fmt::memory_buffer buf;
    for (std::int64_t k = 0; k < run.steps; ++k) {
        const network::topology t = network::topology_at(study.model, study.options, run.start + run.step * k);
        for (int u = 0; u < t.satellites + t.stations; ++u) {
            for (int e = t.offsets[static_cast<std::size_t>(u)]; e < t.offsets[static_cast<std::size_t>(u) + 1]; ++e) {
                const auto ei = static_cast<std::size_t>(e);
                if (t.targets[ei] <= u) continue;
                fmt::format_to(std::back_inserter(buf), "{},{},{},{},{:.17g}\n", k, u, t.targets[ei],
                               link_kind_name(t.kind[ei]), t.delay_s[ei]);
            }
        }
        f.write(std::string_view(buf.data(), buf.size()));
        buf.clear();
    }
    f.commit();
}

std::string network_table(const sim::network_study& study, const sim::network_result& result, const std::string& dir) {
    std::string out = fmt::format("{}, {} ground stations, {} steps of {:g} s from {}\n\n", study.satellites_text,
                                  study.model.stations.size(), study.steps, study.step_s, study.start.to_utc_iso());
    out += fmt::format("{:<32} {:>9} {:>9} {:>9} {:>9} {:>8} {:>12} {:>9}\n", "pair", "t0 ms", "min ms", "median", "max ms",
                       "changes", "unreachable", "c-bound");
    for (const auto& p : result.pairs) {
        out += fmt::format("{:<32} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>8} {:>10.1f} s {:>9.3f}\n", p.name, p.rtt_t0_ms,
                           p.min_ms, p.median_ms, p.max_ms, p.changes, p.unreachable_s, p.great_circle_ms);
    }
    out += fmt::format("\nwrote {}/routes.csv and {}/summary.json\n", dir, dir);
    return out;
}

void write_network_folder(const std::filesystem::path& dir, bool force, const sim::network_study& study,
                          const sim::network_result& result) {
    write_folder(dir, force, [&](const std::filesystem::path& tmp) {
        atomic_file csv(tmp / "routes.csv");
        write_routes_csv(csv, study, result.routes);
        csv.commit();
        write_text_file(tmp / "summary.json", network_summary_json(study, result) + "\n");
    });
}

void run_network_command(const network_command& command) {
    std::optional<sim::scenario> scenario;
    if (!command.scenario.empty()) scenario = load_scenario_file(command.scenario);
    const sim::network_study study =
        sim::compose_network_study(command.request, scenario ? &*scenario : nullptr, command.scenario);
    if (!command.export_topology.empty()) write_topology_csv(command.export_topology, command.force, study);
    progress_reporter progress("network", static_cast<std::uint64_t>(study.steps), !command.quiet);
    const sim::network_result result =
        sim::run_network_study(study, [&progress](std::int64_t done) { progress.update(static_cast<std::uint64_t>(done)); });
    progress.finish();
    if (!command.out.empty()) write_network_folder(command.out, command.force, study, result);
    if (command.json) {
        fmt::print("{}\n", network_summary_json(study, result));
    } else if (!command.out.empty()) {
        fmt::print("{}", network_table(study, result, command.out.string()));
    } else {
        atomic_file out("-");
        write_routes_csv(out, study, result.routes);
        out.commit();
    }
}

}  // namespace kardashev::io
