#include "kardashev/energy/plant.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"

namespace kardashev::energy {
namespace {

constexpr double kwh = constants::joules_per_kwh;
constexpr double btu_j = 1055.05585;  // [J] International Table Btu
constexpr double mmbtu_j = 1e6 * btu_j;
constexpr double year_s = constants::julian_year_s;

}  // namespace

std::string_view to_string(plant_kind kind) {
    switch (kind) {
        case plant_kind::grid: return "grid";
        case plant_kind::gas_turbine: return "gas_turbine";
        case plant_kind::nuclear: return "nuclear";
        case plant_kind::solar_storage: return "solar_storage";
    }
    return "grid";
}

plant_kind plant_kind_from_string(std::string_view name) {
    for (auto k : {plant_kind::grid, plant_kind::gas_turbine, plant_kind::nuclear, plant_kind::solar_storage}) {
        if (to_string(k) == name) return k;
    }
    throw input_error(fmt::format("plant: unknown kind \"{}\"; expected one of grid, gas_turbine, nuclear, solar_storage",
                                  name));
}

power_plant default_plant(plant_kind kind) {
    power_plant p;
    p.kind = kind;
    switch (kind) {
        case plant_kind::grid:
            p.energy_price_usd_per_j = 0.08 / kwh;  // US industrial tariff, ~9.8 c/kWh Jul 2026 (spacedc.md 4d), rounded down to the scenario default
            p.carbon_kg_per_j = 0.37 / kwh;         // scenario default grid intensity (docs/scenarios.md)
            break;
        case plant_kind::gas_turbine:
            p.capex_usd_per_w = 2.0;                // assumption: H-class combined cycle, order of Lazard LCOE+ 2024; check before relying
            p.fixed_om_usd_per_w_year = 0.015;      // assumption, same source class
            p.heat_rate = 6200.0 * btu_j / kwh;     // H-class CCGT 6,200 Btu/kWh (McCalip math.js; spacedc.md 4d)
            p.fuel_price_usd_per_j = 4.30 / mmbtu_j;  // Henry Hub 4.30 USD/MMBtu (EIA 2025, via spacedc.md 4d)
            p.carbon_kg_per_j = 53.06 / mmbtu_j;    // natural gas 53.06 kg CO2/MMBtu (US EPA, Emission Factors for GHG Inventories)
            p.capacity_factor = 0.9;                // assumption: availability of a baseload CCGT
            break;
        case plant_kind::nuclear:
            p.capex_usd_per_w = 10.0;               // assumption: recent Western builds (Vogtle 3-4 ~ 15 USD/W); check before relying
            p.fixed_om_usd_per_w_year = 0.12;       // assumption
            p.energy_price_usd_per_j = 0.01 / kwh;  // assumption: fuel and variable O&M ~ 1 c/kWh
            p.capacity_factor = 0.9;                // US fleet ~ 90 % (assumption, EIA class figure)
            p.life_s = 60.0 * year_s;
            break;
        case plant_kind::solar_storage:
            p.capex_usd_per_w = 1.2;                // assumption: utility PV, order of Lazard LCOE+ 2024
            p.fixed_om_usd_per_w_year = 0.015;      // assumption
            p.capacity_factor = 0.24;               // median US utility solar (Starcloud 2024, spacedc.md 2)
            p.storage_s = 16.0 * 3600.0;            // assumption: carries the load through the night
            p.storage_price_usd_per_j = 250.0 / kwh;  // assumption: utility Li-ion, order of Lazard LCOS 2024
            p.life_s = 25.0 * year_s;
            break;
    }
    return p;
}

double capital_recovery_factor(double rate_per_year, double years) {
    require_non_negative("capital recovery factor", "discount rate [1/yr]", rate_per_year);
    require_positive("capital recovery factor", "life [yr]", years);
    if (rate_per_year == 0.0) return 1.0 / years;
    const double g = std::pow(1.0 + rate_per_year, years);
    return rate_per_year * g / (g - 1.0);  // NREL "Simple LCOE": CRF = i (1+i)^n / ((1+i)^n - 1)
}

supply_cost firm_supply_cost(const power_plant& p, double load_w) {
    const std::string model = fmt::format("plant ({})", to_string(p.kind));
    require_non_negative(model, "load [W]", load_w);
    require_non_negative(model, "capital price [USD/W]", p.capex_usd_per_w);
    require_non_negative(model, "fixed O&M [USD/(W yr)]", p.fixed_om_usd_per_w_year);
    require_non_negative(model, "energy price [USD/J]", p.energy_price_usd_per_j);
    require_non_negative(model, "heat rate", p.heat_rate);
    require_non_negative(model, "fuel price [USD/J]", p.fuel_price_usd_per_j);
    require_non_negative(model, "carbon intensity [kg/J]", p.carbon_kg_per_j);
    require_fraction(model, "capacity factor", p.capacity_factor, false);
    require_non_negative(model, "storage duration [s]", p.storage_s);
    require_non_negative(model, "storage price [USD/J]", p.storage_price_usd_per_j);
    require_fraction(model, "storage round-trip efficiency", p.storage_round_trip_efficiency, false);
    require_positive(model, "life [s]", p.life_s);

    supply_cost c;
    const double energy_j = load_w * year_s;  // a constant load for one year
    if (p.kind == plant_kind::grid) {
        c.annual_usd = energy_j * p.energy_price_usd_per_j;
        c.carbon_kg_per_year = energy_j * p.carbon_kg_per_j;
    } else {
        // Nameplate = load / capacity factor; storage losses add to what the plant must make.
        double make_j = energy_j;
        if (p.kind == plant_kind::solar_storage) {
            c.storage_j = load_w * p.storage_s;
            const double through_storage_j = energy_j * std::min(1.0, p.storage_s / constants::seconds_per_day);
            make_j += through_storage_j * (1.0 / p.storage_round_trip_efficiency - 1.0);
        }
        c.nameplate_w = make_j / year_s / p.capacity_factor;
        c.capex_usd = c.nameplate_w * p.capex_usd_per_w + c.storage_j * p.storage_price_usd_per_j;
        const double crf = capital_recovery_factor(p.discount_rate, p.life_s / year_s);
        const double fuel_usd = make_j * p.heat_rate * p.fuel_price_usd_per_j;  // fuel = E x heat rate x price
        c.annual_usd = c.capex_usd * crf + c.nameplate_w * p.fixed_om_usd_per_w_year + fuel_usd +
                       make_j * p.energy_price_usd_per_j;
        c.carbon_kg_per_year = p.kind == plant_kind::gas_turbine ? make_j * p.heat_rate * p.carbon_kg_per_j
                                                                 : make_j * p.carbon_kg_per_j;
    }
    if (load_w > 0.0) {
        c.usd_per_kw_year = c.annual_usd / (load_w / 1e3);
        c.usd_per_kwh = c.annual_usd / (energy_j / kwh);
    }
    return c;
}

double water_use_m3(double it_energy_j, double wue_m3_per_j) {
    require_non_negative("water use", "IT energy [J]", it_energy_j);
    require_non_negative("water use", "WUE [m3/J]", wue_m3_per_j);
    return it_energy_j * wue_m3_per_j;  // The Green Grid WP#35 (2011): WUE = annual site water / IT energy
}

}  // namespace kardashev::energy
