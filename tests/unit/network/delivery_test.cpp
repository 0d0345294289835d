// Unit tests of delivery capacity: the super sink, Gale's formula against a direct max flow with demand-capped
// source arcs on a Starlink shell 1 snapshot, the cut function's monotone and submodular shape, and the
// bandwidth inside an orbital cluster on grids whose cuts can be counted by hand.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "kardashev/core/error.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/network/flow.hpp"
#include "support/error_message.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::network;
using kardashev::testing::error_message;

/// `g` with a node appended that has an arc of capacity cap[i] to each node to[i] (a demand-capped source); the
/// nodes to[i] become relays that take flow only from it (their other in-arcs get capacity 0), as a region does
/// in the cut table, where a region outside the source set passes nothing.
topology with_super_source(const topology& g, const std::vector<int>& to, const std::vector<double>& cap) {
    topology out = g;
    const int n = static_cast<int>(g.offsets.size()) - 1;
    for (std::size_t e = 0; e < out.targets.size(); ++e) {
        if (std::find(to.begin(), to.end(), out.targets[e]) != to.end()) out.capacity_bps[e] = 0.0;
    }
    for (const int v : to) out.relay[static_cast<std::size_t>(v)] = 1;
    out.relay.resize(static_cast<std::size_t>(n) + 1, 1);
    for (std::size_t i = 0; i < to.size(); ++i) {
        out.targets.push_back(to[i]);
        out.delay_s.push_back(0.0);
        out.capacity_bps.push_back(cap[i]);
        out.kind.push_back(link_kind::fibre);
    }
    out.offsets.push_back(static_cast<int>(out.targets.size()));
    return out;
}

/// `g` with each ground link at its station's capacity `stations[station]` (unchanged when `stations` is empty);
/// satellites are the first `sats` nodes.
topology with_station_links(topology g, const std::vector<double>& stations, int sats) {
    for (int u = 0; !stations.empty() && u + 1 < static_cast<int>(g.offsets.size()); ++u) {
        for (int e = g.offsets[static_cast<std::size_t>(u)]; e < g.offsets[static_cast<std::size_t>(u) + 1]; ++e) {
            if (g.kind[static_cast<std::size_t>(e)] != link_kind::gsl) continue;
            const int station = (u >= sats ? u : g.targets[static_cast<std::size_t>(e)]) - sats;
            g.capacity_bps[static_cast<std::size_t>(e)] = stations[static_cast<std::size_t>(station)];
        }
    }
    return g;
}

/// Starlink shell 1 with four of Hypatia's cities as demand regions and two as sinks, a fibre between a region
/// and a sink; small link capacities so the ground links bind.
struct s1_delivery {
    network_model model;
    network_options options;
    std::vector<int> regions{0, 5, 17, 24};  // Tokyo, Mexico City, Manila, Paris (Hypatia ids)
    std::vector<int> sinks{1, 27};            // Delhi, London
    s1_delivery() {
        append_shell(model, *shell_preset("starlink-s1"));
        model.stations = hypatia_top_100_stations();
        model.fibres.push_back({24, 27, 1.5});  // Paris - London
        options.gsl_capacity_bps = 7e9;
        options.isl_capacity_bps = 20e9;
        options.fibre_capacity_bps = 50e9;
    }
};

TEST(with_super_sink, flow_to_it_is_the_sum_over_the_sinks) {
    // 0 -> 1 (3), 0 -> 2 (5): a max flow to the super sink over {1, 2} is 8; over {2} alone 5.
    topology g;
    g.satellites = 3;
    g.relay = {1, 1, 1};
    g.offsets = {0, 2, 2, 2};
    g.targets = {1, 2};
    g.delay_s = {1.0, 1.0};
    g.capacity_bps = {3.0, 5.0};
    g.kind = {link_kind::isl, link_kind::isl};
    const std::vector<int> both{1, 2}, one{2}, src{0};
    EXPECT_EQ(max_flow(with_super_sink(g, both), src, 3).flow_bps, 8.0);
    EXPECT_EQ(max_flow(with_super_sink(g, one), src, 3).flow_bps, 5.0);
    const std::vector<int> twice{1, 1};
    EXPECT_EQ(error_message<input_error>([&] { (void)with_super_sink(g, twice); }), "super sink: sink 1 is listed twice");
}

