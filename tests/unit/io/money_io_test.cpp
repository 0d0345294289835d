// The scenario's money section: read with units, written back by explain to the same scenario.
#include <gtest/gtest.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace {

using namespace kardashev;

constexpr const char* money_yaml = R"(name: money io
fleet:
  cohorts:
    - { name: cars, kind: vehicle, units: 1000, market_size: 2000 }
money:
  capex: cash
  cash: 2 GUSD
  leverage_cap: 1.5
  discount_rate: 9 %
  financing:
    - { name: notes, kind: debt, date: 2026-06-01, amount: 3 GUSD, rate: 12.5 %, term: 5 y }
    - { name: Series E, kind: equity, date: 2026-01-06, amount: 20 GUSD }
    - { name: AIP, kind: partnership, date: 2026-03-19, amount: 1 GUSD, revenue_share: 10 % }
  revenue:
    - { cohort: cars, price: 1188 USD/yr, paying_share: 12 %, quality_elasticity: 1, serving_tokens: 2000 /d }
)";

TEST(money_io, the_money_section_is_read_in_si_and_financing_in_date_order) {
    const auto s = io::load_scenario_text(money_yaml, "money.yaml");
    EXPECT_EQ(s.money.capex, sim::capex_funding::cash);
    EXPECT_DOUBLE_EQ(s.money.cash_usd, 2e9);
    EXPECT_DOUBLE_EQ(s.money.leverage_cap, 1.5);
    ASSERT_EQ(s.money.financing.size(), 3u);
    EXPECT_EQ(s.money.financing[0].name, "Series E");
    EXPECT_EQ(s.money.financing[1].kind, sim::financing_kind::partnership);
    EXPECT_DOUBLE_EQ(s.money.financing[2].rate, 0.125);
    EXPECT_NEAR(s.money.financing[2].term.seconds(), 5.0 * constants::julian_year_s, 1e-3);
    ASSERT_EQ(s.money.revenue.size(), 1u);
    EXPECT_NEAR(s.money.revenue[0].terms.price_usd_per_s * constants::julian_year_s, 1188.0, 1e-9);
    EXPECT_NEAR(s.money.revenue[0].serving_tokens_per_s * 86400.0, 2000.0, 1e-9);
}

TEST(money_io, explain_writes_the_money_section_back_to_the_same_scenario) {
    const auto s = io::load_scenario_text(money_yaml, "money.yaml");
    const auto again = io::load_scenario_text(io::write_scenario_yaml(s), "explained.yaml");
    EXPECT_EQ(again.money, s.money);
}

TEST(money_io, a_scenario_without_money_writes_no_money_section) {
    const auto s = io::load_scenario_text("name: plain\n", "plain.yaml");
    EXPECT_EQ(io::write_scenario_yaml(s).find("money:"), std::string::npos);
}

}  // namespace
