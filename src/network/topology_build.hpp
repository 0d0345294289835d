#pragma once
// Building one step's topology into reused storage (private): ISLs with the line-of-sight test and optional
// cross-plane re-pairing, ground links, fibres, Moon links, then the CSR rows (docs/models/network.md N-b2..N-k2).

#include <cstddef>
#include <cstdint>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#include "kardashev/network/routing.hpp"
#include "kardashev/orbit/vec3.hpp"
#include "node_index.hpp"

namespace kardashev::network::detail {

/// One undirected edge before the CSR rows are assembled.
struct edge {
    node_index u = 0;
    node_index v = 0;
    double delay_s = 0.0;
    double capacity_bps = 0.0;
    link_kind kind = link_kind::isl;
};

/// A ground link admitted before the per-station and per-satellite limits.
struct gsl_candidate {
    double range_m = 0.0;  //!< slant range [m]
    int station = 0;       //!< station index
    node_index sat = 0;    //!< satellite
};

/// Station positions and local verticals (WGS-84 ellipsoid normals) in ECEF, computed once per run.
struct station_frame {
    std::vector<orbit::vec3> r_ecef_m;  //!< [m]
    std::vector<orbit::vec3> up;        //!< unit normal [-]
};

/// The frames of `stations`.
[[nodiscard]] station_frame frame_of(std::span<const ground_station> stations);

/// Static data of cross-plane re-pairing: the plane of each satellite (components of the intra-plane ISLs) and,
/// when element sets are known, each satellite's orbit normal (for the seam rule).
struct repair_context {
    std::vector<int> plane;            //!< per satellite: the smallest satellite of its plane
    std::vector<orbit::vec3> normal;   //!< per satellite: unit angular momentum, inertial [-]; empty without sets
};

/// The re-pairing data of `satellites` satellites linked by `isls`, with element sets `sets` (may be empty).
[[nodiscard]] repair_context make_repair_context(int satellites, std::span<const isl> isls,
                                                 std::span<const orbit::element_set> sets);

/// Satellite positions in ECEF [m], one element per satellite; NaN: failed to propagate (no links).
struct satellite_positions {
    std::span<const double> x_m, y_m, z_m;
    [[nodiscard]] node_index count() const { return static_cast<node_index>(x_m.size()); }
};

/// What a topology is built from besides the satellite positions; fixed over a run.
struct topology_inputs {
    std::span<const isl> isls;                 //!< laser links between satellites
    std::span<const ground_station> stations;  //!< ground nodes
    const station_frame* frames = nullptr;     //!< frame_of(stations)
    std::span<const fibre_link> fibres;        //!< fibres between stations
    std::span<const int> moon_terminals;       //!< stations with an Earth-Moon terminal (empty: no Moon node)
    const network_options* options = nullptr; //!< links and capacities
    const repair_context* repair = nullptr;    //!< with options->repair.enabled: re-pairing data (nullptr: none)
};

/// Scratch storage of a build, reused step after step.
struct build_scratch {
    std::vector<edge> edges;                            //!< ISLs, ground links, fibres, Moon links, in that order
    std::vector<gsl_candidate> candidates;              //!< ground links being admitted
    std::vector<int> band_start;   //!< satellites of z band b: by_band[band_start[b] .. band_start[b + 1])
    std::vector<node_index> by_band;  //!< satellites sorted by z band, ascending within a band
    std::vector<int> counts;       //!< per band or per satellite: cursors, ground links per satellite
    std::vector<int> lost;         //!< cross-plane links down per satellite (re-pairing)
    std::vector<node_index> free_sats;                  //!< satellites that may be paired again
    std::vector<std::pair<node_index, node_index>> kept;   //!< cross-plane links up, (min, max) sorted
    std::vector<std::tuple<double, node_index, node_index>> new_links;  //!< candidate new links: length [m], a, b
};

/// Throws input_error for options out of range.
void check_options(const network_options& options);
/// Throws input_error for ISL, fibre or Moon-terminal indices out of range (`satellites` satellites).
void check_topology_inputs(int satellites, const topology_inputs& in);

/// Fills `t` (its storage reused) with the topology of satellites at `sats` and the Moon at r_moon_ecef_m [m].
/// Throws domain_error for a fixed ISL out of line of sight.
void build_topology_into(topology& t, const satellite_positions& sats, const topology_inputs& in,
                         const orbit::vec3& r_moon_ecef_m, build_scratch& scratch);

/// Appends the ground links of `sats` (N-e or N-f, with the per-station and per-satellite limits) to scratch.edges.
void add_ground_links(const satellite_positions& sats, const topology_inputs& in, build_scratch& scratch);

/// True when every satellite's row lists its ISLs before any other link (topology's row order).
[[nodiscard]] bool satellite_rows_lead_with_isls(const topology& t);

}  // namespace kardashev::network::detail
