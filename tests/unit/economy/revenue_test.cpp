// Revenue: paying units under constant-elasticity demand, and the quality response.
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/core/error.hpp"
#include "kardashev/economy/revenue.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::economy;

revenue_terms subscription() {
    revenue_terms t;
    t.paying_share = 0.12;
    t.price_usd_per_s = 99.0 * 12.0 / 3.15576e7;
    t.quality_elasticity = 1.0;
    return t;
}

TEST(revenue, at_the_reference_price_the_paying_share_pays) {
    EXPECT_DOUBLE_EQ(paying_units(1e6, subscription()), 0.12e6);
    EXPECT_NEAR(revenue_usd_per_s(1e6, 0.0, subscription()) * 3.15576e7, 0.12e6 * 99.0 * 12.0, 1e-3);
}

TEST(revenue, a_price_cut_with_unit_elastic_demand_keeps_revenue_and_raises_payers) {
    auto t = subscription();
    t.reference_price_usd_per_s = t.price_usd_per_s;
    t.price_elasticity = 1.0;
    const double before = revenue_usd_per_s(1e6, 0.0, t);
    t.price_usd_per_s /= 2.0;
    EXPECT_NEAR(paying_units(1e6, t), 0.24e6, 1e-6);
    EXPECT_NEAR(revenue_usd_per_s(1e6, 0.0, t), before, 1e-9 * before);
}

TEST(revenue, the_paying_share_is_capped_at_every_unit) {
    auto t = subscription();
    t.reference_price_usd_per_s = t.price_usd_per_s * 100.0;
    t.price_elasticity = 2.0;
    EXPECT_DOUBLE_EQ(paying_units(10.0, t), 10.0);
}

TEST(revenue, better_models_earn_more_through_the_quality_elasticity) {
    const auto t = subscription();
    EXPECT_NEAR(revenue_usd_per_s(1e6, 0.5, t) / revenue_usd_per_s(1e6, 0.0, t), 1.5, 1e-12);
    EXPECT_THROW(revenue_usd_per_s(-1.0, 0.0, t), domain_error);
}

}  // namespace
