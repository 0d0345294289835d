// A moon site with `moon.industry` grows by what its satellite factory launches (src/sim/lunar_industry.cpp;
// docs/models/sim.md "Lunar industry"), and `lunar_industry` binds when the factory cuts the plan.
#include <gtest/gtest.h>

#include "support/compute_fixtures.hpp"
#include "support/sim_scenarios.hpp"

#include "support/sim_series.hpp"

#include <string>
#include <vector>

#include "kardashev/logistics/price_path.hpp"
#include "kardashev/sim/engine.hpp"

namespace {


using kardashev::testing::series;

using namespace kardashev;
using sim::constraint;

constexpr double day_s = 86'400.0;

/// One moon site that plans 10,000 accelerators from day 10, a mass driver of 1 t a day, a large corpus.
sim::scenario moon_scenario() {
    auto s = kardashev::testing::one_site_scenario("moon-test");
    sim::site site;  // a moon site with the defaults of sim::site, not the ground site's facility
    site.name = "base";
    site.kind = sim::site_kind::moon;
    site.accel = s.sites[0].accel;
    site.planned_accelerators = {{s.start, 0.0}, {s.start + duration::from_days(10), 10'000.0}};
    site.moon.industry.enabled = true;
    site.moon.industry.driver_rate_kg_per_s = {{s.start, 1000.0 / day_s}};
    site.moon.industry.regolith_share = {{s.start, 0.3}};
    s.sites = {site};
    s.launch.price = {logistics::price_model::schedule, {}, 0.0, {}, {{s.start, 100.0}}};  // 100 USD/kg to LEO
    return s;
}

TEST(lunar_industry, a_small_mass_driver_binds_and_caps_the_build_out) {
    const auto s = moon_scenario();
    const auto r = sim::run(s);
    // From day 10 the plan wants 10,000 accelerators; 1 t a day launches a few dozen: every step from then binds.
    EXPECT_EQ(r.summary.binding_steps[static_cast<std::size_t>(constraint::lunar_industry)], 355);
    EXPECT_EQ(r.summary.binding_steps[static_cast<std::size_t>(constraint::compute)], 10);
    int changes = 0;
    for (const auto& e : r.record.events()) {
        if (e.kind != "bottleneck_change") continue;
        ++changes;
        if (changes == 2) {
            EXPECT_EQ(e.detail, "compute -> lunar_industry");
            EXPECT_EQ(e.at, s.start + duration::from_days(11));
        }
    }
    EXPECT_EQ(changes, 2);
    // The factory's own event names the limit: the driver's rate from day 10.
    int limits = 0;
    for (const auto& e : r.record.events()) {
        if (e.kind != "lunar_limit") continue;
        ++limits;
        EXPECT_EQ(e.entity, "site/base");
        EXPECT_EQ(e.detail, "plan -> driver_rate");
        EXPECT_EQ(e.at, s.start + duration::from_days(11));
    }
    EXPECT_EQ(limits, 1);
    const auto throughput = series(r, "site/base", "mass_driver_throughput");
    const auto installed = series(r, "site/base", "accelerators");
    const auto launched = series(r, "site/base", "satellites_launched");
    ASSERT_EQ(throughput.size(), 365U);
    EXPECT_EQ(throughput[5], 0.0);
    EXPECT_NEAR(throughput[100], 1000.0 / day_s, 1e-12);  // the driver runs flat out
    EXPECT_GT(installed.back(), 0.0);
    EXPECT_LT(installed.back(), 10'000.0);
    EXPECT_GT(launched.back(), launched[100]);
    // Each accelerator carries its share of the satellite: 355 t through the driver over (kg per accelerator).
    const double kg_per_accelerator = 355.0 * 1000.0 / installed.back();
    EXPECT_GT(kg_per_accelerator, 16.3);  // at least the accelerator itself
    EXPECT_LT(kg_per_accelerator, 1000.0);
}

TEST(lunar_industry, more_regolith_ships_less_mass_from_earth) {
    auto s = moon_scenario();
    const auto low = sim::run(s);
    s.sites[0].moon.industry.regolith_share = {{s.start, 0.6}};
    const auto high = sim::run(s);
    // The driver binds both: the same accelerators launched, less of each from Earth.
    EXPECT_DOUBLE_EQ(series(low, "site/base", "accelerators").back(), series(high, "site/base", "accelerators").back());
    EXPECT_LT(series(high, "site/base", "earth_mass_shipped").back(), series(low, "site/base", "earth_mass_shipped").back());
    EXPECT_DOUBLE_EQ(series(high, "site/base", "regolith_share").back(), 0.6);
}

TEST(lunar_industry, a_plant_below_the_drivers_need_halves_its_throughput) {
    auto s = moon_scenario();
    // The driver's 1 t/d at 2.376 km/s and 60 % draws 54.4 kW; a ridge lit 92.27 % with 29.5 kW of PV gives half.
    const double electric_w = 1000.0 / day_s * 0.5 * 2376.0 * 2376.0 / 0.6;
    s.sites[0].moon.industry.plant_power_w = {{s.start, 0.5 * electric_w / s.sites[0].moon.sunlit_fraction}};
    const auto r = sim::run(s);
    EXPECT_NEAR(series(r, "site/base", "mass_driver_throughput")[100], 0.5 * 1000.0 / day_s, 1e-12);
    EXPECT_NEAR(series(r, "site/base", "mass_driver_power")[100], 0.5 * electric_w, 1e-6);
}

TEST(lunar_industry, a_moon_site_without_industry_has_no_factory_channels) {
    auto s = moon_scenario();
    s.sites[0].moon.industry = {};
    const auto r = sim::run(s);
    EXPECT_TRUE(series(r, "site/base", "satellites_launched").empty());
    EXPECT_EQ(r.summary.binding_steps[static_cast<std::size_t>(constraint::lunar_industry)], 0);
    EXPECT_DOUBLE_EQ(series(r, "site/base", "accelerators").back(), 10'000.0);
}

}  // namespace
