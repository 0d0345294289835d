#pragma once
// The small scenario engine tests start from: one ground site of 10,000 "T1" accelerators (compute_fixtures.hpp),
// a corpus too large to bind, no fleet, 100-day generations over one year of daily steps.

#include <cstdint>
#include <string>

#include "kardashev/core/constants.hpp"
#include "kardashev/sim/scenario.hpp"
#include "support/compute_fixtures.hpp"

namespace kardashev::testing {

/// One site "a" of 10,000 T1 from 2026-01-01 (PUE 1.25, 0.10 USD/kWh, 10 USD/W of facility), 1e15 unique tokens,
/// 365 one-day steps, 100-day generations with 10-day release gaps, reference loss 2.5: compute binds.
inline sim::scenario one_site_scenario(const std::string& name) {
    sim::scenario s;
    s.name = name;
    s.start = epoch::from_utc_iso("2026-01-01");
    s.length = duration::from_days(365);
    s.step = duration::from_days(1);
    s.corpus.initial_unique_tokens = 1e15;
    sim::site site;
    site.name = "a";
    site.accel = test_accelerator();
    site.planned_accelerators = {{s.start, 10'000}};
    site.facility.pue = 1.25;
    site.facility.energy_price_usd_per_j = 0.10 / constants::joules_per_kwh;
    site.facility_capex_usd_per_w = 10.0;
    s.sites.push_back(site);
    s.training.generation_length = duration::from_days(100);
    s.training.release_gap = duration::from_days(10);
    s.training.reference_loss = 2.5;
    return s;
}

/// One orbit site `site_name` of T1 accelerators in a 650 km dawn-dusk orbit (PUE 1.0) from 2026-01-01, planning
/// `accelerators` from `from`, 1e15 unique tokens, launch at 3,600 USD/kg and spacecraft at 1,000 USD/kg throughout,
/// failures `mode` from `seed`. The caller sets the length, step, power and failure rate.
inline sim::scenario one_orbit_site_scenario(const std::string& site_name, double accelerators, duration from,
                                             sim::failure_mode mode, std::uint64_t seed) {
    sim::scenario s;
    s.start = epoch::from_utc_iso("2026-01-01");
    s.corpus.initial_unique_tokens = 1e15;
    s.seed = seed;
    s.failures = mode;
    sim::site site;
    site.name = site_name;
    site.kind = sim::site_kind::orbit;
    site.orbit.altitude_m = 650'000.0;
    site.orbit.ltan_h = 18.0;
    site.accel = test_accelerator();
    site.planned_accelerators = {{s.start + from, accelerators}};
    site.facility.pue = 1.0;
    s.sites.push_back(site);
    s.launch.price = {logistics::price_model::schedule, {}, 0.0, {}, {{s.start, 3600.0}}};
    s.spacecraft.price = {logistics::price_model::schedule, {}, 0.0, {}, {{s.start, 1000.0}}};
    return s;
}

}  // namespace kardashev::testing
