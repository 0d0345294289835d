// Designed orbits -> SGP4 element sets, TLE lines and OMM JSON.

#include "kardashev/orbit/designed_export.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "sgp4_kernel.hpp"
#include "vec_math.hpp"

namespace kardashev::orbit {

namespace {

constexpr double rad_to_deg = 180.0 / constants::pi;

// An angle in [0, 360) deg as TLE columns print it (4 decimals): 359.99996 prints as 0.0000, not 360.0000.
double tle_angle_deg(double rad) {
    const double deg = std::round(detail::wrap_two_pi(rad) * rad_to_deg * 1e4) / 1e4;
    return deg >= 360.0 ? deg - 360.0 : deg;
}

constexpr double minutes_per_day = 1440.0;

// WGS-72 constants of SGP4 (Vallado et al. 2006 app. B, "getgravconst" wgs72), shared with the propagator.
using detail::two_pi;
using detail::wgs72_j2;
using detail::wgs72_mu_km3_s2;
using detail::wgs72_radius_km;
using detail::wrap_two_pi;

// SGP4's recovery of the Brouwer mean motion from the Kozai one (Hoots & Roehrich 1980 eqs. for a1, delta1,
// a0, delta0; Vallado et al. 2006 "initl"): returns n'' [rad/min] for Kozai n [rad/min].
double brouwer_from_kozai(double n_kozai, double e, double i) {
    const double xke = 60.0 / std::sqrt(wgs72_radius_km * wgs72_radius_km * wgs72_radius_km / wgs72_mu_km3_s2);
    const double cos_i = std::cos(i);
    const double beta2 = 1.0 - e * e;
    const double d1 = 0.75 * wgs72_j2 * (3.0 * cos_i * cos_i - 1.0) / (std::sqrt(beta2) * beta2);
    const double ak = std::pow(xke / n_kozai, 2.0 / 3.0);
    double del = d1 / (ak * ak);
    const double adel = ak * (1.0 - del * del - del * (1.0 / 3.0 + 134.0 * del * del / 81.0));
    del = d1 / (adel * adel);
    return n_kozai / (1.0 + del);
}

// Columns 45-52 / 54-61 of line 1: " 12345-3" means 0.12345e-3 (assumed leading decimal point).
std::string tle_exponent_field(double x) {
    if (x == 0.0) return " 00000+0";
    int exponent = static_cast<int>(std::floor(std::log10(std::fabs(x)))) + 1;
    auto digits = static_cast<long>(std::lround(std::fabs(x) / std::pow(10.0, exponent) * 1e5));
    if (digits >= 100'000) {
        digits /= 10;
        ++exponent;
    }
    if (exponent < -9 || exponent > 9) throw input_error(fmt::format("TLE: {} does not fit the exponent field", x));
    return fmt::format("{}{:05d}{}{}", x < 0.0 ? '-' : ' ', digits, exponent < 0 ? '-' : '+', std::abs(exponent));
}

std::string catalogue_field(std::uint32_t n) {
    if (n < 100'000) return fmt::format("{:05d}", n);
    if (n > 339'999) throw input_error(fmt::format("TLE: catalogue number {} does not fit Alpha-5 (at most 339999)", n));
    static constexpr char letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";  // Alpha-5 skips I and O
    return fmt::format("{}{:04d}", letters[n / 10'000 - 10], n % 10'000);
}

int checksum(const std::string& line) {
    int sum = 0;
    for (char c : line) {
        if (c >= '0' && c <= '9') sum += c - '0';
        if (c == '-') sum += 1;
    }
    return sum % 10;
}

std::string json_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

element_set designed_element_set(const kepler_elements& el, epoch epoch_time, std::uint32_t catalogue_number,
                                 std::string name) {
    if (!(el.e >= 0.0 && el.e < 1.0)) throw input_error(fmt::format("element set: expected e in [0, 1), got {}", el.e));
    element_set s;
    s.name = std::move(name);
    s.catalogue_number = catalogue_number;
    s.epoch_time = epoch_time;
    const utc_fields f = epoch_time.to_utc();
    s.epoch_year = f.year;
    const split_jd jd = epoch_time.jd_utc();
    const split_jd jan1 = epoch::from_utc({f.year, 1, 1, 0, 0, 0, 0}).jd_utc();
    s.epoch_day_of_year = 1.0 + (jd.day - jan1.day) + (jd.fraction - jan1.fraction);
    s.epoch_days_since_1949_12_31 = (jd.day - 2'433'281.5) + jd.fraction;
    s.element_set_number = 999;
    s.inclination_rad = el.i_rad;
    s.raan_rad = wrap_two_pi(el.raan_rad);
    s.eccentricity = el.e;
    s.arg_perigee_rad = wrap_two_pi(el.argp_rad);
    s.mean_anomaly_rad = wrap_two_pi(el.mean_anomaly_rad);
    // Target Brouwer mean motion: two-body n of the designed a [rad/min]; solve brouwer_from_kozai(n_k) = n''.
    const double n_brouwer = mean_motion_rad_s(el.a_m) * 60.0;
    double n_kozai = n_brouwer;
    for (int k = 0; k < 50; ++k) {
        const double next = n_kozai * n_brouwer / brouwer_from_kozai(n_kozai, el.e, el.i_rad);
        const bool done = std::fabs(next - n_kozai) < 1e-15 * n_brouwer;
        n_kozai = next;
        if (done) break;
    }
    s.mean_motion_rad_per_min = n_kozai;
    return s;
}

std::array<std::string, 2> designed_tle_lines(const element_set& s) {
    if (s.epoch_year < 1957 || s.epoch_year > 2056) {
        throw input_error(fmt::format("TLE: epoch year {} is outside the two-digit range 1957-2056", s.epoch_year));
    }
    if (!(s.eccentricity >= 0.0 && s.eccentricity < 1.0)) {
        throw input_error(fmt::format("TLE: expected e in [0, 1), got {}", s.eccentricity));
    }
    const std::string cat = catalogue_field(s.catalogue_number);
    // Space-Track TLE format: ndot/2 [rev/day^2] and nddot/6 [rev/day^3].
    const double ndot = s.mean_motion_dot_rad_per_min2 * minutes_per_day * minutes_per_day / two_pi;
    const double nddot = s.mean_motion_ddot_rad_per_min3 * minutes_per_day * minutes_per_day * minutes_per_day / two_pi;
    std::string ndot_text = fmt::format("{:.8f}", std::fabs(ndot));  // "0.00001234"
    ndot_text = (ndot < 0.0 ? "-" : " ") + ndot_text.substr(1);
    std::string intl = s.international_designator.substr(0, 8);
    std::string line1 = fmt::format("1 {}{} {:<8} {:02d}{:012.8f} {} {} {} {:1d} {:>4d}", cat, s.classification, intl,
                                    s.epoch_year % 100, s.epoch_day_of_year, ndot_text, tle_exponent_field(nddot),
                                    tle_exponent_field(s.bstar_per_earth_radii), s.ephemeris_type % 10,
                                    s.element_set_number % 10'000);
    const auto ecc_digits = static_cast<long>(std::lround(s.eccentricity * 1e7));
    std::string line2 = fmt::format("2 {} {:8.4f} {:8.4f} {:07d} {:8.4f} {:8.4f} {:11.8f}{:5d}", cat,
                                    s.inclination_rad * rad_to_deg, tle_angle_deg(s.raan_rad),
                                    std::min(ecc_digits, 9'999'999L), tle_angle_deg(s.arg_perigee_rad),
                                    tle_angle_deg(s.mean_anomaly_rad),
                                    s.mean_motion_rad_per_min * minutes_per_day / two_pi,
                                    static_cast<int>(s.revolution_number % 100'000));
    line1 += static_cast<char>('0' + checksum(line1));
    line2 += static_cast<char>('0' + checksum(line2));
    return {line1, line2};
}

std::string designed_omm_json(const element_set& s) {
    const utc_fields f = s.epoch_time.to_utc();
    const double rev_per_day = s.mean_motion_rad_per_min * minutes_per_day / two_pi;
    return fmt::format(
        "{{\"OBJECT_NAME\":\"{}\",\"OBJECT_ID\":\"{}\",\"EPOCH\":\"{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.{:06d}\","
        "\"MEAN_MOTION\":{:.8f},\"ECCENTRICITY\":{:.7f},\"INCLINATION\":{:.4f},\"RA_OF_ASC_NODE\":{:.4f},"
        "\"ARG_OF_PERICENTER\":{:.4f},\"MEAN_ANOMALY\":{:.4f},\"EPHEMERIS_TYPE\":{},\"CLASSIFICATION_TYPE\":\"{}\","
        "\"NORAD_CAT_ID\":{},\"ELEMENT_SET_NO\":{},\"REV_AT_EPOCH\":{},\"BSTAR\":{:.8g},\"MEAN_MOTION_DOT\":{:.8g},"
        "\"MEAN_MOTION_DDOT\":{:.8g}}}",
        json_escape(s.name), json_escape(s.international_designator), f.year, f.month, f.day, f.hour, f.minute,
        f.second, static_cast<long>(f.nanosecond / 1000), rev_per_day, s.eccentricity,
        s.inclination_rad * rad_to_deg, wrap_two_pi(s.raan_rad) * rad_to_deg,
        wrap_two_pi(s.arg_perigee_rad) * rad_to_deg, wrap_two_pi(s.mean_anomaly_rad) * rad_to_deg, s.ephemeris_type,
        s.classification, s.catalogue_number, s.element_set_number, s.revolution_number, s.bstar_per_earth_radii,
        s.mean_motion_dot_rad_per_min2 * minutes_per_day * minutes_per_day / two_pi,
        s.mean_motion_ddot_rad_per_min3 * minutes_per_day * minutes_per_day * minutes_per_day / two_pi);
}

}  // namespace kardashev::orbit
