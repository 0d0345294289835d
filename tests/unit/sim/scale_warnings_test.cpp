// Scale against physics (docs/models/sim.md): the run's shares of the Sun's output, and a `warning` for a figure
// beyond a plausibility bound of economy::plausibility_bounds.
#include <gtest/gtest.h>

#include "support/compute_fixtures.hpp"
#include "support/sim_scenarios.hpp"

#include <algorithm>
#include <string>

#include "kardashev/core/constants.hpp"
#include "kardashev/economy/scale.hpp"
#include "kardashev/sim/engine.hpp"

namespace {


using namespace kardashev;

/// One ground site of `accelerators` accelerators of 1 kW all-in at PUE 1.25 under a power cap of `cap_w`.
sim::scenario ground_scenario(double accelerators, double cap_w) {
    auto s = kardashev::testing::one_site_scenario("scale");
    s.length = duration::from_days(30);
    auto& site = s.sites[0];
    site.name = "big";
    site.planned_accelerators = {{s.start, accelerators}};
    site.power_capacity_w = {{s.start, cap_w}};
    s.training.generation_length = duration::from_days(10);
    s.training.release_gap = duration::from_days(1);
    return s;
}

double world_electricity_w() {
    for (const auto& b : economy::plausibility_bounds())
        if (b.kind == economy::bound_kind::electric_power) return b.limit;
    return 0.0;
}

TEST(scale_warnings, a_site_beyond_the_worlds_electricity_warns_with_the_figure_and_the_bound) {
    // 4e9 accelerators x 1 kW x 1.25 = 5e12 W of facility power, under a 5 TW cap: both exceed 3.41e12 W.
    const auto r = sim::run(ground_scenario(4e9, 5e12));
    ASSERT_EQ(r.summary.warnings.size(), 2u);
    const auto& company = r.summary.warnings[0];
    EXPECT_EQ(company.entity, "company");
    EXPECT_EQ(company.excess.bound.kind, economy::bound_kind::electric_power);
    EXPECT_NEAR(company.excess.value, 5e12, 1e3);
    EXPECT_NEAR(company.excess.ratio, 5e12 / world_electricity_w(), 1e-9);
    EXPECT_EQ(company.message, "company: peak electric power 5e12 W is 1.5 times the world's mean electricity generation "
                               "(3.41e12 W)");
    EXPECT_EQ(r.summary.warnings[1].message, "site/big: power capacity 5e12 W is 1.5 times the world's mean electricity "
                                              "generation (3.41e12 W)");
    const auto& events = r.record.events();
    const auto n = std::count_if(events.begin(), events.end(), [](const sim::event& e) { return e.kind == "warning"; });
    EXPECT_EQ(n, 2);
    const auto it = std::find_if(events.begin(), events.end(), [](const sim::event& e) { return e.kind == "warning"; });
    EXPECT_EQ(it->at, epoch::from_utc_iso("2026-01-31"));
    EXPECT_EQ(it->entity, "company");
}

TEST(scale_warnings, a_site_within_the_bounds_gives_none) {
    const auto r = sim::run(ground_scenario(1e5, 200e6));
    EXPECT_TRUE(r.summary.warnings.empty());
    for (const auto& e : r.record.events()) EXPECT_NE(e.kind, "warning") << e.detail;
}

TEST(scale_warnings, the_summary_gives_the_peak_powers_shares_of_the_sun) {
    const auto r = sim::run(ground_scenario(1e5, 200e6));
    const double peak = r.summary.peak_facility_power_w;
    EXPECT_NEAR(peak, 1e5 * 1000.0 * 1.25, 1e-3);
    EXPECT_DOUBLE_EQ(r.summary.peak_sun_share, peak / constants::solar_luminosity_w);
    EXPECT_NEAR(r.summary.peak_earth_sunlight_share, peak / 1.7355e17, 1e-4 * peak / 1.7355e17);
}

}  // namespace
