#pragma once
/// Site design: the power, thermal, mass and cost balance of a compute site on the ground, in orbit or on
/// the Moon for a given IT power. Closes array, storage and radiator against the orbit's worst eclipse or the
/// lunar night, counts launches, and prices a kW-year and a GPU-hour. See docs/models/sites.md.

#include <span>
#include <string_view>
#include <vector>

#include "kardashev/compute/site_kind.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/economy/site_radiation.hpp"
#include "kardashev/energy/battery.hpp"
#include "kardashev/energy/facility.hpp"
#include "kardashev/energy/plant.hpp"
#include "kardashev/energy/radiator.hpp"
#include "kardashev/energy/solar_array.hpp"
#include "kardashev/logistics/launcher.hpp"
#include "kardashev/logistics/mass_driver.hpp"
#include "kardashev/orbit/eclipse.hpp"

namespace kardashev::economy {

/// Where a site is: the one site kind of compute/site_kind.hpp, with its to_string and parser.
using compute::site_kind;
using compute::site_kind_from_string;
using compute::to_string;

/// The accelerators as plain numbers (defaults: H100 of data/catalog/accelerators.yaml).
struct accelerator_load {
    double power_w = 1400.0;         //!< [W] all-in IT power per accelerator (catalogue H100 all_in_power)
    double mass_kg = 16.3;           //!< [kg] accelerator with its server share (DGX H100 130.45 kg / 8, NVIDIA datasheet)
    double price_usd = 41'700.0;     //!< [USD] installed price per accelerator (catalogue H100 price)
    bool operator==(const accelerator_load&) const = default;
};

/// Inputs of a site design; every field has a documented default (docs/models/sites.md).
struct site_inputs {
    site_kind kind = site_kind::orbit;
    double it_power_w = 1.0e9;                  //!< [W] IT power the site delivers (accelerators' all-in power)
    accelerator_load accelerator{};
    double life_s = 5.0 * 365.25 * 86400.0;     //!< [s] service life (Suncatcher Table 1: 5 yr)

    // orbit
    double altitude_m = 650.0e3;                //!< [m] circular orbit altitude (Suncatcher sec. 2.2)
    bool sun_synchronous = true;                //!< true: SSO at altitude_m with ltan_h; false: inclination_rad
    double ltan_h = 6.0;                        //!< [h] local time of the ascending node (6: dawn-dusk)
    double inclination_rad = 53.0 * 3.141'592'653'589'793 / 180.0;  //!< [rad] when not sun-synchronous
    epoch start = epoch::from_utc_iso("2026-01-01");  //!< start of the year analysed
    double satellite_it_power_w = 28.3e3;       //!< [W] IT power per satellite (Starlink v2 mini proxy, Suncatcher sec. 4.4)
    double satellites_per_cluster = 81.0;       //!< satellites in one formation (Suncatcher sec. 2.2: 81 within 1 km)
    double bus_power_fraction = 0.05;           //!< [-] housekeeping power per W of IT (assumption)

    // power and thermal
    energy::solar_array array = [] {
        energy::solar_array a;
        a.degradation_per_year = 0.025;  // McCalip 2026 calculator: 2.5 %/yr
        return a;
    }();  //!< cells, packing and specific power of energy::solar_array; 2.5 %/yr degradation
    energy::battery battery{};
    double battery_capacity_j = 0.0;            //!< [J] nameplate storage given; 0: sized to ride through the worst dark period
    energy::radiator radiator = [] {
        energy::radiator r;
        r.temperature_k = 320.0;  // assumption: between Starcloud's 293 K and Turyshev's 350 K
        return r;
    }();  //!< plate of energy::radiator at 320 K
    double radiator_planet_view_factor = 0.25;  //!< [-] orbit: plate to Earth, both faces (Starcloud 2024: 0.25)
    double max_passive_radiator_temperature_k = 330.0;  //!< [K] hottest radiator the chips' loop feeds without a heat pump (assumption)
    double heat_pump_carnot_fraction = 0.0;     //!< [-] 0: no heat pump; else share of the Carnot COP

