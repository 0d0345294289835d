#pragma once
/// Flat-plate radiators: emission to a sink, absorbed sunlight, planetary albedo and infrared through view
/// factors, the area and mass for a heat load, and a heat pump that raises the radiator temperature at a
/// work cost. Fluxes are per m^2 of plate (both faces together). See docs/models/energy.md.

#include <optional>

namespace kardashev::energy {

/// A flat radiator plate. Plain value type.
struct radiator {
    int faces = 2;                               //!< radiating faces, 1 or 2
    double emissivity = 0.90;                    //!< [-] infrared hemispherical emissivity (VALIDATION.md E1: 0.9)
    double absorptivity = 0.15;                  //!< [-] solar absorptivity (Z-93/AZ-93 white paint at BOL, spacedc.md 4b)
    std::optional<double> ir_absorptivity;       //!< [-] absorptivity to planetary infrared; empty: equal to emissivity (Kirchhoff)
    double temperature_k = 300.0;                //!< [K] radiating surface temperature
    double mass_kg_per_m2 = 10.0;                //!< [kg/m^2] plate mass with fluid loop and deployment (spacedc.md 4b: 10-15)
    double price_usd_per_m2 = 0.0;               //!< [USD/m^2]
    bool operator==(const radiator&) const = default;
};

/// What the plate sees. The view factors sum over the plate's faces.
struct thermal_environment {
    double solar_irradiance_w_per_m2 = 1361.0;   //!< [W/m^2] direct sunlight at the plate (IAU 2015 B3 at 1 AU)
    double solar_projection = 0.0;               //!< [-] sum over faces of cos(incidence) of directly lit faces; 0 edge-on
    double planet_view_factor = 0.0;             //!< [-] view factor from the plate to the planet (or ground), summed over faces
    double planet_albedo = 0.30;                 //!< [-] Bond albedo of the planet (Earth 0.30)
    double planet_temperature_k = 254.0;         //!< [K] planetary infrared temperature (Earth: 237 W/m^2 OLR -> 254 K)
    double sink_temperature_k = 2.725;           //!< [K] background sink (CMB, Fixsen 2009), or an effective sink
    bool operator==(const thermal_environment&) const = default;
};

/// Per m^2 of plate [W/m^2]: what the plate emits, what it absorbs, and the net heat it rejects.
struct radiator_flux {
    double emitted = 0.0;          //!< faces eps sigma (T^4 - T_sink^4)
    double absorbed_solar = 0.0;   //!< alpha S x solar_projection
    double absorbed_albedo = 0.0;  //!< alpha S a F
    double absorbed_planet_ir = 0.0;  //!< alpha_ir F sigma T_p^4
    double net = 0.0;              //!< emitted - absorbed
    bool operator==(const radiator_flux&) const = default;
};

/// Fluxes of `plate` in `env` (Gilmore, Spacecraft Thermal Control Handbook, 2nd ed., ch. 2 energy balance).
radiator_flux radiator_flux_per_m2(const radiator& plate, const thermal_environment& env);

/// Plate area [m^2] that rejects `heat_w`; throws domain_error when the plate absorbs as much as it emits.
double radiator_area_m2(double heat_w, const radiator& plate, const thermal_environment& env);

/// Work [W] a heat pump needs to lift `heat_cold_w` from `t_cold_k` to `t_hot_k` at `carnot_fraction` of the
/// Carnot coefficient of performance T_c / (T_h - T_c); 0 when t_hot_k <= t_cold_k.
double heat_pump_work_w(double heat_cold_w, double t_cold_k, double t_hot_k, double carnot_fraction);

/// Earth's effective infrared temperature [K] from its outgoing longwave radiation (237 W/m^2): (OLR / sigma)^(1/4).
double planet_temperature_from_olr_k(double olr_w_per_m2);

}  // namespace kardashev::energy
