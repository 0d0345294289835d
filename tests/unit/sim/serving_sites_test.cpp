// Serving on dedicated sites (sites[].serving_only): a serving-only site serves first and never trains; what it
// cannot serve falls on the other sites' share.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/sim/engine.hpp"
#include "support/sim_scenarios.hpp"
#include "support/sim_series.hpp"

namespace {

using namespace kardashev;
using kardashev::testing::series;

/// Site "a" (10,000 T1, trains) and site "b" (another 10,000 T1); a chat cohort of `users` served a 70B model at
/// 20,000 output tokens a day each (2 T1 per replica, BF16).
sim::scenario two_site_scenario(double users, bool b_serving_only) {
    sim::scenario s = kardashev::testing::one_site_scenario("serving-sites");
    s.length = duration::from_days(120);
    sim::site b = s.sites[0];
    b.name = "b";
    b.serving_only = b_serving_only;
    s.sites.push_back(b);
    fleet::cohort chat;
    chat.name = "chat";
    chat.kind = fleet::cohort_kind::social;
    chat.units = users;
    chat.market_size = {{s.start, users}};
    chat.growth_rate_per_s = {{s.start, 0.0}};
    s.cohorts.push_back(chat);
    sim::cohort_revenue row;
    row.cohort = "chat";
    row.terms.price_usd_per_s = 10.0 / constants::julian_year_s;
    row.serving_tokens_per_s = 20'000.0 / 86400.0;
    s.money.revenue.push_back(row);
    s.money.serving_model_params = 70e9;
    return s;
}

double last(const std::vector<double>& v) { return v.empty() ? 0.0 : v.back(); }

TEST(serving_sites, a_serving_only_site_serves_first_and_the_other_site_keeps_training) {
    const auto shared = sim::run(two_site_scenario(1e6, false));
    const auto dedicated = sim::run(two_site_scenario(1e6, true));
    // Shared: both sites give the same share. Dedicated: b serves it all, a serves nothing.
    EXPECT_GT(last(series(shared, "site/a", "serving_accelerators")), 0.0);
    EXPECT_NEAR(last(series(shared, "site/a", "serving_accelerators")), last(series(shared, "site/b", "serving_accelerators")), 1e-6);
    EXPECT_EQ(last(series(dedicated, "site/a", "serving_accelerators")), 0.0);
    EXPECT_NEAR(last(series(dedicated, "site/b", "serving_accelerators")), last(series(shared, "serving", "accelerators")), 1e-6);
    EXPECT_DOUBLE_EQ(last(series(dedicated, "serving", "served_share")), 1.0);
    // b trains on nothing, so the first generation has only a's compute: less than with both sites training.
    EXPECT_LT(dedicated.summary.generations[0].flop, shared.summary.generations[0].flop);
    EXPECT_NEAR(dedicated.summary.generations[0].flop / shared.summary.generations[0].flop, 0.5, 0.05);
}

TEST(serving_sites, demand_beyond_the_dedicated_site_falls_on_the_others_share) {
    auto s = two_site_scenario(1e9, true);  // a billion users: more than b's 10,000 accelerators can serve
    const auto r = sim::run(s);
    const double b_running = last(series(r, "site/b", "accelerators"));
    EXPECT_NEAR(last(series(r, "site/b", "serving_accelerators")), b_running, 1e-6 * b_running);  // all of b
    const double a_serving = last(series(r, "site/a", "serving_accelerators"));
    EXPECT_GT(a_serving, 0.0);
    EXPECT_LE(a_serving, s.money.serving_max_share * last(series(r, "site/a", "accelerators")) + 1e-6);
}

TEST(serving_sites, a_serving_only_site_never_trains_even_without_revenue) {
    auto s = two_site_scenario(1e6, true);
    s.money = {};
    const auto with_b_serving_only = sim::run(s);
    s.sites[1].serving_only = false;
    const auto both_train = sim::run(s);
    EXPECT_NEAR(with_b_serving_only.summary.generations[0].flop / both_train.summary.generations[0].flop, 0.5, 0.05);
}

}  // namespace
