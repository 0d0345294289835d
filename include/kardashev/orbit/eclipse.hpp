#pragma once
/// Earth shadow: cylindrical and conical (umbra + penumbra) models, beta angle, and sunlit fraction,
/// eclipse durations and eclipse seasons over a period, both sampled and analytic (beta-angle form).
/// See docs/models/orbit.md.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/orbit/kepler.hpp"
#include "kardashev/orbit/shadow_model.hpp"
#include "kardashev/orbit/tle.hpp"
#include "kardashev/orbit/vec3.hpp"

namespace kardashev::orbit {

/// Sun radius used by the conical shadow [m] (IAU 2015 Resolution B3 nominal).
inline constexpr double sun_radius_m = 695'700'000.0;

/// Fraction of the solar disc visible [0..1] from r_sat with the Sun at r_sun (same geocentric frame, m).
double sunlit_fraction_at(const vec3& r_sat, const vec3& r_sun, shadow_model model,
                          double earth_radius_m = constants::earth_mean_radius_m);

/// Beta angle [rad]: angle between the Sun direction and the orbit plane (positive toward the orbit normal).
double beta_angle_rad(const vec3& r_sun, double i_rad, double raan_rad);

/// Fraction of a circular orbit of radius r_m spent in the cylindrical umbra at beta angle beta_rad
/// (0 when |beta| >= asin(R/r)).
double eclipse_fraction_cylindrical(double beta_rad, double r_m, double earth_radius_m = constants::earth_mean_radius_m);

/// Options of the eclipse statistics over a period.
struct eclipse_options {
    shadow_model shadow = shadow_model::cylindrical;
    double earth_radius_m = constants::earth_mean_radius_m;  //!< radius of the shadowing sphere [m]
    double step_s = 10.0;                                    //!< sampling step of the numerical method [s]
    double analytic_step_s = 3600.0;                         //!< longest interval of the beta-angle form, sampled at its centre [s]
    gravity_model gravity{};                                 //!< J2 model that precesses the orbit
    bool operator==(const eclipse_options&) const = default;
};

/// Sunlit fraction and eclipses of an orbit over [start, start + span].
struct eclipse_summary {
    double sunlit_fraction = 1.0;      //!< time-averaged visible fraction of the Sun [0..1]
    double max_eclipse_s = 0.0;        //!< longest single eclipse (umbra + penumbra for conical) [s]
    double eclipse_season_days = 0.0;  //!< number of days (of 86400 s from start) with any eclipse [d]
    double period_s = 0.0;             //!< two-body orbital period [s]
    double beta_min_rad = 0.0;         //!< smallest beta angle over the span [rad]
    double beta_max_rad = 0.0;         //!< largest beta angle over the span [rad]
    bool operator==(const eclipse_summary&) const = default;
};

/// Eclipse statistics by sampling the J2-precessing orbit (elements at `start`, TEME of date) every step_s
/// against sun_position_teme. Any eccentricity; throws input_error on a non-positive span or step.
eclipse_summary eclipse_sampled(const kepler_elements& el, epoch start, duration span, const eclipse_options& opt = {});

/// TEME state [m, m/s] at t_s seconds after the start of a span; the source of the generic eclipse_sampled.
using state_at_fn = std::function<state_vector(double t_s)>;

/// Eclipse statistics of any trajectory sampled every step_s; period_s is reported as given, beta comes from r x v.
eclipse_summary eclipse_sampled(const state_at_fn& state_teme_at, double period_s, epoch start, duration span,
                                const eclipse_options& opt = {});

/// Eclipse statistics of an SGP4 element set (improved mode); throws domain_error when SGP4 reports a failed state.
eclipse_summary eclipse_sampled(const element_set& set, epoch start, duration span, const eclipse_options& opt = {});

/// Eclipse statistics from the beta angle at the centre of each of ceil(span / analytic_step_s) equal intervals
/// (hourly by default), the Sun there from analytic_sun_positions: circular orbits and cylindrical shadow only
/// (throws input_error otherwise); eclipse fraction (1/pi) acos(sqrt(r^2 - R^2) / (r cos beta)).
eclipse_summary eclipse_analytic(const kepler_elements& el, epoch start, duration span, const eclipse_options& opt = {});

/// The Sun [m, TEME] at the centre of each interval eclipse_analytic samples over [start, start + span]: what its
/// result depends on the date through, so that several orbits analysed over one span share it. sun_position_teme at
/// nodes up to two days apart and the quintic through the six nearest between, within 0.0026" of it (docs/models/
/// orbit.md "Sun table"). input_error as eclipse_analytic for a non-positive span or step.
std::vector<vec3> analytic_sun_positions(epoch start, duration span, const eclipse_options& opt = {});

namespace detail {
class sun_sampler;
}  // namespace detail

/// The Sun [m, TEME] at the centre of each day from `start` (start + (k + 1/2) d), for eclipse_analytic's daily form
/// over windows of whole days asked in any order: day k's value is analytic_sun_positions's at a daily step over any
/// span long enough to interpolate (the full series every second day, the quintic between; docs/models/orbit.md "Sun
/// table"), so it depends only on `start` and k, never on which days were asked before. Keeps the nodes it made.
class daily_suns {
public:
    explicit daily_suns(epoch start);
    ~daily_suns();
    daily_suns(daily_suns&&) noexcept;
    daily_suns& operator=(daily_suns&&) noexcept;
    daily_suns(const daily_suns&) = delete;
    daily_suns& operator=(const daily_suns&) = delete;

    /// Days [first, first + count) into `out` (resized); first >= 0.
    void days(std::int64_t first, std::int64_t count, std::vector<vec3>& out);

private:
    std::unique_ptr<detail::sun_sampler> m_sampler;
};

/// eclipse_analytic with the Sun at each interval's centre given (analytic_sun_positions of the same start, span and
/// options); input_error for a table of another length.
eclipse_summary eclipse_analytic(const kepler_elements& el, epoch start, duration span, const eclipse_options& opt,
                                 std::span<const vec3> sun_teme);

}  // namespace kardashev::orbit
