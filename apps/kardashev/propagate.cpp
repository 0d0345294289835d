// `kardashev propagate`: SGP4/SDP4 states of a catalogue on a time grid, as CSV or JSON.

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli_args.hpp"
#include "commands.hpp"
#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/limits.hpp"
#include "kardashev/core/progress.hpp"
#include "kardashev/io/atomic_file.hpp"
#include "kardashev/io/state_table.hpp"
#include "kardashev/orbit/sgp4.hpp"
#include "kardashev/orbit/tle.hpp"

namespace kardashev::apps {

namespace {

struct propagate_args {
    std::string catalogue;
    std::string start, stop, step;
    std::string tsince;
    std::string frame = "teme";
    std::string mode = "improved";
    std::string out;
    double dut1_s = 0.0;
    double xp_arcsec = 0.0;
    double yp_arcsec = 0.0;
    bool json = false;
    bool force = false;
    bool quiet = false;
};

io::time_grid make_grid(const propagate_args& a) {
    const bool abs_given = !a.start.empty() || !a.stop.empty() || !a.step.empty();
    if (abs_given == !a.tsince.empty()) {
        throw input_error("propagate: give either --start, --stop and --step, or --tsince-min A:B:S");
    }
    io::time_grid g;
    if (abs_given) {
        if (a.start.empty() || a.stop.empty() || a.step.empty()) {
            throw input_error("propagate: --start, --stop and --step go together; one is missing");
        }
        const epoch t0 = time_option("--start", a.start);
        const epoch t1 = time_option("--stop", a.stop);
        const double step_s = quantity_option("--step", a.step, quantity_kind::time);
        if (!(step_s > 0.0)) throw input_error(fmt::format("--step: expected a positive duration, got \"{}\"", a.step));
        if (t1 < t0) throw input_error("--stop: expected a time at or after --start");
        const double n = std::floor((t1 - t0).seconds() / step_s + 1e-9) + 1.0;
        if (n > limits::max_time_samples) throw input_error("propagate: more than 1e8 times; use a longer --step");
        for (std::size_t k = 0; k < static_cast<std::size_t>(n); ++k) {
            g.times.push_back(t0 + duration::from_seconds(static_cast<double>(k) * step_s));
        }
        return g;
    }
    double lo = 0.0, hi = 0.0, st = 0.0;
    char c1 = 0, c2 = 0, rest = 0;
    if (std::sscanf(a.tsince.c_str(), "%lf%c%lf%c%lf%c", &lo, &c1, &hi, &c2, &st, &rest) != 5 || c1 != ':' || c2 != ':' ||
        !std::isfinite(lo) || !std::isfinite(hi) || !(st > 0.0) || hi < lo) {
        throw input_error(fmt::format(
            "--tsince-min: expected START:STOP:STEP in minutes with STOP >= START and STEP > 0 (e.g. \"0:1440:360\"), got \"{}\"",
            a.tsince));
    }
    const double n = std::floor((hi - lo) / st + 1e-9) + 1.0;
    if (n > limits::max_time_samples) throw input_error("propagate: more than 1e8 times; use a longer step");
    for (std::size_t k = 0; k < static_cast<std::size_t>(n); ++k) g.tsince_min.push_back(lo + static_cast<double>(k) * st);
    return g;
}

io::state_frame parse_frame(const std::string& s) {
    if (s == "teme") return io::state_frame::teme;
    if (s == "ecef") return io::state_frame::ecef;
    if (s == "geodetic") return io::state_frame::geodetic;
    throw input_error(fmt::format("--frame: expected teme, ecef or geodetic, got \"{}\"", s));
}

int run_propagate(const propagate_args& a) {
    io::state_table_options o;
    o.frame = parse_frame(a.frame);
    if (a.mode != "improved" && a.mode != "afspc") {
        throw input_error(fmt::format("--mode: expected improved or afspc, got \"{}\"", a.mode));
    }
    o.mode = a.mode == "afspc" ? orbit::sgp4_mode::afspc : orbit::sgp4_mode::improved;
    const io::time_grid g = make_grid(a);
    const auto sets = orbit::load_tle_catalogue(a.catalogue);
    if (sets.empty()) throw input_error(fmt::format("{}: no element sets in the file", a.catalogue));
    constexpr double arcsec = constants::pi / (180.0 * 3600.0);
    o.eop = {a.dut1_s, a.xp_arcsec * arcsec, a.yp_arcsec * arcsec};
    o.json = a.json;
    o.catalogue = a.catalogue;

    io::atomic_file out(a.out, a.force);
    progress_reporter progress("propagate", sets.size(), !a.quiet);
    io::write_state_table(out, sets, g, o, [&progress](std::size_t done) { progress.update(done); });
    progress.finish();
    out.commit();
    return exit_ok;
}

}  // namespace

void add_propagate_command(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<propagate_args>();
    auto* cmd = app.add_subcommand("propagate", "Propagate a TLE/OMM catalogue with SGP4/SDP4 and print states as CSV or JSON");
    cmd->add_option("catalogue", a->catalogue, "Element sets: TLE (2- or 3-line), OMM JSON or OMM CSV")->required();
    cmd->add_option("--start", a->start, "First time, ISO-8601 UTC (e.g. 2026-01-01T00:00:00Z); with --stop and --step");
    cmd->add_option("--stop", a->stop, "Last time, ISO-8601 UTC (included when the grid lands on it)");
    cmd->add_option("--step", a->step, "Grid step, a duration (e.g. \"60 s\", \"1 h\"); at most 1e8 times");
    cmd->add_option("--tsince-min", a->tsince, "Minutes since each satellite's own epoch, START:STOP:STEP (e.g. 0:1440:360)");
    cmd->add_option("--frame", a->frame, "Output frame: teme (km, km/s), ecef (ITRF via GMST-82, km, km/s) or geodetic (WGS-84)")
        ->capture_default_str();
    cmd->add_option("--mode", a->mode, "SGP4 mode: improved (Vallado 2006 'i') or afspc ('a')")->capture_default_str();
    cmd->add_option("--dut1", a->dut1_s, "UT1-UTC [s] for ecef and geodetic (IERS Bulletin A)")->capture_default_str();
    cmd->add_option("--xp", a->xp_arcsec, "Polar motion x_p [arcsec] for ecef and geodetic")->capture_default_str();
    cmd->add_option("--yp", a->yp_arcsec, "Polar motion y_p [arcsec] for ecef and geodetic")->capture_default_str();
    cmd->add_option("--out", a->out, "Output file (default: stdout); written whole or not at all");
    cmd->add_flag("--json", a->json, "JSON instead of CSV: the inputs and one object per row (null where SGP4 failed)");
    cmd->add_flag("--force", a->force, "Replace an existing --out file");
    cmd->add_flag("--quiet,-q", a->quiet, "No progress bar");
    cmd->footer("CSV columns: id,time_utc,tsince_min,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,status (geodetic: lat_deg,\n"
                "lon_deg,alt_km instead of the Cartesian columns). status is ok or Vallado 2006's code 1-6 as\n"
                "words (mean_eccentricity_out_of_range, negative_mean_motion, perturbed_eccentricity_out_of_range,\n"
                "negative_semi-latus_rectum, decayed); state cells are empty after a failure, except for decayed.\n"
                " Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    cmd->callback([a, &exit_code] { exit_code = guarded([&] { return run_propagate(*a); }); });
}

}  // namespace kardashev::apps
