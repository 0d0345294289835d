#include "kardashev/network/flow.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::network {

namespace {

constexpr double max_capacity_bps = 9007199254740992.0;  // 2^53: whole bit/s stay exact in a double
constexpr std::int64_t unbounded = std::numeric_limits<std::int64_t>::max();

/// Checks the graph and the end points; returns the node count and flags the sources.
int check_inputs(const topology& g, std::span<const int> sources, int sink, std::vector<std::uint8_t>& is_source) {
    if (g.offsets.empty() || g.targets.size() != static_cast<std::size_t>(g.offsets.back()) ||
        g.capacity_bps.size() != g.targets.size()) {
        throw input_error(fmt::format("max flow: topology arrays disagree ({} offsets, {} targets, {} capacities)",
                                      g.offsets.size(), g.targets.size(), g.capacity_bps.size()));
    }
    const int n = static_cast<int>(g.offsets.size()) - 1;
    if (sink < 0 || sink >= n) throw input_error(fmt::format("max flow: sink {} is not a node of the graph (0..{})", sink, n - 1));
    if (sources.empty()) throw input_error("max flow: expected at least one source");
    is_source.assign(static_cast<std::size_t>(n), 0);
    for (const int s : sources) {
        if (s < 0 || s >= n) throw input_error(fmt::format("max flow: source {} is not a node of the graph (0..{})", s, n - 1));
        if (s == sink) throw input_error(fmt::format("max flow: node {} is both a source and the sink", s));
        is_source[static_cast<std::size_t>(s)] = 1;
    }
    double into_sink = 0.0;
    for (std::size_t e = 0; e < g.capacity_bps.size(); ++e) {
        const double c = g.capacity_bps[e];
        if (!(c >= 0.0 && c <= max_capacity_bps)) {
            throw input_error(fmt::format("max flow: edge {}: expected a capacity in [0, 2^53] bit/s, got {:g}", e, c));
        }
        if (g.targets[e] == sink) into_sink += c;
    }
    if (into_sink > 0x1p62) throw domain_error("max flow: the sink's links carry more than 2^62 bit/s in all");
    return n;
}

/// Whether flow may enter node v: relays, sources, the sink, or any node with ground relays.
bool passes(const topology& g, const std::vector<std::uint8_t>& is_source, int sink, bool ground_relays, int v) {
    const auto i = static_cast<std::size_t>(v);
    return v == sink || is_source[i] != 0 || ground_relays || i >= g.relay.size() || g.relay[i] != 0;
}

/// Residual graph of Dinic's algorithm over flat arrays: arc 2e is CSR edge e, arc 2e + 1 its reverse (capacity
/// 0), then a super source (node n) with an unbounded arc to each source; arcs of node x are
/// adj[first[x] .. first[x + 1]).
struct residual {
    std::vector<int> head;             //!< node an arc points to
    std::vector<std::int64_t> cap;     //!< residual capacity of an arc [bit/s]
    std::vector<int> first;            //!< CSR offsets into adj per node (n + 1 nodes)
    std::vector<int> adj;              //!< arc ids grouped by tail
    std::vector<int> level;            //!< BFS level from the super source, -1 unreached
    std::vector<int> next_arc;         //!< current-arc pointer per node (Dinic's pruning)
    int sink = 0;

    bool bfs(int s) {
        std::fill(level.begin(), level.end(), -1);
        std::vector<int> queue{s};
        level[static_cast<std::size_t>(s)] = 0;
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const int x = queue[q];
            for (int k = first[static_cast<std::size_t>(x)]; k < first[static_cast<std::size_t>(x) + 1]; ++k) {
                const auto a = static_cast<std::size_t>(adj[static_cast<std::size_t>(k)]);
                const auto y = static_cast<std::size_t>(head[a]);
                if (cap[a] > 0 && level[y] < 0) {
                    level[y] = level[static_cast<std::size_t>(x)] + 1;
                    queue.push_back(head[a]);
                }
            }
        }
        return level[static_cast<std::size_t>(sink)] >= 0;
    }