TEST(deliverable, takes_the_least_cut_over_subsets) {
    // f({0}) = 10, f({1}) = 10, f({0, 1}) = 15 (a shared bottleneck).
    delivery_cuts c;
    c.regions = 2;
    c.samples = 1;
    c.cut_bps = {0.0, 10.0, 10.0, 15.0};
    const std::vector<double> both_small{4.0, 5.0}, both_big{8.0, 8.0}, lopsided{30.0, 1.0};
    EXPECT_EQ(deliverable_bps(c, 0, both_small), 9.0);   // all of it
    EXPECT_EQ(deliverable_bps(c, 0, both_big), 15.0);    // the joint cut
    EXPECT_EQ(deliverable_bps(c, 0, lopsided), 11.0);    // region 0 alone is cut at 10, plus region 1's 1
    delivery_cuts two = c;  // a second sample where the joint cut is 25: the means are over samples
    two.samples = 2;
    two.cut_bps.insert(two.cut_bps.end(), {0.0, 10.0, 20.0, 25.0});
    EXPECT_EQ(mean_cut_bps(two, 3), 20.0);
    EXPECT_EQ(mean_cut_bps(two, 2), 15.0);
    EXPECT_EQ(error_message<input_error>([&] { (void)mean_cut_bps(two, 4); }),
              "delivery: region mask 4 outside the table's 2 regions");
    const std::vector<double> negative{-1.0, 0.0}, three{1.0, 1.0, 1.0};
    EXPECT_EQ(error_message<input_error>([&] { (void)deliverable_bps(c, 0, negative); }),
              "delivery: region 0: expected a finite demand >= 0, got -1 bit/s");
    EXPECT_EQ(error_message<input_error>([&] { (void)deliverable_bps(c, 0, three); }),
              "delivery: expected 2 regional demands, got 3");
    EXPECT_EQ(error_message<input_error>([&] { (void)deliverable_bps(c, 1, both_small); }),
              "delivery: sample 1 outside the table's 1 samples");
}

TEST(delivery_cut_table, gale_formula_equals_a_direct_max_flow_with_capped_sources) {
    const s1_delivery d;
    const std::vector<epoch> times{hypatia_epoch() + duration::from_seconds(30.0)};
    const delivery_cuts cuts = delivery_cut_table(d.model, d.options, d.regions, d.sinks, times);
    ASSERT_EQ(cuts.cut_bps.size(), 16U);

    const int sats = static_cast<int>(d.model.satellites.size());
    std::vector<int> sink_nodes, region_nodes;
    for (const int s : d.sinks) sink_nodes.push_back(sats + s);
    for (const int r : d.regions) region_nodes.push_back(sats + r);
    const topology g = with_super_sink(topology_at(d.model, d.options, times[0]), sink_nodes);
    const int super_sink = static_cast<int>(g.offsets.size()) - 2;
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1.2 * cuts.cut_bps[15]);
    int binding = 0;
    for (int trial = 0; trial < 6; ++trial) {
        std::vector<double> demand(4);
        for (auto& x : demand) x = std::round(u(rng));
        const topology cap = with_super_source(g, region_nodes, demand);
        const int src = static_cast<int>(cap.offsets.size()) - 2;
        const double direct = max_flow(cap, std::vector<int>{src}, super_sink).flow_bps;
        const double gale = deliverable_bps(cuts, 0, demand);
        EXPECT_NEAR(gale, direct, 1.0) << "trial " << trial;
        const double total = demand[0] + demand[1] + demand[2] + demand[3];
        binding += gale < total - 1.0 ? 1 : 0;
    }
    EXPECT_GT(binding, 0) << "no trial was limited by the network: the test would not see a wrong cut";
}

