#include "kardashev/core/time.hpp"

#include "kardashev/core/error.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include <fmt/format.h>

namespace kardashev {
namespace {

constexpr std::int64_t ns_per_s = 1'000'000'000;
constexpr std::int64_t s_per_day = 86'400;
constexpr std::int64_t ns_per_day = s_per_day * ns_per_s;

// J2000.0 = 2000-01-01T12:00:00 TT = 2000-01-01T11:59:27.816 TAI (TT - TAI = 32.184 s, IERS
// Conventions 2010 ch. 1). Internally TAI is also counted from 2000-01-01T00:00:00 TAI ("TAI day
// count"); the epoch origin lies 43167.816 s into that day.
constexpr std::int64_t j2000_tai_second_of_day = 11 * 3600 + 59 * 60 + 27;
constexpr std::int64_t j2000_tai_ns_of_second = 816'000'000;
constexpr std::int64_t tt_minus_tai_ns = 32'184'000'000;
constexpr std::int64_t jdn_2000_01_01 = 2'451'545;  // Julian day number of 2000-01-01 (noon)

/// Quotient rounded toward minus infinity (b > 0).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    std::int64_t q = a / b;
    if (a % b != 0 && a < 0) {
        --q;
    }
    return q;
}

/// Remainder in [0, b) (b > 0).
constexpr std::int64_t floor_mod(std::int64_t a, std::int64_t b) noexcept { return a - floor_div(a, b) * b; }

/// One step of TAI - UTC: from 0h UTC of (year, month, 1) on, TAI - UTC = tai_minus_utc_s.
struct leap_step {
    int year;
    int month;
    int tai_minus_utc_s;
};

// TAI - UTC since the start of integral-second UTC, from IERS Bulletin C (the cumulative table
// published with each bulletin, e.g. https://hpiers.obspm.fr/iers/bul/bulc/Leap_Second.dat).
// The last step, 2017-01-01, was announced in Bulletin C 52 (2016); later instants keep 37 s until a
// new row is added here.
constexpr std::array<leap_step, 28> leap_table{{
    {1972, 1, 10}, {1972, 7, 11}, {1973, 1, 12}, {1974, 1, 13}, {1975, 1, 14}, {1976, 1, 15},
    {1977, 1, 16}, {1978, 1, 17}, {1979, 1, 18}, {1980, 1, 19}, {1981, 7, 20}, {1982, 7, 21},
    {1983, 7, 22}, {1985, 7, 23}, {1988, 1, 24}, {1990, 1, 25}, {1991, 1, 26}, {1992, 7, 27},
    {1993, 7, 28}, {1994, 7, 29}, {1996, 1, 30}, {1997, 7, 31}, {1999, 1, 32}, {2006, 1, 33},
    {2009, 1, 34}, {2012, 7, 35}, {2015, 7, 36}, {2017, 1, 37},
}};

/// UTC day (days since 2000-01-01) on which each row of leap_table starts.
constexpr std::array<std::int64_t, leap_table.size()> leap_start_day = [] {
    std::array<std::int64_t, leap_table.size()> days{};
    for (std::size_t i = 0; i < leap_table.size(); ++i) {
        days[i] = days_since_2000({leap_table[i].year, leap_table[i].month, 1});
    }
    return days;
}();

// Every step since 1972 inserted one second; the leap-second handling below relies on it.
constexpr bool leap_steps_are_one_second() {
    for (std::size_t i = 1; i < leap_table.size(); ++i) {
        if (leap_table[i].tai_minus_utc_s - leap_table[i - 1].tai_minus_utc_s != 1) {
            return false;
        }
    }
    return true;
}
static_assert(leap_steps_are_one_second());
static_assert(days_since_2000({2000, 1, 1}) == 0);

/// Index of the leap_table row in effect on UTC day `day`, or -1 before 1972-01-01.
int leap_row_for_utc_day(std::int64_t day) noexcept {
    int row = -1;
    for (std::size_t i = 0; i < leap_table.size() && leap_start_day[i] <= day; ++i) {
        row = static_cast<int>(i);
    }
    return row;
}

/// True when UTC day `day` ends with an inserted leap second (it is 86401 s long).
bool is_leap_second_day(std::int64_t day) noexcept {
    for (std::size_t i = 1; i < leap_table.size(); ++i) {
        if (leap_start_day[i] - 1 == day) {
            return true;
        }
    }
    return false;
}

/// An instant as whole seconds and nanoseconds of the TAI day count (from 2000-01-01T00:00:00 TAI).
struct tai_count {
    std::int64_t s;
    std::int64_t ns;  // [0, 1e9)
};

tai_count tai_count_of(std::int64_t tai_ns) noexcept {
    tai_count t{floor_div(tai_ns, ns_per_s) + j2000_tai_second_of_day,
                floor_mod(tai_ns, ns_per_s) + j2000_tai_ns_of_second};
    if (t.ns >= ns_per_s) {
        t.ns -= ns_per_s;
        ++t.s;
    }
    return t;
}

/// "YYYY-MM-DDTHH:MM:SS" of a TAI instant, for messages about instants UTC cannot name.
std::string tai_calendar_text(const tai_count& t) {
    const civil_date c = civil_from_days_since_2000(floor_div(t.s, s_per_day));
    const std::int64_t sod = floor_mod(t.s, s_per_day);
    return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d} TAI", c.year, c.month, c.day, sod / 3600,
                       sod / 60 % 60, sod % 60);
}

