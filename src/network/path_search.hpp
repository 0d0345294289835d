#pragma once
// Shortest-delay search over the rows of a CSR graph (private): Dijkstra (1959) with Dial's bucket queue, or a heap
// where the delays do not suit buckets (docs/models/network.md N-l).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "kardashev/network/routing.hpp"
#include "node_index.hpp"
#include "search_queues.hpp"

namespace kardashev::network::detail {

/// A node a search starts from, with its initial delay [s] and next hop.
struct seed {
    node_index node = 0;
    double delay_s = 0.0;
    node_index next = no_node;
};

// Row views: what a search reads of a graph. Each gives the edges of node u as [row(u).first, row(u).second) of
// `target` and `delay_s`, says whether paths may pass through u (relays), and bounds the search's size: `nodes` (the
// delay and next arrays' length) and `edges` (of all rows together). fixed_width > 0: every row has that many edges.

/// Every edge of a topology; a node relays when the topology marks it, when it is the search's root, or with
/// ground relays.
struct topology_rows {
    static constexpr int fixed_width = 0;
    const int* offsets = nullptr;
    const node_index* target = nullptr;
    const double* delay_s = nullptr;
    const std::uint8_t* relay = nullptr;
    node_index root = 0;
    bool ground_relays = false;
    std::size_t nodes = 0;
    std::size_t edges = 0;
    [[nodiscard]] std::pair<int, int> row(node_index u) const { return {offsets[u], offsets[u + 1]}; }
    [[nodiscard]] bool relays(node_index u) const { return relay[u] != 0 || u == root || ground_relays; }
};

/// The satellites' ISLs only: the head of each satellite's topology row, up to isl_end[u] (topology's row order).
struct isl_rows {
    static constexpr int fixed_width = 0;
    const int* offsets = nullptr;
    const int* isl_end = nullptr;
    const node_index* target = nullptr;
    const double* delay_s = nullptr;
    std::size_t nodes = 0;
    std::size_t edges = 0;
    [[nodiscard]] std::pair<int, int> row(node_index u) const { return {offsets[u], isl_end[u]}; }
    [[nodiscard]] static bool relays(node_index) { return true; }
};

/// The satellites' ISLs as rows of exactly four (a +Grid), padded with edges of infinite delay (satellite_rows).
struct four_isl_rows {
    static constexpr int fixed_width = 4;
    const node_index* target = nullptr;
    const double* delay_s = nullptr;
    std::size_t nodes = 0;
    std::size_t edges = 0;
    [[nodiscard]] static std::pair<int, int> row(node_index u) { return {4 * u, 4 * u + 4}; }
    [[nodiscard]] static bool relays(node_index) { return true; }
};

/// Per-thread state of the searches, reused from search to search so a search allocates nothing once warm.
struct search_space {
    std::vector<std::uint32_t> wanted;  //!< == stamp: the current search may stop once all are settled
    std::uint32_t stamp = 0;            //!< the current search's mark
    node_heap heap;                     //!< the heap, where the delays do not suit buckets
    bucket_ring ring;                   //!< the bucket queue's storage

