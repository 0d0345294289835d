#pragma once
/// How much of a fleet's data the network can deliver to the compute sites: demand regions (ground nodes
/// where cohorts' data enters the network) send to a set of sink stations (compute sites, gateways); the cut
/// function f(S) = max flow from the regions in S to the sinks, tabulated over every subset S and sample time,
/// gives the exact deliverable throughput for any split of demand across regions (Gale 1957). Also the
/// bandwidth inside an orbital cluster of satellites. See docs/models/network.md "Delivery".

#include <cstdint>
#include <span>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/network/routing.hpp"
#include "kardashev/orbit/vec3.hpp"

namespace kardashev::network {

/// Most demand regions a cut table takes: it holds 2^regions entries per sample.
inline constexpr int max_delivery_regions = 12;

/// Max flow from every subset of the regions to the sinks, per sample time.
struct delivery_cuts {
    int regions = 0;                 //!< demand regions R
    int samples = 0;                 //!< sample times
    std::vector<double> cut_bps;     //!< [k * 2^R + mask]: max flow from the regions in `mask` to any sink at
                                     //!< sample k [bit/s] (mask 0: 0)
    bool operator==(const delivery_cuts&) const = default;
};

/// Returns `g` with one node appended, linked from each node in `sinks` by an arc of capacity 2^53 bit/s and no
/// delay, the sinks made relays so flow may enter them; the new node's id is the old node count. A max flow to
/// it is the max flow to any of the sinks. input_error for a sink outside the graph or listed twice.
[[nodiscard]] topology with_super_sink(const topology& g, std::span<const int> sinks);

/// The cut table of `model` at each of `times`: the topology (topology_at), then one max flow (flow.hpp) per
/// non-empty subset of `region_stations` to the super sink over `sink_stations` (indices into model.stations).
/// `station_link_capacity_bps`, when not empty, holds one value per station: the capacity of each of that
/// station's ground-satellite links (user terminals and gateways differ), replacing options.gsl_capacity_bps.
/// input_error for no regions, more than max_delivery_regions, no sinks, a station outside the model, a station
/// that is both a region and a sink, or a capacity list of the wrong size; domain_error as topology_at.
[[nodiscard]] delivery_cuts delivery_cut_table(const network_model& model, const network_options& options,
                                               std::span<const int> region_stations,
                                               std::span<const int> sink_stations, std::span<const epoch> times,
                                               std::span<const double> station_link_capacity_bps = {});

/// The graphs of a cut table without their capacities: each sample time's topology (topology_at) with the super
/// sink over the sinks, and the link each arc belongs to, so that cut tables for several sets of capacities
/// (network_options' ISL, fibre and Moon capacities, each station's ground-link capacity) share one geometry.
struct delivery_geometry {
    int regions = 0;                        //!< demand regions R
    std::vector<int> region_nodes;          //!< node of each region's station in the snapshots
    std::vector<topology> snapshots;        //!< per sample: topology_at with the super sink (its last node)
    bool ground_relays = false;             //!< network_options::ground_relays
    int satellites = 0;                     //!< satellite nodes (a ground link's station is its end past them)
    bool operator==(const delivery_geometry&) const = default;
};

/// The capacities a cut table is computed at [bit/s].
struct delivery_capacities {
    double isl_bps = 0.0;                        //!< each laser ISL
    double fibre_bps = 0.0;                      //!< each fibre
    double moon_bps = 0.0;                       //!< each Earth-Moon link
    std::vector<double> station_link_bps;        //!< per station: each of its ground-satellite links
    bool operator==(const delivery_capacities&) const = default;
};

/// The geometry of delivery_cut_table's inputs at each of `times`; same checks and errors as delivery_cut_table.
[[nodiscard]] delivery_geometry delivery_geometry_at(const network_model& model, const network_options& options,
                                                     std::span<const int> region_stations,
                                                     std::span<const int> sink_stations, std::span<const epoch> times);

/// The capacities of `options` (ISL, fibre, Moon) with `station_link_capacity_bps`, or options.gsl_capacity_bps at
/// every one of the model's stations when it is empty; input_error for a list of the wrong size.
[[nodiscard]] delivery_capacities delivery_capacities_of(const network_model& model, const network_options& options,
                                                         std::span<const double> station_link_capacity_bps = {});

/// The cut table of `geometry` at `capacities`: per sample, the max flow (as flow.hpp's max_flow, capacities rounded
/// to whole bit/s) from every non-empty subset of the regions to the super sink. Each subset's flow starts from the
/// flow of the subset without its last region, which stays feasible (docs/models/network.md "Delivery"). Same
/// errors as max_flow for a capacity outside [0, 2^53].
[[nodiscard]] delivery_cuts delivery_cut_table(const delivery_geometry& geometry, const delivery_capacities& capacities);

/// f(S) for the regions in bit mask `mask` (bit r: region r) averaged over the table's samples [bit/s].
/// input_error for an empty table or a mask outside [0, 2^regions).
[[nodiscard]] double mean_cut_bps(const delivery_cuts& cuts, std::size_t mask);

/// Throughput [bit/s] deliverable at sample `sample` when region r offers demand_bps[r]: the max flow from a
/// super source with an arc of capacity demand_bps[r] to each region, which by max-flow min-cut is
/// min over subsets S of (sum of demand outside S + f(S)) (Gale 1957, Theorem 1). input_error for a sample
/// outside the table, a demand vector of the wrong size, or a negative or non-finite demand.
[[nodiscard]] double deliverable_bps(const delivery_cuts& cuts, int sample, std::span<const double> demand_bps);

/// deliverable_bps averaged over the table's samples (the window's mean delivered throughput) [bit/s].
[[nodiscard]] double mean_deliverable_bps(const delivery_cuts& cuts, std::span<const double> demand_bps);

/// Links inside an orbital cluster and what they carry.
struct cluster_links_options {
    double max_range_m = 1'000.0;          //!< longest usable laser link inside the cluster [m]
    int terminals_per_satellite = 4;       //!< laser terminals on each satellite; each link takes one at both ends
    double link_capacity_bps = 1.6e12;     //!< capacity of one link, each direction [bit/s] (Suncatcher bench demo)
};

/// The cluster's laser graph and its bandwidth.
struct cluster_bandwidth {
    std::vector<isl> links;                //!< satellite pairs linked, shortest first (greedy under the terminal limit)
    int components = 0;                    //!< connected components of the link graph (1: every pair can talk)
    double bisection_bps = 0.0;            //!< max flow between the two halves of the cluster split across its
                                           //!< longest axis (each direction) [bit/s]; 0 when not connected
    double per_satellite_bps = 0.0;        //!< bisection_bps / (N / 2): the all-to-all rate each satellite can
                                           //!< sustain to the far half [bit/s]
};

/// Links every pair of satellites (positions in any common frame, e.g. orbit::hcw relative positions [m]) closer
/// than max_range_m, shortest first, while both still have a free terminal; then the bisection bandwidth by max
/// flow. input_error for fewer than two satellites, a non-positive range or capacity, or no terminals.
[[nodiscard]] cluster_bandwidth cluster_bandwidth_of(std::span<const orbit::vec3> positions_m,
                                                     const cluster_links_options& options);

}  // namespace kardashev::network
