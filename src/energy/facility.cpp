#include "kardashev/energy/facility.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::energy {
namespace {

void require_pue(double pue) {
    if (!(pue >= 1.0) || !std::isfinite(pue)) {
        throw domain_error(fmt::format("facility: expected a PUE >= 1, got {}", pue));
    }
}

void require_non_negative(const char* what, double value) {
    if (!(value >= 0.0) || !std::isfinite(value)) {
        throw domain_error(fmt::format("facility: expected a non-negative {}, got {}", what, value));
    }
}

}  // namespace

double facility_power_w(double it_power_w, double pue) {
    require_non_negative("IT power [W]", it_power_w);
    require_pue(pue);
    return it_power_w * pue;  // The Green Grid WP#49 (2012): PUE = facility energy / IT energy
}

double it_power_cap_w(double facility_power_cap_w, double pue) {
    require_non_negative("facility power cap [W]", facility_power_cap_w);
    require_pue(pue);
    return facility_power_cap_w / pue;  // The Green Grid WP#49 (2012), inverted
}

double energy_cost_usd(double power_w, double dt_s, double price_usd_per_j) {
    require_non_negative("power [W]", power_w);
    require_non_negative("duration [s]", dt_s);
    require_non_negative("energy price [USD/J]", price_usd_per_j);
    return power_w * dt_s * price_usd_per_j;  // E = P dt, cost = E x price
}

}  // namespace kardashev::energy
