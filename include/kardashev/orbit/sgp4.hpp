#pragma once
/// SGP4/SDP4 (Hoots & Roehrich, Spacetrack Report #3, 1980; Vallado, Crawford, Hujsak & Kelso,
/// "Revisiting Spacetrack Report #3", AIAA 2006-6753), WGS-72, output in TEME (km, km/s).
///
/// One batch kernel: satellites x times, structure-of-arrays out, a status per element. The
/// single-satellite calls are a batch of one. See docs/models/sgp4.md.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::orbit {

/// Operation mode of Vallado 2006: `improved` ('i') or the `afspc` ('a') behaviour of the Lyddane branch.
enum class sgp4_mode : std::uint8_t { improved, afspc };

/// Result of one propagation: Vallado 2006's error codes (5 is unused there and here).
enum class sgp4_status : std::uint8_t {
    ok = 0,
    mean_eccentricity_out_of_range = 1,       //!< mean e >= 1 or < -0.001
    negative_mean_motion = 2,                 //!< mean motion <= 0
    perturbed_eccentricity_out_of_range = 3,  //!< deep-space perturbed e < 0 or > 1
    negative_semi_latus_rectum = 4,           //!< p < 0
    decayed = 6,                              //!< radius below one Earth radius (position still returned)
};

/// Returns a short text for a status ("ok", "decayed", ...).
[[nodiscard]] std::string_view to_string(sgp4_status s) noexcept;

/// A TEME state at one time.
struct teme_state {
    std::array<double, 3> r_teme_km{};       //!< position [km] TEME
    std::array<double, 3> v_teme_km_s{};     //!< velocity [km/s] TEME
    sgp4_status status = sgp4_status::ok;    //!< ok unless propagation failed (then r, v are NaN except for decayed)
    bool operator==(const teme_state&) const = default;
};

/// Output arrays of a batch: element (sat, time) is at index sat * times + time.
struct sgp4_batch_output {
    std::span<double> x_km, y_km, z_km;                //!< TEME position [km]
    std::span<double> vx_km_s, vy_km_s, vz_km_s;       //!< TEME velocity [km/s]
    std::span<sgp4_status> status;                     //!< status per element
};

/// Threading of a batch run; results are bitwise identical whatever the thread count.
struct sgp4_run_options {
    int threads = 0;  //!< worker threads (0: TBB's default)
};

namespace detail {
struct sgp4_records;
}

/// Initialised SGP4/SDP4 satellites (initialisation runs once per satellite) and the batch kernel.
class sgp4_propagator {
public:
    /// Initialises every element set in `mode`; a satellite that fails at epoch keeps its status (see init_status).
    explicit sgp4_propagator(std::span<const element_set> sets, sgp4_mode mode = sgp4_mode::improved);
    ~sgp4_propagator();
    sgp4_propagator(sgp4_propagator&&) noexcept;
    sgp4_propagator& operator=(sgp4_propagator&&) noexcept;
    sgp4_propagator(const sgp4_propagator&) = delete;
    sgp4_propagator& operator=(const sgp4_propagator&) = delete;

    /// Number of satellites.
    [[nodiscard]] std::size_t size() const noexcept;
    /// Status of satellite `i` at its epoch (what propagating to tsince 0 gives).
    [[nodiscard]] sgp4_status init_status(std::size_t i) const;
    /// True when satellite `i` uses the deep-space (SDP4) branch (period >= 225 min).
    [[nodiscard]] bool is_deep_space(std::size_t i) const;
    /// Propagates every satellite to every `tsince_min` (minutes since its own epoch); every output span must
    /// have size() * tsince_min.size() elements (else input_error).
    void propagate(std::span<const double> tsince_min, const sgp4_batch_output& out,
                   const sgp4_run_options& options = {}) const;
    /// Propagates every satellite to every absolute time `times` (converted per satellite to minutes since epoch).
    void propagate(std::span<const epoch> times, const sgp4_batch_output& out,
                   const sgp4_run_options& options = {}) const;
    /// State of satellite `i` at `tsince_min` minutes after its epoch (a batch of one).
    [[nodiscard]] teme_state propagate(std::size_t i, double tsince_min) const;

private:
    std::unique_ptr<detail::sgp4_records> m_records;
};

/// State of one element set at `tsince_min` minutes after its epoch (a batch of one).
[[nodiscard]] teme_state sgp4_propagate(const element_set& set, double tsince_min,
                                        sgp4_mode mode = sgp4_mode::improved);

}  // namespace kardashev::orbit
