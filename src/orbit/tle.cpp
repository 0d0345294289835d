// TLE reader: fixed columns of the Space-Track two-line format (Vallado et al. 2006, app. A).

#include "kardashev/orbit/tle.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "element_epoch.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/text.hpp"

namespace kardashev::orbit {

namespace {

using detail::deg2rad;
using detail::xpdotp;
using detail::max_mean_motion_rev_per_day;

/// Where a line sits in its file, to write `file:line:column:` prefixes.
struct line_place {
    std::string_view file;
    int line_number;  // in the file
    int tle_line;     // 1 or 2
};

[[noreturn]] void fail(const line_place& p, int column, std::string_view what, std::string_view expected,
                       std::string_view got) {
    throw input_error(std::string(p.file) + ":" + std::to_string(p.line_number) + ":" + std::to_string(column) +
                      ": line " + std::to_string(p.tle_line) + " " + std::string(what) + ": expected " +
                      std::string(expected) + ", got '" + std::string(got) + "'");
}

/// Columns [first, last] (1-based, inclusive) of a line.
std::string_view cols(std::string_view line, int first, int last) {
    return line.substr(static_cast<std::size_t>(first - 1), static_cast<std::size_t>(last - first + 1));
}

double parse_double(const line_place& p, std::string_view line, int first, int last, std::string_view what,
                    std::string_view expected) {
    const std::string_view raw = cols(line, first, last);
    std::string_view s = trim(raw);
    std::string text(s);
    // from_chars takes neither a leading '+' nor a bare ".5"; give it "0.5" and "-0.5".
    if (!text.empty() && text.front() == '+') {
        text.erase(0, 1);
    }
    if (!text.empty() && text.front() == '.') {
        text.insert(0, "0");
    } else if (text.size() >= 2 && text[0] == '-' && text[1] == '.') {
        text.insert(1, "0");
    }
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    // NOTE: from_chars reads "nan" and "inf"; neither, nor a subnormal, is an element.
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || (value != 0.0 && !std::isnormal(value))) {
        fail(p, first, what, expected, raw);
    }
    return value;
}

/// A field of degrees 0 to 360 (columns first..last), in radians.
double parse_angle(const line_place& p, std::string_view line, int first, int last, std::string_view what) {
    const double deg = parse_double(p, line, first, last, what, "degrees 0 to 360");
    if (deg < 0.0 || deg > 360.0) {
        fail(p, first, what, "degrees 0 to 360", cols(line, first, last));
    }
    return deg * deg2rad;
}

std::int64_t parse_int(const line_place& p, std::string_view line, int first, int last, std::string_view what,
                       bool blank_is_zero = true) {
    const std::string_view raw = cols(line, first, last);
    const std::string_view s = trim(raw);
    if (s.empty() && blank_is_zero) {
        return 0;
    }
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) {
        fail(p, first, what, "an integer", raw);
    }
    return value;
}

/// An implied-decimal field with exponent, " 12345-6" = 0.12345e-6 (columns first..last, 8 wide).
double parse_implied(const line_place& p, std::string_view line, int first, std::string_view what) {
    const std::string_view raw = cols(line, first, first + 7);
    const char sign = raw[0];
    const std::string_view mantissa = raw.substr(1, 5);
    const char exp_sign = raw[6];
    const char exp_digit = raw[7];
    bool ok = (sign == ' ' || sign == '-' || sign == '+') && (exp_sign == '-' || exp_sign == '+' || exp_sign == ' ') &&
              exp_digit >= '0' && exp_digit <= '9';
    for (const char c : mantissa) {
        ok = ok && ((c >= '0' && c <= '9') || c == ' ');
    }
    if (!ok) {
        fail(p, first, what, "an implied-decimal number like ' 12345-4'", raw);
    }
    std::string text = "0.";
    for (const char c : mantissa) {
        text += c == ' ' ? '0' : c;
    }
    double m = 0.0;
    std::from_chars(text.data(), text.data() + text.size(), m);
    const int e = (exp_sign == '-' ? -1 : 1) * (exp_digit - '0');
    return (sign == '-' ? -m : m) * std::pow(10.0, e);
}

void check_line(const line_place& p, std::string_view line, const tle_options& options) {
    if (line.size() < 69) {
        fail(p, static_cast<int>(line.size()) + 1, "length", "69 columns", std::to_string(line.size()) + " columns");
    }
    const char want = static_cast<char>('0' + p.tle_line);
    if (line[0] != want || line[1] != ' ') {
        fail(p, 1, "number", std::string("'") + want + " '", line.substr(0, 2));
    }
    if (options.verify_checksums) {
        const int sum = tle_checksum(line);
        if (line[68] != static_cast<char>('0' + sum)) {
            fail(p, 69, "checksum", std::to_string(sum), line.substr(68, 1));
        }
    }
}

