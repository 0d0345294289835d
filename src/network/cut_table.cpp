// The delivery cut table over a geometry kept across capacity sets: one residual graph per snapshot, and each
// region subset's max flow started from the flow and distance labels of the subset without its last region, undone
// in place for the next (docs/models/network.md "Delivery", N-s).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/network/delivery.hpp"

namespace kardashev::network {

namespace {

constexpr double max_capacity_bps = 9007199254740992.0;  // 2^53, as flow.hpp's max_flow
constexpr std::int64_t unbounded = std::numeric_limits<std::int64_t>::max();

/// A snapshot's residual graph for the max flows, arcs grouped by tail: arcs of node x are [first[x],
/// first[x + 1]), each with its head and its reverse arc. Node `source` (the last) is a super source with an arc to
/// each region's station; its arcs start closed and a subset opens them.
struct residual_graph {
    std::vector<int> first;        //!< per node (and one past the last): its first arc
    std::vector<int> head;         //!< per arc: the node it points to
    std::vector<int> reverse;      //!< per arc: its reverse arc
    std::vector<int> edge_arc;     //!< per topology edge: its forward arc
    std::vector<int> region_arc;   //!< per region: the super source's arc to its station
    int source = 0;
    int sink = 0;
};

residual_graph residual_of(const topology& g, std::span<const int> region_nodes) {
    const int n = static_cast<int>(g.offsets.size()) - 1;
    residual_graph r;
    r.source = n;
    r.sink = n - 1;  // with_super_sink's node
    const auto nodes = static_cast<std::size_t>(n) + 1;
    std::vector<int> out_degree(nodes, 0);
    for (int u = 0; u < n; ++u) {
        for (int e = g.offsets[static_cast<std::size_t>(u)]; e < g.offsets[static_cast<std::size_t>(u) + 1]; ++e) {
            ++out_degree[static_cast<std::size_t>(u)];
            ++out_degree[static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)])];
        }
    }
    for (const int v : region_nodes) {
        ++out_degree[static_cast<std::size_t>(n)];
        ++out_degree[static_cast<std::size_t>(v)];
    }
    r.first.assign(nodes + 1, 0);
    for (std::size_t x = 0; x < nodes; ++x) r.first[x + 1] = r.first[x] + out_degree[x];
    const auto arcs = static_cast<std::size_t>(r.first.back());
    r.head.resize(arcs);
    r.reverse.resize(arcs);
    std::vector<int> fill(r.first.begin(), r.first.end() - 1);
    auto link = [&](int u, int v) {
        const int a = fill[static_cast<std::size_t>(u)]++;
        const int b = fill[static_cast<std::size_t>(v)]++;
        r.head[static_cast<std::size_t>(a)] = v;
        r.reverse[static_cast<std::size_t>(a)] = b;
        r.head[static_cast<std::size_t>(b)] = u;
        r.reverse[static_cast<std::size_t>(b)] = a;
        return a;
    };
    r.edge_arc.resize(g.targets.size());
    for (int u = 0; u < n; ++u) {
        for (int e = g.offsets[static_cast<std::size_t>(u)]; e < g.offsets[static_cast<std::size_t>(u) + 1]; ++e)
            r.edge_arc[static_cast<std::size_t>(e)] = link(u, g.targets[static_cast<std::size_t>(e)]);
    }
    for (const int v : region_nodes) r.region_arc.push_back(link(n, v));
    return r;
}

/// The shortest augmenting path algorithm with distance labels (Ahuja & Orlin 1987; Ahuja, Magnanti & Orlin,
/// "Network Flows", 1993, sec. 7.4) on a residual graph whose capacities it holds. Labels d(x) are valid: d(sink) =
/// 0 and d(x) <= d(y) + 1 for each arc x -> y with room, so d(x) is at most x's residual distance to the sink (arcs
/// into the super source are never on an augmenting path, so they are left out). The search advances along arcs
/// with room and d(x) = d(y) + 1, augments at the sink, else raises d(x) to 1 + the lowest d(y) over its arcs with
/// room and retreats. When a relabel leaves a label value g with no node (the gap, AMO sec. 7.4, "a practical
/// improvement"), no node labelled g or more can reach the sink, the source among them: they are labelled `nodes`
/// (Cherkassky & Goldberg 1997, gap relabelling) and the flow is maximum. Exact labels (a backward BFS from the sink)
/// again after every `nodes` relabels (global relabelling, same source). A max flow ends with valid labels, so the
/// next subset's flow starts from them instead of a BFS; pushes are logged, so a subset's flow is undone in place
/// instead of copied. Any maximum flow has the same value, so the cut table is that of any other max-flow algorithm
/// (docs/models/network.md "Delivery").
class shortest_paths_flow {
public:
    shortest_paths_flow(const residual_graph& g, std::vector<std::int64_t> cap)
        : m_g(g), m_cap(std::move(cap)), m_nodes(static_cast<int>(g.first.size()) - 1), m_dist(g.first.size() - 1),
          m_count(g.first.size() + 1), m_next(g.first.size() - 1), m_queue(g.first.size() - 1), m_path(g.first.size()) {
        relabel_exactly();
    }

