// `kardashev propagate`: SGP4/SDP4 states of a catalogue on a time grid, as CSV or JSON.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli_args.hpp"
#include "commands.hpp"
#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/progress.hpp"
#include "kardashev/io/atomic_file.hpp"
#include "kardashev/orbit/frames.hpp"
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

enum class frame_kind { teme, ecef, geodetic };

// The time grid: absolute times shared by every satellite, or minutes since each satellite's own epoch.
struct grid {
    std::vector<epoch> times;
    std::vector<double> tsince_min;
    [[nodiscard]] bool absolute() const { return !times.empty(); }
    [[nodiscard]] std::size_t size() const { return absolute() ? times.size() : tsince_min.size(); }
};

constexpr std::size_t max_grid_points = 100'000'000;

grid make_grid(const propagate_args& a) {
    const bool abs_given = !a.start.empty() || !a.stop.empty() || !a.step.empty();
    if (abs_given == !a.tsince.empty()) {
        throw input_error("propagate: give either --start, --stop and --step, or --tsince-min A:B:S");
    }
    grid g;
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
        if (n > static_cast<double>(max_grid_points)) throw input_error("propagate: more than 1e8 times; use a longer --step");
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
    if (n > static_cast<double>(max_grid_points)) throw input_error("propagate: more than 1e8 times; use a longer step");
    for (std::size_t k = 0; k < static_cast<std::size_t>(n); ++k) g.tsince_min.push_back(lo + static_cast<double>(k) * st);
    return g;
}

frame_kind parse_frame(const std::string& s) {
    if (s == "teme") return frame_kind::teme;
    if (s == "ecef") return frame_kind::ecef;
    if (s == "geodetic") return frame_kind::geodetic;
    throw input_error(fmt::format("--frame: expected teme, ecef or geodetic, got \"{}\"", s));
}

// Formats a value for CSV (empty when not finite) or JSON (null).
std::string cell(double v, int decimals, bool json) {
    if (json) return json_number(v, decimals);
    return std::isfinite(v) ? fmt::format("{:.{}f}", v, decimals) : std::string();
}

