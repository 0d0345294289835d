// Unit tests of the path search (src/network/path_search.hpp) on small hand-made graphs, with both queues, the
// three row views, early stops and the watcher; and the row order of built topologies.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "kardashev/network/routing.hpp"
#include "network/path_search.hpp"
#include "network/satellite_rows.hpp"
#include "network/topology_build.hpp"
#include "support/network_fixtures.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::network;
using namespace kardashev::network::detail;

constexpr double inf = std::numeric_limits<double>::infinity();

/// Six nodes, undirected delays [s]: 0-1 1, 0-2 4, 1-2 2, 1-3 5, 2-3 1, 3-4 3, 2-4 7; node 5 isolated. From node 4
/// the shortest delays are 3 (node 3), 4 (2 over 3), 6 (1 over 2), 7 (0 over 1); every node but 5 has at most four
/// links. All links are ISLs of six "satellites", so the graph reads as a satellites-only topology too.
topology hand_made_graph() {
    const int edges[][2] = {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {2, 4}};
    const double delays[] = {1.0, 4.0, 2.0, 5.0, 1.0, 3.0, 7.0};
    topology t;
    t.satellites = 6;
    t.relay.assign(6, 1);
    std::vector<std::vector<std::pair<int, double>>> rows(6);
    for (std::size_t i = 0; i < 7; ++i) {
        rows[static_cast<std::size_t>(edges[i][0])].push_back({edges[i][1], delays[i]});
        rows[static_cast<std::size_t>(edges[i][1])].push_back({edges[i][0], delays[i]});
    }
    t.offsets.push_back(0);
    for (const auto& row : rows) {
        for (const auto& [v, d] : row) {
            t.targets.push_back(v);
            t.delay_s.push_back(d);
            t.capacity_bps.push_back(1.0);
            t.kind.push_back(link_kind::isl);
        }
        t.offsets.push_back(static_cast<int>(t.targets.size()));
    }
    return t;
}

const std::vector<double> expected_delay{7.0, 6.0, 4.0, 3.0, 0.0, inf};
const std::vector<int> expected_next{1, 2, 3, 4, no_node, no_node};

/// A search from node 4 over every edge with `queue`; the delays and next hops (and the settle order).
struct outcome {
    std::vector<double> delay;
    std::vector<int> next;
    std::vector<int> order;
};

outcome search_from_4(const topology& g, const bucket_plan& queue, int wanted_count = 0,
                      const std::vector<int>& wanted = {}) {
    outcome r{std::vector<double>(6), std::vector<int>(6), {}};
    search_space space;
    space.begin(6);
    for (const int v : wanted) space.want(v);
    const seed from[1] = {{4, 0.0, no_node}};
    search(rows_of(g, 4, false), {from, wanted_count, queue, &r.order}, {r.delay, r.next}, space);
    return r;
}

TEST(path_search, buckets_and_heap_give_the_known_shortest_delays_and_next_hops) {
    const topology g = hand_made_graph();
    const auto [lo, hi] = delay_range(g, false);
    EXPECT_EQ(lo, 1.0);
    EXPECT_EQ(hi, 7.0);
    const bucket_plan buckets = plan_buckets(lo, hi);
    ASSERT_FALSE(buckets.uses_heap());
    for (const bucket_plan& queue : {buckets, bucket_plan{}}) {
        const outcome r = search_from_4(g, queue);
        EXPECT_EQ(r.delay, expected_delay) << queue.inv_width_per_s;
        EXPECT_EQ(r.next, expected_next) << queue.inv_width_per_s;
        // Settled nearest first; the isolated node never.
        EXPECT_EQ(r.order, (std::vector<int>{4, 3, 2, 1, 0})) << queue.inv_width_per_s;
    }
}

TEST(path_search, delays_spread_over_1000x_or_zero_take_the_heap) {
    EXPECT_TRUE(plan_buckets(0.0, 1.0).uses_heap());
    EXPECT_TRUE(plan_buckets(1e-3, 1.001).uses_heap());
    const bucket_plan p = plan_buckets(1.0, 7.0);
    EXPECT_DOUBLE_EQ(p.inv_width_per_s, 1.0 / 0.999);
    EXPECT_EQ(p.mask + 1, 16U);  // the power of two at or above floor(7 / 0.999) + 2 = 9 slots
}

TEST(path_search, a_node_that_does_not_relay_ends_paths) {
    topology g = hand_made_graph();
    g.relay[3] = 0;  // node 3 is reached but passes nothing on
    std::vector<double> delay(6);
    std::vector<int> next(6);
    search_space space;
    space.begin(6);
    const seed from[1] = {{4, 0.0, no_node}};
    const auto [lo, hi] = delay_range(g, false);
    search(rows_of(g, 4, false), {from, 0, plan_buckets(lo, hi), nullptr}, {delay, next}, space);
    // Node 2 only directly (7 s), then 1 over 2 (9 s) and 0 over 1 (10 s, not 11 s over the 0-2 link).
    EXPECT_EQ(delay, (std::vector<double>{10.0, 9.0, 7.0, 3.0, 0.0, inf}));
    EXPECT_EQ(next, (std::vector<int>{1, 2, 4, 4, no_node, no_node}));
    // With ground relays every node relays again.
    search(rows_of(g, 4, true), {from, 0, plan_buckets(lo, hi), nullptr}, {delay, next}, space);
    EXPECT_EQ(delay, expected_delay);
}

