// Launch plans and build-out schedules within cadence, Wright's law, mass driver, lunar delivery, the
// builtin launcher catalogue.
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/core/error.hpp"
#include "kardashev/io/launcher_catalog.hpp"
#include "kardashev/logistics/launcher.hpp"
#include "kardashev/logistics/learning_curve.hpp"
#include "kardashev/logistics/mass_driver.hpp"
#include "support/error_message.hpp"

namespace {

using namespace kardashev;
using namespace kardashev::logistics;
using kardashev::testing::error_message;

const launcher starship{"Starship V3", 100e3, 10e6, 25.0, "test"};

TEST(launch_plan, flights_round_up_and_money_follows_the_price_per_kg) {
    const auto p = plan_launches(250e3, starship, 200.0);
    EXPECT_EQ(p.flights, 3.0);
    EXPECT_NEAR(p.cost_usd, 250e3 * 200.0, 1e-6);
    EXPECT_NEAR(p.duration_s / (365.25 * 86400.0), 3.0 / 25.0, 1e-12);
    EXPECT_EQ(plan_launches(300e3, starship).flights, 3.0);
    EXPECT_NEAR(plan_launches(300e3, starship).cost_usd, 30e6, 1e-6);
}

TEST(launch_plan, negative_prices_and_masses_are_input_errors) {
    EXPECT_EQ(error_message<input_error>([] { plan_launches(1e3, starship, -1.0); }),
              "launch plan: expected a non-negative launch price [USD/kg], got -1");
    launcher none = starship;
    none.max_flights_per_year = 0.0;
    EXPECT_EQ(error_message<input_error>([&] { plan_launches(1e3, none); }),
              "launcher \"Starship V3\": expected a positive cadence [flights/yr], got 0");
}

TEST(build_out, demand_above_cadence_carries_over_to_later_years) {
    // 25 flights x 100 t = 2500 t a year; 4000 t asked in year 0 takes two years.
    const auto rows = schedule_build_out({4000e3}, starship);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].flights, 25.0);
    EXPECT_NEAR(rows[0].backlog_kg, 1500e3, 1e-6);
    EXPECT_EQ(rows[1].flights, 15.0);
    EXPECT_EQ(rows[1].backlog_kg, 0.0);
    EXPECT_NEAR(rows[0].cost_usd + rows[1].cost_usd, 40.0 * 10e6, 1e-3);
}

TEST(build_out, wright_pricing_gets_cheaper_as_cumulative_mass_grows) {
    const wright_curve c{};
    const auto rows = schedule_build_out({2500e3, 2500e3}, starship, &c);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_GT(rows[0].cost_usd, rows[1].cost_usd);
    EXPECT_NEAR(rows[1].cumulative_kg, 400e3 + 5000e3, 1e-6);
    EXPECT_NEAR(rows[0].cost_usd, wright_cost_usd(c, 400e3, 2900e3), 1e-3);
}

TEST(build_out, a_given_price_trajectory_prices_each_year_and_holds_its_last_price) {
    const auto rows = schedule_build_out_at_prices({2500e3, 2500e3, 2500e3}, starship, {1000.0, 500.0});
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_NEAR(rows[0].cost_usd, 2500e3 * 1000.0, 1e-3);
    EXPECT_NEAR(rows[1].cost_usd, 2500e3 * 500.0, 1e-3);
    EXPECT_NEAR(rows[2].cost_usd, 2500e3 * 500.0, 1e-3);
    EXPECT_EQ(error_message<input_error>([] { schedule_build_out_at_prices({1.0}, starship, {}); }),
              "launch schedule: expected at least one yearly price [USD/kg], got none");
    EXPECT_EQ(error_message<input_error>([] { schedule_build_out_at_prices({1.0}, starship, {-3.0}); }),
              "launch schedule: expected a non-negative launch price [USD/kg], got -3");
}

TEST(wright, learning_rate_outside_zero_to_one_is_an_error) {
    wright_curve c{};
    c.learning_rate = 1.0;
    EXPECT_EQ(error_message<input_error>([&] { wright_price_usd_per_kg(c, 1e6); }),
              "learning curve: expected a learning rate in (0, 1), got 1");
}

TEST(mass_driver, power_scales_with_rate_and_speed_squared) {
    mass_driver d;
    d.launch_speed_m_s = 1000.0;
    d.rate_kg_per_s = 2.0;
    d.efficiency = 0.5;
    d.acceleration_m_s2 = 100.0;
    const auto p = mass_driver_needs(d);
    EXPECT_DOUBLE_EQ(p.kinetic_power_w, 1e6);
    EXPECT_DOUBLE_EQ(p.electric_power_w, 2e6);
    EXPECT_DOUBLE_EQ(p.track_length_m, 5000.0);
    d.efficiency = 0.0;
    EXPECT_EQ(error_message<input_error>([&] { mass_driver_needs(d); }),
              "mass driver: expected an efficiency in (0, 1], got 0");
}

