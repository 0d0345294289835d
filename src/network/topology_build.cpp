// One step's topology: ISLs (N-d) with cross-plane re-pairing (N-b2), fibres, Moon links (N-k2) and the CSR rows;
// the ground links are in ground_links.cpp.

#include "topology_build.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/orbit/frames.hpp"
#include "kardashev/orbit/sgp4.hpp"

namespace kardashev::network {

namespace detail {

namespace {

constexpr double c_m_s = constants::speed_of_light_m_per_s;

/// Distance of the segment from a to a + d (|d|^2 = length2) to the Earth's centre at its closest point [m] (N-d).
double closest_approach_m(double ax, double ay, double az, double dx, double dy, double dz, double length2) {
    const double f = std::clamp(-(ax * dx + ay * dy + az * dz) / length2, 0.0, 1.0);
    const double px = ax + f * dx, py = ay + f * dy, pz = az + f * dz;
    return std::sqrt(px * px + py * py + pz * pz);
}

/// The rules of cross-plane re-pairing at one step (N-b2).
struct repair_rules {
    const satellite_positions& sats;
    const repair_context* context = nullptr;
    double sin_polar = 0.0;  //!< sine of the polar latitude
    bool seam = true;

    /// Geocentric latitude above the polar threshold: abs(z) / abs(r) > sin(threshold).
    [[nodiscard]] bool polar(node_index k) const {
        const double x = sats.x_m[k], y = sats.y_m[k], z = sats.z_m[k];
        return std::fabs(z) > sin_polar * std::sqrt(x * x + y * y + z * z);
    }
    /// Orbit normals more than 90 deg apart: the seam of a Walker star.
    [[nodiscard]] bool counter_rotating(node_index a, node_index b) const {
        if (!seam || context->normal.empty()) return false;
        const orbit::vec3& ha = context->normal[a];
        const orbit::vec3& hb = context->normal[b];
        return ha[0] * hb[0] + ha[1] * hb[1] + ha[2] * hb[2] < 0.0;
    }
};

[[noreturn]] void throw_isl_out_of_sight(const isl& l, double length_m, double closest_m, double ra_m, double rb_m,
                                         const network_options& o) {
    throw domain_error(fmt::format(
        "ISL {}-{}: {:.1f} km long, its line of sight passes {:.1f} km above the surface, below the {:g} km "
        "limit; a fixed +Grid cannot hold it (the longest allowed ISL at this altitude is {:.1f} km)",
        l.a, l.b, length_m / 1000.0, (closest_m - o.isl_earth_radius_m) / 1000.0, o.isl_grazing_height_m / 1000.0,
        max_isl_range_m(std::fmin(ra_m, rb_m), o.isl_grazing_height_m, o.isl_earth_radius_m) / 1000.0));
}

/// Appends the ISLs in line of sight (N-d). With `repair`, a cross-plane link that is out of sight, has an end in a
/// polar cap or crosses the seam is dropped and counted in scratch.lost; the others are listed in scratch.kept.
void add_isls(const satellite_positions& sats, const topology_inputs& in, const repair_rules* repair,
              build_scratch& scratch) {
    const network_options& o = *in.options;
    const double line_of_sight_m = o.isl_earth_radius_m + o.isl_grazing_height_m;
    const double* x = sats.x_m.data();  // local copies: the edges' stores cannot then make the compiler reload them
    const double* y = sats.y_m.data();
    const double* z = sats.z_m.data();
    for (const isl& l : in.isls) {
        const double ax = x[l.a], ay = y[l.a], az = z[l.a];
        const double bx = x[l.b], by = y[l.b], bz = z[l.b];
        if (!std::isfinite(ax) || !std::isfinite(bx)) continue;  // a satellite that failed to propagate has no links
        const double dx = bx - ax, dy = by - ay, dz = bz - az;
        const double length2 = dx * dx + dy * dy + dz * dz;
        const double length = std::sqrt(length2);
        const double closest = closest_approach_m(ax, ay, az, dx, dy, dz, length2);
        if (repair != nullptr && l.cross_plane) {
            if (closest < line_of_sight_m || repair->polar(l.a) || repair->polar(l.b) ||
                repair->counter_rotating(l.a, l.b)) {
                ++scratch.lost[l.a];
                ++scratch.lost[l.b];
                continue;
            }
            scratch.kept.emplace_back(std::min(l.a, l.b), std::max(l.a, l.b));
        }
        if (closest < line_of_sight_m) {
            throw_isl_out_of_sight(l, length, closest, std::sqrt(ax * ax + ay * ay + az * az),
                                   std::sqrt(bx * bx + by * by + bz * bz), o);
        }
        scratch.edges.push_back({l.a, l.b, length / c_m_s, o.isl_capacity_bps, link_kind::isl});
    }
}

/// Satellites that lost a cross-plane link and are outside the polar caps pair again: candidate links between two
/// of them in different, co-rotating planes, not linked already, within the line of sight, taken shortest first
/// while both ends still have a free terminal (greedy matching; ties by satellite ids).
void repair_cross_plane_links(const satellite_positions& sats, const topology_inputs& in, const repair_rules& rules,
                              build_scratch& scratch) {
    const network_options& o = *in.options;
    const double line_of_sight_m = o.isl_earth_radius_m + o.isl_grazing_height_m;
    scratch.free_sats.clear();
    for (node_index k = 0; k < sats.count(); ++k) {
        if (scratch.lost[k] > 0 && std::isfinite(sats.x_m[k]) && !rules.polar(k)) scratch.free_sats.push_back(k);
    }
    std::sort(scratch.kept.begin(), scratch.kept.end());
    scratch.new_links.clear();
    for (std::size_t i = 0; i < scratch.free_sats.size(); ++i) {
        for (std::size_t j = i + 1; j < scratch.free_sats.size(); ++j) {
            const node_index a = scratch.free_sats[i], b = scratch.free_sats[j];
            if (rules.context->plane[a] == rules.context->plane[b] || rules.counter_rotating(a, b) ||
                std::binary_search(scratch.kept.begin(), scratch.kept.end(), std::pair{a, b})) {
                continue;
            }
            const double dx = sats.x_m[b] - sats.x_m[a], dy = sats.y_m[b] - sats.y_m[a], dz = sats.z_m[b] - sats.z_m[a];
            const double length2 = dx * dx + dy * dy + dz * dz;
            const double closest = closest_approach_m(sats.x_m[a], sats.y_m[a], sats.z_m[a], dx, dy, dz, length2);
            if (closest < line_of_sight_m) continue;
            scratch.new_links.emplace_back(std::sqrt(length2), a, b);
        }
    }
    std::sort(scratch.new_links.begin(), scratch.new_links.end());
    for (const auto& [length, a, b] : scratch.new_links) {
        int& free_a = scratch.lost[a];
        int& free_b = scratch.lost[b];
        if (free_a == 0 || free_b == 0) continue;
        --free_a;
        --free_b;
        scratch.edges.push_back({a, b, length / c_m_s, o.isl_capacity_bps, link_kind::isl});
    }
}

void add_fibres(node_index satellites, const topology_inputs& in, build_scratch& scratch) {
    for (const fibre_link& f : in.fibres) {
        scratch.edges.push_back({satellites + f.a, satellites + f.b,
                                 fibre_delay_s(in.stations[f.a].site, in.stations[f.b].site, f.route_factor),
                                 in.options->fibre_capacity_bps, link_kind::fibre});
    }
}

/// Optical Earth-Moon links while the Moon is above a terminal's mask (N-k2); delay = range / c.
void add_moon_links(node_index satellites, const topology_inputs& in, const orbit::vec3& r_moon_ecef_m,
                    build_scratch& scratch) {
    const double sin_moon_mask = std::sin(in.options->moon_min_elevation_rad);
    const auto moon = satellites + static_cast<node_index>(in.stations.size());
    for (const int s : in.moon_terminals) {
        const orbit::vec3& r = in.frames->r_ecef_m[s];
        const orbit::vec3& up = in.frames->up[s];
        const double dx = r_moon_ecef_m[0] - r[0], dy = r_moon_ecef_m[1] - r[1], dz = r_moon_ecef_m[2] - r[2];
        const double range = std::sqrt(dx * dx + dy * dy + dz * dz);
        if (dx * up[0] + dy * up[1] + dz * up[2] >= range * sin_moon_mask) {
            scratch.edges.push_back(
                {satellites + s, moon, range / c_m_s, in.options->moon_capacity_bps, link_kind::moon});
        }
    }
}

/// The CSR rows of `edges`, both directions stored, each row in the order of `edges`.
void assemble_rows(topology& t, std::span<const edge> edges) {
    const std::size_t nodes = t.relay.size();
    t.offsets.assign(nodes + 1, 0);
    for (const edge& e : edges) {
        ++t.offsets[e.u + 1];
        ++t.offsets[e.v + 1];
    }
    for (std::size_t v = 0; v < nodes; ++v) t.offsets[v + 1] += t.offsets[v];
    const std::size_t directed = 2 * edges.size();
    t.targets.resize(directed);
    t.delay_s.resize(directed);
    t.capacity_bps.resize(directed);
    t.kind.resize(directed);
    int* cursor = t.offsets.data();  // row cursors, shifted back below
    const auto put = [&](node_index from, node_index to, const edge& e) {
        const int i = cursor[from]++;
        t.targets[i] = to;
        t.delay_s[i] = e.delay_s;
        t.capacity_bps[i] = e.capacity_bps;
        t.kind[i] = e.kind;
    };
    for (const edge& e : edges) {
        put(e.u, e.v, e);
        put(e.v, e.u, e);
    }
    // Each cursor now holds the end of its row = the start of the next: shift right by one.
    for (std::size_t v = nodes; v > 0; --v) t.offsets[v] = t.offsets[v - 1];
    t.offsets[0] = 0;
}

}  // namespace

station_frame frame_of(std::span<const ground_station> stations) {
    station_frame f;
    for (const auto& g : stations) {
        f.r_ecef_m.push_back(orbit::geodetic_to_ecef(g.site));
        const double cos_lat = std::cos(g.site.lat_rad);
        // Ellipsoid normal at geodetic latitude phi, longitude lambda.
        f.up.push_back(
            {cos_lat * std::cos(g.site.lon_rad), cos_lat * std::sin(g.site.lon_rad), std::sin(g.site.lat_rad)});
    }
    return f;
}

repair_context make_repair_context(int satellites, std::span<const isl> isls,
                                   std::span<const orbit::element_set> sets) {
    repair_context context;
    context.plane.resize(static_cast<std::size_t>(satellites));
    std::iota(context.plane.begin(), context.plane.end(), 0);
    // Union-find over the intra-plane ISLs, each plane named by its smallest satellite.
    const auto root = [&](node_index v) {
        while (context.plane[v] != v) {
            int& up = context.plane[v];
            up = context.plane[up];
            v = up;
        }
        return v;
    };
    for (const isl& l : isls) {
        if (l.cross_plane) continue;
        const node_index ra = root(l.a), rb = root(l.b);
        context.plane[std::max(ra, rb)] = std::min(ra, rb);
    }
    for (node_index v = 0; v < satellites; ++v) context.plane[v] = root(v);
    for (const auto& e : sets) {
        // Unit angular momentum of the orbit in the inertial frame: (sin i sin RAAN, -sin i cos RAAN, cos i).
        context.normal.push_back({std::sin(e.inclination_rad) * std::sin(e.raan_rad),
                                  -std::sin(e.inclination_rad) * std::cos(e.raan_rad), std::cos(e.inclination_rad)});
    }
    return context;
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
    const double polar = o.repair.polar_latitude_rad;
    if (o.repair.enabled && !(polar > 0.0 && polar <= constants::pi / 2.0)) {
        throw input_error(fmt::format("ISL re-pairing: expected a polar latitude in (0, 90] deg, got {:g} deg",
                                      o.repair.polar_latitude_rad * 180.0 / constants::pi));
    }
}

void check_topology_inputs(int satellites, const topology_inputs& in) {
    for (const isl& l : in.isls) {
        if (l.a < 0 || l.b < 0 || l.a >= satellites || l.b >= satellites || l.a == l.b) {
            throw input_error(
                fmt::format("topology: ISL {}-{}: expected two distinct satellites in [0, {})", l.a, l.b, satellites));
        }
    }
    const auto stations = static_cast<int>(in.stations.size());
    for (const fibre_link& f : in.fibres) {
        if (f.a < 0 || f.b < 0 || f.a >= stations || f.b >= stations || f.a == f.b) {
            throw input_error(
                fmt::format("topology: fibre {}-{}: expected two distinct stations in [0, {})", f.a, f.b, stations));
        }
    }
    for (const int s : in.moon_terminals) {
        if (s < 0 || s >= stations) {
            throw input_error(fmt::format("topology: Moon terminal {}: expected a station in [0, {})", s, stations));
        }
    }
}

void build_topology_into(topology& t, const satellite_positions& sats, const topology_inputs& in,
                         const orbit::vec3& r_moon_ecef_m, build_scratch& scratch) {
    const network_options& o = *in.options;
    const node_index satellites = sats.count();
    scratch.edges.clear();
    const bool repair = o.repair.enabled && in.repair != nullptr;
    const repair_rules rules{sats, in.repair, std::sin(o.repair.polar_latitude_rad), o.repair.seam};
    if (repair) {
        scratch.lost.assign(static_cast<std::size_t>(satellites), 0);
        scratch.kept.clear();
    }
    // Appended in the order ISLs, ground links, fibres, Moon links: a satellite's row lists its ISLs first.
    add_isls(sats, in, repair ? &rules : nullptr, scratch);
    if (repair) repair_cross_plane_links(sats, in, rules, scratch);
    add_ground_links(sats, in, scratch);
    add_fibres(satellites, in, scratch);
    const bool moon = !in.moon_terminals.empty();
    if (moon) add_moon_links(satellites, in, r_moon_ecef_m, scratch);
    t.satellites = satellites;
    t.stations = static_cast<int>(in.stations.size());
    t.moon = moon;
    t.relay.assign(static_cast<std::size_t>(satellites + t.stations + (moon ? 1 : 0)), 0);
    std::fill(t.relay.begin(), t.relay.begin() + satellites, std::uint8_t{1});
    for (const int s : in.moon_terminals) t.relay[satellites + s] = 1;
    assemble_rows(t, scratch.edges);
    assert(satellite_rows_lead_with_isls(t));
}

bool satellite_rows_lead_with_isls(const topology& t) {
    for (node_index u = 0; u < t.satellites; ++u) {
        int e = t.offsets[u];
        while (e < t.offsets[u + 1] && t.kind[e] == link_kind::isl) ++e;
        for (; e < t.offsets[u + 1]; ++e) {
            if (t.kind[e] == link_kind::isl) return false;
        }
    }
    return true;
}

}  // namespace detail

namespace {

/// build_topology with the element sets of the satellites when known (for the seam rule of re-pairing): checks the
/// inputs, then builds. `in` names everything but the frames and the re-pairing data.
topology build_checked(const detail::satellite_positions& sats, detail::topology_inputs in,
                       std::span<const orbit::element_set> sets, const orbit::vec3& r_moon_ecef_m) {
    if (sats.x_m.size() != sats.y_m.size() || sats.x_m.size() != sats.z_m.size()) {
        throw input_error(fmt::format("topology: expected x, y, z of one size, got {}, {}, {}", sats.x_m.size(),
                                      sats.y_m.size(), sats.z_m.size()));
    }
    const network_options& options = *in.options;
    detail::check_options(options);
    detail::check_topology_inputs(sats.count(), in);
    const detail::station_frame frames = detail::frame_of(in.stations);
    const detail::repair_context repair =
        options.repair.enabled ? detail::make_repair_context(sats.count(), in.isls, sets) : detail::repair_context{};
    in.frames = &frames;
    in.repair = options.repair.enabled ? &repair : nullptr;
    detail::build_scratch scratch;
    topology t;
    detail::build_topology_into(t, sats, in, r_moon_ecef_m, scratch);
    return t;
}

}  // namespace

topology build_topology(std::span<const double> x_ecef_m, std::span<const double> y_ecef_m,
                        std::span<const double> z_ecef_m, std::span<const isl> isls,
                        std::span<const ground_station> stations, std::span<const fibre_link> fibres,
                        const network_options& options, std::span<const int> moon_terminals,
                        const orbit::vec3& r_moon_ecef_m) {
    return build_checked({x_ecef_m, y_ecef_m, z_ecef_m},
                         {isls, stations, nullptr, fibres, moon_terminals, &options, nullptr}, {}, r_moon_ecef_m);
}

std::vector<topology> topologies_at(const network_model& model, const network_options& options,
                                    std::span<const epoch> times) {
    // One propagator (one initialisation per satellite) and one batch over every time: the kernel fills its lanes
    // with a satellite's times, and each (satellite, time) gets the same bits as alone.
    const orbit::sgp4_propagator propagator(model.satellites);
    const std::size_t n = model.satellites.size();
    const std::size_t count = times.size();
    std::vector<double> x_all(n * count), y_all(n * count), z_all(n * count), v(n * count);
    std::vector<orbit::sgp4_status> status(n * count);
    propagator.propagate(times, {x_all, y_all, z_all, v, v, v, status});
    std::vector<topology> out;
    out.reserve(count);
    std::vector<double> x(n), y(n), z(n);
    for (std::size_t j = 0; j < count; ++j) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t k = i * count + j;
            const bool ok = status[k] == orbit::sgp4_status::ok;
            x[i] = ok ? x_all[k] : std::numeric_limits<double>::quiet_NaN();
            y[i] = ok ? y_all[k] : std::numeric_limits<double>::quiet_NaN();
            z[i] = ok ? z_all[k] : std::numeric_limits<double>::quiet_NaN();
        }
        const epoch t = times[j];
        orbit::teme_km_to_ecef_m(t, x, y, z, x, y, z);
        out.push_back(build_checked({x, y, z},
                                    {model.isls, model.stations, nullptr, model.fibres, model.moon_terminals, &options, nullptr},
                                    model.satellites, model.moon_terminals.empty() ? orbit::vec3{} : moon_position_ecef(t)));
    }
    return out;
}

topology topology_at(const network_model& model, const network_options& options, epoch t) {
    return std::move(topologies_at(model, options, std::span<const epoch>(&t, 1)).front());
}

}  // namespace kardashev::network