TEST(path_search, stops_once_the_wanted_nodes_are_settled) {
    const topology g = hand_made_graph();
    const auto [lo, hi] = delay_range(g, false);
    for (const bucket_plan& queue : {plan_buckets(lo, hi), bucket_plan{}}) {
        const outcome r = search_from_4(g, queue, 2, {3, 2});
        EXPECT_EQ(r.order, (std::vector<int>{4, 3, 2}));
        EXPECT_EQ(r.delay[2], 4.0);
        EXPECT_EQ(r.delay[3], 3.0);
        EXPECT_EQ(r.delay[1], 8.0);  // tentative: over 3, not yet over 2 (6 s)
        EXPECT_EQ(r.delay[0], inf);  // not reached: node 2 stopped the search before relaxing
    }
}

/// Stops once the lower bound passes `limit_s`, and records what it heard.
struct stop_after {
    double limit_s = 0.0;
    std::vector<int> heard;
    std::vector<double> bounds;
    void settled(int u) { heard.push_back(u); }
    bool done(double lower_bound_s) {
        bounds.push_back(lower_bound_s);
        return lower_bound_s > limit_s;
    }
};

TEST(path_search, watcher_hears_wanted_nodes_and_stops_at_a_lower_bound) {
    const topology g = hand_made_graph();
    const auto [lo, hi] = delay_range(g, false);
    for (const bucket_plan& queue : {plan_buckets(lo, hi), bucket_plan{}}) {
        std::vector<double> delay(6);
        std::vector<int> next(6);
        std::vector<int> order;
        search_space space;
        space.begin(6);
        space.want(1);
        space.want(2);
        stop_after watch{4.5, {}, {}};
        const seed from[1] = {{4, 0.0, no_node}};
        search(rows_of(g, 4, false), {from, 0, queue, &order}, {delay, next}, space, watch);
        EXPECT_EQ(order, (std::vector<int>{4, 3, 2})) << "stops before node 1 (6 s)";
        EXPECT_EQ(watch.heard, (std::vector<int>{2}));
        // Each bound is below the delay of every node not settled when it is given.
        for (std::size_t i = 1; i < watch.bounds.size(); ++i) EXPECT_GE(watch.bounds[i], watch.bounds[i - 1]);
        EXPECT_LE(watch.bounds.back(), 6.0);
    }
}

TEST(path_search, four_wide_and_isl_head_rows_give_the_same_tree) {
    const topology g = hand_made_graph();
    satellite_rows rows;
    rows.build(g);
    ASSERT_TRUE(rows.four_wide);
    EXPECT_EQ(rows.isl_end, (std::vector<int>(g.offsets.begin() + 1, g.offsets.end())));
    EXPECT_EQ(rows.target4[5 * 4], 6) << "node 5 has no ISL: padding";
    const auto [lo, hi] = delay_range(g, true);
    const seed from[1] = {{4, 0.0, no_node}};
    search_space space;
    // Four-wide: one more element for the padding node, at -infinity so that no path improves it.
    std::vector<double> delay(7);
    std::vector<int> next(7);
    delay[6] = -inf;
    space.begin(6);
    search(rows.four(), {from, 0, plan_buckets(lo, hi), nullptr}, {delay, next}, space);
    EXPECT_EQ(std::vector<double>(delay.begin(), delay.begin() + 6), expected_delay);
    EXPECT_EQ(std::vector<int>(next.begin(), next.begin() + 6), expected_next);
    EXPECT_EQ(delay[6], -inf);
    std::vector<double> head_delay(6);
    std::vector<int> head_next(6);
    space.begin(6);
    search(rows.heads_of(g), {from, 0, plan_buckets(lo, hi), nullptr}, {head_delay, head_next}, space);
    EXPECT_EQ(head_delay, expected_delay);
    EXPECT_EQ(head_next, expected_next);
}

TEST(path_search, seeds_start_with_their_delays_and_next_hops) {
    // Two seeds, as a satellites-only search seeds a root's ground links: node 0 at 2 s and node 4 at 0.5 s, both
    // entered from a root outside the graph (node 9).
    const topology g = hand_made_graph();
    const auto [lo, hi] = delay_range(g, false);
    std::vector<double> delay(6);
    std::vector<int> next(6);
    search_space space;
    space.begin(6);
    const seed from[2] = {{0, 2.0, 9}, {4, 0.5, 9}};
    search(rows_of(g, 4, false), {from, 0, plan_buckets(lo, hi), nullptr}, {delay, next}, space);
    EXPECT_EQ(delay, (std::vector<double>{2.0, 3.0, 4.5, 3.5, 0.5, inf}));
    EXPECT_EQ(next, (std::vector<int>{9, 0, 3, 4, 9, no_node}));
}

TEST(topology_row_order, a_satellites_row_lists_its_isls_before_its_ground_links) {
    const network_model m = kardashev::testing::starlink_s1_top_100();
    for (const bool repair : {false, true}) {
        network_options o = kardashev::testing::starlink_s1_slant_range();
        o.repair.enabled = repair;
        const topology t = topology_at(m, o, hypatia_epoch() + duration::from_seconds(100.0));
        EXPECT_TRUE(satellite_rows_lead_with_isls(t)) << repair;
        int with_both = 0;  // satellites with ISLs and ground links: the order is tested, not vacuous
        for (int u = 0; u < t.satellites; ++u) {
            const auto first = static_cast<std::size_t>(t.offsets[static_cast<std::size_t>(u)]);
            const auto last = static_cast<std::size_t>(t.offsets[static_cast<std::size_t>(u) + 1]);
            with_both += last > first && t.kind[first] == link_kind::isl && t.kind[last - 1] == link_kind::gsl;
        }
        EXPECT_GT(with_both, 100) << repair;
    }
    topology swapped = hand_made_graph();
    swapped.kind[0] = link_kind::gsl;  // node 0's first link a ground link, an ISL after it
    EXPECT_FALSE(satellite_rows_lead_with_isls(swapped));
}

}  // namespace
