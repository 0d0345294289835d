#pragma once
// One time step of a routing run: positions, topology, searches, RTTs, hops and paths (private).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "kardashev/network/routing.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "kept_tree.hpp"
#include "node_index.hpp"
#include "partner_watch.hpp"
#include "path_search.hpp"
#include "route_plan.hpp"
#include "satellite_rows.hpp"
#include "topology_build.hpp"

namespace kardashev::network::detail {

/// Per-thread state of the steps, reused step after step (a thread's steps run in order, so its kept trees are
/// those of its step before).
struct step_workspace {
    std::vector<double> x_m, y_m, z_m;   //!< satellite positions, ECEF [m]
    build_scratch scratch;
    topology graph;                      //!< this step's topology
    satellite_rows rows;                 //!< its satellites' ISL rows
    search_space space;
    partner_watch watch;
    std::vector<seed> seeds;
    std::vector<double> delay_s;         //!< per node, and the padding node of the four-wide rows [s]
    std::vector<node_index> next;        //!< per node, and the padding node
    std::vector<kept_tree> kept;         //!< per root
    tree_marks marks;
    std::vector<node_index> last_via;    //!< per pair: the satellite its last path here entered at (no_node: none)
    std::int64_t searches = 0;           //!< route_run::searches, this thread's share
    std::int64_t trees_kept = 0;         //!< route_run::trees_kept, this thread's share
};

/// What every step of a run reads.
struct run_context {
    std::span<const station_pair> pairs;
    const network_options& options;
    const run_options& run;
    const route_plan& plan;
    const topology_inputs& inputs;
};

/// SGP4 output of a block of steps (TEME [km]; element (satellite, k) at satellite * steps + k).
struct block_positions {
    std::span<const double> x_km, y_km, z_km;
    std::span<const orbit::sgp4_status> status;
    std::size_t steps = 0;
};

/// Starts a run of contiguous steps on `work`: kept trees and the pairs' last entry satellites are forgotten, so a
/// run's searches, kept trees and paths do not depend on which run the thread did before (only on the runs' bounds).
void start_run(step_workspace& work);

/// Step `step` at time `t` (column k of `block`): writes its pairs' RTTs and hops into `out` and their paths into
/// `paths` (the unchanged mark where a kept tree gives the path of the step before).
void route_step(const run_context& ctx, const block_positions& block, std::size_t k, epoch t, std::int64_t step,
                step_workspace& work, step_paths& paths, route_run& out);

}  // namespace kardashev::network::detail
