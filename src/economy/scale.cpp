#include "kardashev/economy/scale.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"

namespace kardashev::economy {
namespace {

constexpr double earth_radius_m = constants::earth_mean_radius_m;

/// Orbital launch attempts worldwide in 2025: 329 (McDowell, via Aviation Week, January 2026; SpaceNews counts
/// 324 without Starship's near-orbital flights). research/trajectory.md 4a.
constexpr double world_launches_per_year_2025 = 329.0;

/// World electricity generation in 2023: 29,925 TWh (Energy Institute, Statistical Review of World Energy 2024),
/// as a mean power over a Julian year: 3.41e12 W. research/spacedc.md 7.
constexpr double world_electricity_w = 29'925e12 * 3600.0 / constants::julian_year_s;

constexpr std::array<plausibility_bound, 3> bounds{{
    {bound_kind::array_area, "array area", "m2", 4.0 * constants::pi * earth_radius_m * earth_radius_m,
     "the Earth's surface", "4 pi R^2, IUGG mean radius 6371 km (Moritz 2000)"},
    {bound_kind::launch_rate, "launch rate (one site per life)", "/yr", world_launches_per_year_2025,
     "the world's orbital launches in 2025", "329 orbital launch attempts in 2025 (McDowell, via Aviation Week, Jan 2026)"},
    {bound_kind::electric_power, "peak electric power", "W", world_electricity_w, "the world's mean electricity generation",
     "29,925 TWh in 2023 (Energy Institute, Statistical Review of World Energy 2024)"},
}};

void require_non_negative_power(double power_w) {
    if (!(power_w >= 0.0) || !std::isfinite(power_w)) {
        throw domain_error(fmt::format("economy: expected a non-negative power [W] for a share of sunlight, got {}", power_w));
    }
}

/// `v` to `digits` significant figures, exponent without "+" or leading zeros: 5.6e22, 329, 3.41e12.
std::string short_number(double v, int digits) {
    std::string s = fmt::format("{:.{}g}", v, digits);
    const auto e = s.find('e');
    if (e == std::string::npos) return s;
    std::size_t i = e + 1;
    const bool negative = s[i] == '-';
    if (s[i] == '+' || s[i] == '-') ++i;
    while (i + 1 < s.size() && s[i] == '0') ++i;
    return s.substr(0, e + 1) + (negative ? "-" : "") + s.substr(i);
}

}  // namespace

double earth_intercepted_sunlight_w() {
    return constants::pi * earth_radius_m * earth_radius_m * constants::solar_constant_w_per_m2;  // pi R^2 S
}

double earth_sunlight_share(double power_w) {
    require_non_negative_power(power_w);
    return power_w / earth_intercepted_sunlight_w();
}

double solar_luminosity_share(double power_w) {
    require_non_negative_power(power_w);
    return power_w / constants::solar_luminosity_w;
}

double site_peak_power_w(const site_design& d) { return std::max(d.load_w, d.array_power_w); }

std::string_view to_string(bound_kind kind) {
    switch (kind) {
        case bound_kind::array_area: return "array_area";
        case bound_kind::launch_rate: return "launch_rate";
        case bound_kind::electric_power: return "electric_power";
    }
    return "";
}

std::span<const plausibility_bound> plausibility_bounds() { return bounds; }

double bound_value(bound_kind kind, const site_inputs& in, const site_design& d) {
    switch (kind) {
        case bound_kind::array_area: return d.array_area_m2;
        case bound_kind::launch_rate: return d.launches > 0.0 ? d.launches / (in.life_s / constants::julian_year_s) : 0.0;
        case bound_kind::electric_power: return site_peak_power_w(d);
    }
    return 0.0;
}

std::string describe(const bound_excess& x) {
    return fmt::format("{} {} {} is {} times {} ({} {})", x.bound.quantity, short_number(x.value, 2), x.bound.unit,
                       short_number(x.ratio, 2), x.bound.against, short_number(x.bound.limit, 3), x.bound.unit);
}

std::vector<bound_excess> exceeded_bounds(const site_inputs& in, const site_design& d) {
    std::vector<bound_excess> out;
    for (const auto& b : bounds) {
        const double value = bound_value(b.kind, in, d);
        if (value > b.limit) out.push_back({b, value, value / b.limit});
    }
    return out;
}

}  // namespace kardashev::economy
