#pragma once
/// Analytic geocentric Sun and Moon: Meeus 1998 ch. 25 (Sun) and ch. 47 (Moon, ELP-2000/82 truncated),
/// nutation from Meeus ch. 22 (low accuracy). Geometric positions (no light time or aberration).
/// Measured against ERFA epv00/moon98 over 2000-2050 (validation O4): see docs/models/orbit.md.

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/vec3.hpp"

namespace kardashev::orbit {

/// Geocentric Sun position [m], true equator and equinox of date; direction within 0.008 deg of ERFA 2000-2050.
vec3 sun_position_tod(epoch t);
/// Geocentric Moon position [m], true equator and equinox of date; direction within ~0.005 deg (18") 1950-2100.
vec3 moon_position_tod(epoch t);
/// The Moon from the principal terms of Meeus's series only (six rows of table 47.A, four of 47.B): within 3,900 km
/// of moon_position_tod (the terms left out, all in phase). It is the Moon sun_position_tod's barycentre offset reads.
vec3 moon_position_tod_principal(epoch t);
/// Equation of the equinoxes dpsi cos(eps) [rad] (Meeus 1998 ch. 22 nutation): r_teme = ROT3(eqeq) r_tod.
double equation_of_equinoxes_rad(epoch t);
/// Rotates a true-of-date vector into TEME (true equator, mean equinox) at `t`.
vec3 tod_to_teme(const vec3& r_tod, epoch t);
/// Geocentric Sun position [m] in TEME, for use with SGP4 states and designed orbits.
vec3 sun_position_teme(epoch t);

}  // namespace kardashev::orbit
