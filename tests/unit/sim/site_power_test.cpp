// A ground site's power plant over time (docs/models/energy.md "Site power plant"): blocks come online after
// their lead time, load is dispatched in merit order, emissions are energy x intensity, capex is booked at order.
#include <gtest/gtest.h>

#include "support/compute_fixtures.hpp"
#include "support/sim_scenarios.hpp"

#include "support/sim_series.hpp"

#include <cmath>
#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/sim/engine.hpp"
#include "sim/site_power.hpp"

namespace {


using kardashev::testing::series;

using namespace kardashev;
using energy::plant_kind;

constexpr double kwh = constants::joules_per_kwh;
const epoch start = epoch::from_utc_iso("2026-01-01");

sim::power_block block(plant_kind source, epoch from, double capacity_w, double price_per_kwh, double kg_per_kwh,
                       duration lead_time) {
    auto b = sim::default_power_block(source, from);
    b.capacity_w = capacity_w;
    b.energy_price_usd_per_j = price_per_kwh / kwh;
    b.carbon_kg_per_j = kg_per_kwh / kwh;
    b.lead_time = lead_time;
    return b;
}

/// One ground site of up to 100,000 accelerators of 1 kW at PUE 1.25, fed by `plant`; compute binds.
sim::scenario plant_scenario(std::vector<sim::power_block> plant) {
    auto s = kardashev::testing::one_site_scenario("plant");
    s.start = start;
    auto& site = s.sites[0];
    site.planned_accelerators = {{s.start, 100'000}};
    site.facility.energy_price_usd_per_j = 0.0;  // the plant's own fuel and rates are what the tests read
    site.power_plant = std::move(plant);
    return s;
}

TEST(site_power, a_gas_block_feeds_the_site_from_its_order_date_plus_lead_time_not_from_its_order_date) {
    const epoch ordered = start + duration::from_days(30);
    const auto s = plant_scenario({block(plant_kind::gas_turbine, ordered, 50e6, 0.03, 0.33, duration::from_days(180))});
    const auto r = sim::run(s);
    const auto cap = series(r, "site/a", "power_capacity");
    const auto installed = series(r, "site/a", "accelerators");
    ASSERT_EQ(cap.size(), 365u);
    const std::size_t online = 30 + 180;  // the step that starts at from + lead_time
    EXPECT_EQ(cap[30], 0.0) << "ordered, not yet online";
    EXPECT_EQ(cap[online - 1], 0.0);
    EXPECT_EQ(cap[online], 50e6);
    EXPECT_EQ(installed[online - 1], 0.0);
    EXPECT_NEAR(installed[online], 50e6 / 1250.0, 1e-6) << "50 MW feeds 40,000 accelerators of 1.25 kW";
}

TEST(site_power, a_cheap_nuclear_block_lowers_the_dispatched_price_in_merit_order) {
    const auto grid = block(plant_kind::grid, start, 1e9, 0.10, 0.37, duration::from_seconds(0.0));
    const auto nuclear = block(plant_kind::nuclear, start, 0.4e9, 0.025, 0.0, duration::from_days(100));
    const std::vector<sim::power_block> plant{grid, nuclear};
    const epoch before = start + duration::from_days(99), after = start + duration::from_days(100);
    const auto only_grid = sim::detail::dispatch(plant, before, 1e9);
    EXPECT_NEAR(only_grid.price_usd_per_j * kwh, 0.10, 1e-12);
    // Nuclear is listed second but dispatched first: 0.4 GW at 0.025, the other 0.6 GW from the grid.
    const auto both = sim::detail::dispatch(plant, after, 1e9);
    EXPECT_NEAR(both.price_usd_per_j * kwh, 0.4 * 0.025 + 0.6 * 0.10, 1e-12);
    EXPECT_NEAR(both.carbon_kg_per_j * kwh, 0.6 * 0.37, 1e-12);
    const auto small = sim::detail::dispatch(plant, after, 0.3e9);
    EXPECT_NEAR(small.price_usd_per_j * kwh, 0.025, 1e-12) << "a load the nuclear block carries alone";
    EXPECT_EQ(sim::detail::plant_capacity_w(plant, before), 1e9);
    EXPECT_EQ(sim::detail::plant_capacity_w(plant, after), 1.4e9);

    // Through the engine: the site's energy price steps down when the nuclear block comes online.
    const auto r = sim::run(plant_scenario(plant));
    const auto price = series(r, "site/a", "energy_price");
    EXPECT_NEAR(price[99] * kwh, 0.10, 1e-12);
    EXPECT_LT(price[100], price[99]);
}

TEST(site_power, emissions_are_energy_times_carbon_intensity) {
    const auto s = plant_scenario({block(plant_kind::gas_turbine, start, 50e6, 0.03, 0.33, duration::from_seconds(0.0))});
    const auto r = sim::run(s);
    const auto& site = r.summary.sites.at(0);
    ASSERT_GT(site.energy_j, 0.0);
    EXPECT_NEAR(site.emissions_kg, site.energy_j * 0.33 / kwh, 1e-9 * site.emissions_kg);
    EXPECT_NEAR(site.energy_usd, site.energy_j * 0.03 / kwh, 1e-9 * site.energy_usd);
    EXPECT_EQ(r.summary.total_emissions_kg, site.emissions_kg);
    EXPECT_NEAR(series(r, "company", "emissions").back(), site.emissions_kg, 1e-9 * site.emissions_kg);
}

TEST(site_power, a_site_without_a_plant_follows_its_energy_price_and_carbon_schedules) {
    auto s = plant_scenario({});
    auto& site = s.sites.at(0);
    site.power_capacity_w = {{start, 50e6}};
    site.facility.energy_price_usd_per_j = 0.08 / kwh;  // the first points below take precedence
    site.energy_price_usd_per_j = {{start, 0.08 / kwh}, {start + duration::from_days(100), 0.12 / kwh}};
    site.carbon_kg_per_j = {{start, 0.4 / kwh}, {start + duration::from_days(200), 0.1 / kwh}};
    const auto r = sim::run(s);
    const auto price = series(r, "site/a", "energy_price");
    EXPECT_NEAR(price[99] * kwh, 0.08, 1e-12);
    EXPECT_NEAR(price[100] * kwh, 0.12, 1e-12);
    const auto emitted = series(r, "site/a", "emissions");
    const auto facility_w = series(r, "site/a", "facility_power");
    const double day = 86'400.0;
    EXPECT_NEAR(emitted[150] - emitted[149], facility_w[150] * day * 0.4 / kwh, 1e-6);
    EXPECT_NEAR(emitted[250] - emitted[249], facility_w[250] * day * 0.1 / kwh, 1e-6);
}

TEST(site_power, plant_capex_is_booked_when_a_block_is_ordered) {
    auto gas = block(plant_kind::gas_turbine, start + duration::from_days(200), 50e6, 0.03, 0.33, duration::from_days(300));
    gas.capex_usd_per_w = 2.4;
    auto early = sim::run(plant_scenario({gas}));
    EXPECT_NEAR(early.summary.total_power_plant_capex_usd, 50e6 * 2.4, 1e-3);
    EXPECT_NEAR(early.summary.sites.at(0).power_plant_capex_usd, 50e6 * 2.4, 1e-3);
    EXPECT_EQ(early.summary.sites.at(0).capex_usd, early.summary.sites.at(0).power_plant_capex_usd)
        << "online after the run ends: no accelerator was bought, the plant was";
    // Ordered after the run: nothing is booked.
    gas.from = start + duration::from_days(400);
    const auto late = sim::run(plant_scenario({gas}));
    EXPECT_EQ(late.summary.total_power_plant_capex_usd, 0.0);
}

TEST(site_power, defaults_per_source_follow_the_documented_figures) {
    const auto gas = sim::default_power_block(plant_kind::gas_turbine, start);
    EXPECT_NEAR(gas.carbon_kg_per_j * kwh, 6200.0 * 53.06 / 1e6, 1e-6);  // heat rate x EPA factor
    EXPECT_GT(gas.energy_price_usd_per_j * kwh, 0.0267);                   // fuel alone is 26.7 USD/MWh
    const auto nuclear = sim::default_power_block(plant_kind::nuclear, start);
    EXPECT_LT(nuclear.energy_price_usd_per_j, gas.energy_price_usd_per_j);
    EXPECT_GT(nuclear.capex_usd_per_w, gas.capex_usd_per_w);
    EXPECT_GT(nuclear.lead_time, gas.lead_time);
    EXPECT_EQ(nuclear.carbon_kg_per_j, 0.0);
}

}  // namespace
