// `kardashev network`: routes, round-trip times, hop counts and path changes over a constellation.

#include <memory>
#include <string>

#include "commands.hpp"
#include "kardashev/io/network_outputs.hpp"
#include "kardashev/io/network_request.hpp"

namespace kardashev::apps {

namespace {

struct network_args {
    io::network_options options;
    std::string out;
    bool force = false;
    bool json = false;
    bool quiet = false;
    std::string export_topology;
};

int run_network(const network_args& a) {
    io::network_command c;
    c.request = io::network_request_of(a.options);
    c.scenario = a.options.scenario;
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
    cmd->add_option("scenario", a->options.scenario,
                    "A scenario with uplink.network: route over its constellation between its regions and located "
                    "ground sites (pairs name them), from its start, and add its delivery capacity over the run to the summary");
    cmd->add_option("--constellation", a->options.constellation,
                    "Shell preset, generated as Hypatia does: starlink-s1 (default), kuiper-k1, telesat-t1");
    cmd->add_option("--catalogue", a->options.catalogue, "Element sets (TLE or OMM) instead of a preset; SGP4");
    cmd->add_option("--grid", a->options.grid, "+Grid ISLs for --catalogue: PLANESxSATS, element sets ordered plane by plane");
    cmd->add_option("--isl-shift", a->options.isl_shift, "+Grid inter-plane shift: (i, j) links (i + 1, j + shift)")->capture_default_str();
    cmd->add_flag("--isl-repair", a->options.isl_repair,
                  "re-pair cross-plane ISLs: down above 70 deg latitude, across the seam or out of sight; freed "
                  "terminals paired again, nearest first");
    cmd->add_option("--ground-stations", a->options.ground_stations,
                    "Ground stations in Hypatia's format id,name,lat_deg,lon_deg,elevation_m (default: its top-100 cities)");
    cmd->add_option("--gsl", a->options.gsl,
                    "Ground-satellite links: elevation[:ANGLE] (true WGS-84 elevation; default the preset's mask, else 25 deg) "
                    "or slant-range[:LENGTH] (Hypatia; default the preset's range)");
    cmd->add_option("--gsl-per-station", a->options.gsl_per_station, "Nearest satellites a station keeps (0: all)");
    cmd->add_option("--gsl-per-satellite", a->options.gsl_per_satellite, "Stations a satellite serves, nearest first (0: all)");
    cmd->add_flag("--ground-relays", a->options.ground_relays, "Let paths pass through other ground stations");
    cmd->add_option("--pairs", a->options.pairs, "Pairs A:B,C:D of station names or ids (e.g. \"Manila:Dalian\")")->required();
    cmd->add_option("--start", a->options.start, "Start, ISO-8601 UTC (default: the preset's epoch 2000-01-01, or the first element set's)");
    cmd->add_option("--duration", a->options.duration, "Length of the run (e.g. \"200 s\"); at most 1e8 steps and 2e9 satellite-steps")
        ->capture_default_str();
    cmd->add_option("--step", a->options.step, "Time step (e.g. \"100 ms\")")->capture_default_str();
    cmd->add_option("--threads", a->options.threads, "Worker threads (0: all cores; at most the cores and 256); results do not depend on it");
    cmd->add_option("--out", a->out, "Folder for routes.csv and summary.json, written whole or not at all");
    cmd->add_flag("--force", a->force, "Replace an existing --out folder (only one this command wrote)");
    cmd->add_flag("--quiet,-q", a->quiet, "No progress bar (drawn on a terminal only)");
    cmd->add_flag("--json", a->json,
                  "Print the JSON summary (per pair: pair, rtt_t0_ms, min_rtt_ms, median_rtt_ms, max_rtt_ms, path_changes, "
                  "unreachable_s, great_circle_rtt_ms) instead of the CSV");
    cmd->add_option("--moon-terminals", a->options.moon_terminals,
                    "Stations with an optical Earth-Moon terminal (gateways; Moon above 10 deg); pairs may then name Moon");
    cmd->add_option("--export-topology", a->export_topology,
                    "Also write every step's links (step,u,v,kind,delay_s; node ids as in the paths) to this CSV file");
    cmd->callback([a, &exit_code] { exit_code = guarded([&] { return run_network(*a); }); });
}

}  // namespace kardashev::apps