/// A UTC instant as a day, the second of that day (86400 during a leap second) and nanoseconds.
struct utc_count {
    std::int64_t day;           // days since 2000-01-01
    std::int64_t second;        // [0, 86400], 86400 only during a leap second
    std::int64_t ns;            // [0, 1e9)
    int tai_minus_utc_s;        // in effect at this instant (the old value during a leap second)
    std::int64_t day_length_s;  // 86400, or 86401 on a leap-second day
};

utc_count utc_count_of(std::int64_t tai_ns) {
    const tai_count t = tai_count_of(tai_ns);
    // Row i is in effect from TAI instant leap_start_day[i] * 86400 + (TAI - UTC)_i on.
    int row = -1;
    for (std::size_t i = 0; i < leap_table.size(); ++i) {
        if (t.s < leap_start_day[i] * s_per_day + leap_table[i].tai_minus_utc_s) {
            break;
        }
        row = static_cast<int>(i);
    }
    if (row < 0) {
        throw domain_error("UTC before 1972-01-01 is outside the leap-second table (IERS Bulletin C); got " +
                           tai_calendar_text(t));
    }
    const auto r = static_cast<std::size_t>(row);
    const int dat = leap_table[r].tai_minus_utc_s;
    if (r + 1 < leap_table.size()) {
        // The inserted second 23:59:60 spans [next start - 1 s, next start) in TAI.
        const std::int64_t next_start = leap_start_day[r + 1] * s_per_day + leap_table[r + 1].tai_minus_utc_s;
        if (t.s == next_start - 1) {
            return {leap_start_day[r + 1] - 1, s_per_day, t.ns, dat, s_per_day + 1};
        }
    }
    const std::int64_t utc_s = t.s - dat;
    const std::int64_t day = floor_div(utc_s, s_per_day);
    return {day, floor_mod(utc_s, s_per_day), t.ns, dat, is_leap_second_day(day) ? s_per_day + 1 : s_per_day};
}

/// Checks the UTC fields that need no leap-second table; false with `why` naming the bad field.
bool check_fields(const utc_fields& f, std::string& why) {
    if (f.year < 1 || f.year > 9999) {
        why = fmt::format("year {} is not 1-9999", f.year);
    } else if (f.month < 1 || f.month > 12) {
        why = fmt::format("month {} is not 1-12", f.month);
    } else if (f.day < 1 || f.day > days_in_month(f.year, f.month)) {
        why = fmt::format("day {} is not 1-{} in {:04d}-{:02d}", f.day, days_in_month(f.year, f.month), f.year,
                          f.month);
    } else if (f.hour < 0 || f.hour > 23) {
        why = fmt::format("hour {} is not 0-23", f.hour);
    } else if (f.minute < 0 || f.minute > 59) {
        why = fmt::format("minute {} is not 0-59", f.minute);
    } else if (f.second < 0 || f.second > 60) {
        why = fmt::format("second {} is not 0-60", f.second);
    } else if (f.nanosecond < 0 || f.nanosecond >= ns_per_s) {
        why = fmt::format("nanosecond {} is not 0-999999999", f.nanosecond);
    } else {
        return true;
    }
    return false;
}

std::string fields_text(const utc_fields& f) {
    return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}", f.year, f.month, f.day, f.hour, f.minute,
                       f.second);
}

