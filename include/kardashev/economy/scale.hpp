#pragma once
/// A design against physics and the world: its share of the Sun's output, and the plausibility bounds
/// (the Earth's surface, the world's launches, the world's electricity) it exceeds. See docs/models/economy.md.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/economy/site_design.hpp"

namespace kardashev::economy {

/// Sunlight intercepted by the Earth's disc [W]: pi R^2 x S (IUGG mean radius, IAU 2015 B3 nominal S),
/// 1.7355e17 W.
double earth_intercepted_sunlight_w();

/// Share [-] of the sunlight the Earth intercepts that `power_w` [W] is: P / (pi R^2 S). Throws domain_error
/// for P < 0.
double earth_sunlight_share(double power_w);

/// Share [-] of the Sun's nominal luminosity (3.828e26 W, IAU 2015 B3) that `power_w` [W] is. Throws
/// domain_error for P < 0.
double solar_luminosity_share(double power_w);

/// The site's peak electric power [W]: the larger of its load and its arrays' output while lit.
double site_peak_power_w(const site_design& d);

/// What a plausibility bound limits.
enum class bound_kind {
    array_area,      //!< [m^2] solar array area against the Earth's surface
    launch_rate,     //!< [1/yr] launches to replace the site once per life, against the world's launches a year
    electric_power,  //!< [W] the site's peak electric power against the world's mean electricity generation
};

/// "array_area", "launch_rate" or "electric_power".
std::string_view to_string(bound_kind kind);

/// One bound a design should stay within, with its figure and where the figure comes from.
struct plausibility_bound {
    bound_kind kind = bound_kind::array_area;
    std::string_view quantity;  //!< what is measured, e.g. "array area"
    std::string_view unit;      //!< unit of `limit` and of the measured value, e.g. "m2"
    double limit = 0.0;         //!< [unit] the bound
    std::string_view against;   //!< what the bound is, e.g. "the Earth's surface"
    std::string_view source;    //!< where the figure comes from
    bool operator==(const plausibility_bound&) const = default;
};

/// The bounds, in the order they are checked: the Earth's surface 4 pi R^2 = 5.1e14 m^2; 329 orbital launch
/// attempts worldwide in 2025; the world's 29,925 TWh of electricity in 2023 (3.41e12 W mean).
std::span<const plausibility_bound> plausibility_bounds();

/// A bound a design exceeds: the bound, the design's value [bound's unit] and value / limit [-].
struct bound_excess {
    plausibility_bound bound;
    double value = 0.0;  //!< [bound.unit]
    double ratio = 0.0;  //!< [-] value / bound.limit, > 1
    bool operator==(const bound_excess&) const = default;
};

/// The design's value [bound's unit] for bound kind `kind`: array area [m^2], launches / life [1/yr] (0 with
/// no launches) or peak electric power [W].
double bound_value(bound_kind kind, const site_inputs& in, const site_design& d);

/// "array area 5.6e22 m2 is 1.1e8 times the Earth's surface (5.1e14 m2)": the excess's quantity, value, ratio and
/// bound, to two (value, ratio) and three (bound) significant figures.
std::string describe(const bound_excess& x);

/// The bounds of plausibility_bounds() that design `d` of `in` exceeds (value > limit), in table order.
std::vector<bound_excess> exceeded_bounds(const site_inputs& in, const site_design& d);

}  // namespace kardashev::economy
