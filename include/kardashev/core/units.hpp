#pragma once
/// Quantities written with units ("650 km", "1.2 GW", "3600 USD/kg", "30 %/yr"), parsed to SI.
///
/// The one place where units are read (STYLE.md "Units are parsed in one place, at the edge").
/// SI inside: m, kg, s, W, J, K, rad; data in bytes (B); money in USD; counts are plain numbers.

#include <string>
#include <string_view>

namespace kardashev {

/// What a quantity measures; parse_quantity rejects a unit of another kind.
enum class quantity_kind {
    dimensionless,   //!< a plain number or a percentage ("0.4", "40 %")
    count,           //!< a number of things ("100000", "1.2e6", "2.5 M")
    length,          //!< m: "650 km", "150 m"
    area,            //!< m^2: "105 m2"
    mass,            //!< kg: "575 kg", "200 t"
    time,            //!< s: "10 y", "90 d", "100 ms", "12 h"
    power,           //!< W: "1.2 GW", "700 W"
    energy,          //!< J: "1 kWh", "2.82 MJ"
    temperature,     //!< K: "300 K"
    angle,           //!< rad: "53 deg", "1 rad"
    rate,            //!< 1/s: "30 %/yr", "2 /d"
    data_size,       //!< B: "1.5 GB", "4 TB", "10 Gbit"
    data_rate,       //!< B/s: "100 Gbps", "1.5 GB/s", "4 TB/d"
    money,           //!< USD: "2.5 MUSD", "30000 USD"
    price_per_mass,  //!< USD/kg: "3600 USD/kg"
    price_per_energy,//!< USD/J: "0.06 USD/kWh"
    price_per_power, //!< USD/W: "10 MUSD/MW", "12 USD/W"
    money_rate,      //!< USD/s: "20 GUSD/yr"
    flop_rate,       //!< FLOP/s: "989 TFLOP/s"
    tokens,          //!< tokens: "15.6 Ttok", "15.6e12 tokens"
    tokens_per_byte, //!< tokens/B: "0.25 tok/B"
    specific_energy, //!< J/kg: "150 Wh/kg"
    mass_per_energy, //!< kg/J: "0.4 kg/kWh" (carbon intensity)
    mass_rate,       //!< kg/s: "2700 t/yr" (mass launched or built per year)
};

/// Returns a short noun phrase with an example, for messages: "a power (e.g. \"1.2 GW\")".
std::string describe(quantity_kind kind);

/// Parses `text` as a quantity of `kind` and returns its SI value (see quantity_kind for the unit).
/// Bare numbers are accepted only for dimensionless and count. Throws input_error with a message
/// such as `expected a power (e.g. "1.2 GW"), got "3 kg"` or `unknown unit "fortnight" in "3 fortnight"; ...`.
double parse_quantity(std::string_view text, quantity_kind kind);

/// Formats an SI value of `kind` in the unit a person would write, e.g. 1.2e9 W -> "1.2 GW";
/// parse_quantity(format_quantity(v, k), k) returns v to 1e-12 relative (round-trip for explain).
std::string format_quantity(double value_si, quantity_kind kind);

/// Returns `value` in `unit` with an SI prefix (k, M, G, T, P) and four significant digits, for messages:
/// (341400, "Wh") -> "341.4 MWh". Unlike format_quantity it does not read back exactly.
std::string with_si_prefix(double value, std::string_view unit);

}  // namespace kardashev
