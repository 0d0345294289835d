#pragma once
/// Hill-Clohessy-Wiltshire relative motion about a circular reference orbit, and compact clusters of
/// satellites on bounded (drift-free) HCW ellipses, as in Google's Suncatcher design (2025, sec. 2.2).
/// Frame: LVLH/RSW of the reference orbit: x radial (outward), y along-track, z orbit normal.

#include <span>
#include <vector>

#include "kardashev/orbit/kepler.hpp"
#include "kardashev/orbit/vec3.hpp"

namespace kardashev::orbit {

/// Relative position [m] and velocity [m/s] in the reference orbit's RSW frame (x radial, y along, z normal).
struct hcw_state {
    vec3 r_rsw{};    //!< relative position [m]
    vec3 v_rsw{};    //!< relative velocity [m/s]
    bool operator==(const hcw_state&) const = default;
};

/// HCW closed-form solution after t_s seconds for mean motion n_rad_s (Vallado 2013 eq. 6-66).
hcw_state hcw_propagate(const hcw_state& s0, double n_rad_s, double t_s) noexcept;

/// Initial state of the bounded, centred HCW ellipse through (x0, y0) with cross-track amplitude z0:
/// ydot0 = -2 n x0 and xdot0 = n y0 / 2, so the radial:along-track amplitudes are 1:2 and there is no drift.
hcw_state hcw_bounded(double x0_m, double y0_m, double z0_m, double n_rad_s) noexcept;

/// Compact planar cluster: `count` satellites on a square lattice (spacing as large as fits) inside a disc of
/// radius radius_m, each on a centred 2:1 HCW ellipse, so all stay within radius_m of the reference point
/// (along-track extent +-R, radial +-R/2; Suncatcher sec. 2.2). Throws input_error on count < 1 or radius <= 0.
std::vector<hcw_state> compact_cluster(int count, double radius_m, double n_rad_s);

/// Osculating inertial elements of satellites at RSW offsets `members` from the reference orbit `reference` (taken
/// as circular: the frame turns at n about the orbit normal, so v = v_ref + v_rsw + n h_hat x r_rsw, all rotated
/// to inertial). Used to export a cluster as element sets.
std::vector<kepler_elements> cluster_elements(const kepler_elements& reference, std::span<const hcw_state> members,
                                              const gravity_model& g = {});

}  // namespace kardashev::orbit
