// A `kardashev network` study: composition, routes, round-trip summaries and delivery (sim/network_study.hpp).

#include "kardashev/sim/network_study.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/limits.hpp"
#include "kardashev/core/text.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/network/links.hpp"
#include "kardashev/network/nodes.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::sim {

namespace {

constexpr double deg = constants::pi / 180.0;

/// The scenario's routed uplink: its shells, demand regions and located ground sites, fibres and capacities at
/// its start (sim/uplink.hpp), so pairs and the delivery table name its regions and sites.
void compose_from_scenario(network_study& study, const scenario& s, const std::string& scenario_name) {
    if (!s.uplink.network.enabled) {
        throw input_error(fmt::format("{}: the scenario has no uplink.network to route over (docs/scenarios.md)", scenario_name));
    }
    study.routed = routed_network_of(s, s.start);
    study.uplink = s.uplink.network;
    study.model = study.routed->model;
    study.satellites_text = fmt::format("{} ({} satellites, from {})", fmt::join(s.uplink.network.constellation, " + "),
                                        study.model.satellites.size(), scenario_name);
}

/// Element sets from a file, with +Grid ISLs when a grid is given.
void compose_from_catalogue(network_study& study, const network_request& request) {
    auto& model = study.model;
    const std::string file = request.catalogue.string();
    model.satellites = orbit::load_tle_catalogue(request.catalogue);
    if (model.satellites.empty()) throw input_error(fmt::format("{}: no element sets in the file", file));
    study.satellites_text = fmt::format("{} ({} element sets)", file, model.satellites.size());
    if (!request.grid) return;
    const auto [planes, sats] = *request.grid;
    if (static_cast<std::size_t>(planes) * static_cast<std::size_t>(sats) != model.satellites.size()) {
        throw input_error(fmt::format("--grid: expected PLANESxSATS matching the {} element sets, got \"{}x{}\"",
                                      model.satellites.size(), planes, sats));
    }
    model.isls = network::plus_grid_isls(planes, sats, request.isl_shift);
}

/// One preset, or several shells in one graph (satellite ids continue shell after shell). Returns the preset
/// whose mask and range are the defaults: the only shell, none with several.
std::optional<network::shell_design> compose_from_presets(network_study& study, const network_request& request) {
    const std::vector<std::string> names = request.constellation.empty() ? std::vector<std::string>{"starlink-s1"}
                                                                         : request.constellation;
    if (request.grid) throw input_error("--grid goes with --catalogue; a preset has its own +Grid");
    std::optional<network::shell_design> preset;
    for (const auto& name : names) {
        auto shell = network::shell_preset(name);
        if (!shell) {
            throw input_error(fmt::format("--constellation: expected one of {}, got \"{}\"", network::shell_preset_names(), name));
        }
        shell->isl_shift = request.isl_shift;
        network::append_shell(study.model, *shell);
        study.satellites_text += fmt::format("{}{} ({} x {}, {:g} km, {:g} deg)", study.satellites_text.empty() ? "" : " + ",
                                             shell->name, shell->planes, shell->sats_per_plane, shell->altitude_m / 1e3,
                                             shell->inclination_rad / deg);
        if (!preset) preset = shell;
    }
    if (names.size() > 1) preset.reset();  // several shells: no single preset mask or range
    return preset;
}

/// The ground-link admission of `g`, limits left out taken from `preset`.
network::gsl_criterion resolve_gsl(const gsl_request& g, const network::shell_design* preset) {
    network::gsl_criterion out;
    out.rule = g.rule;
    if (g.rule == network::gsl_rule::elevation) {
        out.min_elevation_rad = g.limit ? *g.limit : preset != nullptr ? preset->min_elevation_rad : 25.0 * deg;
    } else if (g.limit) {
        out.max_range_m = *g.limit;
    } else if (preset != nullptr) {
        out.max_range_m = preset->max_gsl_range_m;
    } else {
        throw input_error("--gsl slant-range needs a range (e.g. slant-range:1089686m) without a --constellation preset");
    }
    return out;
}

/// The link and routing options: the scenario's (or the defaults), then what the request sets.
network::network_options link_options(const network_study& study, const network_request& request,
                                      const std::optional<network::shell_design>& preset) {
    network::network_options options;
    if (study.routed) options = study.routed->options;
    if (!study.routed || request.gsl) options.gsl = resolve_gsl(request.gsl.value_or(gsl_request{}), preset ? &*preset : nullptr);
    options.gsl.max_per_station = request.gsl_per_station;
    options.gsl.max_per_satellite = request.gsl_per_satellite;
    options.ground_relays = request.ground_relays;
    options.repair.enabled = request.isl_repair;
    return options;
}

void add_moon_terminals(network::network_model& model, const std::vector<std::string>& names) {
    for (const auto& name : names) {
        try {
            model.moon_terminals.push_back(static_cast<int>(network::find_station(model.stations, name)));
        } catch (const input_error& e) {
            throw input_error(fmt::format("--moon-terminals: {}", e.what()));
        }
    }
}

/// Station index of the end point `key` (a name or id, white space around it ignored), or stations.size() for "Moon".
std::size_t end_point(const network::network_model& model, const std::string& key) {
    const std::string k(trim(key));
    std::string lower = k;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "moon") {
        if (model.moon_terminals.empty()) throw input_error("the Moon is an end point only with --moon-terminals");
        return model.stations.size();
    }
    return network::find_station(model.stations, k);
}

