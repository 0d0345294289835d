// Kept shortest-path trees and their check (N-w).

#include "kept_tree.hpp"

#include <algorithm>
#include <optional>

namespace kardashev::network::detail {

namespace {

/// The tree's delays on this step's links, summed in settle order (a seed: its ground link now); its next hops and
/// marks set. Returns the largest delay [s], or nothing when a link of the tree is gone.
std::optional<double> lay_tree(const kept_tree& tree, const tree_check& check, tree_marks& marks, double* delay,
                               node_index* next) {
    const topology& graph = check.graph;
    const std::uint32_t stamp = marks.stamp;
    for (int e = graph.offsets[check.root]; e < graph.offsets[check.root + 1]; ++e) {
        marks.seed_mark[graph.targets[e]] = stamp;
        marks.seed_delay_s[graph.targets[e]] = graph.delay_s[e];
    }
    const node_index* target4 = check.rows.target4.data();
    const double* delay4 = check.rows.delay4_s.data();
    double top = 0.0;
    for (std::size_t i = 0; i < tree.order.size(); ++i) {
        const node_index v = tree.order[i], parent = tree.parent[i];
        double delay_v = 0.0;
        if (parent == check.root) {
            if (marks.seed_mark[v] != stamp) return std::nullopt;  // the ground link is gone
            delay_v = marks.seed_delay_s[v];
        } else {
            const std::size_t e = 4 * static_cast<std::size_t>(v) + tree.slot[i];
            if (target4[e] != parent) return std::nullopt;  // the ISL is gone
            delay_v = delay[parent] + delay4[e];
        }
        delay[v] = delay_v;
        next[v] = parent;
        marks.in_tree[v] = stamp;
        top = std::max(top, delay_v);
    }
    return top;
}

/// Whether every link between two tree nodes, and every root link into the tree, is strictly longer than needed
/// (tight), and the least delay of a link leaving the tree (a lower bound on every satellite outside it) [s].
struct tree_slack {
    bool tight = true;
    double bound_s = unreachable_s;
};

tree_slack slack_of(const kept_tree& tree, const tree_check& check, const tree_marks& marks, const double* delay,
                    const node_index* next) {
    const node_index* target4 = check.rows.target4.data();
    const double* delay4 = check.rows.delay4_s.data();
    const std::uint32_t* in_tree = marks.in_tree.data();
    const std::uint32_t stamp = marks.stamp;
    tree_slack s;
    for (const node_index v : tree.order) {
        const std::size_t row = 4 * static_cast<std::size_t>(v);
        const double delay_v = delay[v];
        const node_index parent = next[v];
        // Without branches: padding (delay +inf) counts as outside and bounds nothing; the delay of a node outside
        // the tree is stale (even NaN at the padding) and is only read where masked off.
        for (std::size_t j = 0; j < 4; ++j) {
            const node_index u = target4[row + j];
            const double link_s = delay4[row + j];
            const bool inside = in_tree[u] == stamp;
            s.tight &= !inside | (u == parent) | (delay[u] + link_s > delay_v);
            s.bound_s = std::min(s.bound_s, inside ? unreachable_s : delay_v + link_s);
        }
    }
    const topology& graph = check.graph;
    for (int e = graph.offsets[check.root]; e < graph.offsets[check.root + 1]; ++e) {
        const node_index sat = graph.targets[e];
        if (in_tree[sat] == stamp) {
            s.tight &= next[sat] == check.root || graph.delay_s[e] > delay[sat];
        } else {
            s.bound_s = std::min(s.bound_s, graph.delay_s[e]);
        }
    }
    return s;
}

/// Offers each partner its ground links into the tree, as the search's watcher would have heard of them.
void replay_partners(const tree_check& check, const tree_marks& marks, const double* delay, partner_watch& watch) {
    const topology& graph = check.graph;
    for (const node_index v : check.partners) {
        const int p = watch.slot_of_node(v);
        if (p < 0) continue;
        for (int e = graph.offsets[v]; e < graph.offsets[v + 1]; ++e) {
            const node_index u = graph.targets[e];
            if (marks.in_tree[u] != marks.stamp) continue;
            watch.offer(p, u, delay[u], delay[u] + graph.delay_s[e]);
        }
    }
}

}  // namespace

void kept_tree::note_kept(std::int64_t now) {
    step = now;
    misses = 0;
}

void kept_tree::note_failed(std::int64_t now) {
    ++misses;
    retry_at = now + (std::int64_t{1} << std::min(misses - 1, 6));
}

void kept_tree::forget() {
    step = -2;
    retry_at = 0;
    misses = 0;
}

void kept_tree::keep(std::span<const node_index> next, const satellite_rows& rows, std::int64_t now) {
    parent.resize(order.size());
    slot.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const node_index v = order[i];
        const node_index p = next[v];
        parent[i] = p;
        std::uint8_t j = 0;
        while (j < 3 && rows.target4[4 * static_cast<std::size_t>(v) + j] != p) ++j;
        slot[i] = j;  // a seed's parent is the root: its slot is never read
    }
    step = now;
}

void tree_marks::begin(std::size_t satellites) {
    in_tree.resize(satellites + 1, 0U);  // + 1: the padding node, never in a tree
    seed_mark.resize(satellites, 0U);
    seed_delay_s.resize(satellites, 0.0);
    if (++stamp == 0) {
        std::fill(in_tree.begin(), in_tree.end(), 0U);
        std::fill(seed_mark.begin(), seed_mark.end(), 0U);
        stamp = 1;
    }
}

bool reuse_tree(const kept_tree& tree, const tree_check& check, tree_marks& marks, search_result result,
                partner_watch& watch) {
    marks.begin(check.rows.satellites);
    double* delay = result.delay_s.data();
    node_index* next = result.next.data();
    const std::optional<double> top = lay_tree(tree, check, marks, delay, next);
    if (!top) return false;
    const tree_slack slack = slack_of(tree, check, marks, delay, next);
    if (!slack.tight || !(*top < slack.bound_s)) return false;
    replay_partners(check, marks, delay, watch);
    return slack.bound_s == unreachable_s || watch.done(slack.bound_s);
}

}  // namespace kardashev::network::detail
