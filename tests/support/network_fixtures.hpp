#pragma once
// Test fixtures of the network layer: Hypatia's Starlink shell 1 setup (72 x 22 +Grid, slant-range ground links)
// with its 100 most populous cities, and every pair among them.

#include <vector>

#include "kardashev/network/routing.hpp"

namespace kardashev::testing {

/// Starlink shell 1 (Hypatia's preset) with its +Grid (no shift) and Hypatia's 100 cities.
inline network::network_model starlink_s1_top_100() {
    const network::shell_design s1 = *network::shell_preset("starlink-s1");
    network::network_model m;
    m.satellites = network::shell_element_sets(s1);
    m.isls = network::plus_grid_isls(s1.planes, s1.sats_per_plane, 0);
    m.stations = network::hypatia_top_100_stations();
    return m;
}

/// Hypatia's ground-link rule for shell 1: slant range at most 1,089,686 m.
inline network::network_options starlink_s1_slant_range() {
    network::network_options o;
    o.gsl.rule = network::gsl_rule::slant_range;
    o.gsl.max_range_m = network::shell_preset("starlink-s1")->max_gsl_range_m;
    return o;
}

/// Every pair (a, d) with a < d < n, destinations in order.
inline std::vector<network::station_pair> all_pairs(int n) {
    std::vector<network::station_pair> p;
    for (int d = 0; d < n; ++d)
        for (int a = 0; a < d; ++a) p.push_back({a, d});
    return p;
}

}  // namespace kardashev::testing
