#include "kardashev/energy/solar_array.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"
#include "kardashev/orbit/ephemeris.hpp"

namespace kardashev::energy {
namespace {

void require_array(const solar_array& a) {
    require_fraction("solar array", "cell efficiency", a.cell_efficiency, false);
    require_fraction("solar array", "packing factor", a.packing_factor, false);
    require_fraction("solar array", "degradation per year", a.degradation_per_year, true, true);
    require_non_negative("solar array", "specific power [W/kg]", a.specific_power_w_per_kg);
    require_non_negative("solar array", "price [USD/W]", a.price_usd_per_w);
    if (!std::isfinite(a.incidence_rad) || std::fabs(a.incidence_rad) >= constants::pi / 2) {
        throw input_error(fmt::format("solar array: expected an incidence angle below 90 deg, got {:g} deg",
                                      a.incidence_rad * 180.0 / constants::pi));
    }
}

/// Power per m^2 of array [W/m^2] after age_s.
double specific_area_power(const solar_array& a, double irradiance, double age_s) {
    require_array(a);
    require_non_negative("solar array", "irradiance [W/m2]", irradiance);
    require_non_negative("solar array", "age [s]", age_s);
    const double years = age_s / constants::julian_year_s;
    // P/A = S eta p cos(theta) (1 - d)^t (Suncatcher sec. 4.4 without degradation; compounded loss per year)
    return irradiance * a.cell_efficiency * a.packing_factor * std::cos(a.incidence_rad) *
           std::pow(1.0 - a.degradation_per_year, years);
}

}  // namespace

double solar_irradiance_w_per_m2(double sun_distance_m) {
    require_positive("solar irradiance", "Sun distance [m]", sun_distance_m);
    const double x = astronomical_unit_m / sun_distance_m;
    return constants::solar_constant_w_per_m2 * x * x;  // inverse-square law from 1361 W/m2 at 1 AU (IAU 2015 B3)
}

double solar_irradiance_at(epoch t) {
    const auto r = orbit::sun_position_teme(t);
    return solar_irradiance_w_per_m2(std::sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]));
}

double array_power_w(const solar_array& array, double irradiance_w_per_m2, double age_s) {
    require_non_negative("solar array", "area [m2]", array.area_m2);
    return array.area_m2 * specific_area_power(array, irradiance_w_per_m2, age_s);
}

double array_area_for_power_m2(double power_w, const solar_array& array, double irradiance_w_per_m2, double age_s) {
    require_non_negative("solar array", "power [W]", power_w);
    const double per_m2 = specific_area_power(array, irradiance_w_per_m2, age_s);
    if (!(per_m2 > 0.0)) {
        throw domain_error("solar array: no sunlight reaches the cells, so no area gives the power asked for");
    }
    return power_w / per_m2;
}

double array_mass_kg(const solar_array& array) {
    require_non_negative("solar array", "area [m2]", array.area_m2);
    require_array(array);
    require_positive("solar array", "specific power [W/kg]", array.specific_power_w_per_kg);
    const double bol_w = array.area_m2 * constants::solar_constant_w_per_m2 * array.cell_efficiency * array.packing_factor;
    return bol_w / array.specific_power_w_per_kg;
}

}  // namespace kardashev::energy
