// The `kardashev network` command: CSV and JSON outputs, the run folder, and its errors (exact messages).

#include <gtest/gtest.h>

#include <cmath>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "kardashev/network/nodes.hpp"
#include "kardashev/orbit/designed_export.hpp"
#include "support/cli_runner.hpp"

namespace {

using kardashev::testing::run_cli;
using kardashev::testing::slurp;
using kardashev::testing::temp_root;

TEST(network_cli, json_summary_of_kuiper_manila_dalian) {
    const auto o = run_cli("network --constellation kuiper-k1 --gsl slant-range --pairs Manila:Dalian "
                           "--duration '20 s' --step '100 ms' --json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto j = nlohmann::json::parse(o.out);
    ASSERT_EQ(j["pairs"].size(), 1U);
    const auto& p = j["pairs"][0];
    EXPECT_EQ(p["pair"], "Manila:Dalian");
    EXPECT_NEAR(p["rtt_t0_ms"].get<double>(), 29.423, 0.001);
    EXPECT_EQ(p["path_changes"], 1);  // Hypatia: the first change at 18.0 s
    EXPECT_EQ(p["unreachable_s"], 0.0);
    EXPECT_NEAR(p["great_circle_rtt_ms"].get<double>(), 17.98, 0.01);
    for (const char* key : {"min_rtt_ms", "median_rtt_ms", "max_rtt_ms"}) EXPECT_TRUE(p.contains(key)) << key;
    EXPECT_EQ(j["inputs"]["gsl"], "slant-range:1260000m");
}

TEST(network_cli, csv_rows_carry_time_pair_rtt_hops_and_path) {
    const auto o = run_cli("network --constellation kuiper-k1 --gsl slant-range --pairs 17:85 --duration '0.2 s' --step '100 ms'");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_EQ(o.out.substr(0, o.out.find('\n')), "time,pair,rtt_ms,hops,path");
    EXPECT_NE(o.out.find("0.000,Manila:Dalian,29.423184,4,1173-184-183-217-1241\n"), std::string::npos) << o.out;
}

TEST(network_cli, out_folder_is_written_whole_and_not_replaced_without_force) {
    const auto root = temp_root("network_out");
    const auto dir = root / "run";
    const std::string args = "network --constellation telesat-t1 --pairs Paris:Luanda --duration '10 s' --out " + dir.string();
    const auto o = run_cli(args);
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "routes.csv"));
    EXPECT_TRUE(std::filesystem::exists(dir / "summary.json"));
    const auto again = run_cli(args);
    EXPECT_EQ(again.code, 2);
    EXPECT_EQ(again.err, "kardashev: error: " + dir.string() +
                             ": the folder exists; choose another --out or pass --force to replace it\n");
    EXPECT_EQ(run_cli(args + " --force").code, 0);
    std::filesystem::remove_all(root);
}

TEST(network_cli, a_scenario_routes_between_its_regions_and_sites_and_reports_delivery) {
    const std::string scenario = std::string(KD_SOURCE_DIR) + "/scenarios/default.yaml";
    const auto o = run_cli("network " + scenario + " --pairs europe:colossus-2 --duration '20 s' --step '10 s' --json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto j = nlohmann::json::parse(o.out);
    EXPECT_EQ(j["inputs"]["start"], "2026-01-01T00:00:00Z");
    EXPECT_EQ(j["inputs"]["gsl"], "elevation:25deg");
    const auto& p = j["pairs"][0];
    EXPECT_EQ(p["pair"], "europe:colossus-2");
    // Gruenheide to Memphis over the lasers: above the vacuum bound, within 1.5x of it.
    EXPECT_GT(p["min_rtt_ms"].get<double>(), p["great_circle_rtt_ms"].get<double>());
    EXPECT_LT(p["max_rtt_ms"].get<double>(), 1.5 * p["great_circle_rtt_ms"].get<double>());
    const auto& d = j["delivery"];
    ASSERT_EQ(d["regions"].size(), 3U);
    EXPECT_EQ(d["sinks"], nlohmann::json::parse(R"(["colossus-1", "colossus-2"])"));
    EXPECT_EQ(d["samples"], 2);  // the steps at 0 and 10 s
    EXPECT_EQ(d["to"], "2026-01-01T00:00:10Z");
    // north-america has two 400 Gbit/s fibres besides its 6.7 Gbit/s ground links; europe only ground links.
    for (const char* key : {"min_bps", "max_bps"}) {
        const double na = d["regions"][0][key], eu = d["regions"][1][key];
        EXPECT_GT(na, 800e9) << key;
        EXPECT_LT(na, 800e9 + 30 * 6.7e9) << key;
        EXPECT_NEAR(std::fmod(eu, 6.7e9), 0.0, 1.0) << key;  // whole ground links
        EXPECT_GE(d["all_regions"][key].get<double>(), na) << key;
    }
    for (const auto& r : d["regions"]) {
        EXPECT_LE(r["min_bps"].get<double>(), r["mean_bps"].get<double>());
        EXPECT_LE(r["mean_bps"].get<double>(), r["max_bps"].get<double>());
    }
}

TEST(network_cli, a_scenario_and_a_constellation_are_refused_together) {
    const std::string scenario = std::string(KD_SOURCE_DIR) + "/scenarios/default.yaml";
    const auto o = run_cli("network " + scenario + " --constellation kuiper-k1 --pairs europe:colossus-2");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: network: SCENARIO gives the constellation and the ground stations; drop "
                     "--constellation, --catalogue and --ground-stations\n");
}

