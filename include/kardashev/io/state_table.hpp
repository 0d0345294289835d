#pragma once
/// What `kardashev propagate` writes: SGP4/SDP4 states of a catalogue on a time grid, in TEME, ECEF or geodetic
/// coordinates, as CSV or JSON (docs/models/orbit.md).

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/io/atomic_file.hpp"
#include "kardashev/orbit/frames.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::io {

/// The coordinates of the states.
enum class state_frame {
    teme,      //!< x, y, z [km], vx, vy, vz [km/s] in TEME
    ecef,      //!< the same in ECEF (ITRF via GMST-82 and polar motion)
    geodetic,  //!< WGS-84 latitude, longitude [deg] and altitude [km]
};

/// The times of the states: absolute times shared by every satellite, or minutes since each satellite's own epoch.
struct time_grid {
    std::vector<epoch> times;          //!< absolute times; empty with tsince_min
    std::vector<double> tsince_min;    //!< [min] since each epoch; empty with times
    /// Whether the grid holds absolute times.
    [[nodiscard]] bool absolute() const { return !times.empty(); }
    /// Number of times.
    [[nodiscard]] std::size_t size() const { return absolute() ? times.size() : tsince_min.size(); }
};

/// How the states are computed and written.
struct state_table_options {
    state_frame frame = state_frame::teme;               //!< coordinates
    orbit::sgp4_mode mode = orbit::sgp4_mode::improved;  //!< SGP4 operation mode
    orbit::earth_orientation eop;                        //!< UT1-UTC and polar motion (ecef, geodetic)
    bool json = false;                                   //!< JSON instead of CSV
    std::string catalogue;                               //!< the catalogue's name in the JSON header
};

/// Writes the state of each satellite of `sets` at each time of `grid` to `out`, satellite after satellite (CSV:
/// id,time_utc,tsince_min, the state columns, status; JSON: the inputs and one object per row; a failed state
/// empty or null). Propagates the satellites in chunks so memory stays bounded, calling `on_progress` with the
/// satellites done after each.
void write_state_table(atomic_file& out, std::span<const orbit::element_set> sets, const time_grid& grid,
                       const state_table_options& options, const std::function<void(std::size_t)>& on_progress = {});

}  // namespace kardashev::io
