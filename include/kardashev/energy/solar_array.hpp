#pragma once
/// Photovoltaic arrays: irradiance at the Sun's actual distance, array power with packing, incidence
/// and yearly degradation, and the inverse (area for a power). See docs/models/energy.md.

#include "kardashev/core/time.hpp"

namespace kardashev::energy {

/// Astronomical unit [m] (IAU 2012 Resolution B2, exact).
inline constexpr double astronomical_unit_m = 149'597'870'700.0;

/// A flat photovoltaic array. Plain value type; defaults are the Starlink v2 mini proxy of Suncatcher sec. 4.4.
struct solar_array {
    double area_m2 = 0.0;                    //!< [m^2] array area (cells plus gaps)
    double cell_efficiency = 0.22;           //!< [-] cell conversion efficiency at AM0 (Suncatcher sec. 4.4: 22 %)
    double packing_factor = 0.90;            //!< [-] cell area / array area (Suncatcher sec. 4.4: 90 %)
    double degradation_per_year = 0.0;       //!< [1/yr] fractional power loss per year, compounded
    double incidence_rad = 0.0;              //!< [rad] angle between the Sun direction and the array normal
    double specific_power_w_per_kg = 59.0;   //!< [W/kg] beginning-of-life power at 1 AU, normal incidence, per kg (iROSA: ~20 kW per ~340 kg wing)
    double price_usd_per_w = 0.0;            //!< [USD/W] price per W of beginning-of-life power at 1 AU
    bool operator==(const solar_array&) const = default;
};

/// Solar irradiance [W/m^2] at `sun_distance_m` from the Sun: 1361 W/m^2 x (1 AU / r)^2 (IAU 2015 B3).
double solar_irradiance_w_per_m2(double sun_distance_m);

/// Solar irradiance [W/m^2] at the Earth's distance from the Sun at `t` (Sun position of orbit/ephemeris.hpp).
double solar_irradiance_at(epoch t);

/// Electrical power [W] of `array` under `irradiance_w_per_m2` after `age_s` seconds in service:
/// S A eta p cos(theta) (1 - d)^years. Throws input_error on a bad array.
double array_power_w(const solar_array& array, double irradiance_w_per_m2, double age_s = 0.0);

/// Array area [m^2] that gives `power_w` under `irradiance_w_per_m2` after `age_s` (array_power_w inverted;
/// `array.area_m2` is ignored).
double array_area_for_power_m2(double power_w, const solar_array& array, double irradiance_w_per_m2, double age_s = 0.0);

/// Mass [kg] of `array`: beginning-of-life power at 1 AU and normal incidence / specific power.
double array_mass_kg(const solar_array& array);

}  // namespace kardashev::energy
