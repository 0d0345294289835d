#include "kardashev/network/nodes.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/text.hpp"
#include "kardashev/network/links.hpp"
#include "kardashev/orbit/designed_export.hpp"
#include "kardashev/orbit/kepler.hpp"

namespace kardashev::network {

namespace {

constexpr double deg = constants::pi / 180.0;

bool parse_double(std::string_view s, double& v) {
    s = trim(s);
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc{} && r.ptr == s.data() + s.size() && std::isfinite(v);
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

ground_station make_ground_station(int id, std::string name, double lat_deg, double lon_deg, double alt_m,
                                   std::string_view where) {
    if (!(lat_deg >= -90.0 && lat_deg <= 90.0)) {
        throw input_error(fmt::format("{}: latitude: expected a value in [-90, 90] deg, got {:g}", where, lat_deg));
    }
    if (!(lon_deg >= -180.0 && lon_deg <= 360.0)) {
        throw input_error(fmt::format("{}: longitude: expected a value in [-180, 360] deg, got {:g}", where, lon_deg));
    }
    if (!std::isfinite(alt_m) || alt_m < -12'000.0 || alt_m > 100'000.0) {
        throw input_error(fmt::format("{}: elevation: expected a height in [-12000, 100000] m, got {:g}", where, alt_m));
    }
    ground_station g;
    g.id = id;
    g.name = std::move(name);
    const double lon = lon_deg > 180.0 ? lon_deg - 360.0 : lon_deg;
    g.site = orbit::geodetic{lat_deg * deg, lon * deg, alt_m};
    return g;
}

std::vector<ground_station> parse_ground_stations(std::string_view text, std::string_view file) {
    std::vector<ground_station> out;
    std::vector<std::string> problems;
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty() || trim(line).front() == '#') {
            if (end == text.size()) break;
            continue;
        }
        // Hypatia's basic format: id,name,latitude_deg,longitude_deg,elevation_m.
        std::vector<std::string_view> f;
        std::vector<std::size_t> col;
        std::size_t s = 0;
        while (true) {
            const std::size_t c = line.find(',', s);
            f.push_back(line.substr(s, c == std::string_view::npos ? std::string_view::npos : c - s));
            col.push_back(s + 1);
            if (c == std::string_view::npos) break;
            s = c + 1;
        }
        const auto where = [&](std::size_t i) { return fmt::format("{}:{}:{}", file, line_no, col[i]); };
        if (f.size() != 5) {
            problems.push_back(fmt::format("{}:{}:1: expected 5 fields id,name,latitude_deg,longitude_deg,elevation_m, got {}",
                                           file, line_no, f.size()));
        } else {
            double id = 0.0, lat = 0.0, lon = 0.0, alt = 0.0;
            bool ok = true;
            if (!parse_double(f[0], id) || id != std::floor(id) || id < 0) {
                problems.push_back(fmt::format("{}: id: expected a non-negative integer, got \"{}\"", where(0), trim(f[0])));
                ok = false;
            }
            if (!parse_double(f[2], lat)) {
                problems.push_back(fmt::format("{}: latitude: expected degrees, got \"{}\"", where(2), trim(f[2])));
                ok = false;
            }
            if (!parse_double(f[3], lon)) {
                problems.push_back(fmt::format("{}: longitude: expected degrees, got \"{}\"", where(3), trim(f[3])));
                ok = false;
            }
            if (!parse_double(f[4], alt)) {
                problems.push_back(fmt::format("{}: elevation: expected metres, got \"{}\"", where(4), trim(f[4])));
                ok = false;
            }
            if (ok) {
                const std::size_t bad = !(lat >= -90.0 && lat <= 90.0) ? 2 : (!(lon >= -180.0 && lon <= 360.0) ? 3 : 4);
                try {
                    out.push_back(make_ground_station(static_cast<int>(id), std::string(trim(f[1])), lat, lon, alt, where(bad)));
                } catch (const input_error& e) {
                    problems.emplace_back(e.what());
                }
            }
        }
        if (end == text.size()) break;
    }
    if (!problems.empty()) {
        std::string msg;
        for (const auto& p : problems) msg += (msg.empty() ? "" : "\n") + p;
        throw input_error(msg);
    }
    if (out.empty()) throw input_error(fmt::format("{}: expected at least one ground station, got none", file));
    return out;
}

std::vector<ground_station> load_ground_stations(const std::filesystem::path& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw input_error(fmt::format("{}: cannot read the ground-station file", path.string()));
    std::stringstream ss;
    ss << f.rdbuf();
    return parse_ground_stations(ss.str(), path.string());
}

std::size_t find_station(std::span<const ground_station> stations, std::string_view key) {
    const std::string_view k = trim(key);
    for (std::size_t i = 0; i < stations.size(); ++i) {
        if (iequals(stations[i].name, k)) return i;
    }
    double id = 0.0;
    if (parse_double(k, id)) {
        for (std::size_t i = 0; i < stations.size(); ++i) {
            if (static_cast<double>(stations[i].id) == id) return i;
        }
    }
    throw input_error(fmt::format("unknown ground station \"{}\": expected a station name or id", k));
}

std::optional<shell_design> shell_preset(std::string_view name) {
    // Hypatia paper/satellite_networks_state/main_{starlink_550,kuiper_630,telesat_1015}.py (commit 0ac531c).
    shell_design s;
    s.name = std::string(name);
    if (name == "starlink-s1") {
        s.planes = 72; s.sats_per_plane = 22; s.altitude_m = 550'000.0; s.inclination_rad = 53.0 * deg;
        s.mean_motion_rev_per_day = 15.19; s.min_elevation_rad = 25.0 * deg;
        // main_starlink_550.py: satellite cone radius 940,700 m; max GSL = sqrt(cone^2 + h^2).
        s.max_gsl_range_m = std::sqrt(940'700.0 * 940'700.0 + s.altitude_m * s.altitude_m);
    } else if (name == "kuiper-k1") {
        s.planes = 34; s.sats_per_plane = 34; s.altitude_m = 630'000.0; s.inclination_rad = 51.9 * deg;
        s.mean_motion_rev_per_day = 14.80; s.min_elevation_rad = 30.0 * deg;
        s.max_gsl_range_m = hypatia_max_gsl_range_m(s.altitude_m, s.min_elevation_rad);
    } else if (name == "telesat-t1") {
        s.planes = 27; s.sats_per_plane = 13; s.altitude_m = 1'015'000.0; s.inclination_rad = 98.98 * deg;
        s.mean_motion_rev_per_day = 13.66; s.min_elevation_rad = 10.0 * deg;
        s.max_gsl_range_m = hypatia_max_gsl_range_m(s.altitude_m, s.min_elevation_rad);
    } else {
        return std::nullopt;
    }
    return s;
}

std::string shell_preset_names() { return "starlink-s1, kuiper-k1, telesat-t1"; }

epoch hypatia_epoch() { return epoch::from_utc({2000, 1, 1, 0, 0, 0, 0}); }

namespace {

void check_shell(const shell_design& shell) {
    if (shell.planes < 1 || shell.sats_per_plane < 1) {
        throw input_error(fmt::format("shell {}: expected at least one plane and one satellite per plane, got {} x {}",
                                      shell.name, shell.planes, shell.sats_per_plane));
    }
    if (!(shell.mean_motion_rev_per_day > 0.0)) {
        throw input_error(fmt::format("shell {}: expected a positive mean motion, got {:g} rev/d", shell.name,
                                      shell.mean_motion_rev_per_day));
    }
}

/// The epoch field of a TLE (two-digit year, day of year with 8 decimals) at `epoch_time`.
std::string tle_epoch_field(epoch epoch_time) {
    const utc_fields u = epoch_time.to_utc();
    const split_jd jd = epoch_time.jd_utc();
    const split_jd jan1 = epoch::from_utc({u.year, 1, 1, 0, 0, 0, 0}).jd_utc();
    const double doy = 1.0 + (jd.day - jan1.day) + (jd.fraction - jan1.fraction);
    return fmt::format("{:02d}{:012.8f}", u.year % 100, doy);
}

/// Satellite n of a shell read back from the TLE text Hypatia writes (angles "%3.4f" right-justified to 8,
/// e = 1e-7, "%2.8f" rev/d), without its name.
orbit::element_set satellite_from_text(const shell_design& shell, const std::string& epoch_field, int n, double raan_deg,
                                       double m_deg) {
    std::string l1 = fmt::format("1 {:05d}U 00000ABC {}  .00000000  00000-0  00000+0 0    0", n, epoch_field);
    std::string l2 = fmt::format("2 {:05d} {:>8.4f} {:>8.4f} 0000001 {:>8.4f} {:>8.4f} {:>11.8f}    0", n,
                                 shell.inclination_rad / deg, raan_deg, 0.0, m_deg, shell.mean_motion_rev_per_day);
    l1 += std::to_string(orbit::tle_checksum(l1));
    l2 += std::to_string(orbit::tle_checksum(l2));
    return orbit::parse_tle(l1, l2, shell.name);
}

/// An angle [rad] as satellite_from_text's element set holds it: printed "%.4f" in degrees, read back by
/// std::from_chars (as parse_tle reads a field) and multiplied by the same pi / 180.
double printed_angle_rad(double angle_deg) {
    std::array<char, 32> text{};
    const auto printed = fmt::format_to_n(text.data(), text.size() - 1, "{:.4f}", angle_deg);
    double read = 0.0;
    std::from_chars(text.data(), printed.out, read);
    return read * deg;
}

/// The printed mean anomalies [rad] of a plane's satellites, the plane shifted by `shift_deg`.
std::vector<double> printed_anomalies_rad(const shell_design& shell, double shift_deg) {
    std::vector<double> out(static_cast<std::size_t>(shell.sats_per_plane));
    for (int j = 0; j < shell.sats_per_plane; ++j)
        out[static_cast<std::size_t>(j)] = printed_angle_rad(shift_deg + j * 360.0 / shell.sats_per_plane);
    return out;
}

/// Catalogue numbers of five digits: past them Hypatia's text shifts its columns, and only the text path reads it.
constexpr int last_five_digit_number = 99'999;

}  // namespace

std::vector<orbit::element_set> shell_element_sets(const shell_design& shell, epoch epoch_time) {
    check_shell(shell);
    const std::string epoch_field = tle_epoch_field(epoch_time);
    // The satellites share the TLE's every field but the number, the node and the mean anomaly: satellite 1's text
    // gives the rest once; each node and anomaly is printed and read back as the text would have it.
    const orbit::element_set first = satellite_from_text(shell, epoch_field, 1, 0.0, 0.0);
    // satgenpy/satgen/tles/generate_tles_from_scratch.py: RAAN = 360 i / O; odd planes shifted by 360 / (2 S).
    const std::vector<double> even_anomalies = printed_anomalies_rad(shell, 0.0);
    const std::vector<double> odd_anomalies = printed_anomalies_rad(shell, 360.0 / (shell.sats_per_plane * 2.0));
    std::vector<orbit::element_set> out;
    out.reserve(static_cast<std::size_t>(shell.planes) * static_cast<std::size_t>(shell.sats_per_plane));
    int n = 0;
    for (int i = 0; i < shell.planes; ++i) {
        const double raan_deg = i * 360.0 / shell.planes;
        const double raan_rad = printed_angle_rad(raan_deg);
        const std::vector<double>& anomalies = i % 2 == 1 ? odd_anomalies : even_anomalies;
        for (int j = 0; j < shell.sats_per_plane; ++j) {
            ++n;
            orbit::element_set set = first;
            if (n > last_five_digit_number) {
                const double shift_deg = i % 2 == 1 ? 360.0 / (shell.sats_per_plane * 2.0) : 0.0;
                set = satellite_from_text(shell, epoch_field, n, raan_deg, shift_deg + j * 360.0 / shell.sats_per_plane);
            } else {
                set.catalogue_number = static_cast<std::uint32_t>(n);
                set.raan_rad = raan_rad;
                set.mean_anomaly_rad = anomalies[static_cast<std::size_t>(j)];
            }
            set.name = shell.name + " " + std::to_string(n - 1);
            out.push_back(std::move(set));
        }
    }
    return out;
}

std::vector<orbit::element_set> walker_element_sets(int planes, int sats_per_plane, int phasing, double altitude_m,
                                                    double inclination_rad, epoch epoch_time) {
    const auto els = orbit::walker_shell(orbit::walker_pattern::delta, planes * sats_per_plane, planes, phasing,
                                         orbit::wgs84::equatorial_radius_m + altitude_m, inclination_rad);
    std::vector<orbit::element_set> out;
    out.reserve(els.size());
    for (std::size_t k = 0; k < els.size(); ++k) {
        out.push_back(orbit::designed_element_set(els[k], epoch_time, static_cast<std::uint32_t>(k + 1),
                                                  fmt::format("walker {}", k)));
    }
    return out;
}

}  // namespace kardashev::network
