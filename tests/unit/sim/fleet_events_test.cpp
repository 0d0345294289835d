// Dated events in the fleet (docs/models/fleet.md F10, docs/models/sim.md "Fleet events"): a production ramp, a
// product that starts and ends at a date, and a region whose approval gates its share of a cohort's uploads.
#include <gtest/gtest.h>

#include "support/compute_fixtures.hpp"
#include "support/sim_scenarios.hpp"
#include "support/sim_series.hpp"

#include <string>
#include <vector>

#include "kardashev/core/constants.hpp"
#include "kardashev/sim/engine.hpp"

namespace {

using namespace kardashev;
using kardashev::testing::series;

const duration day = duration::from_days(1);

sim::scenario week() {
    auto s = kardashev::testing::one_site_scenario("fleet events");
    s.length = duration::from_days(7);
    s.sites[0].planned_accelerators = {{s.start, 1000}};
    return s;
}

/// Events of `kind` as "date entity" lines.
std::vector<std::string> events_of(const sim::run_result& r, const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& e : r.record.events()) {
        if (e.kind == kind) out.push_back(e.at.to_utc_date() + " " + e.entity);
    }
    return out;
}

TEST(fleet_events, a_production_ramp_gives_the_hand_computed_fleet) {
    auto s = week();
    fleet::cohort cabs;
    cabs.name = "cabs";
    cabs.kind = fleet::cohort_kind::robotaxi;
    cabs.units = 400;
    cabs.production_per_s = {{s.start, 0.5}, {s.start + day * 2, 0.25}};  // 43,200 then 21,600 a day
    cabs.service_life = duration::from_days(4);
    s.cohorts.push_back(cabs);
    const auto r = sim::run(s);
    // Additions minus retirements (tests/unit/fleet/production_test.cpp works them out line by line).
    EXPECT_EQ(series(r, "fleet/cabs", "units"),
              (std::vector<double>{43500, 86600, 108100, 129600, 108000, 86400, 86400}));
    EXPECT_EQ(events_of(r, "production_change"), (std::vector<std::string>{"2026-01-03 fleet/cabs"}));
}

TEST(fleet_events, a_product_enters_service_at_its_start_and_leaves_at_its_end) {
    auto s = week();
    fleet::cohort bots;
    bots.name = "bots";
    bots.units = 100;
    bots.market_size = {{s.start, 100}};
    bots.raw_bytes_per_unit_s = {{s.start, 10}};
    bots.upload_fraction = {{s.start, 1}};
    bots.start = s.start + day * 2;
    bots.end = s.start + day * 5;
    s.cohorts.push_back(bots);
    const auto r = sim::run(s);
    EXPECT_EQ(series(r, "fleet/bots", "units"), (std::vector<double>{0, 0, 100, 100, 100, 0, 0}));
    EXPECT_EQ(series(r, "fleet/bots", "upload_demand"), (std::vector<double>{0, 0, 1000, 1000, 1000, 0, 0}));
    EXPECT_EQ(events_of(r, "cohort_start"), (std::vector<std::string>{"2026-01-03 fleet/bots"}));
    EXPECT_EQ(events_of(r, "cohort_end"), (std::vector<std::string>{"2026-01-06 fleet/bots"}));
}

/// `week` with cars in two regions over Kuiper K1: 70 % in "us" from the start, 30 % in "eu" approved on day 3.
sim::scenario approval_week() {
    auto s = week();
    s.sites[0].location = {true, 35.06 * constants::pi / 180.0, -90.15 * constants::pi / 180.0};
    fleet::cohort cars;
    cars.name = "cars";
    cars.units = 1000;
    cars.market_size = {{s.start, 1000}};
    cars.raw_bytes_per_unit_s = {{s.start, 1000}};
    cars.upload_fraction = {{s.start, 1}};
    s.cohorts.push_back(cars);
    auto& net = s.uplink.network;
    net.enabled = true;
    net.constellation = {"kuiper-k1"};
    net.isl_capacity_bytes_per_s = {{s.start, 100e9 / 8}};
    net.user_link_capacity_bytes_per_s = {{s.start, 100e9 / 8}};
    net.gateway_link_capacity_bytes_per_s = {{s.start, 100e9 / 8}};
    net.fibre_capacity_bytes_per_s = {{s.start, 400e9 / 8}};
    net.samples = 1;
    sim::uplink_region us{"us", 39.8 * constants::pi / 180.0, -98.6 * constants::pi / 180.0, {}, {"a"}};
    us.cohorts = {{"cars", {{s.start, 0.7}}, std::nullopt}};
    sim::uplink_region eu{"eu", 52.4 * constants::pi / 180.0, 13.8 * constants::pi / 180.0, {}, {}};
    eu.cohorts = {{"cars", {{s.start, 0.3}}, s.start + day * 3}};
    net.regions = {us, eu};
    return s;
}

TEST(fleet_events, a_region_uploads_its_share_only_from_its_approval) {
    const auto s = approval_week();
    EXPECT_DOUBLE_EQ(sim::approved_share(s.uplink.network, "cars", s.start), 0.7);
    EXPECT_DOUBLE_EQ(sim::approved_share(s.uplink.network, "cars", s.start + day * 3), 1.0);
    const auto r = sim::run(s);
    const auto demand = series(r, "fleet/cars", "upload_demand");  // 1e6 B/s from every car
    EXPECT_EQ(demand, (std::vector<double>{7e5, 7e5, 7e5, 1e6, 1e6, 1e6, 1e6}));
    const auto eu = series(r, "region/eu", "upload_demand");
    const auto us = series(r, "region/us", "upload_demand");
    EXPECT_EQ(eu[2], 0.0);
    EXPECT_NEAR(us[2], 7e5, 1e-6);
    EXPECT_NEAR(eu[3], 3e5, 1e-6);
    EXPECT_NEAR(us[3], 7e5, 1e-6);
    EXPECT_EQ(events_of(r, "region_approval"), (std::vector<std::string>{"2026-01-04 region/eu"}));
}

TEST(fleet_events, a_scheduled_region_share_moves_demand_between_regions_from_its_date) {
    auto s = approval_week();
    s.uplink.network.regions[1].cohorts[0].approved.reset();
    s.uplink.network.regions[0].cohorts[0].share = {{s.start, 0.7}, {s.start + day * 4, 0.4}};
    s.uplink.network.regions[1].cohorts[0].share = {{s.start, 0.3}, {s.start + day * 4, 0.6}};
    const auto r = sim::run(s);
    const auto eu = series(r, "region/eu", "upload_demand");
    EXPECT_NEAR(eu[3], 3e5, 1e-6);
    EXPECT_NEAR(eu[4], 6e5, 1e-6);
    EXPECT_NEAR(series(r, "region/us", "upload_demand")[4], 4e5, 1e-6);
    EXPECT_EQ(series(r, "fleet/cars", "upload_demand")[4], 1e6);
}

}  // namespace
