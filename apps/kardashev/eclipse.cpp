// `kardashev eclipse`: sunlit fraction, longest eclipse and eclipse season of an orbit over a period.

#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/io/eclipse_report.hpp"
#include "kardashev/io/eclipse_request.hpp"

namespace kardashev::apps {

namespace {

struct eclipse_args {
    io::eclipse_request request;
    bool json = false;
};

int run_eclipse(const eclipse_args& a) {
    const io::eclipse_report r = io::eclipse_of(a.request);
    if (a.json) fmt::print("{}\n", io::eclipse_json(r));
    else fmt::print("{}", io::eclipse_text(r));
    return exit_ok;
}

}  // namespace

void add_eclipse_command(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<eclipse_args>();
    auto* cmd = app.add_subcommand("eclipse", "Sunlit fraction, longest eclipse and eclipse season of an orbit over a period");
    cmd->add_option("--altitude", a->request.altitude, "Circular orbit altitude above the equatorial radius (e.g. \"650 km\")");
    cmd->add_flag("--sso", a->request.sso, "Sun-synchronous: inclination from the altitude (J2), node from --ltan");
    cmd->add_option("--ltan", a->request.ltan, "Local time of the ascending node, HH:MM (18:00 dawn-dusk)");
    cmd->add_option("--inclination", a->request.inclination, "Inclination (e.g. \"53 deg\") for a non-SSO circular orbit");
    cmd->add_option("--raan", a->request.raan, "Right ascension of the ascending node at --start (TEME)")->capture_default_str();
    cmd->add_option("--tle", a->request.tle, "Element set file (TLE or OMM) instead of a designed orbit; propagated with SGP4");
    cmd->add_option("--id", a->request.id, "Catalogue number to use when --tle holds several element sets");
    cmd->add_option("--start", a->request.start, "Start, ISO-8601 UTC (e.g. 2026-01-01)")->required();
    cmd->add_option("--days", a->request.days, "Length of the period in days")->required();
    cmd->add_option("--shadow", a->request.shadow, "Earth shadow: cylindrical (umbra only) or conical (umbra + penumbra)")
        ->capture_default_str();
    cmd->add_option("--method", a->request.method,
                    "sampled (J2-precessing orbit every --step against the Sun) or analytic (beta-angle formula, hourly; "
                    "circular orbits with the cylindrical shadow)")
        ->capture_default_str();
    cmd->add_option("--step", a->request.step, "Sampling step of the sampled method (at most 1e8 samples)")->capture_default_str();
    cmd->add_flag("--json", a->json, "JSON: the inputs and sunlit_fraction, max_eclipse_min, eclipse_season_days, period_min, "
                                     "inclination_deg, beta_min_deg, beta_max_deg");
    cmd->footer("Models and their validation: docs/models/orbit.md (Eclipses). Example, VALIDATION.md O2:\n"
                "  kardashev eclipse --altitude \"650 km\" --sso --ltan 18:00 --start 2026-01-01 --days 365\n"
                "Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    cmd->callback([a, &exit_code] { exit_code = guarded([&] { return run_eclipse(*a); }); });
}

}  // namespace kardashev::apps
