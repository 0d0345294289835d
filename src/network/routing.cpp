#include "kardashev/network/routing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>
#include <utility>

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/partitioner.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/orbit/sgp4.hpp"

namespace kardashev::network {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double c_m_s = constants::speed_of_light_m_per_s;

struct edge {
    int u = 0;
    int v = 0;
    double delay_s = 0.0;
    double capacity_bps = 0.0;
    link_kind kind = link_kind::isl;
};

struct gsl_candidate {
    double range_m = 0.0;
    int station = 0;
    int sat = 0;
};

/// Station positions and local vertical, computed once per run.
struct station_frame {
    std::vector<orbit::vec3> r_ecef;
    std::vector<orbit::vec3> up;
};

station_frame frame_of(std::span<const ground_station> stations) {
    station_frame f;
    for (const auto& g : stations) {
        f.r_ecef.push_back(orbit::geodetic_to_ecef(g.site));
        const double cp = std::cos(g.site.lat_rad);
        // Ellipsoid normal at geodetic latitude phi, longitude lambda.
        f.up.push_back({cp * std::cos(g.site.lon_rad), cp * std::sin(g.site.lon_rad), std::sin(g.site.lat_rad)});
    }
    return f;
}

void check_options(const network_options& o) {
    if (o.gsl.rule == gsl_rule::slant_range && !(o.gsl.max_range_m > 0.0)) {
        throw input_error(fmt::format("ground links: slant-range rule: expected a positive maximum range, got {:g} m",
                                      o.gsl.max_range_m));
    }
    if (o.gsl.rule == gsl_rule::elevation && !(o.gsl.min_elevation_rad > -constants::pi / 2.0 &&
                                               o.gsl.min_elevation_rad < constants::pi / 2.0)) {
        throw input_error(fmt::format("ground links: expected an elevation mask in (-90, 90) deg, got {:g} deg",
                                      o.gsl.min_elevation_rad * 180.0 / constants::pi));
    }
    if (o.gsl.max_per_station < 0 || o.gsl.max_per_satellite < 0) {
        throw input_error("ground links: expected non-negative link limits");
    }
    if (o.repair.enabled && !(o.repair.polar_latitude_rad > 0.0 && o.repair.polar_latitude_rad <= constants::pi / 2.0)) {
        throw input_error(fmt::format("ISL re-pairing: expected a polar latitude in (0, 90] deg, got {:g} deg",
                                      o.repair.polar_latitude_rad * 180.0 / constants::pi));
    }
}

/// The paths of every pair at one step, end to end: pair q's nodes are nodes[start[q], end[q]).
struct step_paths {
    static constexpr std::size_t unchanged = std::numeric_limits<std::size_t>::max();  //!< start: as the step before
    std::vector<int> nodes;
    std::vector<std::size_t> start, end;
    [[nodiscard]] std::span<const int> path(std::size_t q) const { return {nodes.data() + start[q], end[q] - start[q]}; }
};

/// Scratch storage of build_into, reused step after step.
struct build_scratch {
    std::vector<edge> edges;
    std::vector<gsl_candidate> cand;
    std::vector<int> band_start;  //!< satellites of z band b: by_band[band_start[b] .. band_start[b + 1])
    std::vector<int> by_band;     //!< satellite indices sorted by z band, ascending within a band
    std::vector<int> used;        //!< ground links per satellite
    std::vector<int> lost;        //!< cross-plane links down per satellite (re-pairing)
    std::vector<int> free_sats;   //!< satellites that may be paired again
    std::vector<std::pair<int, int>> kept;          //!< cross-plane links up, (min, max) sorted
    std::vector<std::tuple<double, int, int>> pairs;  //!< candidate new links: length [m], a, b
};

/// Static data of cross-plane re-pairing: the plane of each satellite (components of the intra-plane ISLs) and,
/// when element sets are known, each satellite's orbit normal (for the seam rule).
struct repair_context {
    std::vector<int> plane;
    std::vector<orbit::vec3> normal;
};

repair_context make_repair_context(int n, std::span<const isl> isls, std::span<const orbit::element_set> sets) {
    repair_context rc;
    rc.plane.resize(static_cast<std::size_t>(n));
    std::iota(rc.plane.begin(), rc.plane.end(), 0);
    const auto root = [&](int v) {
        while (rc.plane[static_cast<std::size_t>(v)] != v) {
            auto& p = rc.plane[static_cast<std::size_t>(v)];
            p = rc.plane[static_cast<std::size_t>(p)];
            v = p;
        }
        return v;
    };
    for (const auto& l : isls) {
        if (l.cross_plane) continue;
        const int ra = root(l.a), rb = root(l.b);
        rc.plane[static_cast<std::size_t>(std::max(ra, rb))] = std::min(ra, rb);
    }
    for (int v = 0; v < n; ++v) rc.plane[static_cast<std::size_t>(v)] = root(v);
    for (const auto& e : sets) {
        // Unit angular momentum of the orbit in the inertial frame: (sin i sin RAAN, -sin i cos RAAN, cos i).
        rc.normal.push_back({std::sin(e.inclination_rad) * std::sin(e.raan_rad),
                             -std::sin(e.inclination_rad) * std::cos(e.raan_rad), std::cos(e.inclination_rad)});
    }
    return rc;
}

/// Fills `t` (its storage reused) with the topology.
void build_into(topology& t, std::span<const double> x, std::span<const double> y, std::span<const double> z,
                std::span<const isl> isls, std::span<const ground_station> stations, const station_frame& sf,
                std::span<const fibre_link> fibres, const network_options& o, build_scratch& sc,
                std::span<const int> moon_terminals, const orbit::vec3& r_moon, const repair_context* rc = nullptr) {
    const int n = static_cast<int>(x.size());
    const int g = static_cast<int>(stations.size());
    std::vector<edge>& edges = sc.edges;
    std::vector<gsl_candidate>& cand = sc.cand;
    edges.clear();
    const double rg = o.isl_earth_radius_m + o.isl_grazing_height_m;
    // Closest approach of the segment a-b to the Earth's centre [m]: the line of sight must stay above R + h.
    const auto closest_approach = [&](double ax, double ay, double az, double dx, double dy, double dz, double len2) {
        const double f = std::clamp(-(ax * dx + ay * dy + az * dz) / len2, 0.0, 1.0);
        const double px = ax + f * dx, py = ay + f * dy, pz = az + f * dz;
        return std::sqrt(px * px + py * py + pz * pz);
    };
    const bool repair = o.repair.enabled && rc != nullptr;
    const double sin_polar = std::sin(o.repair.polar_latitude_rad);
    // Geocentric latitude above the polar threshold: abs(z) / abs(r) > sin(threshold).
    const auto polar = [&](int k) {
        const auto i = static_cast<std::size_t>(k);
        return std::fabs(z[i]) > sin_polar * std::sqrt(x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
    };
    const auto counter_rotating = [&](int a, int b) {
        if (!o.repair.seam || rc->normal.empty()) return false;
        const auto& ha = rc->normal[static_cast<std::size_t>(a)];
        const auto& hb = rc->normal[static_cast<std::size_t>(b)];
        return ha[0] * hb[0] + ha[1] * hb[1] + ha[2] * hb[2] < 0.0;
    };
    if (repair) {
        sc.lost.assign(static_cast<std::size_t>(n), 0);
        sc.kept.clear();
    }
    for (const auto& l : isls) {
        const double ax = x[static_cast<std::size_t>(l.a)], ay = y[static_cast<std::size_t>(l.a)], az = z[static_cast<std::size_t>(l.a)];
        const double bx = x[static_cast<std::size_t>(l.b)], by = y[static_cast<std::size_t>(l.b)], bz = z[static_cast<std::size_t>(l.b)];
        if (!std::isfinite(ax) || !std::isfinite(bx)) continue;  // a satellite that failed to propagate has no links
        const double dx = bx - ax, dy = by - ay, dz = bz - az;
        const double len2 = dx * dx + dy * dy + dz * dz;
        const double len = std::sqrt(len2);
        const double closest = closest_approach(ax, ay, az, dx, dy, dz, len2);
        if (repair && l.cross_plane) {
            if (closest < rg || polar(l.a) || polar(l.b) || counter_rotating(l.a, l.b)) {
                ++sc.lost[static_cast<std::size_t>(l.a)];
                ++sc.lost[static_cast<std::size_t>(l.b)];
                continue;
            }
            sc.kept.emplace_back(std::min(l.a, l.b), std::max(l.a, l.b));
        }
        if (closest < rg) {
            throw domain_error(fmt::format(
                "ISL {}-{}: {:.1f} km long, its line of sight passes {:.1f} km above the surface, below the {:g} km "
                "limit; a fixed +Grid cannot hold it (the longest allowed ISL at this altitude is {:.1f} km)",
                l.a, l.b, len / 1000.0, (closest - o.isl_earth_radius_m) / 1000.0, o.isl_grazing_height_m / 1000.0,
                max_isl_range_m(std::fmin(std::sqrt(ax * ax + ay * ay + az * az), std::sqrt(bx * bx + by * by + bz * bz)),
                                o.isl_grazing_height_m, o.isl_earth_radius_m) / 1000.0));
        }
        edges.push_back({l.a, l.b, len / c_m_s, o.isl_capacity_bps, link_kind::isl});
    }
    if (repair) {
        // Satellites that lost a cross-plane link and are outside the polar caps pair again: candidate links between
        // two of them in different, co-rotating planes, not linked already, within the line of sight, taken
        // shortest first while both ends still have a free terminal (greedy matching; ties by satellite ids).
        sc.free_sats.clear();
        for (int k = 0; k < n; ++k) {
            if (sc.lost[static_cast<std::size_t>(k)] > 0 && std::isfinite(x[static_cast<std::size_t>(k)]) && !polar(k)) {
                sc.free_sats.push_back(k);
            }
        }
        std::sort(sc.kept.begin(), sc.kept.end());
        sc.pairs.clear();
        for (std::size_t i = 0; i < sc.free_sats.size(); ++i) {
            for (std::size_t j = i + 1; j < sc.free_sats.size(); ++j) {
                const int a = sc.free_sats[i], b = sc.free_sats[j];
                if (rc->plane[static_cast<std::size_t>(a)] == rc->plane[static_cast<std::size_t>(b)] ||
                    counter_rotating(a, b) || std::binary_search(sc.kept.begin(), sc.kept.end(), std::pair{a, b})) {
                    continue;
                }
                const auto ia = static_cast<std::size_t>(a), ib = static_cast<std::size_t>(b);
                const double dx = x[ib] - x[ia], dy = y[ib] - y[ia], dz = z[ib] - z[ia];
                const double len2 = dx * dx + dy * dy + dz * dz;
                if (closest_approach(x[ia], y[ia], z[ia], dx, dy, dz, len2) < rg) continue;
                sc.pairs.emplace_back(std::sqrt(len2), a, b);
            }
        }
        std::sort(sc.pairs.begin(), sc.pairs.end());
        for (const auto& [len, a, b] : sc.pairs) {
            int& la = sc.lost[static_cast<std::size_t>(a)];
            int& lb = sc.lost[static_cast<std::size_t>(b)];
            if (la == 0 || lb == 0) continue;
            --la;
            --lb;
            edges.push_back({a, b, len / c_m_s, o.isl_capacity_bps, link_kind::isl});
        }
    }
    cand.clear();
    const double sin_mask = std::sin(o.gsl.min_elevation_rad);
    const bool slant = o.gsl.rule == gsl_rule::slant_range;
    // Satellites by z band (a counting sort), so a station tests only the bands within its reach in z.
    constexpr int bands = 128;
    double z_max = 0.0, r2_max = 0.0;
    for (int k = 0; k < n; ++k) {
        const auto i = static_cast<std::size_t>(k);
        if (!std::isfinite(z[i])) continue;  // a satellite that failed to propagate
        z_max = std::max(z_max, std::fabs(z[i]));
        r2_max = std::max(r2_max, x[i] * x[i] + y[i] * y[i] + z[i] * z[i]);
    }
    const double band_h = (2.0 * z_max + 1.0) / bands;
    const auto band_of = [&](double zk) { return static_cast<int>(std::clamp((zk + z_max) / band_h, 0.0, bands - 1.0)); };
    sc.band_start.assign(bands + 1, 0);
    for (int k = 0; k < n; ++k) {
        if (std::isfinite(z[static_cast<std::size_t>(k)])) ++sc.band_start[static_cast<std::size_t>(band_of(z[static_cast<std::size_t>(k)])) + 1];
    }
    for (std::size_t b = 0; b < bands; ++b) sc.band_start[b + 1] += sc.band_start[b];
    sc.by_band.resize(static_cast<std::size_t>(sc.band_start[bands]));
    {
        std::vector<int>& fill = sc.used;  // band cursors
        fill.assign(sc.band_start.begin(), sc.band_start.end() - 1);
        for (int k = 0; k < n; ++k) {
            const double zk = z[static_cast<std::size_t>(k)];
            if (std::isfinite(zk)) sc.by_band[static_cast<std::size_t>(fill[static_cast<std::size_t>(band_of(zk))]++)] = k;
        }
    }
    // Cheap rejections before the exact tests (they only drop pairs those tests would drop): beyond the slant range
    // by a relative margin of 1e-9 on the squares, or, for a non-negative mask, below the tangent plane or
    // (d . up)^2 < abs(d)^2 sin^2 e_min by the same margin.
    const double range2_reject = o.gsl.max_range_m * o.gsl.max_range_m * (1.0 + 1e-9);
    const double sin2_reject = sin_mask * sin_mask * (1.0 - 1e-9);
    const bool mask_up = sin_mask >= 0.0;
    const double r_max = std::sqrt(r2_max);
    for (int s = 0; s < g; ++s) {
        const auto& r = sf.r_ecef[static_cast<std::size_t>(s)];
        const auto& up = sf.up[static_cast<std::size_t>(s)];
        // Reach of the station in z: abs(dz) <= abs(d) <= reach. Slant range: the range. Non-negative mask: a
        // satellite p (abs(p) <= r_max) above the tangent plane has p . up >= a = r . up, so with r = a up + q,
        // p . r >= a^2 - r_max abs(q) and abs(p - r)^2 <= r_max^2 - 2 a^2 + 2 r_max abs(q) + abs(r)^2.
        double reach = std::numeric_limits<double>::infinity();
        if (slant) {
            reach = o.gsl.max_range_m;
        } else if (mask_up) {
            const double a = r[0] * up[0] + r[1] * up[1] + r[2] * up[2];
            const double r2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
            const double q = std::sqrt(std::fmax(r2 - a * a, 0.0));
            reach = std::sqrt(std::fmax(r2_max - 2.0 * a * a + 2.0 * r_max * q + r2, 0.0));
        }
        reach = reach * (1.0 + 1e-9) + 1.0;
        const int b_lo = std::isfinite(reach) ? band_of(r[2] - reach) : 0;
        const int b_hi = std::isfinite(reach) ? band_of(r[2] + reach) : bands - 1;
        const std::size_t first = cand.size();
        for (int j = sc.band_start[static_cast<std::size_t>(b_lo)]; j < sc.band_start[static_cast<std::size_t>(b_hi) + 1]; ++j) {
            const int k = sc.by_band[static_cast<std::size_t>(j)];
            const double dx = x[static_cast<std::size_t>(k)] - r[0], dy = y[static_cast<std::size_t>(k)] - r[1],
                         dz = z[static_cast<std::size_t>(k)] - r[2];
            const double d2 = dx * dx + dy * dy + dz * dz;
            if (slant && d2 > range2_reject) continue;
            const double dot = dx * up[0] + dy * up[1] + dz * up[2];
            if (!slant && mask_up && (dot < 0.0 || dot * dot < d2 * sin2_reject)) continue;
            const double rho = std::sqrt(d2);
            if (!std::isfinite(rho)) continue;
            bool ok = false;
            if (slant) {
                ok = rho <= o.gsl.max_range_m;  // Hypatia generate_dynamic_state.py: range test only
            } else {
                ok = dot >= rho * sin_mask;  // sin e = (d . up) / |d| >= sin e_min
            }
            if (ok) cand.push_back({rho, s, k});
        }
        // In satellite order, as a scan over all satellites would give them (the order of a station's links).
        std::sort(cand.begin() + static_cast<std::ptrdiff_t>(first), cand.end(),
                  [](const gsl_candidate& p, const gsl_candidate& q) { return p.sat < q.sat; });
        if (o.gsl.max_per_station > 0 && cand.size() - first > static_cast<std::size_t>(o.gsl.max_per_station)) {
            const auto b = cand.begin() + static_cast<std::ptrdiff_t>(first);
            std::partial_sort(b, b + o.gsl.max_per_station, cand.end(), [](const gsl_candidate& p, const gsl_candidate& q) {
                return p.range_m < q.range_m || (p.range_m == q.range_m && p.sat < q.sat);
            });
            cand.resize(first + static_cast<std::size_t>(o.gsl.max_per_station));
        }
    }
    if (o.gsl.max_per_satellite > 0) {
        std::stable_sort(cand.begin(), cand.end(),
                         [](const gsl_candidate& p, const gsl_candidate& q) { return p.range_m < q.range_m; });
        std::vector<int>& used = sc.used;
        used.assign(static_cast<std::size_t>(n), 0);
        std::size_t w = 0;
        for (const auto& c : cand) {
            if (used[static_cast<std::size_t>(c.sat)] < o.gsl.max_per_satellite) {
                ++used[static_cast<std::size_t>(c.sat)];
                cand[w++] = c;
            }
        }
        cand.resize(w);
    }
    for (const auto& c : cand) edges.push_back({n + c.station, c.sat, c.range_m / c_m_s, o.gsl_capacity_bps, link_kind::gsl});
    for (const auto& f : fibres) {
        edges.push_back({n + f.a, n + f.b,
                         fibre_delay_s(stations[static_cast<std::size_t>(f.a)].site,
                                       stations[static_cast<std::size_t>(f.b)].site, f.route_factor),
                         o.fibre_capacity_bps, link_kind::fibre});
    }
    const bool moon = !moon_terminals.empty();
    if (moon) {
        const double sin_moon_mask = std::sin(o.moon_min_elevation_rad);
        for (const int s : moon_terminals) {
            const auto& r = sf.r_ecef[static_cast<std::size_t>(s)];
            const auto& up = sf.up[static_cast<std::size_t>(s)];
            const double dx = r_moon[0] - r[0], dy = r_moon[1] - r[1], dz = r_moon[2] - r[2];
            const double rho = std::sqrt(dx * dx + dy * dy + dz * dz);
            // Optical Earth-Moon link while the Moon is above the terminal's mask (N-f); delay = range / c.
            if (dx * up[0] + dy * up[1] + dz * up[2] >= rho * sin_moon_mask) {
                edges.push_back({n + s, n + g, rho / c_m_s, o.moon_capacity_bps, link_kind::moon});
            }
        }
    }
    t.satellites = n;
    t.stations = g;
    t.moon = moon;
    const auto nodes = static_cast<std::size_t>(n + g + (moon ? 1 : 0));
    t.relay.assign(nodes, 0);
    std::fill(t.relay.begin(), t.relay.begin() + n, std::uint8_t{1});
    for (const int s : moon_terminals) t.relay[static_cast<std::size_t>(n + s)] = 1;
    t.offsets.assign(nodes + 1, 0);
    for (const auto& e : edges) {
        ++t.offsets[static_cast<std::size_t>(e.u) + 1];
        ++t.offsets[static_cast<std::size_t>(e.v) + 1];
    }
    for (std::size_t v = 0; v < nodes; ++v) t.offsets[v + 1] += t.offsets[v];
    const std::size_t m = 2 * edges.size();
    t.targets.resize(m);
    t.delay_s.resize(m);
    t.capacity_bps.resize(m);
    t.kind.resize(m);
    // Edges are appended in the order ISLs, ground links, fibres, Moon, so a satellite's ISLs come first in its row.
    int* fill = t.offsets.data();  // row cursors, shifted back below
    const auto put = [&](int from, int to, const edge& e) {
        const auto i = static_cast<std::size_t>(fill[from]++);
        t.targets[i] = to;
        t.delay_s[i] = e.delay_s;
        t.capacity_bps[i] = e.capacity_bps;
        t.kind[i] = e.kind;
    };
    for (const auto& e : edges) {
        put(e.u, e.v, e);
        put(e.v, e.u, e);
    }
    // Each cursor now holds the end of its row = the start of the next: shift right by one.
    for (std::size_t v = nodes; v > 0; --v) t.offsets[v] = t.offsets[v - 1];
    t.offsets[0] = 0;
}

/// Indexed 4-ary min-heap of nodes keyed by dist[] (ties by node id), with decrease-key; no duplicates.
struct node_heap {
    std::vector<int> items;  //!< heap of node ids
    std::vector<int> pos;    //!< position of each node in items, -1 when absent

    void reset(std::size_t nodes) {
        items.clear();
        if (pos.size() != nodes) pos.assign(nodes, -1);
    }
    static bool less(const double* key, int a, int b) {
        const double ka = key[a], kb = key[b];
        return ka < kb || (ka == kb && a < b);
    }
    void sift_up(const double* key, std::size_t i) {
        const int v = items[i];
        while (i > 0) {
            const std::size_t parent = (i - 1) / 4;
            if (!less(key, v, items[parent])) break;
            items[i] = items[parent];
            pos[static_cast<std::size_t>(items[i])] = static_cast<int>(i);
            i = parent;
        }
        items[i] = v;
        pos[static_cast<std::size_t>(v)] = static_cast<int>(i);
    }
    void push_or_decrease(const double* key, int v) {
        int p = pos[static_cast<std::size_t>(v)];
        if (p < 0) {
            items.push_back(v);
            p = static_cast<int>(items.size()) - 1;
        }
        sift_up(key, static_cast<std::size_t>(p));
    }
    int pop(const double* key) {
        const int top = items.front();
        pos[static_cast<std::size_t>(top)] = -1;
        const int last = items.back();
        items.pop_back();
        const std::size_t n = items.size();
        if (n > 0) {
            std::size_t i = 0;
            while (true) {
                const std::size_t c0 = 4 * i + 1;
                if (c0 >= n) break;
                std::size_t best = c0;
                const std::size_t c_end = std::min(c0 + 4, n);
                for (std::size_t c = c0 + 1; c < c_end; ++c)
                    if (less(key, items[c], items[best])) best = c;
                if (!less(key, items[best], last)) break;
                items[i] = items[best];
                pos[static_cast<std::size_t>(items[i])] = static_cast<int>(i);
                i = best;
            }
            items[i] = last;
            pos[static_cast<std::size_t>(last)] = static_cast<int>(i);
        }
        return top;
    }
};

/// A node a search starts from, with its initial delay [s] and next hop.
struct seed {
    int node = 0;
    double delay_s = 0.0;
    int next = -1;
};

/// Bucket queue layout for one graph: 1 / bucket width [1/s] and ring size - 1 (a power of two); inv_width 0
/// selects the heap.
struct bucket_plan {
    double inv_width = 0.0;
    std::size_t mask = 0;
};

/// Buckets for edge delays in [min_w, max_w] and seeds at most max_w [s]: width 0.999 min_w; the heap when
/// the delays are zero or spread over more than a factor 1000 (the ring would be large and mostly empty).
bucket_plan plan_buckets(double min_w, double max_w) {
    if (!(min_w > 0.0) || !std::isfinite(max_w) || max_w > 1000.0 * min_w) return {};
    const double width = 0.999 * min_w;
    const auto span = static_cast<std::size_t>(max_w / width) + 2;
    std::size_t size = 1;
    while (size < span) size <<= 1;
    return {1.0 / width, size - 1};
}

/// Per-thread state of the searches, reused from search to search so a search allocates nothing once warm.
struct search_space {
    std::vector<int> ring;                  //!< bucket queue: ring slot i holds ring[i * slot_capacity, tail[i])
    std::vector<int*> tail;                 //!< one past the last node of each ring slot
    std::size_t slot_capacity = 0;          //!< room per slot: at least the pushes of one search
    std::vector<std::uint32_t> settled;     //!< == stamp: settled in the current search
    std::vector<std::uint32_t> wanted;      //!< == stamp: the current search may stop once all are settled
    std::vector<int> order;                 //!< the nodes settled by the last recording search, in settle order
    std::uint32_t stamp = 0;
    node_heap heap;

    /// Starts a search over `nodes` nodes: a fresh stamp (settled and wanted are then empty).
    void begin(std::size_t nodes) {
        if (settled.size() < nodes) {
            settled.resize(nodes, 0);
            wanted.resize(nodes, 0);
        }
        if (++stamp == 0) {
            std::fill(settled.begin(), settled.end(), 0U);
            std::fill(wanted.begin(), wanted.end(), 0U);
            stamp = 1;
        }
    }
    /// Makes room for `slots` ring slots of `capacity` nodes each.
    void reserve_ring(std::size_t slots, std::size_t capacity) {
        if (tail.size() != slots || slot_capacity < capacity) {
            slot_capacity = std::max(slot_capacity, capacity);
            ring.resize(slots * slot_capacity);
            tail.resize(slots);
            for (std::size_t i = 0; i < slots; ++i) tail[i] = ring.data() + i * slot_capacity;
        }
    }
};

/// A search watcher that never stops a search early (beyond `wanted_count`).
struct no_watch {
    void settled(int) const {}
    [[nodiscard]] bool done(double) const { return false; }
};

/// Dijkstra (1959) from `seeds` over the rows of a CSR graph: the shortest delay to the seeds, dist[v] [s]
/// (infinity when unreachable), and next[v], the neighbour towards them (the seed's `next` at a seed).
/// Relaxes only out of nodes u with relays(u); row(u) gives u's edges [first, last). Call s.begin first; stops once
/// `wanted_count` nodes marked in s.wanted are settled (0: never for that reason), or once watch.done(L) holds for a
/// lower bound L [s] on the delay of every node not yet settled (asked before each bucket, or each pop of the heap);
/// watch.settled(u) hears of each marked node u as it settles. Nodes not settled at a stop keep tentative values.
/// With Width > 0, every row has exactly Width edges. With Record, each settled node is appended to s.order (the
/// caller clears it). dist and next need `nodes` elements; `edges` bounds the edges of all rows together; edge
/// delays must lie in the range `plan` was made for.
template <int Width = 0, bool Record = false, class Row, class Relays, class Watch = no_watch>
void search(std::size_t nodes, std::size_t edges, const int* tgt, const double* w, Row row, Relays relays,
            std::span<const seed> seeds, double* dist, int* next, search_space& s, int wanted_count,
            const bucket_plan& plan, Watch&& watch = {}) {
    std::fill(dist, dist + nodes, inf);
    std::fill(next, next + nodes, -1);
    const std::uint32_t stamp = s.stamp;
    std::uint32_t* settled = s.settled.data();
    const std::uint32_t* wanted = s.wanted.data();
    if (plan.inv_width == 0.0) {
        node_heap& heap = s.heap;
        heap.reset(nodes);
        for (const auto& sd : seeds) {
            if (sd.delay_s < dist[sd.node]) {
                dist[sd.node] = sd.delay_s;
                next[sd.node] = sd.next;
                heap.push_or_decrease(dist, sd.node);
            }
        }
        while (!heap.items.empty()) {
            if (watch.done(dist[heap.items.front()])) break;
            const int u = heap.pop(dist);
            settled[u] = stamp;
            if constexpr (Record) s.order.push_back(u);
            if (wanted[u] == stamp) {
                watch.settled(u);
                if (--wanted_count == 0) break;
            }
            if (!relays(u)) continue;
            const double du = dist[u];
            const auto [e0, e1] = row(u);
            for (int e = e0; e < e1; ++e) {
                const int v = tgt[e];
                const double nd = du + w[e];
                if (nd < dist[v]) {
                    dist[v] = nd;
                    next[v] = u;
                    heap.push_or_decrease(dist, v);
                }
            }
        }
        for (const int v : heap.items) heap.pos[static_cast<std::size_t>(v)] = -1;  // pos clean after an early stop
        return;
    }
    // Dial's bucket queue (Dial 1969, CACM 12(11)) with buckets of width W = 0.999 x the smallest edge delay, a
    // node in bucket k = floor(dist / W). Every node in bucket k is final once the scan reaches k: the predecessor
    // p of v on a shortest path has dist[p] <= dist[v] - min_w, so dist[p] / W <= dist[v] / W - 1.001 (the 0.1 %
    // margin is far above rounding), p lies in a bucket below k, was settled and has relaxed v. For the same reason
    // relaxing out of bucket k lands in k + 1 or later, and with edges at most max_w, in k + max_w / W + 1 at most:
    // the ring has more buckets than that, so one ring slot never holds two values of k. Nodes of a bucket are
    // settled in insertion order (ties between equal delays may pick another of the equal paths than the heap).
    // A node improved into another bucket is pushed there too and stays in its older bucket, where the scan skips it
    // as stale (its delay no longer maps to that bucket); improved within its bucket, it is not pushed again (it is
    // settled from there, in its old place in the insertion order). A node is pushed at most once per improvement,
    // so one search pushes at most its seeds plus one per directed edge (`edges`): no slot overflows.
    s.reserve_ring(plan.mask + 1, edges + seeds.size() + 1);
    int* ring = s.ring.data();
    int** tail = s.tail.data();
    const std::size_t cap = s.slot_capacity;
    const double iw = plan.inv_width;
    const std::size_t mask = plan.mask;
    std::size_t cur = std::numeric_limits<std::size_t>::max();
    std::size_t pending = 0;
    for (const auto& sd : seeds) {
        const double old = dist[sd.node];
        if (sd.delay_s < old) {
            dist[sd.node] = sd.delay_s;
            next[sd.node] = sd.next;
            const auto k = static_cast<std::int64_t>(sd.delay_s * iw);
            if (old == inf || k != static_cast<std::int64_t>(old * iw)) {
                const std::size_t slot = static_cast<std::size_t>(k) & mask;
                *tail[slot]++ = sd.node;
                cur = std::min(cur, static_cast<std::size_t>(k));
                ++pending;
            }
        }
    }
    const double width = 1.0 / iw;
    while (pending > 0) {
        // Every node not settled yet lies in bucket cur or later: its delay is at least cur x W (less a relative
        // 1e-12 for the rounding of floor(d / W)).
        if (watch.done(static_cast<double>(cur) * width * (1.0 - 1e-12))) {
            for (std::size_t i = 0; i <= mask; ++i) tail[i] = ring + i * cap;
            return;
        }
        const std::size_t slot = cur & mask;
        const int* bucket = ring + slot * cap;
        // The scan adds nothing to this slot (see above), so its count is fixed during the scan.
        const auto size = static_cast<std::size_t>(tail[slot] - bucket);
        for (std::size_t i = 0; i < size; ++i) {
            const int u = bucket[i];
            // Stale: u was pushed here, then improved into an earlier bucket and settled there.
            if (static_cast<std::size_t>(static_cast<std::int64_t>(dist[u] * iw)) != cur) continue;
            if constexpr (Record) s.order.push_back(u);
            if (wanted[u] == stamp) {
                watch.settled(u);
                if (--wanted_count == 0) {
                    for (std::size_t j = 0; j <= mask; ++j) tail[j] = ring + j * cap;
                    return;
                }
            }
            if (!relays(u)) continue;
            const double du = dist[u];
            const auto relax = [&](int e) {
                const int v = tgt[e];
                const double nd = du + w[e];
                const double old = dist[v];
                if (nd < old) {
                    dist[v] = nd;
                    next[v] = u;
                    // Still in the bucket of its last push: it is settled from there (any order within a bucket).
                    const auto k = static_cast<std::int64_t>(nd * iw);
                    if (old == inf || k != static_cast<std::int64_t>(old * iw)) {
                        const auto to = static_cast<std::size_t>(k) & mask;
                        *tail[to]++ = v;
                        ++pending;
                    }
                }
            };
            const auto [e0, e1] = row(u);
            if constexpr (Width > 0) {
#pragma GCC unroll 8
                for (int j = 0; j < Width; ++j) relax(e0 + j);
            } else {
                for (int e = e0; e < e1; ++e) relax(e);
            }
        }
        pending -= size;
        tail[slot] = ring + slot * cap;
        ++cur;
    }
}

/// Smallest and largest edge delay of a topology [s], over ISLs only or over every edge.
std::pair<double, double> delay_range(const topology& g, bool isl_only) {
    double lo = inf, hi = 0.0;
    for (std::size_t e = 0; e < g.delay_s.size(); ++e) {
        if (isl_only && g.kind[e] != link_kind::isl) continue;
        lo = std::min(lo, g.delay_s[e]);
        hi = std::max(hi, g.delay_s[e]);
    }
    return {lo, hi};
}

/// Dijkstra from `dst` over the whole topology (stations other than dst end points unless ground_relays).
void dijkstra(const topology& g, int dst, bool ground_relays, std::span<double> dist, std::span<int> next,
              search_space& s, int wanted_count, const bucket_plan& plan) {
    const int* off = g.offsets.data();
    const std::uint8_t* relay = g.relay.data();
    const seed from[1] = {{dst, 0.0, -1}};
    search(
        dist.size(), g.targets.size(), g.targets.data(), g.delay_s.data(), [off](int u) { return std::pair{off[u], off[u + 1]}; },
        [relay, dst, ground_relays](int u) { return relay[u] != 0 || u == dst || ground_relays; }, from, dist.data(),
        next.data(), s, wanted_count, plan);
}

/// Satellite i's ECEF position [m] from its TEME position [km] through GMST-82 (cos and sin of gmst82_rad(t)):
/// ROT3(gmst) r (Vallado et al. 2006 app. C), the same arithmetic as orbit::teme_to_ecef without polar motion.
void teme_km_to_ecef_m(double x_km, double y_km, double z_km, double cos_gmst, double sin_gmst, double& x,
                       double& y, double& z) {
    const double xm = x_km * 1e3, ym = y_km * 1e3;
    x = cos_gmst * xm + sin_gmst * ym;
    y = -sin_gmst * xm + cos_gmst * ym;
    z = z_km * 1e3;
}

/// Stops a satellites-only search once every partner's route is final: partner p's best total over settled
/// satellites, best_p = min (dist + ground link), cannot be beaten through a satellite not settled yet (delay at
/// least L) once best_p < L + its shortest ground link. A settled satellite's ground links are the tail of its CSR
/// row (after its ISLs); the stations at their far ends that are partners of this search carry their slot in
/// `slot_of` (valid where `slot_stamp` holds the search's stamp). (A test per satellite, L + link(s) > best_p for
/// each satellite s not settled, stops no earlier at the bucket queue's granularity and costs more.)
struct partner_watch {
    std::vector<double> best;          //!< per partner: best total over its settled satellites [s]
    std::vector<int> via;              //!< per partner: the satellite of that best total
    std::vector<double> min_link;      //!< per partner: its shortest ground link [s]
    std::vector<int> slot_of;          //!< per station: its partner slot
    std::vector<std::uint32_t> slot_stamp;
    std::uint32_t stamp = 0;
    int first_station = 0;             //!< node id of station 0
    int unfound = 0;                   //!< partners whose best is still infinite
    double bound = 0.0;                //!< max over partners of best - min_link when last computed [s]
    const double* dist = nullptr;
    const int* gsl_begin = nullptr;    //!< per satellite: the first ground link of its row
    const int* row_end = nullptr;      //!< CSR offsets (the row of u ends at row_end[u + 1])
    const int* target = nullptr;
    const double* delay = nullptr;

    void settled(int u) {
        const double du = dist[u];
        for (int e = gsl_begin[u]; e < row_end[u + 1]; ++e) {
            const auto station = static_cast<std::size_t>(target[e] - first_station);
            if (slot_stamp[station] != stamp) continue;
            const auto p = static_cast<std::size_t>(slot_of[station]);
            const double total = du + delay[e];
            // Ties as the heap's pop order would break them: the smaller delay at the satellite, then the smaller id.
            const int v = via[p];
            if (total < best[p] || (total == best[p] && (du < dist[v] || (du == dist[v] && u < v)))) {
                if (v < 0) --unfound;
                best[p] = total;
                via[p] = u;
            }
        }
    }
    [[nodiscard]] bool done(double lower_bound) {
        if (unfound > 0 || !(lower_bound > bound)) return false;
        bound = -inf;
        for (std::size_t p = 0; p < best.size(); ++p) bound = std::max(bound, best[p] - min_link[p]);
        return lower_bound > bound;
    }
};

/// The end of each pair to search from, when delays are symmetric (satellites-only searches). A search from root i
/// stops once its partners' routes are final, so its work grows with the satellites in the cap out to its farthest
/// partner: radius r_i = the longest geodesic among the pairs given to i. The choice minimises the sum over roots of
/// the cap area, 1 - cos(r_i / R) (uniform satellites), subject to every pair lying within the radius of one of its
/// ends: a weighted covering problem, solved by a greedy start (pairs longest first, each to the end whose cap grows
/// less) and then local search: for one station at a time, the radius (one of its pairs' lengths, or none) that
/// lowers the total most once the partners of the pairs it drops widen to cover them; repeated until no station
/// improves. For Hypatia's 100 cities this lowers the summed area by 32 % against the greedy start alone. A pair
/// goes to its destination when the destination's radius covers it, else to its source; a pair from a station to
/// itself goes to that station.
std::vector<int> choose_roots(std::span<const station_pair> pairs, std::span<const ground_station> stations) {
    const std::size_t g = stations.size();
    const auto area = [](double r_m) { return r_m < 0.0 ? 0.0 : 1.0 - std::cos(r_m / 6'371'000.0); };
    struct incidence {
        double len;   //!< great-circle length of the pair [m]
        double area;  //!< area(len)
        int partner;
    };
    // Lengths on the sphere (a heuristic needs no ellipsoid): R x the angle between the stations' normals.
    std::vector<orbit::vec3> normal;
    for (const auto& st : stations) {
        const double cp = std::cos(st.site.lat_rad);
        normal.push_back({cp * std::cos(st.site.lon_rad), cp * std::sin(st.site.lon_rad), std::sin(st.site.lat_rad)});
    }
    std::vector<double> len(pairs.size(), 0.0);
    std::vector<std::vector<incidence>> incident(g);  // per station: its pairs, longest first
    std::vector<std::size_t> order;                   // pairs between two stations, longest first
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        const auto& p = pairs[q];
        if (p.src == p.dst) continue;
        const auto& u = normal[static_cast<std::size_t>(p.src)];
        const auto& v = normal[static_cast<std::size_t>(p.dst)];
        len[q] = 6'371'000.0 * std::acos(std::clamp(u[0] * v[0] + u[1] * v[1] + u[2] * v[2], -1.0, 1.0));
        const double a = area(len[q]);
        incident[static_cast<std::size_t>(p.src)].push_back({len[q], a, p.dst});
        incident[static_cast<std::size_t>(p.dst)].push_back({len[q], a, p.src});
        order.push_back(q);
    }
    for (auto& v : incident) {
        std::sort(v.begin(), v.end(), [](const incidence& x, const incidence& y) {
            return x.len > y.len || (x.len == y.len && x.partner > y.partner);
        });
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto key = [&](std::size_t q) {
            return std::tuple{-len[q], std::min(pairs[q].src, pairs[q].dst), std::max(pairs[q].src, pairs[q].dst)};
        };
        return key(a) < key(b);
    });
    std::vector<double> radius(g, -1.0);  // geodesic radius of each root [m]; -1: not a root
    std::vector<double> covered(g, 0.0);  // area(radius)
    for (const std::size_t q : order) {
        const auto rd = static_cast<std::size_t>(pairs[q].dst), rs = static_cast<std::size_t>(pairs[q].src);
        if (radius[rd] >= len[q] || radius[rs] >= len[q]) continue;
        const double a = area(len[q]);
        const std::size_t grow = a - covered[rs] < a - covered[rd] ? rs : rd;
        radius[grow] = len[q];
        covered[grow] = a;
    }
    // Local search. Lowering station i's radius to c hands each pair (i, j) longer than c to j, whose radius grows to
    // the longest of them; candidates are scanned from the current radius down, growing the partners incrementally.
    std::vector<double> widened(g, -1.0), widened_area(g, 0.0);
    std::vector<std::size_t> touched;
    for (int pass = 0; pass < 100; ++pass) {
        bool improved = false;
        for (std::size_t i = 0; i < g; ++i) {
            const auto& inc = incident[i];
            if (inc.empty() || radius[i] < 0.0) continue;
            touched.clear();
            double partners = 0.0;  // growth of the partners' areas for the candidate at hand
            double best_gain = 0.0, best_radius = radius[i], best_area = covered[i];
            std::size_t k = 0;
            while (k < inc.size() && inc[k].len > radius[i]) ++k;  // already covered by their partners
            while (true) {
                // Candidate: the next pair's length (every longer pair handed over), or -1 when none is left.
                const double c = k < inc.size() ? inc[k].len : -1.0;
                const double c_area = k < inc.size() ? inc[k].area : 0.0;
                const double gain = covered[i] - c_area - partners;
                if (gain > best_gain * (1.0 + 1e-12) + 1e-15) {
                    best_gain = gain;
                    best_radius = c;
                    best_area = c_area;
                }
                if (k == inc.size()) break;
                // Hand over every pair of this length.
                const double l = inc[k].len;
                for (; k < inc.size() && inc[k].len == l; ++k) {
                    const auto j = static_cast<std::size_t>(inc[k].partner);
                    const bool grown = widened[j] >= 0.0;
                    if ((grown ? widened[j] : radius[j]) >= l) continue;
                    if (!grown) touched.push_back(j);
                    partners += inc[k].area - (grown ? widened_area[j] : covered[j]);
                    widened[j] = l;
                    widened_area[j] = inc[k].area;
                }
            }
            for (const std::size_t j : touched) widened[j] = -1.0;
            if (best_radius == radius[i]) continue;
            // Apply: partners of the pairs longer than the new radius widen to cover them.
            for (const auto& x : inc) {
                if (x.len <= best_radius) break;
                const auto j = static_cast<std::size_t>(x.partner);
                if (radius[j] < x.len) {
                    radius[j] = x.len;
                    covered[j] = x.area;
                }
            }
            radius[i] = best_radius;
            covered[i] = best_area;
            improved = true;
        }
        if (!improved) break;
    }
    std::vector<int> root_of(pairs.size());
    for (std::size_t q = 0; q < pairs.size(); ++q) {
        const int d = pairs[q].dst;
        root_of[q] = pairs[q].src == d || radius[static_cast<std::size_t>(d)] >= len[q] ? d : pairs[q].src;
    }
    return root_of;
}

