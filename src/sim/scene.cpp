// The globe's scene: satellites, sites and links of a scenario sampled in the Earth-fixed frame.

#include "kardashev/sim/scene.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/logistics/mass_driver.hpp"
#include "kardashev/orbit/ephemeris.hpp"
#include "kardashev/orbit/frames.hpp"
#include "kardashev/orbit/hcw.hpp"
#include "kardashev/orbit/kepler.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "kardashev/network/routing.hpp"
#include "kardashev/sim/uplink.hpp"

namespace kardashev::sim {

namespace {

// NOTE: economy::site_inputs' default (a Starlink v2 mini array, Suncatcher sec. 4.4), restated here because
// constructing site_inputs only to read it trips GCC 12's -Wmaybe-uninitialized; scene_test checks they agree.
constexpr double satellite_it_power_w = 28.3e3;  // [W]

double schedule_peak(const std::vector<schedule_point>& schedule) {
    double peak = 0.0;
    for (const auto& p : schedule) peak = std::max(peak, p.value);
    return peak;
}

/// The reference orbit of an orbit site at the scenario start, as the engine's fast clock places it.
orbit::kepler_elements reference_elements(const site_orbit& o, epoch start) {
    if (o.sun_synchronous) return orbit::sso_elements(o.altitude_m, o.ltan_h, start);
    orbit::kepler_elements el;
    el.a_m = orbit::gravity_model{}.radius_m + o.altitude_m;
    el.i_rad = o.inclination_rad;
    el.raan_rad = o.raan_rad;
    return el;
}

orbit::vec3 scaled(const orbit::vec3& v, double k) { return {v[0] * k, v[1] * k, v[2] * k}; }
orbit::vec3 added(const orbit::vec3& a, const orbit::vec3& b) { return {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }
double length(const orbit::vec3& v) { return std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }

/// Geocentric TEME position of a lunar site at `t`. NOTE: the Moon is taken as tidally locked with its spin
/// axis at the ecliptic pole (Cassini's laws: within 1.54 deg) and libration ignored (+-8 deg), so the south
/// pole lies R_moon below the centre along the ecliptic pole and the equatorial site is the mean sub-Earth
/// point (0 deg, 0 deg selenographic), R_moon from the centre towards the Earth.
orbit::vec3 lunar_site_teme(lunar_location location, epoch t) {
    const orbit::vec3 moon_tod = orbit::moon_position_tod(t);
    orbit::vec3 offset;
    if (location == lunar_location::polar) {
        const double eps = 23.439'291 * constants::pi / 180.0;  // mean obliquity at J2000 (IAU 1980; Meeus eq. 22.2)
        offset = {0.0, std::sin(eps), -std::cos(eps)};           // towards the south ecliptic pole, equatorial axes
    } else {
        offset = scaled(moon_tod, -1.0 / length(moon_tod));
    }
    return orbit::tod_to_teme(added(moon_tod, scaled(offset, logistics::moon_radius_m)), t);
}

std::string format_power(double w) {
    if (w >= 1e9) return fmt::format("{:.3g} GW", w / 1e9);
    if (w >= 1e6) return fmt::format("{:.3g} MW", w / 1e6);
    return fmt::format("{:.3g} kW", w / 1e3);
}

std::string site_description(const site& where) {
    double peak_power_w = schedule_peak(where.power_capacity_w);
    if (!where.power_plant.empty()) {
        peak_power_w = 0.0;  // every block online
        for (const auto& block : where.power_plant) peak_power_w += block.capacity_w;
    }
    return fmt::format("{} site, {} x {} planned at peak, {} power capacity at peak", to_string(where.kind),
                       fmt::format("{:.0f}", schedule_peak(where.planned_accelerators)), where.accel.name,
                       format_power(peak_power_w));
}

/// Lattice-neighbour pairs of a compact cluster: members whose lattice points (u, v) = (2 x / R, y / R) lie one
/// lattice spacing apart (the +Grid of the formation).
std::vector<std::pair<int, int>> lattice_neighbours(const std::vector<orbit::hcw_state>& members, double radius_m) {
    const auto n = static_cast<int>(members.size());
    auto gap = [&](int a, int b) {
        const double du = 2.0 * (members[static_cast<std::size_t>(a)].r_rsw[0] - members[static_cast<std::size_t>(b)].r_rsw[0]) / radius_m;
        const double dv = (members[static_cast<std::size_t>(a)].r_rsw[1] - members[static_cast<std::size_t>(b)].r_rsw[1]) / radius_m;
        return std::hypot(du, dv);
    };
    double spacing = std::numeric_limits<double>::infinity();
    for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b) spacing = std::min(spacing, gap(a, b));
    std::vector<std::pair<int, int>> out;
    for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b)
            if (gap(a, b) <= spacing * 1.01) out.emplace_back(a, b);
    return out;
}

/// The routed uplink at the scenario start: each demand region as a site (kind "region"), its shortest-delay route
/// to the nearest located ground site (network::shortest_paths_to on the topology at s.start), the satellites on
/// those routes sampled by SGP4 over `times`, and the route's hops as links (kind "route").
void add_uplink_routes(const scenario& s, const std::vector<epoch>& times, scene& out) {
    const routed_network n = routed_network_of(s, s.start);
    const network::topology g = network::topology_at(n.model, n.options, s.start);
    const int sats = g.satellites;
    const std::size_t nodes = g.offsets.size() - 1;
    std::vector<std::vector<double>> delay(n.sink_stations.size(), std::vector<double>(nodes));
    std::vector<std::vector<int>> next(n.sink_stations.size(), std::vector<int>(nodes));
    for (std::size_t k = 0; k < n.sink_stations.size(); ++k) {
        network::shortest_paths_to(g, sats + n.sink_stations[k], n.options.ground_relays, delay[k], next[k]);
    }
    const auto node_id = [&](int v) {
        if (v < sats) return fmt::format("uplink/satellite-{:04}", v);
        const auto& st = n.model.stations[static_cast<std::size_t>(v - sats)];
        const bool region = std::find(n.region_stations.begin(), n.region_stations.end(), v - sats) != n.region_stations.end();
        return (region ? "region/" : "site/") + st.name;
    };
    std::vector<int> on_route;  // satellite node ids, in order of first use
    for (std::size_t r = 0; r < n.region_stations.size(); ++r) {
        const auto& reg = s.uplink.network.regions[r];
        const int from = sats + n.region_stations[r];
        out.sites.push_back({"region/" + reg.name, reg.name, "region",
                             fmt::format("demand region of the routed uplink ({} cohort shares)", reg.cohorts.size()),
                             reg.latitude_rad, reg.longitude_rad,
                             {orbit::geodetic_to_ecef({reg.latitude_rad, reg.longitude_rad, 0.0})}});
        std::size_t best = 0;  // the nearest sink by delay
        for (std::size_t k = 1; k < n.sink_stations.size(); ++k) {
            if (delay[k][static_cast<std::size_t>(from)] < delay[best][static_cast<std::size_t>(from)]) best = k;
        }
        if (!std::isfinite(delay[best][static_cast<std::size_t>(from)])) continue;  // no route at the start
        int hop = 0;
        for (int v = from; next[best][static_cast<std::size_t>(v)] >= 0; v = next[best][static_cast<std::size_t>(v)], ++hop) {
            const int w = next[best][static_cast<std::size_t>(v)];
            if (w < sats && std::find(on_route.begin(), on_route.end(), w) == on_route.end()) on_route.push_back(w);
            out.links.push_back({fmt::format("uplink/route-{}-{:02}", reg.name, hop + 1), "route", node_id(v), node_id(w)});
        }
    }
    if (on_route.empty()) return;
    std::vector<orbit::element_set> sets;
    for (const int v : on_route) sets.push_back(n.model.satellites[static_cast<std::size_t>(v)]);
    const orbit::sgp4_propagator prop(sets);
    const std::size_t m = sets.size(), t = times.size();
    std::vector<double> x(m * t), y(m * t), z(m * t), v(m * t);
    std::vector<orbit::sgp4_status> st(m * t);
    prop.propagate(std::span<const epoch>(times), {x, y, z, v, v, v, st});
    const auto label = fmt::format("uplink routes over {}", fmt::join(s.uplink.network.constellation, " + "));
    for (std::size_t i = 0; i < m; ++i) {
        scene_satellite sat{node_id(on_route[i]), label, static_cast<int>(i), {}};
        sat.r_ecef_m.reserve(t);
        for (std::size_t k = 0; k < t; ++k) {
            const std::size_t e = i * t + k;
            // SGP4 TEME [km] -> ECEF [m] by GMST-82 (orbit/frames.hpp); a failed sample stays at the last position.
            if (st[e] != orbit::sgp4_status::ok && !sat.r_ecef_m.empty()) {
                sat.r_ecef_m.push_back(sat.r_ecef_m.back());
                continue;
            }
            sat.r_ecef_m.push_back(orbit::teme_to_ecef({{x[e] * 1e3, y[e] * 1e3, z[e] * 1e3}, {}}, times[k]).r_m);
        }
        out.satellites.push_back(std::move(sat));
    }
}

}  // namespace

