#pragma once
/// Time: `duration` and `epoch` as int64 nanoseconds; epochs count TAI since J2000.0.
///
/// J2000.0 is 2000-01-01T12:00:00 TT = 2000-01-01T11:59:27.816 TAI = 2000-01-01T11:58:55.816 UTC
/// (IAU 1991; TT = TAI + 32.184 s, IERS Conventions 2010 ch. 1). UTC is converted through the
/// leap-second table of IERS Bulletin C (valid from 1972-01-01; earlier UTC is a domain_error). Civil dates
/// (proleptic Gregorian) convert to day counts and back with exact integer arithmetic.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace kardashev {

/// A signed span of time in nanoseconds (int64: +-292 years).
class duration {
public:
    constexpr duration() = default;
    /// Returns a duration of `ns` nanoseconds.
    static constexpr duration from_ns(std::int64_t ns) noexcept { duration d; d.m_ns = ns; return d; }
    /// Returns the duration nearest to `s` seconds (rounded to the nanosecond).
    static duration from_seconds(double s);
    /// Returns a duration of whole days of 86400 s.
    static constexpr duration from_days(std::int64_t days) noexcept { return from_ns(days * 86'400'000'000'000LL); }
    /// Nanoseconds.
    [[nodiscard]] constexpr std::int64_t ns() const noexcept { return m_ns; }
    /// Seconds as a double.
    [[nodiscard]] constexpr double seconds() const noexcept { return static_cast<double>(m_ns) * 1e-9; }
    /// Days of 86400 s as a double.
    [[nodiscard]] constexpr double days() const noexcept { return seconds() / 86400.0; }

    constexpr duration operator+(duration o) const noexcept { return from_ns(m_ns + o.m_ns); }
    constexpr duration operator-(duration o) const noexcept { return from_ns(m_ns - o.m_ns); }
    constexpr duration operator-() const noexcept { return from_ns(-m_ns); }
    constexpr duration operator*(std::int64_t k) const noexcept { return from_ns(m_ns * k); }
    constexpr duration& operator+=(duration o) noexcept { m_ns += o.m_ns; return *this; }
    constexpr duration& operator-=(duration o) noexcept { m_ns -= o.m_ns; return *this; }
    constexpr auto operator<=>(const duration&) const = default;

private:
    std::int64_t m_ns = 0;
};

/// Julian date split in two doubles (day + fraction) so that the sum keeps nanosecond precision.
struct split_jd {
    double day = 0.0;       //!< integer or half-integer part [d]
    double fraction = 0.0;  //!< remainder [d]
    /// Returns day + fraction (loses precision; for printing and coarse use).
    [[nodiscard]] double total() const noexcept { return day + fraction; }
};

/// A date of the proleptic Gregorian calendar.
struct civil_date {
    int year = 2000;  //!< year (astronomical numbering: 0 = 1 BC)
    int month = 1;    //!< 1 to 12
    int day = 1;      //!< 1 to days_in_month(year, month)
    bool operator==(const civil_date&) const = default;
};

