// The unit-cost stage: each site's levelised cost of a new accelerator-hour, the dates orbit and Moon first undercut
// the ground, and launches, launched mass and IT power added per year and site kind (docs/models/sim.md "Cheaper
// than the ground").
#include <gtest/gtest.h>

#include "support/compute_fixtures.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/logistics/launcher.hpp"
#include "kardashev/sim/engine.hpp"

namespace {

using kardashev::testing::test_accelerator;

using namespace kardashev;

const epoch start = epoch::from_utc_iso("2026-01-01");
const epoch price_drop = epoch::from_utc_iso("2030-01-01");
const epoch moon_drop = epoch::from_utc_iso("2032-01-01");

sim::site site_of(const std::string& name, sim::site_kind kind, double accelerators) {
    sim::site site;
    site.name = name;
    site.kind = kind;
    site.accel = test_accelerator();
    site.planned_accelerators = {{start + duration::from_days(7), accelerators},
                                 {start + duration::from_days(7 * 300), 2.0 * accelerators}};
    return site;
}

/// A ground site (30 USD/W of hall, 0.15 USD/kWh) and an orbit site, eight years at a one-week step, with the launch
/// price `before` USD/kg until 2030 and `after` from then; spacecraft at 100 USD/kg.
sim::scenario ground_and_orbit(double before, double after) {
    sim::scenario s;
    s.name = "crossover";
    s.start = start;
    s.length = duration::from_days(7 * 417);
    s.step = duration::from_days(7);
    s.corpus.initial_unique_tokens = 1e15;
    s.training.generation_length = duration::from_days(364);
    s.training.release_gap = duration::from_days(14);
    s.training.reference_loss = 2.5;
    auto ground = site_of("hall", sim::site_kind::ground, 1'000);
    ground.facility_capex_usd_per_w = 30.0;
    ground.facility.energy_price_usd_per_j = 0.15 / 3.6e6;
    s.sites.push_back(ground);
    s.sites.push_back(site_of("sat", sim::site_kind::orbit, 1'000));
    s.launch.price = {logistics::price_model::schedule, {}, 0.0, {}, {{start, before}, {price_drop, after}}};
    s.spacecraft.price = {logistics::price_model::schedule, {}, 0.0, {}, {{start, 100.0}}};
    return s;
}

std::vector<double> series(const sim::run_result& r, const std::string& entity, const std::string& metric) {
    std::vector<double> v;
    for (const auto& row : r.record.rows()) {
        const auto& c = r.record.channels()[row.channel];
        if (c.entity == entity && c.metric == metric) v.push_back(row.value);
    }
    return v;
}

TEST(crossover, a_falling_launch_price_makes_orbit_cheaper_than_the_ground_after_the_drop) {
    const auto r = sim::run(ground_and_orbit(3600.0, 50.0));
    const auto& from = r.summary.orbit_cheaper_than_ground_from;
    ASSERT_TRUE(from.has_value());
    EXPECT_GE(from->tai_ns(), price_drop.tai_ns());
    EXPECT_LT(from->tai_ns(), (price_drop + duration::from_days(7)).tai_ns());
    EXPECT_FALSE(r.summary.moon_cheaper_than_ground_from.has_value());  // no moon site
    const auto orbit = series(r, "site/sat", "new_accelerator_hour_cost");
    const auto ground = series(r, "site/hall", "new_accelerator_hour_cost");
    ASSERT_EQ(orbit.size(), ground.size());
    EXPECT_GT(orbit.front(), ground.front());
    EXPECT_LT(orbit.back(), ground.back());
    int events = 0;
    for (const auto& e : r.record.events())
        if (e.kind == "crossover") {
            ++events;
            EXPECT_EQ(e.entity, "orbit");
            EXPECT_EQ(e.at, *from);
        }
    EXPECT_EQ(events, 1);
}

TEST(crossover, a_launch_price_fixed_at_3600_usd_per_kg_never_crosses) {
    const auto r = sim::run(ground_and_orbit(3600.0, 3600.0));
    EXPECT_FALSE(r.summary.orbit_cheaper_than_ground_from.has_value());
    for (const auto& e : r.record.events()) EXPECT_NE(e.kind, "crossover");
}

TEST(crossover, without_a_ground_site_there_is_no_date) {
    auto s = ground_and_orbit(50.0, 50.0);
    s.sites.erase(s.sites.begin());
    EXPECT_FALSE(sim::run(s).summary.orbit_cheaper_than_ground_from.has_value());
}

TEST(crossover, a_moon_site_gets_its_own_date) {
    auto s = ground_and_orbit(3600.0, 50.0);
    s.sites.push_back(site_of("base", sim::site_kind::moon, 1'000));
    // A lunar base costs several times an orbit site per accelerator (landed mass, the night's storage): against a
    // dear ground (3 USD/kWh) it crosses once launch and spacecraft fall to 10 USD/kg, two years after the orbit.
    s.sites[0].facility.energy_price_usd_per_j = 3.0 / 3.6e6;
    s.launch.price.price_usd_per_kg.push_back({moon_drop, 10.0});
    s.spacecraft.price.price_usd_per_kg.push_back({moon_drop, 10.0});
    const auto r = sim::run(s);
    ASSERT_TRUE(r.summary.moon_cheaper_than_ground_from.has_value());
    ASSERT_TRUE(r.summary.orbit_cheaper_than_ground_from.has_value());
    const auto moon = series(r, "site/base", "new_accelerator_hour_cost");
    const auto orbit = series(r, "site/sat", "new_accelerator_hour_cost");
    EXPECT_GT(moon.back(), orbit.back());  // the same part, dearer to land on the Moon than to put in LEO
    EXPECT_GE(r.summary.moon_cheaper_than_ground_from->tai_ns(), moon_drop.tai_ns());
    EXPECT_LT(r.summary.orbit_cheaper_than_ground_from->tai_ns(), moon_drop.tai_ns());
}

TEST(crossover, the_yearly_launched_mass_is_the_launch_stages_mass) {
    auto s = ground_and_orbit(3600.0, 50.0);
    s.sites.push_back(site_of("base", sim::site_kind::moon, 100));
    const logistics::launcher starship{"Starship V3", 100e3, 10e6, 25.0, "test"};
    s.launch.launchers = {{starship, {{start, 1'000.0 / constants::julian_year_s}}}};
    const auto r = sim::run(s);
    const auto cumulative = series(r, "launch", "launched_mass_cumulative");
    const auto& years = r.summary.years;
    ASSERT_EQ(years.size(), 8u);  // 2026 to 2033
    EXPECT_EQ(years.front().year, 2026);
    EXPECT_EQ(years.back().year, 2033);
    double table_kg = 0.0, table_launches = 0.0, ground_w = 0.0;
    for (const auto& y : years) {
        EXPECT_EQ(y.kinds[0].launched_mass_kg, 0.0);  // the ground launches nothing
        for (const auto& kind : y.kinds) {
            table_kg += kind.launched_mass_kg;
            table_launches += kind.launches;
        }
        ground_w += y.kinds[0].it_power_added_w;
    }
    EXPECT_NEAR(table_kg, cumulative.back(), 1e-9 * cumulative.back());
    EXPECT_GT(years.front().kinds[1].launched_mass_kg, 0.0);
    EXPECT_GT(years.front().kinds[2].launched_mass_kg, 0.0);
    // Each year's mass is the rise of the cumulative channel over the year's steps.
    const auto steps_2026 = static_cast<std::size_t>(365 / 7 + 1);  // steps starting in 2026
    const double kg_2026 = years.front().kinds[1].launched_mass_kg + years.front().kinds[2].launched_mass_kg;
    EXPECT_NEAR(kg_2026, cumulative[steps_2026 - 1], 1e-9 * kg_2026);
    EXPECT_NEAR(table_launches, series(r, "launch", "launches_cumulative").back(), 1e-9 * table_launches);
    EXPECT_GT(table_launches, 0.0);
    // The ground bought 1,000, 1,000 more, and replaced the first 1,000 at the end of their five years: 1 kW each.
    EXPECT_NEAR(ground_w, 3'000 * 1'000.0, 1e-6);
}

}  // namespace