    /// Augments the flow to a maximum from the current labels; returns the flow added. Each push is logged.
    std::int64_t augment() {
        start_search();
        std::int64_t added = 0;
        int relabels = 0;
        while (m_dist[static_cast<std::size_t>(m_g.source)] < m_nodes) {
            if (m_at == m_g.sink) {
                added += push_path();
                continue;
            }
            if (advance()) continue;
            if (const int gap = relabel(); gap >= 0) {
                cut_off_from(gap);  // no augmenting path is left
                break;
            }
            if (++relabels >= m_nodes) {
                relabels = 0;
                relabel_exactly();
            }
        }
        return added;
    }

    /// Gives arc `a` (a super source's arc, holding no flow) unbounded room, or none again.
    void open(int a, bool open) { m_cap[static_cast<std::size_t>(a)] = open ? unbounded : 0; }

    /// The pushes logged so far, and undoing those after the first `mark` (the flow as it was then).
    [[nodiscard]] std::size_t mark() const { return m_log.size(); }
    void undo(std::size_t mark) {
        for (std::size_t i = m_log.size(); i > mark; --i) {
            const auto [a, amount] = m_log[i - 1];
            m_cap[a] += amount;
            m_cap[static_cast<std::size_t>(m_g.reverse[a])] -= amount;
        }
        m_log.resize(mark);
    }

    /// The distance labels, valid for the flow at the end of the last augment(); setting them back is valid when
    /// the flow is undone to what it was then.
    [[nodiscard]] const std::vector<int>& labels() const { return m_dist; }
    void set_labels(const std::vector<int>& labels) { std::copy(labels.begin(), labels.end(), m_dist.begin()); }

private:
    /// Exact labels (residual distance to the sink, m_nodes where none) and a fresh search from the source.
    void relabel_exactly() {
        std::fill(m_dist.begin(), m_dist.end(), m_nodes);
        std::size_t tail = 0;
        m_queue[tail++] = m_g.sink;
        m_dist[static_cast<std::size_t>(m_g.sink)] = 0;
        for (std::size_t q = 0; q < tail; ++q) {
            const auto y = static_cast<std::size_t>(m_queue[q]);
            for (int a = m_g.first[y]; a < m_g.first[y + 1]; ++a) {
                const auto x = static_cast<std::size_t>(m_g.head[static_cast<std::size_t>(a)]);
                if (m_dist[x] == m_nodes && m_cap[static_cast<std::size_t>(m_g.reverse[static_cast<std::size_t>(a)])] > 0) {
                    m_dist[x] = m_dist[y] + 1;
                    m_queue[tail++] = static_cast<int>(x);
                }
            }
        }
        start_search();
    }

    /// A fresh search from the source: the source's label from its arcs with room (the only labels an opened arc
    /// can leave invalid), the count of each label value, every node's current arc its first.
    void start_search() {
        const auto s = static_cast<std::size_t>(m_g.source);
        m_dist[s] = m_nodes;
        for (int a = m_g.first[s]; a < m_g.first[s + 1]; ++a) {
            if (m_cap[static_cast<std::size_t>(a)] > 0)
                m_dist[s] = std::min(m_dist[s], m_dist[static_cast<std::size_t>(m_g.head[static_cast<std::size_t>(a)])] + 1);
        }
        std::fill(m_count.begin(), m_count.end(), 0);
        for (const int d : m_dist) ++m_count[static_cast<std::size_t>(d)];
        std::copy(m_g.first.begin(), m_g.first.end() - 1, m_next.begin());
        m_at = m_g.source;
        m_depth = 0;
    }

