#pragma once
/// Terrestrial power supply for a firm load: the grid, gas turbines, nuclear, and solar with storage;
/// capital, fuel and carbon per year, and water use. See docs/models/energy.md.

#include <string_view>

namespace kardashev::energy {

/// How a ground site gets its power.
enum class plant_kind {
    grid,           //!< buys energy at a tariff; no plant capital
    gas_turbine,    //!< own combined-cycle gas turbines: heat rate x fuel price
    nuclear,        //!< own nuclear plant
    solar_storage,  //!< own solar farm with batteries that firm it to a constant load
};

/// "grid", "gas_turbine", "nuclear" or "solar_storage".
std::string_view to_string(plant_kind kind);
/// Parses a plant kind name; throws input_error naming the known kinds.
plant_kind plant_kind_from_string(std::string_view name);

/// A power supply. Plain value type; use default_plant() for documented defaults per kind.
struct power_plant {
    plant_kind kind = plant_kind::grid;
    double capex_usd_per_w = 0.0;             //!< [USD/W] overnight capital per W of nameplate
    double fixed_om_usd_per_w_year = 0.0;     //!< [USD/(W yr)] fixed operation and maintenance per W of nameplate
    double energy_price_usd_per_j = 0.0;      //!< [USD/J] grid tariff, or variable O&M and fuel for nuclear
    double heat_rate = 0.0;                   //!< [J/J] fuel energy per electric energy (gas turbine)
    double fuel_price_usd_per_j = 0.0;        //!< [USD/J] fuel price per J of fuel (gas turbine)
    double carbon_kg_per_j = 0.0;             //!< [kg/J] CO2 per J of electricity (grid), or per J of fuel (gas turbine)
    double capacity_factor = 1.0;             //!< [-] mean output / nameplate
    double storage_s = 0.0;                   //!< [s] hours of load the storage holds (solar_storage)
    double storage_price_usd_per_j = 0.0;     //!< [USD/J] storage capital per J of capacity
    double storage_round_trip_efficiency = 0.9;  //!< [-]
    double life_s = 30.0 * 365.25 * 86400.0;  //!< [s] plant life for the capital recovery factor
    double discount_rate = 0.07;              //!< [1/yr] real discount rate of the capital recovery factor
    bool operator==(const power_plant&) const = default;
};

/// The documented default plant of `kind` (docs/models/energy.md, "Terrestrial plants").
power_plant default_plant(plant_kind kind);

/// What a supply costs to carry a constant load.
struct supply_cost {
    double nameplate_w = 0.0;         //!< [W] plant nameplate (0 for the grid)
    double storage_j = 0.0;           //!< [J] storage capacity
    double capex_usd = 0.0;           //!< [USD] overnight capital
    double annual_usd = 0.0;          //!< [USD/yr] annualised capital + fixed O&M + energy and fuel
    double usd_per_kw_year = 0.0;     //!< [USD/(kW yr)] annual_usd per kW of load
    double usd_per_kwh = 0.0;         //!< [USD/kWh] levelised cost of the energy delivered
    double carbon_kg_per_year = 0.0;  //!< [kg/yr] CO2
    bool operator==(const supply_cost&) const = default;
};

/// Capital recovery factor [1/yr]: r (1+r)^n / ((1+r)^n - 1), 1/n for r = 0 (NREL, "Simple Levelized Cost of Energy").
double capital_recovery_factor(double rate_per_year, double years);

/// Cost of carrying `load_w` constantly for a year with `plant`; throws input_error on negative prices.
supply_cost firm_supply_cost(const power_plant& plant, double load_w);

/// Water [m^3] evaporated for `it_energy_j` of IT energy at a water usage effectiveness `wue_m3_per_j`
/// (The Green Grid WP#35, 2011: WUE = site water / IT energy).
double water_use_m3(double it_energy_j, double wue_m3_per_j);

}  // namespace kardashev::energy
