// `kardashev network`: routes, round-trip times, hop counts and path changes over a constellation.

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli_args.hpp"
#include "commands.hpp"
#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/network_outputs.hpp"
#include "kardashev/sim/network_study.hpp"

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

/// "--gsl elevation:25deg", "slant-range:1089686m", or a rule alone (its limit from the preset).
sim::gsl_request parse_gsl(const std::string& text) {
    sim::gsl_request g;
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string value = colon == std::string::npos ? std::string() : text.substr(colon + 1);
    if (kind == "elevation") {
        g.rule = network::gsl_rule::elevation;
        if (value.empty()) return g;
        g.limit = quantity_option("--gsl elevation", value, quantity_kind::angle);
        if (!(*g.limit >= 0.0 && *g.limit < 90.0 * deg)) {
            throw input_error(fmt::format("--gsl: expected an elevation mask in [0, 90) deg, got \"{}\"", value));
        }
    } else if (kind == "slant-range") {
        g.rule = network::gsl_rule::slant_range;
        if (value.empty()) return g;
        g.limit = quantity_option("--gsl slant-range", value, quantity_kind::length);
        if (!(*g.limit > 0.0)) throw input_error(fmt::format("--gsl: expected a positive slant range, got \"{}\"", value));
    } else {
        throw input_error(fmt::format("--gsl: expected elevation[:ANGLE] or slant-range[:LENGTH], got \"{}\"", text));
    }
    return g;
}

/// "--grid PLANESxSATS".
sim::grid_shape parse_grid(const std::string& text) {
    const auto parts = split(text, 'x');
    sim::grid_shape g;
    if (parts.size() != 2 || std::sscanf(parts[0].c_str(), "%d", &g.planes) != 1 ||
        std::sscanf(parts[1].c_str(), "%d", &g.sats_per_plane) != 1) {
        throw input_error(fmt::format("--grid: expected PLANESxSATS (e.g. 34x34), got \"{}\"", text));
    }
    return g;
}

/// "--pairs A:B,C:D" by station name or id.
std::vector<std::pair<std::string, std::string>> parse_pairs(const std::string& text) {
    if (text.empty()) throw input_error("--pairs: expected at least one pair A:B (station names or ids)");
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& item : split(text, ',')) {
        const auto ends = split(item, ':');
        if (ends.size() != 2) throw input_error(fmt::format("--pairs: expected A:B, got \"{}\"", item));
        pairs.emplace_back(ends[0], ends[1]);
    }
    return pairs;
}

/// The study's request from the options; the constellation, stations and pairs are resolved by the study.
sim::network_request request_of(const network_args& a) {
    if (!a.constellation.empty() && !a.catalogue.empty()) {
        throw input_error("network: give either --constellation or --catalogue, not both");
    }
    if (!a.scenario.empty() && (!a.constellation.empty() || !a.catalogue.empty() || !a.ground_stations.empty())) {
        throw input_error("network: SCENARIO gives the constellation and the ground stations; drop --constellation, "
                          "--catalogue and --ground-stations");
    }
    sim::network_request r;
    if (!a.constellation.empty()) r.constellation = split(a.constellation, ',');
    r.catalogue = a.catalogue;
    if (!a.grid.empty()) r.grid = parse_grid(a.grid);
    r.isl_shift = a.isl_shift;
    r.ground_stations = a.ground_stations;
    if (!a.gsl.empty()) r.gsl = parse_gsl(a.gsl);
    if (a.gsl_per_station < 0 || a.gsl_per_satellite < 0) throw input_error("--gsl-per-station/--gsl-per-satellite: expected >= 0");
    r.gsl_per_station = a.gsl_per_station;
    r.gsl_per_satellite = a.gsl_per_satellite;
    r.ground_relays = a.ground_relays;
    r.isl_repair = a.isl_repair;
    if (!a.moon_terminals.empty()) r.moon_terminals = split(a.moon_terminals, ',');
    r.pairs = parse_pairs(a.pairs);
    if (!a.start.empty()) r.start = time_option("--start", a.start);
    r.duration_s = quantity_option("--duration", a.duration, quantity_kind::time);
    r.step_s = quantity_option("--step", a.step, quantity_kind::time);
    if (!(r.step_s > 0.0)) throw input_error(fmt::format("--step: expected a positive step, got \"{}\"", a.step));
    if (!(r.duration_s >= 0.0)) throw input_error(fmt::format("--duration: expected a non-negative duration, got \"{}\"", a.duration));
    r.threads = a.threads;
    return r;
}

int run_network(const network_args& a) {
    io::network_command c;
    c.request = request_of(a);
    c.scenario = a.scenario;
    c.out = a.out;
    c.export_topology = a.export_topology;
    c.force = a.force;
    c.json = a.json;
    c.quiet = a.quiet;
    io::run_network_command(c);
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
    cmd->add_option("--duration", a->duration, "Length of the run (e.g. \"200 s\"); at most 1e8 steps and 2e9 satellite-steps")
        ->capture_default_str();
    cmd->add_option("--step", a->step, "Time step (e.g. \"100 ms\")")->capture_default_str();
    cmd->add_option("--threads", a->threads, "Worker threads (0: all cores; at most the cores and 256); results do not depend on it");
    cmd->add_option("--out", a->out, "Folder for routes.csv and summary.json, written whole or not at all");
    cmd->add_flag("--force", a->force, "Replace an existing --out folder (only one this command wrote)");
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
