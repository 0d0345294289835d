#pragma once
/// Lunar mass driver and delivery to the lunar surface. See docs/models/logistics.md.

namespace kardashev::logistics {

/// Lunar gravitational parameter [m^3/s^2] (JPL DE430, Folkner et al. 2014: 4902.800066 km^3/s^2).
inline constexpr double moon_gm_m3_s2 = 4.902'800'066e12;
/// Lunar mean radius [m] (IAU WGCCRE 2015: 1737.4 km).
inline constexpr double moon_radius_m = 1'737'400.0;
/// Standard gravity [m/s^2] (CGPM 1901, exact).
inline constexpr double standard_gravity_m_s2 = 9.806'65;

/// Escape speed [m/s] from a body's surface: sqrt(2 GM / R).
double escape_speed_m_s(double gm_m3_s2 = moon_gm_m3_s2, double radius_m = moon_radius_m);

/// An electromagnetic launcher on the lunar surface. Plain value type; defaults are the 1975 NASA summer study.
struct mass_driver {
    double launch_speed_m_s = 2376.0;       //!< [m/s] muzzle speed (lunar escape, escape_speed_m_s())
    double efficiency = 0.60;               //!< [-] kinetic energy out / electric energy in (O'Neill/SSI 1976: "more than 60")
    double rate_kg_per_s = 1.0e9 / (365.25 * 86400.0);  //!< [kg/s] throughput (NASA SP-413: 1 Mt/yr)
    double acceleration_m_s2 = 30.0 * 9.806'65;          //!< [m/s^2] along the track (MIT Mass Driver 1: ~30 g)
    bool operator==(const mass_driver&) const = default;
};

/// What a mass driver needs.
struct mass_driver_performance {
    double kinetic_energy_j_per_kg = 0.0;   //!< [J/kg] v^2 / 2
    double electric_energy_j_per_kg = 0.0;  //!< [J/kg] v^2 / (2 eta)
    double kinetic_power_w = 0.0;           //!< [W] rate x v^2 / 2
    double electric_power_w = 0.0;          //!< [W] kinetic / eta
    double track_length_m = 0.0;            //!< [m] v^2 / (2 a)
    double mass_per_year_kg = 0.0;          //!< [kg/yr] rate x Julian year
    bool operator==(const mass_driver_performance&) const = default;
};

/// Energy, power and track length of `d`; throws input_error on non-positive speed, efficiency or acceleration.
mass_driver_performance mass_driver_needs(const mass_driver& d);

/// Mass in low Earth orbit per kg landed on the Moon (Tsiolkovsky, propellant only, no stage dry mass):
/// exp(dv / (Isp g0)). Default dv 5.93 km/s LEO -> lunar surface, methalox Isp 380 s.
double lunar_delivery_gear_ratio(double delta_v_m_s = 5930.0, double isp_s = 380.0);

}  // namespace kardashev::logistics
