#pragma once
/// Designed orbits: Keplerian elements with J2 secular rates, sun-synchronous orbits, Walker shells.
/// Elements are osculating-as-mean in an Earth-centred inertial frame of date (TEME for use with the
/// Sun of ephemeris.hpp). See docs/models/orbit.md.

#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/orbit/frames.hpp"

namespace kardashev::orbit {

/// Gravity field constants for the J2 model.
struct gravity_model {
    double mu_m3_s2 = 3.986'004'418e14;      //!< [m^3/s^2] GM, WGS-84 / EGM-96
    double radius_m = 6'378'137.0;           //!< [m] reference equatorial radius
    double j2 = 1.082'626'68e-3;             //!< [-] EGM-96 J2 (= -sqrt(5) C20)
    bool operator==(const gravity_model&) const = default;
};

/// Classical Keplerian elements (angles in rad, a in m).
struct kepler_elements {
    double a_m = 0.0;               //!< semi-major axis [m]
    double e = 0.0;                 //!< eccentricity [-], [0, 1)
    double i_rad = 0.0;             //!< inclination [rad]
    double raan_rad = 0.0;          //!< right ascension of the ascending node [rad]
    double argp_rad = 0.0;          //!< argument of perigee [rad]
    double mean_anomaly_rad = 0.0;  //!< mean anomaly [rad]
    bool operator==(const kepler_elements&) const = default;
};

/// Secular rates of the angles under J2 [rad/s].
struct j2_rates {
    double raan_rad_s = 0.0;          //!< dOmega/dt
    double argp_rad_s = 0.0;          //!< domega/dt
    double mean_anomaly_rad_s = 0.0;  //!< dM/dt including the unperturbed mean motion
    bool operator==(const j2_rates&) const = default;
};

/// Two-body mean motion sqrt(mu / a^3) [rad/s].
double mean_motion_rad_s(double a_m, const gravity_model& g = {});
/// Two-body period 2 pi / n [s].
double orbital_period_s(double a_m, const gravity_model& g = {});
/// J2 secular rates of RAAN, argument of perigee and mean anomaly (first order in J2).
j2_rates j2_secular_rates(const kepler_elements& el, const gravity_model& g = {});
/// Elements after `dt_s` seconds under the J2 secular rates (a, e, i constant; angles wrapped to [0, 2 pi)).
kepler_elements propagate_j2(const kepler_elements& el, double dt_s, const gravity_model& g = {});
/// Inertial position and velocity [m, m/s] of the elements (two-body geometry).
state_vector to_state(const kepler_elements& el, const gravity_model& g = {});
/// Osculating elements of an inertial state [m, m/s] (Vallado 2013 algorithm 9, RV2COE). Circular orbits
/// (e < 1e-11) get argp = 0 and the argument of latitude as mean anomaly; equatorial ones get raan = 0. Throws
/// input_error when the state is not a bound, non-degenerate orbit (r = 0, h = 0 or energy >= 0).
kepler_elements elements_from_state(const state_vector& s, const gravity_model& g = {});
/// Eccentric anomaly E solving Kepler's equation M = E - e sin E [rad], e in [0, 1).
double solve_kepler(double mean_anomaly_rad, double e);

/// Mean solar-day rate of the mean Sun's right ascension: 2 pi per tropical year [rad/s].
inline constexpr double sun_synchronous_rate_rad_s = 2.0 * constants::pi / (365.242'190 * 86'400.0);
/// Inclination [rad] whose J2 nodal precession equals 2 pi per tropical year; throws domain_error above ~5970 km.
double sso_inclination_rad(double altitude_m, double e = 0.0, const gravity_model& g = {});
/// RAAN [rad, TEME of date] putting the ascending node at local mean solar time `ltan_h` (hours) at `t`.
double raan_from_ltan_rad(epoch t, double ltan_h, double dut1_s = 0.0);

/// Circular sun-synchronous orbit at `altitude_m` above the reference radius with its ascending node at local
/// mean solar time `ltan_h` at `t` (6 or 18 for dawn-dusk); argument of latitude 0 at `t`.
kepler_elements sso_elements(double altitude_m, double ltan_h, epoch t, double dut1_s = 0.0, const gravity_model& g = {});

/// Walker pattern: delta spreads the planes over 360 deg of RAAN, star over 180 deg.
enum class walker_pattern { delta, star };

/// Walker shell i:t/p/f: `total` satellites in `planes` planes, phasing `phasing` in [0, planes).
/// Satellite k of plane j: RAAN = raan0 + j*span/p, M = k*360/s + j*f*360/t (deg); circular, e = 0.
/// Ordered plane by plane. Throws input_error when total is not a multiple of planes or f is out of range.
std::vector<kepler_elements> walker_shell(walker_pattern pattern, int total, int planes, int phasing,
                                          double a_m, double i_rad, double raan0_rad = 0.0);

}  // namespace kardashev::orbit
