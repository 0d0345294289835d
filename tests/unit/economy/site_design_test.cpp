// The site design solver: power and heat balances close, mass rolls up, launches and money follow, bad
// designs fail with exact messages; the radiation and capacity model behind it.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "kardashev/core/constants.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/economy/site_design.hpp"
#include "kardashev/economy/site_radiation.hpp"
#include "support/error_message.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::economy;
using kardashev::testing::domain_error_message;
using kardashev::testing::error_message;

constexpr double year = constants::julian_year_s;

site_inputs orbit_1gw() {
    site_inputs in;
    in.kind = site_kind::orbit;
    return in;
}

TEST(site_orbit, dawn_dusk_650_km_is_lit_96_percent_with_a_19_5_min_worst_eclipse) {
    const auto d = design_site(orbit_1gw());
    EXPECT_NEAR(d.sunlit_fraction, 0.961, 0.003);       // VALIDATION.md O2
    EXPECT_NEAR(d.worst_dark_s / 60.0, 19.6, 0.2);      // O2: 19.7 min (cylindrical, R = 6371 km)
    EXPECT_NEAR(d.period_s / 60.0, 97.7, 0.1);
}

TEST(site_orbit, power_balance_closes_through_the_worst_eclipse) {
    const auto in = orbit_1gw();
    const auto d = design_site(in);
    EXPECT_NEAR(d.load_w, 1.05e9, 1.0);
    EXPECT_NEAR(d.battery_j, energy::battery_capacity_j(d.load_w, d.worst_dark_s, in.battery), 1.0);
    const double lit = d.period_s - d.worst_dark_s;
    EXPECT_NEAR(d.array_power_w, d.load_w * (1.0 + d.worst_dark_s / (lit * 0.9)), 1.0);
    energy::solar_array a = in.array;
    a.area_m2 = d.array_area_m2;
    EXPECT_NEAR(energy::array_power_w(a, 1361.0, in.life_s), d.array_power_w, 1e-3);
}

TEST(site_orbit, heat_balance_closes_at_the_radiator) {
    const auto d = design_site(orbit_1gw());
    EXPECT_NEAR(d.radiator_area_m2 * d.radiator_net_w_per_m2, d.heat_w, 1e-3);
    EXPECT_GT(d.heat_w, d.load_w);  // plus the battery's charge losses
}

TEST(site_orbit, mass_rolls_up_with_the_bus_share_and_launches_round_up) {
    const auto in = orbit_1gw();
    const auto d = design_site(in);
    const double parts = d.compute_mass_kg + d.array_mass_kg + d.battery_mass_kg + d.radiator_mass_kg + d.shielding_mass_kg;
    EXPECT_NEAR(d.bus_mass_kg / (parts + d.bus_mass_kg), 0.20, 1e-12);
    EXPECT_NEAR(d.kg_per_kw, d.mass_kg / 1e6, 1e-12);
    EXPECT_EQ(d.launches, std::ceil(d.mass_kg / 100e3));
    EXPECT_NEAR(d.launch_usd, d.mass_kg * 3600.0, 1e-3);
    EXPECT_EQ(d.satellites, std::ceil(1e9 / 28.3e3));
}

TEST(site_orbit, launch_price_per_kw_year_is_suncatchers_launched_power_price) {
    auto in = orbit_1gw();
    in.launch_price_usd_per_kg = 200.0;
    const auto d = design_site(in);
    EXPECT_NEAR(d.launch_usd_per_kw_year, d.kg_per_kw * 200.0 / 5.0, 1e-6);
    EXPECT_NEAR(d.usd_per_kw_year, (d.capex_usd / 5.0) / 1e6, 1e-6);
    EXPECT_NEAR(d.usd_per_gpu_hour, d.capex_usd / 5.0 / (d.accelerators * year / 3600.0 * d.mean_usable_fraction), 1e-9);
}

TEST(site_orbit, above_1390_km_a_dawn_dusk_orbit_needs_no_battery) {
    auto in = orbit_1gw();
    in.altitude_m = 1500e3;
    const auto d = design_site(in);
    EXPECT_EQ(d.sunlit_fraction, 1.0);
    EXPECT_EQ(d.battery_j, 0.0);
}

TEST(site_orbit, starlink_shell_at_53_deg_is_lit_69_percent) {
    auto in = orbit_1gw();
    in.altitude_m = 550e3;
    in.sun_synchronous = false;
    in.inclination_rad = 53.0 * constants::pi / 180.0;
    // VALIDATION.md O2: 68.7 % averaged over the starting RAAN; one RAAN gives 68.2-69.4 % (o2_sunlit_fraction_test).
    EXPECT_NEAR(design_site(in).sunlit_fraction, 0.688, 0.007);
}

