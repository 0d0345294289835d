// `kardashev network`: routes, round-trip times, hop counts and path changes over a constellation.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli_args.hpp"
#include "commands.hpp"
#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/atomic_file.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/core/progress.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/network/routing.hpp"
#include "kardashev/orbit/tle.hpp"
#include "kardashev/sim/uplink.hpp"

namespace kardashev::apps {

namespace {

struct network_args {
    std::string scenario;
    std::string constellation;
    std::string catalogue;
    std::string grid;
    int isl_shift = 0;
    std::string ground_stations;
    std::string gsl;
    int gsl_per_station = 0;
    int gsl_per_satellite = 0;
    bool ground_relays = false;
    bool isl_repair = false;
    std::string pairs;
    std::string start;
    std::string duration = "200 s";
    std::string step = "1 s";
    int threads = 0;
    std::string out;
    bool force = false;
    bool json = false;
    bool quiet = false;
    std::string export_topology;
    std::string moon_terminals;
};

constexpr double deg = constants::pi / 180.0;

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while (true) {
        const std::size_t c = s.find(sep, p);
        out.push_back(s.substr(p, c == std::string::npos ? std::string::npos : c - p));
        if (c == std::string::npos) break;
        p = c + 1;
    }
    return out;
}

/// "--gsl elevation:25deg", "slant-range:1089686m" or "slant-range" (the preset's Hypatia range).
network::gsl_criterion parse_gsl(const std::string& text, const network::shell_design* preset) {
    network::gsl_criterion g;
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string value = colon == std::string::npos ? std::string() : text.substr(colon + 1);
    if (kind == "elevation") {
        g.rule = network::gsl_rule::elevation;
        g.min_elevation_rad = !value.empty() ? quantity_option("--gsl elevation", value, quantity_kind::angle)
                              : preset != nullptr ? preset->min_elevation_rad : 25.0 * deg;
        if (!(g.min_elevation_rad >= 0.0 && g.min_elevation_rad < 90.0 * deg)) {
            throw input_error(fmt::format("--gsl: expected an elevation mask in [0, 90) deg, got \"{}\"", value));
        }
    } else if (kind == "slant-range") {
        g.rule = network::gsl_rule::slant_range;
        if (!value.empty()) {
            g.max_range_m = quantity_option("--gsl slant-range", value, quantity_kind::length);
        } else if (preset != nullptr) {
            g.max_range_m = preset->max_gsl_range_m;
        } else {
            throw input_error("--gsl slant-range needs a range (e.g. slant-range:1089686m) without a --constellation preset");
        }
        if (!(g.max_range_m > 0.0)) throw input_error(fmt::format("--gsl: expected a positive slant range, got \"{}\"", value));
    } else {
        throw input_error(fmt::format("--gsl: expected elevation[:ANGLE] or slant-range[:LENGTH], got \"{}\"", text));
    }
    return g;
}

struct pair_summary {
    std::string name;
    double rtt_t0_ms = 0.0, min_ms = 0.0, median_ms = 0.0, max_ms = 0.0, unreachable_s = 0.0, great_circle_ms = 0.0;
    std::size_t changes = 0;
};

std::string path_text(const std::vector<int>& nodes) {
    std::string s;
    for (const int v : nodes) s += (s.empty() ? "" : "-") + std::to_string(v);
    return s;
}

int run_network(const network_args& a) {
    // Satellites and ISLs.
    std::optional<network::shell_design> preset;
    network::network_model model;
    std::string sats_text;
    if (!a.constellation.empty() && !a.catalogue.empty()) {
        throw input_error("network: give either --constellation or --catalogue, not both");
    }
    // A scenario's routed uplink: its shells, demand regions and located ground sites, fibres and capacities at
    // its start (sim/uplink.hpp), so pairs and the delivery table name its regions and sites.
    std::optional<sim::routed_network> routed;
    sim::scenario scen;
    if (!a.scenario.empty()) {
        if (!a.constellation.empty() || !a.catalogue.empty() || !a.ground_stations.empty()) {
            throw input_error("network: SCENARIO gives the constellation and the ground stations; drop --constellation, "
                              "--catalogue and --ground-stations");
        }
        scen = io::load_scenario_file(a.scenario);
        if (!scen.uplink.network.enabled) {
            throw input_error(fmt::format("{}: the scenario has no uplink.network to route over (docs/scenarios.md)", a.scenario));
        }
        routed = sim::routed_network_of(scen, scen.start);
        model = routed->model;
        sats_text = fmt::format("{} ({} satellites, from {})", fmt::join(scen.uplink.network.constellation, " + "),
                                model.satellites.size(), a.scenario);
    } else if (!a.catalogue.empty()) {
        model.satellites = orbit::load_tle_catalogue(a.catalogue);
        if (model.satellites.empty()) throw input_error(fmt::format("{}: no element sets in the file", a.catalogue));
        sats_text = fmt::format("{} ({} element sets)", a.catalogue, model.satellites.size());
        if (!a.grid.empty()) {
            const auto parts = split(a.grid, 'x');
            int o = 0, s = 0;
            if (parts.size() != 2 || std::sscanf(parts[0].c_str(), "%d", &o) != 1 || std::sscanf(parts[1].c_str(), "%d", &s) != 1 ||
                static_cast<std::size_t>(o) * static_cast<std::size_t>(s) != model.satellites.size()) {
                throw input_error(fmt::format("--grid: expected PLANESxSATS matching the {} element sets, got \"{}\"",
                                              model.satellites.size(), a.grid));
            }
            model.isls = network::plus_grid_isls(o, s, a.isl_shift);
        }
    } else {
        // One preset, or several comma-separated shells in one graph (satellite ids continue shell after shell).
        const auto names = split(a.constellation.empty() ? std::string("starlink-s1") : a.constellation, ',');
        if (!a.grid.empty()) throw input_error("--grid goes with --catalogue; a preset has its own +Grid");
        for (const auto& name : names) {
            auto shell = network::shell_preset(name);
            if (!shell) {
                throw input_error(fmt::format("--constellation: expected one of {}, got \"{}\"", network::shell_preset_names(), name));
            }
            shell->isl_shift = a.isl_shift;
            network::append_shell(model, *shell);
            sats_text += fmt::format("{}{} ({} x {}, {:g} km, {:g} deg)", sats_text.empty() ? "" : " + ", shell->name,
                                     shell->planes, shell->sats_per_plane, shell->altitude_m / 1e3, shell->inclination_rad / deg);
            if (!preset) preset = shell;
        }
        if (names.size() > 1) preset.reset();  // several shells: no single preset mask or range
    }
    if (!routed) {
        model.stations = a.ground_stations.empty() ? network::hypatia_top_100_stations()
                                                   : network::load_ground_stations(a.ground_stations);
    }

    network::network_options opt;
    if (routed) opt = routed->options;
    if (!routed || !a.gsl.empty()) opt.gsl = parse_gsl(a.gsl.empty() ? "elevation" : a.gsl, preset ? &*preset : nullptr);
    if (a.gsl_per_station < 0 || a.gsl_per_satellite < 0) throw input_error("--gsl-per-station/--gsl-per-satellite: expected >= 0");
    opt.gsl.max_per_station = a.gsl_per_station;
    opt.gsl.max_per_satellite = a.gsl_per_satellite;
    opt.ground_relays = a.ground_relays;
    opt.repair.enabled = a.isl_repair;

    if (!a.moon_terminals.empty()) {
        for (const auto& name : split(a.moon_terminals, ',')) {
            try {
                model.moon_terminals.push_back(static_cast<int>(network::find_station(model.stations, name)));
            } catch (const input_error& e) {
                throw input_error(fmt::format("--moon-terminals: {}", e.what()));
            }
        }
    }
    const auto end_point = [&](const std::string& key) -> std::size_t {
        const auto first = key.find_first_not_of(' ');
        const auto last = key.find_last_not_of(' ');
        const std::string k = first == std::string::npos ? std::string() : key.substr(first, last - first + 1);
        std::string lower = k;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (lower == "moon") {
            if (model.moon_terminals.empty()) throw input_error("the Moon is an end point only with --moon-terminals");
            return model.stations.size();
        }
        return network::find_station(model.stations, k);
    };
    const auto end_name = [&](std::size_t i) { return i == model.stations.size() ? std::string("Moon") : model.stations[i].name; };

    // Pairs "A:B,C:D" by name or id.
    if (a.pairs.empty()) throw input_error("--pairs: expected at least one pair A:B (station names or ids)");
    std::vector<network::station_pair> pairs;
    std::vector<std::string> pair_names;
    for (const auto& item : split(a.pairs, ',')) {
        const auto ends = split(item, ':');
        if (ends.size() != 2) throw input_error(fmt::format("--pairs: expected A:B, got \"{}\"", item));
        try {
            const auto s = end_point(ends[0]);
            const auto d = end_point(ends[1]);
            pairs.push_back({static_cast<int>(s), static_cast<int>(d)});
            pair_names.push_back(end_name(s) + ":" + end_name(d));
        } catch (const input_error& e) {
            throw input_error(fmt::format("--pairs: {}", e.what()));
        }
    }

    network::run_options run;
    run.start = !a.start.empty() ? time_option("--start", a.start)
                : routed       ? scen.start
                : preset       ? network::hypatia_epoch()
                               : model.satellites.front().epoch_time;
    const double dur_s = quantity_option("--duration", a.duration, quantity_kind::time);
    const double step_s = quantity_option("--step", a.step, quantity_kind::time);
    if (!(step_s > 0.0)) throw input_error(fmt::format("--step: expected a positive step, got \"{}\"", a.step));
    if (!(dur_s >= 0.0)) throw input_error(fmt::format("--duration: expected a non-negative duration, got \"{}\"", a.duration));
    run.step = duration::from_seconds(step_s);
    run.steps = static_cast<std::int64_t>(std::floor(dur_s / step_s + 1e-9));
    if (run.steps < 1) run.steps = 1;
    run.threads = a.threads;

    if (!a.export_topology.empty()) {
        // Every link of every step once (u < v), delays to 17 digits, for reference tools (tools/make_networkx_agreement.py).
        io::atomic_file f(a.export_topology, a.force);
        f.write("step,u,v,kind,delay_s\n");
        fmt::memory_buffer buf;
        for (std::int64_t k = 0; k < run.steps; ++k) {
            const network::topology t = network::topology_at(model, opt, run.start + run.step * k);
            for (int u = 0; u < t.satellites + t.stations; ++u) {
                for (int e = t.offsets[static_cast<std::size_t>(u)]; e < t.offsets[static_cast<std::size_t>(u) + 1]; ++e) {
                    const auto ei = static_cast<std::size_t>(e);
                    if (t.targets[ei] <= u) continue;
                    const char* kind = t.kind[ei] == network::link_kind::isl   ? "isl"
                                       : t.kind[ei] == network::link_kind::gsl ? "gsl"
                                       : t.kind[ei] == network::link_kind::fibre ? "fibre"
                                                                                 : "moon";
                    fmt::format_to(std::back_inserter(buf), "{},{},{},{},{:.17g}\n", k, u, t.targets[ei], kind, t.delay_s[ei]);
                }
            }
            f.write(std::string_view(buf.data(), buf.size()));
            buf.clear();
        }
        f.commit();
    }

    progress_reporter progress("network", static_cast<std::uint64_t>(run.steps), !a.quiet);
    run.on_progress = [&progress](std::int64_t done) { progress.update(static_cast<std::uint64_t>(done)); };
    const network::route_run r = network::simulate_routes(model, pairs, opt, run);
    progress.finish();

    // Per-pair summary.
    std::vector<pair_summary> sums;
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        const auto& s = r.pairs[q];
        pair_summary p;
        p.name = pair_names[q];
        std::vector<double> ok;
        for (const double v : s.rtt_s) {
            if (std::isnan(v)) p.unreachable_s += step_s;
            else ok.push_back(v * 1e3);
        }
        p.rtt_t0_ms = s.rtt_s.front() * 1e3;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        p.min_ms = ok.empty() ? nan : *std::min_element(ok.begin(), ok.end());
        p.max_ms = ok.empty() ? nan : *std::max_element(ok.begin(), ok.end());
        if (!ok.empty()) {
            std::sort(ok.begin(), ok.end());
            const std::size_t m = ok.size() / 2;
            p.median_ms = ok.size() % 2 == 1 ? ok[m] : 0.5 * (ok[m - 1] + ok[m]);
        } else {
            p.median_ms = nan;
        }
        p.changes = s.paths.empty() ? 0 : s.paths.size() - 1;
        const auto gs = model.stations.size();
        const auto si = static_cast<std::size_t>(pairs[q].src), di = static_cast<std::size_t>(pairs[q].dst);
        if (si == gs && di == gs) {
            p.great_circle_ms = 0.0;
        } else if (si == gs || di == gs) {
            // Lower bound to the Moon: straight line from the ground end at t = 0.
            p.great_circle_ms = 2e3 * network::earth_moon_delay_s(model.stations[si == gs ? di : si].site, run.start);
        } else {
            p.great_circle_ms = 2e3 * network::vacuum_geodesic_delay_s(model.stations[si].site, model.stations[di].site);
        }
        sums.push_back(p);
    }