    // masses and prices
    double shielding_kg_per_kw = 1.0;           //!< [kg/kW] radiation shielding (Starcloud 2024: 1 kg/kW)
    double bus_mass_fraction = 0.20;            //!< [-] structure, attitude control, propulsion, avionics share of dry mass (assumption)
    double spacecraft_price_usd_per_kg = 1000.0;  //!< [USD/kg] build price of everything but the accelerators (assumption)
    double launch_price_usd_per_kg = 3600.0;    //!< [USD/kg] to LEO (Suncatcher sec. 4.4, Falcon 9)
    logistics::launcher launcher{"Starship", 100.0e3, 0.0, 365.0, "SpaceX: 100+ t reusable to LEO (V3)"};
    site_radiation radiation{};
    double failure_rate_per_year = 0.09;        //!< [1/yr] accelerator hardware failures (Meta, via McCalip 2026)
    bool replace_failures = false;              //!< true: replacement launches keep capacity at 100 %

    // ground
    energy::power_plant plant = energy::default_plant(energy::plant_kind::grid);
    double pue = 1.09;                          //!< [-] Google fleet (Suncatcher sec. 2.4)
    double facility_capex_usd_per_w = 10.0;     //!< [USD/W of IT] building and cooling (scenario default, docs/scenarios.md)
    double wue_m3_per_j = energy::default_wue_m3_per_j;  //!< [m^3/J] 1.8 L/kWh (Shehabi et al., LBNL 2016)

