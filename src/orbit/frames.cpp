// Earth frames: GMST-1982, TEME <-> ECEF, WGS-84 geodetic, look angles.

#include "kardashev/orbit/frames.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "vec_math.hpp"

namespace kardashev::orbit {

namespace {

constexpr double two_pi = 2.0 * constants::pi;
using detail::wrap_two_pi;

// Polar motion, IAU-76/FK5 form: r_pef = W r_itrf with W = ROT1(-yp) ROT2(-xp) (Vallado 2013 sec. 3.7.3, IAU-76/FK5).
// W^T applied to p, with cx = cos xp, sx = sin xp, cy = cos yp, sy = sin yp;
// W = [[cx, 0, -sx], [sx sy, cy, cx sy], [sx cy, -sy, cx cy]].
vec3 pef_to_itrf(const vec3& p, double cx, double sx, double cy, double sy) noexcept {
    return {cx * p[0] + sx * sy * p[1] + sx * cy * p[2],
            cy * p[1] - sy * p[2],
            -sx * p[0] + cx * sy * p[1] + cx * cy * p[2]};
}

vec3 pef_to_itrf(const vec3& p, double xp, double yp) noexcept {
    return pef_to_itrf(p, std::cos(xp), std::sin(xp), std::cos(yp), std::sin(yp));
}

vec3 itrf_to_pef(const vec3& q, double xp, double yp) noexcept {
    const double cx = std::cos(xp), sx = std::sin(xp), cy = std::cos(yp), sy = std::sin(yp);
    return {cx * q[0] - sx * q[2],
            sx * sy * q[0] + cy * q[1] + cx * sy * q[2],
            sx * cy * q[0] - sy * q[1] + cx * cy * q[2]};
}

}  // namespace

double gmst82_rad(split_jd jd_ut1) noexcept {
    // Julian centuries of UT1 since J2000.0, the day part subtracted first to keep precision.
    const double days = (jd_ut1.day - constants::jd_j2000) + jd_ut1.fraction;
    const double t = days / 36'525.0;
    // Vallado 2013 eq. 3-47 in seconds of time; 876600 h = 3155760000 s.
    const double gmst_s = 67'310.548'41 + (876'600.0 * 3600.0 + 8'640'184.812'866) * t + 0.093'104 * t * t -
                          6.2e-6 * t * t * t;
    return wrap_two_pi(std::fmod(gmst_s, 86'400.0) / 240.0 * constants::pi / 180.0);
}

double gmst82_rad(epoch t, double dut1_s) { return gmst82_rad(t.jd_ut1(dut1_s)); }

state_vector teme_to_ecef(const state_vector& teme, epoch t, const earth_orientation& eop) {
    const double theta = gmst82_rad(t, eop.dut1_s);
    const vec3 omega{0.0, 0.0, wgs84::rotation_rate_rad_s};
    const vec3 r_pef = detail::rot3(teme.r_m, theta);  // Vallado et al. 2006 (AIAA 2006-6753) app. C: r_pef = ROT3(gmst82) r_teme
    // Vallado et al. 2006 app. C: v_pef = ROT3(gmst82) v_teme - omega x r_pef.
    const vec3 v_pef = detail::sub(detail::rot3(teme.v_m_s, theta), detail::cross(omega, r_pef));
    return {pef_to_itrf(r_pef, eop.xp_rad, eop.yp_rad), pef_to_itrf(v_pef, eop.xp_rad, eop.yp_rad)};
}

void teme_km_to_ecef_m(epoch t, std::span<const double> x_teme_km, std::span<const double> y_teme_km,
                       std::span<const double> z_teme_km, std::span<double> x_ecef_m, std::span<double> y_ecef_m,
                       std::span<double> z_ecef_m, const earth_orientation& eop) {
    const std::size_t n = x_teme_km.size();
    if (y_teme_km.size() != n || z_teme_km.size() != n || x_ecef_m.size() != n || y_ecef_m.size() != n ||
        z_ecef_m.size() != n) {
        throw input_error(fmt::format(
            "TEME to ECEF: expected six arrays of one size, got {}, {}, {} in and {}, {}, {} out", n, y_teme_km.size(),
            z_teme_km.size(), x_ecef_m.size(), y_ecef_m.size(), z_ecef_m.size()));
    }
    const double theta = gmst82_rad(t, eop.dut1_s);
    const double c = std::cos(theta), s = std::sin(theta);
    const double cx = std::cos(eop.xp_rad), sx = std::sin(eop.xp_rad);
    const double cy = std::cos(eop.yp_rad), sy = std::sin(eop.yp_rad);
    const bool polar_motion = eop.xp_rad != 0.0 || eop.yp_rad != 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = x_teme_km[i] * 1e3, y = y_teme_km[i] * 1e3, z = z_teme_km[i] * 1e3;
        // Vallado et al. 2006 app. C: r_pef = ROT3(gmst82) r_teme (detail::rot3's arithmetic).
        vec3 r{c * x + s * y, -s * x + c * y, z};
        // Without polar motion W is the identity: teme_to_ecef's product with it changes no value but a zero's sign.
        if (polar_motion) r = pef_to_itrf(r, cx, sx, cy, sy);
        x_ecef_m[i] = r[0];
        y_ecef_m[i] = r[1];
        z_ecef_m[i] = r[2];
    }
}

state_vector ecef_to_teme(const state_vector& ecef, epoch t, const earth_orientation& eop) {
    const double theta = gmst82_rad(t, eop.dut1_s);
    const vec3 omega{0.0, 0.0, wgs84::rotation_rate_rad_s};
    const vec3 r_pef = itrf_to_pef(ecef.r_m, eop.xp_rad, eop.yp_rad);
    const vec3 v_pef = detail::add(itrf_to_pef(ecef.v_m_s, eop.xp_rad, eop.yp_rad), detail::cross(omega, r_pef));
    return {detail::rot3(r_pef, -theta), detail::rot3(v_pef, -theta)};
}

geodetic ecef_to_geodetic(const vec3& r_ecef) {
    constexpr double a = wgs84::equatorial_radius_m;
    constexpr double f = wgs84::flattening;
    constexpr double e2 = f * (2.0 - f);
    const double p = std::hypot(r_ecef[0], r_ecef[1]);
    const double z = r_ecef[2];
    geodetic g;
    g.lon_rad = std::atan2(r_ecef[1], r_ecef[0]);
    // Fixed-point iteration on latitude (Vallado 2013 algorithm 12); converges to 1e-15 rad in < 10 steps in LEO.
    double lat = std::atan2(z, p * (1.0 - e2));
    double n = a;
    for (int k = 0; k < 30; ++k) {
        const double s = std::sin(lat);
        n = a / std::sqrt(1.0 - e2 * s * s);  // radius of curvature in the prime vertical, Vallado 2013 eq. 3-14
        const double next = std::atan2(z + n * e2 * s, p);
        const bool done = std::fabs(next - lat) < 1e-15;
        lat = next;
        if (done) break;
    }
    const double s = std::sin(lat), c = std::cos(lat);
    n = a / std::sqrt(1.0 - e2 * s * s);
    g.lat_rad = lat;
    // Height along the normal, stable at all latitudes (Vallado 2013 algorithm 12 and its polar branch).
    g.alt_m = std::fabs(c) > 1e-2 ? p / c - n : z / s - n * (1.0 - e2);
    return g;
}

vec3 geodetic_to_ecef(const geodetic& g) noexcept {
    constexpr double a = wgs84::equatorial_radius_m;
    constexpr double f = wgs84::flattening;
    constexpr double e2 = f * (2.0 - f);
    const double s = std::sin(g.lat_rad), c = std::cos(g.lat_rad);
    const double n = a / std::sqrt(1.0 - e2 * s * s);
    // Vallado 2013 eq. 3-7.
    return {(n + g.alt_m) * c * std::cos(g.lon_rad), (n + g.alt_m) * c * std::sin(g.lon_rad),
            (n * (1.0 - e2) + g.alt_m) * s};
}

look_angles look_angles_from(const geodetic& site, const vec3& r_ecef, const vec3& v_ecef) {
    const vec3 rho = detail::sub(r_ecef, geodetic_to_ecef(site));
    const double sl = std::sin(site.lat_rad), cl = std::cos(site.lat_rad);
    const double so = std::sin(site.lon_rad), co = std::cos(site.lon_rad);
    // ECEF -> east, north, up (Vallado 2013 eq. 3-28 with the SEZ axes reordered).
    const double east = -so * rho[0] + co * rho[1];
    const double north = -sl * co * rho[0] - sl * so * rho[1] + cl * rho[2];
    const double up = cl * co * rho[0] + cl * so * rho[1] + sl * rho[2];
    look_angles la;
    la.range_m = detail::norm(rho);
    la.elevation_rad = std::atan2(up, std::hypot(east, north));
    la.azimuth_rad = wrap_two_pi(std::atan2(east, north));
    la.range_rate_m_s = la.range_m > 0.0 ? detail::dot(rho, v_ecef) / la.range_m : 0.0;
    return la;
}

}  // namespace kardashev::orbit
