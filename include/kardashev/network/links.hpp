#pragma once
/// Links and their geometric delays: +Grid laser ISLs with the line-of-sight range limit, ground-satellite
/// visibility (true elevation on WGS-84, or Hypatia's maximum slant range), fibre on the WGS-84 geodesic,
/// and the Earth-Moon optical link. See docs/models/network.md.

#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/frames.hpp"

namespace kardashev::network {

/// Group index of silica fibre used for fibre delay (research/network.md sec. 4.1).
inline constexpr double fibre_group_index = 1.468;
/// Hypatia's Earth radius for its ISL and ground-link limits: WGS-72 a [m].
inline constexpr double hypatia_earth_radius_m = 6'378'135.0;

/// A laser inter-satellite link between satellite indices a < b (or a > b across the seam).
struct isl {
    int a = 0;                  //!< satellite index
    int b = 0;                  //!< satellite index
    bool cross_plane = false;   //!< joins two planes (+Grid (i, j)-(i + 1, j + shift)); only these are re-paired
    bool operator==(const isl&) const = default;
};

/// +Grid ISLs of a shell indexed i * S + j: (i, j)-(i, j + 1 mod S) and (i, j)-(i + 1 mod O, j + shift mod S);
/// exactly 2 O S links, degree 4, the inter-plane ones marked cross_plane. input_error when O < 1 or S < 1 (or a
/// plane pair would duplicate a link).
[[nodiscard]] std::vector<isl> plus_grid_isls(int planes, int sats_per_plane, int shift = 0);

/// Longest ISL whose line of sight stays `grazing_height_m` above a sphere of radius `earth_radius_m`, between
/// two satellites at orbit radius `orbit_radius_m`: 2 sqrt(r^2 - (R + h)^2) [m].
[[nodiscard]] double max_isl_range_m(double orbit_radius_m, double grazing_height_m = 80'000.0,
                                     double earth_radius_m = hypatia_earth_radius_m);

/// Hypatia's maximum ground-satellite slant range for a shell at `altitude_m` and elevation label `elevation_rad`:
/// sqrt((h / tan e)^2 + h^2), its flat-Earth cone [m].
[[nodiscard]] double hypatia_max_gsl_range_m(double altitude_m, double elevation_rad);

/// Slant range [m] to a satellite at `altitude_m` above a sphere of `earth_radius_m` seen at elevation `elevation_rad`.
[[nodiscard]] double slant_range_m(double altitude_m, double elevation_rad,
                                   double earth_radius_m = orbit::wgs84::equatorial_radius_m);

/// True elevation [rad] of `r_target_ecef` above the WGS-84 tangent plane at `site` (= look_angles_from).
[[nodiscard]] double elevation_rad(const orbit::geodetic& site, const orbit::vec3& r_target_ecef);

/// Geodesic distance on the WGS-84 ellipsoid [m] (Vincenty 1975 inverse; the spherical great circle at the
/// ellipsoid's mean radius where Vincenty does not converge, near antipodes).
[[nodiscard]] double geodesic_distance_m(const orbit::geodetic& a, const orbit::geodetic& b);

/// One-way delay of a fibre between two ground sites [s]: geodesic x route_factor x 1.468 / c.
[[nodiscard]] double fibre_delay_s(const orbit::geodetic& a, const orbit::geodetic& b, double route_factor = 1.0);

/// One-way light time of a vacuum path along the geodesic between two sites [s] (the lower bound, N1).
[[nodiscard]] double vacuum_geodesic_delay_s(const orbit::geodetic& a, const orbit::geodetic& b);

/// One-way light time [s] from a ground site to the Moon's centre at `t` (Meeus ephemeris, orbit/ephemeris.hpp).
[[nodiscard]] double earth_moon_delay_s(const orbit::geodetic& site, epoch t);

/// Geocentric Moon position in ECEF [m] at `t` (Meeus ephemeris -> TEME -> ECEF through GMST-82).
[[nodiscard]] orbit::vec3 moon_position_ecef(epoch t);

/// One-way light time [s] from the Earth's centre to the Moon's centre at `t`.
[[nodiscard]] double earth_moon_delay_s(epoch t);

}  // namespace kardashev::network
