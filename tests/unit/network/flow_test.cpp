// Unit tests of the network module's capacity: Dinic max-flow against CLRS 26.1, brute-force minimum cuts on
// random small graphs, a Starlink shell 1 snapshot, and the disjoint-shortest-paths lower bound.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "kardashev/core/error.hpp"
#include "kardashev/network/flow.hpp"
#include "support/error_message.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::network;

struct arc {
    int u = 0;
    int v = 0;
    double capacity_bps = 0.0;
};

/// A topology with one directed CSR edge per arc (delay 1 s each), every node a relay unless `relay` says not.
topology graph_of(int nodes, const std::vector<arc>& arcs, std::vector<std::uint8_t> relay = {}) {
    topology g;
    g.satellites = nodes;
    g.relay = relay.empty() ? std::vector<std::uint8_t>(static_cast<std::size_t>(nodes), 1) : std::move(relay);
    g.offsets.assign(static_cast<std::size_t>(nodes) + 1, 0);
    for (const auto& a : arcs) ++g.offsets[static_cast<std::size_t>(a.u) + 1];
    for (std::size_t v = 0; v < static_cast<std::size_t>(nodes); ++v) g.offsets[v + 1] += g.offsets[v];
    g.targets.resize(arcs.size());
    g.delay_s.assign(arcs.size(), 1.0);
    g.capacity_bps.resize(arcs.size());
    g.kind.assign(arcs.size(), link_kind::isl);
    std::vector<int> fill(g.offsets.begin(), g.offsets.end() - 1);
    for (const auto& a : arcs) {
        const auto i = static_cast<std::size_t>(fill[static_cast<std::size_t>(a.u)]++);
        g.targets[i] = a.v;
        g.capacity_bps[i] = a.capacity_bps;
    }
    return g;
}

/// Flow out of each node minus flow into it.
std::vector<double> net_out(const topology& g, const flow_result& f) {
    std::vector<double> net(g.offsets.size() - 1, 0.0);
    for (std::size_t u = 0; u + 1 < g.offsets.size(); ++u) {
        for (int e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
            net[u] += f.edge_flow_bps[static_cast<std::size_t>(e)];
            net[static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)])] -= f.edge_flow_bps[static_cast<std::size_t>(e)];
        }
    }
    return net;
}

/// Capacity of the cut (side[u] = 1: source side) over edges into nodes that pass flow.
double cut_bps(const topology& g, const std::vector<std::uint8_t>& side, const std::vector<std::uint8_t>& passes) {
    double c = 0.0;
    for (std::size_t u = 0; u + 1 < g.offsets.size(); ++u) {
        for (int e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
            const auto v = static_cast<std::size_t>(g.targets[static_cast<std::size_t>(e)]);
            if (side[u] != 0 && side[v] == 0 && passes[v] != 0) c += g.capacity_bps[static_cast<std::size_t>(e)];
        }
    }
    return c;
}

std::string error_of(const auto& fn) { return kardashev::testing::error_message<kardashev::error>(fn); }

TEST(max_flow, clrs_26_1_network_carries_23_across_its_minimum_cut) {
    // Cormen et al., Introduction to Algorithms 3rd ed., fig. 26.1/26.6: s=0, v1..v4 = 1..4, t=5; flow 23 and
    // the minimum cut ({s, v1, v2, v4}, {v3, t}) of capacity 12 + 7 + 4.
    const topology g = graph_of(6, {{0, 1, 16}, {0, 2, 13}, {1, 3, 12}, {2, 1, 4}, {2, 4, 14},
                                    {3, 2, 9}, {3, 5, 20}, {4, 3, 7}, {4, 5, 4}});
    const std::vector<int> src{0};
    const flow_result f = max_flow(g, src, 5);
    EXPECT_EQ(f.flow_bps, 23.0);
    EXPECT_EQ(f.source_side, (std::vector<std::uint8_t>{1, 1, 1, 0, 1, 0}));
    const auto net = net_out(g, f);
    EXPECT_EQ(net[0], 23.0);
    EXPECT_EQ(net[5], -23.0);
    for (int v = 1; v <= 4; ++v) EXPECT_EQ(net[static_cast<std::size_t>(v)], 0.0) << "node " << v;
    for (std::size_t e = 0; e < g.targets.size(); ++e) {
        EXPECT_GE(f.edge_flow_bps[e], 0.0);
        EXPECT_LE(f.edge_flow_bps[e], g.capacity_bps[e]);
    }
}

