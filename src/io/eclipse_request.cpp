// The options of `kardashev eclipse` -> the eclipse statistics of a designed orbit or an element set.

#include "kardashev/io/eclipse_request.hpp"

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/limits.hpp"
#include "kardashev/io/option_values.hpp"
#include "kardashev/orbit/eclipse.hpp"
#include "kardashev/orbit/kepler.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::io {

namespace {

/// The element set of --tle (chosen by --id when the file holds several; the last with that number).
orbit::element_set element_set_of(const eclipse_request& a) {
    const auto sets = orbit::load_tle_catalogue(a.tle);
    if (a.id >= 0) {
        const orbit::element_set* found = nullptr;
        for (const auto& s : sets)
            if (s.catalogue_number == static_cast<std::uint32_t>(a.id)) found = &s;
        if (found == nullptr) throw input_error(fmt::format("--id: no element set {} in {}", a.id, a.tle));
        return *found;
    }
    if (sets.size() == 1) return sets.front();
    throw input_error(fmt::format("{}: {} element sets; choose one with --id", a.tle, sets.size()));
}

/// The designed circular orbit of --altitude with --sso and --ltan, or --inclination and --raan, at `start`; its
/// description goes to `text`.
orbit::kepler_elements designed_orbit(const eclipse_request& a, epoch start, std::string& text) {
    if (a.altitude.empty()) throw input_error("eclipse: give --altitude (with --sso or --inclination) or --tle");
    const double h = quantity_option("--altitude", a.altitude, quantity_kind::length);
    if (!(h > 0.0)) throw input_error(fmt::format("--altitude: expected a positive altitude, got \"{}\"", a.altitude));
    if (a.sso == !a.inclination.empty()) throw input_error("eclipse: give exactly one of --sso and --inclination");
    if (a.sso) {
        if (a.ltan.empty()) throw input_error("--sso needs --ltan HH:MM (18:00 or 06:00 for dawn-dusk)");
        text = fmt::format("sun-synchronous, {} km, LTAN {}", h / 1000.0, a.ltan);
        return orbit::sso_elements(h, local_time_option("--ltan", a.ltan), start);
    }
    if (!a.ltan.empty()) throw input_error("--ltan goes with --sso; for an inclined orbit give --raan");
    orbit::kepler_elements el;
    el.a_m = orbit::gravity_model{}.radius_m + h;
    el.i_rad = quantity_option("--inclination", a.inclination, quantity_kind::angle);
    el.raan_rad = quantity_option("--raan", a.raan, quantity_kind::angle);
    text = fmt::format("circular, {} km, i {}, RAAN {}", h / 1000.0, a.inclination, a.raan);
    return el;
}

}  // namespace

eclipse_report eclipse_of(const eclipse_request& a) {
    eclipse_report r;
    r.start = time_option("--start", a.start);
    r.days = a.days;
    if (!(a.days > 0.0)) throw input_error(fmt::format("--days: expected a positive number of days, got {}", a.days));
    orbit::eclipse_options opt;
    if (a.shadow == "conical") opt.shadow = orbit::shadow_model::conical;
    else if (a.shadow != "cylindrical") throw input_error(fmt::format("--shadow: expected cylindrical or conical, got \"{}\"", a.shadow));
    if (a.method != "sampled" && a.method != "analytic") {
        throw input_error(fmt::format("--method: expected sampled or analytic, got \"{}\"", a.method));
    }
    r.shadow = opt.shadow;
    r.analytic = a.method == "analytic";
    opt.step_s = r.step_s = quantity_option("--step", a.step, quantity_kind::time);
    if (!r.analytic) limits::check("eclipse: time samples (--days / --step)", a.days * 86'400.0 / opt.step_s, limits::max_time_samples);
    const duration span = duration::from_seconds(a.days * 86'400.0);
    limits::check_end("--days", r.start, span);

    if (!a.tle.empty()) {
        if (!a.altitude.empty() || a.sso || !a.ltan.empty() || !a.inclination.empty()) {
            throw input_error("eclipse: give either --tle or --altitude with --sso/--inclination, not both");
        }
        if (r.analytic) throw input_error("--method analytic needs a designed circular orbit, not --tle");
        const orbit::element_set set = element_set_of(a);
        r.inclination_rad = set.inclination_rad;
        r.summary = orbit::eclipse_sampled(set, r.start, span, opt);
        r.orbit = fmt::format("element set {} of {}", set.catalogue_number, a.tle);
    } else {
        const orbit::kepler_elements el = designed_orbit(a, r.start, r.orbit);
        r.inclination_rad = el.i_rad;
        r.summary = r.analytic ? orbit::eclipse_analytic(el, r.start, span, opt) : orbit::eclipse_sampled(el, r.start, span, opt);
    }
    return r;
}

}  // namespace kardashev::io