void resolve_pairs(network_study& study, const std::vector<std::pair<std::string, std::string>>& pairs) {
    const auto& model = study.model;
    const auto end_name = [&](std::size_t i) { return i == model.stations.size() ? std::string("Moon") : model.stations[i].name; };
    for (const auto& [from, to] : pairs) {
        try {
            const auto s = end_point(model, from);
            const auto d = end_point(model, to);
            study.pairs.push_back({static_cast<int>(s), static_cast<int>(d)});
            study.pair_names.push_back(end_name(s) + ":" + end_name(d));
        } catch (const input_error& e) {
            throw input_error(fmt::format("--pairs: {}", e.what()));
        }
    }
}

/// Min, median and max of `v` (sorted here); NaN for an empty list.
void fill_rtt_stats(std::vector<double>& v, pair_summary& p) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    p.min_ms = v.empty() ? nan : *std::min_element(v.begin(), v.end());
    p.max_ms = v.empty() ? nan : *std::max_element(v.begin(), v.end());
    if (v.empty()) {
        p.median_ms = nan;
        return;
    }
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    p.median_ms = v.size() % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

/// Vacuum bound of a pair's round trip [ms]: the geodesic between two stations, or the straight line from the
/// ground end to the Moon at `t`.
double great_circle_ms(const network::network_model& model, const network::station_pair& pair, epoch t) {
    const auto gs = model.stations.size();
    const auto si = static_cast<std::size_t>(pair.src), di = static_cast<std::size_t>(pair.dst);
    if (si == gs && di == gs) return 0.0;
    if (si == gs || di == gs) return 2e3 * network::earth_moon_delay_s(model.stations[si == gs ? di : si].site, t);
    return 2e3 * network::vacuum_geodesic_delay_s(model.stations[si].site, model.stations[di].site);
}

delivery_stats stats_of(const std::vector<double>& v) {
    double sum = 0.0;
    for (const double x : v) sum += x;
    return {sum / static_cast<double>(v.size()), *std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end())};
}

}  // namespace

network::run_options network_study::run_options() const {
    network::run_options run;
    run.start = start;
    run.step = duration::from_seconds(step_s);
    run.steps = steps;
    run.threads = threads;
    return run;
}