TEST(lunar_delivery, rocket_equation_gear_ratio_for_5_93_km_per_s_at_380_s) {
    EXPECT_NEAR(lunar_delivery_gear_ratio(), std::exp(5930.0 / (380.0 * 9.80665)), 1e-12);
    EXPECT_NEAR(lunar_delivery_gear_ratio(), 4.91, 0.01);
}

TEST(launcher_catalog, builtin_catalogue_has_falcon_and_starship_with_sources) {
    const auto& all = io::builtin_launchers();
    ASSERT_GE(all.size(), 4u);
    for (const auto& v : all) {
        EXPECT_FALSE(v.source.empty()) << v.name;
        EXPECT_GT(v.payload_leo_kg, 0.0) << v.name;
    }
    const auto& f9 = io::find_launcher("Falcon 9");
    EXPECT_NEAR(price_per_kg(f9), 3986.0, 1.0);
    EXPECT_NEAR(price_per_kg(io::find_launcher("Falcon Heavy")), 1520.4, 0.1);
    EXPECT_EQ(error_message<input_error>([] { io::find_launcher("Saturn V"); }),
              "unknown launcher \"Saturn V\"; known launchers: Falcon 9, Falcon Heavy, Starship V3, Starship (Suncatcher)");
}

TEST(launcher_catalog, every_problem_in_a_catalogue_is_reported) {
    const std::string text =
        "launchers:\n"
        "  - name: X\n"
        "    payload_leo: \"-1 t\"\n"
        "    price: \"10 kg\"\n"
        "    max_flights_per_year: 3\n"
        "    colour: red\n";
    try {
        io::load_launcher_catalog(text, "l.yaml");
        FAIL() << "no error";
    } catch (const scenario_error& e) {
        ASSERT_EQ(e.diagnostics().size(), 4u);
        EXPECT_EQ(e.diagnostics()[0].to_string(),
                  "l.yaml:2:5: launchers[0].source: missing required key \"source\" (every entry cites its figures)");
        EXPECT_EQ(e.diagnostics()[1].to_string(), "l.yaml:3:18: launchers[0].payload_leo: expected a positive value, got \"-1 t\"");
        EXPECT_EQ(e.diagnostics()[2].to_string(),
                  "l.yaml:4:12: launchers[0].price: expected an amount of money (e.g. \"2.5 MUSD\"), got \"10 kg\"");
        EXPECT_EQ(e.diagnostics()[3].to_string(),
                  "l.yaml:6:5: launchers[0].colour: unknown key \"colour\"; known keys: name, payload_leo, price, "
                  "max_flights_per_year, reliability, source");
    }
}

TEST(launcher_catalog, falcon_9_reliability_is_its_flight_record_and_unflown_vehicles_never_fail) {
    // data/catalog/launchers.yaml: 3 of 582 orbital Falcon 9 flights through 2025 lost payload; no payload record for the rest.
    EXPECT_NEAR(io::find_launcher("Falcon 9").reliability, 1.0 - 3.0 / 582.0, 5e-5);
    EXPECT_EQ(io::find_launcher("Falcon Heavy").reliability, 1.0);
    EXPECT_EQ(io::find_launcher("Starship V3").reliability, 1.0);
    EXPECT_EQ(io::find_launcher("Starship (Suncatcher)").reliability, 1.0);
}

TEST(launcher_catalog, a_reliability_outside_0_to_100_percent_is_a_located_error) {
    const std::string text =
        "launchers:\n"
        "  - name: X\n"
        "    payload_leo: 1 t\n"
        "    price: 1 MUSD\n"
        "    max_flights_per_year: 3\n"
        "    reliability: 0 %\n"
        "    source: test\n"
        "  - name: Y\n"
        "    payload_leo: 1 t\n"
        "    price: 1 MUSD\n"
        "    max_flights_per_year: 3\n"
        "    reliability: 101 %\n"
        "    source: test\n";
    try {
        io::load_launcher_catalog(text, "l.yaml");
        FAIL() << "no error";
    } catch (const scenario_error& e) {
        ASSERT_EQ(e.diagnostics().size(), 2u);
        EXPECT_EQ(e.diagnostics()[0].to_string(),
                  "l.yaml:6:18: launchers[0].reliability: expected a number above 0 and at most 100 %, got \"0 %\"");
        EXPECT_EQ(e.diagnostics()[1].to_string(),
                  "l.yaml:12:18: launchers[1].reliability: expected a number above 0 and at most 100 %, got \"101 %\"");
    }
    const auto ok = io::load_launcher_catalog(
        "launchers:\n  - {name: Z, payload_leo: 1 t, price: 1 MUSD, max_flights_per_year: 3, reliability: 95 %, source: t}\n",
        "l.yaml");
    EXPECT_NEAR(ok.at(0).reliability, 0.95, 1e-15);
}

}  // namespace
