#include "kardashev/economy/cost.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"

namespace kardashev::economy {
namespace {

void require_non_negative(const char* what, double value) {
    if (!(value >= 0.0) || !std::isfinite(value)) {
        throw domain_error(fmt::format("economy: expected a non-negative {}, got {}", what, value));
    }
}

}  // namespace

double depreciation_usd(double capex_usd, double life_s, double dt_s) {
    require_non_negative("capital cost [USD]", capex_usd);
    if (!(life_s > 0.0) || !std::isfinite(life_s)) {
        throw domain_error(fmt::format("economy: expected a positive depreciation life [s], got {}", life_s));
    }
    require_non_negative("time step [s]", dt_s);
    return capex_usd * dt_s / life_s;  // straight-line depreciation: capex / life per unit time
}

double capital_charge_usd(double book_value_usd, double cost_of_capital_per_year, double dt_s) {
    require_non_negative("book value [USD]", book_value_usd);
    require_non_negative("cost of capital [1/yr]", cost_of_capital_per_year);
    require_non_negative("time step [s]", dt_s);
    // Interest on the declining balance, book value x annual rate x dt: the r q term of Jorgenson's user cost of
    // capital c = q (r + delta) (Jorgenson 1963, AER 53(2) 247-259), with q the book value (economy.md M1b).
    return book_value_usd * cost_of_capital_per_year * dt_s / constants::julian_year_s;
}

double cost_per_accelerator_hour(double depreciation_usd, double opex_usd, double accelerator_hours) {
    require_non_negative("depreciation [USD]", depreciation_usd);
    require_non_negative("operating cost [USD]", opex_usd);
    require_non_negative("accelerator-hour count", accelerator_hours);
    if (accelerator_hours == 0.0) {
        return 0.0;
    }
    return (depreciation_usd + opex_usd) / accelerator_hours;
}

double levelised_accelerator_hour_usd(const accelerator_unit& unit) {
    require_non_negative("accelerator price [USD]", unit.accelerator_usd);
    require_non_negative("facility cost [USD]", unit.facility_usd);
    require_non_negative("failure rate [1/s]", unit.failure_rate_per_s);
    require_non_negative("energy cost [USD/h]", unit.energy_usd_per_h);
    if (!(unit.life_s > 0.0) || !std::isfinite(unit.life_s) || !(unit.facility_life_s > 0.0))
        throw domain_error(fmt::format("economy: expected positive service and facility lives [s], got {} and {}",
                                       unit.life_s, unit.facility_life_s));
    if (!(unit.usable_share > 0.0 && unit.usable_share <= 1.0))
        throw domain_error(fmt::format("economy: expected a usable share in (0, 1], got {}", unit.usable_share));
    // The facility outlives the part when its life is longer: the part carries the share of it it uses.
    const double facility_share = std::min(1.0, unit.life_s / unit.facility_life_s);
    // Expected service time under exponential survival: integral of exp(-lambda t) over [0, L].
    const double lambda = unit.failure_rate_per_s;
    const double alive_s = lambda > 0.0 ? -std::expm1(-lambda * unit.life_s) / lambda : unit.life_s;
    const double running_h = unit.usable_share * alive_s / 3600.0;
    // Interest on a straight-line book over a life L: integral of r C (1 - t / L) dt = C r L / 2 (M1b).
    require_non_negative("cost of capital [1/yr]", unit.cost_of_capital_per_year);
    const double r_per_s = unit.cost_of_capital_per_year / constants::julian_year_s;
    const double accelerator_usd = unit.accelerator_usd * (1.0 + 0.5 * r_per_s * unit.life_s);
    const double facility_usd = unit.facility_usd * facility_share * (1.0 + 0.5 * r_per_s * unit.facility_life_s);
    return (accelerator_usd + facility_usd) / running_h + unit.energy_usd_per_h;
}

double kardashev_index(double power_w) {
    if (!(power_w > 0.0) || !std::isfinite(power_w)) {
        throw domain_error(fmt::format("economy: expected a positive power [W] for the Kardashev index, got {}", power_w));
    }
    return (std::log10(power_w) - 6.0) / 10.0;  // Sagan 1973: K = (log10 P[W] - 6) / 10
}

}  // namespace kardashev::economy
