// OMM element sets: CCSDS Orbit Mean-elements Message keys as CelesTrak serves them, from records of the JSON
// reader (omm_json.cpp) or CSV rows, converted with the units and conversions of a TLE.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "element_epoch.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/text.hpp"
#include "kardashev/orbit/tle.hpp"
#include "omm_record.hpp"

namespace kardashev::orbit {

namespace detail {

void omm_fail(std::string_view file, int line, int column, const std::string& message) {
    throw input_error(std::string(file) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message);
}

namespace {

/// The values of one record by key, read as numbers that fail at the value's place.
class record_reader {
public:
    record_reader(const omm_record& rec, std::string_view file) : m_rec(rec), m_file(file) {}

    /// The value of `key`, or nullptr when the record has none.
    [[nodiscard]] const omm_value* find(std::string_view key) const {
        for (const auto& [k, v] : m_rec.fields) {
            if (k == key) {
                return &v;
            }
        }
        return nullptr;
    }

    /// The value of `key`; fails at the record when it is missing or null.
    [[nodiscard]] const omm_value& need(std::string_view key) const {
        const omm_value* v = find(key);
        if (v == nullptr || v->text.empty()) {
            omm_fail(m_file, m_rec.line, m_rec.column, "OMM record: expected key " + std::string(key));
        }
        return *v;
    }

    /// The finite number of `key`; 0 when it is missing or null and not required.
    [[nodiscard]] double number(std::string_view key, bool required) const {
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
        if (t.empty() || ec != std::errc() || ptr != t.data() + t.size() || (value != 0.0 && !std::isnormal(value))) {
            fail_at(*v, std::string(key) + ": expected a number, got '" + v->text + "'");
        }
        return value;
    }

    /// The whole number of `key` (below 9e15 in magnitude); 0 when it is missing or null and not required.
    [[nodiscard]] std::int64_t integer(std::string_view key, bool required) const {
        const double d = number(key, required);
        if (d != std::floor(d) || std::fabs(d) > 9.0e15) {
            const omm_value* v = find(key);
            fail_at(*v, std::string(key) + ": expected an integer, got '" + v->text + "'");
        }
        return static_cast<std::int64_t>(d);
    }

    /// The number of a required `key`; fails with "KEY: expected `expected`, got '...'" unless `in_range`.
    template <typename Check>
    [[nodiscard]] double number_in(std::string_view key, std::string_view expected, Check in_range) const {
        const double value = number(key, true);
        if (!in_range(value)) {
            const omm_value& v = need(key);
            fail_at(v, std::string(key) + ": expected " + std::string(expected) + ", got '" + v.text + "'");
        }
        return value;
    }