int orbit_site_satellites(const site& where) {
    const double peak_accelerators = schedule_peak(where.planned_accelerators);
    if (where.orbit.satellite_size >= 1.0) return static_cast<int>(std::ceil(peak_accelerators / where.orbit.satellite_size - 1e-9));
    double it_w = peak_accelerators * where.accel.all_in_power_w;
    if (!where.power_capacity_w.empty()) it_w = std::min(it_w, schedule_peak(where.power_capacity_w) / where.facility.pue);
    return static_cast<int>(std::ceil(it_w / satellite_it_power_w - 1e-9));  // as economy::design_site counts them
}

scene compose_scene(const scenario& s, const scene_options& options) {
    if (options.step.ns() <= 0) throw domain_error("scene: the step must be positive");
    if (options.window.ns() < 0) throw domain_error("scene: the window must not be negative");
    scene out;
    out.name = s.name;
    out.start = s.start;
    out.step = options.step;
    out.samples = static_cast<int>(options.window.ns() / options.step.ns()) + 1;
    std::vector<epoch> times;
    times.reserve(static_cast<std::size_t>(out.samples));
    for (int k = 0; k < out.samples; ++k) times.push_back(s.start + options.step * k);

    for (const auto& where : s.sites) {
        if (where.kind == site_kind::ground) {
            if (!where.location.given) continue;
            const orbit::geodetic g{where.location.latitude_rad, where.location.longitude_rad, 0.0};
            out.sites.push_back({"site/" + where.name, where.name, std::string(to_string(where.kind)), site_description(where),
                                 g.lat_rad, g.lon_rad, {orbit::geodetic_to_ecef(g)}});
        } else if (where.kind == site_kind::moon) {
            scene_site m{"site/" + where.name, where.name, std::string(to_string(where.kind)),
                         site_description(where) + (where.moon.location == lunar_location::polar
                                                        ? "; drawn at the lunar south pole"
                                                        : "; drawn at the mean sub-Earth point"),
                         0.0, 0.0, {}};
            m.r_ecef_m.reserve(times.size());
            for (const auto& t : times) m.r_ecef_m.push_back(orbit::teme_to_ecef({lunar_site_teme(where.moon.location, t), {}}, t).r_m);
            out.sites.push_back(std::move(m));
        } else if (where.kind == site_kind::orbit) {
            const int count = std::min(orbit_site_satellites(where), options.satellites_per_cluster);
            if (count < 1) continue;
            const auto ref = reference_elements(where.orbit, s.start);
            const auto members = orbit::compact_cluster(count, options.cluster_radius_m, orbit::mean_motion_rad_s(ref.a_m));
            const auto elements = orbit::cluster_elements(ref, members);
            const std::size_t first = out.satellites.size();
            for (int m = 0; m < count; ++m) {
                scene_satellite sat{fmt::format("{}/sat-{:03}", where.name, m + 1), where.name, m, {}};
                sat.r_ecef_m.reserve(times.size());
                for (const auto& t : times) {
                    // Kepler + J2 secular rates per member (orbit/kepler.hpp), TEME -> ECEF by GMST-82 (orbit/frames.hpp).
                    const auto el = orbit::propagate_j2(elements[static_cast<std::size_t>(m)], (t - s.start).seconds());
                    sat.r_ecef_m.push_back(orbit::teme_to_ecef(orbit::to_state(el), t).r_m);
                }
                out.satellites.push_back(std::move(sat));
            }
            for (const auto& [a, b] : lattice_neighbours(members, options.cluster_radius_m)) {
                const auto& sa = out.satellites[first + static_cast<std::size_t>(a)];
                const auto& sb = out.satellites[first + static_cast<std::size_t>(b)];
                out.links.push_back({fmt::format("{}/isl-{:03}-{:03}", where.name, a + 1, b + 1), "isl", sa.id, sb.id});
            }
        }
    }
    if (s.uplink.network.enabled) add_uplink_routes(s, times, out);
    return out;
}

}  // namespace kardashev::sim
