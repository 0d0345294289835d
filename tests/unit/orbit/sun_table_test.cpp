// The Sun table of eclipse_analytic (src/orbit/sun_table.cpp): the full series at nodes two days apart, a quintic
// between, against the full series at every sample over 2000-2050 (docs/models/orbit.md "Sun table").
#include "orbit/sun_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "kardashev/orbit/eclipse.hpp"
#include "kardashev/orbit/ephemeris.hpp"
#include "orbit/vec_math.hpp"

namespace kardashev::orbit {
namespace {

constexpr double arcsec = 3.141592653589793 / 180.0 / 3600.0;

/// The worst angle [arcsec] between the table and sun_position_teme over `years` Julian years from 2000 at `step_s`,
/// and how many samples matched the full series exactly.
struct table_miss {
    double worst_arcsec = 0.0;
    std::int64_t exact = 0;
};

table_miss miss_over(double years, double step_s) {
    const epoch start = epoch::from_utc_iso("2000-01-01T00:00:00Z");
    const auto count = static_cast<std::int64_t>(years * 365.25 * 86'400.0 / step_s);
    const std::vector<vec3> table = detail::sun_table(start, step_s, count);
    table_miss out;
    for (std::int64_t k = 0; k < count; ++k) {
        const vec3 full = sun_position_teme(start + duration::from_seconds((static_cast<double>(k) + 0.5) * step_s));
        const vec3& near = table[static_cast<std::size_t>(k)];
        out.exact += near == full ? 1 : 0;
        out.worst_arcsec = std::max(out.worst_arcsec, detail::norm(detail::sub(near, full)) / detail::norm(full) / arcsec);
    }
    return out;
}

// The quintic's remainder bounds the miss by 0.0026" with nodes two days apart (docs/models/orbit.md "Sun table").
constexpr double bound_arcsec = 0.0026;

TEST(sun_table, hourly_sun_stays_within_0_0026_arcsec_of_the_full_series_2000_to_2050) {
    const table_miss m = miss_over(50.0, 3600.0);  // 438,300 hours, a node every 48
    EXPECT_LT(m.worst_arcsec, bound_arcsec);
    EXPECT_GT(m.worst_arcsec, 1e-6) << "between the nodes the table is a cubic, not the series";
    EXPECT_EQ(m.exact, 50 * 8766 / 48 + 1) << "the nodes are the series itself";
}

TEST(sun_table, daily_sun_stays_within_0_0026_arcsec_of_the_full_series_2000_to_2050) {
    // A node every other day, the day between from the quintic.
    const table_miss m = miss_over(50.0, 86'400.0);
    EXPECT_LT(m.worst_arcsec, bound_arcsec);
    EXPECT_GT(m.worst_arcsec, 1e-6);
}

TEST(sun_table, sixth_derivative_of_the_sun_stays_under_the_bounds_input_2000_to_2050) {
    // The bound 0.00488 H^6 max|f^(6)| / r takes max|f^(6)| = 3.9e-8 au/d^6 (docs/models/orbit.md "Sun table"): the sixth
    // central difference every 6 hours over (0.25 d)^6 reads a harmonic of up to 0.7 rad/d at over 99 % of its size.
    constexpr double au = 149'597'870'700.0;
    constexpr double step_d = 0.25;
    const epoch start = epoch::from_utc_iso("2000-01-01T00:00:00Z");
    const auto count = static_cast<std::int64_t>(50.0 * 365.25 / step_d);
    std::vector<vec3> sun(static_cast<std::size_t>(count));
    for (std::int64_t k = 0; k < count; ++k)
        sun[static_cast<std::size_t>(k)] = sun_position_teme(start + duration::from_seconds(static_cast<double>(k) * step_d * 86'400.0));
    constexpr std::array<double, 7> binomial{1.0, -6.0, 15.0, -20.0, 15.0, -6.0, 1.0};
    double worst = 0.0;
    for (std::size_t k = 3; k + 3 < sun.size(); ++k) {
        vec3 sixth{};
        for (std::size_t i = 0; i < binomial.size(); ++i)
            for (std::size_t axis = 0; axis < 3; ++axis) sixth[axis] += binomial[i] * sun[k + i - 3][axis];
        worst = std::max(worst, detail::norm(sixth) / std::pow(step_d, 6) / au);
    }
    EXPECT_LT(worst, 3.9e-8 * 0.99);
    EXPECT_GT(worst, 3.0e-8) << "the Moon's offset of the geocentre sets it";
}

TEST(sun_table, short_spans_and_steps_of_two_days_or_more_are_the_full_series) {
    const epoch start = epoch::from_utc_iso("2026-01-01T00:00:00Z");
    for (const auto& [step_s, count] : {std::pair{86'400.0, std::int64_t{7}}, std::pair{3.0 * 86'400.0, std::int64_t{40}}}) {
        const std::vector<vec3> table = detail::sun_table(start, step_s, count);
        ASSERT_EQ(table.size(), static_cast<std::size_t>(count));
        for (std::int64_t k = 0; k < count; ++k)
            EXPECT_EQ(table[static_cast<std::size_t>(k)],
                      sun_position_teme(start + duration::from_seconds((static_cast<double>(k) + 0.5) * step_s)));
    }
}

TEST(sun_table, is_what_analytic_sun_positions_gives) {
    const epoch start = epoch::from_utc_iso("2026-01-01T00:00:00Z");
    const duration year = duration::from_seconds(365.25 * 86'400.0);
    EXPECT_EQ(analytic_sun_positions(start, year), detail::sun_table(start, year.seconds() / 8766.0, 8766));
    EXPECT_EQ(detail::sun_table_stride(year.seconds() / 8766.0), 48) << "a Julian year's hour is a few ulps long";
}

TEST(sun_table, daily_suns_give_the_daily_tables_values_in_any_order_and_whatever_the_tables_length) {
    // The fast clock asks the days of its windows one window at a time and a sweep's run cache shares them between runs
    // of different lengths: a day's Sun must not depend on what was asked before or on how long a table is.
    const epoch start = epoch::from_utc_iso("2026-01-01T00:00:00Z");
    eclipse_options daily;
    daily.analytic_step_s = 86'400.0;
    const auto ten_years = analytic_sun_positions(start, duration::from_days(3652), daily);
    const auto one_year = analytic_sun_positions(start, duration::from_days(365), daily);
    daily_suns suns(start);
    std::vector<vec3> got;
    for (const std::int64_t first : {3000, 0, 17, 364, 1, 2999, 3650}) {
        suns.days(first, 2, got);
        for (std::int64_t k = 0; k < 2; ++k) {
            const auto day = static_cast<std::size_t>(first + k);
            EXPECT_EQ(got[static_cast<std::size_t>(k)], ten_years[day]) << day;
            if (day < one_year.size()) {
                EXPECT_EQ(got[static_cast<std::size_t>(k)], one_year[day]) << day;
            }
        }
    }
}

}  // namespace
}  // namespace kardashev::orbit