TEST(network_cli, unknown_pair_node_is_an_error) {
    const auto o = run_cli("network --pairs Manila:Atlantis");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: --pairs: unknown ground station \"Atlantis\": expected a station name or id\n");
}

TEST(network_cli, latitude_95_is_an_error) {
    const auto root = temp_root("network_gs");
    std::ofstream(root / "gs.txt") << "0,Quito,-0.22985,-78.52495,2850\n1,Nowhere,95,10,0\n";
    const auto o = run_cli("network --ground-stations " + (root / "gs.txt").string() + " --pairs 0:1");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: " + (root / "gs.txt").string() +
                         ":2:11: latitude: expected a value in [-90, 90] deg, got 95\n");
    std::filesystem::remove_all(root);
}

TEST(network_cli, grid_link_beyond_line_of_sight_is_an_error) {
    const auto root = temp_root("network_isl");
    kardashev::network::shell_design sh = *kardashev::network::shell_preset("starlink-s1");
    sh.planes = 4;
    sh.sats_per_plane = 4;
    std::ofstream f(root / "sparse.tle");
    for (const auto& s : kardashev::network::shell_element_sets(sh)) {
        const auto l = kardashev::orbit::designed_tle_lines(s);
        f << l[0] << "\n" << l[1] << "\n";
    }
    f.close();
    const auto o = run_cli("network --catalogue " + (root / "sparse.tle").string() + " --grid 4x4 --pairs Manila:Dalian");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err.rfind("kardashev: error: outside a model's range: ISL 0-1: ", 0), 0U) << o.err;
    EXPECT_NE(o.err.find("below the 80 km limit; a fixed +Grid cannot hold it"), std::string::npos) << o.err;
    std::filesystem::remove_all(root);
}

TEST(network_cli, unknown_preset_lists_the_presets) {
    const auto o = run_cli("network --constellation iridium --pairs 0:1");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: --constellation: expected one of starlink-s1, kuiper-k1, telesat-t1, got \"iridium\"\n");
}

TEST(network_cli, moon_pairs_need_terminals_and_route_through_one) {
    const auto o = run_cli("network --moon-terminals Madrid,Sydney,Los-Angeles-Long-Beach-Santa-Ana --pairs Tokyo:Moon "
                           "--start 2026-03-01 --duration '1 h' --step '30 min' --json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto p = nlohmann::json::parse(o.out)["pairs"][0];
    EXPECT_EQ(p["pair"], "Tokyo:Moon");
    EXPECT_GT(p["rtt_t0_ms"].get<double>(), p["great_circle_rtt_ms"].get<double>());
    EXPECT_NEAR(p["rtt_t0_ms"].get<double>(), 2564.1, 1.0);
    const auto bad = run_cli("network --pairs Tokyo:Moon");
    EXPECT_EQ(bad.code, 2);
    EXPECT_EQ(bad.err, "kardashev: error: --pairs: the Moon is an end point only with --moon-terminals\n");
}

TEST(network_cli, several_shells_in_one_run) {
    const auto o = run_cli("network --constellation telesat-t1,kuiper-k1 --pairs Paris:Luanda --duration '2 s' --json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto j = nlohmann::json::parse(o.out);
    EXPECT_EQ(j["inputs"]["satellites"], "telesat-t1 (27 x 13, 1015 km, 98.98 deg) + kuiper-k1 (34 x 34, 630 km, 51.9 deg)");
    EXPECT_EQ(j["node_ids"], "satellites 0-1506, stations 1507 + station index");
    EXPECT_EQ(j["inputs"]["gsl"], "elevation:25deg");
    // Two 1 s steps, one search: the second step keeps the first's tree (N-w).
    EXPECT_EQ(j["trees"]["needed"], 2);
    EXPECT_EQ(j["trees"]["kept_from_step_before"], 1);
}

TEST(network_data, compiled_top_100_equals_the_data_file) {
    EXPECT_EQ(kardashev::network::hypatia_top_100_text(),
              slurp(std::string(KD_SOURCE_DIR) + "/data/network/ground_stations_top_100.basic.txt"));
    EXPECT_EQ(kardashev::network::hypatia_top_100_stations().size(), 100U);
}

}  // namespace