/// A satellites-only search's tree, kept from one step for the next (N-w).
struct kept_tree {
    std::vector<int> order;          //!< the settled satellites in settle order
    std::vector<int> parent;         //!< next hop of each towards the root (the root station for a seed)
    std::vector<std::uint8_t> slot;  //!< the parent's place among the satellite's four ISLs (seeds: unused)
    std::int64_t step = -2;          //!< the step it was found or checked for
    std::int64_t retry_at = 0;       //!< after a failed check: the first step to try it again
    int misses = 0;                  //!< failed checks in a row
};

struct workspace {
    std::vector<double> x, y, z;
    partner_watch watch;
    build_scratch scratch;
    topology t;
    std::vector<int> isl_end;
    std::vector<int> nbr4;        //!< four ISL neighbours per satellite (padding: node ns)
    std::vector<double> delay4;   //!< their delays [s]
    std::vector<seed> seeds;
    std::vector<double> dist;
    std::vector<int> next;
    search_space space;
    std::vector<kept_tree> kept;          //!< per root
    std::vector<int> last_via;            //!< per pair: the satellite its last path here entered at (-1: none)
    std::int64_t searches = 0, trees_kept = 0;  //!< route_run's counts, this thread's share
    std::vector<std::uint32_t> in_tree;   //!< == tree_stamp: in the tree being checked
    std::vector<std::uint32_t> seed_mark; //!< == tree_stamp: linked to the root now, at delay seed_delay
    std::vector<double> seed_delay;
    std::uint32_t tree_stamp = 0;
};