network_study compose_network_study(const network_request& request, const scenario* s, const std::string& scenario_name) {
    network_study study;
    std::optional<network::shell_design> preset;
    if (s != nullptr) compose_from_scenario(study, *s, scenario_name);
    else if (!request.catalogue.empty()) compose_from_catalogue(study, request);
    else preset = compose_from_presets(study, request);
    if (!study.routed) {
        study.model.stations = request.ground_stations.empty() ? network::hypatia_top_100_stations()
                                                               : network::load_ground_stations(request.ground_stations);
    }
    study.ground_stations_text = study.routed                   ? "the scenario's regions and located ground sites"
                                 : request.ground_stations.empty() ? "hypatia top 100"
                                                                   : request.ground_stations.string();
    study.options = link_options(study, request, preset);
    if (study.routed) study.routed->options = study.options;
    add_moon_terminals(study.model, request.moon_terminals);
    resolve_pairs(study, request.pairs);
    study.start = request.start ? *request.start
                  : s != nullptr ? s->start
                  : preset       ? network::hypatia_epoch()
                                 : study.model.satellites.front().epoch_time;
    study.step_s = request.step_s;
    const double samples = std::floor(request.duration_s / request.step_s + 1e-9);
    limits::check("network: time steps (--duration / --step)", samples, limits::max_time_samples);
    limits::check("network: satellite-steps (satellites x time steps)",
                  static_cast<double>(study.model.satellites.size()) * std::max(1.0, samples), limits::max_network_satellite_steps);
    study.steps = std::max<std::int64_t>(1, static_cast<std::int64_t>(samples));
    study.threads = limits::threads(request.threads);
    study.isl_shift = request.isl_shift;
    return study;
}

std::vector<pair_summary> summarise_pairs(const network_study& study, const network::route_run& routes) {
    std::vector<pair_summary> out;
    for (std::size_t q = 0; q < study.pairs.size(); ++q) {
        const auto& series = routes.pairs[q];
        pair_summary p;
        p.name = study.pair_names[q];
        std::vector<double> reachable_ms;
        for (const double v : series.rtt_s) {
            if (std::isnan(v)) p.unreachable_s += study.step_s;
            else reachable_ms.push_back(v * 1e3);
        }
        p.rtt_t0_ms = series.rtt_s.front() * 1e3;
        fill_rtt_stats(reachable_ms, p);
        p.changes = series.paths.empty() ? 0 : series.paths.size() - 1;
        p.great_circle_ms = great_circle_ms(study.model, study.pairs[q], study.start);
        out.push_back(p);
    }
    return out;
}

delivery_summary summarise_delivery(const network_study& study) {
    const routed_network& routed = study.routed.value();
    const auto steps = static_cast<std::size_t>(study.steps);
    const duration step = duration::from_seconds(study.step_s);
    delivery_summary out;
    out.samples = std::min<std::size_t>(steps, 16);
    const std::size_t regions = routed.region_stations.size();
    const std::size_t all = (std::size_t{1} << regions) - 1;
    std::vector<std::vector<double>> alone(regions);  // per region, per sample [bit/s]
    std::vector<double> together;
    for (std::size_t i = 0; i < out.samples; ++i) {
        const std::size_t k = out.samples == 1 ? 0 : (i * (steps - 1) + (out.samples - 1) / 2) / (out.samples - 1);
        const epoch times[1] = {study.start + step * static_cast<std::int64_t>(k)};
        const auto cuts = delivery_cuts(routed, study.uplink, times[0], times);
        for (std::size_t r = 0; r < regions; ++r) alone[r].push_back(network::mean_cut_bps(cuts, std::size_t{1} << r));
        together.push_back(network::mean_cut_bps(cuts, all));
    }
    out.from = study.start;
    out.to = study.start + step * static_cast<std::int64_t>(steps - 1);
    for (const int g : routed.sink_stations) out.sinks.push_back(routed.model.stations[static_cast<std::size_t>(g)].name);
    for (std::size_t r = 0; r < regions; ++r) {
        out.region_names.push_back(study.uplink.regions[r].name);
        out.regions.push_back(stats_of(alone[r]));
    }
    out.all_regions = stats_of(together);
    return out;
}

network_result run_network_study(const network_study& study, const std::function<void(std::int64_t)>& on_progress) {
    network::run_options run = study.run_options();
    run.on_progress = on_progress;
    network_result out;
    out.routes = network::simulate_routes(study.model, study.pairs, study.options, run);
    out.pairs = summarise_pairs(study, out.routes);
    if (study.routed) out.delivery = summarise_delivery(study);
    return out;
}

}  // namespace kardashev::sim
