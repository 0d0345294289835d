#pragma once
/// Batteries and storage sized to ride through an eclipse or a lunar night, and the array power that
/// recharges them. See docs/models/energy.md.

namespace kardashev::energy {

/// An energy store. Plain value type; defaults are a Li-ion spacecraft battery (spacedc.md sec. 4a, 8.1).
struct battery {
    double specific_energy_j_per_kg = 150.0 * 3600.0;  //!< [J/kg] pack level, nameplate (Turyshev 2026 Table V: 150-265 Wh/kg)
    double depth_of_discharge = 0.5;                   //!< [-] usable share of the nameplate (spacedc.md 8.1: 50 %)
    double round_trip_efficiency = 0.9;                //!< [-] energy out / energy in (Li-ion, assumption)
    double price_usd_per_j = 0.0;                      //!< [USD/J] price per J of nameplate capacity
    bool operator==(const battery&) const = default;
};

/// Nameplate capacity [J] that delivers `load_w` for `dark_s`: E = P t / (DoD sqrt(eta_rt)), discharge
/// efficiency sqrt(eta_rt). 0 when dark_s is 0.
double battery_capacity_j(double load_w, double dark_s, const battery& b);

/// Energy [J] a battery of nameplate `capacity_j` delivers to the load: E DoD sqrt(eta_rt).
double battery_deliverable_j(double capacity_j, const battery& b);

/// Mass [kg] of a battery of nameplate `capacity_j`.
double battery_mass_kg(double capacity_j, const battery& b);

/// Extra power [W] needed while lit to refill what `load_w` drew for `dark_s`, over `lit_s`:
/// P t_dark / (t_lit eta_rt) (SMAD 3rd ed. eq. 11-5 with path efficiency eta_rt).
double recharge_power_w(double load_w, double dark_s, double lit_s, const battery& b);

/// Throws domain_error when a battery of nameplate `capacity_j` cannot carry `load_w` through `dark_s`.
void check_ride_through(double capacity_j, double load_w, double dark_s, const battery& b);

}  // namespace kardashev::energy
