#pragma once
/// Earth frames: TEME (SGP4 output) -> ECEF (ITRF-like, via GMST-1982 and optional polar motion)
/// -> geodetic WGS-84; topocentric look angles from a ground site. See docs/models/orbit.md.

#include <span>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/vec3.hpp"

namespace kardashev::orbit {

/// WGS-84 ellipsoid and rotation (NIMA TR8350.2, 3rd ed., table 3.1).
namespace wgs84 {
inline constexpr double equatorial_radius_m = 6'378'137.0;           //!< [m] semi-major axis a
inline constexpr double flattening = 1.0 / 298.257'223'563;           //!< [-] f
inline constexpr double rotation_rate_rad_s = 7.292'115'146'706'979e-5;  //!< [rad/s] Vallado 2013 p. 228 (LOD = 0)
}  // namespace wgs84

/// Earth orientation parameters (IERS Bulletin A); zero means "not applied".
struct earth_orientation {
    double dut1_s = 0.0;   //!< UT1 - UTC [s], |dut1| < 0.9
    double xp_rad = 0.0;   //!< polar motion x_p [rad]
    double yp_rad = 0.0;   //!< polar motion y_p [rad]
    bool operator==(const earth_orientation&) const = default;
};

/// Position and velocity in one frame; the frame is named where the value is produced.
struct state_vector {
    vec3 r_m{};      //!< position [m]
    vec3 v_m_s{};    //!< velocity [m/s]
    bool operator==(const state_vector&) const = default;
};

/// Geodetic coordinates on the WGS-84 ellipsoid.
struct geodetic {
    double lat_rad = 0.0;  //!< geodetic latitude [rad], [-pi/2, pi/2]
    double lon_rad = 0.0;  //!< longitude east [rad], (-pi, pi]
    double alt_m = 0.0;    //!< height above the ellipsoid [m]
    bool operator==(const geodetic&) const = default;
};

/// Azimuth, elevation and range of a target seen from a ground site.
struct look_angles {
    double azimuth_rad = 0.0;     //!< from north through east [rad], [0, 2 pi)
    double elevation_rad = 0.0;   //!< above the local ellipsoid tangent plane [rad]
    double range_m = 0.0;         //!< slant range [m]
    double range_rate_m_s = 0.0;  //!< d(range)/dt [m/s], positive receding
    bool operator==(const look_angles&) const = default;
};

/// Greenwich mean sidereal time, IAU-1982 model, from a split Julian date in UT1 [rad, 0..2 pi).
double gmst82_rad(split_jd jd_ut1) noexcept;
/// GMST-1982 at epoch `t` with UT1 = UTC + dut1_s [rad, 0..2 pi).
double gmst82_rad(epoch t, double dut1_s = 0.0);

/// TEME state at `t` -> ECEF (PEF via GMST-82, then polar motion to ITRF), velocity including -omega x r.
state_vector teme_to_ecef(const state_vector& teme, epoch t, const earth_orientation& eop = {});
/// TEME positions [km] at `t` -> ECEF positions [m], one GMST for the batch: each element is teme_to_ecef's position
/// of 1e3 r_teme bit for bit (the same arithmetic); NaN in, NaN out. The outputs may be the inputs (in place).
/// Throws input_error unless the six spans have one size.
void teme_km_to_ecef_m(epoch t, std::span<const double> x_teme_km, std::span<const double> y_teme_km,
                       std::span<const double> z_teme_km, std::span<double> x_ecef_m, std::span<double> y_ecef_m,
                       std::span<double> z_ecef_m, const earth_orientation& eop = {});
/// ECEF state at `t` -> TEME; inverse of teme_to_ecef.
state_vector ecef_to_teme(const state_vector& ecef, epoch t, const earth_orientation& eop = {});

/// ECEF position [m] -> WGS-84 geodetic; exact to < 1e-9 m for |r| in 1 km .. 1e9 m.
geodetic ecef_to_geodetic(const vec3& r_ecef);
/// WGS-84 geodetic -> ECEF position [m].
vec3 geodetic_to_ecef(const geodetic& g) noexcept;

/// Look angles of a target at r_ecef (moving with v_ecef) from `site`; ECEF in metres.
look_angles look_angles_from(const geodetic& site, const vec3& r_ecef, const vec3& v_ecef = {});

}  // namespace kardashev::orbit
