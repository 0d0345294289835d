#pragma once
/// Visibility: passes of a satellite over a ground site above an elevation mask (rise, culmination, set).
/// See docs/models/orbit.md, "Visibility".

#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/orbit/eclipse.hpp"
#include "kardashev/orbit/frames.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::orbit {

/// One pass: the satellite is above the mask from `rise` to `set`.
struct pass {
    epoch rise;                        //!< elevation crosses the mask upward (or the search start if already up)
    epoch culmination;                 //!< time of the highest elevation
    epoch set;                         //!< elevation crosses the mask downward (or the search end if still up)
    double max_elevation_rad = 0.0;    //!< elevation at culmination [rad]
    double rise_azimuth_rad = 0.0;     //!< azimuth at rise [rad], from north through east
    double set_azimuth_rad = 0.0;      //!< azimuth at set [rad]
    bool rise_clipped = false;         //!< true when the pass was already under way at the search start
    bool set_clipped = false;          //!< true when the pass was still under way at the search end
    bool operator==(const pass&) const = default;
};

/// Options of the pass search.
struct pass_options {
    double mask_rad = 10.0 * constants::pi / 180.0;  //!< elevation mask [rad], in (-pi/2, pi/2)
    double step_s = 30.0;          //!< coarse sampling step [s]; local maxima between samples are refined, so a
                                   //!< pass shorter than the step is still found when it peaks near a sample pair
    double tolerance_s = 1e-3;     //!< time tolerance of rise, set and culmination [s]
    earth_orientation eop{};       //!< UT1-UTC and polar motion for TEME -> ECEF
    bool operator==(const pass_options&) const = default;
};

/// Passes of a trajectory over `site` in [start, start + span]; `state_teme_at(t_s)` gives the TEME state [m, m/s]
/// t_s seconds after start. Throws input_error on a non-positive span, step or tolerance, or a mask outside
/// (-90, 90) deg.
std::vector<pass> find_passes(const state_at_fn& state_teme_at, epoch start, duration span, const geodetic& site,
                              const pass_options& opt = {});

/// Passes of an SGP4 element set (improved mode); throws domain_error when SGP4 reports a failed state.
std::vector<pass> find_passes(const element_set& set, epoch start, duration span, const geodetic& site,
                              const pass_options& opt = {});

}  // namespace kardashev::orbit
