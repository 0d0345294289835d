#include "kardashev/energy/battery.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"
#include "kardashev/core/units.hpp"

namespace kardashev::energy {
namespace {

void require_battery(const battery& b) {
    require_positive("battery", "specific energy [J/kg]", b.specific_energy_j_per_kg);
    require_fraction("battery", "depth of discharge", b.depth_of_discharge, false);
    require_fraction("battery", "round-trip efficiency", b.round_trip_efficiency, false);
    require_non_negative("battery", "price [USD/J]", b.price_usd_per_j);
}

}  // namespace

double battery_deliverable_j(double capacity_j, const battery& b) {
    require_battery(b);
    require_non_negative("battery", "capacity [J]", capacity_j);
    // NOTE: losses split evenly between charge and discharge: discharge efficiency sqrt(eta_rt).
    return capacity_j * b.depth_of_discharge * std::sqrt(b.round_trip_efficiency);
}

double battery_capacity_j(double load_w, double dark_s, const battery& b) {
    require_battery(b);
    require_non_negative("battery", "load [W]", load_w);
    require_non_negative("battery", "dark time [s]", dark_s);
    // SMAD 3rd ed. eq. 11-6: C = P_e T_e / (DoD N n), one battery string (N = 1), n = discharge efficiency
    return load_w * dark_s / (b.depth_of_discharge * std::sqrt(b.round_trip_efficiency));
}

double battery_mass_kg(double capacity_j, const battery& b) {
    require_battery(b);
    require_non_negative("battery", "capacity [J]", capacity_j);
    return capacity_j / b.specific_energy_j_per_kg;
}

double recharge_power_w(double load_w, double dark_s, double lit_s, const battery& b) {
    require_battery(b);
    require_non_negative("battery", "load [W]", load_w);
    require_non_negative("battery", "dark time [s]", dark_s);
    if (dark_s == 0.0) return 0.0;
    if (!(lit_s > 0.0)) throw domain_error("battery: no sunlit time to recharge in; the site is always dark");
    // SMAD 3rd ed. eq. 11-5: P_sa T_d = P_e T_e / X_e + P_d T_d / X_d, with X_e = eta_rt and X_d = 1
    return load_w * dark_s / (lit_s * b.round_trip_efficiency);
}

void check_ride_through(double capacity_j, double load_w, double dark_s, const battery& b) {
    const double have = battery_deliverable_j(capacity_j, b);
    require_non_negative("battery", "load [W]", load_w);
    require_non_negative("battery", "dark time [s]", dark_s);
    const double need = load_w * dark_s;
    if (have < need * (1.0 - 1e-12)) {
        throw domain_error(fmt::format(
            "battery: {} at {:g} % depth of discharge delivers {}; the dark period needs {} ({} for {:.4g} min)",
            with_si_prefix(capacity_j / 3600.0, "Wh"), b.depth_of_discharge * 100.0,
            with_si_prefix(have / 3600.0, "Wh"), with_si_prefix(need / 3600.0, "Wh"),
            with_si_prefix(load_w, "W"), dark_s / 60.0));
    }
}

}  // namespace kardashev::energy
