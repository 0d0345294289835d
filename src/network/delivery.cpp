#include "kardashev/network/delivery.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/network/flow.hpp"

namespace kardashev::network {

namespace {

constexpr double super_sink_capacity_bps = 9007199254740992.0;  // 2^53, flow.hpp's largest exact capacity

/// CSR topology of an undirected edge list over `nodes` relay nodes (both directions stored).
topology undirected_graph(int nodes, std::span<const isl> links, double delay_per_m, std::span<const double> length_m,
                          double capacity_bps) {
    topology g;
    g.satellites = nodes;
    g.relay.assign(static_cast<std::size_t>(nodes), 1);
    g.offsets.assign(static_cast<std::size_t>(nodes) + 1, 0);
    for (const auto& l : links) {
        ++g.offsets[static_cast<std::size_t>(l.a) + 1];
        ++g.offsets[static_cast<std::size_t>(l.b) + 1];
    }
    for (std::size_t v = 0; v < static_cast<std::size_t>(nodes); ++v) g.offsets[v + 1] += g.offsets[v];
    const auto m = static_cast<std::size_t>(g.offsets.back());
    g.targets.resize(m);
    g.delay_s.resize(m);
    g.capacity_bps.assign(m, capacity_bps);
    g.kind.assign(m, link_kind::isl);
    std::vector<int> fill(g.offsets.begin(), g.offsets.end() - 1);
    for (std::size_t i = 0; i < links.size(); ++i) {
        const auto& l = links[i];
        const double d = length_m[i] * delay_per_m;
        const auto ea = static_cast<std::size_t>(fill[static_cast<std::size_t>(l.a)]++);
        const auto eb = static_cast<std::size_t>(fill[static_cast<std::size_t>(l.b)]++);
        g.targets[ea] = l.b;
        g.delay_s[ea] = d;
        g.targets[eb] = l.a;
        g.delay_s[eb] = d;
    }
    return g;
}

void check_station(int s, std::size_t stations, const char* what) {
    if (s < 0 || static_cast<std::size_t>(s) >= stations) {
        throw input_error(fmt::format("delivery: {} station {}: expected an index in [0, {})", what, s, stations));
    }
}

}  // namespace

topology with_super_sink(const topology& g, std::span<const int> sinks) {
    const int n = static_cast<int>(g.offsets.size()) - 1;
    if (n < 0) throw input_error("super sink: the topology has no offsets");
    std::vector<std::uint8_t> is_sink(static_cast<std::size_t>(n), 0);
    for (const int s : sinks) {
        if (s < 0 || s >= n) throw input_error(fmt::format("super sink: sink {} is not a node of the graph (0..{})", s, n - 1));
        if (is_sink[static_cast<std::size_t>(s)] != 0) throw input_error(fmt::format("super sink: sink {} is listed twice", s));
        is_sink[static_cast<std::size_t>(s)] = 1;
    }
    topology out;
    out.satellites = g.satellites;
    out.stations = g.stations;
    out.moon = g.moon;
    out.relay = g.relay;
    out.relay.resize(static_cast<std::size_t>(n), 1);
    for (const int s : sinks) out.relay[static_cast<std::size_t>(s)] = 1;
    out.relay.push_back(1);
    out.offsets.reserve(static_cast<std::size_t>(n) + 2);
    out.offsets.push_back(0);
    const std::size_t m = g.targets.size() + sinks.size();
    out.targets.reserve(m);
    out.delay_s.reserve(m);
    out.capacity_bps.reserve(m);
    out.kind.reserve(m);
    for (int u = 0; u < n; ++u) {
        for (int e = g.offsets[static_cast<std::size_t>(u)]; e < g.offsets[static_cast<std::size_t>(u) + 1]; ++e) {
            const auto i = static_cast<std::size_t>(e);
            out.targets.push_back(g.targets[i]);
            out.delay_s.push_back(g.delay_s.empty() ? 0.0 : g.delay_s[i]);
            out.capacity_bps.push_back(g.capacity_bps[i]);
            out.kind.push_back(g.kind.empty() ? link_kind::fibre : g.kind[i]);
        }
        if (is_sink[static_cast<std::size_t>(u)] != 0) {  // the sink's arc into the super sink
            out.targets.push_back(n);
            out.delay_s.push_back(0.0);
            out.capacity_bps.push_back(super_sink_capacity_bps);
            out.kind.push_back(link_kind::fibre);
        }
        out.offsets.push_back(static_cast<int>(out.targets.size()));
    }
    out.offsets.push_back(static_cast<int>(out.targets.size()));  // the super sink has no out-arcs
    return out;
}

namespace {

/// The checks of delivery_cut_table's regions and sinks; returns the region count.
int checked_regions(const network_model& model, std::span<const int> region_stations, std::span<const int> sink_stations) {
    const int r = static_cast<int>(region_stations.size());
    if (r < 1 || r > max_delivery_regions) {
        throw input_error(fmt::format("delivery: expected 1 to {} demand regions, got {}", max_delivery_regions, r));
    }
    if (sink_stations.empty()) throw input_error("delivery: expected at least one sink station");
    const std::size_t g = model.stations.size();
    for (const int s : region_stations) check_station(s, g, "region");
    for (const int s : sink_stations) {
        check_station(s, g, "sink");
        if (std::find(region_stations.begin(), region_stations.end(), s) != region_stations.end()) {
            throw input_error(fmt::format("delivery: station {} ({}) is both a demand region and a sink", s,
                                          model.stations[static_cast<std::size_t>(s)].name));
        }
    }
    return r;
}

}  // namespace

delivery_geometry delivery_geometry_at(const network_model& model, const network_options& options,
                                       std::span<const int> region_stations, std::span<const int> sink_stations,
                                       std::span<const epoch> times) {
    delivery_geometry out;
    out.regions = checked_regions(model, region_stations, sink_stations);
    out.satellites = static_cast<int>(model.satellites.size());
    out.ground_relays = options.ground_relays;
    std::vector<int> sink_nodes;
    for (const int s : sink_stations) sink_nodes.push_back(out.satellites + s);
    for (const int s : region_stations) out.region_nodes.push_back(out.satellites + s);
    out.snapshots.reserve(times.size());
    for (const topology& g : topologies_at(model, options, times)) out.snapshots.push_back(with_super_sink(g, sink_nodes));
    return out;
}

delivery_cuts delivery_cut_table(const network_model& model, const network_options& options,
                                 std::span<const int> region_stations, std::span<const int> sink_stations,
                                 std::span<const epoch> times, std::span<const double> station_link_capacity_bps) {
    (void)checked_regions(model, region_stations, sink_stations);
    const delivery_capacities capacities = delivery_capacities_of(model, options, station_link_capacity_bps);
    return delivery_cut_table(delivery_geometry_at(model, options, region_stations, sink_stations, times), capacities);
}

double mean_cut_bps(const delivery_cuts& cuts, std::size_t mask) {
    const std::size_t subsets = std::size_t{1} << static_cast<unsigned>(cuts.regions);
    if (cuts.samples < 1) throw input_error("delivery: the cut table has no samples");
    if (mask >= subsets) throw input_error(fmt::format("delivery: region mask {} outside the table's {} regions", mask, cuts.regions));
    double sum = 0.0;
    for (int k = 0; k < cuts.samples; ++k) sum += cuts.cut_bps[static_cast<std::size_t>(k) * subsets + mask];
    return sum / cuts.samples;
}

double deliverable_bps(const delivery_cuts& cuts, int sample, std::span<const double> demand_bps) {
    if (sample < 0 || sample >= cuts.samples) {
        throw input_error(fmt::format("delivery: sample {} outside the table's {} samples", sample, cuts.samples));
    }
    if (demand_bps.size() != static_cast<std::size_t>(cuts.regions)) {
        throw input_error(fmt::format("delivery: expected {} regional demands, got {}", cuts.regions, demand_bps.size()));
    }
    double total = 0.0;
    for (std::size_t i = 0; i < demand_bps.size(); ++i) {
        const double d = demand_bps[i];
        if (!(d >= 0.0) || !std::isfinite(d)) {
            throw input_error(fmt::format("delivery: region {}: expected a finite demand >= 0, got {:g} bit/s", i, d));
        }
        total += d;
    }
    // Gale 1957 (and Hoffman 1960): with a super source feeding region i at most d_i, a minimum cut puts some
    // subset S of the regions on the source side; its capacity is d(R \ S) + f(S), and the max flow is the least
    // such capacity over all S (S empty: all of the demand).
    const std::size_t subsets = std::size_t{1} << static_cast<unsigned>(cuts.regions);
    const double* f = cuts.cut_bps.data() + static_cast<std::size_t>(sample) * subsets;
    double best = total;
    for (std::size_t mask = 1; mask < subsets; ++mask) {
        double outside = 0.0;
        for (int i = 0; i < cuts.regions; ++i) {
            if (((mask >> static_cast<unsigned>(i)) & 1U) == 0) outside += demand_bps[static_cast<std::size_t>(i)];
        }
        best = std::min(best, outside + f[mask]);
    }
    return best;
}

double mean_deliverable_bps(const delivery_cuts& cuts, std::span<const double> demand_bps) {
    if (cuts.samples < 1) throw input_error("delivery: the cut table has no samples");
    double sum = 0.0;
    for (int k = 0; k < cuts.samples; ++k) sum += deliverable_bps(cuts, k, demand_bps);
    return sum / cuts.samples;
}

cluster_bandwidth cluster_bandwidth_of(std::span<const orbit::vec3> positions_m, const cluster_links_options& o) {
    const auto n = static_cast<int>(positions_m.size());
    if (n < 2) throw input_error(fmt::format("cluster links: expected at least two satellites, got {}", n));
    if (!(o.max_range_m > 0.0)) throw input_error(fmt::format("cluster links: expected a positive range, got {:g} m", o.max_range_m));
    if (!(o.link_capacity_bps > 0.0)) {
        throw input_error(fmt::format("cluster links: expected a positive link capacity, got {:g} bit/s", o.link_capacity_bps));
    }
    if (o.terminals_per_satellite < 1) {
        throw input_error(fmt::format("cluster links: expected at least one terminal per satellite, got {}", o.terminals_per_satellite));
    }
    auto dist = [&](int a, int b) {
        const auto& p = positions_m[static_cast<std::size_t>(a)];
        const auto& q = positions_m[static_cast<std::size_t>(b)];
        return std::hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
    };
    // Candidate links in range, shortest first (ties by index, so the result does not depend on sort order).
    struct cand { double d; int a; int b; };
    std::vector<cand> c;
    for (int a = 0; a < n; ++a) {
        for (int b = a + 1; b < n; ++b) {
            const double d = dist(a, b);
            if (d <= o.max_range_m) c.push_back({d, a, b});
        }
    }
    std::sort(c.begin(), c.end(), [](const cand& x, const cand& y) {
        return x.d != y.d ? x.d < y.d : (x.a != y.a ? x.a < y.a : x.b < y.b);
    });
    cluster_bandwidth out;
    std::vector<int> free_terminals(static_cast<std::size_t>(n), o.terminals_per_satellite);
    std::vector<double> length;
    for (const auto& e : c) {
        auto& fa = free_terminals[static_cast<std::size_t>(e.a)];
        auto& fb = free_terminals[static_cast<std::size_t>(e.b)];
        if (fa == 0 || fb == 0) continue;
        --fa;
        --fb;
        out.links.push_back({e.a, e.b});
        length.push_back(e.d);
    }
    // Connected components (union-find).
    std::vector<int> parent(static_cast<std::size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](int x) {
        while (parent[static_cast<std::size_t>(x)] != x) x = parent[static_cast<std::size_t>(x)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
        return x;
    };
    for (const auto& l : out.links) parent[static_cast<std::size_t>(root(l.a))] = root(l.b);
    for (int v = 0; v < n; ++v) out.components += root(v) == v ? 1 : 0;
    if (out.components != 1) return out;

    // The longest axis: the principal eigenvector of the positions' scatter matrix (power iteration from the
    // coordinate axis of largest spread).
    orbit::vec3 mean{0.0, 0.0, 0.0};
    for (const auto& p : positions_m) for (int i = 0; i < 3; ++i) mean[static_cast<std::size_t>(i)] += p[static_cast<std::size_t>(i)] / n;
    double s[3][3] = {};
    for (const auto& p : positions_m) {
        for (int i = 0; i < 3; ++i) {
            for (int j = 0; j < 3; ++j) s[i][j] += (p[static_cast<std::size_t>(i)] - mean[static_cast<std::size_t>(i)]) * (p[static_cast<std::size_t>(j)] - mean[static_cast<std::size_t>(j)]);
        }
    }
    orbit::vec3 axis{0.0, 0.0, 0.0};
    axis[static_cast<std::size_t>(s[0][0] >= s[1][1] && s[0][0] >= s[2][2] ? 0 : (s[1][1] >= s[2][2] ? 1 : 2))] = 1.0;
    for (int it = 0; it < 100; ++it) {
        orbit::vec3 next{0.0, 0.0, 0.0};
        for (int i = 0; i < 3; ++i) for (int j = 0; j < 3; ++j) next[static_cast<std::size_t>(i)] += s[i][j] * axis[static_cast<std::size_t>(j)];
        const double norm = std::hypot(next[0], next[1], next[2]);
        if (!(norm > 0.0)) break;
        for (auto& v : next) v /= norm;
        axis = next;
    }
    std::vector<std::pair<double, int>> along;
    for (int v = 0; v < n; ++v) {
        const auto& p = positions_m[static_cast<std::size_t>(v)];
        along.emplace_back(p[0] * axis[0] + p[1] * axis[1] + p[2] * axis[2], v);
    }
    std::sort(along.begin(), along.end());
    std::vector<int> near, far;
    for (int i = 0; i < n; ++i) (i < n / 2 ? near : far).push_back(along[static_cast<std::size_t>(i)].second);

    const topology g = with_super_sink(undirected_graph(n, out.links, 1.0 / constants::speed_of_light_m_per_s, length,
                                                        o.link_capacity_bps),
                                       far);
    out.bisection_bps = max_flow(g, near, n).flow_bps;
    out.per_satellite_bps = out.bisection_bps / (n / 2);
    return out;
}

}  // namespace kardashev::network
