#pragma once
/// Prices per kg over time (launch to LEO, spacecraft build): Wright's law on a cumulative mass that the run and
/// others grow, or a dated schedule; and launch capacity from flights per year. See docs/models/logistics.md
/// "Prices over time".

#include <cstdint>
#include <string_view>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/logistics/learning_curve.hpp"

namespace kardashev::logistics {

/// A value that steps to `value` at `at` and holds until the next point (piecewise constant).
struct dated_value {
    epoch at;
    double value = 0.0;
    bool operator==(const dated_value&) const = default;
};

/// The value of a piecewise-constant series at `t`: the last point with at <= t, or 0 before the first point.
/// Points must be sorted by `at`.
[[nodiscard]] double dated_value_at(const std::vector<dated_value>& series, epoch t);

/// The integral over [from, to) of a piecewise-constant rate [unit/s]: [unit]. Zero before the first point.
[[nodiscard]] double integral_between(const std::vector<dated_value>& rate_per_s, epoch from, epoch to);

/// Where a price per kg comes from.
enum class price_model : std::uint8_t {
    learning,  //!< Wright's law on cumulative mass: starting mass + others' mass + the run's own
    schedule,  //!< a dated schedule of prices
};
/// "learning" or "schedule".
[[nodiscard]] std::string_view to_string(price_model model) noexcept;

/// A price per kg over time. Plain value type; the defaults are Suncatcher's launch curve (sec. 2.4, 4.4).
struct price_path {
    price_model model = price_model::learning;
    wright_curve curve{};                           //!< learning: reference price, mass and learning rate
    double starting_mass_kg = 400.0e3;              //!< [kg] learning: cumulative mass at the run's start
    std::vector<dated_value> other_mass_kg_per_s;   //!< [kg/s] learning: mass others add over time
    std::vector<dated_value> price_usd_per_kg;      //!< [USD/kg] schedule
    bool operator==(const price_path&) const = default;
};

/// The price [USD/kg] at `t` when `cumulative_kg` has been built or launched in all (learning: Wright's law,
/// learning_curve.hpp; schedule: the schedule's value at `t`, whatever the mass). Throws input_error on a
/// non-positive cumulative mass under learning.
[[nodiscard]] double price_at(const price_path& path, epoch t, double cumulative_kg);

/// Flights [count] in [from, to) at `flights_per_s` (a piecewise-constant rate [1/s]), times `payload_kg`: the
/// mass [kg] one launcher can lift in the interval.
[[nodiscard]] double launch_capacity_kg(double payload_kg, const std::vector<dated_value>& flights_per_s, epoch from,
                                        epoch to);

}  // namespace kardashev::logistics