TEST(max_flow, a_link_carries_its_capacity_in_one_direction_and_the_bottleneck_limits_a_chain) {
    // 0 - 1 - 2 as links (both directions), capacities 5 and 3: 3 flows, only forward.
    const topology g = graph_of(3, {{0, 1, 5}, {1, 0, 5}, {1, 2, 3}, {2, 1, 3}});
    const std::vector<int> src{0};
    const flow_result f = max_flow(g, src, 2);
    EXPECT_EQ(f.flow_bps, 3.0);
    EXPECT_EQ(f.edge_flow_bps, (std::vector<double>{3, 0, 3, 0}));
    EXPECT_EQ(disjoint_paths_flow_bps(g, src, 2), 3.0);
}

TEST(max_flow, a_station_that_is_not_a_relay_passes_no_flow_unless_ground_relays) {
    // 0 -> 1 (not a relay) -> 3 and 0 -> 2 (relay) -> 3, each link 10.
    const topology g = graph_of(4, {{0, 1, 10}, {1, 0, 10}, {1, 3, 10}, {3, 1, 10}, {0, 2, 10}, {2, 0, 10},
                                    {2, 3, 10}, {3, 2, 10}},
                                {1, 0, 1, 1});
    const std::vector<int> src{0};
    EXPECT_EQ(max_flow(g, src, 3).flow_bps, 10.0);
    EXPECT_EQ(max_flow(g, src, 3, true).flow_bps, 20.0);
    const std::vector<int> both{0, 1};  // a source passes its own flow
    EXPECT_EQ(max_flow(g, both, 3).flow_bps, 20.0);
}

