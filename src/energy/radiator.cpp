#include "kardashev/energy/radiator.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/require.hpp"

namespace kardashev::energy {
namespace {

void require_plate(const radiator& p) {
    if (p.faces != 1 && p.faces != 2)
        throw input_error(fmt::format("radiator: expected 1 or 2 radiating faces, got {}", p.faces));
    require_fraction("radiator", "emissivity", p.emissivity, false);
    require_fraction("radiator", "solar absorptivity", p.absorptivity, true);
    if (p.ir_absorptivity) require_fraction("radiator", "infrared absorptivity", *p.ir_absorptivity, true);
    require_positive("radiator", "temperature [K]", p.temperature_k);
    require_non_negative("radiator", "areal mass [kg/m2]", p.mass_kg_per_m2);
    require_non_negative("radiator", "price [USD/m2]", p.price_usd_per_m2);
}

void require_env(const thermal_environment& e) {
    require_non_negative("thermal environment", "solar irradiance [W/m2]", e.solar_irradiance_w_per_m2);
    if (!(e.solar_projection >= 0.0 && e.solar_projection <= 2.0))
        throw input_error(fmt::format("thermal environment: expected a solar projection in [0, 2], got {:g}",
                                      e.solar_projection));
    if (!(e.planet_view_factor >= 0.0 && e.planet_view_factor <= 2.0))
        throw input_error(fmt::format("thermal environment: expected a planet view factor in [0, 2], got {:g}",
                                      e.planet_view_factor));
    require_fraction("thermal environment", "albedo", e.planet_albedo, true);
    require_non_negative("thermal environment", "planet temperature [K]", e.planet_temperature_k);
    require_non_negative("thermal environment", "sink temperature [K]", e.sink_temperature_k);
}

double t4(double t) { return t * t * t * t; }

}  // namespace

radiator_flux radiator_flux_per_m2(const radiator& plate, const thermal_environment& env) {
    require_plate(plate);
    require_env(env);
    const double sigma = constants::stefan_boltzmann;
    const double alpha_ir = plate.ir_absorptivity.value_or(plate.emissivity);
    radiator_flux f;
    // Stefan-Boltzmann emission of each face to the sink: eps sigma (T^4 - T_s^4) (Gilmore 2002 eq. 2.1)
    f.emitted = plate.faces * plate.emissivity * sigma * (t4(plate.temperature_k) - t4(env.sink_temperature_k));
    // Direct sunlight: alpha S cos(theta) on each lit face (Gilmore 2002 sec. 2, "Solar radiation")
    f.absorbed_solar = plate.absorptivity * env.solar_irradiance_w_per_m2 * env.solar_projection;
    // Albedo: alpha S a F (Gilmore 2002 sec. 2, "Albedo"; Starcloud 2024 white paper radiator budget)
    f.absorbed_albedo = plate.absorptivity * env.solar_irradiance_w_per_m2 * env.planet_albedo * env.planet_view_factor;
    // Planetary infrared: alpha_ir F sigma T_p^4 (Gilmore 2002 sec. 2, "Earth infrared")
    f.absorbed_planet_ir = alpha_ir * env.planet_view_factor * sigma * t4(env.planet_temperature_k);
    f.net = f.emitted - f.absorbed_solar - f.absorbed_albedo - f.absorbed_planet_ir;
    return f;
}

double radiator_area_m2(double heat_w, const radiator& plate, const thermal_environment& env) {
    require_non_negative("radiator", "heat load [W]", heat_w);
    const auto f = radiator_flux_per_m2(plate, env);
    if (!(f.net > 0.0)) {
        throw domain_error(fmt::format(
            "radiator: at {:g} K the plate emits {:.4g} W/m2 and absorbs {:.4g} W/m2, so it cannot reject heat; "
            "raise its temperature or shade it",
            plate.temperature_k, f.emitted, f.emitted - f.net));
    }
    return heat_w / f.net;
}

double heat_pump_work_w(double heat_cold_w, double t_cold_k, double t_hot_k, double carnot_fraction) {
    require_non_negative("heat pump", "heat load [W]", heat_cold_w);
    require_positive("heat pump", "cold-side temperature [K]", t_cold_k);
    require_positive("heat pump", "hot-side temperature [K]", t_hot_k);
    if (t_hot_k <= t_cold_k) return 0.0;
    require_fraction("heat pump", "fraction of the Carnot COP", carnot_fraction, false);
    // COP_cooling = f_C T_c / (T_h - T_c) (Carnot limit scaled); W = Q_c / COP
    return heat_cold_w * (t_hot_k - t_cold_k) / (carnot_fraction * t_cold_k);
}

double planet_temperature_from_olr_k(double olr_w_per_m2) {
    require_non_negative("planet", "outgoing longwave radiation [W/m2]", olr_w_per_m2);
    return std::pow(olr_w_per_m2 / constants::stefan_boltzmann, 0.25);  // sigma T^4 = OLR
}

}  // namespace kardashev::energy
