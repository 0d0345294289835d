// Unit tests of the network module: ground-station parsing, presets, +Grid, topology and routing.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/network/routing.hpp"
#include "support/error_message.hpp"
#include "support/network_fixtures.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::network;

std::string error_of(const auto& fn) { return kardashev::testing::error_message<kardashev::error>(fn); }

TEST(ground_stations, parse_hypatia_format) {
    const auto s = parse_ground_stations("0,Tokyo,35.6895,139.69171,0\n1,São-Paulo,-23.5475,-46.63611,10\n", "gs.txt");
    ASSERT_EQ(s.size(), 2U);
    EXPECT_EQ(s[1].name, "São-Paulo");
    EXPECT_NEAR(s[0].site.lat_rad * 180.0 / constants::pi, 35.6895, 1e-12);
    EXPECT_DOUBLE_EQ(s[1].site.alt_m, 10.0);
    EXPECT_EQ(find_station(s, "tokyo"), 0U);
    EXPECT_EQ(find_station(s, "1"), 1U);
}

TEST(ground_stations, latitude_95_is_an_error_with_its_place) {
    EXPECT_EQ(error_of([] { (void)parse_ground_stations("0,Tokyo,35.6,139.6,0\n1,Nowhere,95,10,0\n", "gs.txt"); }),
              "gs.txt:2:11: latitude: expected a value in [-90, 90] deg, got 95");
    EXPECT_EQ(error_of([] { (void)parse_ground_stations("0,Tokyo,x,139.6\n", "gs.txt"); }),
              "gs.txt:1:1: expected 5 fields id,name,latitude_deg,longitude_deg,elevation_m, got 4");
}

TEST(ground_stations, unknown_station_names_the_key) {
    const auto s = parse_ground_stations("0,Tokyo,35.6895,139.69171,0\n", "gs.txt");
    EXPECT_EQ(error_of([&] { (void)find_station(s, "Atlantis"); }),
              "unknown ground station \"Atlantis\": expected a station name or id");
}

TEST(presets, hypatia_element_sets_follow_its_generator) {
    const auto k1 = *shell_preset("kuiper-k1");
    const auto sets = shell_element_sets(k1);
    ASSERT_EQ(sets.size(), 1156U);
    constexpr double deg = constants::pi / 180.0;
    EXPECT_NEAR(sets[34].raan_rad / deg, 10.5882, 1e-9);           // 360 / 34 printed to 1e-4 deg
    EXPECT_NEAR(sets[34].mean_anomaly_rad / deg, 5.2941, 1e-9);    // odd plane: + 180 / 34
    EXPECT_NEAR(sets[0].eccentricity, 1e-7, 1e-15);
    EXPECT_NEAR(sets[0].mean_motion_rad_per_min * 1440.0 / (2.0 * constants::pi), 14.80, 1e-9);
    EXPECT_EQ(sets[0].epoch_time, hypatia_epoch());
    EXPECT_FALSE(shell_preset("iridium").has_value());
}

TEST(plus_grid, degree_four_and_two_links_per_satellite) {
    const auto l = plus_grid_isls(5, 4, 1);
    ASSERT_EQ(l.size(), 40U);
    std::vector<int> deg(20, 0);
    for (const auto& e : l) {
        ++deg[static_cast<std::size_t>(e.a)];
        ++deg[static_cast<std::size_t>(e.b)];
    }
    for (const int d : deg) EXPECT_EQ(d, 4);
    EXPECT_EQ(l[1], (isl{0, 5, true}));  // (0,0) - (1,1) with shift 1, cross-plane
    EXPECT_EQ(l[39], (isl{19, 0, true}));  // (4,3) - (0,0): seam and shift wrap
}

