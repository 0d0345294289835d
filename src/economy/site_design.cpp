#include "kardashev/economy/site_design.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/energy/facility.hpp"
#include "kardashev/energy/lunar.hpp"
#include "kardashev/orbit/eclipse.hpp"
#include "kardashev/orbit/kepler.hpp"

namespace kardashev::economy {
namespace {

constexpr double year_s = constants::julian_year_s;
constexpr double hours_per_year = year_s / 3600.0;

void require(bool ok, const std::string& what, double value) {
    if (!ok || !std::isfinite(value)) throw input_error(fmt::format("site: expected {}, got {:g}", what, value));
}

void check_inputs(const site_inputs& in) {
    require(in.it_power_w > 0.0, "a positive IT power [W]", in.it_power_w);
    require(in.accelerator.power_w > 0.0, "a positive power per accelerator [W]", in.accelerator.power_w);
    require(in.accelerator.mass_kg >= 0.0, "a non-negative mass per accelerator [kg]", in.accelerator.mass_kg);
    require(in.accelerator.price_usd >= 0.0, "a non-negative price per accelerator [USD]", in.accelerator.price_usd);
    require(in.life_s > 0.0, "a positive life [s]", in.life_s);
    require(in.launch_price_usd_per_kg >= 0.0, "a non-negative launch price [USD/kg]", in.launch_price_usd_per_kg);
    require(in.spacecraft_price_usd_per_kg >= 0.0, "a non-negative spacecraft price [USD/kg]", in.spacecraft_price_usd_per_kg);
    require(in.moon_delivery_price_usd_per_kg >= 0.0, "a non-negative lunar delivery price [USD/kg]", in.moon_delivery_price_usd_per_kg);
    require(in.regolith_price_usd_per_kg >= 0.0, "a non-negative regolith price [USD/kg]", in.regolith_price_usd_per_kg);
    require(in.facility_capex_usd_per_w >= 0.0, "a non-negative facility capital price [USD/W]", in.facility_capex_usd_per_w);
    require(in.bus_power_fraction >= 0.0, "a non-negative bus power fraction", in.bus_power_fraction);
    require(in.bus_mass_fraction >= 0.0 && in.bus_mass_fraction < 1.0, "a bus mass fraction in [0, 1)", in.bus_mass_fraction);
    require(in.shielding_kg_per_kw >= 0.0, "a non-negative shielding mass [kg/kW]", in.shielding_kg_per_kw);
    require(in.failure_rate_per_year >= 0.0, "a non-negative failure rate [1/yr]", in.failure_rate_per_year);
    require(in.regolith_share >= 0.0 && in.regolith_share <= 1.0, "a regolith share in [0, 1]", in.regolith_share);
    require(in.satellites_per_cluster >= 1.0, "at least one satellite per cluster", in.satellites_per_cluster);
    require(in.satellite_it_power_w > 0.0, "a positive IT power per satellite [W]", in.satellite_it_power_w);
    require(in.heat_pump_carnot_fraction >= 0.0 && in.heat_pump_carnot_fraction <= 1.0,
            "a heat pump Carnot fraction in [0, 1]", in.heat_pump_carnot_fraction);
    require(in.battery_capacity_j >= 0.0, "a non-negative battery capacity [J]", in.battery_capacity_j);
    require(in.lunar_ground_temperature_k >= 0.0, "a non-negative lunar ground temperature [K]", in.lunar_ground_temperature_k);
    require(in.mass_driver_rate_kg_per_year >= 0.0, "a non-negative mass driver rate [kg/yr]", in.mass_driver_rate_kg_per_year);
}

/// Heat pump work [W] to reject `heat_cold_w` at the radiator temperature; throws when the radiator is hotter
/// than the chips' loop allows and there is no heat pump.
double pump_work(const site_inputs& in, double heat_cold_w) {
    const double t_rad = in.radiator.temperature_k;
    const double t_max = in.max_passive_radiator_temperature_k;
    if (t_rad <= t_max) return 0.0;
    if (in.heat_pump_carnot_fraction == 0.0) {
        throw domain_error(fmt::format(
            "radiator: {:g} K is hotter than the chips allow without a heat pump (at most {:g} K); "
            "lower radiator.temperature or set heat_pump_carnot_fraction",
            t_rad, t_max));
    }
    return energy::heat_pump_work_w(heat_cold_w, t_max, t_rad, in.heat_pump_carnot_fraction);
}

/// Array, storage and radiator for a load carried through `dark_s` with `lit_s` to recharge; fills `d`.
void close_power_and_heat(const site_inputs& in, double load_w, double extra_load_w, double dark_s, double lit_s,
                          const energy::thermal_environment& env, site_design& d) {
    const double total_w = load_w + extra_load_w;
    const double recharge_w = energy::recharge_power_w(total_w, dark_s, lit_s, in.battery);
    d.load_w = total_w;
    d.array_power_w = total_w + recharge_w;
    d.array_area_m2 = energy::array_area_for_power_m2(d.array_power_w, in.array, constants::solar_constant_w_per_m2, in.life_s);
    energy::solar_array sized = in.array;
    sized.area_m2 = d.array_area_m2;
    d.array_mass_kg = energy::array_mass_kg(sized);
    if (in.battery_capacity_j > 0.0) {
        energy::check_ride_through(in.battery_capacity_j, total_w, dark_s, in.battery);
        d.battery_j = in.battery_capacity_j;
    } else {
        d.battery_j = energy::battery_capacity_j(total_w, dark_s, in.battery);
    }
    d.battery_mass_kg = energy::battery_mass_kg(d.battery_j, in.battery);
    // Heat: the load's electric power plus the storage's charge losses while lit (mass driver energy leaves as kinetic energy).
    d.heat_w = load_w + recharge_w * (1.0 - in.battery.round_trip_efficiency);
    d.radiator_net_w_per_m2 = energy::radiator_flux_per_m2(in.radiator, env).net;
    d.radiator_area_m2 = energy::radiator_area_m2(d.heat_w, in.radiator, env);
    d.radiator_mass_kg = d.radiator_area_m2 * in.radiator.mass_kg_per_m2;
}

/// Mass roll-up of a spacecraft or base: subsystems, then bus as a share of the dry mass.
void roll_up_mass(const site_inputs& in, site_design& d) {
    d.shielding_mass_kg = in.shielding_kg_per_kw * in.it_power_w / 1e3;
    const double subsystems =
        d.compute_mass_kg + d.array_mass_kg + d.battery_mass_kg + d.radiator_mass_kg + d.shielding_mass_kg;
    d.bus_mass_kg = subsystems * in.bus_mass_fraction / (1.0 - in.bus_mass_fraction);  // bus = f x dry mass
    d.mass_kg = subsystems + d.bus_mass_kg;
    d.kg_per_kw = d.mass_kg / (in.it_power_w / 1e3);
}

/// Radiation rates, checked against the total-dose limit over the life.
radiation_rates checked_radiation(const site_inputs& in) {
    const auto r = radiation_event_rates(in.radiation);
    if (r.tid_life_s > 0.0 && r.tid_life_s < in.life_s) {
        throw domain_error(fmt::format(
            "radiation: {:g} rad/yr over a {:g} yr life is {:g} rad, above the {:g} rad total-dose limit; "
            "add shielding (lower radiation.dose_rate) or shorten the life",
            in.radiation.dose_rate_rad_per_year, in.life_s / year_s, in.radiation.dose_rate_rad_per_year * in.life_s / year_s,
            in.radiation.tid_limit_rad));
    }
    return r;
}

/// Costs of an off-world site once its mass and launch are known.
void price_off_world(const site_inputs& in, double build_usd, site_design& d) {
    d.radiation = checked_radiation(in);
    d.launch_years = d.launches / in.launcher.max_flights_per_year;
    const double life_years = in.life_s / year_s;
    d.hardware_usd = build_usd;
    d.capex_usd = d.compute_usd + d.hardware_usd + d.launch_usd;
    d.replacement_mass_kg_per_year = in.failure_rate_per_year * d.launched_mass_kg;
    if (in.replace_failures) {
        // Replacement launches restore the failed share every year: lambda x (build + launch) per year.
        d.annual_opex_usd = in.failure_rate_per_year * d.capex_usd;
        d.mean_usable_fraction = d.radiation.availability;
    } else {
        d.mean_usable_fraction = mean_usable_fraction(in.life_s, in.failure_rate_per_year / year_s) * d.radiation.availability;
    }
    const double it_kw = in.it_power_w / 1e3;
    const double annual = d.capex_usd / life_years + d.annual_opex_usd;
    d.usd_per_kw_year = annual / it_kw;
    d.launch_usd_per_kw_year = d.launch_usd / life_years / it_kw;  // Suncatcher Table 1: (m/P) x price / life
    const double power_mass = d.array_mass_kg + d.battery_mass_kg + d.radiator_mass_kg;
    const double unit_usd_per_kg = d.launched_mass_kg > 0.0 ? d.launch_usd / d.launched_mass_kg : 0.0;
    d.energy_usd_per_kw_year = power_mass * (in.spacecraft_price_usd_per_kg + unit_usd_per_kg) / life_years / it_kw;
    d.usd_per_gpu_hour = annual / (d.accelerators * hours_per_year * d.mean_usable_fraction);
}

void design_orbit(const site_inputs& in, const orbit::eclipse_summary& ecl, site_design& d) {
    d.sunlit_fraction = ecl.sunlit_fraction;
    d.worst_dark_s = ecl.max_eclipse_s;
    d.period_s = ecl.period_s;
    const double heat_cold = in.it_power_w * (1.0 + in.bus_power_fraction);
    d.heat_pump_work_w = pump_work(in, heat_cold);
    energy::thermal_environment env;
    env.solar_irradiance_w_per_m2 = constants::solar_constant_w_per_m2;
    env.solar_projection = 0.0;  // NOTE: radiators edge-on to the Sun, as the ISS turns its own
    env.planet_view_factor = in.radiator_planet_view_factor;
    env.planet_albedo = 0.30;
    env.planet_temperature_k = energy::planet_temperature_from_olr_k(237.0);  // Earth OLR 237 W/m2
    close_power_and_heat(in, heat_cold + d.heat_pump_work_w, 0.0, d.worst_dark_s, d.period_s - d.worst_dark_s, env, d);
    roll_up_mass(in, d);
    d.satellites = std::ceil(in.it_power_w / in.satellite_it_power_w - 1e-9);
    d.clusters = std::ceil(d.satellites / in.satellites_per_cluster - 1e-9);
    d.launched_mass_kg = d.mass_kg;
    d.launches = logistics::plan_launches(d.mass_kg, in.launcher, in.launch_price_usd_per_kg).flights;
    d.launch_usd = d.mass_kg * in.launch_price_usd_per_kg;
    price_off_world(in, (d.mass_kg - d.compute_mass_kg) * in.spacecraft_price_usd_per_kg, d);
}

void design_moon(const site_inputs& in, const orbit::eclipse_summary* year, site_design& d) {
    const auto site = in.lunar_polar ? energy::lunar_polar_ridge(in.lunar_sunlit_fraction, in.lunar_longest_night_s)
                                     : energy::lunar_equatorial_site(in.lunar_latitude_rad);
    d.sunlit_fraction = site.sunlit_fraction;
    d.worst_dark_s = site.longest_night_s;
    double driver_w = 0.0;
    if (in.mass_driver_rate_kg_per_year > 0.0) {
        logistics::mass_driver md = in.mass_driver;
        md.rate_kg_per_s = in.mass_driver_rate_kg_per_year / year_s;
        const auto perf = logistics::mass_driver_needs(md);
        driver_w = perf.electric_power_w;
        d.mass_driver_power_w = perf.electric_power_w;
        d.mass_driver_track_m = perf.track_length_m;
        // The satellites it sends out are the orbit design of the same inputs: rate / (kg per W of IT).
        site_inputs sat = in;
        sat.kind = site_kind::orbit;
        site_design orbit_design;
        orbit_design.accelerators = sat.it_power_w / sat.accelerator.power_w;
        orbit_design.compute_mass_kg = orbit_design.accelerators * sat.accelerator.mass_kg;
        design_orbit(sat, year ? *year : orbit_year_eclipse(orbit_year_key_of(sat)), orbit_design);
        d.mass_driver_it_w_per_year = in.mass_driver_rate_kg_per_year / (orbit_design.kg_per_kw / 1e3);
    }
    const double heat_cold = in.it_power_w * (1.0 + in.bus_power_fraction);
    d.heat_pump_work_w = pump_work(in, heat_cold);
    energy::thermal_environment env;
    env.solar_irradiance_w_per_m2 = constants::solar_constant_w_per_m2;
    env.solar_projection = 0.0;  // NOTE: vertical plate edge-on to the Sun
    env.planet_view_factor = in.lunar_radiator_ground_view_factor;
    env.planet_albedo = in.lunar_albedo;
    // Ground temperature: Diviner equatorial noon ~390 K (Williams et al. 2017); polar ridge 250 K (assumption).
    env.planet_temperature_k = in.lunar_ground_temperature_k > 0.0 ? in.lunar_ground_temperature_k
                                                                   : (in.lunar_polar ? 250.0 : 390.0);
    close_power_and_heat(in, heat_cold + d.heat_pump_work_w, driver_w, site.longest_night_s, site.lit_before_night_s, env, d);
    roll_up_mass(in, d);
    const double non_compute = d.mass_kg - d.compute_mass_kg;
    const double local = in.regolith_share * non_compute;
    const double gear = logistics::lunar_delivery_gear_ratio();
    const double surface_price = in.moon_delivery_price_usd_per_kg > 0.0 ? in.moon_delivery_price_usd_per_kg
                                                                         : in.launch_price_usd_per_kg * gear;
    d.launched_mass_kg = d.mass_kg - local;
    d.launches = logistics::plan_launches(d.launched_mass_kg * gear, in.launcher, 0.0).flights;
    d.launch_usd = d.launched_mass_kg * surface_price;
    price_off_world(in, (non_compute - local) * in.spacecraft_price_usd_per_kg + local * in.regolith_price_usd_per_kg, d);
}

void design_ground(const site_inputs& in, site_design& d) {
    const double facility_w = energy::facility_power_w(in.it_power_w, in.pue);
    const auto supply = energy::firm_supply_cost(in.plant, facility_w);
    const double it_kw = in.it_power_w / 1e3;
    const double life_years = in.life_s / year_s;
    d.load_w = facility_w;
    d.sunlit_fraction = 1.0;
    d.mass_kg = d.compute_mass_kg;
    d.kg_per_kw = d.mass_kg / it_kw;
    const double facility_usd = in.facility_capex_usd_per_w * in.it_power_w;
    d.hardware_usd = facility_usd + supply.capex_usd;
    d.capex_usd = d.compute_usd + d.hardware_usd;
    // NOTE: on the ground failed accelerators are repaired: the failure rate is a yearly replacement spend.
    d.annual_opex_usd = supply.annual_usd + in.failure_rate_per_year * d.compute_usd;
    const double annual = (d.compute_usd + facility_usd) / life_years + d.annual_opex_usd;
    d.usd_per_kw_year = annual / it_kw;
    d.energy_usd_per_kw_year = supply.annual_usd / it_kw;  // Suncatcher sec. 2.4: price x 8760 h x PUE
    d.mean_usable_fraction = 1.0;
    d.usd_per_gpu_hour = annual / (d.accelerators * hours_per_year);
    d.water_m3_per_year = energy::water_use_m3(in.it_power_w * year_s, in.wue_m3_per_j);
    d.carbon_kg_per_year = supply.carbon_kg_per_year;
}

/// The design of `in`, with the yearly eclipse of its orbit when known (null: computed where needed).
site_design design_with(const site_inputs& in, const orbit::eclipse_summary* year) {
    check_inputs(in);
    site_design d;
    d.accelerators = in.it_power_w / in.accelerator.power_w;
    d.compute_usd = d.accelerators * in.accelerator.price_usd;
    d.compute_mass_kg = d.accelerators * in.accelerator.mass_kg;
    switch (in.kind) {
        case site_kind::ground: design_ground(in, d); break;
        case site_kind::orbit: design_orbit(in, year ? *year : orbit_year_eclipse(orbit_year_key_of(in)), d); break;
        case site_kind::moon: design_moon(in, year, d); break;
    }
    return d;
}

}  // namespace

orbit_year_key orbit_year_key_of(const site_inputs& in) {
    return {in.altitude_m, in.sun_synchronous, in.ltan_h, in.inclination_rad, in.start};
}

namespace {

/// The circular orbit of `key` at its start: sun-synchronous at its altitude and LTAN, or at its inclination.
orbit::kepler_elements year_orbit(const orbit_year_key& key) {
    require(key.altitude_m > 0.0, "a positive orbit altitude [m]", key.altitude_m);
    orbit::kepler_elements el;
    if (key.sun_synchronous) {
        try {
            el = orbit::sso_elements(key.altitude_m, key.ltan_h, key.start);
        } catch (const domain_error&) {
            throw input_error(fmt::format(
                "orbit: no sun-synchronous orbit exists at {:g} km; J2 precession is too weak above about 5970 km",
                key.altitude_m / 1e3));
        }
    } else {
        el.a_m = orbit::gravity_model{}.radius_m + key.altitude_m;
        el.i_rad = key.inclination_rad;
    }
    return el;
}

}  // namespace

orbit::eclipse_summary orbit_year_eclipse(const orbit_year_key& key) {
    return orbit::eclipse_analytic(year_orbit(key), key.start, duration::from_seconds(year_s));
}

std::vector<orbit::vec3> year_sun_positions(epoch start) {
    return orbit::analytic_sun_positions(start, duration::from_seconds(year_s));
}

orbit::eclipse_summary orbit_year_eclipse(const orbit_year_key& key, std::span<const orbit::vec3> suns) {
    return orbit::eclipse_analytic(year_orbit(key), key.start, duration::from_seconds(year_s), {}, suns);
}

site_design design_site(const site_inputs& in) { return design_with(in, nullptr); }

site_design design_site(const site_inputs& in, const orbit::eclipse_summary& year) { return design_with(in, &year); }

}  // namespace kardashev::economy