TEST(delivery_cut_table, every_subset_equals_its_own_max_flow_at_each_capacity_set) {
    // The table starts each subset from its sub-subset's flow over one geometry; each entry must still be the max
    // flow of that subset alone (flow.hpp's max_flow from the subset's stations, from zero), at two capacity sets
    // over the same geometry, one with ground links per station.
    const s1_delivery d;
    const std::vector<epoch> times{hypatia_epoch(), hypatia_epoch() + duration::from_seconds(300.0)};
    const delivery_geometry geometry = delivery_geometry_at(d.model, d.options, d.regions, d.sinks, times);
    ASSERT_EQ(geometry.snapshots.size(), 2U);
    std::vector<double> per_station(d.model.stations.size(), 3e9);
    for (const int r : d.regions) per_station[static_cast<std::size_t>(r)] = 11e9;
    const int sats = static_cast<int>(d.model.satellites.size());
    network_options wide = d.options;
    wide.isl_capacity_bps = 5e9;
    wide.fibre_capacity_bps = 2e9;
    for (const auto& [options, stations] : {std::pair{d.options, std::vector<double>{}}, std::pair{wide, per_station}}) {
        const delivery_cuts cuts = delivery_cut_table(geometry, delivery_capacities_of(d.model, options, stations));
        for (std::size_t k = 0; k < times.size(); ++k) {
            const topology g = with_station_links(topology_at(d.model, options, times[k]), stations, sats);
            std::vector<int> sink_nodes;
            for (const int s : d.sinks) sink_nodes.push_back(sats + s);
            const topology t = with_super_sink(g, sink_nodes);
            for (std::size_t mask = 1; mask < 16; ++mask) {
                std::vector<int> sources;
                for (std::size_t i = 0; i < 4; ++i)
                    if ((mask >> i) & 1U) sources.push_back(sats + d.regions[i]);
                const double direct = max_flow(t, sources, static_cast<int>(t.offsets.size()) - 2).flow_bps;
                EXPECT_EQ(cuts.cut_bps[k * 16 + mask], direct) << "sample " << k << " mask " << mask;
            }
        }
    }
}

TEST(delivery_cut_table, every_subset_equals_dinic_at_random_capacities) {
    // Five regions (subsets three levels deep start from their parents' flows and labels) at random capacities
    // spread over four decades, so that the ground links bind in some sets and the ISLs or the sinks in others:
    // each entry must equal flow.hpp's max_flow (Dinic, from zero) of its subset alone.
    s1_delivery d;
    d.regions = {0, 5, 17, 24, 40};
    const std::vector<epoch> times{hypatia_epoch() + duration::from_seconds(90.0)};
    const delivery_geometry geometry = delivery_geometry_at(d.model, d.options, d.regions, d.sinks, times);
    const int sats = static_cast<int>(d.model.satellites.size());
    std::vector<int> sink_nodes;
    for (const int s : d.sinks) sink_nodes.push_back(sats + s);
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> decades(8.0, 12.0);  // 10^8 .. 10^12 bit/s
    const auto draw = [&] { return std::round(std::pow(10.0, decades(rng))); };
    std::vector<double> first_subsets;  // f({region 0}) of each set: the sets must differ
    for (int trial = 0; trial < 4; ++trial) {
        network_options options = d.options;
        options.isl_capacity_bps = draw();
        options.fibre_capacity_bps = draw();
        std::vector<double> stations(d.model.stations.size());
        for (auto& c : stations) c = draw();
        const delivery_cuts cuts = delivery_cut_table(geometry, delivery_capacities_of(d.model, options, stations));
        const topology t = with_super_sink(with_station_links(topology_at(d.model, options, times[0]), stations, sats), sink_nodes);
        for (std::size_t mask = 1; mask < 32; ++mask) {
            std::vector<int> sources;
            for (std::size_t i = 0; i < 5; ++i)
                if ((mask >> i) & 1U) sources.push_back(sats + d.regions[i]);
            const double direct = max_flow(t, sources, static_cast<int>(t.offsets.size()) - 2).flow_bps;
            EXPECT_EQ(cuts.cut_bps[mask], direct) << "trial " << trial << " mask " << mask;
        }
        first_subsets.push_back(cuts.cut_bps[1]);
    }
    std::sort(first_subsets.begin(), first_subsets.end());
    EXPECT_EQ(std::unique(first_subsets.begin(), first_subsets.end()), first_subsets.end()) << "equal tables: the capacities did not reach the flows";
}

TEST(topologies_at, equal_topology_at_each_time) {
    // One propagation over every time must give each snapshot's graph, delays and capacities bit for bit.
    const s1_delivery d;
    const std::vector<epoch> times{hypatia_epoch(), hypatia_epoch() + duration::from_seconds(300.0),
                                   hypatia_epoch() + duration::from_seconds(1234.5)};
    const std::vector<topology> all = topologies_at(d.model, d.options, times);
    ASSERT_EQ(all.size(), times.size());
    for (std::size_t k = 0; k < times.size(); ++k) EXPECT_EQ(all[k], topology_at(d.model, d.options, times[k])) << "time " << k;
    EXPECT_NE(all[0], all[1]) << "the satellites moved: equal snapshots would not test the time of each";
}