TEST(site_orbit, an_orbit_that_cannot_be_sun_synchronous_is_an_input_error) {
    auto in = orbit_1gw();
    in.altitude_m = 8000e3;
    EXPECT_EQ(error_message<input_error>([&] { design_site(in); }),
              "orbit: no sun-synchronous orbit exists at 8000 km; J2 precession is too weak above about 5970 km");
}

TEST(site_orbit, a_radiator_hotter_than_the_chips_allow_needs_a_heat_pump) {
    auto in = orbit_1gw();
    in.radiator.temperature_k = 350.0;
    EXPECT_EQ(domain_error_message([&] { design_site(in); }),
              "radiator: 350 K is hotter than the chips allow without a heat pump (at most 330 K); lower "
              "radiator.temperature or set heat_pump_carnot_fraction");
    in.heat_pump_carnot_fraction = 0.5;
    const auto d = design_site(in);
    EXPECT_NEAR(d.heat_pump_work_w, 1.05e9 * 20.0 / (0.5 * 330.0), 1.0);
    EXPECT_LT(d.radiator_area_m2, design_site(orbit_1gw()).radiator_area_m2);
}

TEST(site_orbit, a_battery_that_cannot_ride_through_the_eclipse_is_an_error) {
    auto in = orbit_1gw();
    in.battery_capacity_j = 100e6 * 3600.0;
    const std::string msg = domain_error_message([&] { design_site(in); });
    EXPECT_EQ(msg.substr(0, 86), "battery: 100 MWh at 50 % depth of discharge delivers 47.43 MWh; the dark period needs ");
}

TEST(site_orbit, negative_prices_are_input_errors) {
    auto in = orbit_1gw();
    in.launch_price_usd_per_kg = -5.0;
    EXPECT_EQ(error_message<input_error>([&] { design_site(in); }),
              "site: expected a non-negative launch price [USD/kg], got -5");
    in = orbit_1gw();
    in.accelerator.price_usd = -1.0;
    EXPECT_EQ(error_message<input_error>([&] { design_site(in); }),
              "site: expected a non-negative price per accelerator [USD], got -1");
}

TEST(site_orbit, replacing_failures_keeps_capacity_at_the_cost_of_yearly_launches) {
    auto in = orbit_1gw();
    in.replace_failures = true;
    const auto d = design_site(in);
    EXPECT_NEAR(d.mean_usable_fraction, d.radiation.availability, 1e-15);
    EXPECT_NEAR(d.annual_opex_usd, 0.09 * d.capex_usd, 1e-3);
    EXPECT_NEAR(d.replacement_mass_kg_per_year, 0.09 * d.mass_kg, 1e-6);
}

TEST(site_orbit, too_much_dose_over_the_life_is_a_domain_error) {
    auto in = orbit_1gw();
    in.radiation.dose_rate_rad_per_year = 500.0;
    EXPECT_EQ(domain_error_message([&] { design_site(in); }),
              "radiation: 500 rad/yr over a 5 yr life is 2500 rad, above the 2000 rad total-dose limit; add shielding "
              "(lower radiation.dose_rate) or shorten the life");
}

TEST(site_ground, grid_power_spend_is_tariff_times_hours_times_pue) {
    site_inputs in;
    in.kind = site_kind::ground;
    const auto d = design_site(in);
    EXPECT_NEAR(d.energy_usd_per_kw_year, 0.08 * year / 3600.0 * 1.09, 1e-9);
    EXPECT_EQ(d.launches, 0.0);
    EXPECT_EQ(d.array_area_m2, 0.0);
    EXPECT_NEAR(d.water_m3_per_year, 1e9 * year * 1.8e-3 / 3.6e6, 1e-3);
    const double annual = (d.compute_usd + 10.0 * 1e9) / 5.0 + d.annual_opex_usd;
    EXPECT_NEAR(d.usd_per_kw_year, annual / 1e6, 1e-9);
}

TEST(site_ground, gas_turbines_own_their_capital) {
    site_inputs in;
    in.kind = site_kind::ground;
    in.plant = energy::default_plant(energy::plant_kind::gas_turbine);
    const auto d = design_site(in);
    EXPECT_NEAR(d.hardware_usd, 10.0 * 1e9 + 1.09e9 / 0.9 * 2.0, 1e-3);
    EXPECT_GT(d.carbon_kg_per_year, 0.0);
}

TEST(site_moon, polar_ridge_storage_carries_the_longest_night) {
    site_inputs in;
    in.kind = site_kind::moon;
    const auto d = design_site(in);
    EXPECT_NEAR(d.sunlit_fraction, 0.9227, 1e-12);
    EXPECT_NEAR(d.battery_j, energy::battery_capacity_j(d.load_w, 5.0 * 86400.0, in.battery), 1.0);
    const double gear = logistics::lunar_delivery_gear_ratio();
    EXPECT_NEAR(d.launch_usd, d.launched_mass_kg * 3600.0 * gear, 1.0);
    EXPECT_EQ(d.launches, std::ceil(d.launched_mass_kg * gear / 100e3 - 1e-9));
}