/// Checks a kept tree against this step's four-wide ISL rows (nbr4, delay4; padding node ns) and the root's ground
/// links (its CSR row [root_first, root_last) of tgt, dl), N-w: the delays along the tree, summed in settle order as
/// the search sums them, must leave every other edge between two tree satellites strictly longer than needed
/// (d(u) + w(u, v) > d(v)) and every root link not in the tree strictly longer (w > d(s)); every edge or root link
/// leaving the tree gives a lower bound L on the delay of all satellites outside it, and the tree must lie below it
/// (max d < L). Then the tree's delays are the shortest over the whole graph and, with no exact ties, the tree is
/// the one a search would find. The watcher then hears of the tree's wanted satellites, and the search's stop rule
/// must hold at L (or L be infinite: the tree is all the root reaches). On success dist and next hold the tree and
/// the watcher is as the search would leave it; on failure both are to be reset.
bool reuse_tree(const kept_tree& kt, int root, std::span<const int> partners, const int* off, const int* tgt,
                const double* dl, const int* nbr4, const double* delay4, workspace& w, partner_watch& pw) {
    const int root_first = off[root], root_last = off[root + 1];
    if (++w.tree_stamp == 0) {
        std::fill(w.in_tree.begin(), w.in_tree.end(), 0U);
        std::fill(w.seed_mark.begin(), w.seed_mark.end(), 0U);
        w.tree_stamp = 1;
    }
    const std::uint32_t stamp = w.tree_stamp;
    std::uint32_t* in_tree = w.in_tree.data();
    double* dist = w.dist.data();
    int* next = w.next.data();
    for (int e = root_first; e < root_last; ++e) {
        w.seed_mark[static_cast<std::size_t>(tgt[e])] = stamp;
        w.seed_delay[static_cast<std::size_t>(tgt[e])] = dl[e];
    }
    double top = 0.0;
    for (std::size_t i = 0; i < kt.order.size(); ++i) {
        const int v = kt.order[i], p = kt.parent[i];
        const auto vi = static_cast<std::size_t>(v);
        double d = 0.0;
        if (p == root) {
            if (w.seed_mark[vi] != stamp) return false;  // the ground link is gone
            d = w.seed_delay[vi];
        } else {
            const std::size_t e = 4 * vi + kt.slot[i];
            if (nbr4[e] != p) return false;  // the ISL is gone
            d = dist[p] + delay4[e];
        }
        dist[v] = d;
        next[v] = p;
        in_tree[v] = stamp;
        top = std::max(top, d);
    }
    double bound = inf;  // lower bound on the delay of every satellite outside the tree
    bool tight = true;
    for (const int v : kt.order) {
        const auto vi = static_cast<std::size_t>(v);
        const double dv = dist[v];
        const int pv = next[v];
        // Without branches: padding (node ns, delay +inf) counts as outside and bounds nothing; the delay of a node
        // outside the tree is stale (even NaN at the padding) and is only read where masked off.
        for (std::size_t j = 0; j < 4; ++j) {
            const int u = nbr4[4 * vi + j];
            const double wu = delay4[4 * vi + j];
            const bool inside = in_tree[u] == stamp;
            tight &= !inside | (u == pv) | (dist[u] + wu > dv);
            bound = std::min(bound, inside ? inf : dv + wu);
        }
    }
    for (int e = root_first; e < root_last; ++e) {
        const int sat = tgt[e];
        if (in_tree[sat] == stamp) {
            tight &= next[sat] == root || dl[e] > dist[sat];
        } else {
            bound = std::min(bound, dl[e]);
        }
    }
    if (!tight || !(top < bound)) return false;
    // The watcher as the search leaves it: each partner's best over its satellites in the tree, ties as there.
    for (const int v : partners) {
        const auto station = static_cast<std::size_t>(v - pw.first_station);
        if (pw.slot_stamp[station] != pw.stamp) continue;
        const auto p = static_cast<std::size_t>(pw.slot_of[station]);
        for (int e = off[v]; e < off[v + 1]; ++e) {
            const int u = tgt[e];
            if (in_tree[u] != stamp) continue;
            const double du = dist[u], total = du + dl[e];
            const int b = pw.via[p];
            if (total < pw.best[p] || (total == pw.best[p] && (du < dist[b] || (du == dist[b] && u < b)))) {
                pw.best[p] = total;
                pw.via[p] = u;
            }
        }
    }
    pw.unfound = static_cast<int>(std::count(pw.best.begin(), pw.best.end(), inf));
    return bound == inf || pw.done(bound);
}

}  // namespace

