// The lunar satellite factory in the build-out (docs/models/sim.md "Lunar industry"): a moon site with
// `moon.industry` grows by what its factory launches (economy::run_lunar_factory), its plan the target.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/economy/site_design.hpp"
#include "kardashev/sim/purchase_terms.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

namespace {

/// The satellite the factory builds: the orbit design (economy::design_site, docs/models/sites.md) for the site's
/// accelerator at the plan's peak IT power; its mass per accelerator and accelerators per satellite.
economy::lunar_factory satellite_design(const scenario& input, const site& where, orbit_year_cache& orbits) {
    double peak_accelerators = 0.0;
    for (const auto& p : where.planned_accelerators) peak_accelerators = std::max(peak_accelerators, p.value);
    economy::site_inputs inputs;
    inputs.kind = site_kind::orbit;
    // A plan of nothing still needs a design to price: one satellite's worth of IT power.
    inputs.it_power_w = std::max(peak_accelerators * where.accel.all_in_power_w, inputs.satellite_it_power_w);
    inputs.accelerator.power_w = where.accel.all_in_power_w;
    inputs.accelerator.price_usd = where.accel.price_usd;
    inputs.life_s = input.economy.accelerator_life.seconds();
    inputs.start = input.start;
    inputs.launch_price_usd_per_kg = 1.0;  // the mass is what the factory needs; prices come each step
    economy::site_design design;
    try {
        design = cached_design(inputs, orbits);
    } catch (const error& e) {
        throw domain_error(fmt::format("sites: {}: moon.industry: the satellite design does not close at {:.4g} W of "
                                       "IT: {}", where.name, inputs.it_power_w, e.what()));
    }
    economy::lunar_factory f;
    f.satellite_kg_per_accelerator = design.mass_kg / design.accelerators;
    f.accelerator_kg = inputs.accelerator.mass_kg;
    f.accelerator_power_w = where.accel.all_in_power_w;
    f.accelerators_per_satellite = design.satellites > 0.0 ? design.accelerators / design.satellites : 1.0;
    f.driver = where.moon.industry.driver;
    return f;
}

/// The factory's figures at `at` from the site's schedules: regolith share, driver rate, the plant's mean power,
/// the Earth-to-Moon delivery price and Earth's shipments.
void set_factory_at(const site& where, epoch at, double launch_usd_per_kg, economy::lunar_factory& f) {
    const auto& industry = where.moon.industry;
    f.regolith_share = schedule_value(industry.regolith_share, at);
    f.driver.rate_kg_per_s = schedule_value(industry.driver_rate_kg_per_s, at);
    // The driver fires while the PV sees the Sun: its mean power is the nameplate x the site's sunlit fraction.
    // No plant schedule: a plant sized for the driver's rate (it never binds).
    f.plant_mean_power_w =
        industry.plant_power_w.empty() ? inf : schedule_value(industry.plant_power_w, at) * where.moon.sunlit_fraction;
    // Earth to the surface: the stated schedule, else the LEO launch price x the propellant gear ratio
    // (logistics::lunar_delivery_gear_ratio, Tsiolkovsky: 5.93 km/s LEO -> surface at Isp 380 s, x4.9).
    f.delivery_price_usd_per_kg = industry.delivery_price_usd_per_kg.empty()
                                      ? launch_usd_per_kg * logistics::lunar_delivery_gear_ratio()
                                      : schedule_value(industry.delivery_price_usd_per_kg, at);
    f.earth_shipments_kg_per_s = industry.earth_shipments_kg_per_s.empty()
                                     ? inf  // no limit
                                     : schedule_value(industry.earth_shipments_kg_per_s, at);
}

}  // namespace

lunar_industry_state start_lunar_industry(const scenario& input, orbit_year_cache& orbits) {
    lunar_industry_state lunar;
    lunar.sites.resize(input.sites.size());
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        const auto& where = input.sites[i];
        if (where.kind != site_kind::moon || !where.moon.industry.enabled) continue;
        lunar.sites[i].enabled = true;
        lunar.sites[i].factory = satellite_design(input, where, orbits);
        lunar.any = true;
    }
    return lunar;
}

void register_lunar_industry(const scenario& input, lunar_industry_state& lunar, recorder& recording) {
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        auto& s = lunar.sites[i];
        if (!s.enabled) continue;
        const std::string entity = "site/" + input.sites[i].name;
        s.satellites_ch = recording.add_channel(entity, "satellites_launched", "count");
        s.throughput_ch = recording.add_channel(entity, "mass_driver_throughput", "kg/s");
        s.power_ch = recording.add_channel(entity, "mass_driver_power", "W");
        s.earth_ch = recording.add_channel(entity, "earth_mass_shipped", "kg");
        s.regolith_ch = recording.add_channel(entity, "regolith_share", "1");
    }
}

