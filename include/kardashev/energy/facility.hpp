#pragma once
/// Terrestrial facility power: IT load, PUE and energy cost.

namespace kardashev::energy {

/// A grid-fed terrestrial facility. Plain value type.
struct grid_facility {
    double pue = 1.3;                          //!< [-] power usage effectiveness, >= 1 (Uptime Institute; Google fleet 1.09)
    double energy_price_usd_per_j = 0.0;       //!< [USD/J]
    double carbon_kg_per_j = 0.0;              //!< [kg CO2 / J] grid carbon intensity
    bool operator==(const grid_facility&) const = default;
};

/// Facility power [W] drawn for `it_power_w` of IT load: P = IT x PUE (The Green Grid, WP#49, 2012).
double facility_power_w(double it_power_w, double pue);

/// IT power [W] that fits under a facility power cap: IT = P_cap / PUE.
double it_power_cap_w(double facility_power_cap_w, double pue);

/// Energy cost [USD] of drawing `power_w` for `dt_s` seconds at `price_usd_per_j`.
double energy_cost_usd(double power_w, double dt_s, double price_usd_per_j);

/// Default water usage effectiveness [m^3/J]: 1.8 L/kWh, US data-centre average (Shehabi et al., LBNL 2016).
inline constexpr double default_wue_m3_per_j = 1.8e-3 / 3.6e6;

}  // namespace kardashev::energy