    /// Throws input_error at the place of `v`.
    [[noreturn]] void fail_at(const omm_value& v, const std::string& message) const {
        omm_fail(m_file, v.line, v.column, message);
    }

private:
    const omm_record& m_rec;
    std::string_view m_file;
};

/// An OMM EPOCH: the UTC date, and the time of day in nanoseconds.
struct omm_epoch {
    civil_date date;
    std::int64_t ns_of_day = 0;
};

/// Reads EPOCH, YYYY-MM-DDTHH:MM:SS[.f...][Z] UTC, and checks the date against the calendar.
omm_epoch read_epoch(const record_reader& r) {
    const omm_value& ep = r.need("EPOCH");
    const std::string& et = ep.text;
    const auto bad_epoch = [&](const std::string& why) {
        r.fail_at(ep, "EPOCH: expected a UTC time like 2024-07-05T12:00:00.000000, got '" + et + "'" + why);
    };
    const auto digits_at = [&](std::size_t pos, std::size_t n) -> int {
        if (pos + n > et.size()) {
            bad_epoch("");
        }
        int value = 0;
        for (std::size_t i = pos; i < pos + n; ++i) {
            if (et[i] < '0' || et[i] > '9') {
                bad_epoch("");
            }
            value = value * 10 + (et[i] - '0');
        }
        return value;
    };
    if (et.size() < 19 || et[4] != '-' || et[7] != '-' || et[10] != 'T' || et[13] != ':' || et[16] != ':') {
        bad_epoch("");
    }
    const civil_date date{digits_at(0, 4), digits_at(5, 2), digits_at(8, 2)};
    // NOTE: the first satellite flew in 1957; past 2200 the time type (int64 ns from 2000) draws near its end.
    if (date.year < 1957 || date.year >= 2200) {
        bad_epoch(" (a year 1957 to 2199)");
    }
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
    if (pos != et.size() || date.month < 1 || date.month > 12 || date.day < 1 || hour > 23 || minute > 59 ||
        second > 59) {
        bad_epoch("");
    }
    if (!is_valid_date(date)) {
        bad_epoch(fmt::format(" ({:04d}-{:02d} has {} days)", date.year, date.month,
                              days_in_month(date.year, date.month)));
    }
    return {date, ((hour * 60LL + minute) * 60LL + second) * 1'000'000'000LL + nanos};
}

/// Name, designator, catalogue number and classification.
void read_identity(const record_reader& r, element_set& e) {
    if (const omm_value* v = r.find("OBJECT_NAME")) {
        e.name = v->text;
    }
    if (const omm_value* v = r.find("OBJECT_ID")) {
        // "1998-067A" -> "98067A" as in TLE columns 10-17
        const std::string& id = v->text;
        e.international_designator = id.size() > 5 && id[4] == '-' ? id.substr(2, 2) + id.substr(5) : id;
    }
    const std::int64_t cat = r.integer("NORAD_CAT_ID", true);
    if (cat < 0 || cat > 999'999'999) {
        const omm_value& v = r.need("NORAD_CAT_ID");
        r.fail_at(v, "NORAD_CAT_ID: expected 0 to 999999999, got '" + v.text + "'");
    }
    e.catalogue_number = static_cast<std::uint32_t>(cat);
    if (const omm_value* v = r.find("CLASSIFICATION_TYPE"); v != nullptr && !v->text.empty()) {
        e.classification = v->text[0];
    }
}

/// The epoch in the three forms an element set carries.
void set_epoch(const omm_epoch& ep, element_set& e) {
    const int year = ep.date.year;
    const std::int64_t doy = day_of_year(ep.date);
    e.epoch_year = year;
    e.epoch_day_of_year = static_cast<double>(doy) + static_cast<double>(ep.ns_of_day) / 86400e9;
    e.epoch_time = epoch_from_day(year, doy, ep.ns_of_day);
    e.epoch_days_since_1949_12_31 = sgp4_epoch_days(year, e.epoch_day_of_year);
}

/// The mean elements and drag terms, in SGP4's units.
void read_elements(const record_reader& r, element_set& e) {
    e.mean_motion_dot_rad_per_min2 = r.number("MEAN_MOTION_DOT", false) / (xpdotp * 1440.0);
    e.mean_motion_ddot_rad_per_min3 = r.number("MEAN_MOTION_DDOT", false) / (xpdotp * 1440.0 * 1440.0);
    e.bstar_per_earth_radii = r.number("BSTAR", true);
    e.ephemeris_type = static_cast<int>(r.integer("EPHEMERIS_TYPE", false));
    e.element_set_number = static_cast<int>(r.integer("ELEMENT_SET_NO", false));
    const double incl = r.number_in("INCLINATION", "degrees 0 to 180", [](double v) { return v >= 0.0 && v <= 180.0; });
    e.inclination_rad = incl * deg2rad;
    const auto angle = [](double v) { return v >= -360.0 && v <= 360.0; };
    e.raan_rad = r.number_in("RA_OF_ASC_NODE", "degrees -360 to 360", angle) * deg2rad;
    e.eccentricity = r.number_in("ECCENTRICITY", "0 <= e < 1", [](double v) { return v >= 0.0 && v < 1.0; });
    e.arg_perigee_rad = r.number_in("ARG_OF_PERICENTER", "degrees -360 to 360", angle) * deg2rad;
    e.mean_anomaly_rad = r.number_in("MEAN_ANOMALY", "degrees -360 to 360", angle) * deg2rad;
    const double n = r.number_in("MEAN_MOTION", "a positive number of revolutions per day, at most 100",
                                 [](double v) { return v > 0.0 && v <= max_mean_motion_rev_per_day; });
    e.mean_motion_rad_per_min = n / xpdotp;
    e.revolution_number = r.integer("REV_AT_EPOCH", false);
}

/// Element set of one OMM record.
element_set element_set_of(const omm_record& rec, std::string_view file) {
    const record_reader r(rec, file);
    element_set e;
    read_identity(r, e);
    set_epoch(read_epoch(r), e);
    read_elements(r, e);
    return e;
}

}  // namespace

void element_set_collector::add(const omm_record& rec) {
    try {
        m_sets.push_back(element_set_of(rec, m_file));
    } catch (const input_error& err) {
        m_errors += m_errors.empty() ? "" : "\n";
        m_errors += err.what();
    }
}

std::vector<element_set> element_set_collector::finish() {
    if (!m_errors.empty()) {
        throw input_error(m_errors);
    }
    return std::move(m_sets);
}

}  // namespace detail

namespace {

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

std::vector<element_set> parse_omm_csv(std::string_view text, std::string_view file) {
    detail::element_set_collector sets(file);
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
            detail::omm_fail(file, number, 1,
                             "CSV row: expected " + std::to_string(header.size()) + " fields as in the header, got " +
                                 std::to_string(fields.size()));
        }
        detail::omm_record rec;
        rec.line = number;
        rec.column = 1;
        for (std::size_t k = 0; k < fields.size(); ++k) {
            rec.fields.emplace_back(header[k].first, detail::omm_value{fields[k].first, number, fields[k].second});
        }
        sets.add(rec);
    }
    return sets.finish();
}

}  // namespace kardashev::orbit
