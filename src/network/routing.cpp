#include "kardashev/network/routing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <fmt/format.h>
#include <tbb/enumerable_thread_specific.h>
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
}

topology build(std::span<const double> x, std::span<const double> y, std::span<const double> z,
               std::span<const isl> isls, std::span<const ground_station> stations, const station_frame& sf,
               std::span<const fibre_link> fibres, const network_options& o, std::vector<edge>& edges,
               std::vector<gsl_candidate>& cand, std::span<const int> moon_terminals, const orbit::vec3& r_moon) {
    const int n = static_cast<int>(x.size());
    const int g = static_cast<int>(stations.size());
    edges.clear();
    const double rg = o.isl_earth_radius_m + o.isl_grazing_height_m;
    for (const auto& l : isls) {
        const double ax = x[static_cast<std::size_t>(l.a)], ay = y[static_cast<std::size_t>(l.a)], az = z[static_cast<std::size_t>(l.a)];
        const double bx = x[static_cast<std::size_t>(l.b)], by = y[static_cast<std::size_t>(l.b)], bz = z[static_cast<std::size_t>(l.b)];
        if (!std::isfinite(ax) || !std::isfinite(bx)) continue;  // a satellite that failed to propagate has no links
        const double dx = bx - ax, dy = by - ay, dz = bz - az;
        const double len2 = dx * dx + dy * dy + dz * dz;
        const double len = std::sqrt(len2);
        // Closest approach of the segment a-b to the Earth's centre: the line of sight must stay above R + h.
        const double t = std::clamp(-(ax * dx + ay * dy + az * dz) / len2, 0.0, 1.0);
        const double px = ax + t * dx, py = ay + t * dy, pz = az + t * dz;
        const double closest = std::sqrt(px * px + py * py + pz * pz);
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
    cand.clear();
    const double sin_mask = std::sin(o.gsl.min_elevation_rad);
    for (int s = 0; s < g; ++s) {
        const auto& r = sf.r_ecef[static_cast<std::size_t>(s)];
        const auto& up = sf.up[static_cast<std::size_t>(s)];
        const std::size_t first = cand.size();
        for (int k = 0; k < n; ++k) {
            const double dx = x[static_cast<std::size_t>(k)] - r[0], dy = y[static_cast<std::size_t>(k)] - r[1],
                         dz = z[static_cast<std::size_t>(k)] - r[2];
            const double rho = std::sqrt(dx * dx + dy * dy + dz * dz);
            if (!std::isfinite(rho)) continue;
            bool ok = false;
            if (o.gsl.rule == gsl_rule::slant_range) {
                ok = rho <= o.gsl.max_range_m;  // Hypatia generate_dynamic_state.py: range test only
            } else {
                ok = dx * up[0] + dy * up[1] + dz * up[2] >= rho * sin_mask;  // sin e = (d . up) / |d| >= sin e_min
            }
            if (ok) cand.push_back({rho, s, k});
        }
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
        std::vector<int> used(static_cast<std::size_t>(n), 0);
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
    topology t;
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
    std::vector<int> fill(t.offsets.begin(), t.offsets.end() - 1);
    const auto put = [&](int from, int to, const edge& e) {
        const auto i = static_cast<std::size_t>(fill[static_cast<std::size_t>(from)]++);
        t.targets[i] = to;
        t.delay_s[i] = e.delay_s;
        t.capacity_bps[i] = e.capacity_bps;
        t.kind[i] = e.kind;
    };
    for (const auto& e : edges) {
        put(e.u, e.v, e);
        put(e.v, e.u, e);
    }
    return t;
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

/// Dijkstra (1959) from `dst` over the symmetric graph: delay to dst and next hop towards it.
/// With `wanted` non-empty, stops once every node flagged there (count `wanted_count`) is settled; nodes not
/// settled by then keep tentative values.
void dijkstra(const topology& g, int dst, bool ground_relays, std::span<double> dist, std::span<int> next,
              node_heap& heap, std::span<const char> wanted = {}, int wanted_count = 0) {
    std::fill(dist.begin(), dist.end(), inf);
    std::fill(next.begin(), next.end(), -1);
    heap.reset(dist.size());
    double* key = dist.data();
    dist[static_cast<std::size_t>(dst)] = 0.0;
    heap.push_or_decrease(key, dst);
    const int* off = g.offsets.data();
    const int* tgt = g.targets.data();
    const double* w = g.delay_s.data();
    while (!heap.items.empty()) {
        const int u = heap.pop(key);
        if (!wanted.empty() && wanted[static_cast<std::size_t>(u)] != 0 && --wanted_count == 0) break;
        if (u != dst && g.relay[static_cast<std::size_t>(u)] == 0 && !ground_relays) continue;  // end points only
        const double d = key[u];
        for (int i = off[u]; i < off[u + 1]; ++i) {
            const int v = tgt[i];
            const double nd = d + w[i];
            if (nd < key[v]) {
                key[v] = nd;
                next[static_cast<std::size_t>(v)] = u;
                heap.push_or_decrease(key, v);
            }
        }
    }
    for (const int v : heap.items) heap.pos[static_cast<std::size_t>(v)] = -1;  // leave pos clean after an early stop
}

struct workspace {
    std::vector<double> x, y, z;
    std::vector<edge> edges;
    std::vector<gsl_candidate> cand;
    std::vector<double> dist;
    std::vector<int> next;
    node_heap heap;
    std::vector<char> wanted;
};

}  // namespace

topology build_topology(std::span<const double> x_ecef_m, std::span<const double> y_ecef_m,
                        std::span<const double> z_ecef_m, std::span<const isl> isls,
                        std::span<const ground_station> stations, std::span<const fibre_link> fibres,
                        const network_options& options, std::span<const int> moon_terminals,
                        const orbit::vec3& r_moon_ecef_m) {
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
    std::vector<edge> edges;
    std::vector<gsl_candidate> cand;
    return build(x_ecef_m, y_ecef_m, z_ecef_m, isls, stations, frame_of(stations), fibres, options, edges, cand,
                 moon_terminals, r_moon_ecef_m);
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
    node_heap heap;
    dijkstra(g, destination, ground_relays, delay_s, next_hop, heap);
}

int append_shell(network_model& model, const shell_design& shell, epoch epoch_time) {
    const auto first = static_cast<int>(model.satellites.size());
    auto sets = shell_element_sets(shell, epoch_time);
    for (auto& s : sets) s.catalogue_number += static_cast<std::uint32_t>(first);
    const auto isls = plus_grid_isls(shell.planes, shell.sats_per_plane, shell.isl_shift);
    model.satellites.insert(model.satellites.end(), sets.begin(), sets.end());
    for (const auto& l : isls) model.isls.push_back({l.a + first, l.b + first});
    return first;
}

topology topology_at(const network_model& model, const network_options& options, epoch t) {
    const orbit::sgp4_propagator prop(model.satellites);
    const std::size_t n = model.satellites.size();
    std::vector<double> x(n), y(n), z(n), v(n);
    std::vector<orbit::sgp4_status> st(n);
    const epoch times[1] = {t};
    prop.propagate(std::span<const epoch>(times), {x, y, z, v, v, v, st});
    for (std::size_t i = 0; i < n; ++i) {
        if (st[i] != orbit::sgp4_status::ok) {
            x[i] = y[i] = z[i] = std::numeric_limits<double>::quiet_NaN();
            continue;
        }
        const orbit::vec3 r = orbit::teme_to_ecef({{x[i] * 1e3, y[i] * 1e3, z[i] * 1e3}, {}}, t).r_m;
        x[i] = r[0];
        y[i] = r[1];
        z[i] = r[2];
    }
    return build_topology(x, y, z, model.isls, model.stations, model.fibres, options, model.moon_terminals,
                          model.moon_terminals.empty() ? orbit::vec3{} : moon_position_ecef(t));
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

    std::vector<int> dests;
    for (const auto& p : pairs) dests.push_back(p.dst);
    std::sort(dests.begin(), dests.end());
    dests.erase(std::unique(dests.begin(), dests.end()), dests.end());
    std::vector<std::size_t> dest_slot(pairs.size());
    std::vector<std::vector<int>> dest_sources(dests.size());  // distinct source nodes per destination
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        dest_slot[k] = static_cast<std::size_t>(std::lower_bound(dests.begin(), dests.end(), pairs[k].dst) - dests.begin());
        dest_sources[dest_slot[k]].push_back(n + pairs[k].src);
    }
    for (auto& v : dest_sources) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
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
    std::vector<std::vector<std::vector<int>>> block_paths(block, std::vector<std::vector<int>>(pairs.size()));
    std::vector<const std::vector<int>*> last(pairs.size(), nullptr);
    std::vector<std::vector<int>> last_store(pairs.size());
    tbb::enumerable_thread_specific<workspace> tls;
    tbb::task_arena arena(run.threads > 0 ? run.threads : tbb::task_arena::automatic);

    for (std::size_t b0 = 0; b0 < steps; b0 += block) {
        const std::size_t bn = std::min(block, steps - b0);
        std::vector<epoch> times(bn);
        for (std::size_t k = 0; k < bn; ++k) times[k] = run.start + run.step * static_cast<std::int64_t>(b0 + k);
        const std::size_t len = ns * bn;
        const orbit::sgp4_batch_output o{{px.data(), len}, {py.data(), len}, {pz.data(), len}, {pv.data(), len},
                                         {pv.data(), len}, {pv.data(), len}, {pst.data(), len}};
        prop.propagate(std::span<const epoch>(times), o, orbit::sgp4_run_options{run.threads});
        arena.execute([&] {
            tbb::parallel_for(std::size_t{0}, bn, [&](std::size_t k) {
                workspace& w = tls.local();
                w.x.resize(ns);
                w.y.resize(ns);
                w.z.resize(ns);
                w.dist.resize(nodes);
                w.next.resize(nodes);
                w.wanted.assign(nodes, 0);
                for (std::size_t i = 0; i < ns; ++i) {
                    const std::size_t e = i * bn + k;
                    if (pst[e] != orbit::sgp4_status::ok) {
                        w.x[i] = w.y[i] = w.z[i] = std::numeric_limits<double>::quiet_NaN();
                        continue;
                    }
                    // TEME [km] -> ECEF [m] through GMST-82 (orbit/frames.hpp, Vallado 2013 eq. 3-90).
                    const orbit::state_vector te{{px[e] * 1e3, py[e] * 1e3, pz[e] * 1e3}, {}};
                    const orbit::vec3 r = orbit::teme_to_ecef(te, times[k]).r_m;
                    w.x[i] = r[0];
                    w.y[i] = r[1];
                    w.z[i] = r[2];
                }
                const orbit::vec3 r_moon = model.moon_terminals.empty() ? orbit::vec3{} : moon_position_ecef(times[k]);
                const topology t = build(w.x, w.y, w.z, model.isls, model.stations, sf, model.fibres, options, w.edges,
                                         w.cand, model.moon_terminals, r_moon);
                const std::size_t step = b0 + k;
                for (std::size_t d = 0; d < dests.size(); ++d) {
                    // One Dijkstra per destination, stopped once all its sources are settled.
                    int count = 0;
                    for (const int v : dest_sources[d]) {
                        if (v == n + dests[d]) continue;
                        w.wanted[static_cast<std::size_t>(v)] = 1;
                        ++count;
                    }
                    dijkstra(t, n + dests[d], options.ground_relays, w.dist, w.next, w.heap,
                             count > 0 ? std::span<const char>(w.wanted) : std::span<const char>(), count);
                    for (const int v : dest_sources[d]) w.wanted[static_cast<std::size_t>(v)] = 0;
                    for (std::size_t q = 0; q < pairs.size(); ++q) {
                        if (dest_slot[q] != d) continue;
                        const int src = n + pairs[q].src;
                        auto& path = block_paths[k][q];
                        path.clear();
                        const double one_way = w.dist[static_cast<std::size_t>(src)];
                        if (!std::isfinite(one_way)) continue;
                        // Hypatia print_routes_and_rtt.py: RTT = (forward + reverse length) / c; links are symmetric.
                        out.pairs[q].rtt_s[step] = 2.0 * one_way;
                        for (int v = src; v != -1; v = w.next[static_cast<std::size_t>(v)]) path.push_back(v);
                        out.pairs[q].hops[step] = static_cast<int>(path.size()) - 1;
                    }
                }
            });
        });
        for (std::size_t k = 0; k < bn; ++k) {
            for (std::size_t q = 0; q < pairs.size(); ++q) {
                auto& path = block_paths[k][q];
                if (last[q] == nullptr || *last[q] != path) {
                    out.pairs[q].paths.push_back({static_cast<std::int64_t>(b0 + k), path});
                    last_store[q] = path;
                    last[q] = &last_store[q];
                }
            }
        }
    }
    return out;
}

}  // namespace kardashev::network
