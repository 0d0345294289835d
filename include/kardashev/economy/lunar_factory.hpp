#pragma once
/// A lunar factory that makes compute satellites: part of each satellite from regolith, the rest (the accelerators
/// at least) shipped from Earth, every satellite thrown off the Moon by a mass driver fed by lunar PV. What one
/// step launches, and which limit binds. See docs/models/logistics.md "Lunar factory".

#include <cstdint>
#include <limits>
#include <string_view>

#include "kardashev/logistics/mass_driver.hpp"

namespace kardashev::economy {

/// What caps a lunar factory's output in a step.
enum class lunar_limit : std::uint8_t {
    plan,             //!< it launched all the plan asked for
    driver_rate,      //!< the mass driver's throughput [kg/s]
    plant_power,      //!< the electric power the lunar PV plant gives the driver
    earth_shipments,  //!< the mass Earth can land on the Moon
};
/// "plan", "driver_rate", "plant_power" or "earth_shipments".
[[nodiscard]] std::string_view to_string(lunar_limit limit) noexcept;

/// A lunar factory and its satellites. Plain value type; every mass is per accelerator of the satellite design.
struct lunar_factory {
    double satellite_kg_per_accelerator = 0.0;  //!< [kg] whole satellite (arrays, radiators, structure, bus, compute) per accelerator
    double accelerator_kg = 16.3;               //!< [kg] the accelerator with its server share: always made on Earth
    double accelerator_power_w = 1400.0;        //!< [W] IT power per accelerator (all-in)
    double accelerators_per_satellite = 1.0;    //!< [count] to count satellites
    double regolith_share = 0.0;                //!< [-] share of the satellite's mass asked of regolith; capped at 1 - accelerator share
    logistics::mass_driver driver{};            //!< its rate_kg_per_s is the driver's capacity
    double plant_mean_power_w = 0.0;            //!< [W] mean electric power the plant gives the driver (PV nameplate x sunlit fraction); infinite: no limit
    double earth_shipments_kg_per_s = std::numeric_limits<double>::infinity();  //!< [kg/s] mass Earth can land on the Moon; infinite: no limit
    double delivery_price_usd_per_kg = 0.0;     //!< [USD/kg] Earth to the lunar surface
    bool operator==(const lunar_factory&) const = default;
};

/// What a lunar factory launches in one step.
struct lunar_factory_step {
    double accelerators = 0.0;              //!< [count] launched this step
    double satellites = 0.0;                //!< [count] launched this step
    double it_power_w = 0.0;                //!< [W] IT power added (accelerators x all-in power)
    double launched_mass_kg = 0.0;          //!< [kg] through the mass driver
    double earth_mass_kg = 0.0;             //!< [kg] shipped from Earth for them
    double delivery_usd = 0.0;              //!< [USD] Earth-to-Moon delivery of that mass
    double regolith_share = 0.0;            //!< [-] share made from regolith (after the cap)
    double earth_kg_per_accelerator = 0.0;  //!< [kg] shipped from Earth per accelerator
    double driver_throughput_kg_per_s = 0.0;  //!< [kg/s] mean over the step
    double driver_power_w = 0.0;            //!< [W] mean electric power the driver draws over the step
    double max_accelerators = 0.0;          //!< [count] the most the factory could launch in the step
    lunar_limit limit = lunar_limit::plan;  //!< what capped the step (plan when it met the plan)
    bool operator==(const lunar_factory_step&) const = default;
};

/// Launches up to `wanted_accelerators` over `dt_s`: the fewest of the plan, the driver's rate, the plant's power over
/// the driver's electric energy per kg (logistics::mass_driver_needs) and Earth's shipments over the Earth mass per
/// accelerator. Throws input_error on a non-positive satellite mass, a satellite lighter than its accelerator, a
/// regolith share outside [0, 1] or negative rates.
lunar_factory_step run_lunar_factory(const lunar_factory& factory, double wanted_accelerators, double dt_s);

}  // namespace kardashev::economy
