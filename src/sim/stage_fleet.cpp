// Stage 2 (fleet): the deployed model, and the cohorts' growth and uploads (docs/models/fleet.md).
#include "kardashev/fleet/cohort.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

fleet_state start_fleet(const scenario& input, recorder& recording) {
    fleet_state cohorts;
    cohorts.deployed_loss = input.training.reference_loss;
    for (const auto& cohort : input.cohorts) {
        const auto entity = "fleet/" + cohort.name;
        cohorts.units.push_back(cohort.units);
        cohorts.channels.units.push_back(recording.add_channel(entity, "units", "1"));
        cohorts.channels.upload_demand.push_back(recording.add_channel(entity, "upload_demand", "B/s"));
    }
    return cohorts;
}

void fleet_stage(const step_clock& clock, const scenario& input, const std::vector<generation>& released,
                 fleet_state& cohorts, fleet_step& out, recorder& recording) {
    // Deploy any model whose release date has come (generations are released in date order).
    while (cohorts.deployed < released.size() && released[cohorts.deployed].released <= clock.start) {
        cohorts.deployed_loss = released[cohorts.deployed].loss;
        cohorts.deployed_quality = released[cohorts.deployed].quality;
        ++cohorts.deployed;
    }
    // Logistic growth towards a market size raised by the deployed model.
    out.demand_total_bytes_per_s = 0.0;
    for (std::size_t i = 0; i < input.cohorts.size(); ++i) {
        const auto& cohort = input.cohorts[i];
        double& units = cohorts.units[i];
        units = fleet::logistic_step(units, fleet::market_size(cohort, cohorts.deployed_quality), cohort.growth_rate_per_s,
                                     clock.dt_s);
        out.demand_bytes_per_s[i] = fleet::upload_demand_bytes_per_s(cohort, units);
        out.demand_total_bytes_per_s += out.demand_bytes_per_s[i];
        recording.record(clock.index, cohorts.channels.units[i], units);
        recording.record(clock.index, cohorts.channels.upload_demand[i], out.demand_bytes_per_s[i]);
    }
}

}  // namespace kardashev::sim::detail
