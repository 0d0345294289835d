// Stage 6 (energy): what each site's energy runs, its facility power and energy opex (docs/models/sim.md
// "Build-out").
#include <algorithm>
#include <cmath>

#include "kardashev/energy/battery.hpp"
#include "kardashev/energy/facility.hpp"
#include "site_power.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// The share of the accelerators drawing `facility_w` an orbit or moon site's energy runs over a step lit for the
/// share `sunlit` of it: in sunlight the arrays carry the load and recharge the storage for the dark at its
/// round-trip efficiency, as the site design sizes them (energy::recharge_power_w, SMAD 3rd ed. eq. 11-5;
/// docs/models/sim.md).
double usable_share(const site_buildout& built, double facility_w, double sunlit) {
    const double array_w_per_load_w =
        sunlit > 0.0 ? 1.0 + energy::recharge_power_w(1.0, 1.0 - sunlit, sunlit, energy::battery{}) : inf;
    return std::min(1.0, built.power_cap_w / (array_w_per_load_w * facility_w));
}

}  // namespace

energy_state start_energy(const scenario& input, recorder& recording) {
    // NOTE: each site's planned and installed counts are recorded here, in one block per site with what it runs,
    // rather than by the build-out stage, so that a site's rows of a step stay together in the time series.
    energy_state totals;
    totals.sites.resize(input.sites.size());
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto entity = "site/" + input.sites[i].name;
        auto& channels = totals.sites[i].channels;
        channels.planned = recording.add_channel(entity, "accelerators_planned", "1");
        channels.installed = recording.add_channel(entity, "accelerators", "1");
        channels.it_power = recording.add_channel(entity, "it_power", "W");
        channels.facility_power = recording.add_channel(entity, "facility_power", "W");
        channels.power_cap = recording.add_channel(entity, "power_capacity", "W");
        channels.peak_flops = recording.add_channel(entity, "peak_flops", "FLOP/s");
        channels.retired = recording.add_channel(entity, "retired", "1");
        if (input.sites[i].kind == site_kind::ground) {
            channels.energy_price = recording.add_channel(entity, "energy_price", "USD/J");
            channels.emissions = recording.add_channel(entity, "emissions", "kg");
        } else {
            channels.sunlit = recording.add_channel(entity, "sunlit_fraction", "1");
            channels.usable = recording.add_channel(entity, "usable_fraction", "1");
        }
    }
    totals.emissions_channel = recording.add_channel("company", "emissions", "kg");
    return totals;
}

void energy_stage(const step_clock& clock, const scenario& input, const buildout_state& plants,
                  const buildout_step& buildout, const fast_step& fast, energy_state& totals, energy_step& out,
                  recorder& recording) {
    const double dt = clock.dt_s;
    out.it_power_w = out.facility_power_w = out.unfed_peak_flops = 0.0;
    out.any_power_limited = false;
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& where = input.sites[i];
        const auto& built = buildout.sites[i];
        const auto& stock = plants.sites[i].stock;
        const double installed = plants.sites[i].installed;
        auto& site = totals.sites[i];
        const bool off_world = where.kind != site_kind::ground;
        const double usable = off_world && installed > 0.0 ? usable_share(built, stock.facility_w, fast.sunlit[i]) : 1.0;
        if (usable < 1.0) out.unfed_peak_flops += (1.0 - usable) * stock.peak_flops;
        out.any_power_limited = out.any_power_limited || built.power_limited || usable < 1.0 - tiny;
        const double running = installed * usable;
        out.running[i] = running;
        out.running_peak_flops[i] = usable * stock.peak_flops;  // sums over vintages, each at its own part
        out.newest[i] = &newest_part(stock);
        // The facility draws its full power while training.
        const double it_w = usable * stock.it_w;
        const double facility_w = energy::facility_power_w(it_w, where.facility.pue);
        const double energy_j = facility_w * dt;
        const auto mix = site_energy_mix(where, clock.start, facility_w);
        const double energy_usd = energy::energy_cost_usd(facility_w, dt, mix.price_usd_per_j);
        const double emissions_kg = energy_j * mix.carbon_kg_per_j;  // CO2 = energy x intensity
        out.it_power_w += it_w;
        out.facility_power_w += facility_w;
        totals.total_energy_j += energy_j;
        totals.total_opex_usd += energy_usd;
        totals.accelerator_hours += installed * dt / 3600.0;
        site.energy_j += energy_j;
        site.energy_usd += energy_usd;
        site.emissions_kg += emissions_kg;
        totals.total_emissions_kg += emissions_kg;
        site.accelerator_hours += installed * dt / 3600.0;
        site.running_hours += running * dt / 3600.0;
        site.peak_it_w = std::max(site.peak_it_w, stock.it_w);
        recording.record(clock.index, site.channels.planned, built.planned);
        recording.record(clock.index, site.channels.installed, installed);
        recording.record(clock.index, site.channels.it_power, it_w);
        recording.record(clock.index, site.channels.facility_power, facility_w);
        recording.record(clock.index, site.channels.power_cap, std::isinf(built.power_cap_w) ? 0.0 : built.power_cap_w);
        recording.record(clock.index, site.channels.peak_flops, out.running_peak_flops[i]);
        recording.record(clock.index, site.channels.retired, stock.retired);
        if (off_world) {
            recording.record(clock.index, site.channels.sunlit, fast.sunlit[i]);
            recording.record(clock.index, site.channels.usable, usable);
        } else {
            recording.record(clock.index, site.channels.energy_price, mix.price_usd_per_j);
            recording.record(clock.index, site.channels.emissions, site.emissions_kg);
        }
    }
    recording.record(clock.index, totals.emissions_channel, totals.total_emissions_kg);
    totals.peak_facility_power_w = std::max(totals.peak_facility_power_w, out.facility_power_w);
}

}  // namespace kardashev::sim::detail
