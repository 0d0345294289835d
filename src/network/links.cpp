#include "kardashev/network/links.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"
#include "kardashev/orbit/ephemeris.hpp"

namespace kardashev::network {

namespace {

double norm(const orbit::vec3& v) { return std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }

}  // namespace

std::vector<isl> plus_grid_isls(int planes, int sats_per_plane, int shift) {
    if (planes < 1 || sats_per_plane < 1) {
        throw input_error(fmt::format("+Grid: expected at least one plane and one satellite per plane, got {} x {}",
                                      planes, sats_per_plane));
    }
    if (sats_per_plane < 3 || planes < 3) {
        throw input_error(fmt::format("+Grid: expected at least 3 planes and 3 satellites per plane (else links repeat), "
                                      "got {} x {}", planes, sats_per_plane));
    }
    std::vector<isl> out;
    out.reserve(2U * static_cast<std::size_t>(planes) * static_cast<std::size_t>(sats_per_plane));
    const int s = sats_per_plane;
    const int sh = ((shift % s) + s) % s;
    for (int i = 0; i < planes; ++i) {
        for (int j = 0; j < s; ++j) {
            // Hypatia satgenpy/satgen/isls/generate_plus_grid_isls.py: intra-plane (i, j+1) and inter-plane (i+1, j+shift).
            out.push_back({i * s + j, i * s + (j + 1) % s});
            out.push_back({i * s + j, ((i + 1) % planes) * s + (j + sh) % s, true});
        }
    }
    return out;
}

double max_isl_range_m(double orbit_radius_m, double grazing_height_m, double earth_radius_m) {
    require_positive("ISL range", "orbit radius", orbit_radius_m);
    require_non_negative("ISL range", "grazing height", grazing_height_m);
    const double rg = earth_radius_m + grazing_height_m;
    if (!(orbit_radius_m > rg)) {
        throw input_error(fmt::format("ISL range: expected an orbit radius above the grazing sphere {:g} m, got {:g} m",
                                      rg, orbit_radius_m));
    }
    // Tangent from each satellite to the sphere of radius R + h: half-length sqrt(r^2 - (R + h)^2) (Hypatia main_*.py).
    return 2.0 * std::sqrt((orbit_radius_m - rg) * (orbit_radius_m + rg));
}

double hypatia_max_gsl_range_m(double altitude_m, double elevation_rad) {
    require_positive("GSL range", "altitude", altitude_m);
    if (!(elevation_rad > 0.0 && elevation_rad < constants::pi / 2.0)) {
        throw input_error(fmt::format("GSL range: expected an elevation in (0, 90) deg, got {:g} deg",
                                      elevation_rad * 180.0 / constants::pi));
    }
    // Hypatia main_*.py: cone radius h / tan(e) on a flat Earth, slant range sqrt(cone^2 + h^2).
    const double cone = altitude_m / std::tan(elevation_rad);
    return std::sqrt(cone * cone + altitude_m * altitude_m);
}

double slant_range_m(double altitude_m, double elevation_rad, double earth_radius_m) {
    // Law of cosines in the triangle centre-site-satellite: rho = sqrt(r^2 - R^2 cos^2 e) - R sin e.
    const double r = earth_radius_m + altitude_m;
    const double c = earth_radius_m * std::cos(elevation_rad);
    return std::sqrt(r * r - c * c) - earth_radius_m * std::sin(elevation_rad);
}

double elevation_rad(const orbit::geodetic& site, const orbit::vec3& r_target_ecef) {
    const orbit::vec3 s = orbit::geodetic_to_ecef(site);
    const orbit::vec3 d{r_target_ecef[0] - s[0], r_target_ecef[1] - s[1], r_target_ecef[2] - s[2]};
    // Up = ellipsoid normal (cos phi cos lambda, cos phi sin lambda, sin phi); sin e = d . up / |d|.
    const double cp = std::cos(site.lat_rad);
    const orbit::vec3 up{cp * std::cos(site.lon_rad), cp * std::sin(site.lon_rad), std::sin(site.lat_rad)};
    const double rho = norm(d);
    return std::asin((d[0] * up[0] + d[1] * up[1] + d[2] * up[2]) / rho);
}

double geodesic_distance_m(const orbit::geodetic& p1, const orbit::geodetic& p2) {
    // Vincenty, "Direct and inverse solutions of geodesics on the ellipsoid", Survey Review 23 (1975), inverse.
    constexpr double a = orbit::wgs84::equatorial_radius_m;
    constexpr double f = orbit::wgs84::flattening;
    constexpr double b = a * (1.0 - f);
    const double L = p2.lon_rad - p1.lon_rad;
    const double U1 = std::atan((1.0 - f) * std::tan(p1.lat_rad));
    const double U2 = std::atan((1.0 - f) * std::tan(p2.lat_rad));
    const double sU1 = std::sin(U1), cU1 = std::cos(U1), sU2 = std::sin(U2), cU2 = std::cos(U2);
    double lambda = L;
    for (int it = 0; it < 200; ++it) {
        const double sl = std::sin(lambda), cl = std::cos(lambda);
        const double ss = std::sqrt((cU2 * sl) * (cU2 * sl) + (cU1 * sU2 - sU1 * cU2 * cl) * (cU1 * sU2 - sU1 * cU2 * cl));
        if (ss == 0.0) return 0.0;  // coincident points
        const double cs = sU1 * sU2 + cU1 * cU2 * cl;
        const double sigma = std::atan2(ss, cs);
        const double sa = cU1 * cU2 * sl / ss;
        const double c2a = 1.0 - sa * sa;
        const double c2sm = c2a != 0.0 ? cs - 2.0 * sU1 * sU2 / c2a : 0.0;  // equatorial line: c2a = 0
        const double C = f / 16.0 * c2a * (4.0 + f * (4.0 - 3.0 * c2a));
        const double prev = lambda;
        lambda = L + (1.0 - C) * f * sa * (sigma + C * ss * (c2sm + C * cs * (-1.0 + 2.0 * c2sm * c2sm)));
        if (std::fabs(lambda - prev) < 1e-12) {
            const double u2 = c2a * (a * a - b * b) / (b * b);
            const double A = 1.0 + u2 / 16384.0 * (4096.0 + u2 * (-768.0 + u2 * (320.0 - 175.0 * u2)));
            const double B = u2 / 1024.0 * (256.0 + u2 * (-128.0 + u2 * (74.0 - 47.0 * u2)));
            const double ds = B * ss * (c2sm + B / 4.0 * (cs * (-1.0 + 2.0 * c2sm * c2sm) -
                                                          B / 6.0 * c2sm * (-3.0 + 4.0 * ss * ss) * (-3.0 + 4.0 * c2sm * c2sm)));
            return b * A * (sigma - ds);
        }
    }
    // NOTE: Vincenty fails to converge near antipodes; the mean-radius great circle is within 0.5 % there.
    const double mean_r = a * (1.0 - f / 3.0);
    const double c = std::sin(p1.lat_rad) * std::sin(p2.lat_rad) +
                     std::cos(p1.lat_rad) * std::cos(p2.lat_rad) * std::cos(L);
    return mean_r * std::acos(std::fmax(-1.0, std::fmin(1.0, c)));
}

double fibre_delay_s(const orbit::geodetic& a, const orbit::geodetic& b, double route_factor) {
    if (!(route_factor >= 1.0) || !std::isfinite(route_factor)) {
        throw input_error(fmt::format("fibre: expected a route factor >= 1, got {:g}", route_factor));
    }
    // Light in silica travels at c / n_g (n_g = 1.468) along a route route_factor times the geodesic.
    return geodesic_distance_m(a, b) * route_factor * fibre_group_index / constants::speed_of_light_m_per_s;
}

double vacuum_geodesic_delay_s(const orbit::geodetic& a, const orbit::geodetic& b) {
    return geodesic_distance_m(a, b) / constants::speed_of_light_m_per_s;
}

orbit::vec3 moon_position_ecef(epoch t) {
    const orbit::vec3 moon_teme = orbit::tod_to_teme(orbit::moon_position_tod(t), t);
    return orbit::teme_to_ecef(orbit::state_vector{moon_teme, {}}, t).r_m;
}

double earth_moon_delay_s(const orbit::geodetic& site, epoch t) {
    const orbit::vec3 moon_ecef = moon_position_ecef(t);
    const orbit::vec3 s = orbit::geodetic_to_ecef(site);
    return norm({moon_ecef[0] - s[0], moon_ecef[1] - s[1], moon_ecef[2] - s[2]}) / constants::speed_of_light_m_per_s;
}

double earth_moon_delay_s(epoch t) { return norm(orbit::moon_position_tod(t)) / constants::speed_of_light_m_per_s; }

}  // namespace kardashev::network