/// The epoch of valid-looking fields; throws domain_error before 1972 and input_error for a second 60
/// outside a leap second or an instant beyond the int64 range, with `why` naming the reason.
epoch epoch_of_fields(const utc_fields& f, std::string& why) {
    const std::int64_t day = days_since_2000({f.year, f.month, f.day});
    const int row = leap_row_for_utc_day(day);
    if (row < 0) {
        throw domain_error("UTC before 1972-01-01 is outside the leap-second table (IERS Bulletin C); got " +
                           fields_text(f) + "Z");
    }
    if (f.second == 60 && !(f.hour == 23 && f.minute == 59 && is_leap_second_day(day))) {
        why = is_leap_second_day(day)
                  ? "a leap second is 23:59:60"
                  : fmt::format("{:04d}-{:02d}-{:02d} has no leap second", f.year, f.month, f.day);
        throw input_error("UTC fields out of range: " + fields_text(f) + ": " + why);
    }
    const std::int64_t tai_s = day * s_per_day + f.hour * 3600 + f.minute * 60 + f.second +
                               leap_table[static_cast<std::size_t>(row)].tai_minus_utc_s;
    const std::int64_t s_from_j2000 = tai_s - j2000_tai_second_of_day;
    constexpr std::int64_t max_ns = std::numeric_limits<std::int64_t>::max();
    // tai_ns = (s_from_j2000 - 1) * 1e9 + ns_part with ns_part in (0, 2e9): each step checked against int64.
    const std::int64_t whole_s = s_from_j2000 - 1;
    const std::int64_t ns_part = f.nanosecond - j2000_tai_ns_of_second + ns_per_s;
    if (whole_s > max_ns / ns_per_s || whole_s * ns_per_s > max_ns - ns_part) {
        why = "beyond the range of an epoch, which ends on 2292-04-11";
        throw input_error("UTC " + fields_text(f) + "Z is " + why);
    }
    return epoch::from_tai_ns(whole_s * ns_per_s + ns_part);
}

/// Reads exactly `n` decimal digits at `pos`; false (and `value` unchanged) when they are not there.
bool read_digits(std::string_view text, std::size_t& pos, std::size_t n, std::int64_t& value) {
    if (pos + n > text.size()) {
        return false;
    }
    std::int64_t v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
        v = v * 10 + (text[i] - '0');
    }
    pos += n;
    value = v;
    return true;
}

bool read_char(std::string_view text, std::size_t& pos, char c) {
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

/// Splits a TAI-like uniform count of (whole days since 2000-01-01, nanoseconds) into a Julian date
/// whose day part is the JD of 0h (half-integer).
split_jd jd_from_midnight(std::int64_t day, std::int64_t ns_of_day) noexcept {
    day += floor_div(ns_of_day, ns_per_day);
    ns_of_day = floor_mod(ns_of_day, ns_per_day);
    return {static_cast<double>(jdn_2000_01_01 + day) - 0.5,
            static_cast<double>(ns_of_day) / static_cast<double>(ns_per_day)};
}

}  // namespace

duration duration::from_seconds(double s) {
    // NOTE: the bound keeps whole seconds * 1e9 inside int64 (+-9.22e9 s).
    if (!std::isfinite(s) || std::fabs(s) > 9.2e9) {
        throw input_error(fmt::format("a duration of {} s is outside the range of a duration (+-291 years)", s));
    }
    const double whole = std::floor(s);
    const double fraction = s - whole;  // exact (Sterbenz)
    return from_ns(static_cast<std::int64_t>(whole) * ns_per_s + std::llround(fraction * 1e9));
}

epoch epoch::from_utc(const utc_fields& f) {
    std::string why;
    if (!check_fields(f, why)) {
        throw input_error("UTC fields out of range: " + why);
    }
    return epoch_of_fields(f, why);
}

epoch epoch::from_utc_iso(std::string_view text) {
    const std::string expected =
        "expected an ISO-8601 UTC date such as \"2026-01-01T00:00:00Z\", got \"" + std::string(text) + "\"";
    utc_fields f;
    std::size_t pos = 0;
    std::int64_t year = 0;
    std::int64_t month = 0;
    std::int64_t day = 0;
    std::int64_t hour = 0;
    std::int64_t minute = 0;
    std::int64_t second = 0;
    std::int64_t nanosecond = 0;
    bool ok = read_digits(text, pos, 4, year) && read_char(text, pos, '-') && read_digits(text, pos, 2, month) &&
              read_char(text, pos, '-') && read_digits(text, pos, 2, day);
    if (ok && pos < text.size()) {
        ok = read_char(text, pos, 'T') && read_digits(text, pos, 2, hour) && read_char(text, pos, ':') &&
             read_digits(text, pos, 2, minute) && read_char(text, pos, ':') && read_digits(text, pos, 2, second);
        if (ok && read_char(text, pos, '.')) {
            std::size_t digits = 0;
            std::int64_t digit = 0;
            while (digits < 10 && read_digits(text, pos, 1, digit)) {
                nanosecond = nanosecond * 10 + digit;
                ++digits;
            }
            ok = digits >= 1 && digits <= 9;
            for (; digits < 9; ++digits) {
                nanosecond *= 10;
            }
        }
        read_char(text, pos, 'Z');
        ok = ok && pos == text.size();
    }
    if (!ok) {
        throw input_error(expected);
    }
    f.year = static_cast<int>(year);
    f.month = static_cast<int>(month);
    f.day = static_cast<int>(day);
    f.hour = static_cast<int>(hour);
    f.minute = static_cast<int>(minute);
    f.second = static_cast<int>(second);
    f.nanosecond = nanosecond;
    std::string why;
    if (!check_fields(f, why)) {
        throw input_error(expected);
    }
    try {
        return epoch_of_fields(f, why);
    } catch (const input_error&) {
        throw input_error(expected + " (" + why + ")");
    }
}

