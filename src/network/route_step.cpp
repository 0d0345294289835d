// One time step of a routing run: positions, topology, then searches over the satellites only (per root, trees kept
// from the step before where their check passes, N-w) or over the whole topology (per destination).

#include "route_step.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kardashev/orbit/frames.hpp"

namespace kardashev::network::detail {

namespace {

/// Column k of `block` in ECEF [m] at time t into work.x_m, y_m, z_m (NaN where SGP4 failed).
void ecef_positions(const block_positions& block, std::size_t k, epoch t, step_workspace& work) {
    const std::size_t satellites = block.status.size() / block.steps;
    work.x_m.resize(satellites);
    work.y_m.resize(satellites);
    work.z_m.resize(satellites);
    for (std::size_t i = 0; i < satellites; ++i) {
        const std::size_t e = i * block.steps + k;
        if (block.status[e] != orbit::sgp4_status::ok) {
            work.x_m[i] = work.y_m[i] = work.z_m[i] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        work.x_m[i] = block.x_km[e];
        work.y_m[i] = block.y_km[e];
        work.z_m[i] = block.z_km[e];
    }
    orbit::teme_km_to_ecef_m(t, work.x_m, work.y_m, work.z_m, work.x_m, work.y_m, work.z_m);
}

/// Bucket plan of satellites-only searches: ISL delays, and ground links as seeds.
bucket_plan satellite_search_queue(const topology& graph) {
    double lo = unreachable_s, hi = 0.0;
    for (std::size_t e = 0; e < graph.delay_s.size(); ++e) {
        if (graph.kind[e] == link_kind::isl) lo = std::min(lo, graph.delay_s[e]);
        hi = std::max(hi, graph.delay_s[e]);
    }
    return plan_buckets(lo, hi);
}

/// The tree of search d at `step` into work.delay_s and work.next, with work.watch as the search leaves it: the
/// tree kept from the step before when its check passes (N-w), else a fresh search over the ISL rows (recorded for
/// the next step with warm starts). True when the tree was kept.
bool find_tree(const run_context& ctx, std::size_t d, node_index root, std::int64_t step, const bucket_plan& queue,
               step_workspace& work) {
    const topology& graph = work.graph;
    const satellite_rows& rows = work.rows;
    const search_result result{work.delay_s, work.next};
    ++work.searches;
    work.delay_s[rows.satellites] = -unreachable_s;  // the padding node of the four-wide rows
    kept_tree& tree = work.kept[d];
    const bool warm = rows.four_wide && ctx.run.warm_start;
    if (warm && tree.due(step)) {
        const tree_check check{graph, rows, root, ctx.plan.root_partners[d]};
        if (reuse_tree(tree, check, work.marks, result, work.watch)) {
            ++work.trees_kept;
            tree.note_kept(step);
            return true;
        }
        tree.note_failed(step);
        work.watch.forget_found();
    }
    work.seeds.clear();
    for (int e = graph.offsets[root]; e < graph.offsets[root + 1]; ++e) {
        work.seeds.push_back({graph.targets[e], graph.delay_s[e], root});
    }
    search_options options{work.seeds, 0, queue, nullptr};
    if (warm) {
        tree.order.clear();
        options.settle_order = &tree.order;
        search(rows.four(), options, result, work.space, work.watch);
        tree.keep(work.next, rows, step);
    } else if (rows.four_wide) {
        search(rows.four(), options, result, work.space, work.watch);
    } else {
        search(rows.heads_of(graph), options, result, work.space, work.watch);
    }
    return false;
}

/// Pair q's RTT, hops and path at `step` from the tree of its root (`searched`: a tree was found; `reused`: it is
/// the step before's).
void record_satellite_route(const run_context& ctx, std::size_t q, node_index root, bool searched, bool reused,
                            std::int64_t step, step_workspace& work, step_paths& paths, route_run& out) {
    const node_index satellites = ctx.plan.satellites;
    const node_index last_via = work.last_via[q];
    work.last_via[q] = no_node;  // set again below when the pair has a path
    const node_index src = satellites + ctx.pairs[q].src, dst = satellites + ctx.pairs[q].dst;
    const node_index far = root == dst ? src : dst;  // the end away from the search's root
    pair_series& series = out.pairs[q];
    std::vector<node_index>& path = paths.nodes;
    paths.start[q] = path.size();
    if (src == dst) {
        series.rtt_s[step] = 0.0;
        path.push_back(dst);
        return;
    }
    if (!searched) return;
    // The far end's ground link into the nearest (by path delay) satellite, as the watcher found it.
    const int slot = work.watch.slot_of_node(far);
    if (slot < 0) return;  // no ground link
    const double best = work.watch.best_s[slot];
    const node_index via = work.watch.via[slot];
    if (!std::isfinite(best)) return;
    // Hypatia print_routes_and_rtt.py: RTT = (forward + reverse length) / c; links are symmetric.
    series.rtt_s[step] = 2.0 * best;
    work.last_via[q] = via;
    if (reused && last_via == via) {
        // The tree of the step before, entered at the same satellite: the same path.
        paths.start[q] = step_paths::unchanged;
        series.hops[step] = series.hops[step - 1];
        return;
    }
    path.push_back(far);
    for (node_index v = via; v < satellites; v = work.next[v]) path.push_back(v);
    path.push_back(root);
    // Kept in the search's order (far end to root); flipped where a change is stored (route_plan::flipped).
    series.hops[step] = static_cast<int>(path.size() - paths.start[q]) - 1;
}

/// Satellites-only searches, one per root (route_plan).
void route_satellites_only(const run_context& ctx, std::int64_t step, step_workspace& work, step_paths& paths,
                           route_run& out) {
    const route_plan& plan = ctx.plan;
    work.rows.build(work.graph);
    const bucket_plan queue = satellite_search_queue(work.graph);
    if (work.kept.size() != plan.roots.size()) work.kept.assign(plan.roots.size(), kept_tree{});
    work.last_via.resize(ctx.pairs.size(), no_node);
    for (std::size_t d = 0; d < plan.roots.size(); ++d) {
        const node_index root = plan.satellites + plan.roots[d];
        work.space.begin(work.rows.satellites);
        // The partners' satellites are marked wanted; each partner gets a slot in the watcher.
        const int wanted = work.watch.begin(work.graph, work.rows.isl_end, root, plan.root_partners[d],
                                            work.delay_s.data(), work.space);
        const bool reused = wanted > 0 && find_tree(ctx, d, root, step, queue, work);
        for (const std::size_t q : plan.root_pairs[d]) {
            record_satellite_route(ctx, q, root, wanted > 0, reused, step, work, paths, out);
            paths.end[q] = paths.nodes.size();
        }
    }
}

/// Whole-topology searches, one per destination, each stopped once all its sources are settled.
void route_over_topology(const run_context& ctx, std::int64_t step, step_workspace& work, step_paths& paths,
                         route_run& out) {
    const route_plan& plan = ctx.plan;
    const topology& graph = work.graph;
    const auto [lo, hi] = delay_range(graph, false);
    const bucket_plan queue = plan_buckets(lo, hi);
    for (std::size_t d = 0; d < plan.dests.size(); ++d) {
        ++work.searches;
        const node_index dst = plan.satellites + plan.dests[d];
        const topology_rows rows = rows_of(graph, dst, ctx.options.ground_relays);
        work.space.begin(rows.nodes);
        int wanted = 0;
        for (const node_index v : plan.dest_sources[d]) {
            if (v == dst) continue;
            work.space.want(v);
            ++wanted;
        }
        const seed from[1] = {{dst, 0.0, no_node}};
        search(rows, {from, wanted, queue, nullptr}, {work.delay_s, work.next}, work.space);
        for (const std::size_t q : plan.dest_pairs[d]) {
            const node_index src = plan.satellites + ctx.pairs[q].src;
            std::vector<node_index>& path = paths.nodes;
            paths.start[q] = path.size();
            const double one_way = work.delay_s[src];
            if (std::isfinite(one_way)) {
                out.pairs[q].rtt_s[step] = 2.0 * one_way;
                for (node_index v = src; v != no_node; v = work.next[v]) path.push_back(v);
                out.pairs[q].hops[step] = static_cast<int>(path.size() - paths.start[q]) - 1;
            }
            paths.end[q] = path.size();
        }
    }
}

}  // namespace

void start_run(step_workspace& work) {
    for (kept_tree& tree : work.kept) tree.forget();
    std::fill(work.last_via.begin(), work.last_via.end(), no_node);
}

void route_step(const run_context& ctx, const block_positions& block, std::size_t k, epoch t, std::int64_t step,
                step_workspace& work, step_paths& paths, route_run& out) {
    ecef_positions(block, k, t, work);
    const orbit::vec3 r_moon = ctx.inputs.moon_terminals.empty() ? orbit::vec3{} : moon_position_ecef(t);
    build_topology_into(work.graph, {work.x_m, work.y_m, work.z_m}, ctx.inputs, r_moon, work.scratch);
    const std::size_t nodes = work.graph.offsets.size() - 1;
    work.delay_s.resize(nodes + 1);  // + 1: the padding node of the four-wide rows
    work.next.resize(nodes + 1);
    paths.nodes.clear();
    if (ctx.plan.satellites_only) {
        route_satellites_only(ctx, step, work, paths, out);
    } else {
        route_over_topology(ctx, step, work, paths, out);
    }
}

}  // namespace kardashev::network::detail
