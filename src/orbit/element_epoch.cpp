#include "element_epoch.hpp"

#include <cmath>

namespace kardashev::orbit::detail {

double sgp4_epoch_days(int year, double days) {
    // NOTE: V06 gives February 29 days when year % 4 == 0; the same as the Gregorian calendar from 1901 to 2099.
    const int dayofyr = static_cast<int>(std::floor(days));
    int i = 1;
    int inttemp = 0;
    while (dayofyr > inttemp + days_in_month(year, i) && i < 12) {
        inttemp = inttemp + days_in_month(year, i);
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

epoch epoch_from_day(int year, std::int64_t doy, std::int64_t ns_of_day) {
    const std::int64_t day_number = days_since_2000({year, 1, 1}) + doy - 1;
    const civil_date date = civil_from_days_since_2000(day_number);
    utc_fields f;
    f.year = date.year;
    f.month = date.month;
    f.day = date.day;
    f.hour = static_cast<int>(ns_of_day / 3'600'000'000'000LL);
    f.minute = static_cast<int>(ns_of_day / 60'000'000'000LL % 60);
    f.second = static_cast<int>(ns_of_day / 1'000'000'000LL % 60);
    f.nanosecond = ns_of_day % 1'000'000'000LL;
    if (year >= 1972) {
        return epoch::from_utc(f);
    }
    // NOTE: UTC before 1972 had no leap-second table; such epochs use TAI - UTC = 10 s (its 1972 value).
    const utc_fields start{1972, 1, 1, 0, 0, 0, 0};
    const std::int64_t days_before = days_since_2000({1972, 1, 1}) - day_number;
    return epoch::from_utc(start) - duration::from_days(days_before) + duration::from_ns(ns_of_day);
}

}  // namespace kardashev::orbit::detail