utc_fields epoch::to_utc() const {
    const utc_count u = utc_count_of(m_ns);
    const civil_date c = civil_from_days_since_2000(u.day);
    utc_fields f;
    f.year = c.year;
    f.month = c.month;
    f.day = c.day;
    if (u.second >= s_per_day) {
        f.hour = 23;
        f.minute = 59;
        f.second = 60;
    } else {
        f.hour = static_cast<int>(u.second / 3600);
        f.minute = static_cast<int>(u.second / 60 % 60);
        f.second = static_cast<int>(u.second % 60);
    }
    f.nanosecond = u.ns;
    return f;
}

std::string epoch::to_utc_iso() const {
    const utc_fields f = to_utc();
    std::string text = fields_text(f);
    if (f.nanosecond != 0) {
        std::string fraction = fmt::format(".{:09d}", f.nanosecond);
        while (fraction.back() == '0') {
            fraction.pop_back();
        }
        text += fraction;
    }
    return text + "Z";
}

std::string epoch::to_utc_date() const {
    const utc_fields f = to_utc();
    return fmt::format("{:04d}-{:02d}-{:02d}", f.year, f.month, f.day);
}

int epoch::tai_minus_utc_s() const { return utc_count_of(m_ns).tai_minus_utc_s; }

split_jd epoch::jd_tai() const noexcept {
    // JD(TAI) = 2451545.0 at TAI 12:00:00 of 2000-01-01, 32.184 s after the epoch origin.
    std::int64_t day = floor_div(m_ns, ns_per_day);
    std::int64_t ns = floor_mod(m_ns, ns_per_day) - tt_minus_tai_ns;
    if (ns < 0) {
        ns += ns_per_day;
        --day;
    }
    return {static_cast<double>(jdn_2000_01_01 + day), static_cast<double>(ns) / static_cast<double>(ns_per_day)};
}

split_jd epoch::jd_tt() const noexcept {
    // JD(TT) = 2451545.0 exactly at the epoch origin (J2000.0).
    return {static_cast<double>(jdn_2000_01_01 + floor_div(m_ns, ns_per_day)),
            static_cast<double>(floor_mod(m_ns, ns_per_day)) / static_cast<double>(ns_per_day)};
}

split_jd epoch::jd_utc() const {
    // SOFA iauDtf2d convention: the fraction of a leap-second day is the second of day / 86401.
    const utc_count u = utc_count_of(m_ns);
    return {static_cast<double>(jdn_2000_01_01 + u.day) - 0.5,
            static_cast<double>(u.second * ns_per_s + u.ns) / static_cast<double>(u.day_length_s * ns_per_s)};
}

split_jd epoch::jd_ut1(double dut1_s) const {
    // UT1 = TAI - (TAI - UTC) + (UT1 - UTC), a uniform count of 86400 s days (SOFA iauUtcut1).
    if (!(std::fabs(dut1_s) <= 1.0)) {
        throw domain_error(fmt::format("UT1 - UTC is kept within 0.9 s by leap seconds; got {} s", dut1_s));
    }
    const utc_count u = utc_count_of(m_ns);
    const tai_count t = tai_count_of(m_ns);
    const std::int64_t s = t.s - u.tai_minus_utc_s;
    const std::int64_t ns_of_day = floor_mod(s, s_per_day) * ns_per_s + t.ns + std::llround(dut1_s * 1e9);
    return jd_from_midnight(floor_div(s, s_per_day), ns_of_day);
}

double epoch::julian_years_since_j2000() const noexcept {
    return static_cast<double>(m_ns) / (365.25 * static_cast<double>(ns_per_day));
}

}  // namespace kardashev
