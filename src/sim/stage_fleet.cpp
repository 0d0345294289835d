// Stage 2 (fleet): the deployed model, and the cohorts' growth, dated events and uploads (docs/models/fleet.md).
#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/fleet/cohort.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// True when `at` falls after the previous step's start and by this step's: the step that first sees it.
bool comes_due(epoch at, const fleet_state& cohorts, const step_clock& clock) {
    return at > cohorts.previous_step && at <= clock.start;
}

/// Deploys any model whose release date has come (generations are released in date order).
void deploy_released(const step_clock& clock, const std::vector<generation>& released, fleet_state& cohorts) {
    while (cohorts.deployed < released.size() && released[cohorts.deployed].released <= clock.start) {
        cohorts.deployed_loss = released[cohorts.deployed].loss;
        cohorts.deployed_quality = released[cohorts.deployed].quality;
        ++cohorts.deployed;
    }
}

/// Each region's approval of a cohort that comes due this step, as a `region_approval` event.
void record_approvals(const step_clock& clock, const scenario& input, const fleet_state& cohorts, recorder& recording) {
    if (!input.uplink.network.enabled) return;
    for (const auto& region : input.uplink.network.regions) {
        for (const auto& rs : region.cohorts) {
            if (!rs.approved || !comes_due(*rs.approved, cohorts, clock)) continue;
            recording.add_event({*rs.approved, "region_approval", "region/" + region.name,
                                 fmt::format("{} approved in {}: the {:.6g} % of its units there upload from now", rs.cohort,
                                             region.name, 100.0 * schedule_value(rs.share, *rs.approved))});
        }
    }
}

/// A change of a production ramp's rate that comes due this step, as a `production_change` event.
void record_production_change(const step_clock& clock, const fleet::cohort& cohort, const fleet_state& cohorts,
                              recorder& recording) {
    for (const auto& p : cohort.production_per_s) {
        if (!comes_due(p.at, cohorts, clock)) continue;
        recording.add_event({p.at, "production_change", "fleet/" + cohort.name,
                             fmt::format("{} production at {:.0f} units/yr", cohort.name, p.value * constants::julian_year_s)});
    }
}

/// The cohort's units at the end of the step: zero outside its service; its starting units in the step it enters
/// service (a `cohort_start` event), none from its end (a `cohort_end` event); else its production ramp or
/// logistic growth towards its market size, raised by the deployed model (F1, F2, F10).
double step_units(const step_clock& clock, const fleet::cohort& cohort, std::size_t i, fleet_state& cohorts,
                  recorder& recording) {
    double& units = cohorts.units[i];
    const auto entity = "fleet/" + cohort.name;
    if (cohort.end && comes_due(*cohort.end, cohorts, clock) && cohorts.started[i] != 0) {
        recording.add_event({*cohort.end, "cohort_end", entity, fmt::format("{} retired: {:.0f} units leave service", cohort.name, units)});
    }
    if (!fleet::in_service(cohort, clock.start)) {
        units = 0.0;
        return units;
    }
    if (cohorts.started[i] == 0) {
        cohorts.started[i] = 1;
        units = cohort.units;
        cohorts.ramps[i] = fleet::start_production(units, clock.start);
        recording.add_event({*cohort.start, "cohort_start", entity,
                             fmt::format("{} enters service with {:.0f} units", cohort.name, units)});
    }
    if (!cohort.production_per_s.empty()) {
        record_production_change(clock, cohort, cohorts, recording);
        units = fleet::production_step(cohorts.ramps[i], cohort.production_per_s, cohort.service_life, clock.start, clock.end);
    } else {
        units = fleet::logistic_step(units, fleet::market_size(cohort, clock.start, cohort_quality(cohorts, i)),
                                     logistics::dated_value_at(cohort.growth_rate_per_s, clock.start), clock.dt_s);
    }
    return units;
}

}  // namespace

double cohort_quality(const fleet_state& cohorts, std::size_t cohort) {
    if (cohort < cohorts.cohort_quality.size() && cohorts.cohort_quality[cohort] >= 0.0) return cohorts.cohort_quality[cohort];
    return cohorts.deployed_quality;
}

fleet_state start_fleet(const scenario& input, recorder& recording) {
    fleet_state cohorts;
    cohorts.deployed_loss = input.training.reference_loss;
    cohorts.previous_step = input.start;
    cohorts.cohort_quality.assign(input.cohorts.size(), -1.0);
    cohorts.routes = cohort_routes_of(input.uplink.network, input.cohorts);
    for (const auto& cohort : input.cohorts) {
        const auto entity = "fleet/" + cohort.name;
        const bool from_start = fleet::in_service(cohort, input.start);
        cohorts.units.push_back(from_start ? cohort.units : 0.0);
        cohorts.started.push_back(from_start ? 1 : 0);
        cohorts.ramps.push_back(fleet::start_production(from_start ? cohort.units : 0.0, input.start));
        cohorts.channels.units.push_back(recording.add_channel(entity, "units", "1"));
        cohorts.channels.upload_demand.push_back(recording.add_channel(entity, "upload_demand", "B/s"));
    }
    return cohorts;
}

void fleet_stage(const step_clock& clock, const scenario& input, const std::vector<generation>& released,
                 fleet_state& cohorts, fleet_step& out, recorder& recording) {
    deploy_released(clock, released, cohorts);
    record_approvals(clock, input, cohorts, recording);
    out.demand_total_bytes_per_s = 0.0;
    for (std::size_t i = 0; i < input.cohorts.size(); ++i) {
        const auto& cohort = input.cohorts[i];
        const double units = step_units(clock, cohort, i, cohorts, recording);
        // Only the units in regions where the cohort is approved upload (region_share.approved).
        out.demand_bytes_per_s[i] = fleet::upload_demand_bytes_per_s(cohort, clock.start, units) *
                                    approved_share(cohorts.routes, i, clock.start);
        out.demand_total_bytes_per_s += out.demand_bytes_per_s[i];
        recording.record(clock.index, cohorts.channels.units[i], units);
        recording.record(clock.index, cohorts.channels.upload_demand[i], out.demand_bytes_per_s[i]);
    }
    cohorts.previous_step = clock.start;
}

}  // namespace kardashev::sim::detail
