#pragma once
/// SI constants with their sources. Values in SI units.

namespace kardashev::constants {

inline constexpr double speed_of_light_m_per_s = 299'792'458.0;      //!< [m/s] exact, SI 2019
inline constexpr double seconds_per_day = 86'400.0;                   //!< [s]
inline constexpr double julian_year_s = 365.25 * 86'400.0;           //!< [s] IAU Julian year
inline constexpr double tt_minus_tai_s = 32.184;                      //!< [s] IERS Conventions 2010 ch. 1
inline constexpr double jd_j2000 = 2'451'545.0;                       //!< [d] JD of J2000.0 (TT)
inline constexpr double stefan_boltzmann = 5.670'374'419e-8;          //!< [W m^-2 K^-4] CODATA 2018, exact
inline constexpr double solar_constant_w_per_m2 = 1361.0;             //!< [W/m^2] IAU 2015 Resolution B3 (nominal TSI)
inline constexpr double solar_luminosity_w = 3.828e26;                //!< [W] IAU 2015 Resolution B3 (nominal)
inline constexpr double earth_mean_radius_m = 6'371'000.0;            //!< [m] IUGG mean radius R1 (Moritz 2000)
inline constexpr double joules_per_kwh = 3.6e6;                       //!< [J] definition
inline constexpr double pi = 3.141'592'653'589'793'238'46;

}  // namespace kardashev::constants