    /// Starts a search over `nodes` nodes: a fresh stamp (no node wanted).
    void begin(std::size_t nodes) {
        if (wanted.size() < nodes) wanted.resize(nodes, 0);
        if (++stamp == 0) {
            std::fill(wanted.begin(), wanted.end(), 0U);
            stamp = 1;
        }
    }
    /// Marks v wanted by the current search; true when it was not yet.
    bool want(node_index v) {
        const bool fresh = wanted[v] != stamp;
        wanted[v] = stamp;
        return fresh;
    }
};

/// What a search starts from and when it stops.
struct search_options {
    std::span<const seed> seeds;  //!< the nodes it starts from
    int wanted_count = 0;         //!< stop once this many wanted nodes (search_space::want) are settled; 0: never
    bucket_plan queue;            //!< Dial's buckets for the rows' edge delays (and seeds), or the heap
    std::vector<node_index>* settle_order = nullptr;  //!< when set, settled nodes are appended (caller clears it)
};

/// Where a search writes: the shortest delay to the seeds of each node [s] (unreachable_s when no path reaches it)
/// and its next hop towards them (the seed's `next` at a seed); at least `nodes` elements of the rows each.
struct search_result {
    std::span<double> delay_s;
    std::span<node_index> next;
};

/// A search watcher that never stops a search early.
struct no_watch {
    void settled(node_index) const {}
    [[nodiscard]] bool done(double) const { return false; }
};

/// The heap's Dijkstra; see search. Record: options.settle_order is set (a compile-time copy keeps the loop lean).
template <bool Record, class Rows, class Watch>
void search_with_heap(Rows rows, const search_options& options, double* delay, node_index* next, search_space& space,
                      Watch& watch) {
    node_heap& heap = space.heap;
    heap.reset(rows.nodes);
    for (const seed& start : options.seeds) {
        if (start.delay_s < delay[start.node]) {
            delay[start.node] = start.delay_s;
            next[start.node] = start.next;
            heap.push_or_decrease(delay, start.node);
        }
    }
    const std::uint32_t stamp = space.stamp;
    const std::uint32_t* wanted = space.wanted.data();
    std::vector<node_index>* const order = options.settle_order;
    int wanted_left = options.wanted_count;
    while (!heap.items.empty()) {
        if (watch.done(delay[heap.items.front()])) break;
        const node_index u = heap.pop(delay);
        if constexpr (Record) order->push_back(u);
        if (wanted[u] == stamp) {
            watch.settled(u);
            if (--wanted_left == 0) break;
        }
        if (!rows.relays(u)) continue;
        const double delay_u = delay[u];
        const auto [first, last] = rows.row(u);
        for (int e = first; e < last; ++e) {
            const node_index v = rows.target[e];
            const double through_u = delay_u + rows.delay_s[e];
            if (through_u < delay[v]) {
                delay[v] = through_u;
                next[v] = u;
                heap.push_or_decrease(delay, v);
            }
        }
    }
    heap.forget_queued();
}

/// Dial's bucket queue's Dijkstra (N-l: every node of the lowest bucket not scanned yet is final, so a bucket is
/// settled in insertion order; a node improved into another bucket is pushed there too and skipped as stale in its
/// old one; improved within its bucket it is not pushed again); see search. Record as for search_with_heap.
template <bool Record, class Rows, class Watch>
void search_with_buckets(Rows rows, const search_options& options, double* delay, node_index* next,
                         search_space& space, Watch& watch) {
    bucket_ring& ring = space.ring;
    // A node is pushed at most once per improvement, so a search pushes at most its seeds plus one per edge.
    ring.reserve(options.queue.mask + 1, rows.edges + options.seeds.size() + 1);
    node_index* const slots = ring.nodes.data();
    node_index** const tail = ring.tail.data();
    const std::size_t capacity = ring.slot_capacity;
    const double inv_width = options.queue.inv_width_per_s;
    const std::size_t mask = options.queue.mask;
    const node_index* const target = rows.target;
    const double* const edge_delay = rows.delay_s;
    std::size_t bucket = std::numeric_limits<std::size_t>::max();  // the bucket being scanned
    std::size_t pending = 0;                                       // nodes in the ring, stale ones included
    for (const seed& start : options.seeds) {
        const double old = delay[start.node];
        if (start.delay_s < old) {
            delay[start.node] = start.delay_s;
            next[start.node] = start.next;
            const std::int64_t k = bucket_of(start.delay_s, inv_width);
            if (old == unreachable_s || k != bucket_of(old, inv_width)) {
                *tail[static_cast<std::size_t>(k) & mask]++ = start.node;
                bucket = std::min(bucket, static_cast<std::size_t>(k));
                ++pending;
            }
        }
    }
    const std::uint32_t stamp = space.stamp;
    const std::uint32_t* wanted = space.wanted.data();
    std::vector<node_index>* const order = options.settle_order;
    int wanted_left = options.wanted_count;
    const double width_s = 1.0 / inv_width;
    while (pending > 0) {
        // Every node not settled yet lies in this bucket or later: its delay is at least bucket x width (less a
        // relative 1e-12 for the rounding of floor(d / width)).
        if (watch.done(static_cast<double>(bucket) * width_s * (1.0 - 1e-12))) {
            ring.empty();
            return;
        }
        const std::size_t slot = bucket & mask;
        const node_index* members = slots + slot * capacity;
        // Relaxing out of a bucket lands in a later one (N-l), so this slot's count is fixed during its scan.
        const auto size = static_cast<std::size_t>(tail[slot] - members);
        for (std::size_t i = 0; i < size; ++i) {
            const node_index u = members[i];
            // Stale: u was pushed here, then improved into an earlier bucket and settled there.
            if (static_cast<std::size_t>(bucket_of(delay[u], inv_width)) != bucket) continue;
            if constexpr (Record) order->push_back(u);
            if (wanted[u] == stamp) {
                watch.settled(u);
                if (--wanted_left == 0) {
                    ring.empty();
                    return;
                }
            }
            if (!rows.relays(u)) continue;
            const double delay_u = delay[u];
            const auto relax = [&](int e) {
                const node_index v = target[e];
                const double through_u = delay_u + edge_delay[e];
                const double old = delay[v];
                if (through_u < old) {
                    delay[v] = through_u;
                    next[v] = u;
                    // Still in the bucket of its last push: it is settled from there (any order within a bucket).
                    const std::int64_t k = bucket_of(through_u, inv_width);
                    if (old == unreachable_s || k != bucket_of(old, inv_width)) {
                        *tail[static_cast<std::size_t>(k) & mask]++ = v;
                        ++pending;
                    }
                }
            };
            const auto [first, last] = rows.row(u);
            if constexpr (Rows::fixed_width > 0) {
#pragma GCC unroll 8
                for (int j = 0; j < Rows::fixed_width; ++j) relax(first + j);
            } else {
                for (int e = first; e < last; ++e) relax(e);
            }
        }
        pending -= size;
        tail[slot] = slots + slot * capacity;
        ++bucket;
    }
}

/// Dijkstra (1959) from `options.seeds` over `rows`: fills `result` (nodes not settled at a stop keep tentative
/// values). Relaxes only out of nodes the rows let relay. Call space.begin first and mark the wanted nodes; stops
/// once options.wanted_count of them are settled, or once watch.done(L) holds for a lower bound L [s] on the delay
/// of every node not yet settled (asked before each bucket, or each pop of the heap); watch.settled(u) hears of each
/// wanted node u as it settles. Edge delays (and seed delays) must lie in the range options.queue was planned for.
template <class Rows, class Watch = no_watch>
void search(const Rows& rows, const search_options& options, search_result result, search_space& space,
            Watch&& watch = {}) {
    double* const delay = result.delay_s.data();
    node_index* const next = result.next.data();
    std::fill(delay, delay + rows.nodes, unreachable_s);
    std::fill(next, next + rows.nodes, no_node);
    const bool record = options.settle_order != nullptr;
    if (options.queue.uses_heap()) {
        if (record) {
            search_with_heap<true>(rows, options, delay, next, space, watch);
        } else {
            search_with_heap<false>(rows, options, delay, next, space, watch);
        }
    } else if (record) {
        search_with_buckets<true>(rows, options, delay, next, space, watch);
    } else {
        search_with_buckets<false>(rows, options, delay, next, space, watch);
    }
}

/// Smallest and largest edge delay of a topology [s], over ISLs only or over every edge.
[[nodiscard]] std::pair<double, double> delay_range(const topology& graph, bool isl_only);

/// Rows of every edge of `graph` for a search from `root`.
[[nodiscard]] topology_rows rows_of(const topology& graph, node_index root, bool ground_relays);

}  // namespace kardashev::network::detail
