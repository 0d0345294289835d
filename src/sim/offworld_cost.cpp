// Off-world cost per accelerator from the site design at the purchase date (docs/models/sim.md "Launch").
#include "offworld_cost.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

// NOTE: mass and cost of economy::design_site scale linearly with IT power (no rounding in the mass roll-up), so
// one design at a reference power gives the per-accelerator figures of any size.
constexpr double reference_it_power_w = 10.0e6;

/// The design per accelerator of `part` at `where`: spacecraft kg (built at the spacecraft price) and kg to LEO (the
/// Moon: with the transfer's gear ratio, as the design prices it), from design_site at unit prices.
offworld_unit designed_unit(const scenario& input, const site& where, const compute::accelerator& part,
                            orbit_year_cache& orbits) {
    const auto design = checked_design(where, design_inputs(input, where, part, reference_it_power_w, 1.0, 1.0), orbits);
    return {part.name, design.hardware_usd / design.accelerators, design.launch_usd / design.accelerators};
}

/// The unit of `part` at `where`, cached per part. The design's masses per accelerator are affine in the part's
/// all-in power (satellites are sized in W; each accelerator adds its own fixed mass: tests/unit/economy
/// site_design_test "mass per accelerator is affine in its power"), so two designs per site (the design's yearly
/// eclipse analysis is most of a run's time) give every part that site ever buys.
const offworld_unit& unit_for(const scenario& input, const site& where, const compute::accelerator& part,
                              std::vector<offworld_unit>& cache, std::array<double, 4>& fit, orbit_year_cache& orbits) {
    const auto cached = std::find_if(cache.begin(), cache.end(),
                                     [&](const offworld_unit& u) { return u.accelerator == part.name; });
    if (cached != cache.end()) return *cached;
    if (!(fit[0] > 0.0 || fit[2] > 0.0)) {
        compute::accelerator doubled = part;
        doubled.all_in_power_w *= 2.0;
        const auto one = designed_unit(input, where, part, orbits), two = designed_unit(input, where, doubled, orbits);
        const double p = part.all_in_power_w;
        fit = {2.0 * one.spacecraft_kg - two.spacecraft_kg, (two.spacecraft_kg - one.spacecraft_kg) / p,
               2.0 * one.leo_kg - two.leo_kg, (two.leo_kg - one.leo_kg) / p};
    }
    const double w = part.all_in_power_w;
    cache.push_back({part.name, fit[0] + fit[1] * w, fit[2] + fit[3] * w});
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

const orbit::eclipse_summary& orbit_year_cache::year_of(const economy::site_inputs& inputs) {
    const auto key = economy::orbit_year_key_of(inputs);
    for (const auto& [known, year] : m_years)
        if (known == key) return year;
    if (m_shared != nullptr) {
        m_years.emplace_back(key, m_shared->orbit_year(key));
        return m_years.back().second;
    }
    auto suns = std::find_if(m_suns.begin(), m_suns.end(), [&](const auto& known) { return known.first == key.start; });
    if (suns == m_suns.end()) {
        m_suns.emplace_back(key.start, economy::year_sun_positions(key.start));
        suns = m_suns.end() - 1;
    }
    m_years.emplace_back(key, economy::orbit_year_eclipse(key, suns->second));
    return m_years.back().second;
}

economy::site_design cached_design(const economy::site_inputs& inputs, orbit_year_cache& orbits) {
    const bool orbits_earth = inputs.kind == site_kind::orbit ||
                              (inputs.kind == site_kind::moon && inputs.mass_driver_rate_kg_per_year > 0.0);
    return orbits_earth ? economy::design_site(inputs, orbits.year_of(inputs)) : economy::design_site(inputs);
}

economy::site_design checked_design(const site& where, const economy::site_inputs& inputs, orbit_year_cache& orbits) {
    try {
        return cached_design(inputs, orbits);
    } catch (const error& e) {
        throw domain_error(fmt::format("sites: {}: the {} design does not close at {:.4g} W of IT: {}", where.name,
                                       to_string(where.kind), inputs.it_power_w, e.what()));
    }
}

offworld_offer offer_for(const scenario& input, std::size_t site_index, const compute::accelerator& part,
                         double per_accel_facility_w, launch_state& launched, const launch_step& prices) {
    const auto& where = input.sites[site_index];
    if (where.kind == site_kind::ground) return {where.facility_capex_usd_per_w, inf, nullptr};
    if (launched.unit_fits.size() < input.sites.size()) launched.unit_fits.resize(input.sites.size(), {0.0, 0.0, 0.0, 0.0});
    const auto& unit = unit_for(input, where, part, launched.units[site_index], launched.unit_fits[site_index],
                                launched.orbit_years);
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
