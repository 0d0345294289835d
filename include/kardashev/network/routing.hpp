#pragma once
/// Time-varying topology over flat arrays (CSR) and shortest-delay routes: one Dijkstra per destination per
/// step, round-trip times, hop counts and path changes for requested pairs, time steps in parallel (TBB),
/// paths stored only when they change. See docs/models/network.md.

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/network/links.hpp"
#include "kardashev/network/nodes.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::network {

/// How a ground station chooses the satellites it may link to.
enum class gsl_rule : std::uint8_t {
    elevation,    //!< true elevation above the WGS-84 tangent plane >= min_elevation_rad
    slant_range,  //!< Hypatia: slant range <= max_range_m (no horizon test)
};

/// Ground-satellite link admission and limits.
struct gsl_criterion {
    gsl_rule rule = gsl_rule::elevation;  //!< admission test
    double min_elevation_rad = 25.0 * constants::pi / 180.0;  //!< mask for `elevation` [rad]
    double max_range_m = 0.0;             //!< limit for `slant_range` [m]
    int max_per_station = 0;              //!< nearest satellites a station keeps (0: all admitted)
    int max_per_satellite = 0;            //!< stations a satellite serves, nearest first (0: all)
    bool operator==(const gsl_criterion&) const = default;
};

/// Re-pairing of cross-plane ISLs near the poles and at the seam (off by default: Hypatia's static +Grid). While on,
/// a cross-plane link (isl::cross_plane) is down at a step when either end is above `polar_latitude_rad` geocentric
/// latitude, when its ends orbit in counter-rotating planes (with `seam`), or when it is beyond the line-of-sight
/// limit; each satellite that lost a link and is outside the polar caps is then paired again, nearest pairs first,
/// with another such satellite in another co-rotating plane within the line-of-sight limit.
struct isl_repair {
    bool enabled = false;                                     //!< apply the rules above
    double polar_latitude_rad = 70.0 * constants::pi / 180.0;  //!< cross-plane links down above this latitude [rad]
    bool seam = true;                                         //!< cross-plane links down between counter-rotating planes
    bool operator==(const isl_repair&) const = default;
};

/// Settings of the topology and routing.
struct network_options {
    gsl_criterion gsl;                          //!< ground-satellite links
    isl_repair repair;                          //!< cross-plane ISL re-pairing (off: a fixed +Grid)
    double isl_grazing_height_m = 80'000.0;     //!< line of sight kept this far above the surface [m]
    double isl_earth_radius_m = hypatia_earth_radius_m;  //!< sphere of the line-of-sight test [m]
    bool ground_relays = false;                 //!< a path may pass through a ground station (false: Hypatia)
    double isl_capacity_bps = 100e9;            //!< laser ISL capacity [bit/s]
    double gsl_capacity_bps = 20e9;             //!< ground-satellite link capacity [bit/s]
    double fibre_capacity_bps = 400e9;          //!< fibre capacity [bit/s]
    double moon_min_elevation_rad = 10.0 * constants::pi / 180.0;  //!< Moon above this at a terminal [rad]
    double moon_capacity_bps = 10e9;            //!< optical Earth-Moon link capacity [bit/s]
    bool operator==(const network_options&) const = default;
};

/// A fibre between two ground stations (indices into the station list).
struct fibre_link {
    int a = 0;                   //!< station index
    int b = 0;                   //!< station index
    double route_factor = 1.5;   //!< route length / geodesic [-], >= 1
    bool operator==(const fibre_link&) const = default;
};

/// Kind of a directed edge.
enum class link_kind : std::uint8_t { isl, gsl, fibre, moon };

/// One time step's graph: nodes 0..satellites-1 are satellites, then the stations, then (with Moon
/// terminals) the Moon; edges in CSR, both directions stored. Row order: every row lists its links in the order
/// ISLs (the ISL list's order, then re-paired links), ground links, fibres, Moon links, so a satellite's row is its
/// ISLs followed by its ground links (satellites-only searches read the head of a row up to the first ground link).
struct topology {
    int satellites = 0;                  //!< satellite nodes
    int stations = 0;                    //!< ground nodes after them
    bool moon = false;                   //!< node satellites + stations is the Moon
    std::vector<std::uint8_t> relay;     //!< per node: 1 where paths may pass through (satellites, Moon terminals)
    std::vector<int> offsets;            //!< edges of node v are [offsets[v], offsets[v + 1])
    std::vector<int> targets;            //!< head of each edge
    std::vector<double> delay_s;         //!< one-way delay of each edge [s]
    std::vector<double> capacity_bps;    //!< capacity of each edge [bit/s]
    std::vector<link_kind> kind;         //!< kind of each edge
    bool operator==(const topology&) const = default;
};