TEST(max_flow, flow_equals_the_brute_force_minimum_cut_on_random_small_graphs) {
    std::mt19937 rng(20261123);
    int checked = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const int n = 4 + static_cast<int>(rng() % 5);  // 4..8 nodes
        std::vector<arc> arcs;
        for (int u = 0; u < n; ++u) {
            for (int v = u + 1; v < n; ++v) {
                if (rng() % 100 < 45) {
                    const double c = static_cast<double>(rng() % 21);  // 0..20, zero included
                    arcs.push_back({u, v, c});
                    arcs.push_back({v, u, c});
                }
            }
        }
        if (rng() % 4 == 0 && n > 2) arcs.push_back({0, 1, static_cast<double>(rng() % 7)});  // a parallel one-way arc
        std::vector<std::uint8_t> relay(static_cast<std::size_t>(n));
        for (auto& r : relay) r = static_cast<std::uint8_t>(rng() % 4 == 0 ? 0 : 1);
        const topology g = graph_of(n, arcs, relay);
        const int sink = n - 1;
        std::vector<int> sources{0};
        if (rng() % 2 == 0) sources.push_back(1 + static_cast<int>(rng() % static_cast<unsigned>(n - 2)));
        std::vector<std::uint8_t> passes(static_cast<std::size_t>(n));
        for (int v = 0; v < n; ++v) {
            passes[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(
                relay[static_cast<std::size_t>(v)] != 0 || v == sink ||
                std::find(sources.begin(), sources.end(), v) != sources.end());
        }
        // Every cut with all sources on one side and the sink on the other.
        double best = 1e300;
        std::vector<std::uint8_t> side(static_cast<std::size_t>(n));
        for (unsigned mask = 0; mask < (1U << n); ++mask) {
            for (int v = 0; v < n; ++v) side[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>((mask >> v) & 1U);
            if (side[static_cast<std::size_t>(sink)] != 0) continue;
            if (std::any_of(sources.begin(), sources.end(), [&](int s) { return side[static_cast<std::size_t>(s)] == 0; })) continue;
            best = std::min(best, cut_bps(g, side, passes));
        }
        const flow_result f = max_flow(g, sources, sink);
        ASSERT_EQ(f.flow_bps, best) << "trial " << trial;
        EXPECT_EQ(cut_bps(g, f.source_side, passes), best) << "trial " << trial;
        const auto net = net_out(g, f);
        EXPECT_EQ(net[static_cast<std::size_t>(sink)], -best) << "trial " << trial;
        for (int v = 0; v < n; ++v) {
            const bool end = v == sink || std::find(sources.begin(), sources.end(), v) != sources.end();
            if (!end) {
                EXPECT_EQ(net[static_cast<std::size_t>(v)], 0.0) << "trial " << trial << " node " << v;
            }
        }
        for (std::size_t e = 0; e < g.targets.size(); ++e) {
            ASSERT_LE(f.edge_flow_bps[e], g.capacity_bps[e]) << "trial " << trial;
            if (passes[static_cast<std::size_t>(g.targets[e])] == 0) {
                EXPECT_EQ(f.edge_flow_bps[e], 0.0);
            }
        }
        EXPECT_LE(disjoint_paths_flow_bps(g, sources, sink), best) << "trial " << trial;
        if (best > 0.0) ++checked;
    }
    EXPECT_GT(checked, 150);  // most graphs connect the sources to the sink
}

TEST(max_flow, bad_end_points_and_capacities_are_errors) {
    topology g = graph_of(3, {{0, 1, 5}, {1, 2, 5}});
    const std::vector<int> src{0};
    EXPECT_EQ(error_of([&] { (void)max_flow(g, src, 3); }), "max flow: sink 3 is not a node of the graph (0..2)");
    const std::vector<int> bad{0, 2};
    EXPECT_EQ(error_of([&] { (void)max_flow(g, bad, 2); }), "max flow: node 2 is both a source and the sink");
    g.capacity_bps[1] = -1.0;
    EXPECT_EQ(error_of([&] { (void)max_flow(g, src, 2); }),
              "max flow: edge 1: expected a capacity in [0, 2^53] bit/s, got -1");
}

/// Starlink shell 1 and Hypatia's 100 cities at `t_s` after Hypatia's epoch.
topology starlink_snapshot(const network_options& o, double t_s) {
    network_model m;
    append_shell(m, *shell_preset("starlink-s1"));
    m.stations = hypatia_top_100_stations();
    return topology_at(m, o, hypatia_epoch() + duration::from_seconds(t_s));
}

TEST(max_flow, starlink_snapshot_doubling_every_isl_at_most_doubles_the_flow) {
    network_options o;
    o.isl_capacity_bps = 2e9;  // ISLs well below the ground links, so they bind
    o.gsl_capacity_bps = 20e9;
    const topology g1 = starlink_snapshot(o, 0.0);
    o.isl_capacity_bps = 4e9;
    const topology g2 = starlink_snapshot(o, 0.0);
    const int n = g1.satellites;
    // Sources: European cities (Paris 24, London 27, Madrid 54) as one fleet region; sink New York (9).
    const std::vector<int> src{n + 24, n + 27, n + 54};
    const int sink = n + 9;
    const flow_result f1 = max_flow(g1, src, sink);
    const flow_result f2 = max_flow(g2, src, sink);
    EXPECT_GT(f1.flow_bps, 0.0);
    EXPECT_GE(f2.flow_bps, f1.flow_bps);
    EXPECT_LE(f2.flow_bps, 2.0 * f1.flow_bps);
    // Each cut crossing is bounded by the sink's ground links.
    double sink_gsl = 0.0;
    for (int e = g1.offsets[static_cast<std::size_t>(sink)]; e < g1.offsets[static_cast<std::size_t>(sink) + 1]; ++e)
        sink_gsl += g1.capacity_bps[static_cast<std::size_t>(e)];
    EXPECT_LE(f1.flow_bps, sink_gsl);
    // Scaling every capacity by 2 doubles the flow exactly.
    topology g3 = g1;
    for (auto& c : g3.capacity_bps) c *= 2.0;
    EXPECT_EQ(max_flow(g3, src, sink).flow_bps, 2.0 * f1.flow_bps);
}

TEST(disjoint_paths, lower_bound_is_exact_when_ground_links_bind_and_a_third_when_isls_bind) {
    // Starlink shell 1, four snapshots 60 s apart, four city groups (fleet region -> sink). With the default
    // capacities (ISL 100, GSL 20 Gbit/s) the sink's ground links bind and the bound equals the max flow; with
    // 2 Gbit/s ISLs each path uses one of a satellite's four ISLs and then its ground link is gone, so the bound
    // falls to 0.25-0.375 of the max flow (docs/models/network.md, capacity).
    struct group {
        std::vector<int> sources;  // station indices
        int sink = 0;              // station index
    };
    const std::vector<group> groups{{{24, 27, 54}, 9}, {{0, 2, 17}, 1}, {{3, 12, 18}, 16}, {{9}, 27}};
    for (const double isl_bps : {100e9, 2e9}) {
        double worst = 1.0;
        double best = 0.0;
        for (const double t_s : {0.0, 60.0, 120.0, 180.0}) {
            network_options o;
            o.isl_capacity_bps = isl_bps;
            const topology g = starlink_snapshot(o, t_s);
            for (const auto& gr : groups) {
                std::vector<int> src;
                for (const int s : gr.sources) src.push_back(g.satellites + s);
                const double exact = max_flow(g, src, g.satellites + gr.sink).flow_bps;
                const double bound = disjoint_paths_flow_bps(g, src, g.satellites + gr.sink);
                ASSERT_GT(exact, 0.0);
                EXPECT_LE(bound, exact);
                worst = std::min(worst, bound / exact);
                best = std::max(best, bound / exact);
            }
        }
        if (isl_bps == 100e9) {
            EXPECT_EQ(worst, 1.0);
        } else {
            EXPECT_NEAR(worst, 0.25, 1e-12);
            EXPECT_NEAR(best, 0.375, 1e-12);
        }
    }
}

}  // namespace
