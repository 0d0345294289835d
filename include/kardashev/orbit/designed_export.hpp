#pragma once
/// Export of designed orbits (kepler.hpp) as SGP4 element sets, TLE lines and CCSDS OMM records, so any
/// SGP4 tool can read them. See docs/models/orbit.md "Export".

#include <array>
#include <cstdint>
#include <string>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/kepler.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::orbit {

/// SGP4 element set of a designed orbit at `epoch_time`: the angles and e as given; the Brouwer mean motion
/// is the two-body n of el.a_m, stored as the Kozai mean motion a TLE carries; B* and the n-dot terms are 0.
element_set designed_element_set(const kepler_elements& el, epoch epoch_time, std::uint32_t catalogue_number,
                                 std::string name = {});

/// The two 69-column TLE lines (with checksums; Alpha-5 above 99999) of an element set.
/// Throws input_error when a field does not fit its columns (catalogue number > 339999, e >= 1, year outside 1957-2056).
std::array<std::string, 2> designed_tle_lines(const element_set& set);

/// One OMM record as a JSON object with CelesTrak's CCSDS OMM keys (OBJECT_NAME ... MEAN_MOTION_DDOT).
std::string designed_omm_json(const element_set& set);

}  // namespace kardashev::orbit
