// Time scales, the leap-second table and ISO-8601 UTC text (src/core/time.cpp, docs/models/core.md).
#include "kardashev/core/error.hpp"
#include "kardashev/core/rng.hpp"
#include "kardashev/core/time.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace kardashev {
namespace {

constexpr std::int64_t ns_per_s = 1'000'000'000;

std::string iso_error(const std::string& text) {
    return "expected an ISO-8601 UTC date such as \"2026-01-01T00:00:00Z\", got \"" + text + "\"";
}

template <typename Error, typename F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "<no exception>";
}

TEST(time, j2000_tt_is_julian_date_2451545_exactly) {
    const split_jd jd = epoch{}.jd_tt();
    EXPECT_EQ(jd.day, 2451545.0);
    EXPECT_EQ(jd.fraction, 0.0);
    EXPECT_EQ(jd.total(), 2451545.0);
}

TEST(time, utc_noon_of_2000_01_01_is_64_184_s_after_j2000) {
    // UTC 12:00:00 = TAI 12:00:32 (TAI - UTC = 32 s in 2000); J2000.0 = TAI 11:59:27.816.
    EXPECT_EQ(epoch::from_utc_iso("2000-01-01T12:00:00Z").tai_ns(), 64'184'000'000);
}

TEST(time, j2000_reads_as_utc_11_58_55_816) {
    EXPECT_EQ(epoch{}.to_utc_iso(), "2000-01-01T11:58:55.816Z");
}

TEST(time, jd_tai_of_j2000_is_32_184_s_before_noon) {
    const split_jd jd = epoch{}.jd_tai();
    EXPECT_EQ(jd.day, 2451544.0);
    EXPECT_DOUBLE_EQ(jd.fraction, (86400.0 - 32.184) / 86400.0);
}

TEST(time, jd_tt_keeps_nanoseconds_in_the_fraction) {
    const split_jd jd = epoch::from_tai_ns(1).jd_tt();
    EXPECT_EQ(jd.day, 2451545.0);
    EXPECT_DOUBLE_EQ(jd.fraction, 1e-9 / 86400.0);
    const split_jd before = epoch::from_tai_ns(-1).jd_tt();
    EXPECT_EQ(before.day, 2451544.0);
    EXPECT_DOUBLE_EQ(before.fraction, 1.0 - 1e-9 / 86400.0);
}

TEST(time, jd_utc_of_leap_second_table_dates_matches_bulletin_c_mjd) {
    // Bulletin C lists 1972-01-01 as MJD 41317 and 2017-01-01 as MJD 57754; JD = MJD + 2400000.5.
    const split_jd jd1972 = epoch::from_utc_iso("1972-01-01").jd_utc();
    EXPECT_EQ(jd1972.day, 2400000.5 + 41317.0);
    EXPECT_EQ(jd1972.fraction, 0.0);
    const split_jd jd2017 = epoch::from_utc_iso("2017-01-01T00:00:00Z").jd_utc();
    EXPECT_EQ(jd2017.day, 2400000.5 + 57754.0);
    EXPECT_EQ(jd2017.fraction, 0.0);
}

TEST(time, jd_utc_of_a_leap_second_counts_it_in_an_86401_s_day) {
    const split_jd jd = epoch::from_utc_iso("2016-12-31T23:59:60Z").jd_utc();
    EXPECT_EQ(jd.day, 2400000.5 + 57753.0);
    EXPECT_DOUBLE_EQ(jd.fraction, 86400.0 / 86401.0);
    const split_jd noon = epoch::from_utc_iso("2016-12-31T12:00:00Z").jd_utc();
    EXPECT_DOUBLE_EQ(noon.fraction, 43200.0 / 86401.0);
}

TEST(time, jd_ut1_adds_dut1_to_utc) {
    const epoch e = epoch::from_utc_iso("2026-01-01T06:00:00Z");
    const split_jd utc = e.jd_utc();
    const split_jd ut1 = e.jd_ut1(0.25);
    EXPECT_EQ(ut1.day, utc.day);
    EXPECT_DOUBLE_EQ(ut1.fraction, 0.25 + 0.25 / 86400.0);
    const split_jd same = e.jd_ut1();
    EXPECT_EQ(same.day, utc.day);
    EXPECT_EQ(same.fraction, utc.fraction);
}

TEST(time, jd_ut1_rejects_dut1_beyond_one_second) {
    EXPECT_THROW((void)epoch{}.jd_ut1(1.5), domain_error);
}

TEST(time, tai_minus_utc_follows_the_bulletin_c_steps) {
    EXPECT_EQ(epoch::from_utc_iso("1972-01-01T00:00:00Z").tai_minus_utc_s(), 10);
    EXPECT_EQ(epoch::from_utc_iso("1972-06-30T23:59:60Z").tai_minus_utc_s(), 10);
    EXPECT_EQ(epoch::from_utc_iso("1972-07-01T00:00:00Z").tai_minus_utc_s(), 11);
    EXPECT_EQ(epoch::from_utc_iso("2000-01-01").tai_minus_utc_s(), 32);
    EXPECT_EQ(epoch::from_utc_iso("2016-12-31T23:59:59Z").tai_minus_utc_s(), 36);
    EXPECT_EQ(epoch::from_utc_iso("2016-12-31T23:59:60.999999999Z").tai_minus_utc_s(), 36);
    EXPECT_EQ(epoch::from_utc_iso("2017-01-01T00:00:00Z").tai_minus_utc_s(), 37);
    EXPECT_EQ(epoch::from_utc_iso("2036-01-01").tai_minus_utc_s(), 37);
}

TEST(time, utc_before_1972_is_a_domain_error) {
    EXPECT_THROW((void)epoch::from_utc_iso("1971-12-31T23:59:59Z"), domain_error);
    EXPECT_EQ(message_of<domain_error>([] { (void)epoch::from_utc_iso("1970-01-01"); }),
              "UTC before 1972-01-01 is outside the leap-second table (IERS Bulletin C); got 1970-01-01T00:00:00Z");
    // 1972-01-01T00:00:00 UTC = 00:00:10 TAI; one nanosecond earlier has no UTC name here.
    const epoch first = epoch::from_utc_iso("1972-01-01");
    EXPECT_EQ(first.to_utc_iso(), "1972-01-01T00:00:00Z");
    EXPECT_EQ(message_of<domain_error>([&] { (void)(first - duration::from_ns(1)).to_utc(); }),
              "UTC before 1972-01-01 is outside the leap-second table (IERS Bulletin C); got 1972-01-01T00:00:09 TAI");
    EXPECT_THROW((void)(first - duration::from_ns(1)).tai_minus_utc_s(), domain_error);
    EXPECT_THROW((void)(first - duration::from_ns(1)).jd_utc(), domain_error);
}

TEST(time, leap_second_2016_prints_as_second_60) {
    const epoch leap = epoch::from_utc_iso("2016-12-31T23:59:60Z");
    EXPECT_EQ(leap.to_utc_iso(), "2016-12-31T23:59:60Z");
    const utc_fields f = leap.to_utc();
    EXPECT_EQ(f, (utc_fields{2016, 12, 31, 23, 59, 60, 0}));
    EXPECT_EQ(leap.to_utc_date(), "2016-12-31");
}

TEST(time, leap_second_2016_lasts_one_second_between_its_neighbours) {
    const epoch before = epoch::from_utc_iso("2016-12-31T23:59:59Z");
    const epoch leap = epoch::from_utc_iso("2016-12-31T23:59:60Z");
    const epoch after = epoch::from_utc_iso("2017-01-01T00:00:00Z");
    EXPECT_EQ((leap - before).ns(), ns_per_s);
    EXPECT_EQ((after - leap).ns(), ns_per_s);
    EXPECT_EQ((before + duration::from_ns(ns_per_s - 1)).to_utc_iso(), "2016-12-31T23:59:59.999999999Z");
    EXPECT_EQ((leap + duration::from_ns(ns_per_s / 2)).to_utc_iso(), "2016-12-31T23:59:60.5Z");
    EXPECT_EQ((leap + duration::from_ns(ns_per_s - 1)).to_utc_iso(), "2016-12-31T23:59:60.999999999Z");
}

TEST(time, second_60_outside_a_leap_second_is_an_input_error) {
    EXPECT_EQ(message_of<input_error>([] { (void)epoch::from_utc_iso("2016-12-30T23:59:60Z"); }),
              iso_error("2016-12-30T23:59:60Z") + " (2016-12-30 has no leap second)");
    EXPECT_EQ(message_of<input_error>([] { (void)epoch::from_utc_iso("2016-12-31T12:00:60Z"); }),
              iso_error("2016-12-31T12:00:60Z") + " (a leap second is 23:59:60)");
    EXPECT_EQ(message_of<input_error>([] { (void)epoch::from_utc(utc_fields{2015, 12, 31, 23, 59, 60, 0}); }),
              "UTC fields out of range: 2015-12-31T23:59:60: 2015-12-31 has no leap second");
}

TEST(time, utc_day_lengths_from_1972_to_2100_include_27_leap_seconds) {
    // Walks the calendar day by day with month lengths, checking the Fliegel & Van Flandern
    // conversion in both directions and that only the Bulletin C leap-second days are 86401 s long.
    const int month_length[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap_days = 0;
    epoch previous = epoch::from_utc_iso("1972-01-01");
    bool first = true;
    for (int y = 1972; y <= 2100; ++y) {
        const bool leap_year = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        for (int m = 1; m <= 12; ++m) {
            const int days = month_length[m - 1] + (m == 2 && leap_year ? 1 : 0);
            for (int d = 1; d <= days; ++d) {
                const utc_fields f{y, m, d, 0, 0, 0, 0};
                const epoch e = epoch::from_utc(f);
                ASSERT_EQ(e.to_utc(), f);
                if (!first) {
                    const std::int64_t length = (e - previous).ns();
                    ASSERT_TRUE(length == 86'400 * ns_per_s || length == 86'401 * ns_per_s) << y << "-" << m << "-" << d;
                    leap_days += length == 86'401 * ns_per_s ? 1 : 0;
                }
                first = false;
                previous = e;
            }
        }
    }
    EXPECT_EQ(leap_days, 27);
}

TEST(time, civil_dates_follow_the_gregorian_leap_rule_and_round_trip_through_day_counts) {
    EXPECT_TRUE(is_leap_year(2024));
    EXPECT_FALSE(is_leap_year(2025));
    EXPECT_FALSE(is_leap_year(2100));  // a century, not divisible by 400
    EXPECT_TRUE(is_leap_year(2000));
    EXPECT_EQ(days_in_month(2024, 2), 29);
    EXPECT_EQ(days_in_month(2025, 2), 28);
    EXPECT_EQ(days_in_month(2025, 4), 30);
    EXPECT_FALSE(is_valid_date({2025, 2, 29}));
    EXPECT_TRUE(is_valid_date({2024, 2, 29}));
    EXPECT_FALSE(is_valid_date({2024, 13, 1}));
    EXPECT_EQ(days_since_2000({2000, 1, 1}), 0);
    EXPECT_EQ(days_since_2000({1970, 1, 1}), -10'957);  // the Unix epoch
    EXPECT_EQ(day_of_year({2024, 12, 31}), 366);
    EXPECT_EQ(day_of_year({2025, 3, 1}), 60);
    // Every day from 1900 to 2400 goes to its count and back, one day after the other.
    std::int64_t expected = days_since_2000({1900, 1, 1});
    for (int y = 1900; y < 2400; ++y) {
        for (int m = 1; m <= 12; ++m) {
            for (int d = 1; d <= days_in_month(y, m); ++d) {
                const civil_date date{y, m, d};
                ASSERT_EQ(days_since_2000(date), expected);
                ASSERT_EQ(civil_from_days_since_2000(expected), date);
                ++expected;
            }
        }
    }
}

TEST(time, iso_forms_with_and_without_time_and_z_agree) {
    const epoch e = epoch::from_utc_iso("2026-01-01");
    EXPECT_EQ(epoch::from_utc_iso("2026-01-01T00:00:00"), e);
    EXPECT_EQ(epoch::from_utc_iso("2026-01-01T00:00:00Z"), e);
    EXPECT_EQ(epoch::from_utc_iso("2026-01-01T00:00:00.000Z"), e);
    EXPECT_EQ(e.to_utc_iso(), "2026-01-01T00:00:00Z");
    EXPECT_EQ(e.to_utc_date(), "2026-01-01");
}

TEST(time, fractional_seconds_keep_every_nanosecond) {
    const epoch whole = epoch::from_utc_iso("2026-01-01T00:00:00Z");
    EXPECT_EQ((epoch::from_utc_iso("2026-01-01T00:00:00.5Z") - whole).ns(), 500'000'000);
    EXPECT_EQ((epoch::from_utc_iso("2026-01-01T00:00:00.000000001Z") - whole).ns(), 1);
    EXPECT_EQ((epoch::from_utc_iso("2026-01-01T00:00:00.123456789") - whole).ns(), 123'456'789);
    EXPECT_EQ(epoch::from_utc_iso("2026-01-01T00:00:00.5Z").to_utc_iso(), "2026-01-01T00:00:00.5Z");
    EXPECT_EQ(epoch::from_utc_iso("2026-01-01T00:00:00.120Z").to_utc_iso(), "2026-01-01T00:00:00.12Z");
    EXPECT_EQ(epoch::from_utc_iso("2026-01-01T00:00:00.000000001").to_utc_iso(), "2026-01-01T00:00:00.000000001Z");
}

TEST(time, iso_text_round_trips_for_random_instants_1972_to_2100) {
    const std::int64_t lo = epoch::from_utc_iso("1972-01-01").tai_ns();
    const std::int64_t hi = epoch::from_utc_iso("2100-01-01").tai_ns();
    rng_stream rng(7, "time.round_trip");
    for (int i = 0; i < 20'000; ++i) {
        const auto offset = static_cast<std::int64_t>(rng.next_u64() % static_cast<std::uint64_t>(hi - lo));
        // Every fourth instant is truncated to whole seconds to exercise the form without a fraction.
        std::int64_t ns = lo + offset;
        if (i % 4 == 0) {
            ns -= (ns % ns_per_s + ns_per_s) % ns_per_s;
        }
        const epoch e = epoch::from_tai_ns(ns);
        const std::string text = e.to_utc_iso();
        ASSERT_EQ(epoch::from_utc_iso(text), e) << text;
        ASSERT_EQ(epoch::from_utc(e.to_utc()), e) << text;
    }
}

TEST(time, every_leap_second_round_trips_through_iso_text) {
    const char* leap_seconds[] = {
        "1972-06-30", "1972-12-31", "1973-12-31", "1974-12-31", "1975-12-31", "1976-12-31", "1977-12-31",
        "1978-12-31", "1979-12-31", "1981-06-30", "1982-06-30", "1983-06-30", "1985-06-30", "1987-12-31",
        "1989-12-31", "1990-12-31", "1992-06-30", "1993-06-30", "1994-06-30", "1995-12-31", "1997-06-30",
        "1998-12-31", "2005-12-31", "2008-12-31", "2012-06-30", "2015-06-30", "2016-12-31",
    };
    for (const char* day : leap_seconds) {
        const std::string text = std::string(day) + "T23:59:60.25Z";
        EXPECT_EQ(epoch::from_utc_iso(text).to_utc_iso(), text);
    }
}

TEST(time, malformed_iso_text_names_the_expected_form) {
    const std::vector<std::string> bad = {
        "2026-13-01",
        "2026-02-29",
        "2026-00-10",
        "2026-04-31",
        "2026-1-01",
        "26-01-01",
        "2026/01/01",
        "2026-01-01Z",
        "2026-01-01 00:00:00",
        "2026-01-01T24:00:00Z",
        "2026-01-01T23:60:00Z",
        "2026-01-01T23:59:61Z",
        "2026-01-01T00:00",
        "2026-01-01T00:00:00.Z",
        "2026-01-01T00:00:00.1234567891Z",
        "2026-01-01T00:00:00ZZ",
        "2026-01-01T00:00:00+01:00",
        " 2026-01-01",
        "",
    };
    for (const std::string& text : bad) {
        EXPECT_EQ(message_of<input_error>([&] { (void)epoch::from_utc_iso(text); }), iso_error(text)) << text;
    }
}

TEST(time, utc_fields_out_of_range_name_the_field) {
    EXPECT_EQ(message_of<input_error>([] { (void)epoch::from_utc(utc_fields{2026, 2, 29, 0, 0, 0, 0}); }),
              "UTC fields out of range: day 29 is not 1-28 in 2026-02");
    EXPECT_EQ(message_of<input_error>([] { (void)epoch::from_utc(utc_fields{2026, 1, 1, 0, 0, 0, 1'000'000'000}); }),
              "UTC fields out of range: nanosecond 1000000000 is not 0-999999999");
    EXPECT_EQ(message_of<input_error>([] { (void)epoch::from_utc(utc_fields{2026, 13, 1, 0, 0, 0, 0}); }),
              "UTC fields out of range: month 13 is not 1-12");
}

TEST(time, epochs_past_2292_do_not_fit_in_int64_nanoseconds) {
    const epoch last = epoch::from_tai_ns(std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(last.to_utc_iso(), "2292-04-11T11:46:07.670775807Z");
    EXPECT_EQ(epoch::from_utc_iso("2292-04-11T11:46:07.670775807Z"), last);
    EXPECT_THROW((void)epoch::from_utc_iso("2292-04-11T11:46:07.670775808Z"), input_error);
    EXPECT_EQ(message_of<input_error>([] { (void)epoch::from_utc_iso("2300-01-01"); }),
              iso_error("2300-01-01") + " (beyond the range of an epoch, which ends on 2292-04-11)");
}

TEST(time, julian_years_count_365_25_day_years_of_tt) {
    EXPECT_EQ(epoch{}.julian_years_since_j2000(), 0.0);
    const epoch later = epoch{} + duration::from_days(36525);
    EXPECT_DOUBLE_EQ(later.julian_years_since_j2000(), 100.0);
}

TEST(time, duration_from_seconds_rounds_to_the_nanosecond) {
    EXPECT_EQ(duration::from_seconds(1.5).ns(), 1'500'000'000);
    EXPECT_EQ(duration::from_seconds(-0.25).ns(), -250'000'000);
    EXPECT_EQ(duration::from_seconds(1e-9).ns(), 1);
    EXPECT_EQ(duration::from_seconds(0.1).ns(), 100'000'000);
    EXPECT_EQ(duration::from_seconds(86400.0 * 3653).ns(), duration::from_days(3653).ns());
    EXPECT_DOUBLE_EQ(duration::from_days(2).days(), 2.0);
    EXPECT_DOUBLE_EQ(duration::from_ns(1'500'000'000).seconds(), 1.5);
}

TEST(time, duration_from_non_finite_or_huge_seconds_is_an_input_error) {
    EXPECT_THROW((void)duration::from_seconds(std::numeric_limits<double>::quiet_NaN()), input_error);
    EXPECT_THROW((void)duration::from_seconds(std::numeric_limits<double>::infinity()), input_error);
    EXPECT_THROW((void)duration::from_seconds(1e10), input_error);
}

TEST(time, epoch_arithmetic_with_durations) {
    const epoch a = epoch::from_utc_iso("2026-01-01");
    const epoch b = a + duration::from_days(90);
    EXPECT_EQ(b.to_utc_iso(), "2026-04-01T00:00:00Z");
    EXPECT_EQ((b - a).ns(), duration::from_days(90).ns());
    EXPECT_EQ(b - duration::from_days(90), a);
    EXPECT_LT(a, b);
}

}  // namespace
}  // namespace kardashev
