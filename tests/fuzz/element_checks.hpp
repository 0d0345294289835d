#pragma once
// Shared by the TLE and OMM fuzz targets: an element set a reader accepts holds only finite numbers.

#include <cmath>
#include <cstdlib>
#include <vector>

#include "kardashev/orbit/tle.hpp"

namespace kardashev::fuzz {

/// Aborts (a finding) when an accepted element set carries a NaN or an infinity.
inline void require_finite(const std::vector<orbit::element_set>& sets) {
    for (const auto& s : sets) {
        for (const double v : {s.epoch_day_of_year, s.epoch_days_since_1949_12_31, s.mean_motion_dot_rad_per_min2,
                               s.mean_motion_ddot_rad_per_min3, s.bstar_per_earth_radii, s.inclination_rad, s.raan_rad,
                               s.eccentricity, s.arg_perigee_rad, s.mean_anomaly_rad, s.mean_motion_rad_per_min}) {
            if (!std::isfinite(v)) std::abort();
        }
    }
}

}  // namespace kardashev::fuzz