    nlohmann::ordered_json j;
    j["command"] = "network";
    j["inputs"] = {{"satellites", sats_text},
                   {"ground_stations", routed ? "the scenario's regions and located ground sites"
                                       : a.ground_stations.empty() ? "hypatia top 100" : a.ground_stations},
                   {"gsl", opt.gsl.rule == network::gsl_rule::elevation
                               ? fmt::format("elevation:{:g}deg", opt.gsl.min_elevation_rad / deg)
                               : fmt::format("slant-range:{:.0f}m", opt.gsl.max_range_m)},
                   {"isl_shift", a.isl_shift},
                   {"ground_relays", opt.ground_relays},
                   {"start", run.start.to_utc_iso()},
                   {"step_s", step_s},
                   {"steps", run.steps}};
    j["node_ids"] = model.moon_terminals.empty()
                        ? fmt::format("satellites 0-{}, stations {} + station index", r.satellites - 1, r.satellites)
                        : fmt::format("satellites 0-{}, stations {} + station index, Moon {}", r.satellites - 1,
                                      r.satellites, r.satellites + static_cast<int>(model.stations.size()));
    // Shortest-path trees needed over the run, and those kept from the step before (N-w).
    j["trees"] = {{"needed", r.searches}, {"kept_from_step_before", r.trees_kept}};
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    const auto num = [](double v) { return std::isfinite(v) ? nlohmann::ordered_json(std::round(v * 1e6) / 1e6) : nlohmann::ordered_json(); };
    for (const auto& p : sums) {
        arr.push_back({{"pair", p.name}, {"rtt_t0_ms", num(p.rtt_t0_ms)}, {"min_rtt_ms", num(p.min_ms)},
                       {"median_rtt_ms", num(p.median_ms)}, {"max_rtt_ms", num(p.max_ms)}, {"path_changes", p.changes},
                       {"unreachable_s", num(p.unreachable_s)}, {"great_circle_rtt_ms", num(p.great_circle_ms)}});
    }
    j["pairs"] = arr;
    if (routed) {
        // Delivery over the run: each region's max flow to the located ground sites, alone and all together, at up
        // to 16 of the run's steps evenly spread, each with the capacities in force then (network/delivery.hpp).
        const auto steps = static_cast<std::size_t>(run.steps);
        const std::size_t samples = std::min<std::size_t>(steps, 16);
        const std::size_t nr = routed->region_stations.size();
        const std::size_t all = (std::size_t{1} << nr) - 1;
        std::vector<std::vector<double>> alone(nr);  // per region, per sample [bit/s]
        std::vector<double> together;
        for (std::size_t i = 0; i < samples; ++i) {
            const std::size_t k = samples == 1 ? 0 : (i * (steps - 1) + (samples - 1) / 2) / (samples - 1);
            const epoch times[1] = {run.start + run.step * static_cast<std::int64_t>(k)};
            sim::apply_capacities(*routed, scen.uplink.network, times[0]);
            const auto cuts = network::delivery_cut_table(routed->model, opt, routed->region_stations,
                                                          routed->sink_stations, times, routed->station_link_capacity_bps);
            for (std::size_t ri = 0; ri < nr; ++ri) alone[ri].push_back(network::mean_cut_bps(cuts, std::size_t{1} << ri));
            together.push_back(network::mean_cut_bps(cuts, all));
        }
        const auto stats = [](const std::vector<double>& v) {
            double sum = 0.0;
            for (const double x : v) sum += x;
            return nlohmann::ordered_json{{"mean_bps", sum / static_cast<double>(v.size())},
                                          {"min_bps", *std::min_element(v.begin(), v.end())},
                                          {"max_bps", *std::max_element(v.begin(), v.end())}};
        };
        nlohmann::ordered_json regions = nlohmann::ordered_json::array();
        for (std::size_t ri = 0; ri < nr; ++ri) {
            nlohmann::ordered_json entry{{"region", scen.uplink.network.regions[ri].name}};
            entry.update(stats(alone[ri]));
            regions.push_back(entry);
        }
        std::vector<std::string> sinks;
        for (const int g : routed->sink_stations) sinks.push_back(model.stations[static_cast<std::size_t>(g)].name);
        j["delivery"] = {{"from", run.start.to_utc_iso()},
                         {"to", (run.start + run.step * static_cast<std::int64_t>(steps - 1)).to_utc_iso()},
                         {"samples", samples},
                         {"sinks", sinks},
                         {"regions", regions},
                         {"all_regions", stats(together)}};
    }

