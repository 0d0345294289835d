// Off-world cost per accelerator from the site design at the purchase date (docs/models/sim.md "Launch").
#include "offworld_cost.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

// NOTE: mass and cost of economy::design_site scale linearly with IT power (no rounding in the mass roll-up), so
// one design at a reference power gives the per-accelerator figures of any size.
constexpr double reference_it_power_w = 10.0e6;

/// The design per accelerator of `where`'s current accelerator, computed once per accelerator type at unit prices:
/// spacecraft USD at 1 USD/kg is its spacecraft kg, launch USD at 1 USD/kg its kg to LEO (the Moon: with the
/// transfer's gear ratio, as the design prices it).
const offworld_unit& unit_for(const scenario& input, const site& where, const compute::accelerator& part,
                              std::vector<offworld_unit>& cache) {
    const auto cached = std::find_if(cache.begin(), cache.end(),
                                     [&](const offworld_unit& u) { return u.accelerator == part.name; });
    if (cached != cache.end()) return *cached;
    const auto design = checked_design(where, design_inputs(input, where, part, reference_it_power_w, 1.0, 1.0));
    cache.push_back({part.name, design.hardware_usd / design.accelerators, design.launch_usd / design.accelerators});
    return cache.back();
}

}  // namespace

economy::site_inputs design_inputs(const scenario& input, const site& where, const compute::accelerator& part,
                                   double it_power_w, double launch_usd_per_kg, double spacecraft_usd_per_kg) {
    economy::site_inputs inputs;
    inputs.kind = where.kind;
    inputs.it_power_w = it_power_w;
    inputs.accelerator.power_w = part.all_in_power_w;
    inputs.accelerator.price_usd = part.price_usd;
    inputs.life_s = input.economy.accelerator_life.seconds();
    inputs.start = input.start;
    inputs.launch_price_usd_per_kg = launch_usd_per_kg;
    inputs.spacecraft_price_usd_per_kg = spacecraft_usd_per_kg;
    inputs.altitude_m = where.orbit.altitude_m;
    inputs.sun_synchronous = where.orbit.sun_synchronous;
    inputs.ltan_h = where.orbit.ltan_h;
    inputs.inclination_rad = where.orbit.inclination_rad;
    inputs.lunar_polar = where.moon.location == lunar_location::polar;
    if (inputs.lunar_polar) inputs.lunar_sunlit_fraction = where.moon.sunlit_fraction;
    return inputs;
}

economy::site_design checked_design(const site& where, const economy::site_inputs& inputs) {
    try {
        return economy::design_site(inputs);
    } catch (const error& e) {
        throw domain_error(fmt::format("sites: {}: the {} design does not close at {:.4g} W of IT: {}", where.name,
                                       to_string(where.kind), inputs.it_power_w, e.what()));
    }
}

offworld_offer offer_for(const scenario& input, std::size_t site_index, const compute::accelerator& part,
                         double per_accel_facility_w, launch_state& launched, const launch_step& prices) {
    const auto& where = input.sites[site_index];
    if (where.kind == site_kind::ground) return {where.facility_capex_usd_per_w, inf, nullptr};
    const auto& unit = unit_for(input, where, part, launched.units[site_index]);
    // Spacecraft and launch per accelerator at this step's prices (design_site: hardware = spacecraft kg x price,
    // launch = kg to LEO x price), spread over the accelerator's facility watts as the build-out books facilities.
    const double usd = unit.spacecraft_kg * prices.spacecraft_usd_per_kg + unit.leo_kg * prices.price_usd_per_kg;
    const double max_new = unit.leo_kg > 0.0 ? prices.left_kg / unit.leo_kg : inf;
    return {usd / per_accel_facility_w, max_new, &unit};
}

double launch_limited(double want, const site_plant& plant, double per_accel_facility_w, const offworld_offer& offer,
                      site_buildout& out) {
    const double spare = std::max(0.0, (plant.facility_built_w - plant.stock.facility_w) / per_accel_facility_w);
    const double most = spare + offer.max_new;  // spare facility needs no launch
    if (!(want > most * (1.0 + tiny))) return want;
    out.launch_limited = true;
    return std::max(0.0, most);
}

void take_launch(const offworld_offer& offer, double count, launch_step& step) {
    if (offer.unit == nullptr || !(count > 0.0)) return;
    const double kg = count * offer.unit->leo_kg;
    step.launched_kg += kg;
    step.spacecraft_kg += count * offer.unit->spacecraft_kg;
    step.left_kg = std::max(0.0, step.left_kg - kg);
}

}  // namespace kardashev::sim::detail
