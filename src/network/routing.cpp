// Routing's public entry points: shortest paths over one topology, shells appended to a model, and runs over time
// (blocks of SGP4 positions, then steps in parallel; route_step.cpp). The topology build is in topology_build.cpp.

#include "kardashev/network/routing.hpp"

#include <algorithm>
#include <limits>
#include <vector>

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "path_search.hpp"
#include "route_plan.hpp"
#include "route_step.hpp"
#include "topology_build.hpp"

namespace kardashev::network {

namespace {


/// Steps per block of SGP4 positions (and per progress report).
constexpr std::size_t block_steps = 64;
/// Steps of one task's contiguous run within a block (8 runs per full block).
constexpr std::size_t steps_per_run = 8;

/// An empty run: the time grid, and per pair RTTs NaN and hops 0 at every step.
route_run empty_run(const network_model& model, std::size_t pairs, const run_options& run) {
    route_run out;
    out.satellites = static_cast<int>(model.satellites.size());
    const auto steps = static_cast<std::size_t>(run.steps);
    out.time_s.resize(steps);
    for (std::size_t s = 0; s < steps; ++s) out.time_s[s] = (run.step * static_cast<std::int64_t>(s)).seconds();
    out.pairs.resize(pairs);
    for (pair_series& p : out.pairs) {
        p.rtt_s.assign(steps, std::numeric_limits<double>::quiet_NaN());
        p.hops.assign(steps, 0);
    }
    return out;
}

/// The steps of a run, block after block: SGP4 for the block's steps, then the steps in parallel, then the paths
/// that changed stored in step order.
class block_runner {
public:
    block_runner(const detail::run_context& ctx, const orbit::sgp4_propagator& propagator)
        : m_ctx(ctx), m_propagator(propagator),
          m_arena(ctx.run.threads > 0 ? ctx.run.threads : tbb::task_arena::automatic) {
        const std::size_t n = propagator.size() * block_steps;
        m_x_km.resize(n);
        m_y_km.resize(n);
        m_z_km.resize(n);
        m_velocity.resize(n);
        m_status.resize(n);
        m_paths.resize(block_steps);
        for (detail::step_paths& p : m_paths) {
            p.start.resize(ctx.pairs.size());
            p.end.resize(ctx.pairs.size());
        }
    }

    /// Routes the steps [first, first + count), count <= block_steps, into `out`.
    void run_block(std::int64_t first, std::size_t count, route_run& out) {
        std::vector<epoch> times(count);
        for (std::size_t k = 0; k < count; ++k) {
            times[k] = m_ctx.run.start + m_ctx.run.step * (first + static_cast<std::int64_t>(k));
        }
        const std::size_t n = m_propagator.size() * count;
        const orbit::sgp4_batch_output teme{{m_x_km.data(), n}, {m_y_km.data(), n}, {m_z_km.data(), n},
                                            {m_velocity.data(), n}, {m_velocity.data(), n}, {m_velocity.data(), n},
                                            {m_status.data(), n}};
        m_propagator.propagate(std::span<const epoch>(times), teme, orbit::sgp4_run_options{m_ctx.run.threads});
        const detail::block_positions block{teme.x_km, teme.y_km, teme.z_km, teme.status, count};
        // Contiguous runs of 8 steps per task, so a thread's searches can start from its step before (N-w). Each
        // run starts afresh (start_run) and the runs' bounds depend on the block alone, so the searches and kept
        // trees counted (summary.json) are the same for any thread count and timing.
        const auto runs = std::max<std::size_t>(count / steps_per_run, 1);
        m_arena.execute([&] {
            tbb::parallel_for(
                tbb::blocked_range<std::size_t>(0, runs, 1),
                [&](const tbb::blocked_range<std::size_t>& r) {
                    for (std::size_t c = r.begin(); c < r.end(); ++c) {
                        detail::step_workspace& work = m_workspaces.local();
                        detail::start_run(work);
                        for (std::size_t k = c * count / runs; k < (c + 1) * count / runs; ++k) {
                            detail::route_step(m_ctx, block, k, times[k], first + static_cast<std::int64_t>(k), work,
                                               m_paths[k], out);
                        }
                    }
                },
                tbb::simple_partitioner());
        });
        m_history.record(std::span<const detail::step_paths>(m_paths.data(), count), first, m_ctx.plan.flipped, out);
    }

