// TLE reader: fixed columns of the Space-Track two-line format (Vallado et al. 2006, app. A).

#include "kardashev/orbit/tle.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "kardashev/core/error.hpp"

namespace kardashev::orbit {

namespace {

constexpr double pi = 3.14159265358979323846;
constexpr double deg2rad = pi / 180.0;
constexpr double xpdotp = 1440.0 / (2.0 * pi);  // rev/day per rad/min

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

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') {
        s.remove_prefix(1);
    }
    while (!s.empty() && s.back() == ' ') {
        s.remove_suffix(1);
    }
    return s;
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
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
        fail(p, first, what, expected, raw);
    }
    return value;
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

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms").
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/// SGP4's epoch in days since 1949-12-31 0h UTC, with the arithmetic of V06's days2mdhms and jday, so the
/// rounding of the Julian date matches the verification output.
double sgp4_epoch_days(int year, double days) {
    const int lmonth[12] = {31, (year % 4 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int dayofyr = static_cast<int>(std::floor(days));
    int i = 1;
    int inttemp = 0;
    while (dayofyr > inttemp + lmonth[i - 1] && i < 12) {
        inttemp = inttemp + lmonth[i - 1];
        ++i;
    }
    const int mon = i;
    const int day = dayofyr - inttemp;
    double temp = (days - dayofyr) * 24.0;
    const double hr = std::floor(temp);
    temp = (temp - hr) * 60.0;
    const double minute = std::floor(temp);
    const double sec = (temp - minute) * 60.0;
    // Julian date (Vallado, Fundamentals, algorithm 14), split into day and fraction.
    double jd = 367.0 * year - std::floor((7 * (year + std::floor((mon + 9) / 12.0))) * 0.25) +
                std::floor(275 * mon / 9.0) + day + 1721013.5;
    double jdfrac = (sec + minute * 60.0 + hr * 3600.0) / 86400.0;
    if (std::fabs(jdfrac) > 1.0) {
        const double dtt = std::floor(jdfrac);
        jd = jd + dtt;
        jdfrac = jdfrac - dtt;
    }
    return (jd + jdfrac) - 2433281.5;
}

/// The UTC instant `ns_of_day` into day `doy` (1 = 1 January) of `year`.
epoch epoch_from_day(int year, std::int64_t doy, std::int64_t ns_of_day) {
    const std::int64_t day_number = days_from_civil(year, 1, 1) + doy - 1;
    // Back to a calendar date (Hinnant's civil_from_days).
    const std::int64_t z = day_number + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy0 = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy0 + 2) / 153;
    utc_fields f;
    f.day = static_cast<int>(doy0 - (153 * mp + 2) / 5 + 1);
    f.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    f.year = static_cast<int>(yoe + era * 400 + (f.month <= 2 ? 1 : 0));
    f.hour = static_cast<int>(ns_of_day / 3'600'000'000'000LL);
    f.minute = static_cast<int>(ns_of_day / 60'000'000'000LL % 60);
    f.second = static_cast<int>(ns_of_day / 1'000'000'000LL % 60);
    f.nanosecond = ns_of_day % 1'000'000'000LL;
    if (year >= 1972) {
        return epoch::from_utc(f);
    }
    // NOTE: UTC before 1972 had no leap-second table; such epochs use TAI - UTC = 10 s (its 1972 value).
    const utc_fields start{1972, 1, 1, 0, 0, 0, 0};
    const std::int64_t days_before = days_from_civil(1972, 1, 1) - day_number;
    return epoch::from_utc(start) - duration::from_days(days_before) + duration::from_ns(ns_of_day);
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
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (whole.empty() || r1.ec != std::errc() || r1.ptr != whole.data() + whole.size() || doy < 1 ||
        doy > (leap ? 366 : 365)) {
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
    return epoch_from_day(year, doy, ns_of_day);
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
    e.epoch_days_since_1949_12_31 = sgp4_epoch_days(e.epoch_year, e.epoch_day_of_year);

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
    e.raan_rad = parse_double(p2, line2, 18, 25, "right ascension of the node", "degrees 0 to 360") * deg2rad;
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
    e.arg_perigee_rad = parse_double(p2, line2, 35, 42, "argument of perigee", "degrees 0 to 360") * deg2rad;
    e.mean_anomaly_rad = parse_double(p2, line2, 44, 51, "mean anomaly", "degrees 0 to 360") * deg2rad;
    const double n_rev_per_day = parse_double(p2, line2, 53, 63, "mean motion", "revolutions per day");
    if (n_rev_per_day <= 0.0) {
        fail(p2, 53, "mean motion", "a positive number of revolutions per day", cols(line2, 53, 63));
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

namespace {

/// One OMM value with where it starts in the file.
struct omm_value {
    std::string text;
    int line = 0;
    int column = 0;
};

/// One OMM record: keys in file order, and where the record starts.
struct omm_record {
    std::vector<std::pair<std::string, omm_value>> fields;
    int line = 0;
    int column = 0;
};

[[noreturn]] void omm_fail(std::string_view file, int line, int column, const std::string& message) {
    throw input_error(std::string(file) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message);
}

/// Element set of one OMM record (the same units and conversions as a TLE).
element_set element_set_of(const omm_record& rec, std::string_view file) {
    const auto find = [&](std::string_view key) -> const omm_value* {
        for (const auto& [k, v] : rec.fields) {
            if (k == key) {
                return &v;
            }
        }
        return nullptr;
    };
    const auto need = [&](std::string_view key) -> const omm_value& {
        const omm_value* v = find(key);
        if (v == nullptr || v->text.empty()) {
            omm_fail(file, rec.line, rec.column, "OMM record: expected key " + std::string(key));
        }
        return *v;
    };
    const auto number = [&](std::string_view key, bool required) -> double {
        const omm_value* v = required ? &need(key) : find(key);
        if (v == nullptr || v->text.empty()) {
            return 0.0;
        }
        std::string_view t = trim(v->text);
        if (!t.empty() && t.front() == '+') {
            t.remove_prefix(1);
        }
        double value = 0.0;
        const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
        if (t.empty() || ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(value)) {
            omm_fail(file, v->line, v->column,
                     std::string(key) + ": expected a number, got '" + v->text + "'");
        }
        return value;
    };
    const auto integer = [&](std::string_view key, bool required) -> std::int64_t {
        const double d = number(key, required);
        if (d != std::floor(d) || std::fabs(d) > 9.0e15) {
            const omm_value* v = find(key);
            omm_fail(file, v->line, v->column, std::string(key) + ": expected an integer, got '" + v->text + "'");
        }
        return static_cast<std::int64_t>(d);
    };

    element_set e;
    if (const omm_value* v = find("OBJECT_NAME")) {
        e.name = v->text;
    }
    if (const omm_value* v = find("OBJECT_ID")) {
        // "1998-067A" -> "98067A" as in TLE columns 10-17
        const std::string& id = v->text;
        e.international_designator = id.size() > 5 && id[4] == '-' ? id.substr(2, 2) + id.substr(5) : id;
    }
    const std::int64_t cat = integer("NORAD_CAT_ID", true);
    if (cat < 0 || cat > 999'999'999) {
        const omm_value& v = need("NORAD_CAT_ID");
        omm_fail(file, v.line, v.column, "NORAD_CAT_ID: expected 0 to 999999999, got '" + v.text + "'");
    }
    e.catalogue_number = static_cast<std::uint32_t>(cat);
    if (const omm_value* v = find("CLASSIFICATION_TYPE"); v != nullptr && !v->text.empty()) {
        e.classification = v->text[0];
    }

    // EPOCH: YYYY-MM-DDTHH:MM:SS[.f...] UTC.
    const omm_value& ep = need("EPOCH");
    const std::string& et = ep.text;
    const auto bad_epoch = [&]() {
        omm_fail(file, ep.line, ep.column,
                 "EPOCH: expected a UTC time like 2024-07-05T12:00:00.000000, got '" + et + "'");
    };
    const auto digits_at = [&](std::size_t pos, std::size_t n) -> int {
        if (pos + n > et.size()) {
            bad_epoch();
        }
        int value = 0;
        for (std::size_t i = pos; i < pos + n; ++i) {
            if (et[i] < '0' || et[i] > '9') {
                bad_epoch();
            }
            value = value * 10 + (et[i] - '0');
        }
        return value;
    };
    if (et.size() < 19 || et[4] != '-' || et[7] != '-' || et[10] != 'T' || et[13] != ':' || et[16] != ':') {
        bad_epoch();
    }
    const int year = digits_at(0, 4);
    const int month = digits_at(5, 2);
    const int day = digits_at(8, 2);
    const int hour = digits_at(11, 2);
    const int minute = digits_at(14, 2);
    const int second = digits_at(17, 2);
    std::int64_t nanos = 0;
    std::size_t pos = 19;
    if (pos < et.size() && et[pos] == '.') {
        std::int64_t scale = 100'000'000;
        for (++pos; pos < et.size() && et[pos] >= '0' && et[pos] <= '9'; ++pos) {
            nanos += scale * (et[pos] - '0');
            scale /= 10;
        }
    }
    if (pos < et.size() && et[pos] == 'Z') {
        ++pos;
    }
    const int month_days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (pos != et.size() || month < 1 || month > 12 || day < 1 || day > month_days[month - 1] || hour > 23 ||
        minute > 59 || second > 59) {
        bad_epoch();
    }
    const std::int64_t doy = days_from_civil(year, month, day) - days_from_civil(year, 1, 1) + 1;
    const std::int64_t ns_of_day = ((hour * 60LL + minute) * 60LL + second) * 1'000'000'000LL + nanos;
    e.epoch_year = year;
    e.epoch_day_of_year = static_cast<double>(doy) + static_cast<double>(ns_of_day) / 86400e9;
    e.epoch_time = epoch_from_day(year, doy, ns_of_day);
    e.epoch_days_since_1949_12_31 = sgp4_epoch_days(year, e.epoch_day_of_year);

    e.mean_motion_dot_rad_per_min2 = number("MEAN_MOTION_DOT", false) / (xpdotp * 1440.0);
    e.mean_motion_ddot_rad_per_min3 = number("MEAN_MOTION_DDOT", false) / (xpdotp * 1440.0 * 1440.0);
    e.bstar_per_earth_radii = number("BSTAR", true);
    e.ephemeris_type = static_cast<int>(integer("EPHEMERIS_TYPE", false));
    e.element_set_number = static_cast<int>(integer("ELEMENT_SET_NO", false));
    const double incl = number("INCLINATION", true);
    if (incl < 0.0 || incl > 180.0) {
        const omm_value& v = need("INCLINATION");
        omm_fail(file, v.line, v.column, "INCLINATION: expected degrees 0 to 180, got '" + v.text + "'");
    }
    e.inclination_rad = incl * deg2rad;
    e.raan_rad = number("RA_OF_ASC_NODE", true) * deg2rad;
    e.eccentricity = number("ECCENTRICITY", true);
    if (e.eccentricity < 0.0 || e.eccentricity >= 1.0) {
        const omm_value& v = need("ECCENTRICITY");
        omm_fail(file, v.line, v.column, "ECCENTRICITY: expected 0 <= e < 1, got '" + v.text + "'");
    }
    e.arg_perigee_rad = number("ARG_OF_PERICENTER", true) * deg2rad;
    e.mean_anomaly_rad = number("MEAN_ANOMALY", true) * deg2rad;
    const double n = number("MEAN_MOTION", true);
    if (n <= 0.0) {
        const omm_value& v = need("MEAN_MOTION");
        omm_fail(file, v.line, v.column,
                 "MEAN_MOTION: expected a positive number of revolutions per day, got '" + v.text + "'");
    }
    e.mean_motion_rad_per_min = n / xpdotp;
    e.revolution_number = integer("REV_AT_EPOCH", false);
    return e;
}

/// Converts every record, collecting every error before failing.
std::vector<element_set> element_sets_of(const std::vector<omm_record>& records, std::string_view file) {
    std::vector<element_set> sets;
    std::string errors;
    for (const omm_record& rec : records) {
        try {
            sets.push_back(element_set_of(rec, file));
        } catch (const input_error& err) {
            errors += errors.empty() ? "" : "\n";
            errors += err.what();
        }
    }
    if (!errors.empty()) {
        throw input_error(errors);
    }
    return sets;
}

/// A reader of the JSON subset OMM files use: an array of flat objects of strings, numbers, booleans, nulls.
class json_reader {
public:
    json_reader(std::string_view text, std::string_view file) : m_text(text), m_file(file) {}

    std::vector<omm_record> records() {
        std::vector<omm_record> out;
        skip_space();
        if (peek() == '{') {
            out.push_back(object());  // a single object
        } else {
            expect('[', "'[' or '{'");
            skip_space();
            if (peek() == ']') {
                ++m_pos;
            } else {
                for (;;) {
                    skip_space();
                    out.push_back(object());
                    skip_space();
                    if (peek() == ',') {
                        ++m_pos;
                        continue;
                    }
                    expect(']', "',' or ']'");
                    break;
                }
            }
        }
        skip_space();
        if (m_pos != m_text.size()) {
            fail("end of the text");
        }
        return out;
    }

private:
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }

    void where(int& line, int& column) const {
        line = 1;
        column = 1;
        for (std::size_t i = 0; i < m_pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
    }

    [[noreturn]] void fail(std::string_view expected) const {
        int line = 0;
        int column = 0;
        where(line, column);
        const std::string got = m_pos < m_text.size() ? std::string(1, m_text[m_pos]) : std::string("end of text");
        omm_fail(m_file, line, column, "JSON: expected " + std::string(expected) + ", got '" + got + "'");
    }

    void skip_space() {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t')) {
            ++m_pos;
        }
    }

    void expect(char c, std::string_view what) {
        if (peek() != c) {
            fail(what);
        }
        ++m_pos;
    }

    std::string string_value() {
        expect('"', "a string");
        std::string out;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            char c = m_text[m_pos++];
            if (c == '\\') {
                if (m_pos >= m_text.size()) {
                    fail("an escaped character");
                }
                const char e = m_text[m_pos++];
                c = e == 'n' ? '\n' : (e == 't' ? '\t' : e);
                if (e == 'u') {
                    fail("no \\u escapes in OMM text");
                }
            }
            out += c;
        }
        expect('"', "a closing '\"'");
        return out;
    }

    omm_record object() {
        omm_record rec;
        where(rec.line, rec.column);
        expect('{', "'{'");
        skip_space();
        if (peek() == '}') {
            ++m_pos;
            return rec;
        }
        for (;;) {
            skip_space();
            std::string key = string_value();
            skip_space();
            expect(':', "':'");
            skip_space();
            omm_value v;
            where(v.line, v.column);
            if (peek() == '"') {
                v.text = string_value();
            } else {
                const std::size_t start = m_pos;
                while (m_pos < m_text.size() && std::string_view(",}] \n\r\t").find(m_text[m_pos]) ==
                                                    std::string_view::npos) {
                    ++m_pos;
                }
                v.text = std::string(m_text.substr(start, m_pos - start));
                if (v.text.empty()) {
                    fail("a value");
                }
                if (v.text == "null") {
                    v.text.clear();
                }
            }
            rec.fields.emplace_back(std::move(key), std::move(v));
            skip_space();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            expect('}', "',' or '}'");
            return rec;
        }
    }

    std::string_view m_text;
    std::string_view m_file;
    std::size_t m_pos = 0;
};

/// Splits one CSV line into fields with their 1-based columns (double quotes may enclose a field).
std::vector<std::pair<std::string, int>> csv_fields(std::string_view line) {
    std::vector<std::pair<std::string, int>> out;
    std::size_t i = 0;
    for (;;) {
        const int column = static_cast<int>(i) + 1;
        std::string field;
        if (i < line.size() && line[i] == '"') {
            ++i;
            while (i < line.size()) {
                if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                    field += '"';
                    i += 2;
                } else if (line[i] == '"') {
                    ++i;
                    break;
                } else {
                    field += line[i++];
                }
            }
            while (i < line.size() && line[i] != ',') {
                ++i;
            }
        } else {
            while (i < line.size() && line[i] != ',') {
                field += line[i++];
            }
        }
        out.emplace_back(std::string(trim(field)), column);
        if (i >= line.size()) {
            break;
        }
        ++i;  // the comma
    }
    return out;
}

}  // namespace

std::vector<element_set> parse_omm_json(std::string_view text, std::string_view file) {
    json_reader reader(text, file);
    return element_sets_of(reader.records(), file);
}

std::vector<element_set> parse_omm_csv(std::string_view text, std::string_view file) {
    std::vector<omm_record> records;
    std::vector<std::pair<std::string, int>> header;
    int number = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (trim(line).empty()) {
            continue;
        }
        auto fields = csv_fields(line);
        if (header.empty()) {
            header = std::move(fields);
            continue;
        }
        if (fields.size() != header.size()) {
            omm_fail(file, number, 1,
                     "CSV row: expected " + std::to_string(header.size()) + " fields as in the header, got " +
                         std::to_string(fields.size()));
        }
        omm_record rec;
        rec.line = number;
        rec.column = 1;
        for (std::size_t k = 0; k < fields.size(); ++k) {
            rec.fields.emplace_back(header[k].first, omm_value{fields[k].first, number, fields[k].second});
        }
        records.push_back(std::move(rec));
    }
    return element_sets_of(records, file);
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