TEST(routing, dijkstra_picks_the_shorter_of_two_relays_and_skips_ground_relays) {
    // Two stations on the equator 20 deg apart, satellites above each and one in between.
    const auto a = make_ground_station(0, "a", 0.0, 0.0, 0.0);
    const auto b = make_ground_station(1, "b", 0.0, 20.0, 0.0);
    const auto mid = make_ground_station(2, "mid", 0.0, 10.0, 0.0);
    const double r = orbit::wgs84::equatorial_radius_m + 1'000'000.0;
    constexpr double deg = constants::pi / 180.0;
    std::vector<double> x, y, z;
    for (const double lon : {0.0, 10.0, 20.0}) {
        x.push_back(r * std::cos(lon * deg));
        y.push_back(r * std::sin(lon * deg));
        z.push_back(0.0);
    }
    const std::vector<isl> isls{{0, 1}, {1, 2}};
    const std::vector<ground_station> st{a, b, mid};
    network_options o;
    o.gsl.min_elevation_rad = 60.0 * deg;  // each station sees only the satellite above it
    const topology t = build_topology(x, y, z, isls, st, {}, o);
    std::vector<double> d(6);
    std::vector<int> next(6);
    shortest_paths_to(t, 4, false, d, next);
    EXPECT_EQ(next[3], 0);
    EXPECT_EQ(next[0], 1);
    EXPECT_EQ(next[1], 2);
    EXPECT_EQ(next[2], 4);
    const double expected = (2.0 * 1'000'000.0 + 2.0 * 2.0 * r * std::sin(5.0 * deg)) / constants::speed_of_light_m_per_s;
    EXPECT_NEAR(d[3], expected, 1e-12);
    // Without ISLs, the only way is through the middle station, which needs ground relays.
    const topology t2 = build_topology(x, y, z, {}, st, {}, o);
    shortest_paths_to(t2, 4, false, d, next);
    EXPECT_TRUE(std::isinf(d[3]));
}