/// True when `year` is a leap year of the proleptic Gregorian calendar (divisible by 4, centuries only by 400).
[[nodiscard]] constexpr bool is_leap_year(int year) noexcept {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// Days in `month` (1 to 12) of `year`: 28 to 31.
[[nodiscard]] constexpr int days_in_month(int year, int month) noexcept {
    constexpr int length[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : length[month - 1];
}

/// True when `d` names a day of the calendar (month 1 to 12, day 1 to days_in_month).
[[nodiscard]] constexpr bool is_valid_date(const civil_date& d) noexcept {
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

/// Days from 2000-01-01 to `d` (negative before), exact; valid from 4713 BC (Julian day number >= 0).
/// Fliegel & Van Flandern (1968), Comm. ACM 11(10) 657, through the Julian day number (Meeus 1998 ch. 7).
[[nodiscard]] constexpr std::int64_t days_since_2000(const civil_date& d) noexcept {
    const std::int64_t y = d.year;
    const std::int64_t m = d.month;
    const std::int64_t a = (m - 14) / 12;  // truncating toward zero, as in the published FORTRAN
    const std::int64_t jdn = d.day - 32'075 + 1'461 * (y + 4'800 + a) / 4 + 367 * (m - 2 - a * 12) / 12 -
                             3 * ((y + 4'900 + a) / 100) / 4;
    return jdn - 2'451'545;  // the Julian day number of 2000-01-01
}

/// The date `days` after 2000-01-01: the inverse of days_since_2000 (Fliegel & Van Flandern 1968).
[[nodiscard]] constexpr civil_date civil_from_days_since_2000(std::int64_t days) noexcept {
    std::int64_t l = days + 2'451'545 + 68'569;
    const std::int64_t n = 4 * l / 146'097;
    l = l - (146'097 * n + 3) / 4;
    const std::int64_t i = 4'000 * (l + 1) / 1'461'001;
    l = l - 1'461 * i / 4 + 31;
    const std::int64_t j = 80 * l / 2'447;
    const std::int64_t day = l - 2'447 * j / 80;
    l = j / 11;
    const std::int64_t month = j + 2 - 12 * l;
    const std::int64_t year = 100 * (n - 49) + i + l;
    return {static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

/// Day of the year of `d`: 1 on 1 January, up to 365 or 366.
[[nodiscard]] constexpr int day_of_year(const civil_date& d) noexcept {
    return static_cast<int>(days_since_2000(d) - days_since_2000({d.year, 1, 1})) + 1;
}

/// Calendar fields of a UTC instant; `second` may be 60 during a leap second.
struct utc_fields {
    int year = 2000;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::int64_t nanosecond = 0;
    bool operator==(const utc_fields&) const = default;
};

/// An instant: TAI nanoseconds since J2000.0. Immutable value type.
class epoch {
public:
    constexpr epoch() = default;
    /// Returns the epoch `ns` TAI nanoseconds after J2000.0.
    static constexpr epoch from_tai_ns(std::int64_t ns) noexcept { epoch e; e.m_ns = ns; return e; }
    /// Parses ISO-8601 UTC: "2026-01-01", "2026-01-01T00:00:00", "...T00:00:00.5Z", "2016-12-31T23:59:60Z".
    /// Throws input_error naming what was expected.
    static epoch from_utc_iso(std::string_view text);
    /// Returns the epoch of the given UTC calendar fields; throws input_error when a field is out of range.
    static epoch from_utc(const utc_fields& f);
    /// TAI nanoseconds since J2000.0.
    [[nodiscard]] constexpr std::int64_t tai_ns() const noexcept { return m_ns; }
    /// UTC calendar fields (a leap second reads as second 60).
    [[nodiscard]] utc_fields to_utc() const;
    /// ISO-8601 UTC text: "2026-01-01T00:00:00Z", with ".fffffffff" trimmed of trailing zeros when not whole.
    [[nodiscard]] std::string to_utc_iso() const;
    /// ISO date "YYYY-MM-DD" of the UTC day.
    [[nodiscard]] std::string to_utc_date() const;
    /// TAI - UTC at this instant [s] (10 at 1972-01-01 .. 37 since 2017-01-01).
    [[nodiscard]] int tai_minus_utc_s() const;
    /// Julian date in TAI.
    [[nodiscard]] split_jd jd_tai() const noexcept;
    /// Julian date in TT (TAI + 32.184 s).
    [[nodiscard]] split_jd jd_tt() const noexcept;
    /// Julian date in UTC (the UTC day of a leap second is 86401 s long; JD is continuous as in SOFA's convention of counting it in the day fraction).
    [[nodiscard]] split_jd jd_utc() const;
    /// Julian date in UT1 = UTC + dut1_s (UT1 = UTC unless given).
    [[nodiscard]] split_jd jd_ut1(double dut1_s = 0.0) const;
    /// Julian years (365.25 d of TT) since J2000.0, i.e. the Julian epoch minus 2000; for plotting and growth laws.
    [[nodiscard]] double julian_years_since_j2000() const noexcept;

    constexpr epoch operator+(duration d) const noexcept { return from_tai_ns(m_ns + d.ns()); }
    constexpr epoch operator-(duration d) const noexcept { return from_tai_ns(m_ns - d.ns()); }
    constexpr duration operator-(epoch o) const noexcept { return duration::from_ns(m_ns - o.m_ns); }
    constexpr epoch& operator+=(duration d) noexcept { m_ns += d.ns(); return *this; }
    constexpr auto operator<=>(const epoch&) const = default;

private:
    std::int64_t m_ns = 0;
};

}  // namespace kardashev
