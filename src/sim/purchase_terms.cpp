// The build-out's terms of purchase for the planner (sim/purchase_terms.hpp): the same functions the build-out
// stage calls (vintages.cpp, site_power.cpp, offworld_cost.cpp).
#include "kardashev/sim/purchase_terms.hpp"

#include "offworld_cost.hpp"
#include "site_power.hpp"
#include "vintages.hpp"

namespace kardashev::sim {

namespace {

// NOTE: as offworld_cost.cpp: a design's masses scale linearly with IT power, so one reference size serves.
constexpr double reference_it_power_w = 10.0e6;

/// Spacecraft and LEO kg per accelerator of `part` at the site (design at unit prices: hardware_usd is kg built,
/// launch_usd is kg launched).
offworld_mass designed_mass(const scenario& input, const site& where, const compute::accelerator& part,
                            detail::orbit_year_cache& orbits) {
    const auto design = detail::checked_design(
        where, detail::design_inputs(input, where, part, reference_it_power_w, 1.0, 1.0), orbits);
    return {design.hardware_usd / design.accelerators, design.launch_usd / design.accelerators};
}

}  // namespace

compute::accelerator part_bought(const scenario& input, const site& where, epoch at,
                                 const compute::hardware_trend& trend) {
    if (where.purchase == purchase_policy::pinned || input.catalogue.empty()) return where.accel;
    return compute::part_on_offer(input.catalogue, at, trend);
}

double facility_w_per_accelerator(const site& where, const compute::accelerator& part) {
    return detail::facility_w_per_accelerator(where, part);
}

double power_cap_w(const site& where, epoch at) { return detail::site_power_cap_w(where, at); }

offworld_mass_fit::offworld_mass_fit(const scenario& input, std::size_t site_index, const compute::accelerator& part) {
    const auto& where = input.sites.at(site_index);
    compute::accelerator doubled = part;
    doubled.all_in_power_w *= 2.0;
    detail::orbit_year_cache orbits;  // both designs share the orbit's yearly eclipse
    const auto one = designed_mass(input, where, part, orbits), two = designed_mass(input, where, doubled, orbits);
    const double p = part.all_in_power_w;
    m_base = {2.0 * one.spacecraft_kg - two.spacecraft_kg, 2.0 * one.leo_kg - two.leo_kg};
    m_per_watt = {(two.spacecraft_kg - one.spacecraft_kg) / p, (two.leo_kg - one.leo_kg) / p};
}

offworld_mass offworld_mass_fit::at(double all_in_power_w) const noexcept {
    return {m_base.spacecraft_kg + m_per_watt.spacecraft_kg * all_in_power_w,
            m_base.leo_kg + m_per_watt.leo_kg * all_in_power_w};
}

}  // namespace kardashev::sim