TEST(routing, zero_length_isl_takes_the_heap_and_gives_the_same_delays_as_the_buckets) {
    // Satellites 0 and 1 share a position (a zero-delay ISL: no bucket width exists, so the search uses its heap);
    // moving satellite 1 by 10 km away from 2 (delays within a factor 1000) gives the bucket queue. Both must route
    // station a over satellites 0 and 2.
    const auto a = make_ground_station(0, "a", 0.0, 0.0, 0.0);
    const auto b = make_ground_station(1, "b", 0.0, 20.0, 0.0);
    const double r = orbit::wgs84::equatorial_radius_m + 1'000'000.0;
    constexpr double deg = constants::pi / 180.0;
    const std::vector<isl> isls{{0, 1}, {1, 2}, {0, 2}};
    network_options o;
    o.gsl.min_elevation_rad = 60.0 * deg;
    std::vector<double> delay_heap(5), delay_buckets(5);
    std::vector<int> next(5);
    for (const double shift_m : {0.0, -10'000.0}) {
        const std::vector<double> x{r, r, r * std::cos(20.0 * deg)};
        const std::vector<double> y{0.0, shift_m, r * std::sin(20.0 * deg)};
        const std::vector<double> z{0.0, 0.0, 0.0};
        const topology t = build_topology(x, y, z, isls, std::vector<ground_station>{a, b}, {}, o);
        shortest_paths_to(t, 4, false, shift_m == 0.0 ? delay_heap : delay_buckets, next);
        EXPECT_EQ(next[3], 0) << shift_m;  // a -> satellite 0 (nearer than 1, or tied and first)
        EXPECT_EQ(next[0], 2) << shift_m;  // straight to satellite 2 over the direct ISL
    }
    const double expected = (2.0 * 1'000'000.0 + 2.0 * r * std::sin(10.0 * deg)) / constants::speed_of_light_m_per_s;
    EXPECT_NEAR(delay_heap[3], expected, 1e-12);
    EXPECT_NEAR(delay_buckets[3], expected, 1e-12);
    EXPECT_NEAR(delay_heap[1], delay_heap[0], 1e-15);  // satellite 1: the zero-delay hop to 0
}

TEST(routing, fibre_links_stations_at_c_over_1_468) {
    const auto a = make_ground_station(0, "a", 0.0, 0.0, 0.0);
    const auto b = make_ground_station(1, "b", 0.0, 10.0, 0.0);
    const std::vector<ground_station> st{a, b};
    const std::vector<fibre_link> f{{0, 1, 1.2}};
    const topology t = build_topology({}, {}, {}, {}, st, f, network_options{});
    std::vector<double> d(2);
    std::vector<int> next(2);
    shortest_paths_to(t, 1, false, d, next);
    EXPECT_NEAR(d[0], geodesic_distance_m(a.site, b.site) * 1.2 * 1.468 / constants::speed_of_light_m_per_s, 1e-15);
    EXPECT_EQ(t.kind[0], link_kind::fibre);
}

TEST(routing, link_limits_keep_the_nearest) {
    const auto a = make_ground_station(0, "a", 0.0, 0.0, 0.0);
    const double r = orbit::wgs84::equatorial_radius_m;
    const std::vector<double> x{r + 500e3, r + 600e3, r + 700e3}, y{0.0, 1.0, -1.0}, z{0.0, 0.0, 0.0};
    const std::vector<ground_station> st{a};
    network_options o;
    o.gsl.max_per_station = 2;
    const topology t = build_topology(x, y, z, {}, st, {}, o);
    EXPECT_EQ(t.offsets[4] - t.offsets[3], 2);
    EXPECT_EQ(t.offsets[3] - t.offsets[2], 0);  // the farthest satellite has no link
}

TEST(routing, results_do_not_depend_on_thread_count) {
    const auto s1 = *shell_preset("telesat-t1");
    network_model m;
    m.satellites = shell_element_sets(s1);
    m.isls = plus_grid_isls(s1.planes, s1.sats_per_plane, 0);
    m.stations = parse_ground_stations("0,Paris,48.85341,2.3488,0\n1,Luanda,-8.83682,13.23432,0\n2,Tokyo,35.6895,139.69171,0\n",
                                       "gs");
    const std::vector<station_pair> p{{0, 1}, {2, 0}, {1, 2}};
    run_options run;
    run.start = hypatia_epoch();
    run.step = duration::from_seconds(7.0);
    run.steps = 150;
    run.threads = 1;
    const auto one = simulate_routes(m, p, network_options{}, run);
    run.threads = 2;
    const auto two = simulate_routes(m, p, network_options{}, run);
    EXPECT_EQ(one.pairs, two.pairs);
    EXPECT_GE(one.pairs[0].paths.size(), 1U);
    EXPECT_EQ(one.pairs[0].paths[0].step, 0);
}

/// Runs Starlink shell 1 with Hypatia's 100 cities, all 4,950 pairs.
route_run starlink_all_pairs(double step_s, std::int64_t steps, bool warm, int threads) {
    run_options run;
    run.start = hypatia_epoch();
    run.step = duration::from_seconds(step_s);
    run.steps = steps;
    run.threads = threads;
    run.warm_start = warm;
    return simulate_routes(kardashev::testing::starlink_s1_top_100(), kardashev::testing::all_pairs(100),
                           kardashev::testing::starlink_s1_slant_range(), run);
}

/// The same RTTs bit for bit (NaN where unreachable), hops and stored paths.
void expect_same_routes(const route_run& a, const route_run& b) {
    ASSERT_EQ(a.pairs.size(), b.pairs.size());
    for (std::size_t q = 0; q < a.pairs.size(); ++q) {
        const auto& x = a.pairs[q];
        const auto& y = b.pairs[q];
        ASSERT_EQ(x.rtt_s.size(), y.rtt_s.size());
        for (std::size_t k = 0; k < x.rtt_s.size(); ++k) {
            ASSERT_TRUE(x.rtt_s[k] == y.rtt_s[k] || (std::isnan(x.rtt_s[k]) && std::isnan(y.rtt_s[k])))
                << "pair " << q << " step " << k << ": " << x.rtt_s[k] << " vs " << y.rtt_s[k];
        }
        ASSERT_EQ(x.hops, y.hops) << "pair " << q;
        ASSERT_EQ(x.paths, y.paths) << "pair " << q;
    }
}

TEST(routing, trees_kept_from_the_step_before_give_the_fresh_searches_results) {
    // 100 ms steps (the speed benchmark's): nearly every tree is kept, and the few that change (a ground link
    // gone, a next hop overtaken) are searched afresh; results equal the fresh searches' bit for bit.
    const route_run fresh = starlink_all_pairs(0.1, 40, false, 1);
    const route_run kept = starlink_all_pairs(0.1, 40, true, 1);
    EXPECT_EQ(fresh.trees_kept, 0);
    EXPECT_EQ(kept.searches, fresh.searches);
    EXPECT_GT(kept.trees_kept, kept.searches * 8 / 10) << kept.trees_kept << " of " << kept.searches;
    EXPECT_LT(kept.trees_kept, kept.searches - 99) << "the first step is searched, and some trees change";
    expect_same_routes(fresh, kept);
    std::size_t changes = 0;
    for (const auto& s : kept.pairs) changes += s.paths.size() - 1;
    EXPECT_GT(changes, 0U);  // paths do change in 4 s, and the kept trees follow
    // Two threads split the steps into runs, each starting afresh.
    expect_same_routes(fresh, starlink_all_pairs(0.1, 40, true, 2));
}

TEST(routing, progress_is_reported_after_each_block_of_steps) {
    const auto t1 = *shell_preset("telesat-t1");
    network_model m;
    m.satellites = shell_element_sets(t1);
    m.isls = plus_grid_isls(t1.planes, t1.sats_per_plane, 0);
    m.stations = parse_ground_stations("0,Paris,48.85341,2.3488,0\n1,Luanda,-8.83682,13.23432,0\n", "gs");
    run_options run;
    run.start = hypatia_epoch();
    run.steps = 150;
    std::vector<std::int64_t> done;
    run.on_progress = [&done](std::int64_t n) { done.push_back(n); };
    (void)simulate_routes(m, std::vector<station_pair>{{0, 1}}, network_options{}, run);
    EXPECT_EQ(done, (std::vector<std::int64_t>{64, 128, 150}));
}

TEST(routing, coarse_steps_fall_back_to_fresh_searches) {
    // At 60 s the trees change every step: the checks fail, back off, and the results stay the fresh ones.
    const route_run fresh = starlink_all_pairs(60.0, 12, false, 1);
    const route_run kept = starlink_all_pairs(60.0, 12, true, 1);
    EXPECT_LT(kept.trees_kept, kept.searches / 10);
    expect_same_routes(fresh, kept);
}

}  // namespace

