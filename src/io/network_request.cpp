// The options of `kardashev network` -> sim::network_request: GSL rule, grid, pairs, times with their units.

#include "kardashev/io/network_request.hpp"

#include <cstdio>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/option_values.hpp"

namespace kardashev::io {

namespace {

constexpr double deg = constants::pi / 180.0;

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while (true) {
        const std::size_t c = s.find(sep, p);
        out.push_back(s.substr(p, c == std::string::npos ? std::string::npos : c - p));
        if (c == std::string::npos) break;
        p = c + 1;
    }
    return out;
}

/// "--gsl elevation:25deg", "slant-range:1089686m", or a rule alone (its limit from the preset).
sim::gsl_request parse_gsl(const std::string& text) {
    sim::gsl_request g;
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    const std::string value = colon == std::string::npos ? std::string() : text.substr(colon + 1);
    if (kind == "elevation") {
        g.rule = network::gsl_rule::elevation;
        if (value.empty()) return g;
        g.limit = quantity_option("--gsl elevation", value, quantity_kind::angle);
        if (!(*g.limit >= 0.0 && *g.limit < 90.0 * deg)) {
            throw input_error(fmt::format("--gsl: expected an elevation mask in [0, 90) deg, got \"{}\"", value));
        }
    } else if (kind == "slant-range") {
        g.rule = network::gsl_rule::slant_range;
        if (value.empty()) return g;
        g.limit = quantity_option("--gsl slant-range", value, quantity_kind::length);
        if (!(*g.limit > 0.0)) throw input_error(fmt::format("--gsl: expected a positive slant range, got \"{}\"", value));
    } else {
        throw input_error(fmt::format("--gsl: expected elevation[:ANGLE] or slant-range[:LENGTH], got \"{}\"", text));
    }
    return g;
}

/// "--grid PLANESxSATS".
sim::grid_shape parse_grid(const std::string& text) {
    const auto parts = split(text, 'x');
    sim::grid_shape g;
    if (parts.size() != 2 || std::sscanf(parts[0].c_str(), "%d", &g.planes) != 1 ||
        std::sscanf(parts[1].c_str(), "%d", &g.sats_per_plane) != 1) {
        throw input_error(fmt::format("--grid: expected PLANESxSATS (e.g. 34x34), got \"{}\"", text));
    }
    return g;
}

/// "--pairs A:B,C:D" by station name or id.
std::vector<std::pair<std::string, std::string>> parse_pairs(const std::string& text) {
    if (text.empty()) throw input_error("--pairs: expected at least one pair A:B (station names or ids)");
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& item : split(text, ',')) {
        const auto ends = split(item, ':');
        if (ends.size() != 2) throw input_error(fmt::format("--pairs: expected A:B, got \"{}\"", item));
        pairs.emplace_back(ends[0], ends[1]);
    }
    return pairs;
}

}  // namespace

sim::network_request network_request_of(const network_options& a) {
    if (!a.constellation.empty() && !a.catalogue.empty()) {
        throw input_error("network: give either --constellation or --catalogue, not both");
    }
    if (!a.scenario.empty() && (!a.constellation.empty() || !a.catalogue.empty() || !a.ground_stations.empty())) {
        throw input_error("network: SCENARIO gives the constellation and the ground stations; drop --constellation, "
                          "--catalogue and --ground-stations");
    }
    sim::network_request r;
    if (!a.constellation.empty()) r.constellation = split(a.constellation, ',');
    r.catalogue = a.catalogue;
    if (!a.grid.empty()) r.grid = parse_grid(a.grid);
    r.isl_shift = a.isl_shift;
    r.ground_stations = a.ground_stations;
    if (!a.gsl.empty()) r.gsl = parse_gsl(a.gsl);
    if (a.gsl_per_station < 0 || a.gsl_per_satellite < 0) throw input_error("--gsl-per-station/--gsl-per-satellite: expected >= 0");
    r.gsl_per_station = a.gsl_per_station;
    r.gsl_per_satellite = a.gsl_per_satellite;
    r.ground_relays = a.ground_relays;
    r.isl_repair = a.isl_repair;
    if (!a.moon_terminals.empty()) r.moon_terminals = split(a.moon_terminals, ',');
    r.pairs = parse_pairs(a.pairs);
    if (!a.start.empty()) r.start = time_option("--start", a.start);
    r.duration_s = quantity_option("--duration", a.duration, quantity_kind::time);
    r.step_s = quantity_option("--step", a.step, quantity_kind::time);
    if (!(r.step_s > 0.0)) throw input_error(fmt::format("--step: expected a positive step, got \"{}\"", a.step));
    if (!(r.duration_s >= 0.0)) throw input_error(fmt::format("--duration: expected a non-negative duration, got \"{}\"", a.duration));
    r.threads = a.threads;
    return r;
}

}  // namespace kardashev::io
