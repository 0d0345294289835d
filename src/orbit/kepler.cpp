// Kepler + J2 secular rates, sun-synchronous orbits, Walker shells.

#include "kardashev/orbit/kepler.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "vec_math.hpp"

namespace kardashev::orbit {

namespace {

constexpr double two_pi = 2.0 * constants::pi;
using detail::wrap_two_pi;

}  // namespace

double mean_motion_rad_s(double a_m, const gravity_model& g) {
    if (!(a_m > 0.0)) throw input_error("semi-major axis: expected a positive length, got " + std::to_string(a_m) + " m");
    return std::sqrt(g.mu_m3_s2 / (a_m * a_m * a_m));
}

double orbital_period_s(double a_m, const gravity_model& g) { return two_pi / mean_motion_rad_s(a_m, g); }

j2_rates j2_secular_rates(const kepler_elements& el, const gravity_model& g) {
    const double n = mean_motion_rad_s(el.a_m, g);
    const double p = el.a_m * (1.0 - el.e * el.e);
    const double k = g.j2 * (g.radius_m / p) * (g.radius_m / p);
    const double ci = std::cos(el.i_rad), si2 = std::sin(el.i_rad) * std::sin(el.i_rad);
    j2_rates r;
    r.raan_rad_s = -1.5 * n * k * ci;                        // Vallado 2013 eq. 9-41
    r.argp_rad_s = 0.75 * n * k * (4.0 - 5.0 * si2);         // Vallado 2013 eq. 9-41
    r.mean_anomaly_rad_s =
        n * (1.0 + 0.75 * k * std::sqrt(1.0 - el.e * el.e) * (2.0 - 3.0 * si2));  // Vallado 2013 eq. 9-41
    return r;
}

kepler_elements propagate_j2(const kepler_elements& el, double dt_s, const gravity_model& g) {
    const j2_rates r = j2_secular_rates(el, g);
    kepler_elements out = el;
    out.raan_rad = wrap_two_pi(el.raan_rad + r.raan_rad_s * dt_s);
    out.argp_rad = wrap_two_pi(el.argp_rad + r.argp_rad_s * dt_s);
    out.mean_anomaly_rad = wrap_two_pi(el.mean_anomaly_rad + r.mean_anomaly_rad_s * dt_s);
    return out;
}

double solve_kepler(double mean_anomaly_rad, double e) {
    if (!(e >= 0.0 && e < 1.0)) throw domain_error("eccentricity: expected a value in [0, 1), got " + std::to_string(e));
    const double m = wrap_two_pi(mean_anomaly_rad);
    double ecc_anom = e < 0.8 ? m : constants::pi;
    for (int k = 0; k < 50; ++k) {
        // Newton-Raphson on f(E) = E - e sin E - M (Vallado 2013 algorithm 2).
        const double step = (ecc_anom - e * std::sin(ecc_anom) - m) / (1.0 - e * std::cos(ecc_anom));
        ecc_anom -= step;
        if (std::fabs(step) < 1e-15) break;
    }
    return ecc_anom;
}

state_vector to_state(const kepler_elements& el, const gravity_model& g) {
    const double ecc_anom = solve_kepler(el.mean_anomaly_rad, el.e);
    const double ce = std::cos(ecc_anom), se = std::sin(ecc_anom);
    const double b = std::sqrt(1.0 - el.e * el.e);
    const double n = mean_motion_rad_s(el.a_m, g);
    // Perifocal position and velocity (Montenbruck & Gill 2000 eq. 2.43-2.44).
    const vec3 r_pqw{el.a_m * (ce - el.e), el.a_m * b * se, 0.0};
    const double rdot_k = n * el.a_m / (1.0 - el.e * ce);
    const vec3 v_pqw{-rdot_k * se, rdot_k * b * ce, 0.0};
    // Perifocal -> inertial: ROT3(-raan) ROT1(-i) ROT3(-argp) (Vallado 2013 algorithm 10, COE2RV).
    auto to_inertial = [&](const vec3& v) {
        return detail::rot3(detail::rot1(detail::rot3(v, -el.argp_rad), -el.i_rad), -el.raan_rad);
    };
    return {to_inertial(r_pqw), to_inertial(v_pqw)};
}

kepler_elements elements_from_state(const state_vector& s, const gravity_model& g) {
    const vec3& r = s.r_m;
    const vec3& v = s.v_m_s;
    const double rn = detail::norm(r);
    const double mu = g.mu_m3_s2;
    const vec3 h = detail::cross(r, v);
    const double hn = detail::norm(h);
    const double energy = 0.5 * detail::dot(v, v) - mu / rn;  // specific energy xi (Vallado 2013 eq. 2-66)
    if (!(rn > 0.0) || !(hn > 0.0) || !(energy < 0.0)) {
        throw input_error("orbital elements: expected a bound orbit with non-zero angular momentum");
    }
    // Vallado 2013 algorithm 9 (RV2COE): node vector n = K x h, eccentricity vector, a = -mu / (2 xi).
    const vec3 node{-h[1], h[0], 0.0};
    const double nn = detail::norm(node);
    const vec3 e_vec = detail::scale(
        detail::sub(detail::scale(r, detail::dot(v, v) - mu / rn), detail::scale(v, detail::dot(r, v))), 1.0 / mu);
    kepler_elements el;
    el.e = detail::norm(e_vec);
    el.a_m = -mu / (2.0 * energy);
    el.i_rad = std::acos(std::clamp(h[2] / hn, -1.0, 1.0));
    const bool circular = el.e < 1e-11;
    const bool equatorial = nn < 1e-11 * hn;
    // Angles by atan2 of the in-plane components (same quadrant rules as the acos forms of algorithm 9).
    auto angle_in_plane = [&](const vec3& from, const vec3& to) {
        return detail::wrap_two_pi(std::atan2(detail::dot(detail::cross(from, to), h) / hn, detail::dot(from, to)));
    };
    const vec3 x_axis{1.0, 0.0, 0.0};
    el.raan_rad = equatorial ? 0.0 : detail::wrap_two_pi(std::atan2(node[1], node[0]));
    const vec3 line_of_nodes = equatorial ? x_axis : node;
    if (circular) {
        el.argp_rad = 0.0;
        el.mean_anomaly_rad = angle_in_plane(line_of_nodes, r);  // argument of latitude (true longitude if equatorial)
        return el;
    }
    el.argp_rad = angle_in_plane(line_of_nodes, e_vec);
    const double nu = angle_in_plane(e_vec, r);  // true anomaly
    // Eccentric and mean anomaly (Vallado 2013 eq. 2-9 and Kepler's equation).
    const double ecc_anom = std::atan2(std::sqrt(1.0 - el.e * el.e) * std::sin(nu), el.e + std::cos(nu));
    el.mean_anomaly_rad = detail::wrap_two_pi(ecc_anom - el.e * std::sin(ecc_anom));
    return el;
}

double sso_inclination_rad(double altitude_m, double e, const gravity_model& g) {
    const double a = g.radius_m + altitude_m;
    const double n = mean_motion_rad_s(a, g);
    const double p = a * (1.0 - e * e);
    // Solve -1.5 n J2 (R/p)^2 cos i = 2 pi / tropical year for i (Vallado 2013 eq. 11-16).
    const double cos_i = -sun_synchronous_rate_rad_s / (1.5 * n * g.j2 * (g.radius_m / p) * (g.radius_m / p));
    if (cos_i < -1.0) {
        throw domain_error("sun-synchronous orbit: no inclination gives 360 deg/yr of nodal precession at " +
                           std::to_string(altitude_m / 1000.0) + " km (the limit is about 5970 km)");
    }
    return std::acos(cos_i);
}

double raan_from_ltan_rad(epoch t, double ltan_h, double dut1_s) {
    // Local mean solar time at east longitude lon is UT1 + lon/15 h; the node's longitude is RAAN - GMST
    // (Vallado 2013 sec. 3.5 and 11.4.1), so RAAN = GMST + 15 deg/h * (LTAN - UT1 hours).
    const split_jd jd = t.jd_ut1(dut1_s);
    double day_fraction = std::fmod(jd.day + 0.5, 1.0) + jd.fraction;  // days since 0h UT1
    day_fraction -= std::floor(day_fraction);
    const double ut1_h = day_fraction * 24.0;
    return wrap_two_pi(gmst82_rad(jd) + (ltan_h - ut1_h) * constants::pi / 12.0);
}

kepler_elements sso_elements(double altitude_m, double ltan_h, epoch t, double dut1_s, const gravity_model& g) {
    kepler_elements el;
    el.a_m = g.radius_m + altitude_m;
    el.i_rad = sso_inclination_rad(altitude_m, 0.0, g);
    el.raan_rad = raan_from_ltan_rad(t, ltan_h, dut1_s);
    return el;
}

std::vector<kepler_elements> walker_shell(walker_pattern pattern, int total, int planes, int phasing, double a_m,
                                          double i_rad, double raan0_rad) {
    if (planes <= 0 || total <= 0 || total % planes != 0) {
        throw input_error("walker shell: expected the total (" + std::to_string(total) +
                          ") to be a positive multiple of the number of planes (" + std::to_string(planes) + ")");
    }
    if (phasing < 0 || phasing >= planes) {
        throw input_error("walker shell: expected the phasing f in [0, " + std::to_string(planes - 1) + "], got " +
                          std::to_string(phasing));
    }
    const int per_plane = total / planes;
    const double span = pattern == walker_pattern::delta ? two_pi : constants::pi;
    std::vector<kepler_elements> out;
    out.reserve(static_cast<std::size_t>(total));
    for (int j = 0; j < planes; ++j) {
        for (int k = 0; k < per_plane; ++k) {
            kepler_elements el;
            el.a_m = a_m;
            el.i_rad = i_rad;
            // Walker 1984: node spacing span/p, in-plane spacing 2 pi/s, inter-plane phase f 2 pi / t.
            el.raan_rad = wrap_two_pi(raan0_rad + span * j / planes);
            el.mean_anomaly_rad = wrap_two_pi(two_pi * k / per_plane + two_pi * phasing * j / total);
            out.push_back(el);
        }
    }
    return out;
}

}  // namespace kardashev::orbit