    /// Steps from the search's node along its current admissible arc (residual room, label one lower), if any.
    bool advance() {
        const auto x = static_cast<std::size_t>(m_at);
        const int want = m_dist[x] - 1;
        const int end = m_g.first[x + 1];
        int a = m_next[x];
        while (a < end && !(m_cap[static_cast<std::size_t>(a)] > 0 &&
                             m_dist[static_cast<std::size_t>(m_g.head[static_cast<std::size_t>(a)])] == want))
            ++a;
        m_next[x] = a;
        if (a == end) return false;
        m_path[m_depth++] = a;
        m_at = m_g.head[static_cast<std::size_t>(a)];
        return true;
    }

    /// Raises the search node's label to one above its lowest residual neighbour and retreats one arc; returns -1,
    /// or the node's old label value when that is left with no node (the gap), the label then unchanged.
    int relabel() {
        const auto x = static_cast<std::size_t>(m_at);
        int lowest = m_nodes;
        for (int a = m_g.first[x]; a < m_g.first[x + 1]; ++a) {
            if (m_cap[static_cast<std::size_t>(a)] > 0)
                lowest = std::min(lowest, m_dist[static_cast<std::size_t>(m_g.head[static_cast<std::size_t>(a)])] + 1);
        }
        if (--m_count[static_cast<std::size_t>(m_dist[x])] == 0) return m_dist[x];
        m_dist[x] = lowest;
        ++m_count[static_cast<std::size_t>(lowest)];
        m_next[x] = m_g.first[x];
        if (m_depth > 0) m_at = m_g.head[static_cast<std::size_t>(m_g.reverse[static_cast<std::size_t>(m_path[--m_depth])])];
        return -1;
    }

    /// After a gap at label value `gap`: every node labelled `gap` or more is cut from the sink (a residual path to
    /// it would hold a node at each lower value), so it is labelled m_nodes; the labels stay valid.
    void cut_off_from(int gap) {
        for (int& d : m_dist) {
            if (d >= gap) d = m_nodes;
        }
    }

    /// Sends the path's bottleneck along it, logged; the search resumes at the tail of its first arc left full.
    std::int64_t push_path() {
        std::int64_t bottleneck = unbounded;
        for (std::size_t i = 0; i < m_depth; ++i) bottleneck = std::min(bottleneck, m_cap[static_cast<std::size_t>(m_path[i])]);
        std::size_t full = m_depth;
        for (std::size_t i = 0; i < m_depth; ++i) {
            const auto a = static_cast<std::size_t>(m_path[i]);
            m_cap[a] -= bottleneck;
            m_cap[static_cast<std::size_t>(m_g.reverse[a])] += bottleneck;
            m_log.emplace_back(a, bottleneck);
            if (m_cap[a] == 0 && full == m_depth) full = i;
        }
        m_depth = full;
        m_at = full == 0 ? m_g.source : m_g.head[static_cast<std::size_t>(m_path[full - 1])];
        return bottleneck;
    }

    const residual_graph& m_g;
    std::vector<std::int64_t> m_cap;  //!< per arc: its residual capacity
    const int m_nodes;              //!< nodes, the super source included: the label of a node cut from the sink
    std::vector<int> m_dist;        //!< per node: its distance label
    std::vector<int> m_count;       //!< per label value: nodes holding it
    std::vector<int> m_next;        //!< per node: its current arc
    std::vector<int> m_queue;       //!< the backward BFS's queue
    std::vector<int> m_path;        //!< the arcs from the source to m_at
    std::vector<std::pair<std::size_t, std::int64_t>> m_log;  //!< each push: its arc and amount
    int m_at = 0;                   //!< the search's node
    std::size_t m_depth = 0;        //!< arcs on m_path
};

/// Capacity [bit/s] of topology edge `e` of `g` at `c`: by its kind; a ground link at its station's; the super
/// sink's arcs keep theirs.
double edge_capacity_bps(const topology& g, const delivery_geometry& geometry, const delivery_capacities& c,
                         int tail, std::size_t e) {
    const int sink = static_cast<int>(g.offsets.size()) - 2;
    const int v = g.targets[e];
    if (v == sink) return g.capacity_bps[e];
    switch (g.kind[e]) {
        case link_kind::isl: return c.isl_bps;
        case link_kind::fibre: return c.fibre_bps;
        case link_kind::moon: return c.moon_bps;
        case link_kind::gsl: {
            const int station = (tail >= geometry.satellites ? tail : v) - geometry.satellites;  // the ground end
            return c.station_link_bps[static_cast<std::size_t>(station)];
        }
    }
    return 0.0;
}

