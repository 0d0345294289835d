// The run's summary from the stages' states at its end (sim/engine.hpp run_summary).
#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/economy/cost.hpp"
#include "kardashev/economy/scale.hpp"
#include "kardashev/economy/site_design.hpp"
#include "offworld_cost.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// A site's totals, and for an orbit or moon site the physical design at its peak IT power
/// (economy::design_site, docs/models/sites.md).
site_summary summarise_site(const scenario& input, const site& where, const site_plant& plant,
                            const site_energy& energy, const site_books& books, const launch_step& launched,
                            orbit_year_cache& orbits) {
    site_summary summary;
    summary.name = where.name;
    summary.kind = where.kind;
    summary.accelerator_hours = energy.accelerator_hours;
    summary.running_accelerator_hours = energy.running_hours;
    summary.capex_usd = books.capex_usd;
    summary.power_plant_capex_usd = books.power_plant_capex_usd;
    summary.depreciation_usd = books.depreciation_usd;
    summary.capital_charge_usd = books.capital_charge_usd;
    summary.energy_j = energy.energy_j;
    summary.energy_usd = energy.energy_usd;
    summary.emissions_kg = energy.emissions_kg;
    summary.peak_it_power_w = energy.peak_it_w;
    summary.failed_accelerators = plant.failed;
    summary.launch_lost_accelerators = plant.launch_lost;
    summary.retired_accelerators = plant.stock.retired;
    for (std::size_t k = 0; k < plant.stock.parts.size(); ++k) {
        const auto& record = plant.stock.parts[k];
        part_summary part{record.part.name, record.bought};
        if (k < books.parts.size()) {
            const auto& part_books = books.parts[k];
            part.accelerator_hours = part_books.accelerator_hours;
            part.running_accelerator_hours = part_books.running_hours;
            part.capital_charge_usd = part_books.capital_charge_usd;
            // The capital charge is a cost of ownership beside depreciation (docs/models/economy.md).
            part.cost_per_accelerator_hour_usd = economy::cost_per_accelerator_hour(
                part_books.depreciation_usd + part_books.capital_charge_usd, part_books.shared_usd,
                part_books.running_hours);
        }
        if (part.bought > 0.0) summary.parts.push_back(std::move(part));
    }
    summary.cost_per_accelerator_hour_usd =
        economy::cost_per_accelerator_hour(books.depreciation_usd + books.capital_charge_usd, energy.energy_usd,
                                           energy.running_hours);
    // A moon site with a factory launches orbit-design satellites built mostly from regolith: the moon base design
    // (everything shipped from Earth) does not describe it, so it has none (its factory channels do).
    const bool factory = where.kind == site_kind::moon && where.moon.industry.enabled;
    if (where.kind == site_kind::ground || factory || !(energy.peak_it_w > 0.0)) return summary;
    // The design at the run's last launch and spacecraft prices (stage 5).
    // The part the site bought last (its design's accelerator).
    const auto& part = plant.stock.parts[plant.stock.buying].part;
    const auto design = checked_design(where, design_inputs(input, where, part, energy.peak_it_w, launched.price_usd_per_kg,
                                                            launched.spacecraft_usd_per_kg), orbits);
    summary.has_design = true;
    summary.kg_per_kw = design.kg_per_kw;
    summary.mass_kg = design.mass_kg;
    summary.launches = design.launches;
    summary.array_area_m2 = design.array_area_m2;
    summary.radiator_area_m2 = design.radiator_area_m2;
    summary.battery_kwh = design.battery_j / 3.6e6;
    summary.design_usd_per_kw_year = design.usd_per_kw_year;
    summary.design_usd_per_gpu_hour = design.usd_per_gpu_hour;
    return summary;
}

}  // namespace

run_summary summarise(const scenario& input, std::int64_t steps, const fleet_state& cohorts,
                      const uplink_state& uplink, const corpus_state& corpus, const buildout_state& plants,
                      const energy_state& energy, const training_state& training, const binding_state& binding,
                      const economy_state& books, const launch_step& launched, orbit_year_cache& orbits) {
    run_summary summary;
    summary.steps = steps;
    summary.generations = training.released;
    for (std::size_t i = 0; i < input.cohorts.size(); ++i)
        summary.final_fleet_units.emplace_back(input.cohorts[i].name, cohorts.units[i]);
    summary.final_unique_tokens = corpus.unique_tokens;
    summary.total_bytes_uploaded = uplink.total_bytes;
    summary.total_capex_usd = books.total_capex_usd;
    summary.total_power_plant_capex_usd = books.total_power_plant_capex_usd;
    summary.total_opex_usd = energy.total_opex_usd;
    summary.total_depreciation_usd = books.total_depreciation_usd;
    summary.total_capital_charge_usd = books.total_capital_charge_usd;
    summary.accelerator_hours = energy.accelerator_hours;
    summary.cost_per_accelerator_hour_usd = economy::cost_per_accelerator_hour(
        books.total_depreciation_usd + books.total_capital_charge_usd, energy.total_opex_usd, energy.accelerator_hours);
    summary.total_energy_j = energy.total_energy_j;
    summary.total_emissions_kg = energy.total_emissions_kg;
    summary.peak_facility_power_w = energy.peak_facility_power_w;
    summary.kardashev_index_peak =
        energy.peak_facility_power_w > 0.0 ? economy::kardashev_index(energy.peak_facility_power_w) : 0.0;
    summary.peak_sun_share = economy::solar_luminosity_share(energy.peak_facility_power_w);
    summary.peak_earth_sunlight_share = economy::earth_sunlight_share(energy.peak_facility_power_w);
    summary.binding_steps = binding.steps;
    summary.buildout_binding_steps = binding.buildout_steps;
    summary.supply_binding_steps = binding.supply_steps;
    for (std::size_t i = 0; i < input.sites.size(); ++i)
        summary.sites.push_back(summarise_site(input, input.sites[i], plants.sites[i], energy.sites[i], books.sites[i], launched,
                                                  orbits));
    summary.warnings = scale_warnings(input, summary);
    return summary;
}

}  // namespace kardashev::sim::detail
