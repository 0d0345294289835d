#include "kardashev/economy/lunar_factory.hpp"

#include <algorithm>

#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"

namespace kardashev::economy {

std::string_view to_string(lunar_limit limit) noexcept {
    switch (limit) {
        case lunar_limit::plan: return "plan";
        case lunar_limit::driver_rate: return "driver_rate";
        case lunar_limit::plant_power: return "plant_power";
        case lunar_limit::earth_shipments: return "earth_shipments";
    }
    return "unknown";
}

lunar_factory_step run_lunar_factory(const lunar_factory& factory, double wanted_accelerators, double dt_s) {
    constexpr std::string_view model = "lunar factory";
    require_positive(model, "satellite mass per accelerator [kg]", factory.satellite_kg_per_accelerator);
    require_non_negative(model, "accelerator mass [kg]", factory.accelerator_kg);
    if (factory.accelerator_kg > factory.satellite_kg_per_accelerator)
        throw input_error(fmt::format("{}: expected a satellite mass per accelerator of at least the accelerator's "
                                      "{:g} kg, got {:g} kg",
                                      model, factory.accelerator_kg, factory.satellite_kg_per_accelerator));
    require_positive(model, "accelerator power [W]", factory.accelerator_power_w);
    require_positive(model, "accelerators per satellite", factory.accelerators_per_satellite);
    require_fraction(model, "regolith share", factory.regolith_share, true);
    // Infinite plant power or shipments: no limit.
    if (!(factory.plant_mean_power_w >= 0.0))
        throw input_error(fmt::format("{}: expected a non-negative plant power [W], got {:g}", model, factory.plant_mean_power_w));
    if (!(factory.earth_shipments_kg_per_s >= 0.0))
        throw input_error(fmt::format("{}: expected non-negative Earth shipments [kg/s], got {:g}", model,
                                      factory.earth_shipments_kg_per_s));
    require_non_negative(model, "delivery price [USD/kg]", factory.delivery_price_usd_per_kg);
    require_non_negative(model, "accelerators wanted", wanted_accelerators);
    require_positive(model, "step [s]", dt_s);
    const auto needs = logistics::mass_driver_needs(factory.driver);
    const double sat_kg = factory.satellite_kg_per_accelerator;

    lunar_factory_step out;
    // Chips and electronics always come from Earth (trajectory.md 8b: PV and radiators from regolith, "chips possibly
    // from Earth"): the regolith share is capped at the non-accelerator share of the satellite's mass.
    out.regolith_share = std::min(factory.regolith_share, 1.0 - factory.accelerator_kg / sat_kg);
    out.earth_kg_per_accelerator = sat_kg * (1.0 - out.regolith_share);

    // Each limit as accelerators over the step: mass / (kg per accelerator).
    const double by_rate = factory.driver.rate_kg_per_s * dt_s / sat_kg;
    // Plant: P / (v^2 / (2 eta)) kg/s (VALIDATION.md L3: 2.82 MJ/kg kinetic at lunar escape, / 0.60 electric).
    const double by_power = factory.plant_mean_power_w / needs.electric_energy_j_per_kg * dt_s / sat_kg;
    const double by_earth = factory.earth_shipments_kg_per_s * dt_s / out.earth_kg_per_accelerator;
    out.max_accelerators = std::min({by_rate, by_power, by_earth});
    if (out.max_accelerators < wanted_accelerators) {
        out.limit = by_rate <= by_power && by_rate <= by_earth ? lunar_limit::driver_rate
                    : by_power <= by_earth                     ? lunar_limit::plant_power
                                                               : lunar_limit::earth_shipments;
    }
    out.accelerators = std::min(wanted_accelerators, out.max_accelerators);
    out.satellites = out.accelerators / factory.accelerators_per_satellite;
    out.it_power_w = out.accelerators * factory.accelerator_power_w;
    out.launched_mass_kg = out.accelerators * sat_kg;
    out.earth_mass_kg = out.accelerators * out.earth_kg_per_accelerator;
    out.delivery_usd = out.earth_mass_kg * factory.delivery_price_usd_per_kg;
    out.driver_throughput_kg_per_s = out.launched_mass_kg / dt_s;
    out.driver_power_w = out.driver_throughput_kg_per_s * needs.electric_energy_j_per_kg;  // P = mdot v^2 / (2 eta)
    return out;
}

}  // namespace kardashev::economy
