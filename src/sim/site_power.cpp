// A ground site's power plant over time: blocks online after their lead time, merit-order dispatch, and the
// default block per source (docs/models/energy.md "Site power plant").
#include "site_power.hpp"

#include <algorithm>
#include <limits>

#include "kardashev/core/constants.hpp"
#include "kardashev/energy/plant.hpp"

namespace kardashev::sim {

namespace {

constexpr double kwh = constants::joules_per_kwh;
constexpr double year_s = constants::julian_year_s;

/// An own plant's energy price [USD/J]: fuel (heat rate x fuel price) and variable O&M per J, plus fixed O&M
/// spread over the energy a W of nameplate makes at its capacity factor (Lazard LCOE+ 2024 decomposition; the
/// figures of energy::default_plant).
double running_price_usd_per_j(const energy::power_plant& p) {
    const double fixed_om = p.fixed_om_usd_per_w_year / (p.capacity_factor * year_s);
    return p.heat_rate * p.fuel_price_usd_per_j + p.energy_price_usd_per_j + fixed_om;
}

}  // namespace

power_block default_power_block(energy::plant_kind source, epoch from) {
    using energy::plant_kind;
    const auto plant = energy::default_plant(source);
    power_block b;
    b.from = from;
    b.source = source;
    b.life = duration::from_seconds(plant.life_s);
    switch (source) {
        case plant_kind::grid:
            b.capex_usd_per_w = 0.0;                      // assumption: the utility builds the connection and recovers it in the tariff
            b.energy_price_usd_per_j = 0.0977 / kwh;      // US industrial average, Jul 2026 (EIA Electric Power Monthly; research/spacedc.md 4d)
            b.carbon_kg_per_j = 0.37 / kwh;               // US grid average ~0.37 kg/kWh (EIA 2023; the scenario default)
            b.lead_time = duration::from_days(3 * 365);   // assumption: large-transformer lead times 80-210 weeks (LBNL, CISA; research/spacedc.md 4d)
            break;
        case plant_kind::gas_turbine:
            b.capex_usd_per_w = 2.4;                      // combined cycle ~2,400 USD/kW in 2025 (NextEra, CERAWeek 2025; 2.2-2.5 USD/W, Utility Dive; research/trajectory.md 6a)
            b.energy_price_usd_per_j = running_price_usd_per_j(plant);  // 6,200 Btu/kWh x 4.30 USD/MMBtu (EIA Henry Hub) + fixed O&M: 28.6 USD/MWh
            b.carbon_kg_per_j = plant.heat_rate * plant.carbon_kg_per_j;  // 6,200 Btu/kWh x 53.06 kg CO2/MMBtu (US EPA): 0.329 kg/kWh
            b.lead_time = duration::from_days(3 * 365);   // GE Vernova sold out through 2028: a 2026 order delivers 2029 (research/trajectory.md 6a)
            break;
        case plant_kind::nuclear:
            b.capex_usd_per_w = 12.7;                     // OPG Darlington BWRX-300 fleet C$20.9 B / 1.2 GW = C$17.4 k/kW (Globe and Mail 2025; research/trajectory.md 6c) x 0.73 USD/C$ (assumption)
            b.energy_price_usd_per_j = running_price_usd_per_j(plant);  // assumption: fuel and variable O&M 1 c/kWh + 120 USD/kW/yr fixed O&M at 90 %: 2.5 c/kWh
            b.carbon_kg_per_j = 0.0;                      // no direct emissions (IPCC AR5 WG3 Annex III lifecycle median: 12 g/kWh)
            b.lead_time = duration::from_days(2045);      // Darlington unit 1: approved May 2025, online end 2030, 5.6 yr (research/trajectory.md 6c)
            break;
        case plant_kind::solar_storage: {
            const auto firm = energy::firm_supply_cost(plant, 1.0);  // per W of firm output: PV at 24 % CF and 16 h of storage
            b.capex_usd_per_w = firm.capex_usd;
            b.energy_price_usd_per_j = firm.nameplate_w * plant.fixed_om_usd_per_w_year / year_s;  // fixed O&M only
            b.carbon_kg_per_j = 0.0;                      // no direct emissions (IPCC AR5 lifecycle median, utility PV: 48 g/kWh)
            b.lead_time = duration::from_days(2 * 365);   // assumption
            break;
        }
    }
    return b;
}

namespace detail {

bool block_online(const power_block& block, epoch at) { return block.from + block.lead_time <= at; }

double plant_capacity_w(const std::vector<power_block>& plant, epoch at) {
    double cap_w = 0.0;
    for (const auto& block : plant) {
        if (block_online(block, at)) cap_w += block.capacity_w;
    }
    return cap_w;
}

energy_mix dispatch(const std::vector<power_block>& plant, epoch at, double load_w) {
    std::vector<std::size_t> order;
    order.reserve(plant.size());
    for (std::size_t i = 0; i < plant.size(); ++i) {
        if (block_online(plant[i], at)) order.push_back(i);
    }
    if (order.empty()) return {};
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return plant[a].energy_price_usd_per_j < plant[b].energy_price_usd_per_j;  // merit order
    });
    if (!(load_w > 0.0)) {
        const auto& cheapest = plant[order.front()];
        return {cheapest.energy_price_usd_per_j, cheapest.carbon_kg_per_j};
    }
    double left_w = load_w, usd = 0.0, kg = 0.0;
    for (std::size_t k = 0; k < order.size() && left_w > 0.0; ++k) {
        const auto& block = plant[order[k]];
        const bool last = k + 1 == order.size();
        const double served_w = last ? left_w : std::min(left_w, block.capacity_w);
        usd += served_w * block.energy_price_usd_per_j;
        kg += served_w * block.carbon_kg_per_j;
        left_w -= served_w;
    }
    return {usd / load_w, kg / load_w};  // weighted by the power each block serves
}

double site_power_cap_w(const site& where, epoch at) {
    if (!where.power_plant.empty()) return plant_capacity_w(where.power_plant, at);
    if (!where.power_capacity_w.empty()) return schedule_value(where.power_capacity_w, at);
    return std::numeric_limits<double>::infinity();
}

energy_mix site_energy_mix(const site& where, epoch at, double load_w) {
    if (!where.power_plant.empty()) return dispatch(where.power_plant, at, load_w);
    energy_mix mix{where.facility.energy_price_usd_per_j, where.facility.carbon_kg_per_j};
    if (!where.energy_price_usd_per_j.empty()) mix.price_usd_per_j = schedule_value(where.energy_price_usd_per_j, at);
    if (!where.carbon_kg_per_j.empty()) mix.carbon_kg_per_j = schedule_value(where.carbon_kg_per_j, at);
    return mix;
}

}  // namespace detail

}  // namespace kardashev::sim