namespace {

/// build_topology with the element sets of the satellites when known (for the seam rule of re-pairing).
topology build_checked(std::span<const double> x_ecef_m, std::span<const double> y_ecef_m,
                       std::span<const double> z_ecef_m, std::span<const isl> isls,
                       std::span<const ground_station> stations, std::span<const fibre_link> fibres,
                       const network_options& options, std::span<const int> moon_terminals,
                       const orbit::vec3& r_moon_ecef_m, std::span<const orbit::element_set> sets) {
    if (x_ecef_m.size() != y_ecef_m.size() || x_ecef_m.size() != z_ecef_m.size()) {
        throw input_error(fmt::format("topology: expected x, y, z of one size, got {}, {}, {}", x_ecef_m.size(),
                                      y_ecef_m.size(), z_ecef_m.size()));
    }
    check_options(options);
    const auto n = static_cast<int>(x_ecef_m.size());
    for (const auto& l : isls) {
        if (l.a < 0 || l.b < 0 || l.a >= n || l.b >= n || l.a == l.b) {
            throw input_error(fmt::format("topology: ISL {}-{}: expected two distinct satellites in [0, {})", l.a, l.b, n));
        }
    }
    for (const auto& f : fibres) {
        const auto g = static_cast<int>(stations.size());
        if (f.a < 0 || f.b < 0 || f.a >= g || f.b >= g || f.a == f.b) {
            throw input_error(fmt::format("topology: fibre {}-{}: expected two distinct stations in [0, {})", f.a, f.b, g));
        }
    }
    for (const int s : moon_terminals) {
        if (s < 0 || static_cast<std::size_t>(s) >= stations.size()) {
            throw input_error(fmt::format("topology: Moon terminal {}: expected a station in [0, {})", s, stations.size()));
        }
    }
    build_scratch sc;
    topology t;
    const repair_context rc =
        options.repair.enabled ? make_repair_context(n, isls, sets) : repair_context{};
    build_into(t, x_ecef_m, y_ecef_m, z_ecef_m, isls, stations, frame_of(stations), fibres, options, sc,
               moon_terminals, r_moon_ecef_m, options.repair.enabled ? &rc : nullptr);
    return t;
}

}  // namespace

