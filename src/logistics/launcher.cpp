#include "kardashev/logistics/launcher.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"
#include "kardashev/logistics/learning_curve.hpp"

namespace kardashev::logistics {
namespace {

void require_vehicle(const launcher& v) {
    const std::string model = fmt::format("launcher \"{}\"", v.name);
    require_positive(model, "payload to LEO [kg]", v.payload_leo_kg);
    require_non_negative(model, "price per flight [USD]", v.price_usd);
    require_positive(model, "cadence [flights/yr]", v.max_flights_per_year);
}

}  // namespace

double price_per_kg(const launcher& v) {
    require_vehicle(v);
    return v.price_usd / v.payload_leo_kg;
}

double launched_power_price_usd_per_w_s(double mass_kg, double power_w, double price_usd_per_kg, double life_s) {
    require_non_negative("launched power", "mass [kg]", mass_kg);
    require_positive("launched power", "power [W]", power_w);
    require_non_negative("launched power", "launch price [USD/kg]", price_usd_per_kg);
    require_positive("launched power", "life [s]", life_s);
    return mass_kg / power_w * price_usd_per_kg / life_s;  // Suncatcher sec. 4.4, Table 1: (m/P) x (USD/kg) / lifetime
}

launch_plan plan_launches(double mass_kg, const launcher& v, double price_usd_per_kg) {
    require_vehicle(v);
    require_non_negative("launch plan", "mass [kg]", mass_kg);
    require_non_negative("launch plan", "launch price [USD/kg]", price_usd_per_kg);
    launch_plan p;
    p.mass_kg = mass_kg;
    // NOTE: 1e-9 slack so that a mass of exactly n payloads is n flights despite rounding.
    p.flights = std::ceil(mass_kg / v.payload_leo_kg - 1e-9);
    p.cost_usd = price_usd_per_kg > 0.0 ? mass_kg * price_usd_per_kg : p.flights * v.price_usd;
    p.duration_s = p.flights / v.max_flights_per_year * constants::julian_year_s;
    return p;
}

std::vector<launch_year> schedule_build_out(const std::vector<double>& demand_kg_per_year, const launcher& v,
                                            const wright_curve* curve, int max_years) {
    require_vehicle(v);
    if (max_years < 1) throw input_error(fmt::format("launch schedule: expected at least one year, got {}", max_years));
    for (double d : demand_kg_per_year) require_non_negative("launch schedule", "demand [kg/yr]", d);
    std::vector<launch_year> out;
    double backlog = 0.0;
    double cumulative = curve != nullptr ? curve->m0_kg : 0.0;
    const double capacity_kg = v.max_flights_per_year * v.payload_leo_kg;  // cadence x payload per year
    for (int y = 0; y < max_years; ++y) {
        const double demand = y < static_cast<int>(demand_kg_per_year.size()) ? demand_kg_per_year[static_cast<std::size_t>(y)] : 0.0;
        if (y >= static_cast<int>(demand_kg_per_year.size()) && backlog <= 0.0) break;
        launch_year row;
        row.year = y;
        row.demand_kg = demand;
        const double want = backlog + demand;
        row.launched_kg = std::min(want, capacity_kg);
        row.flights = std::ceil(row.launched_kg / v.payload_leo_kg - 1e-9);
        row.cost_usd = curve != nullptr ? wright_cost_usd(*curve, cumulative, cumulative + row.launched_kg)
                                        : row.flights * v.price_usd;
        cumulative += row.launched_kg;
        backlog = want - row.launched_kg;
        row.backlog_kg = backlog;
        row.cumulative_kg = cumulative;
        out.push_back(row);
    }
    return out;
}

std::vector<launch_year> schedule_build_out_at_prices(const std::vector<double>& demand_kg_per_year, const launcher& v,
                                                      const std::vector<double>& price_usd_per_kg_by_year, int max_years) {
    if (price_usd_per_kg_by_year.empty())
        throw input_error("launch schedule: expected at least one yearly price [USD/kg], got none");
    for (double p : price_usd_per_kg_by_year) require_non_negative("launch schedule", "launch price [USD/kg]", p);
    auto rows = schedule_build_out(demand_kg_per_year, v, nullptr, max_years);
    for (auto& r : rows) {
        const auto k = std::min(static_cast<std::size_t>(r.year), price_usd_per_kg_by_year.size() - 1);
        r.cost_usd = r.launched_kg * price_usd_per_kg_by_year[k];  // mass x the year's price per kg
    }
    return rows;
}

}  // namespace kardashev::logistics
