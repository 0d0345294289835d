#include "kardashev/logistics/mass_driver.hpp"

#include <cmath>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/require.hpp"

namespace kardashev::logistics {

double escape_speed_m_s(double gm_m3_s2, double radius_m) {
    require_positive("escape speed", "GM [m3/s2]", gm_m3_s2);
    require_positive("escape speed", "radius [m]", radius_m);
    return std::sqrt(2.0 * gm_m3_s2 / radius_m);  // v_esc = sqrt(2 GM / R)
}

mass_driver_performance mass_driver_needs(const mass_driver& d) {
    require_positive("mass driver", "launch speed [m/s]", d.launch_speed_m_s);
    require_fraction("mass driver", "efficiency", d.efficiency, false);
    require_non_negative("mass driver", "rate [kg/s]", d.rate_kg_per_s);
    require_positive("mass driver", "acceleration [m/s2]", d.acceleration_m_s2);
    const double v2 = d.launch_speed_m_s * d.launch_speed_m_s;
    mass_driver_performance p;
    p.kinetic_energy_j_per_kg = 0.5 * v2;                              // E/m = v^2 / 2
    p.electric_energy_j_per_kg = p.kinetic_energy_j_per_kg / d.efficiency;
    p.kinetic_power_w = d.rate_kg_per_s * p.kinetic_energy_j_per_kg;   // P = mdot v^2 / 2
    p.electric_power_w = p.kinetic_power_w / d.efficiency;
    p.track_length_m = v2 / (2.0 * d.acceleration_m_s2);               // L = v^2 / (2 a), constant acceleration
    p.mass_per_year_kg = d.rate_kg_per_s * constants::julian_year_s;
    return p;
}

double lunar_delivery_gear_ratio(double delta_v_m_s, double isp_s) {
    require_non_negative("lunar delivery", "delta-v [m/s]", delta_v_m_s);
    require_positive("lunar delivery", "specific impulse [s]", isp_s);
    return std::exp(delta_v_m_s / (isp_s * standard_gravity_m_s2));  // Tsiolkovsky: m0/m1 = exp(dv / (Isp g0))
}

}  // namespace kardashev::logistics
