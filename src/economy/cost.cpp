#include "kardashev/economy/cost.hpp"

#include <cmath>

#include <fmt/format.h>

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

double cost_per_accelerator_hour(double depreciation_usd, double opex_usd, double accelerator_hours) {
    require_non_negative("depreciation [USD]", depreciation_usd);
    require_non_negative("operating cost [USD]", opex_usd);
    require_non_negative("accelerator-hour count", accelerator_hours);
    if (accelerator_hours == 0.0) {
        return 0.0;
    }
    return (depreciation_usd + opex_usd) / accelerator_hours;
}

double kardashev_index(double power_w) {
    if (!(power_w > 0.0) || !std::isfinite(power_w)) {
        throw domain_error(fmt::format("economy: expected a positive power [W] for the Kardashev index, got {}", power_w));
    }
    return (std::log10(power_w) - 6.0) / 10.0;  // Sagan 1973: K = (log10 P[W] - 6) / 10
}

}  // namespace kardashev::economy