topology build_topology(std::span<const double> x_ecef_m, std::span<const double> y_ecef_m,
                        std::span<const double> z_ecef_m, std::span<const isl> isls,
                        std::span<const ground_station> stations, std::span<const fibre_link> fibres,
                        const network_options& options, std::span<const int> moon_terminals,
                        const orbit::vec3& r_moon_ecef_m) {
    return build_checked(x_ecef_m, y_ecef_m, z_ecef_m, isls, stations, fibres, options, moon_terminals, r_moon_ecef_m,
                         {});
}

void shortest_paths_to(const topology& g, int destination, bool ground_relays, std::span<double> delay_s,
                       std::span<int> next_hop) {
    const auto nodes = g.offsets.size() - 1;
    if (delay_s.size() != nodes || next_hop.size() != nodes) {
        throw input_error(fmt::format("shortest paths: expected {} elements per output, got {} and {}", nodes,
                                      delay_s.size(), next_hop.size()));
    }
    if (destination < 0 || static_cast<std::size_t>(destination) >= nodes) {
        throw input_error(fmt::format("shortest paths: destination {} is not a node in [0, {})", destination, nodes));
    }
    search_space s;
    s.begin(nodes);
    const auto [lo, hi] = delay_range(g, false);
    dijkstra(g, destination, ground_relays, delay_s, next_hop, s, 0, plan_buckets(lo, hi));
}