/// Residual capacities with no flow: each arc its edge's capacity in whole bit/s where flow may enter the head
/// (relays, the sink, any node with ground relays; a region's station only from the super source, which changes no
/// max flow: a path through a source can start there), reverse arcs and the super source's arcs 0.
std::vector<std::int64_t> empty_flow(const topology& g, const residual_graph& r, const delivery_geometry& geometry,
                                     const delivery_capacities& c) {
    std::vector<std::int64_t> cap(r.head.size(), 0);
    const int n = static_cast<int>(g.offsets.size()) - 1;
    double into_sink = 0.0;
    for (int u = 0; u < n; ++u) {
        for (int e = g.offsets[static_cast<std::size_t>(u)]; e < g.offsets[static_cast<std::size_t>(u) + 1]; ++e) {
            const auto i = static_cast<std::size_t>(e);
            const double bps = edge_capacity_bps(g, geometry, c, u, i);
            if (!(bps >= 0.0 && bps <= max_capacity_bps)) {
                throw input_error(fmt::format("max flow: edge {}: expected a capacity in [0, 2^53] bit/s, got {:g}", e, bps));
            }
            const int v = g.targets[i];
            if (v == r.sink) into_sink += bps;
            const auto vi = static_cast<std::size_t>(v);
            if (v == r.sink || geometry.ground_relays || vi >= g.relay.size() || g.relay[vi] != 0)
                cap[static_cast<std::size_t>(r.edge_arc[i])] = std::llround(bps);
        }
    }
    if (into_sink > 0x1p62) throw domain_error("max flow: the sink's links carry more than 2^62 bit/s in all");
    return cap;
}

/// Fills `row` (the cut table's 2^R entries of one sample) for every subset that extends `mask` by regions from
/// `next` on, each from the solver's flow of `mask` (worth `flow` bit/s), which it leaves as it found it: each
/// subset's pushes are undone and the labels of `mask`'s flow set back.
void extend_subsets(shortest_paths_flow& solver, const residual_graph& r, int regions, std::size_t mask, int next,
                    std::int64_t flow, double* row) {
    const std::vector<int> labels = solver.labels();
    const std::size_t mark = solver.mark();
    for (int k = next; k < regions; ++k) {
        const int arc = r.region_arc[static_cast<std::size_t>(k)];
        solver.open(arc, true);
        const std::int64_t total = flow + solver.augment();
        const std::size_t extended = mask | (std::size_t{1} << static_cast<unsigned>(k));
        row[extended] = static_cast<double>(total);
        extend_subsets(solver, r, regions, extended, k + 1, total, row);
        solver.undo(mark);
        solver.open(arc, false);
        solver.set_labels(labels);
    }
}

}  // namespace

delivery_capacities delivery_capacities_of(const network_model& model, const network_options& options,
                                           std::span<const double> station_link_capacity_bps) {
    const std::size_t stations = model.stations.size();
    if (!station_link_capacity_bps.empty() && station_link_capacity_bps.size() != stations) {
        throw input_error(fmt::format("delivery: expected one ground-link capacity per station ({}), got {}", stations,
                                      station_link_capacity_bps.size()));
    }
    delivery_capacities c;
    c.isl_bps = options.isl_capacity_bps;
    c.fibre_bps = options.fibre_capacity_bps;
    c.moon_bps = options.moon_capacity_bps;
    if (station_link_capacity_bps.empty())
        c.station_link_bps.assign(stations, options.gsl_capacity_bps);
    else
        c.station_link_bps.assign(station_link_capacity_bps.begin(), station_link_capacity_bps.end());
    return c;
}

delivery_cuts delivery_cut_table(const delivery_geometry& geometry, const delivery_capacities& capacities) {
    delivery_cuts out;
    out.regions = geometry.regions;
    out.samples = static_cast<int>(geometry.snapshots.size());
    const std::size_t subsets = std::size_t{1} << static_cast<unsigned>(geometry.regions);
    out.cut_bps.assign(subsets * geometry.snapshots.size(), 0.0);
    for (std::size_t k = 0; k < geometry.snapshots.size(); ++k) {
        const topology& g = geometry.snapshots[k];
        const residual_graph r = residual_of(g, geometry.region_nodes);
        shortest_paths_flow solver(r, empty_flow(g, r, geometry, capacities));
        extend_subsets(solver, r, geometry.regions, 0, 0, 0, out.cut_bps.data() + k * subsets);
    }
    return out;
}

}  // namespace kardashev::network
