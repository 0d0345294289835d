// Straight-line depreciation books (src/sim/depreciation_book.hpp): vintages of different lives in one book end
// in expiry order, so a company book that mixes ground and off-world facilities charges what its sites do.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"
#include "sim/depreciation_book.hpp"

namespace {

using namespace kardashev;

TEST(depreciation_book, a_shorter_life_bought_later_ends_before_a_longer_one_bought_first) {
    const epoch start = epoch::from_utc_iso("2026-01-01");
    const duration year = duration::from_days(365);
    sim::detail::depreciation_book book;
    book.buy(60.0, start, year * 60);  // 1 USD/yr for 60 years
    book.buy(10.0, start, year * 5);   // 2 USD/yr for 5 years, bought second, ends first
    EXPECT_NEAR(book.charge(start, start + year * 10), 10.0 + 10.0, 1e-9);
    EXPECT_NEAR(book.charge(start + year * 10, start + year * 20), 10.0, 1e-9);
}

TEST(depreciation_book, a_tiny_vintage_left_beside_ended_huge_ones_never_charges_a_negative_amount) {
    // 1e12 USD vintages ending one by one leave a 1e-3 USD one: subtracting their rates from the running rate must
    // not drive it below zero by rounding (a negative charge broke the summary's cost per accelerator-hour).
    const epoch start = epoch::from_utc_iso("2026-01-01");
    const duration day = duration::from_days(1);
    sim::detail::depreciation_book book;
    for (int k = 0; k < 50; ++k) book.buy(1e12 * (1.0 + 0.37 * k), start, day * (10 + k));
    book.buy(1e-3, start, day * 1000);
    for (int d = 0; d < 1000; ++d) EXPECT_GE(book.charge(start + day * d, start + day * (d + 1)), 0.0) << d;
}

TEST(depreciation_book, interleaved_purchases_of_two_lives_charge_the_hand_computed_straight_line_sums) {
    // Every day for three years a 5-year accelerator lot and a 15-year hall (the default's two lives), charged day
    // by day: by day T each lot has written off capex x min(T - bought, life) / life.
    const epoch start = epoch::from_utc_iso("2026-01-01");
    const duration day = duration::from_days(1);
    sim::detail::depreciation_book book;
    double charged = 0.0;
    for (int d = 0; d < 3000; ++d) {
        if (d < 1095) {
            book.buy(1000.0 + d, start + day * d, day * 1826);
            book.buy(500.0 + 2.0 * d, start + day * d, day * 5479);
        }
        charged += book.charge(start + day * d, start + day * (d + 1));
    }
    double expected = 0.0;
    for (int d = 0; d < 1095; ++d) {
        expected += (1000.0 + d) * std::min(3000.0 - d, 1826.0) / 1826.0;
        expected += (500.0 + 2.0 * d) * std::min(3000.0 - d, 5479.0) / 5479.0;
    }
    EXPECT_NEAR(charged / expected, 1.0, 1e-12);
}

TEST(depreciation_book, the_company_total_is_the_sum_of_its_sites_with_mixed_facility_lives) {
    // The default scenario books 15-year ground facilities and 5-year orbit and moon spacecraft in one company book.
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    const auto r = sim::run(s);
    double sites = 0.0;
    for (const auto& site : r.summary.sites) sites += site.depreciation_usd;
    EXPECT_NEAR(r.summary.total_depreciation_usd, sites, 1e-9 * sites);
}

}  // namespace