    const auto write_csv = [&](io::atomic_file& f) {
        f.write("time,pair,rtt_ms,hops,path\n");
        fmt::memory_buffer buf;
        for (std::size_t q = 0; q < pairs.size(); ++q) {
            const auto& s = r.pairs[q];
            std::size_t c = 0;
            for (std::size_t k = 0; k < s.rtt_s.size(); ++k) {
                while (c + 1 < s.paths.size() && s.paths[c + 1].step <= static_cast<std::int64_t>(k)) ++c;
                if (std::isnan(s.rtt_s[k])) {
                    fmt::format_to(std::back_inserter(buf), "{:.3f},{},,0,\n", r.time_s[k], pair_names[q]);
                } else {
                    fmt::format_to(std::back_inserter(buf), "{:.3f},{},{:.6f},{},{}\n", r.time_s[k], pair_names[q],
                                   s.rtt_s[k] * 1e3, s.hops[k], path_text(s.paths[c].nodes));
                }
            }
            f.write(std::string_view(buf.data(), buf.size()));
            buf.clear();
        }
    };

    if (!a.out.empty()) {
        const std::filesystem::path dir(a.out);
        if (std::filesystem::exists(dir) && !a.force) {
            throw input_error(fmt::format("{}: the folder exists; choose another --out or pass --force to replace it", a.out));
        }
        const std::filesystem::path tmp = dir.string() + fmt::format(".tmp-{}", ::getpid());
        std::filesystem::remove_all(tmp);
        std::filesystem::create_directories(tmp);
        try {
            io::atomic_file csv(tmp / "routes.csv");
            write_csv(csv);
            csv.commit();
            io::atomic_file js(tmp / "summary.json");
            js.write(j.dump(2) + "\n");
            js.commit();
            std::filesystem::remove_all(dir);
            std::filesystem::rename(tmp, dir);
        } catch (...) {
            std::filesystem::remove_all(tmp);
            throw;
        }
    }
    if (a.json) {
        fmt::print("{}\n", j.dump(2));
    } else if (!a.out.empty()) {
        fmt::print("{}, {} ground stations, {} steps of {:g} s from {}\n\n", sats_text, model.stations.size(), run.steps,
                   step_s, run.start.to_utc_iso());
        fmt::print("{:<32} {:>9} {:>9} {:>9} {:>9} {:>8} {:>12} {:>9}\n", "pair", "t0 ms", "min ms", "median", "max ms",
                   "changes", "unreachable", "c-bound");
        for (const auto& p : sums) {
            fmt::print("{:<32} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>8} {:>10.1f} s {:>9.3f}\n", p.name, p.rtt_t0_ms, p.min_ms,
                       p.median_ms, p.max_ms, p.changes, p.unreachable_s, p.great_circle_ms);
        }
        fmt::print("\nwrote {}/routes.csv and {}/summary.json\n", a.out, a.out);
    } else {
        io::atomic_file out("-");
        write_csv(out);
        out.commit();
    }
    return exit_ok;
}

}  // namespace

