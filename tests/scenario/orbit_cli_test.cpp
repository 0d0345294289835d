// The orbit commands end to end: `propagate` against Vallado's verification rows, `constellation` files that load
// back, `eclipse` on VALIDATION.md O2, and their exact errors.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kardashev/orbit/tle.hpp"
#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using kardashev::testing::run_cli;
using kardashev::testing::temp_root;

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        for (std::string c; std::getline(ss, c, ',');) cells.push_back(c);
        if (!line.empty() && line.back() == ',') cells.emplace_back();
        rows.push_back(cells);
    }
    return rows;
}

// Lines 1 and 2 of a suite object (the suite's TLE file carries run limits after column 69; the reader ignores them).
fs::path suite_object(const fs::path& dir, const std::string& number) {
    std::ifstream in(std::string(KD_TEST_DATA_DIR) + "/sgp4/SGP4-VER.TLE");
    const fs::path p = dir / (number + ".tle");
    std::ofstream out(p);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("1 " + number, 0) == 0) {
            std::string line2;
            std::getline(in, line2);
            out << line << "\n" << line2 << "\n";
        }
    }
    return p;
}

TEST(orbit_cli, propagate_reproduces_the_vallado_rows_of_a_deep_decaying_object) {
    const auto dir = temp_root("propagate");
    const auto tle = suite_object(dir, "28872");
    const auto o = run_cli("propagate " + tle.string() + " --tsince-min 0:50:5 --quiet");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto rows = csv_rows(o.out);
    ASSERT_EQ(rows.size(), 12U);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"id", "time_utc", "tsince_min", "x_km", "y_km", "z_km", "vx_km_s", "vy_km_s",
                                                 "vz_km_s", "status"}));
    // tcppver.out rows of 28872 at 0 and 50 min (Vallado et al. 2006), to the printed digits.
    EXPECT_NEAR(std::stod(rows[1][3]), -6131.82730456, 1e-6);
    EXPECT_NEAR(std::stod(rows[1][8]), 7.658645067, 1e-9);
    EXPECT_NEAR(std::stod(rows[11][3]), 5548.43325922, 1e-6);
    EXPECT_NEAR(std::stod(rows[11][5]), -1979.24314527, 1e-6);
    EXPECT_EQ(rows[11][1].substr(0, 24), "2005-11-29T01:18:58.9391") << "epoch 05333.02012661 + 50 min (tcppver: 58.939092)";
    EXPECT_EQ(rows[11][9], "ok");
}

TEST(orbit_cli, propagate_marks_a_decayed_satellite_and_keeps_going) {
    const auto dir = temp_root("decay");
    const auto o = run_cli("propagate " + suite_object(dir, "29141").string() + " --tsince-min 400:440:20 --quiet");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto rows = csv_rows(o.out);
    ASSERT_EQ(rows.size(), 4U);
    EXPECT_EQ(rows[1].back(), "ok");
    EXPECT_EQ(rows[2].back(), "ok");
    EXPECT_EQ(rows[3].back(), "decayed");  // Vallado 2006: lost in under 420 min; error 6 after its last row
}

TEST(orbit_cli, constellation_walker_writes_tles_that_propagate_in_every_frame) {
    const auto dir = temp_root("walker");
    const auto tle = dir / "shell.tle";
    auto o = run_cli("constellation walker --altitude '550 km' --inclination '53 deg' --total 24 --planes 6 --phasing 1 "
                     "--out " + tle.string());
    ASSERT_EQ(o.code, 0) << o.err;
    const auto sets = kardashev::orbit::load_tle_catalogue(tle);
    ASSERT_EQ(sets.size(), 24U);
    EXPECT_EQ(sets[0].catalogue_number, 80'000U);
    EXPECT_EQ(sets[0].name, "KD-walker-0001");
    o = run_cli("propagate " + tle.string() + " --start 2026-01-01T00:00:00Z --stop 2026-01-01T01:00:00Z --step '10 min' "
                "--frame geodetic --quiet");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto rows = csv_rows(o.out);
    ASSERT_EQ(rows.size(), 1U + 24U * 7U);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"id", "time_utc", "tsince_min", "lat_deg", "lon_deg", "alt_km", "status"}));
    for (std::size_t i = 1; i < rows.size(); ++i) {
        EXPECT_LE(std::fabs(std::stod(rows[i][3])), 53.5) << "latitude bounded by the inclination";
        EXPECT_NEAR(std::stod(rows[i][5]), 550.0, 30.0) << "altitude of a circular shell over the ellipsoid";
    }
    // The same file again without --force is refused and left as it was.
    o = run_cli("constellation walker --altitude '550 km' --inclination '53 deg' --total 24 --planes 6 --out " + tle.string());
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: " + tle.string() + ": the file exists; choose another name or pass --force to replace it\n");
    EXPECT_EQ(kardashev::orbit::load_tle_catalogue(tle).size(), 24U);
}

TEST(orbit_cli, eclipse_json_gives_the_o2_dawn_dusk_figures) {
    const auto o = run_cli("eclipse --altitude '650 km' --sso --ltan 18:00 --start 2026-01-01 --days 365 --method analytic --json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto j = nlohmann::json::parse(o.out);
    EXPECT_NEAR(j.at("sunlit_fraction").get<double>(), 0.961, 0.003);     // VALIDATION.md O2
    EXPECT_NEAR(j.at("inclination_deg").get<double>(), 97.99, 0.01);      // O3
    EXPECT_NEAR(j.at("period_min").get<double>(), 97.73, 0.01);
    EXPECT_NEAR(j.at("max_eclipse_min").get<double>(), 19.7, 0.5);
    for (const char* key : {"eclipse_season_days", "beta_min_deg", "beta_max_deg"}) EXPECT_TRUE(j.contains(key)) << key;
}

TEST(orbit_cli, orbit_commands_name_what_is_wrong) {
    EXPECT_EQ(run_cli("propagate /nonexistent.tle --tsince-min 0:10:1").code, 2);
    auto o = run_cli("propagate x.tle");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: propagate: give either --start, --stop and --step, or --tsince-min A:B:S\n");
    o = run_cli("propagate x.tle --tsince-min 10:0:1");
    EXPECT_EQ(o.err, "kardashev: error: --tsince-min: expected START:STOP:STEP in minutes with STOP >= START and STEP > 0 "
                     "(e.g. \"0:1440:360\"), got \"10:0:1\"\n");
    o = run_cli("eclipse --altitude '650 km' --sso --ltan 25:00 --start 2026-01-01 --days 1");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err, "kardashev: error: --ltan: expected a local time HH:MM (e.g. \"18:00\"), got \"25:00\"\n");
    o = run_cli("eclipse --altitude '650 furlong' --inclination '53 deg' --start 2026-01-01 --days 1");
    EXPECT_EQ(o.code, 2);
    EXPECT_EQ(o.err.rfind("kardashev: error: --altitude: ", 0), 0U) << o.err;
    o = run_cli("constellation walker --altitude '550 km' --inclination '53 deg' --total 10 --planes 3");
    EXPECT_EQ(o.code, 2);
    EXPECT_NE(o.err.find("multiple"), std::string::npos) << o.err;
}

}  // namespace