int run_propagate(const propagate_args& a) {
    const frame_kind frame = parse_frame(a.frame);
    if (a.mode != "improved" && a.mode != "afspc") {
        throw input_error(fmt::format("--mode: expected improved or afspc, got \"{}\"", a.mode));
    }
    const orbit::sgp4_mode mode = a.mode == "afspc" ? orbit::sgp4_mode::afspc : orbit::sgp4_mode::improved;
    const grid g = make_grid(a);
    const auto sets = orbit::load_tle_catalogue(a.catalogue);
    if (sets.empty()) throw input_error(fmt::format("{}: no element sets in the file", a.catalogue));
    constexpr double arcsec = constants::pi / (180.0 * 3600.0);
    const orbit::earth_orientation eop{a.dut1_s, a.xp_arcsec * arcsec, a.yp_arcsec * arcsec};

    io::atomic_file out(a.out, a.force);
    const bool json = a.json;
    const std::vector<std::string> columns =
        frame == frame_kind::geodetic
            ? std::vector<std::string>{"id", "time_utc", "tsince_min", "lat_deg", "lon_deg", "alt_km", "status"}
            : std::vector<std::string>{"id", "time_utc", "tsince_min", "x_km", "y_km", "z_km", "vx_km_s", "vy_km_s",
                                       "vz_km_s", "status"};
    if (json) {
        out.write(fmt::format("{{\n  \"command\": \"propagate\",\n  \"catalogue\": \"{}\",\n  \"satellites\": {},\n"
                              "  \"times\": {},\n  \"frame\": \"{}\",\n  \"mode\": \"{}\",\n  \"dut1_s\": {},\n"
                              "  \"rows\": [",
                              a.catalogue, sets.size(), g.size(), a.frame, a.mode, a.dut1_s));
    } else {
        out.write(fmt::format("{}\n", fmt::join(columns, ",")));
    }

    // Satellites in chunks so memory stays bounded whatever the catalogue and grid.
    const std::size_t per_chunk = std::max<std::size_t>(1, 2'000'000 / g.size());
    progress_reporter progress("propagate", sets.size(), !a.quiet);
    bool first_row = true;
    fmt::memory_buffer buf;
    for (std::size_t s0 = 0; s0 < sets.size(); s0 += per_chunk) {
        const std::size_t ns = std::min(per_chunk, sets.size() - s0);
        const std::span<const orbit::element_set> chunk(sets.data() + s0, ns);
        const orbit::sgp4_propagator prop(chunk, mode);
        const std::size_t n = ns * g.size();
        std::vector<double> x(n), y(n), z(n), vx(n), vy(n), vz(n);
        std::vector<orbit::sgp4_status> st(n);
        const orbit::sgp4_batch_output o{x, y, z, vx, vy, vz, st};
        if (g.absolute()) prop.propagate(std::span<const epoch>(g.times), o);
        else prop.propagate(std::span<const double>(g.tsince_min), o);
        for (std::size_t i = 0; i < ns; ++i) {
            const auto& set = chunk[i];
            for (std::size_t k = 0; k < g.size(); ++k) {
                const std::size_t e = i * g.size() + k;
                const epoch t = g.absolute() ? g.times[k] : set.epoch_time + duration::from_seconds(g.tsince_min[k] * 60.0);
                const double tsince = g.absolute() ? (t - set.epoch_time).seconds() / 60.0 : g.tsince_min[k];
                std::array<std::string, 6> v;
                if (frame == frame_kind::teme) {
                    const double c[6] = {x[e], y[e], z[e], vx[e], vy[e], vz[e]};
                    for (int j = 0; j < 6; ++j) v[j] = cell(c[j], j < 3 ? 8 : 9, json);
                } else {
                    const orbit::state_vector ecef = orbit::teme_to_ecef(
                        {{x[e] * 1e3, y[e] * 1e3, z[e] * 1e3}, {vx[e] * 1e3, vy[e] * 1e3, vz[e] * 1e3}}, t, eop);
                    if (frame == frame_kind::ecef) {
                        for (int j = 0; j < 3; ++j) v[j] = cell(ecef.r_m[j] / 1e3, 8, json);
                        for (int j = 0; j < 3; ++j) v[3 + j] = cell(ecef.v_m_s[j] / 1e3, 9, json);
                    } else if (std::isfinite(x[e])) {
                        const orbit::geodetic geo = orbit::ecef_to_geodetic(ecef.r_m);
                        v[0] = cell(geo.lat_rad * 180.0 / constants::pi, 8, json);
                        v[1] = cell(geo.lon_rad * 180.0 / constants::pi, 8, json);
                        v[2] = cell(geo.alt_m / 1e3, 6, json);
                    } else {
                        for (int j = 0; j < 3; ++j) v[j] = cell(NAN, 0, json);
                    }
                }
                const int nv = frame == frame_kind::geodetic ? 3 : 6;
                std::string status(orbit::to_string(st[e]));
                std::replace(status.begin(), status.end(), ' ', '_');
                if (json) {
                    fmt::format_to(std::back_inserter(buf), "{}\n    {{\"id\": {}, \"time_utc\": \"{}\", \"tsince_min\": {:.6f}",
                                   first_row ? "" : ",", set.catalogue_number, t.to_utc_iso(), tsince);
                    for (int j = 0; j < nv; ++j) fmt::format_to(std::back_inserter(buf), ", \"{}\": {}", columns[3 + j], v[j]);
                    fmt::format_to(std::back_inserter(buf), ", \"status\": \"{}\"}}", status);
                } else {
                    fmt::format_to(std::back_inserter(buf), "{},{},{:.6f}", set.catalogue_number, t.to_utc_iso(), tsince);
                    for (int j = 0; j < nv; ++j) fmt::format_to(std::back_inserter(buf), ",{}", v[j]);
                    fmt::format_to(std::back_inserter(buf), ",{}\n", status);
                }
                first_row = false;
                if (buf.size() > (1U << 20)) {
                    out.write(std::string_view(buf.data(), buf.size()));
                    buf.clear();
                }
            }
        }
        progress.update(s0 + ns);
    }
    if (json) fmt::format_to(std::back_inserter(buf), "\n  ]\n}}\n");
    out.write(std::string_view(buf.data(), buf.size()));
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
    cmd->add_option("--step", a->step, "Grid step, a duration (e.g. \"60 s\", \"1 h\")");
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
