#pragma once
/// Capacity of one time step's topology: the maximum throughput from a set of source nodes (the ground
/// stations of a fleet region) to a sink node (a gateway or compute site) given each link's capacity
/// (Dinic's algorithm on flat arrays), and a cheap lower bound over edge-disjoint shortest paths.
/// See docs/models/network.md.

#include <cstdint>
#include <span>
#include <vector>

#include "kardashev/network/routing.hpp"

namespace kardashev::network {

/// A maximum flow over one topology and a minimum cut that proves it.
struct flow_result {
    double flow_bps = 0.0;                   //!< total throughput from the sources to the sink [bit/s]
    std::vector<double> edge_flow_bps;       //!< flow on each directed CSR edge (index as topology::targets),
                                             //!< >= 0, at most one direction of a link positive [bit/s]
    std::vector<std::uint8_t> source_side;   //!< per node: 1 on the source side of a minimum cut
    bool operator==(const flow_result&) const = default;
};

/// Maximum flow [bit/s] from `sources` to `sink` (node ids of `g`) with each directed edge an arc of its
/// capacity_bps (both directions of a link carry that capacity independently), capacities rounded to whole
/// bit/s. Nodes with relay 0 pass flow only when they are a source or the sink, or with `ground_relays`.
/// Throws input_error for an index outside the graph, the sink among the sources, or a negative, non-finite or
/// over 2^53 bit/s capacity; domain_error when the sink's edges sum to more than 2^62 bit/s.
[[nodiscard]] flow_result max_flow(const topology& g, std::span<const int> sources, int sink,
                                   bool ground_relays = false);

/// Lower bound on max_flow [bit/s]: repeatedly the shortest-delay path from any source to the sink over links
/// not yet used, its bottleneck capacity added, its links (both directions) removed, until none is left.
/// Same inputs, relay rule and errors as max_flow.
[[nodiscard]] double disjoint_paths_flow_bps(const topology& g, std::span<const int> sources, int sink,
                                             bool ground_relays = false);

}  // namespace kardashev::network
