#pragma once
/// Launch vehicles and launch campaigns: how many flights, how much money and how long a mass to orbit
/// takes within a vehicle's cadence. See docs/models/logistics.md.

#include <string>
#include <vector>

namespace kardashev::logistics {

/// A launch vehicle as the catalogue (data/catalog/launchers.yaml) describes it. Plain value type.
struct launcher {
    std::string name;                       //!< e.g. "Falcon 9"
    double payload_leo_kg = 0.0;            //!< [kg] payload to low Earth orbit per flight
    double price_usd = 0.0;                 //!< [USD] price per flight
    double max_flights_per_year = 0.0;      //!< [1/yr] cadence limit
    std::string source;                     //!< where the figures come from
    double reliability = 1.0;               //!< [-] probability a flight delivers its payload, in (0, 1]
    bool operator==(const launcher&) const = default;
};

/// Price per kg [USD/kg] of a full flight: price / payload.
double price_per_kg(const launcher& v);

/// Launched-power price [USD per W per s of life]: (mass / power) x price per kg / life (Suncatcher Table 1).
/// Multiply by 1e3 x Julian year for USD/kW/yr.
double launched_power_price_usd_per_w_s(double mass_kg, double power_w, double price_usd_per_kg, double life_s);

/// The flights, money and time to put `mass_kg` in orbit.
struct launch_plan {
    double mass_kg = 0.0;         //!< [kg] mass launched
    double flights = 0.0;         //!< whole flights, ceil(mass / payload)
    double cost_usd = 0.0;        //!< [USD] at the given price per kg (or per flight when price_usd_per_kg is 0)
    double duration_s = 0.0;      //!< [s] flights / cadence
    bool operator==(const launch_plan&) const = default;
};

/// Flights for `mass_kg` on `v` at `price_usd_per_kg` (0: the vehicle's own price per flight x flights);
/// throws input_error on negative mass or price and on a vehicle without payload or cadence.
launch_plan plan_launches(double mass_kg, const launcher& v, double price_usd_per_kg = 0.0);

/// One year of a build-out scheduled within a cadence limit.
struct launch_year {
    int year = 0;                 //!< 0-based year of the build-out
    double demand_kg = 0.0;       //!< [kg] mass asked for this year
    double launched_kg = 0.0;     //!< [kg] mass launched this year
    double flights = 0.0;         //!< flights this year
    double backlog_kg = 0.0;      //!< [kg] mass waiting at the end of the year
    double cost_usd = 0.0;        //!< [USD] launch spend this year
    double cumulative_kg = 0.0;   //!< [kg] total launched by the end of the year (including the start)
    bool operator==(const launch_year&) const = default;
};

/// Launch price per kg as a function of cumulative mass launched [kg]; see learning_curve.hpp.
struct wright_curve;

/// Schedules `demand_kg_per_year[k]` (year k) on `v`: at most max_flights_per_year, the rest carried over;
/// priced per kg by `curve` (Wright's law in cumulative mass) when given, else at the vehicle's price.
/// Runs until the backlog is empty or `max_years` have passed.
std::vector<launch_year> schedule_build_out(const std::vector<double>& demand_kg_per_year, const launcher& v,
                                            const wright_curve* curve = nullptr, int max_years = 100);

/// As schedule_build_out, priced per kg at `price_usd_per_kg_by_year[k]` in year k (the last price holds after the
/// table ends): a given price trajectory instead of a learning curve. Throws input_error on an empty table or a
/// negative price.
std::vector<launch_year> schedule_build_out_at_prices(const std::vector<double>& demand_kg_per_year, const launcher& v,
                                                      const std::vector<double>& price_usd_per_kg_by_year,
                                                      int max_years = 100);

}  // namespace kardashev::logistics
