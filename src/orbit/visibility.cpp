// Passes of a satellite over a ground site: coarse sampling, bisection of mask crossings, golden-section
// search of the culmination (docs/models/orbit.md, "Visibility").

#include "kardashev/orbit/visibility.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "sgp4_state.hpp"

namespace kardashev::orbit {

namespace {

struct sampler {
    const state_at_fn& state_teme_at;
    epoch start;
    geodetic site;
    earth_orientation eop;

    [[nodiscard]] look_angles look(double t_s) const {
        const state_vector teme = state_teme_at(t_s);
        const state_vector ecef = teme_to_ecef(teme, start + duration::from_seconds(t_s), eop);
        return look_angles_from(site, ecef.r_m, ecef.v_m_s);
    }
    [[nodiscard]] double elevation(double t_s) const { return look(t_s).elevation_rad; }
};

// Bisection of a sign change of elevation - mask in [lo, hi]; `rising` says which side is above.
double bisect_crossing(const sampler& s, double mask, double lo, double hi, bool rising, double tol) {
    while (hi - lo > tol) {
        const double mid = 0.5 * (lo + hi);
        const bool above = s.elevation(mid) >= mask;
        if (above == rising) hi = mid; else lo = mid;
    }
    return rising ? hi : lo;  // the returned time is on the visible side
}

// Golden-section search of the maximum elevation in [lo, hi] (Press et al., Numerical Recipes 3rd ed. sec. 10.2).
std::pair<double, double> golden_max(const sampler& s, double lo, double hi, double tol) {
    constexpr double inv_phi = 0.618'033'988'749'894'8;  // (sqrt(5) - 1) / 2
    double a = lo;
    double b = hi;
    double c = b - inv_phi * (b - a);
    double d = a + inv_phi * (b - a);
    double fc = s.elevation(c);
    double fd = s.elevation(d);
    while (b - a > tol) {
        if (fc >= fd) {
            b = d; d = c; fd = fc;
            c = b - inv_phi * (b - a);
            fc = s.elevation(c);
        } else {
            a = c; c = d; fc = fd;
            d = a + inv_phi * (b - a);
            fd = s.elevation(d);
        }
    }
    const double t = 0.5 * (a + b);
    return {t, s.elevation(t)};
}

}  // namespace

std::vector<pass> find_passes(const state_at_fn& state_teme_at, epoch start, duration span, const geodetic& site,
                              const pass_options& opt) {
    if (span.ns() <= 0) throw input_error(fmt::format("passes: expected a positive span, got {:g} s", span.seconds()));
    if (!(opt.step_s > 0.0)) throw input_error(fmt::format("passes: expected a positive step, got {:g} s", opt.step_s));
    if (!(opt.tolerance_s > 0.0)) {
        throw input_error(fmt::format("passes: expected a positive tolerance, got {:g} s", opt.tolerance_s));
    }
    if (!(std::fabs(opt.mask_rad) < 0.5 * constants::pi)) {
        throw input_error(fmt::format("passes: expected an elevation mask between -90 and 90 deg, got {:g} deg",
                                      opt.mask_rad * 180.0 / constants::pi));
    }
    const sampler s{state_teme_at, start, site, opt.eop};
    const double span_s = span.seconds();
    const double mask = opt.mask_rad;
    const auto n = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(span_s / opt.step_s)));
    std::vector<double> t(static_cast<std::size_t>(n) + 1);
    std::vector<double> el(t.size());
    for (std::size_t k = 0; k < t.size(); ++k) {
        t[k] = std::min(static_cast<double>(k) * opt.step_s, span_s);
        el[k] = s.elevation(t[k]);
    }

    // Crossings in time order: +1 rise, -1 set. A pass that rises and sets between samples shows as a local
    // maximum of the samples below the mask; its true maximum is refined and, when above the mask, split in two.
    std::vector<std::pair<double, int>> crossings;
    for (std::size_t k = 0; k + 1 < t.size(); ++k) {
        const bool up0 = el[k] >= mask;
        const bool up1 = el[k + 1] >= mask;
        if (!up0 && up1) crossings.emplace_back(bisect_crossing(s, mask, t[k], t[k + 1], true, opt.tolerance_s), +1);
        if (up0 && !up1) crossings.emplace_back(bisect_crossing(s, mask, t[k], t[k + 1], false, opt.tolerance_s), -1);
        if (k > 0 && !up0 && !up1 && el[k - 1] < mask && el[k] > el[k - 1] && el[k] >= el[k + 1]) {
            const auto [tm, em] = golden_max(s, t[k - 1], t[k + 1], opt.tolerance_s);
            if (em >= mask) {
                crossings.emplace_back(bisect_crossing(s, mask, t[k - 1], tm, true, opt.tolerance_s), +1);
                crossings.emplace_back(bisect_crossing(s, mask, tm, t[k + 1], false, opt.tolerance_s), -1);
            }
        }
    }
    std::stable_sort(crossings.begin(), crossings.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    std::vector<pass> out;
    auto close_pass = [&](double rise_s, double set_s, bool rise_clipped, bool set_clipped) {
        // Culmination: the best sample inside the pass, refined by golden section one step either side.
        double best_t = rise_s;
        double best_e = s.elevation(rise_s);
        for (std::size_t k = 0; k < t.size(); ++k) {
            if (t[k] > rise_s && t[k] < set_s && el[k] > best_e) { best_t = t[k]; best_e = el[k]; }
        }
        const double set_e = s.elevation(set_s);
        if (set_e > best_e) { best_t = set_s; best_e = set_e; }
        const double lo = std::max(rise_s, best_t - opt.step_s);
        const double hi = std::min(set_s, best_t + opt.step_s);
        auto [tm, em] = hi - lo > opt.tolerance_s ? golden_max(s, lo, hi, opt.tolerance_s) : std::pair{best_t, best_e};
        if (best_e > em) { tm = best_t; em = best_e; }  // the maximum sits on a clipped edge
        pass p;
        p.rise = start + duration::from_seconds(rise_s);
        p.culmination = start + duration::from_seconds(tm);
        p.set = start + duration::from_seconds(set_s);
        p.max_elevation_rad = em;
        p.rise_azimuth_rad = s.look(rise_s).azimuth_rad;
        p.set_azimuth_rad = s.look(set_s).azimuth_rad;
        p.rise_clipped = rise_clipped;
        p.set_clipped = set_clipped;
        out.push_back(p);
    };

    bool up = el.front() >= mask;
    double rise_s = 0.0;
    bool rise_clipped = up;
    for (const auto& [tc, dir] : crossings) {
        if (dir > 0 && !up) {
            up = true;
            rise_s = tc;
            rise_clipped = false;
        } else if (dir < 0 && up) {
            up = false;
            close_pass(rise_s, tc, rise_clipped, false);
        }
    }
    if (up) close_pass(rise_s, span_s, rise_clipped, true);
    return out;
}

std::vector<pass> find_passes(const element_set& set, epoch start, duration span, const geodetic& site,
                              const pass_options& opt) {
    const sgp4_propagator prop(std::span<const element_set>(&set, 1));
    const double offset_min = (start - set.epoch_time).seconds() / 60.0;
    auto state = [&](double t_s) { return detail::sgp4_state_or_throw(prop, set, offset_min + t_s / 60.0, "passes"); };
    return find_passes(state, start, span, site, opt);
}

}  // namespace kardashev::orbit