int append_shell(network_model& model, const shell_design& shell, epoch epoch_time) {
    const auto first = static_cast<int>(model.satellites.size());
    auto sets = shell_element_sets(shell, epoch_time);
    for (auto& s : sets) s.catalogue_number += static_cast<std::uint32_t>(first);
    const auto isls = plus_grid_isls(shell.planes, shell.sats_per_plane, shell.isl_shift);
    model.satellites.insert(model.satellites.end(), sets.begin(), sets.end());
    for (const auto& l : isls) model.isls.push_back({l.a + first, l.b + first, l.cross_plane});
    return first;
}

topology topology_at(const network_model& model, const network_options& options, epoch t) {
    const orbit::sgp4_propagator prop(model.satellites);
    const std::size_t n = model.satellites.size();
    std::vector<double> x(n), y(n), z(n), v(n);
    std::vector<orbit::sgp4_status> st(n);
    const epoch times[1] = {t};
    prop.propagate(std::span<const epoch>(times), {x, y, z, v, v, v, st});
    const double gmst = orbit::gmst82_rad(t);
    const double c = std::cos(gmst), s = std::sin(gmst);
    for (std::size_t i = 0; i < n; ++i) {
        if (st[i] != orbit::sgp4_status::ok) {
            x[i] = y[i] = z[i] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        teme_km_to_ecef_m(x[i], y[i], z[i], c, s, x[i], y[i], z[i]);
    }
    return build_checked(x, y, z, model.isls, model.stations, model.fibres, options, model.moon_terminals,
                         model.moon_terminals.empty() ? orbit::vec3{} : moon_position_ecef(t), model.satellites);
}

route_run simulate_routes(const network_model& model, std::span<const station_pair> pairs,
                          const network_options& options, const run_options& run) {
    check_options(options);
    const auto n = static_cast<int>(model.satellites.size());
    const auto g = static_cast<int>(model.stations.size());
    const int ends = g + (model.moon_terminals.empty() ? 0 : 1);  // the Moon is end point g
    if (run.steps < 1) throw input_error(fmt::format("routes: expected at least one step, got {}", run.steps));
    if (run.step.ns() <= 0) throw input_error(fmt::format("routes: expected a positive step, got {:g} s", run.step.seconds()));
    for (const auto& p : pairs) {
        if (p.src < 0 || p.dst < 0 || p.src >= ends || p.dst >= ends) {
            throw input_error(fmt::format("routes: pair {}-{}: expected station indices in [0, {}){}", p.src, p.dst, ends,
                                          ends > g ? " (the last is the Moon)" : ""));
        }
    }
    {
        // Validates the ISLs and fibres once (indices) on an empty geometry.
        const std::vector<double> nan(static_cast<std::size_t>(n), std::numeric_limits<double>::quiet_NaN());
        (void)build_topology(nan, nan, nan, model.isls, model.stations, model.fibres, options, model.moon_terminals);
    }
    const orbit::sgp4_propagator prop(model.satellites);
    const station_frame sf = frame_of(model.stations);
    const repair_context repair =
        options.repair.enabled ? make_repair_context(n, model.isls, model.satellites) : repair_context{};

    std::vector<int> dests;
    for (const auto& p : pairs) dests.push_back(p.dst);
    std::sort(dests.begin(), dests.end());
    dests.erase(std::unique(dests.begin(), dests.end()), dests.end());
    std::vector<std::vector<std::size_t>> dest_pairs(dests.size());  // pair indices per destination
    std::vector<std::vector<int>> dest_sources(dests.size());        // distinct source nodes per destination
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        const auto d = static_cast<std::size_t>(std::lower_bound(dests.begin(), dests.end(), pairs[k].dst) - dests.begin());
        dest_pairs[d].push_back(k);
        dest_sources[d].push_back(n + pairs[k].src);
    }
    for (auto& v : dest_sources) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    // Without fibres, Moon terminals or ground relays, every path between two stations is one ground link, ISLs and
    // one ground link: the search then runs over the satellites only, seeded with the destination's ground links.
    const bool satellites_only = model.fibres.empty() && model.moon_terminals.empty() && !options.ground_relays;
    // There, delays are symmetric, so a pair may be searched from either end; choose_roots picks the ends.
    std::vector<char> flipped(pairs.size(), 0);          // per pair: its steps' paths run destination -> source
    std::vector<int> roots;                              // station index of each search
    std::vector<std::vector<std::size_t>> root_pairs;    // pair indices per root
    std::vector<std::vector<int>> root_partners;         // distinct partner station nodes per root
    if (satellites_only) {
        const std::vector<int> root_of = choose_roots(pairs, model.stations);
        // Searched from the source, a pair's chain runs destination -> source; it is stored source -> destination.
        for (std::size_t q = 0; q < pairs.size(); ++q) flipped[q] = root_of[q] == pairs[q].src && pairs[q].src != pairs[q].dst;
        std::vector<int> slot(static_cast<std::size_t>(g), -1);
        for (std::size_t q = 0; q < pairs.size(); ++q) {
            auto& k = slot[static_cast<std::size_t>(root_of[q])];
            if (k < 0) {
                k = static_cast<int>(roots.size());
                roots.push_back(root_of[q]);
                root_pairs.emplace_back();
                root_partners.emplace_back();
            }
            root_pairs[static_cast<std::size_t>(k)].push_back(q);
            const int partner = root_of[q] == pairs[q].dst ? pairs[q].src : pairs[q].dst;
            root_partners[static_cast<std::size_t>(k)].push_back(n + partner);
        }
        for (auto& v : root_partners) {
            std::sort(v.begin(), v.end());
            v.erase(std::unique(v.begin(), v.end()), v.end());
        }
    }

    route_run out;
    out.satellites = n;
    const auto steps = static_cast<std::size_t>(run.steps);
    out.time_s.resize(steps);
    for (std::size_t s = 0; s < steps; ++s) out.time_s[s] = (run.step * static_cast<std::int64_t>(s)).seconds();
    out.pairs.resize(pairs.size());
    for (auto& p : out.pairs) {
        p.rtt_s.assign(steps, std::numeric_limits<double>::quiet_NaN());
        p.hops.assign(steps, 0);
    }

    constexpr std::size_t block = 64;
    const auto nodes = static_cast<std::size_t>(n + ends);
    const auto ns = static_cast<std::size_t>(n);
    std::vector<double> px(ns * block), py(ns * block), pz(ns * block), pv(ns * block);
    std::vector<orbit::sgp4_status> pst(ns * block);
    std::vector<step_paths> block_paths(block);
    for (auto& p : block_paths) {
        p.start.resize(pairs.size());
        p.end.resize(pairs.size());
    }
    std::vector<std::vector<int>> last(pairs.size());  // each pair's latest stored path
    std::vector<char> have_last(pairs.size(), 0);
    tbb::enumerable_thread_specific<workspace> tls;
    tbb::task_arena arena(run.threads > 0 ? run.threads : tbb::task_arena::automatic);

    // One step: positions, topology, one search per destination, RTTs, hops and paths of its pairs.
    const auto route_step = [&](workspace& w, std::size_t k, std::size_t bn, epoch t, std::size_t step) {
        w.x.resize(ns);
        w.y.resize(ns);
        w.z.resize(ns);
        w.dist.resize(nodes + 1);  // + 1: the padding node of the four-wide rows
        w.next.resize(nodes + 1);
        const double gmst = orbit::gmst82_rad(t);
        const double cg = std::cos(gmst), sg = std::sin(gmst);
        for (std::size_t i = 0; i < ns; ++i) {
            const std::size_t e = i * bn + k;
            if (pst[e] != orbit::sgp4_status::ok) {
                w.x[i] = w.y[i] = w.z[i] = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            teme_km_to_ecef_m(px[e], py[e], pz[e], cg, sg, w.x[i], w.y[i], w.z[i]);
        }
        const orbit::vec3 r_moon = model.moon_terminals.empty() ? orbit::vec3{} : moon_position_ecef(t);
        topology& tp = w.t;
        build_into(tp, w.x, w.y, w.z, model.isls, model.stations, sf, model.fibres, options, w.scratch,
                   model.moon_terminals, r_moon, options.repair.enabled ? &repair : nullptr);
        const int* off = tp.offsets.data();
        const int* tgt = tp.targets.data();
        const double* dl = tp.delay_s.data();
        step_paths& paths = block_paths[k];
        paths.nodes.clear();
        if (satellites_only) {
            // A satellite's row starts with its ISLs (build_into); the search uses only those, as rows of exactly
            // four (a +Grid) padded with links of infinite delay to node ns, whose delay -inf no path improves, or, where a
            // satellite has more than four, the CSR rows.
            w.isl_end.resize(ns);
            int degree = 0;
            for (std::size_t u = 0; u < ns; ++u) {
                int e = off[u];
                while (e < off[u + 1] && tp.kind[static_cast<std::size_t>(e)] == link_kind::isl) ++e;
                w.isl_end[u] = e;
                degree = std::max(degree, e - off[u]);
            }
            const bool four = degree <= 4;
            if (four) {
                w.nbr4.assign(4 * ns, n);
                w.delay4.assign(4 * ns, inf);
                for (std::size_t u = 0; u < ns; ++u) {
                    for (int e = off[u], j = 0; e < w.isl_end[u]; ++e, ++j) {
                        w.nbr4[4 * u + static_cast<std::size_t>(j)] = tgt[e];
                        w.delay4[4 * u + static_cast<std::size_t>(j)] = dl[e];
                    }
                }
            }
            double lo = inf, hi = 0.0;  // ISL delays, and ground links as seeds
            for (std::size_t e = 0; e < tp.delay_s.size(); ++e) {
                if (tp.kind[e] == link_kind::isl) lo = std::min(lo, dl[e]);
                hi = std::max(hi, dl[e]);
            }
            const bucket_plan plan = plan_buckets(lo, hi);
            const int* isl_end = w.isl_end.data();
            if (w.kept.size() != roots.size()) w.kept.assign(roots.size(), kept_tree{});
            w.last_via.resize(pairs.size(), -1);
            w.in_tree.resize(ns + 1, 0U);  // + 1: the padding node, never in a tree
            w.seed_mark.resize(ns, 0U);
            w.seed_delay.resize(ns, 0.0);
            for (std::size_t d = 0; d < roots.size(); ++d) {
                const int root = n + roots[d];
                w.space.begin(ns);
                // The partners' satellites are marked wanted; each partner gets a slot in the watcher below.
                int count = 0;  // distinct satellites seen by this root's partners
                partner_watch& pw = w.watch;
                pw.best.clear();
                pw.via.clear();
                pw.min_link.clear();
                pw.slot_of.resize(static_cast<std::size_t>(g));
                pw.slot_stamp.resize(static_cast<std::size_t>(g));
                ++pw.stamp;
                if (pw.stamp == 0) {
                    std::fill(pw.slot_stamp.begin(), pw.slot_stamp.end(), 0U);
                    pw.stamp = 1;
                }
                for (const int v : root_partners[d]) {
                    if (v == root || off[v] == off[v + 1]) continue;
                    const auto station = static_cast<std::size_t>(v - n);
                    pw.slot_of[station] = static_cast<int>(pw.best.size());
                    pw.slot_stamp[station] = pw.stamp;
                    pw.best.push_back(inf);
                    pw.via.push_back(-1);
                    double ming = inf;
                    for (int e = off[v]; e < off[v + 1]; ++e) {
                        auto& mark = w.space.wanted[static_cast<std::size_t>(tgt[e])];
                        count += mark != w.space.stamp ? 1 : 0;
                        mark = w.space.stamp;
                        ming = std::min(ming, dl[e]);
                    }
                    pw.min_link.push_back(ming);
                }
                pw.unfound = static_cast<int>(pw.best.size());
                pw.bound = -inf;
                pw.dist = w.dist.data();
                pw.first_station = n;
                pw.gsl_begin = isl_end;
                pw.row_end = off;
                pw.target = tgt;
                pw.delay = dl;
                bool reused = false;  // this step's tree is the step before's (N-w)
                if (count > 0) {
                    ++w.searches;
                    w.dist[ns] = -inf;  // the padding node of the four-wide rows
                    kept_tree& kt = w.kept[d];
                    const auto now = static_cast<std::int64_t>(step);
                    if (four && run.warm_start && kt.step == now - 1 && now >= kt.retry_at) {
                        reused = reuse_tree(kt, root, root_partners[d], off, tgt, dl, w.nbr4.data(), w.delay4.data(),
                                            w, pw);
                        if (reused) {
                            ++w.trees_kept;
                            kt.step = now;
                            kt.misses = 0;
                        } else {
                            // Back off while trees keep changing (coarse steps): retry after 1, 2, 4, ... 64 steps.
                            ++kt.misses;
                            kt.retry_at = now + (std::int64_t{1} << std::min(kt.misses - 1, 6));
                            std::fill(pw.best.begin(), pw.best.end(), inf);
                            std::fill(pw.via.begin(), pw.via.end(), -1);
                            pw.unfound = static_cast<int>(pw.best.size());
                            pw.bound = -inf;
                        }
                    }
                    w.seeds.clear();
                    for (int e = off[root]; e < off[root + 1]; ++e) w.seeds.push_back({tgt[e], dl[e], root});
                    if (reused) {
                    } else if (four && run.warm_start) {
                        w.space.order.clear();
                        search<4, true>(
                            ns, 4 * ns, w.nbr4.data(), w.delay4.data(), [](int u) { return std::pair{4 * u, 4 * u + 4}; },
                            [](int) { return true; }, w.seeds, w.dist.data(), w.next.data(), w.space, 0, plan, pw);
                        // Keep the tree for the next step.
                        kt.order = w.space.order;
                        kt.parent.resize(kt.order.size());
                        kt.slot.resize(kt.order.size());
                        for (std::size_t i = 0; i < kt.order.size(); ++i) {
                            const auto v = static_cast<std::size_t>(kt.order[i]);
                            const int p = w.next[v];
                            kt.parent[i] = p;
                            std::uint8_t j = 0;
                            while (j < 3 && w.nbr4[4 * v + j] != p) ++j;
                            kt.slot[i] = j;  // a seed's parent is the root: its slot is never read
                        }
                        kt.step = now;
                    } else if (four) {
                        search<4>(
                            ns, 4 * ns, w.nbr4.data(), w.delay4.data(), [](int u) { return std::pair{4 * u, 4 * u + 4}; },
                            [](int) { return true; }, w.seeds, w.dist.data(), w.next.data(), w.space, 0, plan, pw);
                    } else {
                        search(
                            ns, tp.targets.size(), tgt, dl, [off, isl_end](int u) { return std::pair{off[u], isl_end[u]}; },
                            [](int) { return true; }, w.seeds, w.dist.data(), w.next.data(), w.space, 0, plan, pw);
                    }
                }
                const auto route_pair = [&](std::size_t q) {
                    const int last_via = w.last_via[q];
                    w.last_via[q] = -1;  // set again below when the pair has a path
                    const int src = n + pairs[q].src, dst = n + pairs[q].dst;
                    const int far = root == dst ? src : dst;  // the end away from the search's root
                    std::vector<int>& path = paths.nodes;
                    paths.start[q] = path.size();
                    if (src == dst) {
                        out.pairs[q].rtt_s[step] = 0.0;
                        path.push_back(dst);
                        return;
                    }
                    if (count == 0) return;
                    // The far end's ground link into the nearest (by path delay) satellite, as the watcher found it.
                    const auto station = static_cast<std::size_t>(far - n);
                    if (pw.slot_stamp[station] != pw.stamp) return;  // no ground link
                    const auto slot = static_cast<std::size_t>(pw.slot_of[station]);
                    const double best = pw.best[slot];
                    const int via = pw.via[slot];
                    if (!std::isfinite(best)) return;
                    // Hypatia print_routes_and_rtt.py: RTT = (forward + reverse length) / c; links are symmetric.
                    out.pairs[q].rtt_s[step] = 2.0 * best;
                    w.last_via[q] = via;
                    if (reused && last_via == via) {
                        // The tree of the step before, entered at the same satellite: the same path.
                        paths.start[q] = step_paths::unchanged;
                        out.pairs[q].hops[step] = out.pairs[q].hops[step - 1];
                        return;
                    }
                    path.push_back(far);
                    for (int v = via; v < n; v = w.next[static_cast<std::size_t>(v)]) path.push_back(v);
                    path.push_back(root);
                    // Kept in the search's order (far end to root); flipped where a change is stored (`flipped`).
                    out.pairs[q].hops[step] = static_cast<int>(path.size() - paths.start[q]) - 1;
                };
                for (const std::size_t q : root_pairs[d]) {
                    route_pair(q);
                    paths.end[q] = paths.nodes.size();
                }
            }
            return;
        }
        const auto [lo, hi] = delay_range(tp, false);
        const bucket_plan plan = plan_buckets(lo, hi);
        for (std::size_t d = 0; d < dests.size(); ++d) {
            // One search per destination, stopped once all its sources are settled.
            ++w.searches;
            const int dst = n + dests[d];
            w.space.begin(nodes);
            int count = 0;
            for (const int v : dest_sources[d]) {
                if (v == dst) continue;
                w.space.wanted[static_cast<std::size_t>(v)] = w.space.stamp;
                ++count;
            }
            dijkstra(tp, dst, options.ground_relays, w.dist, w.next, w.space, count, plan);
            for (const std::size_t q : dest_pairs[d]) {
                const int src = n + pairs[q].src;
                std::vector<int>& path = paths.nodes;
                paths.start[q] = path.size();
                const double one_way = w.dist[static_cast<std::size_t>(src)];
                if (!std::isfinite(one_way)) {
                    paths.end[q] = path.size();
                    continue;
                }
                out.pairs[q].rtt_s[step] = 2.0 * one_way;
                for (int v = src; v != -1; v = w.next[static_cast<std::size_t>(v)]) path.push_back(v);
                out.pairs[q].hops[step] = static_cast<int>(path.size() - paths.start[q]) - 1;
                paths.end[q] = path.size();
            }
        }
    };

    for (std::size_t b0 = 0; b0 < steps; b0 += block) {
        const std::size_t bn = std::min(block, steps - b0);
        std::vector<epoch> times(bn);
        for (std::size_t k = 0; k < bn; ++k) times[k] = run.start + run.step * static_cast<std::int64_t>(b0 + k);
        const std::size_t len = ns * bn;
        const orbit::sgp4_batch_output o{{px.data(), len}, {py.data(), len}, {pz.data(), len}, {pv.data(), len},
                                         {pv.data(), len}, {pv.data(), len}, {pst.data(), len}};
        prop.propagate(std::span<const epoch>(times), o, orbit::sgp4_run_options{run.threads});
        // Contiguous runs of steps per task, so a thread's searches can start from its step before (N-w): two runs
        // per thread balance the load, and a run has at least 8 steps where the block allows.
        const auto runs = std::clamp<std::size_t>(bn / 8, 1, 2 * static_cast<std::size_t>(arena.max_concurrency()));
        arena.execute([&] {
            tbb::parallel_for(
                tbb::blocked_range<std::size_t>(0, runs, 1),
                [&](const tbb::blocked_range<std::size_t>& r) {
                    for (std::size_t c = r.begin(); c < r.end(); ++c) {
                        workspace& w = tls.local();
                        for (std::size_t k = c * bn / runs; k < (c + 1) * bn / runs; ++k) {
                            route_step(w, k, bn, times[k], b0 + k);
                        }
                    }
                },
                tbb::simple_partitioner());
        });
        for (std::size_t k = 0; k < bn; ++k) {
            for (std::size_t q = 0; q < pairs.size(); ++q) {
                const step_paths& sp = block_paths[k];
                if (sp.start[q] == step_paths::unchanged) continue;
                const std::span<const int> path = sp.path(q);
                if (have_last[q] == 0 || !std::equal(path.begin(), path.end(), last[q].begin(), last[q].end())) {
                    out.pairs[q].paths.push_back({static_cast<std::int64_t>(b0 + k), {path.begin(), path.end()}});
                    if (flipped[q] != 0) std::reverse(out.pairs[q].paths.back().nodes.begin(), out.pairs[q].paths.back().nodes.end());
                    last[q].assign(path.begin(), path.end());
                    have_last[q] = 1;
                }
            }
        }
        if (run.on_progress) run.on_progress(static_cast<std::int64_t>(b0 + bn));
    }
    for (const workspace& w : tls) {
        out.searches += w.searches;
        out.trees_kept += w.trees_kept;
    }
    return out;
}

}  // namespace kardashev::network
