// Root choice of satellites-only searches: greedy start, then local search over the stations' radii.

#include "root_cover.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <tuple>
#include <utility>

#include "kardashev/core/constants.hpp"
#include "kardashev/orbit/vec3.hpp"

namespace kardashev::network::detail {

namespace {

constexpr double earth_radius_m = constants::earth_mean_radius_m;  // a heuristic needs no ellipsoid

/// One pair seen from one of its ends.
struct incidence {
    double length_m = 0.0;  //!< great-circle length of the pair [m]
    double area = 0.0;      //!< cap_area(length_m)
    int partner = 0;        //!< the station at the other end
};

/// The covering problem of a run's pairs.
struct cover_problem {
    std::vector<double> length_m;                  //!< per pair: great-circle length [m] (0 from a station to itself)
    std::vector<std::vector<incidence>> incident;  //!< per station: its pairs, longest first
    std::vector<std::size_t> longest_first;        //!< the pairs between two stations, longest first
};

/// The radius of each station's cap and its area.
struct cover {
    std::vector<double> radius_m;  //!< per station [m]; -1: no cap
    std::vector<double> area;      //!< cap_area(radius_m)
};

cover_problem problem_of(std::span<const station_pair> pairs, std::span<const ground_station> stations) {
    // Lengths on the sphere: R x the angle between the stations' normals.
    std::vector<orbit::vec3> normal;
    for (const auto& st : stations) {
        const double cos_lat = std::cos(st.site.lat_rad);
        normal.push_back({cos_lat * std::cos(st.site.lon_rad), cos_lat * std::sin(st.site.lon_rad),
                          std::sin(st.site.lat_rad)});
    }
    cover_problem problem;
    problem.length_m.assign(pairs.size(), 0.0);
    problem.incident.resize(stations.size());
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        const station_pair& p = pairs[q];
        if (p.src == p.dst) continue;
        const orbit::vec3& u = normal[p.src];
        const orbit::vec3& v = normal[p.dst];
        const double cos_angle = std::clamp(u[0] * v[0] + u[1] * v[1] + u[2] * v[2], -1.0, 1.0);
        const double length = earth_radius_m * std::acos(cos_angle);
        problem.length_m[q] = length;
        const double area = cap_area(length);
        problem.incident[p.src].push_back({length, area, p.dst});
        problem.incident[p.dst].push_back({length, area, p.src});
        problem.longest_first.push_back(q);
    }
    for (auto& list : problem.incident) {
        std::sort(list.begin(), list.end(), [](const incidence& x, const incidence& y) {
            return x.length_m > y.length_m || (x.length_m == y.length_m && x.partner > y.partner);
        });
    }
    const auto key = [&](std::size_t q) {
        const station_pair& p = pairs[q];
        return std::tuple{-problem.length_m[q], std::min(p.src, p.dst), std::max(p.src, p.dst)};
    };
    std::stable_sort(problem.longest_first.begin(), problem.longest_first.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return problem;
}

/// Greedy start: pairs longest first, each not yet covered to the end whose cap grows less (ties: the destination).
cover greedy_cover(const cover_problem& problem, std::span<const station_pair> pairs, std::size_t stations) {
    cover c{std::vector<double>(stations, -1.0), std::vector<double>(stations, 0.0)};
    for (const std::size_t q : problem.longest_first) {
        const int dst = pairs[q].dst, src = pairs[q].src;
        const double length = problem.length_m[q];
        if (c.radius_m[dst] >= length || c.radius_m[src] >= length) continue;
        const double area = cap_area(length);
        const int grow = area - c.area[src] < area - c.area[dst] ? src : dst;
        c.radius_m[grow] = length;
        c.area[grow] = area;
    }
    return c;
}

/// Scratch of the local search: the partners' radii and areas for the candidate at hand.
struct widening {
    std::vector<double> radius_m;   //!< per station: widened radius [m], -1 where not widened
    std::vector<double> area;       //!< cap_area of it
    std::vector<std::size_t> touched;
};

/// The radius of station i that lowers the total area most (its current one when none does), and its area. Lowering
/// i's radius to c hands each pair (i, j) longer than c to j, whose radius grows to the longest of them; candidates
/// are scanned from the current radius down, growing the partners incrementally.
std::pair<double, double> best_radius_of(std::size_t i, const cover_problem& problem, const cover& c, widening& wide) {
    const std::vector<incidence>& pairs_of_i = problem.incident[i];
    wide.touched.clear();
    double partners_growth = 0.0;  // growth of the partners' areas for the candidate at hand
    double best_gain = 0.0, best_radius = c.radius_m[i], best_area = c.area[i];
    std::size_t k = 0;
    while (k < pairs_of_i.size() && pairs_of_i[k].length_m > c.radius_m[i]) ++k;  // already covered by their partners
    while (true) {
        // Candidate: the next pair's length (every longer pair handed over), or -1 when none is left.
        const double candidate = k < pairs_of_i.size() ? pairs_of_i[k].length_m : -1.0;
        const double candidate_area = k < pairs_of_i.size() ? pairs_of_i[k].area : 0.0;
        const double gain = c.area[i] - candidate_area - partners_growth;
        if (gain > best_gain * (1.0 + 1e-12) + 1e-15) {
            best_gain = gain;
            best_radius = candidate;
            best_area = candidate_area;
        }
        if (k == pairs_of_i.size()) break;
        // Hand over every pair of this length.
        const double length = pairs_of_i[k].length_m;
        for (; k < pairs_of_i.size() && pairs_of_i[k].length_m == length; ++k) {
            const auto j = static_cast<std::size_t>(pairs_of_i[k].partner);
            const bool grown = wide.radius_m[j] >= 0.0;
            if ((grown ? wide.radius_m[j] : c.radius_m[j]) >= length) continue;
            if (!grown) wide.touched.push_back(j);
            partners_growth += pairs_of_i[k].area - (grown ? wide.area[j] : c.area[j]);
            wide.radius_m[j] = length;
            wide.area[j] = pairs_of_i[k].area;
        }
    }
    for (const std::size_t j : wide.touched) wide.radius_m[j] = -1.0;
    return {best_radius, best_area};
}

/// Local search: per station, its best radius (best_radius_of), the partners of the pairs it drops widened to cover
/// them; until no station improves (at most 100 passes).
void improve_cover(const cover_problem& problem, cover& c) {
    const std::size_t stations = c.radius_m.size();
    widening wide{std::vector<double>(stations, -1.0), std::vector<double>(stations, 0.0), {}};
    for (int pass = 0; pass < 100; ++pass) {
        bool improved = false;
        for (std::size_t i = 0; i < stations; ++i) {
            if (problem.incident[i].empty() || c.radius_m[i] < 0.0) continue;
            const auto [radius, area] = best_radius_of(i, problem, c, wide);
            if (radius == c.radius_m[i]) continue;
            for (const incidence& x : problem.incident[i]) {
                if (x.length_m <= radius) break;
                if (c.radius_m[x.partner] < x.length_m) {
                    c.radius_m[x.partner] = x.length_m;
                    c.area[x.partner] = x.area;
                }
            }
            c.radius_m[i] = radius;
            c.area[i] = area;
            improved = true;
        }
        if (!improved) break;
    }
}

}  // namespace

double cap_area(double radius_m) { return radius_m < 0.0 ? 0.0 : 1.0 - std::cos(radius_m / earth_radius_m); }

root_choice choose_roots(std::span<const station_pair> pairs, std::span<const ground_station> stations,
                         bool local_search) {
    const cover_problem problem = problem_of(pairs, stations);
    cover c = greedy_cover(problem, pairs, stations.size());
    if (local_search) improve_cover(problem, c);
    root_choice choice;
    choice.root_of.resize(pairs.size());
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        const int dst = pairs[q].dst;
        choice.root_of[q] = pairs[q].src == dst || c.radius_m[dst] >= problem.length_m[q] ? dst : pairs[q].src;
    }
    for (const double r : c.radius_m) choice.total_area += cap_area(r);
    choice.radius_m = std::move(c.radius_m);
    return choice;
}

}  // namespace kardashev::network::detail