/// Builds the topology from satellite ECEF positions [m] (x, y, z arrays), the ISL list, stations and fibres,
/// and, when `moon_terminals` (station indices) is not empty, the Moon at `r_moon_ecef_m` linked to each terminal
/// that sees it above options.moon_min_elevation_rad (terminals act as gateways: paths may pass through them).
/// Throws domain_error naming the link when an ISL is longer than max_isl_range_m (a fixed +Grid cannot hold it; with
/// options.repair on, a cross-plane link is dropped instead). Without element sets the seam rule of options.repair
/// does not apply here (topology_at and simulate_routes apply it).
[[nodiscard]] topology build_topology(std::span<const double> x_ecef_m, std::span<const double> y_ecef_m,
                                      std::span<const double> z_ecef_m, std::span<const isl> isls,
                                      std::span<const ground_station> stations, std::span<const fibre_link> fibres,
                                      const network_options& options, std::span<const int> moon_terminals = {},
                                      const orbit::vec3& r_moon_ecef_m = {});

/// Shortest delays to node `destination` from every node [s] (infinity when unreachable) and the next hop
/// towards it (-1 at the destination or when unreachable). Nodes with relay 0 (stations other than Moon
/// terminals) are end points only unless `ground_relays`. `delay_s` and `next_hop` must have one element per node.
void shortest_paths_to(const topology& g, int destination, bool ground_relays, std::span<double> delay_s,
                       std::span<int> next_hop);

/// A requested route between two stations (indices into the station list; index stations.size() is the Moon
/// when the model has Moon terminals).
struct station_pair {
    int src = 0;  //!< station index
    int dst = 0;  //!< station index
    bool operator==(const station_pair&) const = default;
};

/// A path that starts at step `step` (node ids: satellites 0..N-1, stations N + index); empty: unreachable.
struct path_change {
    std::int64_t step = 0;       //!< first step with this path
    std::vector<int> nodes;      //!< path from source to destination
    bool operator==(const path_change&) const = default;
};

/// Series of one pair over the run.
struct pair_series {
    std::vector<double> rtt_s;          //!< round-trip time per step [s], NaN when unreachable
    std::vector<int> hops;              //!< links on the path per step, 0 when unreachable
    std::vector<path_change> paths;     //!< the path at step 0 and every change after it
    bool operator==(const pair_series&) const = default;
};

/// What a run computes.
struct route_run {
    std::vector<double> time_s;          //!< time of each step since the start [s]
    std::vector<pair_series> pairs;      //!< one per requested pair, in request order
    int satellites = 0;                  //!< satellite count (node ids of stations start here)
    std::int64_t searches = 0;           //!< shortest-path trees needed (searches, or trees kept), all steps
    std::int64_t trees_kept = 0;         //!< of those, trees kept from the step before (run_options::warm_start)
};

/// The satellites, their ISLs and the ground segment.
struct network_model {
    std::vector<orbit::element_set> satellites;   //!< SGP4 element sets (WGS-72)
    std::vector<isl> isls;                        //!< laser links between satellite indices
    std::vector<ground_station> stations;         //!< ground nodes
    std::vector<fibre_link> fibres;               //!< fibres between stations
    std::vector<int> moon_terminals;              //!< stations with an optical Earth-Moon terminal (gateways)
};

/// The topology of `model` at time `t` (SGP4 positions in ECEF, then build_topology); the same snapshot a
/// simulate_routes step at `t` uses.
[[nodiscard]] topology topology_at(const network_model& model, const network_options& options, epoch t);

/// topology_at at each of `times`, the satellites initialised and propagated once for all of them; the same
/// topologies, in the order of `times`.
[[nodiscard]] std::vector<topology> topologies_at(const network_model& model, const network_options& options,
                                                  std::span<const epoch> times);

/// Appends a shell's satellites (shell_element_sets at `epoch_time`) and its +Grid ISLs (indices offset by the
/// satellites already in `model`), so several shells share one graph; returns the index of its first satellite.
int append_shell(network_model& model, const shell_design& shell, epoch epoch_time = hypatia_epoch());

/// Time grid and threading of a run.
struct run_options {
    epoch start;                    //!< time of step 0 (UTC-tagged epoch)
    duration step = duration::from_seconds(1.0);  //!< step length, > 0
    std::int64_t steps = 1;         //!< number of steps, >= 1
    int threads = 0;                //!< worker threads (0: TBB's default); results do not depend on it
    /// Satellites-only searches start from the step before: a search's tree is kept when it is still the
    /// shortest-path tree (checked edge by edge; see docs/models/network.md N-w), else searched afresh. The results
    /// are the same either way; false searches every step afresh.
    bool warm_start = true;
    /// Called on the calling thread with the steps done so far, after each block of up to 64 steps (for a progress
    /// bar); empty: not called.
    std::function<void(std::int64_t)> on_progress;
};

/// Routes every pair at every step: SGP4 positions -> ECEF -> topology -> one Dijkstra per distinct destination
/// (without fibres, Moon terminals and ground relays: over the satellites only, from one end of each pair).
/// Throws input_error for bad indices or grid, domain_error for an ISL beyond its range or a satellite that
/// fails to propagate.
[[nodiscard]] route_run simulate_routes(const network_model& model, std::span<const station_pair> pairs,
                                        const network_options& options, const run_options& run);

}  // namespace kardashev::network
