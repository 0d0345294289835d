// Earth shadow models and eclipse statistics over a period.

#include "kardashev/orbit/eclipse.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/ephemeris.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "sgp4_state.hpp"
#include "sun_table.hpp"
#include "vec_math.hpp"

namespace kardashev::orbit {

namespace {

void check_span(duration span, double step_s) {
    if (span.ns() <= 0) throw input_error("eclipse: expected a positive span, got " + std::to_string(span.seconds()) + " s");
    if (!(step_s > 0.0)) throw input_error("eclipse: expected a positive step, got " + std::to_string(step_s) + " s");
}

}  // namespace

double sunlit_fraction_at(const vec3& r_sat, const vec3& r_sun, shadow_model model, double earth_radius_m) {
    const double r = detail::norm(r_sat);
    if (model == shadow_model::cylindrical) {
        // Vallado 2013 algorithm 34 (SHADOW, cylindrical): dark when behind the Earth and within R of the axis.
        const vec3 u = detail::scale(r_sun, 1.0 / detail::norm(r_sun));
        const double along = detail::dot(r_sat, u);
        if (along >= 0.0) return 1.0;
        const double perp2 = r * r - along * along;
        return perp2 < earth_radius_m * earth_radius_m ? 0.0 : 1.0;
    }
    // Montenbruck & Gill 2000 sec. 3.4.2: apparent radii of Sun (a) and Earth (b), separation c.
    const vec3 to_sun = detail::sub(r_sun, r_sat);
    const double d_sun = detail::norm(to_sun);
    const double a = std::asin(std::min(1.0, sun_radius_m / d_sun));
    const double b = std::asin(std::min(1.0, earth_radius_m / r));
    const double c = detail::angle_between(detail::scale(r_sat, -1.0), to_sun);
    if (c >= a + b) return 1.0;          // no occultation
    if (c <= b - a) return 0.0;          // umbra
    if (c <= a - b) return 1.0 - (b * b) / (a * a);  // annular (Earth disc inside the Sun's)
    // Montenbruck & Gill 2000 eq. 3.89-3.91: overlap area of two discs.
    const double x = (c * c + a * a - b * b) / (2.0 * c);
    const double y = std::sqrt(std::max(0.0, a * a - x * x));
    const double area = a * a * std::acos(std::clamp(x / a, -1.0, 1.0)) +
                        b * b * std::acos(std::clamp((c - x) / b, -1.0, 1.0)) - c * y;
    return std::clamp(1.0 - area / (constants::pi * a * a), 0.0, 1.0);
}

double beta_angle_rad(const vec3& r_sun, double i_rad, double raan_rad) {
    // Orbit normal in the inertial frame h_hat = (sin i sin O, -sin i cos O, cos i) (Vallado 2013 sec. 5.3, beta angle).
    const vec3 h{std::sin(i_rad) * std::sin(raan_rad), -std::sin(i_rad) * std::cos(raan_rad), std::cos(i_rad)};
    return std::asin(std::clamp(detail::dot(h, r_sun) / detail::norm(r_sun), -1.0, 1.0));
}

double eclipse_fraction_cylindrical(double beta_rad, double r_m, double earth_radius_m) {
    if (!(r_m > earth_radius_m)) throw domain_error("eclipse: orbit radius must exceed the Earth's radius");
    const double beta_star = std::asin(earth_radius_m / r_m);
    if (std::fabs(beta_rad) >= beta_star) return 0.0;
    // Cylindrical shadow on a circular orbit: (1/pi) acos(sqrt(r^2 - R^2) / (r cos beta)) (spacedc.md sec. 4c;
    // equivalent to Vallado 2013 sec. 5.3 for circular orbits). sqrt(r^2 - R^2) = sqrt(h (2R + h)) for r = R + h.
    const double arg = std::sqrt(r_m * r_m - earth_radius_m * earth_radius_m) / (r_m * std::cos(beta_rad));
    return std::acos(std::min(1.0, arg)) / constants::pi;
}

eclipse_summary eclipse_sampled(const state_at_fn& state_teme_at, double period_s, epoch start, duration span,
                                const eclipse_options& opt) {
    check_span(span, opt.step_s);
    const double span_s = span.seconds();
    const auto n_steps = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(span_s / opt.step_s)));
    eclipse_summary out;
    out.period_s = period_s;
    out.beta_min_rad = 10.0;
    out.beta_max_rad = -10.0;

    // The Sun moves 0.04 deg per minute: it is recomputed once per sun_step_s and held between.
    constexpr double sun_step_s = 60.0;
    double sun_time = -1e30;
    vec3 sun{};
    auto lit_at = [&](double t) {
        if (std::fabs(t - sun_time) >= sun_step_s) {
            sun_time = t;
            sun = sun_position_teme(start + duration::from_seconds(t));
            // Beta from the osculating orbit normal h = r x v at each Sun update.
            const state_vector sv = state_teme_at(t);
            const vec3 h = detail::cross(sv.r_m, sv.v_m_s);
            const double beta = std::asin(std::clamp(detail::dot(h, sun) / (detail::norm(h) * detail::norm(sun)), -1.0, 1.0));
            out.beta_min_rad = std::min(out.beta_min_rad, beta);
            out.beta_max_rad = std::max(out.beta_max_rad, beta);
            return sunlit_fraction_at(sv.r_m, sun, opt.shadow, opt.earth_radius_m);
        }
        return sunlit_fraction_at(state_teme_at(t).r_m, sun, opt.shadow, opt.earth_radius_m);
    };
    // Bisects the lit/dark boundary between t_lit and t_dark to 0.01 s.
    auto edge = [&](double t_lit, double t_dark) {
        for (int k = 0; k < 20 && std::fabs(t_dark - t_lit) > 0.01; ++k) {
            const double mid = 0.5 * (t_lit + t_dark);
            (lit_at(mid) >= 1.0 ? t_lit : t_dark) = mid;
        }
        return 0.5 * (t_lit + t_dark);
    };

    double sum_lit = 0.0;
    bool in_eclipse = false;
    double entry_s = 0.0;
    std::int64_t last_day = -1;
    double season_days = 0.0;
    double prev_t = 0.0;
    for (std::int64_t k = 0; k < n_steps; ++k) {
        const double t = static_cast<double>(k) * opt.step_s;
        const double lit = lit_at(t);
        sum_lit += lit;
        const bool dark = lit < 1.0;
        if (dark) {
            const auto day = static_cast<std::int64_t>(std::floor(t / 86'400.0));
            if (day != last_day) {
                season_days += 1.0;
                last_day = day;
            }
        }
        if (dark && !in_eclipse) {
            entry_s = k == 0 ? 0.0 : edge(prev_t, t);
            in_eclipse = true;
        } else if (!dark && in_eclipse) {
            out.max_eclipse_s = std::max(out.max_eclipse_s, edge(t, prev_t) - entry_s);
            in_eclipse = false;
        }
        prev_t = t;
    }
    if (in_eclipse) out.max_eclipse_s = std::max(out.max_eclipse_s, prev_t - entry_s);
    out.sunlit_fraction = sum_lit / static_cast<double>(n_steps);
    out.eclipse_season_days = season_days;
    return out;
}

eclipse_summary eclipse_sampled(const kepler_elements& el, epoch start, duration span, const eclipse_options& opt) {
    const gravity_model g = opt.gravity;
    return eclipse_sampled([&](double t) { return to_state(propagate_j2(el, t, g), g); },
                           orbital_period_s(el.a_m, g), start, span, opt);
}

eclipse_summary eclipse_sampled(const element_set& set, epoch start, duration span, const eclipse_options& opt) {
    const sgp4_propagator prop(std::span<const element_set>(&set, 1));
    const double offset_min = (start - set.epoch_time).seconds() / 60.0;
    auto state = [&](double t) { return detail::sgp4_state_or_throw(prop, set, offset_min + t / 60.0, "eclipse"); };
    return eclipse_sampled(state, 2.0 * constants::pi / set.mean_motion_rad_per_min * 60.0, start, span, opt);
}

namespace {

/// The intervals of eclipse_analytic over `span`: how many, and each one's length [s].
std::pair<std::int64_t, double> analytic_intervals(duration span, const eclipse_options& opt) {
    check_span(span, opt.analytic_step_s);
    const double span_s = span.seconds();
    const auto n_steps =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(span_s / opt.analytic_step_s - 1e-9)));
    return {n_steps, span_s / static_cast<double>(n_steps)};
}

