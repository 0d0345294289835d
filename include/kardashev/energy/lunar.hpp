#pragma once
/// Lunar surface power: illumination of equatorial and polar-ridge sites and the night storage a base
/// needs. See docs/models/energy.md.

#include "kardashev/energy/battery.hpp"

namespace kardashev::energy {

/// Mean synodic month [s]: 29.530589 d (Meeus, Astronomical Algorithms, 2nd ed., ch. 49).
inline constexpr double lunar_synodic_month_s = 29.530'589 * 86'400.0;

/// Illumination of a lunar site over a year.
struct lunar_illumination {
    double sunlit_fraction = 0.5;  //!< [-] fraction of time the array sees the Sun
    double longest_night_s = 0.0;  //!< [s] longest continuous dark period the storage must carry
    double lit_before_night_s = 0.0;  //!< [s] sunlit time before that night, to recharge the storage
    bool operator==(const lunar_illumination&) const = default;
};

/// An equatorial or mid-latitude site with a flat horizon (|latitude| <= 80 deg): lit half of each synodic month,
/// nights of 14.77 d. Throws domain_error closer to a pole (give a polar ridge instead).
lunar_illumination lunar_equatorial_site(double latitude_rad);

/// A polar ridge (e.g. near Shackleton) lit `sunlit_fraction` of the year, validated 0.86-0.96 (Bussey et al. 2010;
/// Glaser et al. 2014), with dark spells of at most `longest_night_s` (3-5 d at the connecting ridge).
lunar_illumination lunar_polar_ridge(double sunlit_fraction, double longest_night_s);

/// Night storage for `load_w` at `site` with `store`: nameplate capacity [J] (battery_capacity_j over the longest night).
double lunar_night_storage_j(double load_w, const lunar_illumination& site, const battery& store);

}  // namespace kardashev::energy