std::uint32_t catalogue_at(const line_place& p, std::string_view line) {
    try {
        return parse_catalogue_number(cols(line, 3, 7));
    } catch (const input_error&) {
        fail(p, 3, "catalogue number", "5 digits or Alpha-5 (a letter other than I or O, then 4 digits)",
             cols(line, 3, 7));
    }
}

/// The element epoch as a kardashev epoch, exact to the nanosecond from the digits of the day field.
epoch epoch_of(const line_place& p, std::string_view line, int year) {
    const std::string_view field = cols(line, 21, 32);
    const std::string_view s = trim(field);
    const std::size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    std::int64_t doy = 0;
    const auto r1 = std::from_chars(whole.data(), whole.data() + whole.size(), doy);
    if (whole.empty() || r1.ec != std::errc() || r1.ptr != whole.data() + whole.size() || doy < 1 ||
        doy > (is_leap_year(year) ? 366 : 365)) {
        fail(p, 21, "epoch day", "a day of year 1.0 to 366.99999999", field);
    }
    if (frac.size() > 11) {
        frac = frac.substr(0, 11);  // 1e-11 d < 1 ns
    }
    std::int64_t digits = 0;
    for (const char c : frac) {
        if (c < '0' || c > '9') {
            fail(p, 21, "epoch day", "a day of year 1.0 to 366.99999999", field);
        }
        digits = digits * 10 + (c - '0');
    }
    // 86400e9 ns per day = 864 * 10^11: exact for up to 11 decimals.
    std::int64_t scale = 1;
    for (std::size_t k = frac.size(); k < 11; ++k) {
        scale *= 10;
    }
    const std::int64_t ns_of_day = digits * scale * 864;
    return detail::epoch_from_day(year, doy, ns_of_day);
}

}  // namespace

int tle_checksum(std::string_view line) {
    int sum = 0;
    const std::size_t n = line.size() < 68 ? line.size() : 68;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = line[i];
        if (c >= '0' && c <= '9') {
            sum += c - '0';
        } else if (c == '-') {
            sum += 1;
        }
    }
    return sum % 10;
}

std::uint32_t parse_catalogue_number(std::string_view field) {
    const auto bad = [&]() {
        return input_error("catalogue number: expected 5 digits or Alpha-5, got '" + std::string(field) + "'");
    };
    const std::string_view s = trim(field);
    if (s.empty() || s.size() > 5) {
        throw bad();
    }
    std::uint32_t lead = 0;
    std::string_view rest = s;
    const char c = s[0];
    if (c >= 'A' && c <= 'Z') {
        // Alpha-5: A=10 .. H=17, J=18 .. N=22, P=23 .. Z=33 (I and O are skipped), then 4 digits.
        if (c == 'I' || c == 'O' || s.size() != 5) {
            throw bad();
        }
        lead = static_cast<std::uint32_t>(c - 'A' + 10);
        if (c > 'I') {
            --lead;
        }
        if (c > 'O') {
            --lead;
        }
        rest = s.substr(1);
    }
    std::uint32_t value = 0;
    for (const char d : rest) {
        if (d < '0' || d > '9') {
            throw bad();
        }
        value = value * 10 + static_cast<std::uint32_t>(d - '0');
    }
    return lead * 10000 + value;
}