namespace {

TEST(moon_link, route_to_the_moon_goes_through_a_terminal_that_sees_it) {
    using namespace kardashev;
    using namespace kardashev::network;
    const auto s1 = *shell_preset("starlink-s1");
    network_model m;
    m.satellites = shell_element_sets(s1);
    m.isls = plus_grid_isls(s1.planes, s1.sats_per_plane, 0);
    m.stations = parse_ground_stations("0,Tokyo,35.6895,139.69171,0\n1,Goldstone,35.4267,-116.89,1000\n"
                                       "2,Madrid,40.4314,-4.2481,800\n3,Canberra,-35.4014,148.9817,650\n",
                                       "dsn");
    m.moon_terminals = {1, 2, 3};
    const std::vector<station_pair> p{{0, 4}, {4, 0}};
    run_options run;
    run.start = epoch::from_utc({2026, 3, 1, 0, 0, 0, 0});
    run.step = duration::from_seconds(3600.0);
    run.steps = 24;
    const auto r = simulate_routes(m, p, network_options{}, run);
    const int moon = r.satellites + 4;
    int reached = 0;
    for (std::size_t k = 0; k < 24; ++k) {
        const double rtt = r.pairs[0].rtt_s[k];
        if (std::isnan(rtt)) continue;
        ++reached;
        const double t_s = r.time_s[k];
        const epoch t = run.start + duration::from_seconds(t_s);
        EXPECT_GT(rtt, 2.0 * (earth_moon_delay_s(t) - 6.4e6 / constants::speed_of_light_m_per_s));
        EXPECT_LT(rtt, 2.0 * earth_moon_delay_s(t) + 0.2);
        EXPECT_DOUBLE_EQ(rtt, r.pairs[1].rtt_s[k]);
    }
    EXPECT_GE(reached, 20);  // three terminals ~120 deg apart nearly always have the Moon above 10 deg
    ASSERT_FALSE(r.pairs[0].paths.empty());
    for (const auto& c : r.pairs[0].paths) {
        if (c.nodes.empty()) continue;
        EXPECT_EQ(c.nodes.back(), moon);
        const int terminal = c.nodes[c.nodes.size() - 2] - r.satellites;
        EXPECT_TRUE(terminal >= 1 && terminal <= 3) << terminal;
    }
    EXPECT_THROW((void)simulate_routes(m, std::vector<station_pair>{{0, 5}}, network_options{}, run), input_error);
}

}  // namespace