    /// Adds the threads' search counts to `out`.
    void count_searches(route_run& out) const {
        for (const detail::step_workspace& work : m_workspaces) {
            out.searches += work.searches;
            out.trees_kept += work.trees_kept;
        }
    }

private:
    const detail::run_context& m_ctx;
    const orbit::sgp4_propagator& m_propagator;
    tbb::task_arena m_arena;
    tbb::enumerable_thread_specific<detail::step_workspace> m_workspaces;
    std::vector<double> m_x_km, m_y_km, m_z_km, m_velocity;  // TEME [km], [km/s] (velocity unused)
    std::vector<orbit::sgp4_status> m_status;
    std::vector<detail::step_paths> m_paths;                  // per step of the block
    detail::path_history m_history;
};

}  // namespace

void shortest_paths_to(const topology& g, int destination, bool ground_relays, std::span<double> delay_s,
                       std::span<int> next_hop) {
    const auto nodes = g.offsets.size() - 1;
    if (delay_s.size() != nodes || next_hop.size() != nodes) {
        throw input_error(fmt::format("shortest paths: expected {} elements per output, got {} and {}", nodes,
                                      delay_s.size(), next_hop.size()));
    }
    if (destination < 0 || static_cast<std::size_t>(destination) >= nodes) {
        throw input_error(fmt::format("shortest paths: destination {} is not a node in [0, {})", destination, nodes));
    }
    detail::search_space space;
    space.begin(nodes);
    const auto [lo, hi] = detail::delay_range(g, false);
    const detail::seed from[1] = {{destination, 0.0, detail::no_node}};
    detail::search(detail::rows_of(g, destination, ground_relays), {from, 0, detail::plan_buckets(lo, hi), nullptr},
                   {delay_s, next_hop}, space);
}

int append_shell(network_model& model, const shell_design& shell, epoch epoch_time) {
    const auto first = static_cast<int>(model.satellites.size());
    auto sets = shell_element_sets(shell, epoch_time);
    for (auto& s : sets) s.catalogue_number += static_cast<std::uint32_t>(first);
    const auto isls = plus_grid_isls(shell.planes, shell.sats_per_plane, shell.isl_shift);
    model.satellites.insert(model.satellites.end(), sets.begin(), sets.end());
    for (const auto& l : isls) model.isls.push_back({l.a + first, l.b + first, l.cross_plane});
    return first;
}

route_run simulate_routes(const network_model& model, std::span<const station_pair> pairs,
                          const network_options& options, const run_options& run) {
    detail::check_route_request(model, pairs, options, run);
    const detail::route_plan plan = detail::plan_routes(model, pairs, options);
    const orbit::sgp4_propagator propagator(model.satellites);
    const detail::station_frame frames = detail::frame_of(model.stations);
    const detail::repair_context repair =
        options.repair.enabled
            ? detail::make_repair_context(static_cast<int>(model.satellites.size()), model.isls, model.satellites)
            : detail::repair_context{};
    const detail::topology_inputs inputs{model.isls,           model.stations, &frames,
                                         model.fibres,         model.moon_terminals, &options,
                                         options.repair.enabled ? &repair : nullptr};
    const detail::run_context ctx{pairs, options, run, plan, inputs};
    route_run out = empty_run(model, pairs.size(), run);
    block_runner runner(ctx, propagator);
    for (std::int64_t first = 0; first < run.steps; first += static_cast<std::int64_t>(block_steps)) {
        const auto count = static_cast<std::size_t>(std::min<std::int64_t>(block_steps, run.steps - first));
        runner.run_block(first, count, out);
        if (run.on_progress) run.on_progress(first + static_cast<std::int64_t>(count));
    }
    runner.count_searches(out);
    return out;
}

}  // namespace kardashev::network