/// eclipse_analytic with the Sun at the centre of interval k from `sun_at(k, t)`, t its offset from the start [s].
template <class SunAt>
eclipse_summary analytic_with(const kepler_elements& el, duration span, const eclipse_options& opt, SunAt sun_at) {
    if (el.e != 0.0 || opt.shadow != shadow_model::cylindrical) {
        throw input_error("eclipse: the beta-angle form needs a circular orbit (e = 0) and the cylindrical shadow");
    }
    const auto [n_steps, h] = analytic_intervals(span, opt);
    const j2_rates rates = j2_secular_rates(el, opt.gravity);
    eclipse_summary out;
    out.period_s = orbital_period_s(el.a_m, opt.gravity);
    out.beta_min_rad = 10.0;
    out.beta_max_rad = -10.0;
    double sum_ecl = 0.0;
    std::int64_t last_day = -1;
    for (std::int64_t k = 0; k < n_steps; ++k) {
        const double t = (static_cast<double>(k) + 0.5) * h;  // midpoint rule over each interval
        const vec3 sun = sun_at(k, t);
        const double beta = beta_angle_rad(sun, el.i_rad, el.raan_rad + rates.raan_rad_s * t);
        out.beta_min_rad = std::min(out.beta_min_rad, beta);
        out.beta_max_rad = std::max(out.beta_max_rad, beta);
        const double f = eclipse_fraction_cylindrical(beta, el.a_m, opt.earth_radius_m);
        sum_ecl += f;
        out.max_eclipse_s = std::max(out.max_eclipse_s, f * out.period_s);
        const auto day = static_cast<std::int64_t>(std::floor(t / 86'400.0));
        if (f > 0.0 && day != last_day) {
            out.eclipse_season_days += 1.0;
            last_day = day;
        }
    }
    out.sunlit_fraction = 1.0 - sum_ecl / static_cast<double>(n_steps);
    return out;
}

}  // namespace

eclipse_summary eclipse_analytic(const kepler_elements& el, epoch start, duration span, const eclipse_options& opt) {
    const auto [n_steps, h] = analytic_intervals(span, opt);
    if (!detail::sun_table_interpolates(h, n_steps)) {
        return analytic_with(el, span, opt,
                             [start](std::int64_t, double t) { return sun_position_teme(start + duration::from_seconds(t)); });
    }
    const std::vector<vec3> suns = detail::sun_table(start, h, n_steps);
    return analytic_with(el, span, opt, [&suns](std::int64_t k, double) { return suns[static_cast<std::size_t>(k)]; });
}

std::vector<vec3> analytic_sun_positions(epoch start, duration span, const eclipse_options& opt) {
    const auto [n_steps, h] = analytic_intervals(span, opt);
    return detail::sun_table(start, h, n_steps);
}

daily_suns::daily_suns(epoch start) : m_sampler(std::make_unique<detail::sun_sampler>(start, 86'400.0)) {}
daily_suns::~daily_suns() = default;
daily_suns::daily_suns(daily_suns&&) noexcept = default;
daily_suns& daily_suns::operator=(daily_suns&&) noexcept = default;

void daily_suns::days(std::int64_t first, std::int64_t count, std::vector<vec3>& out) {
    out.resize(static_cast<std::size_t>(std::max<std::int64_t>(0, count)));
    for (std::int64_t k = 0; k < count; ++k) out[static_cast<std::size_t>(k)] = m_sampler->at(first + k);
}

eclipse_summary eclipse_analytic(const kepler_elements& el, epoch, duration span, const eclipse_options& opt,
                                 std::span<const vec3> sun_teme) {
    const auto n_steps = analytic_intervals(span, opt).first;
    if (sun_teme.size() != static_cast<std::size_t>(n_steps)) {
        throw input_error("eclipse: expected the Sun at each of " + std::to_string(n_steps) + " intervals, got " +
                          std::to_string(sun_teme.size()));
    }
    return analytic_with(el, span, opt, [sun_teme](std::int64_t k, double) { return sun_teme[static_cast<std::size_t>(k)]; });
}

}  // namespace kardashev::orbit
