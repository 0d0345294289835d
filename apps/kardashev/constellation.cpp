// `kardashev constellation walker|sso|cluster`: designed orbits written as TLEs or OMM JSON.

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli_args.hpp"
#include "commands.hpp"
#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/limits.hpp"
#include "kardashev/io/atomic_file.hpp"
#include "kardashev/io/designed_catalogue.hpp"
#include "kardashev/orbit/hcw.hpp"
#include "kardashev/orbit/kepler.hpp"

namespace kardashev::apps {

namespace {

struct constellation_args {
    // Shared.
    std::string epoch_text = "2026-01-01T00:00:00Z";
    std::int64_t first_id = 80'000;
    std::string name = "KD";
    std::string out;
    std::string format;
    bool force = false;
    bool json = false;
    // Orbit.
    std::string altitude;
    std::string inclination;
    std::string raan = "0 deg";
    std::string ltan;
    // walker
    int total = 0;
    int planes = 0;
    int phasing = 0;
    std::string pattern = "delta";
    // sso, cluster
    int count = 0;
    std::string radius;
};

double altitude_m(const constellation_args& a) {
    if (a.altitude.empty()) throw input_error("constellation: --altitude is required");
    const double h = quantity_option("--altitude", a.altitude, quantity_kind::length);
    if (!(h > 0.0)) throw input_error(fmt::format("--altitude: expected a positive altitude, got \"{}\"", a.altitude));
    return h;
}

// Reference orbit of sso and cluster: sun-synchronous from --ltan, or circular from --inclination and --raan.
orbit::kepler_elements reference_orbit(const constellation_args& a, epoch t) {
    const double h = altitude_m(a);
    if (a.ltan.empty() == a.inclination.empty()) throw input_error("constellation: give exactly one of --ltan and --inclination");
    if (!a.ltan.empty()) return orbit::sso_elements(h, local_time_option("--ltan", a.ltan), t);
    orbit::kepler_elements el;
    el.a_m = orbit::gravity_model{}.radius_m + h;
    el.i_rad = quantity_option("--inclination", a.inclination, quantity_kind::angle);
    el.raan_rad = quantity_option("--raan", a.raan, quantity_kind::angle);
    return el;
}

std::vector<orbit::kepler_elements> design(const std::string& kind, const constellation_args& a, epoch t) {
    if (kind == "walker") {
        if (a.inclination.empty()) throw input_error("constellation walker: --inclination is required");
        const auto pattern = a.pattern == "star" ? orbit::walker_pattern::star : orbit::walker_pattern::delta;
        if (a.pattern != "star" && a.pattern != "delta") {
            throw input_error(fmt::format("--pattern: expected delta or star, got \"{}\"", a.pattern));
        }
        return orbit::walker_shell(pattern, a.total, a.planes, a.phasing, orbit::gravity_model{}.radius_m + altitude_m(a),
                                   quantity_option("--inclination", a.inclination, quantity_kind::angle),
                                   quantity_option("--raan", a.raan, quantity_kind::angle));
    }
    if (a.count < 1) throw input_error(fmt::format("--count: expected at least 1 satellite, got {}", a.count));
    const orbit::kepler_elements ref = reference_orbit(a, t);
    if (kind == "sso") {
        if (a.inclination.size() > 0) throw input_error("constellation sso: use --ltan, not --inclination");
        std::vector<orbit::kepler_elements> out(static_cast<std::size_t>(a.count), ref);
        for (int k = 0; k < a.count; ++k) out[k].mean_anomaly_rad = 2.0 * constants::pi * k / a.count;
        return out;
    }
    if (a.radius.empty()) throw input_error("constellation cluster: --radius is required");
    const double radius_m = quantity_option("--radius", a.radius, quantity_kind::length);
    const auto members = orbit::compact_cluster(a.count, radius_m, orbit::mean_motion_rad_s(ref.a_m));
    return orbit::cluster_elements(ref, members);
}

int run_constellation(const std::string& kind, const constellation_args& a) {
    const epoch t = time_option("--epoch", a.epoch_text);
    std::string format = a.format;
    if (format.empty()) format = a.out.ends_with(".json") ? "omm" : "tle";
    if (format != "tle" && format != "omm") throw input_error(fmt::format("--format: expected tle or omm, got \"{}\"", format));
    if (a.first_id < 1 || a.first_id > 339'999) {
        throw input_error(fmt::format("--first-id: expected a catalogue number 1..339999, got {}", a.first_id));
    }
    const int satellites = kind == "walker" ? a.total : a.count;
    limits::check(kind == "walker" ? "--total" : "--count", satellites, limits::max_satellites);
    if (a.first_id + static_cast<std::int64_t>(satellites) - 1 > 339'999) {
        throw input_error("--first-id: the catalogue numbers would pass 339999 (the Alpha-5 limit)");
    }
    const auto elements = design(kind, a, t);
    if (a.first_id + static_cast<std::int64_t>(elements.size()) - 1 > 339'999) {
        throw input_error("--first-id: the catalogue numbers would pass 339999 (the Alpha-5 limit)");
    }
    const io::catalogue_format out_format = format == "omm" ? io::catalogue_format::omm : io::catalogue_format::tle;
    const std::string text = io::designed_catalogue(elements, t, static_cast<std::uint32_t>(a.first_id),
                                                    fmt::format("{}-{}", a.name, kind), out_format);
    if (!(a.json && a.out.empty())) {  // --json alone prints the summary only
        io::atomic_file out(a.out, a.force);
        out.write(text);
        out.commit();
    }
    if (a.json) fmt::print("{}\n", io::designed_catalogue_json(kind, elements, a.out, out_format, t, a.first_id));
    return exit_ok;
}

CLI::App* add_kind(CLI::App* parent, const std::string& kind, const std::string& help,
                   const std::shared_ptr<constellation_args>& a, int& exit_code) {
    auto* cmd = parent->add_subcommand(kind, help);
    cmd->add_option("--altitude", a->altitude, "Altitude of the circular orbits above the equatorial radius (e.g. \"650 km\")")
        ->required();
    cmd->add_option("--epoch", a->epoch_text, "Epoch of the element sets, ISO-8601 UTC")->capture_default_str();
    cmd->add_option("--first-id", a->first_id, "Catalogue number of the first satellite (80000-89999: analyst objects)")
        ->capture_default_str();
    cmd->add_option("--name", a->name, "Name prefix: NAME-KIND-0001 ...")->capture_default_str();
    cmd->add_option("--out", a->out, "Output file, .tle or .json (OMM); default stdout; written whole or not at all");
    cmd->add_option("--format", a->format, "tle or omm (default: from the --out extension, else tle)");
    cmd->add_flag("--force", a->force, "Replace an existing --out file");
    cmd->add_flag("--json", a->json, "Print a JSON summary (count, epoch, altitude, inclination, period) instead of the elements "
                                     "on stdout; the elements still go to --out");
    cmd->callback([a, kind, &exit_code] { exit_code = guarded([&] { return run_constellation(kind, *a); }); });
    return cmd;
}

}  // namespace

void add_constellation_command(CLI::App& app, int& exit_code) {
    auto a = std::make_shared<constellation_args>();
    auto* cmd = app.add_subcommand("constellation", "Design a Walker shell, a sun-synchronous plane or a compact cluster and "
                                                    "write it as TLEs or OMM JSON");
    cmd->require_subcommand(1);
    cmd->footer("Element sets carry the designed (osculating) elements as SGP4 mean elements with B* = 0\n"
                "(docs/models/orbit.md, Export). Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    auto* walker = add_kind(cmd, "walker", "Walker i:t/p/f shell of circular orbits", a, exit_code);
    walker->add_option("--inclination", a->inclination, "Inclination (e.g. \"53 deg\")")->required();
    walker->add_option("--total", a->total, "Satellites in the shell (t), at most 339999")->required();
    walker->add_option("--planes", a->planes, "Orbit planes (p); t must be a multiple of p")->required();
    walker->add_option("--phasing", a->phasing, "Phasing factor f, 0 <= f < p")->capture_default_str();
    walker->add_option("--pattern", a->pattern, "delta (planes over 360 deg of RAAN) or star (180 deg)")->capture_default_str();
    walker->add_option("--raan", a->raan, "RAAN of the first plane")->capture_default_str();
    auto* sso = add_kind(cmd, "sso", "Satellites evenly spaced in one sun-synchronous plane", a, exit_code);
    sso->add_option("--ltan", a->ltan, "Local time of the ascending node, HH:MM (18:00 dawn-dusk)")->required();
    sso->add_option("--count", a->count, "Satellites in the plane, at most 339999")->required();
    auto* cluster = add_kind(cmd, "cluster", "Compact cluster on bounded HCW ellipses inside a radius (Suncatcher sec. 2.2)", a,
                             exit_code);
    cluster->add_option("--ltan", a->ltan, "Sun-synchronous reference orbit with this LTAN, HH:MM");
    cluster->add_option("--inclination", a->inclination, "Inclination of a non-SSO circular reference orbit");
    cluster->add_option("--raan", a->raan, "RAAN of a non-SSO reference orbit")->capture_default_str();
    cluster->add_option("--count", a->count, "Satellites in the cluster, at most 339999")->required();
    cluster->add_option("--radius", a->radius, "Radius every member stays within (e.g. \"1 km\")")->required();
}

}  // namespace kardashev::apps
