// `kardashev size`: JSON keys, echoed inputs, exit codes and exact messages.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;

using outcome = kardashev::testing::cli_outcome;
using kardashev::testing::slurp;

outcome size(const std::string& args) { return kardashev::testing::run_cli("size " + args); }

TEST(size_cli, json_has_every_key_and_echoes_the_inputs) {
    const auto o = size("--site orbit --it-power '100 MW' --orbit '650 km' --launch-price '200 USD/kg' --json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto j = nlohmann::json::parse(o.out);
    for (const char* k : {"array_area_m2", "radiator_area_m2", "battery_kwh", "mass_kg", "kg_per_kw", "launches",
                          "capex_usd", "usd_per_kw_year", "usd_per_gpu_hour", "sunlit_fraction"}) {
        EXPECT_TRUE(j.contains(k)) << k;
    }
    EXPECT_EQ(j["inputs"]["site"], "orbit");
    EXPECT_EQ(j["inputs"]["it_power"], "100 MW");
    EXPECT_EQ(j["inputs"]["altitude"], "650 km");
    EXPECT_EQ(j["inputs"]["launch_price"], "200 USD/kg");
    EXPECT_EQ(j["inputs"]["launcher"], "Starship V3");
    EXPECT_NEAR(j["sunlit_fraction"].get<double>(), 0.962, 0.003);
}

TEST(size_cli, set_overrides_any_input_and_it_is_echoed) {
    const auto o = size("--site ground --set pue=1.2 --set plant=gas_turbine --set 'energy_price=0.05 USD/kWh' --json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto j = nlohmann::json::parse(o.out);
    EXPECT_EQ(j["inputs"]["pue"], "1.2");
    EXPECT_EQ(j["inputs"]["plant"], "gas_turbine");
    EXPECT_EQ(j["launches"].get<double>(), 0.0);
}

TEST(size_cli, bad_inputs_exit_2_with_exact_messages) {
    auto o = size("--orbit '8000 km'");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err,
              "kardashev: error: orbit: no sun-synchronous orbit exists at 8000 km; J2 precession is too weak above about "
              "5970 km\n");
    o = size("--launch-price '-5 USD/kg'");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: site: expected a non-negative launch price [USD/kg], got -5\n");
    o = size("--set 'radiator.temperature=350 K'");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err,
              "kardashev: error: outside a model's range: radiator: 350 K is hotter than the chips allow without a heat "
              "pump (at most 330 K); lower radiator.temperature or set heat_pump_carnot_fraction\n");
    o = size("--it-power '3 kg'");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: it_power: expected a power (e.g. \"1.2 GW\"), got \"3 kg\"\n");
    o = size("--site mars");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: site: unknown kind \"mars\"; expected ground, orbit or moon\n");
}

}  // namespace

namespace {

TEST(size_cli, the_comparison_page_in_docs_is_what_the_tool_prints) {
    const auto o = size("--compare --it-power '1 GW' --prices 3600,1000,500,200,100");
    ASSERT_EQ(o.code, 0) << o.err;
    // Regenerate with tools/make_sites_comparison.sh when the models or their defaults change.
    EXPECT_EQ(o.out, slurp(fs::path(KD_SOURCE_DIR) / "docs" / "sites_comparison.md"));
}

}  // namespace

namespace {

TEST(size_cli, a_1e25_w_site_warns_about_arrays_launches_and_power_and_still_exits_0) {
    const auto o = size("--it-power '1e25 W' --json");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_EQ(o.err,
              "kardashev: warning: array area 5.6e22 m2 is 1.1e8 times the Earth's surface (5.1e14 m2)\n"
              "kardashev: warning: launch rate (one site per life) 1.4e18 /yr is 4.1e15 times the world's orbital launches in 2025 (329 /yr)\n"
              "kardashev: warning: peak electric power 1.3e25 W is 3.9e12 times the world's mean electricity generation (3.41e12 W)\n");
    const auto j = nlohmann::json::parse(o.out);
    ASSERT_EQ(j["warnings"].size(), 3U);
    EXPECT_EQ(j["warnings"][0]["bound"], "array_area");
    EXPECT_EQ(j["warnings"][1]["bound"], "launch_rate");
    EXPECT_EQ(j["warnings"][2]["bound"], "electric_power");
    EXPECT_NEAR(j["warnings"][0]["limit"].get<double>(), 5.10e14, 0.01e14);
    EXPECT_NEAR(j["warnings"][0]["ratio"].get<double>(), j["array_area_m2"].get<double>() / 5.10064e14, 1e8);
    EXPECT_EQ(j["warnings"][1]["limit"].get<double>(), 329.0);
    EXPECT_EQ(j["warnings"][0]["message"].get<std::string>() + "\n",
              o.err.substr(std::string("kardashev: warning: ").size(), o.err.find('\n') + 1 - std::string("kardashev: warning: ").size()));
    // Its peak 1.34e25 W is 7.7e7 times the sunlight the Earth intercepts, 3.5 % of the Sun: type 1.91.
    EXPECT_GT(j["earth_sunlight_share"].get<double>(), 5e7);
    EXPECT_NEAR(j["kardashev_index"].get<double>(), 1.913, 0.0005);
}

TEST(size_cli, a_1_gw_site_warns_about_nothing_and_reports_its_sun_share_and_kardashev_index) {
    auto o = size("--it-power '1 GW' --json");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_EQ(o.err, "");
    const auto j = nlohmann::json::parse(o.out);
    EXPECT_TRUE(j["warnings"].is_array());
    EXPECT_TRUE(j["warnings"].empty());
    const double peak_w = j["peak_power_w"].get<double>();
    EXPECT_GE(peak_w, j["load_w"].get<double>());
    EXPECT_NEAR(j["earth_sunlight_share"].get<double>(), peak_w / 1.7355e17, 1e-4 * peak_w / 1.7355e17);
    EXPECT_NEAR(j["solar_luminosity_share"].get<double>(), peak_w / 3.828e26, 1e-9 * peak_w / 3.828e26);
    EXPECT_NEAR(j["kardashev_index"].get<double>(), (std::log10(peak_w) - 6.0) / 10.0, 1e-12);
    o = size("--it-power '1 GW'");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_EQ(o.err, "");
    EXPECT_NE(o.out.find("\n  kardashev_index                "), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("\n  earth_sunlight_share           "), std::string::npos) << o.out;
    EXPECT_EQ(o.out.find("warnings"), std::string::npos) << o.out;
}

}  // namespace
