// A production ramp (docs/models/fleet.md F10): units in service = units before + additions - retirements, each
// step's output retired a service life later and the starting stock retired evenly over one service life.
#include <gtest/gtest.h>

#include "support/error_message.hpp"

#include <vector>

#include "kardashev/fleet/cohort.hpp"

namespace {

using namespace kardashev;

const epoch t0 = epoch::from_utc_iso("2026-01-01");
const duration day = duration::from_days(1);

TEST(production, a_ramp_adds_its_output_and_retires_each_batch_a_service_life_later) {
    // 0.5 units/s (43,200 a day) for two days, then 0.25/s (21,600 a day); a 4-day life; 400 units at the start,
    // retiring 100 a day over days 0-3. Each day's output is dated at the day's end and leaves 4 days later.
    const std::vector<fleet::dated_value> production = {{t0, 0.5}, {t0 + day * 2, 0.25}};
    const std::vector<double> by_hand = {
        400 + 43200 - 100,      // day 0: 43,500
        43500 + 43200 - 100,    // day 1: 86,600
        86600 + 21600 - 100,    // day 2: 108,100
        108100 + 21600 - 100,   // day 3: 129,600 (the starting stock is gone)
        129600 + 21600 - 43200, // day 4: day 0's batch retires: 108,000
        108000 + 21600 - 43200, // day 5: day 1's: 86,400
        86400 + 21600 - 21600,  // day 6: day 2's: 86,400, the steady state 21,600 x 4 days
    };
    auto f = fleet::start_production(400.0, t0);
    for (std::size_t k = 0; k < by_hand.size(); ++k) {
        const epoch from = t0 + day * static_cast<std::int64_t>(k);
        EXPECT_EQ(fleet::production_step(f, production, duration::from_days(4), from, from + day), by_hand[k]) << "day " << k;
    }
    EXPECT_EQ(f.units, 86400.0);
}

TEST(production, without_a_service_life_nothing_retires) {
    auto f = fleet::start_production(10.0, t0);
    const std::vector<fleet::dated_value> production = {{t0 + day, 0.5}};  // none on day 0
    EXPECT_EQ(fleet::production_step(f, production, duration{}, t0, t0 + day), 10.0);
    EXPECT_EQ(fleet::production_step(f, production, duration{}, t0 + day, t0 + day * 2), 10.0 + 43200.0);
    EXPECT_TRUE(f.batches.empty());
}

TEST(production, a_negative_rate_is_refused) {
    auto f = fleet::start_production(10.0, t0);
    EXPECT_EQ(kardashev::testing::domain_error_message(
                  [&] { fleet::production_step(f, {{t0, -1.0}}, duration::from_days(4), t0, t0 + day); }),
              "fleet: expected a non-negative production rate [1/s], got -1");
}

TEST(production, a_cohort_is_in_service_from_its_start_until_its_end) {
    fleet::cohort c;
    EXPECT_TRUE(fleet::in_service(c, t0));
    c.start = t0 + day;
    c.end = t0 + day * 3;
    EXPECT_FALSE(fleet::in_service(c, t0));
    EXPECT_TRUE(fleet::in_service(c, t0 + day));
    EXPECT_TRUE(fleet::in_service(c, t0 + day * 2));
    EXPECT_FALSE(fleet::in_service(c, t0 + day * 3));
}

}  // namespace