TEST(site_moon, regolith_share_cuts_the_mass_sent_from_earth) {
    site_inputs in;
    in.kind = site_kind::moon;
    in.regolith_share = 0.5;
    const auto d = design_site(in);
    EXPECT_NEAR(d.launched_mass_kg, d.mass_kg - 0.5 * (d.mass_kg - d.compute_mass_kg), 1e-3);
}

TEST(site_moon, equatorial_noon_ground_is_too_hot_for_a_320_k_radiator) {
    site_inputs in;
    in.kind = site_kind::moon;
    in.lunar_polar = false;
    EXPECT_EQ(domain_error_message([&] { design_site(in); }),
              "radiator: at 320 K the plate emits 1070 W/m2 and absorbs 1205 W/m2, so it cannot reject heat; raise "
              "its temperature or shade it");
    in.radiator.temperature_k = 420.0;
    in.heat_pump_carnot_fraction = 0.5;
    EXPECT_GT(design_site(in).radiator_area_m2, 0.0);
}

TEST(site_moon, mass_driver_power_adds_to_the_base_load) {
    site_inputs in;
    in.kind = site_kind::moon;
    in.mass_driver_rate_kg_per_year = 1e9;
    const auto d = design_site(in);
    EXPECT_NEAR(d.mass_driver_power_w / 1e6, 149.1, 0.5);
    EXPECT_NEAR(d.load_w, 1.05e9 + d.mass_driver_power_w, 1.0);
    // 1 Mt/yr of satellites at the orbit design's kg per kW.
    site_inputs sat = in;
    sat.kind = site_kind::orbit;
    EXPECT_NEAR(d.mass_driver_it_w_per_year, 1e9 / design_site(sat).kg_per_kw * 1e3, 1.0);
}

TEST(site_radiation, suncatcher_cross_sections_and_rates) {
    // Suncatcher sec. 4.3 / spacedc.md V8: sigma = 1.27e-7 / D cm^2.
    EXPECT_NEAR(cross_section_m2(14.4) * 1e4, 8.8e-9, 0.05e-9);
    EXPECT_NEAR(cross_section_m2(44.0) * 1e4, 2.9e-9, 0.05e-9);
    EXPECT_NEAR(cross_section_m2(5000.0) * 1e4, 2.5e-11, 0.05e-11);
    const auto r = radiation_event_rates(site_radiation{});
    EXPECT_NEAR(r.sdc_per_year, 150.0 / 17.0, 1e-12);  // ~8.8 per chip-year
    EXPECT_NEAR(r.tid_life_s / year, 13.33, 0.01);     // HBM onset after ~13 yr
}

TEST(capacity, failures_without_repair_decay_and_replacement_restores) {
    const double lambda = 0.09 / year;
    EXPECT_NEAR(usable_fraction(year, lambda), std::exp(-0.09), 1e-15);
    EXPECT_NEAR(usable_fraction(2.5 * year, lambda, year), std::exp(-0.09 * 0.5), 1e-12);
    // Turyshev's lifetime penalty lambda T / (1 - e^-lambda T) = 1.27 at 0.1/yr over 5 yr.
    EXPECT_NEAR(1.0 / mean_usable_fraction(5.0 * year, 0.1 / year), 1.27, 0.005);
}

}  // namespace

namespace {

// The engine prices every part a site buys from two designs (src/sim/offworld_cost.cpp): it relies on the mass and
// launch per accelerator being affine in the accelerator's all-in power. Three powers must lie on one line.
TEST(site_design, mass_per_accelerator_is_affine_in_its_power) {
    for (const auto kind : {kardashev::economy::site_kind::orbit, kardashev::economy::site_kind::moon}) {
        std::array<double, 3> hw{}, launch{};
        const std::array<double, 3> power{1300.0, 2600.0, 9100.0};
        for (std::size_t k = 0; k < 3; ++k) {
            kardashev::economy::site_inputs in;
            in.kind = kind;
            in.it_power_w = 10e6;
            in.accelerator.power_w = power[k];
            in.launch_price_usd_per_kg = 1.0;
            in.spacecraft_price_usd_per_kg = 1.0;
            const auto d = kardashev::economy::design_site(in);
            hw[k] = d.hardware_usd / d.accelerators;
            launch[k] = d.launch_usd / d.accelerators;
        }
        const double hw_slope = (hw[1] - hw[0]) / (power[1] - power[0]);
        const double launch_slope = (launch[1] - launch[0]) / (power[1] - power[0]);
        EXPECT_NEAR(hw[2], hw[0] + hw_slope * (power[2] - power[0]), 1e-9 * hw[2]);
        EXPECT_NEAR(launch[2], launch[0] + launch_slope * (power[2] - power[0]), 1e-9 * launch[2]);
        EXPECT_GT(hw_slope, 0.0);  // more power per accelerator: more array, radiator and bus per accelerator
    }
}

}  // namespace
