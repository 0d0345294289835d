// Source: tests/data/network/networkx_starlink_s1_rtt.csv, networkx 2.8.8 Dijkstra on kardashev's own Starlink shell 1 snapshots with Hypatia's 100 cities (tools/make_networkx_agreement.py; README beside it).
//
// Tolerance: 1e-6 relative on every pair and step (issue 5). The snapshots are identical (exported delays to
// 17 digits) and the reference is printed to 12 significant digits, so only summation order and that
// rounding (5e-12 relative) separate the two; reachability must match exactly.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "kardashev/network/routing.hpp"
#include "support/network_fixtures.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::network;

TEST(networkx_agreement, starlink_s1_all_city_pairs_match_networkx_dijkstra) {
    std::ifstream f(std::string(KD_TEST_DATA_DIR) + "/network/networkx_starlink_s1_rtt.csv");
    ASSERT_TRUE(f) << "reference file missing";
    std::string line;
    std::getline(f, line);
    std::map<std::tuple<int, int, int>, double> ref;
    while (std::getline(f, line)) {
        int k = 0, s = 0, d = 0;
        char rtt[64] = {0};
        const int got = std::sscanf(line.c_str(), "%d,%d,%d,%63s", &k, &s, &d, rtt);
        ASSERT_GE(got, 3) << line;
        ref[{k, s, d}] = got == 4 ? std::stod(rtt) : std::nan("");
    }
    ASSERT_EQ(ref.size(), 3U * 4950U);

    const network_model m = kardashev::testing::starlink_s1_top_100();
    const network_options o = kardashev::testing::starlink_s1_slant_range();
    const std::vector<station_pair> pairs = kardashev::testing::all_pairs(100);
    run_options run;
    run.start = hypatia_epoch();
    run.step = duration::from_seconds(60.0);
    run.steps = 3;
    const route_run r = simulate_routes(m, pairs, o, run);
    double worst = 0.0;
    int compared = 0;
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        for (int k = 0; k < 3; ++k) {
            const double want = ref.at({k, pairs[q].src, pairs[q].dst});
            const double got = r.pairs[q].rtt_s[static_cast<std::size_t>(k)] * 1e3;
            ASSERT_EQ(std::isnan(want), std::isnan(got)) << "pair " << pairs[q].src << "-" << pairs[q].dst << " step " << k;
            if (std::isnan(want)) continue;
            worst = std::fmax(worst, std::fabs(got / want - 1.0));
            ++compared;
        }
    }
    EXPECT_LT(worst, 1e-6);
    EXPECT_GT(compared, 14'000);
    std::printf("networkx agreement: %d RTTs, worst relative difference %.3g\n", compared, worst);
}

}  // namespace