    // moon
    bool lunar_polar = true;                    //!< true: polar ridge; false: equatorial site at lunar_latitude_rad
    double lunar_sunlit_fraction = 0.9227;      //!< [-] connecting ridge at 2 m (Glaser et al. 2014)
    double lunar_longest_night_s = 5.0 * 86400.0;  //!< [s] longest dark spell on the ridge (Glaser et al. 2014: 3-5 d)
    double lunar_latitude_rad = 0.0;            //!< [rad] equatorial site latitude
    double lunar_ground_temperature_k = 0.0;    //!< [K] ground seen by the radiator; 0: 250 K polar (assumption), 390 K equatorial noon (Williams et al. 2017, Diviner)
    double lunar_albedo = 0.12;                 //!< [-] lunar Bond albedo
    double lunar_radiator_ground_view_factor = 1.0;  //!< [-] vertical two-faced plate: each face sees half ground
    double regolith_share = 0.0;                //!< [-] share of the non-accelerator mass made on the Moon
    double regolith_price_usd_per_kg = 0.0;     //!< [USD/kg] cost of a kg made from regolith
    double moon_delivery_price_usd_per_kg = 0.0;  //!< [USD/kg] to the surface; 0: launch price x gear ratio
    double mass_driver_rate_kg_per_year = 0.0;  //!< [kg/yr] mass sent out by a mass driver powered by the base
    logistics::mass_driver mass_driver{};
    bool operator==(const site_inputs&) const = default;
};

/// A closed site design. Quantities that do not apply to a site kind are 0.
struct site_design {
    double accelerators = 0.0;            //!< accelerators installed
    double satellites = 0.0;              //!< orbit: satellites of satellite_it_power_w
    double clusters = 0.0;                //!< orbit: formations of satellites_per_cluster
    double sunlit_fraction = 1.0;         //!< [-] time-averaged over the year (orbit, moon); 1 on the ground
    double worst_dark_s = 0.0;            //!< [s] longest eclipse (orbit) or night (moon)
    double period_s = 0.0;                //!< [s] orbital period (orbit)
    double load_w = 0.0;                  //!< [W] electric load: IT + bus + heat pump + mass driver (PUE x IT on the ground)
    double heat_pump_work_w = 0.0;        //!< [W]
    double array_power_w = 0.0;           //!< [W] array output needed while lit, end of life
    double array_area_m2 = 0.0;
    double array_mass_kg = 0.0;
    double battery_j = 0.0;               //!< [J] nameplate storage
    double battery_mass_kg = 0.0;
    double heat_w = 0.0;                  //!< [W] heat the radiators reject
    double radiator_net_w_per_m2 = 0.0;   //!< [W/m^2] net flux per m^2 of plate
    double radiator_area_m2 = 0.0;
    double radiator_mass_kg = 0.0;
    double compute_mass_kg = 0.0;
    double shielding_mass_kg = 0.0;
    double bus_mass_kg = 0.0;
    double mass_kg = 0.0;                 //!< [kg] site mass (orbit, moon); accelerators only on the ground
    double kg_per_kw = 0.0;               //!< [kg/kW] of IT power
    double launched_mass_kg = 0.0;        //!< [kg] mass sent from Earth (to LEO; to the surface for the Moon)
    double launches = 0.0;                //!< flights to LEO (including propellant for the Moon)
    double launch_years = 0.0;            //!< [yr] launches / the launcher's cadence limit
    double compute_usd = 0.0;
    double hardware_usd = 0.0;            //!< [USD] spacecraft build or facility and plant capital
    double launch_usd = 0.0;
    double capex_usd = 0.0;
    double annual_opex_usd = 0.0;         //!< [USD/yr] energy and fuel (ground), replacements (orbit, moon)
    double usd_per_kw_year = 0.0;         //!< [USD/(kW yr)] full cost: capex / life + opex, per kW of IT
    double launch_usd_per_kw_year = 0.0;  //!< [USD/(kW yr)] launch only (Suncatcher Table 1 boundary)
    double energy_usd_per_kw_year = 0.0;  //!< [USD/(kW yr)] power supply only (ground: Suncatcher's power spend)
    double mean_usable_fraction = 1.0;    //!< [-] capacity left after failures and interrupts, mean over life
    double usd_per_gpu_hour = 0.0;        //!< [USD/h] annual cost / usable accelerator-hours
    double replacement_mass_kg_per_year = 0.0;  //!< [kg/yr] to replace failed hardware
    radiation_rates radiation{};          //!< per accelerator (orbit, moon)
    double water_m3_per_year = 0.0;       //!< [m^3/yr] ground
    double carbon_kg_per_year = 0.0;      //!< [kg/yr] ground
    double mass_driver_power_w = 0.0;     //!< [W] electric (moon)
    double mass_driver_track_m = 0.0;     //!< [m] (moon)
    double mass_driver_it_w_per_year = 0.0;  //!< [W/yr] IT power of compute satellites the driver launches a year: rate / orbit kg per W
    bool operator==(const site_design&) const = default;
};

/// Designs the site; throws input_error or domain_error with the reason when the inputs cannot close.
site_design design_site(const site_inputs& in);

/// What an orbit design's yearly eclipse depends on: the orbit fields of site_inputs and the year's start.
struct orbit_year_key {
    double altitude_m = 0.0;         //!< [m]
    bool sun_synchronous = true;
    double ltan_h = 0.0;             //!< [h]
    double inclination_rad = 0.0;    //!< [rad]
    epoch start;
    bool operator==(const orbit_year_key&) const = default;
};

/// The orbit fields and start of `in`.
[[nodiscard]] orbit_year_key orbit_year_key_of(const site_inputs& in);

/// The yearly eclipse an orbit design closes against (the orbit's worst eclipse, period and sunlit fraction:
/// orbit::eclipse_analytic over a Julian year from the start, hourly). Throws input_error for a non-positive
/// altitude or a sun-synchronous orbit above about 5970 km.
[[nodiscard]] orbit::eclipse_summary orbit_year_eclipse(const orbit_year_key& orbit);

/// The Sun positions orbit_year_eclipse samples over the year from `start` (orbit::analytic_sun_positions): every
/// orbit designed over that year shares them.
[[nodiscard]] std::vector<orbit::vec3> year_sun_positions(epoch start);

/// orbit_year_eclipse with the year's Sun positions given (year_sun_positions(orbit.start)); same errors.
[[nodiscard]] orbit::eclipse_summary orbit_year_eclipse(const orbit_year_key& orbit, std::span<const orbit::vec3> suns);

/// design_site with the yearly eclipse already known: `year` must be orbit_year_eclipse(orbit_year_key_of(in))
/// (a caller designing one orbit many times computes it once); used by orbit sites and a moon site's mass driver.
site_design design_site(const site_inputs& in, const orbit::eclipse_summary& year);

}  // namespace kardashev::economy
