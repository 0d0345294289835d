// Accounts: the cash identity, NPV and IRR of hand-computed streams, payback, and the annuity schedule against
// its closed form.
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/core/error.hpp"
#include "kardashev/economy/accounts.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::economy;

TEST(accounts, cash_at_the_end_is_start_plus_inflows_minus_outflows) {
    const std::vector<cash_period> periods{{100.0, 30.0}, {0.0, 250.0}, {75.5, 0.5}};
    EXPECT_DOUBLE_EQ(cash_at_end(1000.0, periods), 1000.0 + (100.0 + 0.0 + 75.5) - (30.0 + 250.0 + 0.5));
    EXPECT_DOUBLE_EQ(cash_at_end(-5.0, {}), -5.0);
}

TEST(accounts, npv_of_a_hand_computed_stream) {
    // -100 now, +60 in a year, +60 in two years at 10 %: -100 + 54.5454... + 49.5867... = 4.1322...
    const std::vector<dated_flow> flows{{0.0, -100.0}, {1.0, 60.0}, {2.0, 60.0}};
    EXPECT_NEAR(npv_usd(0.10, flows), -100.0 + 60.0 / 1.1 + 60.0 / 1.21, 1e-12);
    EXPECT_NEAR(npv_usd(0.10, flows), 4.132231404958677, 1e-12);
    EXPECT_DOUBLE_EQ(npv_usd(0.0, flows), 20.0);
    EXPECT_THROW(npv_usd(-1.0, flows), domain_error);
}

TEST(accounts, irr_of_a_hand_computed_stream) {
    // -100 now, +121 in two years: (1 + r)^2 = 1.21, r = 10 %.
    const auto r = irr({{0.0, -100.0}, {2.0, 121.0}});
    ASSERT_TRUE(r.has_value());
    EXPECT_NEAR(*r, 0.10, 1e-9);
    // -100, +60, +60: 60 x^2 + 60 x - 100 = 0 with x = 1 / (1 + r): x = (-60 + sqrt(3600 + 24000)) / 120.
    const double x = (-60.0 + std::sqrt(3600.0 + 24'000.0)) / 120.0;
    const auto r2 = irr({{0.0, -100.0}, {1.0, 60.0}, {2.0, 60.0}});
    ASSERT_TRUE(r2.has_value());
    EXPECT_NEAR(*r2, 1.0 / x - 1.0, 1e-9);
    EXPECT_NEAR(npv_usd(*r2, {{0.0, -100.0}, {1.0, 60.0}, {2.0, 60.0}}), 0.0, 1e-7);
}

TEST(accounts, a_stream_that_never_changes_sign_has_no_irr) {
    EXPECT_FALSE(irr({{0.0, 10.0}, {1.0, 10.0}}).has_value());
    EXPECT_FALSE(irr({{0.0, -10.0}, {1.0, -10.0}}).has_value());
}

TEST(accounts, payback_is_the_time_the_cumulative_flow_turns_non_negative) {
    const std::vector<dated_flow> flows{{0.0, -100.0}, {1.0, 40.0}, {2.0, 40.0}, {3.0, 40.0}, {4.0, 40.0}};
    ASSERT_TRUE(payback_years(flows).has_value());
    EXPECT_DOUBLE_EQ(*payback_years(flows), 3.0);
    EXPECT_FALSE(payback_years({{0.0, -100.0}, {1.0, 40.0}}).has_value());
}

TEST(accounts, annuity_payment_matches_the_closed_form) {
    // 1,000 over 12 months at 1 % a month: 1000 x 0.01 / (1 - 1.01^-12) = 88.8487886783...
    EXPECT_NEAR(annuity_payment_usd(1000.0, 0.01, 12), 88.84878867834166, 1e-9);
    EXPECT_DOUBLE_EQ(annuity_payment_usd(1200.0, 0.0, 12), 100.0);
    EXPECT_THROW(annuity_payment_usd(1000.0, 0.01, 0), domain_error);
}

TEST(accounts, debt_schedule_follows_the_closed_form_balance_and_repays_the_principal) {
    const double principal = 5e9;
    const double rate = 0.125 / 4.0;  // 12.5 % a year, quarterly
    const int n = 20;
    const auto rows = annuity_schedule(principal, rate, n);
    ASSERT_EQ(rows.size(), static_cast<std::size_t>(n));
    const double payment = annuity_payment_usd(principal, rate, n);
    double repaid = 0.0;
    double interest = 0.0;
    for (int k = 0; k < n; ++k) {
        EXPECT_NEAR(rows[k].balance_usd, annuity_balance_usd(principal, rate, n, k + 1), 1e-3) << k;
        EXPECT_NEAR(rows[k].interest_usd + rows[k].principal_usd, payment, 1e-3) << k;
        repaid += rows[k].principal_usd;
        interest += rows[k].interest_usd;
    }
    EXPECT_NEAR(repaid, principal, 1e-3);
    EXPECT_NEAR(rows.back().balance_usd, 0.0, 1e-3);
    EXPECT_NEAR(interest, n * payment - principal, 1e-2);
}

}  // namespace
