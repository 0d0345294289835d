#pragma once
// Epochs and unit conversions shared by the TLE and OMM readers (private to orbit).

#include <cstdint>

#include "kardashev/core/time.hpp"

namespace kardashev::orbit::detail {

inline constexpr double pi = 3.14159265358979323846;
inline constexpr double deg2rad = pi / 180.0;
inline constexpr double xpdotp = 1440.0 / (2.0 * pi);  // rev/day per rad/min
/// Highest mean motion either reader accepts [rev/d]: an orbit at the Earth's surface makes about 17.
inline constexpr double max_mean_motion_rev_per_day = 100.0;

/// SGP4's epoch in days since 1949-12-31 0h UTC from a four-digit year and a day of year with fraction, with
/// the arithmetic of V06's days2mdhms and jday, so the rounding of the Julian date matches the verification
/// output.
[[nodiscard]] double sgp4_epoch_days(int year, double days);

/// The UTC instant `ns_of_day` into day `doy` (1 = 1 January) of `year`; before 1972 (no leap-second table)
/// TAI - UTC is taken as 10 s.
[[nodiscard]] epoch epoch_from_day(int year, std::int64_t doy, std::int64_t ns_of_day);

}  // namespace kardashev::orbit::detail
