#pragma once
// What a routing run searches, fixed for the run, and the paths it records (private).

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "kardashev/network/routing.hpp"
#include "node_index.hpp"

namespace kardashev::network::detail {

/// The searches of a run. Without fibres, Moon terminals or ground relays, every path between two stations is one
/// ground link, ISLs and one ground link: a search then runs over the satellites only from one end of each pair (a
/// root; delays are symmetric), seeded with the root's ground links. Otherwise one search per destination runs over
/// the whole topology.
struct route_plan {
    node_index satellites = 0;                            //!< satellite count (node id of station 0)
    bool satellites_only = false;                         //!< satellites-only searches from roots
    std::vector<int> dests;                               //!< whole topology: distinct destination stations
    std::vector<std::vector<std::size_t>> dest_pairs;     //!< whole topology: pairs per destination
    std::vector<std::vector<node_index>> dest_sources;    //!< whole topology: distinct source nodes per destination
    std::vector<int> roots;                               //!< satellites only: station of each search
    std::vector<std::vector<std::size_t>> root_pairs;     //!< satellites only: pairs per root
    std::vector<std::vector<node_index>> root_partners;   //!< satellites only: distinct partner nodes per root
    std::vector<char> flipped;  //!< per pair: found from the source, so its paths run destination -> source
};

/// Throws input_error for a bad grid, pair or index, before a run starts.
void check_route_request(const network_model& model, std::span<const station_pair> pairs,
                         const network_options& options, const run_options& run);

/// The searches of `pairs` over `model` (roots chosen by choose_roots).
[[nodiscard]] route_plan plan_routes(const network_model& model, std::span<const station_pair> pairs,
                                     const network_options& options);

/// The paths of every pair at one step, end to end: pair q's nodes are nodes[start[q], end[q]).
struct step_paths {
    static constexpr std::size_t unchanged = std::numeric_limits<std::size_t>::max();  //!< start: as the step before
    std::vector<node_index> nodes;
    std::vector<std::size_t> start, end;
    [[nodiscard]] std::span<const node_index> path(std::size_t q) const {
        return {nodes.data() + start[q], end[q] - start[q]};
    }
};

/// Each pair's latest stored path, to store a step's path only when it changes.
struct path_history {
    std::vector<std::vector<node_index>> last;  //!< per pair: the latest stored path
    std::vector<char> stored;                   //!< per pair: a path is stored
    /// Appends to `out` the paths of `steps` (steps first_step, first_step + 1, ...) that differ from the pair's
    /// latest, source to destination.
    void record(std::span<const step_paths> steps, std::int64_t first_step, std::span<const char> flipped,
                route_run& out);
};

}  // namespace kardashev::network::detail
