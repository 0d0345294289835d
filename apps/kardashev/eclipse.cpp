// `kardashev eclipse`: sunlit fraction, longest eclipse and eclipse season of an orbit over a period.

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli_args.hpp"
#include "commands.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/limits.hpp"
#include "kardashev/io/eclipse_report.hpp"
#include "kardashev/orbit/eclipse.hpp"
#include "kardashev/orbit/kepler.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::apps {

namespace {

struct eclipse_args {
    std::string altitude;
    bool sso = false;
    std::string ltan;
    std::string inclination;
    std::string raan = "0 deg";
    std::string tle;
    std::int64_t id = -1;
    std::string start;
    double days = 0.0;
    std::string shadow = "cylindrical";
    std::string method = "sampled";
    std::string step = "10 s";
    bool json = false;
};

/// The element set of --tle (chosen by --id when the file holds several; the last with that number).
orbit::element_set element_set_of(const eclipse_args& a) {
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
orbit::kepler_elements designed_orbit(const eclipse_args& a, epoch start, std::string& text) {
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

int run_eclipse(const eclipse_args& a) {
    io::eclipse_report r;
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
    if (a.json) fmt::print("{}\n", io::eclipse_json(r));
    else fmt::print("{}", io::eclipse_text(r));
    return exit_ok;
}

}  // namespace

void add_eclipse_command(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<eclipse_args>();
    auto* cmd = app.add_subcommand("eclipse", "Sunlit fraction, longest eclipse and eclipse season of an orbit over a period");
    cmd->add_option("--altitude", a->altitude, "Circular orbit altitude above the equatorial radius (e.g. \"650 km\")");
    cmd->add_flag("--sso", a->sso, "Sun-synchronous: inclination from the altitude (J2), node from --ltan");
    cmd->add_option("--ltan", a->ltan, "Local time of the ascending node, HH:MM (18:00 dawn-dusk)");
    cmd->add_option("--inclination", a->inclination, "Inclination (e.g. \"53 deg\") for a non-SSO circular orbit");
    cmd->add_option("--raan", a->raan, "Right ascension of the ascending node at --start (TEME)")->capture_default_str();
    cmd->add_option("--tle", a->tle, "Element set file (TLE or OMM) instead of a designed orbit; propagated with SGP4");
    cmd->add_option("--id", a->id, "Catalogue number to use when --tle holds several element sets");
    cmd->add_option("--start", a->start, "Start, ISO-8601 UTC (e.g. 2026-01-01)")->required();
    cmd->add_option("--days", a->days, "Length of the period in days")->required();
    cmd->add_option("--shadow", a->shadow, "Earth shadow: cylindrical (umbra only) or conical (umbra + penumbra)")
        ->capture_default_str();
    cmd->add_option("--method", a->method,
                    "sampled (J2-precessing orbit every --step against the Sun) or analytic (beta-angle formula, hourly; "
                    "circular orbits with the cylindrical shadow)")
        ->capture_default_str();
    cmd->add_option("--step", a->step, "Sampling step of the sampled method (at most 1e8 samples)")->capture_default_str();
    cmd->add_flag("--json", a->json, "JSON: the inputs and sunlit_fraction, max_eclipse_min, eclipse_season_days, period_min, "
                                     "inclination_deg, beta_min_deg, beta_max_deg");
    cmd->footer("Models and their validation: docs/models/orbit.md (Eclipses). Example, VALIDATION.md O2:\n"
                "  kardashev eclipse --altitude \"650 km\" --sso --ltan 18:00 --start 2026-01-01 --days 365\n"
                "Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    cmd->callback([a, &exit_code] { exit_code = guarded([&] { return run_eclipse(*a); }); });
}

}  // namespace kardashev::apps
