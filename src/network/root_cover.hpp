#pragma once
// The end of each pair a satellites-only search starts from (private): a weighted covering problem over the
// stations, solved once per run (docs/models/network.md, Speed).

#include <span>
#include <vector>

#include "kardashev/network/nodes.hpp"
#include "kardashev/network/routing.hpp"

namespace kardashev::network::detail {

/// Area of a spherical cap of geodesic radius `radius_m` on the mean sphere, 1 - cos(r / R) (a hemisphere is 1); 0
/// for a negative radius (no cap).
[[nodiscard]] double cap_area(double radius_m);

/// The roots chosen for a run's pairs.
struct root_choice {
    std::vector<int> root_of;       //!< per pair: the station index it is searched from
    std::vector<double> radius_m;   //!< per station: the longest pair it covers [m], -1 where it covers none
    double total_area = 0.0;        //!< sum over stations of cap_area(radius_m) (the quantity minimised)
};

/// The ends to search from when delays are symmetric (satellites-only searches). A search from root i stops once
/// its partners' routes are final, so its work grows with the satellites in the cap out to its farthest partner:
/// radius r_i = the longest great circle among the pairs given to i. The choice minimises the summed cap area
/// subject to every pair lying within the radius of one of its ends: a greedy start (pairs longest first, each to
/// the end whose cap grows less), then, with `local_search`, for one station at a time the radius (one of its pairs'
/// lengths, or none) that lowers the total most once the partners of the pairs it drops widen to cover them,
/// repeated until no station improves. A pair goes to its destination when the destination's radius covers it, else
/// to its source; a pair from a station to itself goes to that station.
[[nodiscard]] root_choice choose_roots(std::span<const station_pair> pairs, std::span<const ground_station> stations,
                                       bool local_search = true);

}  // namespace kardashev::network::detail