namespace {

TEST(walker, designed_shell_keeps_its_grid_links_in_line_of_sight) {
    using namespace kardashev;
    using namespace kardashev::network;
    const epoch t0 = epoch::from_utc({2026, 1, 1, 0, 0, 0, 0});
    network_model m;
    m.satellites = walker_element_sets(12, 20, 1, 550e3, 53.0 * constants::pi / 180.0, t0);
    ASSERT_EQ(m.satellites.size(), 240U);
    m.isls = plus_grid_isls(12, 20, 0);
    m.stations = {make_ground_station(0, "a", 0.0, 0.0, 0.0)};
    const topology t = topology_at(m, network_options{}, t0 + duration::from_seconds(600.0));
    EXPECT_GE(t.offsets[1] - t.offsets[0], 4);  // its 4 ISLs, and a ground link if in view
    int isl_edges = 0;
    for (const auto k : t.kind) isl_edges += k == link_kind::isl ? 1 : 0;
    EXPECT_EQ(isl_edges, 2 * 480);
    for (std::size_t e = 0; e < t.kind.size(); ++e) {
        if (t.kind[e] == link_kind::isl) {
            EXPECT_LT(t.delay_s[e] * constants::speed_of_light_m_per_s, 5'016'600.0);
        }
    }
}

}  // namespace

namespace {

TEST(shells, several_shells_share_one_graph) {
    using namespace kardashev::network;
    network_model m;
    EXPECT_EQ(append_shell(m, *shell_preset("telesat-t1")), 0);
    EXPECT_EQ(append_shell(m, *shell_preset("kuiper-k1")), 351);
    EXPECT_EQ(m.satellites.size(), 351U + 1156U);
    EXPECT_EQ(m.isls.size(), 2U * (351U + 1156U));
    EXPECT_EQ(m.isls[702], (isl{351, 352}));  // the second shell's first link, offset by the first shell
    EXPECT_EQ(m.satellites[351].catalogue_number, 352U);
}

TEST(routing, per_satellite_limit_serves_the_nearest_station) {
    using namespace kardashev;
    using namespace kardashev::network;
    const double r = orbit::wgs84::equatorial_radius_m + 550e3;
    const std::vector<double> x{r}, y{0.0}, z{0.0};
    const std::vector<ground_station> st{make_ground_station(0, "far", 0.0, 2.0, 0.0), make_ground_station(1, "near", 0.0, 0.5, 0.0)};
    network_options o;
    o.gsl.max_per_satellite = 1;
    const topology t = build_topology(x, y, z, {}, st, {}, o);
    EXPECT_EQ(t.offsets[1] - t.offsets[0], 1);
    EXPECT_EQ(t.targets[static_cast<std::size_t>(t.offsets[0])], 2);  // node 1 + station 1
}

}  // namespace
