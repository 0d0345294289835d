#pragma once
/// Capital and operating cost accounting, cost per GPU-hour, and the Kardashev index.

namespace kardashev::economy {

/// Straight-line depreciation charge [USD] of `capex_usd` over `life_s` for a step of `dt_s`.
double depreciation_usd(double capex_usd, double life_s, double dt_s);

/// Capital charge [USD] over a step of `dt_s`: interest on the undepreciated book value `book_value_usd` at the annual
/// `cost_of_capital_per_year` (docs/models/economy.md "Cost of capital").
double capital_charge_usd(double book_value_usd, double cost_of_capital_per_year, double dt_s);

/// Cost per accelerator-hour [USD/h]: (depreciation + opex) / accelerator-hours. Returns 0 for no hours.
double cost_per_accelerator_hour(double depreciation_usd, double opex_usd, double accelerator_hours);

/// One accelerator bought at a date, as a levelised cost needs it. Plain value type.
struct accelerator_unit {
    double accelerator_usd = 0.0;      //!< [USD] the part's price
    double facility_usd = 0.0;         //!< [USD] its facility: data-hall share, or spacecraft and launch off-world
    double facility_life_s = 0.0;      //!< [s] life of the facility (>= the accelerator's; it serves later parts)
    double life_s = 0.0;               //!< [s] the accelerator's service life
    double failure_rate_per_s = 0.0;   //!< [1/s] constant failure rate without repair (0 on the ground)
    double usable_share = 1.0;         //!< [-] share of its hours its power runs it (sunlight off-world)
    double energy_usd_per_h = 0.0;     //!< [USD/h] energy bought per running hour
    double cost_of_capital_per_year = 0.0;  //!< [1/yr] interest on the undepreciated capital (M1b)
    bool operator==(const accelerator_unit&) const = default;
};

/// Levelised cost [USD] of one running accelerator-hour of `unit` over its life (no discounting):
/// (price x (1 + r L / 2) + facility x min(1, life / facility life) x (1 + r L_facility / 2)) / expected running
/// hours + energy per hour, where r L / 2 is the interest at rate r on a straight-line book over its life L
/// (M1b summed over the life), and the expected running hours are usable x (1 - exp(-lambda L)) / lambda
/// (exponential survival; L when lambda is 0).
/// Throws domain_error on a negative price, a non-positive life or a usable share outside (0, 1].
double levelised_accelerator_hour_usd(const accelerator_unit& unit);

/// Kardashev index, Sagan's interpolation K = (log10 P[W] - 6) / 10 (Sagan 1973, "The Cosmic
/// Connection"). Throws domain_error for P <= 0.
double kardashev_index(double power_w);

}  // namespace kardashev::economy
