#pragma once
/// A `kardashev network` study: a constellation (shell presets, element sets, or a scenario's routed uplink),
/// ground stations and pairs composed into one graph and time grid; routes over it, each pair's round-trip
/// summary, and for a scenario its delivery capacity over the run (docs/models/network.md, docs/models/sim.md
/// "Routed uplink").

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/network/routing.hpp"
#include "kardashev/sim/scenario.hpp"
#include "kardashev/sim/uplink.hpp"

namespace kardashev::sim {

/// Ground-satellite link admission as asked for: the rule, and its limit when one is given.
struct gsl_request {
    network::gsl_rule rule = network::gsl_rule::elevation;  //!< admission test
    std::optional<double> limit;  //!< mask [rad] or slant range [m]; empty: the preset's (elevation: 25 deg without one)
};

/// +Grid ISLs over element sets ordered plane by plane.
struct grid_shape {
    int planes = 0;          //!< orbital planes
    int sats_per_plane = 0;  //!< satellites in each plane
};

/// What a study routes over and when, as the options of `kardashev network` give it (parsed, not resolved).
struct network_request {
    std::vector<std::string> constellation;      //!< shell presets in one graph (none and no catalogue: starlink-s1)
    std::filesystem::path catalogue;             //!< element sets (TLE or OMM) instead of presets; empty: none
    std::optional<grid_shape> grid;              //!< +Grid ISLs for the catalogue
    int isl_shift = 0;                           //!< +Grid inter-plane shift
    std::filesystem::path ground_stations;       //!< Hypatia-format stations; empty: Hypatia's top 100 cities
    std::optional<gsl_request> gsl;              //!< empty: the scenario's, else elevation at the preset's mask
    int gsl_per_station = 0;                     //!< nearest satellites a station keeps (0: all), >= 0
    int gsl_per_satellite = 0;                   //!< stations a satellite serves (0: all), >= 0
    bool ground_relays = false;                  //!< paths may pass through other ground stations
    bool isl_repair = false;                     //!< re-pair cross-plane ISLs (network::isl_repair)
    std::vector<std::string> moon_terminals;     //!< stations (names or ids) with an Earth-Moon terminal
    std::vector<std::pair<std::string, std::string>> pairs;  //!< end points by station name or id, or "Moon"
    std::optional<epoch> start;                  //!< empty: the scenario's start, the presets' epoch or the first set's
    double duration_s = 200.0;                   //!< length of the run [s], >= 0
    double step_s = 1.0;                         //!< time step [s], > 0
    int threads = 0;                             //!< worker threads (0: all cores)
};

/// A composed study: the graph, the pairs and the time grid, with what the outputs say of them.
struct network_study {
    network::network_model model;                //!< satellites, ISLs, stations, fibres, Moon terminals
    network::network_options options;            //!< links and routing
    std::vector<network::station_pair> pairs;    //!< requested pairs (index stations.size(): the Moon)
    std::vector<std::string> pair_names;         //!< "A:B" per pair, station names as in the model
    epoch start;                                 //!< time of step 0
    double step_s = 1.0;                         //!< step [s]
    std::int64_t steps = 1;                      //!< steps, >= 1
    int threads = 0;                             //!< worker threads (0: all cores)
    int isl_shift = 0;                           //!< +Grid inter-plane shift asked for
    std::string satellites_text;                 //!< what the satellites are, e.g. "kuiper-k1 (34 x 34, 630 km, 51.9 deg)"
    std::string ground_stations_text;            //!< what the ground stations are
    std::optional<routed_network> routed;        //!< a scenario's routed uplink, with `options`
    uplink_network uplink;                       //!< the scenario's uplink.network (capacities, region names)

    /// The time grid for network::simulate_routes.
    [[nodiscard]] network::run_options run_options() const;
};

/// Composes a study from `request` and, when `s` is not null, the routed uplink of the scenario `s` (its
/// constellation, regions and located sites; `scenario_name` names it in messages). Throws input_error naming
/// the option for an unknown preset or station, a grid that does not match the element sets, a scenario without
/// uplink.network; domain_error as sim::routed_network_of.
[[nodiscard]] network_study compose_network_study(const network_request& request, const scenario* s,
                                                  const std::string& scenario_name);

/// One pair's round trips over the run [ms] (NaN where never reachable).
struct pair_summary {
    std::string name;              //!< "A:B"
    double rtt_t0_ms = 0.0;        //!< at step 0
    double min_ms = 0.0;           //!< over the reachable steps
    double median_ms = 0.0;        //!< over the reachable steps
    double max_ms = 0.0;           //!< over the reachable steps
    double unreachable_s = 0.0;    //!< time without a path [s]
    double great_circle_ms = 0.0;  //!< vacuum bound: the geodesic, or the straight line to the Moon at step 0
    std::size_t changes = 0;       //!< path changes after step 0
};

/// Max flow over the sampled steps [bit/s].
struct delivery_stats {
    double mean_bps = 0.0;  //!< mean over the samples
    double min_bps = 0.0;   //!< smallest sample
    double max_bps = 0.0;   //!< largest sample
};

/// A routed uplink's delivery over a run: each region's max flow to the located ground sites, alone and all
/// together, at up to 16 of the run's steps evenly spread, each with the capacities in force then.
struct delivery_summary {
    epoch from;                                  //!< first step
    epoch to;                                    //!< last step
    std::size_t samples = 0;                     //!< steps sampled
    std::vector<std::string> sinks;              //!< the located ground sites
    std::vector<std::string> region_names;       //!< uplink.network.regions, in order
    std::vector<delivery_stats> regions;         //!< per region, alone
    delivery_stats all_regions;                  //!< all regions together
};

/// What a study computes.
struct network_result {
    network::route_run routes;                   //!< per step, per pair
    std::vector<pair_summary> pairs;             //!< per pair
    std::optional<delivery_summary> delivery;    //!< with a scenario's routed uplink
};

/// Each pair's summary of `routes` over the study's grid.
[[nodiscard]] std::vector<pair_summary> summarise_pairs(const network_study& study, const network::route_run& routes);

/// The delivery of the study's routed uplink over its run (sim::delivery_cuts at each sampled step); the study
/// must have one.
[[nodiscard]] delivery_summary summarise_delivery(const network_study& study);

/// Routes every pair at every step (network::simulate_routes; `on_progress` as run_options::on_progress), then
/// the summaries.
[[nodiscard]] network_result run_network_study(const network_study& study,
                                               const std::function<void(std::int64_t)>& on_progress = {});

}  // namespace kardashev::sim