element_set parse_tle(std::string_view line1, std::string_view line2, std::string_view file, int first_line,
                      const tle_options& options) {
    while (!line1.empty() && (line1.back() == '\r' || line1.back() == '\n')) {
        line1.remove_suffix(1);
    }
    while (!line2.empty() && (line2.back() == '\r' || line2.back() == '\n')) {
        line2.remove_suffix(1);
    }
    const line_place p1{file, first_line, 1};
    const line_place p2{file, first_line + 1, 2};
    check_line(p1, line1, options);
    check_line(p2, line2, options);

    element_set e;
    e.catalogue_number = catalogue_at(p1, line1);
    const std::uint32_t cat2 = catalogue_at(p2, line2);
    if (cat2 != e.catalogue_number) {
        fail(p2, 3, "catalogue number", std::string(trim(cols(line1, 3, 7))) + " as on line 1", cols(line2, 3, 7));
    }
    e.classification = line1[7] == ' ' ? 'U' : line1[7];
    e.international_designator = std::string(trim(cols(line1, 10, 17)));

    // Epoch: two-digit year (57-99 -> 1957-1999, else 20xx) and day of year (V06 twoline2rv).
    const std::int64_t yy = parse_int(p1, line1, 19, 20, "epoch year", false);
    e.epoch_year = static_cast<int>(yy < 57 ? 2000 + yy : 1900 + yy);
    e.epoch_day_of_year = parse_double(p1, line1, 21, 32, "epoch day", "a day of year 1.0 to 366.99999999");
    e.epoch_time = epoch_of(p1, line1, e.epoch_year);
    e.epoch_days_since_1949_12_31 = detail::sgp4_epoch_days(e.epoch_year, e.epoch_day_of_year);

    const double ndot = parse_double(p1, line1, 34, 43, "mean motion derivative", "a number like ' .00000023'");
    e.mean_motion_dot_rad_per_min2 = ndot / (xpdotp * 1440.0);
    e.mean_motion_ddot_rad_per_min3 =
        parse_implied(p1, line1, 45, "mean motion second derivative") / (xpdotp * 1440.0 * 1440.0);
    e.bstar_per_earth_radii = parse_implied(p1, line1, 54, "bstar");
    e.ephemeris_type = static_cast<int>(parse_int(p1, line1, 63, 63, "ephemeris type"));
    e.element_set_number = static_cast<int>(parse_int(p1, line1, 65, 68, "element set number"));

    const double incl_deg = parse_double(p2, line2, 9, 16, "inclination", "degrees 0 to 180");
    if (incl_deg < 0.0 || incl_deg > 180.0) {
        fail(p2, 9, "inclination", "degrees 0 to 180", cols(line2, 9, 16));
    }
    e.inclination_rad = incl_deg * deg2rad;
    e.raan_rad = parse_angle(p2, line2, 18, 25, "right ascension of the node");
    const std::string_view ecc = cols(line2, 27, 33);
    for (const char c : ecc) {
        if (c != ' ' && (c < '0' || c > '9')) {
            fail(p2, 27, "eccentricity", "7 digits with an implied leading decimal point", ecc);
        }
    }
    std::string ecc_text = "0.";
    for (const char c : ecc) {
        ecc_text += c == ' ' ? '0' : c;
    }
    std::from_chars(ecc_text.data(), ecc_text.data() + ecc_text.size(), e.eccentricity);
    e.arg_perigee_rad = parse_angle(p2, line2, 35, 42, "argument of perigee");
    e.mean_anomaly_rad = parse_angle(p2, line2, 44, 51, "mean anomaly");
    const double n_rev_per_day = parse_double(p2, line2, 53, 63, "mean motion", "revolutions per day");
    if (n_rev_per_day <= 0.0 || n_rev_per_day > max_mean_motion_rev_per_day) {
        fail(p2, 53, "mean motion", "a positive number of revolutions per day, at most 100", cols(line2, 53, 63));
    }
    e.mean_motion_rad_per_min = n_rev_per_day / xpdotp;
    e.revolution_number = parse_int(p2, line2, 64, 68, "revolution number");
    return e;
}

std::vector<element_set> parse_tle_catalogue(std::string_view text, std::string_view file,
                                             const tle_options& options) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    }
    std::vector<element_set> sets;
    std::string errors;
    const auto add_error = [&](const std::string& message) {
        if (!errors.empty()) {
            errors += '\n';
        }
        errors += message;
    };
    std::string_view name;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        const int number = static_cast<int>(i) + 1;
        if (trim(line).empty() || line[0] == '#') {
            name = {};
            continue;
        }
        if (line.size() >= 2 && line[0] == '1' && line[1] == ' ') {
            if (i + 1 >= lines.size() || lines[i + 1].size() < 2 || lines[i + 1][0] != '2' || lines[i + 1][1] != ' ') {
                add_error(std::string(file) + ":" + std::to_string(number + 1) +
                          ":1: line 2: expected a line starting '2 ' after line 1");
                name = {};
                continue;
            }
            try {
                element_set e = parse_tle(line, lines[i + 1], file, number, options);
                e.name = std::string(trim(name));
                sets.push_back(std::move(e));
            } catch (const input_error& err) {
                add_error(err.what());
            }
            ++i;
            name = {};
            continue;
        }
        if (line.size() >= 2 && line[0] == '2' && line[1] == ' ') {
            add_error(std::string(file) + ":" + std::to_string(number) +
                      ":1: line 2: expected line 1 before it");
            name = {};
            continue;
        }
        name = line.size() >= 2 && line[0] == '0' && line[1] == ' ' ? line.substr(2) : line;
    }
    if (!errors.empty()) {
        throw input_error(errors);
    }
    return sets;
}

std::vector<element_set> load_tle_catalogue(const std::filesystem::path& path, const tle_options& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw input_error(path.string() + ": cannot read the file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_element_sets(text.str(), path.string(), options);
}

std::vector<element_set> parse_element_sets(std::string_view text, std::string_view file,
                                            const tle_options& options) {
    const std::string_view head = trim(text.substr(0, text.find('\n')));
    if (!head.empty() && (head.front() == '[' || head.front() == '{')) {
        return parse_omm_json(text, file);
    }
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (text[first] == '[' || text[first] == '{')) {
        return parse_omm_json(text, file);
    }
    if (head.find("NORAD_CAT_ID") != std::string_view::npos) {
        return parse_omm_csv(text, file);
    }
    return parse_tle_catalogue(text, file, options);
}

}  // namespace kardashev::orbit