    /// One augmenting path in the level graph from x carrying at most `pushed`; 0 when x is a dead end.
    std::int64_t dfs(int x, std::int64_t pushed) {
        if (x == sink) return pushed;
        const auto xi = static_cast<std::size_t>(x);
        for (int& k = next_arc[xi]; k < first[xi + 1]; ++k) {
            const auto a = static_cast<std::size_t>(adj[static_cast<std::size_t>(k)]);
            const int y = head[a];
            if (cap[a] <= 0 || level[static_cast<std::size_t>(y)] != level[xi] + 1) continue;
            const std::int64_t d = dfs(y, std::min(pushed, cap[a]));
            if (d > 0) {
                cap[a] -= d;      // forward residual
                cap[a ^ 1U] += d;  // reverse residual
                return d;
            }
        }
        return 0;
    }
};

}  // namespace

flow_result max_flow(const topology& g, std::span<const int> sources, int sink, bool ground_relays) {
    std::vector<std::uint8_t> is_source;
    const int n = check_inputs(g, sources, sink, is_source);
    const std::size_t m = g.targets.size();
    const std::size_t arcs = 2 * m + 2 * sources.size();
    residual r;
    r.sink = sink;
    r.head.resize(arcs);
    r.cap.assign(arcs, 0);
    std::vector<int> tail(arcs);
    for (int u = 0; u < n; ++u) {
        for (int e = g.offsets[static_cast<std::size_t>(u)]; e < g.offsets[static_cast<std::size_t>(u) + 1]; ++e) {
            const auto i = static_cast<std::size_t>(e);
            const int v = g.targets[i];
            tail[2 * i] = u;
            r.head[2 * i] = v;
            tail[2 * i + 1] = v;
            r.head[2 * i + 1] = u;
            if (passes(g, is_source, sink, ground_relays, v)) r.cap[2 * i] = std::llround(g.capacity_bps[i]);
        }
    }
    for (std::size_t k = 0; k < sources.size(); ++k) {
        tail[2 * m + 2 * k] = n;
        r.head[2 * m + 2 * k] = sources[k];
        r.cap[2 * m + 2 * k] = unbounded;
        tail[2 * m + 2 * k + 1] = sources[k];
        r.head[2 * m + 2 * k + 1] = n;
    }
    const auto nodes = static_cast<std::size_t>(n) + 1;
    r.first.assign(nodes + 1, 0);
    for (const int t : tail) ++r.first[static_cast<std::size_t>(t) + 1];
    for (std::size_t x = 0; x < nodes; ++x) r.first[x + 1] += r.first[x];
    r.adj.resize(arcs);
    std::vector<int> fill(r.first.begin(), r.first.end() - 1);
    for (std::size_t a = 0; a < arcs; ++a) r.adj[static_cast<std::size_t>(fill[static_cast<std::size_t>(tail[a])]++)] = static_cast<int>(a);
    r.level.resize(nodes);

    // Dinic 1970 (Even 1975 form): BFS levels, then a blocking flow by DFS with current-arc pointers, until the
    // sink is unreachable in the residual graph; O(V^2 E).
    std::int64_t total = 0;
    while (r.bfs(n)) {
        r.next_arc.assign(r.first.begin(), r.first.end() - 1);
        while (const std::int64_t d = r.dfs(n, unbounded)) total += d;
    }

    flow_result out;
    out.flow_bps = static_cast<double>(total);
    std::vector<std::int64_t> f(m);
    for (std::size_t i = 0; i < m; ++i) f[i] = r.cap[2 * i + 1];  // flow on edge i = its reverse residual
    // Cancel flow sent both ways over a link (u->v against v->u): conservation and the value are unchanged.
    for (int u = 0; u < n; ++u) {
        for (int e = g.offsets[static_cast<std::size_t>(u)]; e < g.offsets[static_cast<std::size_t>(u) + 1]; ++e) {
            auto& fe = f[static_cast<std::size_t>(e)];
            const int v = g.targets[static_cast<std::size_t>(e)];
            for (int b = g.offsets[static_cast<std::size_t>(v)]; fe > 0 && b < g.offsets[static_cast<std::size_t>(v) + 1]; ++b) {
                auto& fb = f[static_cast<std::size_t>(b)];
                if (g.targets[static_cast<std::size_t>(b)] != u || fb <= 0) continue;
                const std::int64_t c = std::min(fe, fb);
                fe -= c;
                fb -= c;
            }
        }
    }
    out.edge_flow_bps.assign(f.begin(), f.end());
    out.source_side.resize(static_cast<std::size_t>(n));
    // After the last BFS the nodes still reached from the super source are the source side of a minimum cut
    // (max-flow min-cut theorem, Ford and Fulkerson 1956).
    for (std::size_t x = 0; x < static_cast<std::size_t>(n); ++x) out.source_side[x] = static_cast<std::uint8_t>(r.level[x] >= 0 ? 1 : 0);
    return out;
}