void lunar_industry_begin_step(const step_clock& clock, const scenario& input, double launch_usd_per_kg,
                               lunar_industry_state& lunar) {
    if (!lunar.any) return;
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        auto& s = lunar.sites[i];
        if (!s.enabled) continue;
        set_factory_at(input.sites[i], clock.start, launch_usd_per_kg, s.factory);
        s.last = economy::run_lunar_factory(s.factory, 0.0, clock.dt_s);
    }
}

double lunar_usd_per_accelerator(std::size_t i, const launch_step& prices, const lunar_industry_state& lunar) {
    if (!lunar.any || !lunar.sites[i].enabled) return std::nan("");
    const auto& s = lunar.sites[i];
    // Regolith-made mass costs the plant and the driver only (not priced here: an assumption, docs/models/sim.md).
    return s.last.earth_kg_per_accelerator * (prices.spacecraft_usd_per_kg + s.factory.delivery_price_usd_per_kg);
}

bool lunar_offer(std::size_t i, double per_accel_facility_w, const launch_step& prices, lunar_industry_state& lunar,
                 offworld_offer& offer) {
    const double usd = lunar_usd_per_accelerator(i, prices, lunar);
    if (std::isnan(usd)) return false;
    auto& s = lunar.sites[i];
    const double earth_kg = s.last.earth_kg_per_accelerator;
    s.unit = {"lunar factory", earth_kg, earth_kg * logistics::lunar_delivery_gear_ratio()};
    offer = {usd / per_accel_facility_w, s.unit.leo_kg > 0.0 ? prices.left_kg / s.unit.leo_kg : inf, &s.unit};
    return true;
}

double lunar_industry_cap(const step_clock& clock, std::size_t i, double want, lunar_industry_state& lunar) {
    if (!lunar.any || !lunar.sites[i].enabled) return want;
    auto& s = lunar.sites[i];
    s.last = economy::run_lunar_factory(s.factory, std::max(0.0, want), clock.dt_s);  // its limit: against the plan
    return s.last.accelerators;
}

void lunar_industry_launched(const step_clock& clock, std::size_t i, double launched, lunar_industry_state& lunar) {
    if (!lunar.any || !lunar.sites[i].enabled) return;
    auto& s = lunar.sites[i];
    const auto limit = s.last.limit;  // what capped the plan (lunar_industry_cap), not the launched count
    s.last = economy::run_lunar_factory(s.factory, std::max(0.0, launched), clock.dt_s);
    s.last.limit = limit;
    s.satellites += s.last.satellites;
    s.earth_mass_kg += s.last.earth_mass_kg;
}

void record_lunar_industry(const step_clock& clock, const scenario& input, lunar_industry_state& lunar,
                           recorder& recording) {
    if (!lunar.any) return;
    for (std::size_t i = 0; i < input.sites.size(); ++i) {
        auto& s = lunar.sites[i];
        if (!s.enabled) continue;
        if (s.last.limit != s.recorded_limit) {
            recording.add_event({clock.end, "lunar_limit", "site/" + input.sites[i].name,
                                 fmt::format("{} -> {}", economy::to_string(s.recorded_limit), economy::to_string(s.last.limit))});
            s.recorded_limit = s.last.limit;
        }
        recording.record(clock.index, s.satellites_ch, s.satellites);
        recording.record(clock.index, s.throughput_ch, s.last.driver_throughput_kg_per_s);
        recording.record(clock.index, s.power_ch, s.last.driver_power_w);
        recording.record(clock.index, s.earth_ch, s.earth_mass_kg);
        recording.record(clock.index, s.regolith_ch, s.last.regolith_share);
    }
}

}  // namespace kardashev::sim::detail

namespace kardashev::sim {

economy::lunar_factory lunar_factory_design(const scenario& input, std::size_t site_index) {
    const auto& where = input.sites.at(site_index);
    if (where.kind != site_kind::moon || !where.moon.industry.enabled)
        throw input_error(fmt::format("sites[{}] ({}): no moon.industry", site_index, where.name));
    detail::orbit_year_cache orbits;  // one design: nothing to share
    return detail::satellite_design(input, where, orbits);
}

void lunar_factory_at(const site& where, epoch at, double launch_usd_per_kg, economy::lunar_factory& factory) {
    detail::set_factory_at(where, at, launch_usd_per_kg, factory);
}

}  // namespace kardashev::sim