TEST(delivery_cut_table, cut_function_is_monotone_and_submodular) {
    const s1_delivery d;
    const std::vector<epoch> times{hypatia_epoch(), hypatia_epoch() + duration::from_seconds(300.0)};
    const delivery_cuts cuts = delivery_cut_table(d.model, d.options, d.regions, d.sinks, times);
    for (int k = 0; k < 2; ++k) {
        const double* f = cuts.cut_bps.data() + k * 16;
        for (unsigned a = 0; a < 16; ++a) {
            EXPECT_GE(f[a], 0.0);
            for (unsigned b = 0; b < 16; ++b) {
                if ((a & b) == a) {
                    EXPECT_LE(f[a], f[b] + 0.5) << a << " subset of " << b;
                }
                EXPECT_LE(f[a | b] + f[a & b], f[a] + f[b] + 0.5) << a << ", " << b;
            }
        }
        // Paris has a 50 Gbit/s fibre to London (a sink) besides its ground links.
        EXPECT_GT(f[8], 50e9);
    }
    EXPECT_GT(mean_deliverable_bps(cuts, std::vector<double>{1e12, 1e12, 1e12, 1e12}), 50e9);
}

TEST(delivery_cut_table, rejects_bad_stations) {
    const s1_delivery d;
    const std::vector<epoch> times{hypatia_epoch()};
    const std::vector<int> overlap{1}, outside{100}, none{};
    EXPECT_EQ(error_message<input_error>([&] { (void)delivery_cut_table(d.model, d.options, overlap, d.sinks, times); }),
              "delivery: station 1 (Delhi) is both a demand region and a sink");
    EXPECT_EQ(error_message<input_error>([&] { (void)delivery_cut_table(d.model, d.options, outside, d.sinks, times); }),
              "delivery: region station 100: expected an index in [0, 100)");
    EXPECT_EQ(error_message<input_error>([&] { (void)delivery_cut_table(d.model, d.options, none, d.sinks, times); }),
              "delivery: expected 1 to 12 demand regions, got 0");
}

/// An nx x ny grid in the x-y plane at `spacing` metres.
std::vector<orbit::vec3> grid(int nx, int ny, double spacing) {
    std::vector<orbit::vec3> p;
    for (int j = 0; j < ny; ++j) for (int i = 0; i < nx; ++i) p.push_back({i * spacing, j * spacing, 0.0});
    return p;
}

TEST(cluster_bandwidth, counts_the_links_across_the_long_axis) {
    // 6 x 2 grid at 100 m, range 120 m: 10 links along x, 6 across; the split across x cuts the 2 links between
    // columns 2 and 3, each 1.6 Tbit/s.
    cluster_links_options o;
    o.max_range_m = 120.0;
    const auto b = cluster_bandwidth_of(grid(6, 2, 100.0), o);
    EXPECT_EQ(b.links.size(), 16U);
    EXPECT_EQ(b.components, 1);
    EXPECT_DOUBLE_EQ(b.bisection_bps, 2 * 1.6e12);
    EXPECT_DOUBLE_EQ(b.per_satellite_bps, 2 * 1.6e12 / 6);
    // With the 141 m diagonals in range, the greedy shortest-first pairing (ties by index) spends the last free
    // terminals on diagonals across the column gaps 0-1, 2-3 and 4-5: the middle gap gains two links.
    o.max_range_m = 145.0;
    EXPECT_DOUBLE_EQ(cluster_bandwidth_of(grid(6, 2, 100.0), o).bisection_bps, 4 * 1.6e12);
}

TEST(cluster_bandwidth, terminal_limit_and_range_can_split_the_cluster) {
    cluster_links_options o;
    o.max_range_m = 150.0;
    o.terminals_per_satellite = 1;  // a matching: pairs only
    const auto pairs = cluster_bandwidth_of(grid(4, 1, 100.0), o);
    EXPECT_EQ(pairs.links.size(), 2U);
    EXPECT_EQ(pairs.components, 2);
    EXPECT_EQ(pairs.bisection_bps, 0.0);
    o.terminals_per_satellite = 4;
    o.max_range_m = 50.0;
    EXPECT_EQ(cluster_bandwidth_of(grid(4, 1, 100.0), o).components, 4);
    o.max_range_m = -1.0;
    EXPECT_EQ(error_message<input_error>([&] { (void)cluster_bandwidth_of(grid(4, 1, 100.0), o); }),
              "cluster links: expected a positive range, got -1 m");
}

}  // namespace