double disjoint_paths_flow_bps(const topology& g, std::span<const int> sources, int sink, bool ground_relays) {
    std::vector<std::uint8_t> is_source;
    const int n = check_inputs(g, sources, sink, is_source);
    const auto nodes = static_cast<std::size_t>(n);
    std::vector<std::uint8_t> used(g.targets.size(), 0);
    std::vector<double> dist(nodes);
    std::vector<int> via(nodes);  // edge that reached each node, -1 at a source
    using item = std::pair<double, int>;
    double total = 0.0;
    while (true) {
        std::fill(dist.begin(), dist.end(), std::numeric_limits<double>::infinity());
        std::fill(via.begin(), via.end(), -1);
        std::priority_queue<item, std::vector<item>, std::greater<>> heap;
        for (const int s : sources) {
            dist[static_cast<std::size_t>(s)] = 0.0;
            heap.emplace(0.0, s);
        }
        // Dijkstra 1959 from all sources at once over unused links with capacity, by delay.
        while (!heap.empty()) {
            const auto [d, x] = heap.top();
            heap.pop();
            if (d > dist[static_cast<std::size_t>(x)] || x == sink) continue;
            for (int e = g.offsets[static_cast<std::size_t>(x)]; e < g.offsets[static_cast<std::size_t>(x) + 1]; ++e) {
                const auto i = static_cast<std::size_t>(e);
                const int y = g.targets[i];
                if (used[i] != 0 || !(g.capacity_bps[i] >= 1.0) || !passes(g, is_source, sink, ground_relays, y)) continue;
                const double dy = d + g.delay_s[i];
                if (dy < dist[static_cast<std::size_t>(y)]) {
                    dist[static_cast<std::size_t>(y)] = dy;
                    via[static_cast<std::size_t>(y)] = e;
                    heap.emplace(dy, y);
                }
            }
        }
        if (via[static_cast<std::size_t>(sink)] < 0) break;
        double bottleneck = std::numeric_limits<double>::infinity();
        for (int x = sink; via[static_cast<std::size_t>(x)] >= 0;) {
            const auto e = static_cast<std::size_t>(via[static_cast<std::size_t>(x)]);
            bottleneck = std::min(bottleneck, std::round(g.capacity_bps[e]));
            // The edge's tail: the node whose CSR range holds e.
            const auto it = std::upper_bound(g.offsets.begin(), g.offsets.end(), static_cast<int>(e));
            const int u = static_cast<int>(it - g.offsets.begin()) - 1;
            used[e] = 1;
            for (int b = g.offsets[static_cast<std::size_t>(x)]; b < g.offsets[static_cast<std::size_t>(x) + 1]; ++b) {
                if (g.targets[static_cast<std::size_t>(b)] == u && used[static_cast<std::size_t>(b)] == 0) {
                    used[static_cast<std::size_t>(b)] = 1;  // the link's other direction
                    break;
                }
            }
            x = u;
        }
        total += bottleneck;
    }
    return total;
}

}  // namespace kardashev::network