void add_network_command(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<network_args>();
    auto* cmd = app.add_subcommand("network", "Routes, round-trip times, hops and path changes between ground stations over a constellation");
    cmd->add_option("scenario", a->scenario,
                    "A scenario with uplink.network: route over its constellation between its regions and located "
                    "ground sites (pairs name them), from its start, and add its delivery capacity over the run to the summary");
    cmd->add_option("--constellation", a->constellation,
                    "Shell preset, generated as Hypatia does: starlink-s1 (default), kuiper-k1, telesat-t1");
    cmd->add_option("--catalogue", a->catalogue, "Element sets (TLE or OMM) instead of a preset; SGP4");
    cmd->add_option("--grid", a->grid, "+Grid ISLs for --catalogue: PLANESxSATS, element sets ordered plane by plane");
    cmd->add_option("--isl-shift", a->isl_shift, "+Grid inter-plane shift: (i, j) links (i + 1, j + shift)")->capture_default_str();
    cmd->add_flag("--isl-repair", a->isl_repair,
                  "re-pair cross-plane ISLs: down above 70 deg latitude, across the seam or out of sight; freed "
                  "terminals paired again, nearest first");
    cmd->add_option("--ground-stations", a->ground_stations,
                    "Ground stations in Hypatia's format id,name,lat_deg,lon_deg,elevation_m (default: its top-100 cities)");
    cmd->add_option("--gsl", a->gsl,
                    "Ground-satellite links: elevation[:ANGLE] (true WGS-84 elevation; default the preset's mask, else 25 deg) "
                    "or slant-range[:LENGTH] (Hypatia; default the preset's range)");
    cmd->add_option("--gsl-per-station", a->gsl_per_station, "Nearest satellites a station keeps (0: all)");
    cmd->add_option("--gsl-per-satellite", a->gsl_per_satellite, "Stations a satellite serves, nearest first (0: all)");
    cmd->add_flag("--ground-relays", a->ground_relays, "Let paths pass through other ground stations");
    cmd->add_option("--pairs", a->pairs, "Pairs A:B,C:D of station names or ids (e.g. \"Manila:Dalian\")")->required();
    cmd->add_option("--start", a->start, "Start, ISO-8601 UTC (default: the preset's epoch 2000-01-01, or the first element set's)");
    cmd->add_option("--duration", a->duration, "Length of the run (e.g. \"200 s\")")->capture_default_str();
    cmd->add_option("--step", a->step, "Time step (e.g. \"100 ms\")")->capture_default_str();
    cmd->add_option("--threads", a->threads, "Worker threads (0: all cores); results do not depend on it");
    cmd->add_option("--out", a->out, "Folder for routes.csv and summary.json, written whole or not at all");
    cmd->add_flag("--force", a->force, "Replace an existing --out folder");
    cmd->add_flag("--quiet,-q", a->quiet, "No progress bar (drawn on a terminal only)");
    cmd->add_flag("--json", a->json,
                  "Print the JSON summary (per pair: pair, rtt_t0_ms, min_rtt_ms, median_rtt_ms, max_rtt_ms, path_changes, "
                  "unreachable_s, great_circle_rtt_ms) instead of the CSV");
    cmd->add_option("--moon-terminals", a->moon_terminals,
                    "Stations with an optical Earth-Moon terminal (gateways; Moon above 10 deg); pairs may then name Moon");
    cmd->add_option("--export-topology", a->export_topology,
                    "Also write every step's links (step,u,v,kind,delay_s; node ids as in the paths) to this CSV file");
    cmd->callback([a, &exit_code] { exit_code = guarded([&] { return run_network(*a); }); });
}

}  // namespace kardashev::apps
