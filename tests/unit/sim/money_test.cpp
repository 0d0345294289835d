// Serving and money in the engine: the cash identity, revenue that follows model quality, capex funded by cash,
// financing that moves the first money-bound date, and debt within its leverage cap.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/sim/engine.hpp"
#include "support/compute_fixtures.hpp"
#include "support/sim_scenarios.hpp"
#include "support/sim_series.hpp"

namespace {

using namespace kardashev;
using kardashev::testing::series;

constexpr double year_s = constants::julian_year_s;

/// One site of 10,000 T1 accelerators (32,500 USD each with its hall), a plan that adds 2,000 every 30 days, capex
/// funded by cash; a chat cohort of 100 M users, 10 % paying 96 USD a year.
sim::scenario money_scenario() {
    sim::scenario s = kardashev::testing::one_site_scenario("money");
    auto& plan = s.sites[0].planned_accelerators;
    for (int k = 1; k <= 11; ++k) plan.push_back({s.start + duration::from_days(30 * k), 10'000.0 + 2'000.0 * k});
    s.training.generation_length = duration::from_days(60);
    s.training.release_gap = duration::from_days(5);
    fleet::cohort chat;
    chat.name = "chat";
    chat.kind = fleet::cohort_kind::social;
    chat.units = 1e8;
    chat.market_size = {{s.start, 1e8}};
    chat.growth_rate_per_s = {{s.start, 0.0}};
    s.cohorts.push_back(chat);
    s.money.capex = sim::capex_funding::cash;
    s.money.cash_usd = 100e6;
    sim::cohort_revenue row;
    row.cohort = "chat";
    row.terms.paying_share = 0.10;
    row.terms.price_usd_per_s = 96.0 / year_s;
    row.terms.quality_elasticity = 5.0;
    s.money.revenue.push_back(row);
    return s;
}

double last(const std::vector<double>& v) { return v.empty() ? 0.0 : v.back(); }

TEST(money, cash_at_the_end_is_start_plus_inflows_minus_outflows) {
    auto s = money_scenario();
    s.money.financing.push_back({"round", sim::financing_kind::equity, s.start + duration::from_days(40), 50e6, 0.0, {}, 0.0, ""});
    s.money.financing.push_back({"loan", sim::financing_kind::debt, s.start + duration::from_days(50), 80e6, 0.12,
                                 duration::from_days(100), 0.0, ""});
    s.money.financing.push_back({"partner", sim::financing_kind::partnership, s.start + duration::from_days(70), 30e6, 0.0, {}, 0.2, ""});
    const auto r = sim::run(s);
    const auto& m = r.summary.money;
    ASSERT_TRUE(m.enabled);
    const double debt_end = last(series(r, "money", "debt"));
    const double repaid = m.debt_drawn_usd - debt_end;
    const double expected = m.equity_raised_usd + m.debt_drawn_usd + m.partner_capital_usd + m.revenue_usd - m.partner_paid_usd -
                            m.capex_paid_usd - m.opex_paid_usd - m.interest_usd - repaid;
    EXPECT_NEAR(m.cash_end_usd, expected, 1e-6 * m.equity_raised_usd);
    EXPECT_DOUBLE_EQ(m.equity_raised_usd, 150e6);
    EXPECT_DOUBLE_EQ(m.debt_drawn_usd, 80e6);  // within 1 x 150 M of equity
    EXPECT_NEAR(debt_end, 0.0, 1.0);           // a 100-day term inside the year
    EXPECT_GT(m.interest_usd, 0.0);
    EXPECT_NEAR(m.partner_paid_usd / m.revenue_usd, 0.2 * (365.0 - 70.0) / 365.0, 0.05);
}

TEST(money, debt_is_drawn_only_up_to_the_leverage_cap) {
    auto s = money_scenario();
    s.money.leverage_cap = 0.5;
    s.money.financing.push_back({"loan", sim::financing_kind::debt, s.start + duration::from_days(10), 1e9, 0.10,
                                 duration::from_days(3650), 0.0, ""});
    const auto r = sim::run(s);
    EXPECT_DOUBLE_EQ(r.summary.money.debt_drawn_usd, 50e6);  // 0.5 x the 100 M of starting equity
}

TEST(money, a_financing_round_moves_the_first_money_bound_date_later) {
    auto s = money_scenario();
    s.money.revenue.clear();  // cash from financing only
    const auto without = sim::run(s).summary.money;
    s.money.financing.push_back({"Series A", sim::financing_kind::equity, s.start + duration::from_days(45), 200e6, 0.0, {}, 0.0, ""});
    const auto with = sim::run(s).summary.money;
    ASSERT_TRUE(without.first_money_bound.has_value());
    ASSERT_TRUE(with.first_money_bound.has_value());
    // 100 M buys the first 2,000 (65 M) at day 30 and not the next at day 60; 200 M more buys three more steps.
    EXPECT_EQ(*without.first_money_bound, s.start + duration::from_days(60));
    EXPECT_GT(*with.first_money_bound, *without.first_money_bound + duration::from_days(60));
    EXPECT_LT(with.money_bound_steps, without.money_bound_steps);
}

/// The money scenario with a plan no revenue can keep up with: 20,000 more accelerators (650 M USD) every 30 days.
sim::scenario money_bound_scenario() {
    auto s = money_scenario();
    auto& plan = s.sites[0].planned_accelerators;
    for (std::size_t k = 1; k < plan.size(); ++k) plan[k].value = 10'000.0 + 20'000.0 * static_cast<double>(k);
    return s;
}

TEST(money, faster_improving_models_earn_more_and_build_more) {
    auto slow = money_bound_scenario();
    slow.training.algorithmic_progress.enabled = false;
    auto fast = money_bound_scenario();
    fast.training.algorithmic_progress.enabled = true;
    fast.training.algorithmic_progress.halving_time_s = 0.25 * year_s;
    const auto r_slow = sim::run(slow);
    const auto r_fast = sim::run(fast);
    ASSERT_GE(r_fast.summary.generations.size(), 2u);
    EXPECT_GT(r_fast.summary.generations.back().quality, r_slow.summary.generations.back().quality);
    EXPECT_GT(r_fast.summary.money.revenue_usd, r_slow.summary.money.revenue_usd);
    EXPECT_GT(r_slow.summary.money.money_bound_steps, 0);  // money binds: revenue decides what is built
    EXPECT_GT(last(series(r_fast, "site/a", "accelerators")), last(series(r_slow, "site/a", "accelerators")));
}

TEST(money, serving_takes_accelerators_from_training) {
    auto s = money_scenario();
    s.money.capex = sim::capex_funding::budget;
    const auto no_serving = sim::run(s);
    s.money.revenue[0].serving_tokens_per_s = 20'000.0 / 86400.0;  // 20k output tokens per user a day
    s.money.serving_model_params = 70e9;  // a 70B model on 2 T1 per replica (BF16: T1 has no FP8)
    const auto serving = sim::run(s);
    const auto served = series(serving, "serving", "accelerators");
    ASSERT_FALSE(served.empty());
    EXPECT_GT(served.back(), 0.0);
    EXPECT_LE(served.back(), 0.5 * last(series(serving, "site/a", "accelerators")) + 1e-6);
    EXPECT_LT(serving.summary.generations[0].flop, no_serving.summary.generations[0].flop);
    EXPECT_GT(serving.summary.money.serving_accelerator_hours, 0.0);
}

TEST(money, a_scenario_without_money_records_no_money_channels) {
    auto s = money_scenario();
    s.money = {};
    const auto r = sim::run(s);
    EXPECT_FALSE(r.summary.money.enabled);
    EXPECT_TRUE(series(r, "money", "cash").empty());
}

}  // namespace
