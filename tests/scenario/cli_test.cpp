// The kardashev command: exit codes (0 ok, 2 bad input, 1 internal failure) and exact diagnostics.
// Each tests/data/scenarios/bad/NAME.yaml is run with `kardashev run`; its expected standard error
// is NAME.stderr beside it, with @DIR@ standing for that folder.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;

using outcome = kardashev::testing::cli_outcome;
using kardashev::testing::slurp;
using kardashev::testing::temp_root;

outcome kardashev(const std::string& args) { return kardashev::testing::run_cli(args); }

TEST(cli, version_prints_the_version_and_exits_0) {
    const auto o = kardashev("--version");
    EXPECT_EQ(o.code, 0);
    EXPECT_EQ(o.out, std::string("kardashev ") + KD_VERSION + "\n");
}

TEST(cli, run_without_a_scenario_runs_the_default_and_prints_the_summary_table) {
    const auto root = temp_root("default");
    const auto o = kardashev("run --quiet --out " + (root / "run").string());
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_NE(o.out.find("scenario \"default\""), std::string::npos) << o.out;
    EXPECT_NE(o.out.find(" gen  trained"), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("binding constraint, steps:"), std::string::npos) << o.out;
    for (const char* f : {"summary.json", "timeseries.csv", "events.csv", "scenario.resolved.yaml"})
        EXPECT_TRUE(fs::exists(root / "run" / f)) << f;
    // The default stays within every plausibility bound: no warning anywhere.
    EXPECT_EQ(o.err.find("warning"), std::string::npos) << o.err;
    EXPECT_NE(slurp(root / "run" / "summary.json").find("\"warnings\": []"), std::string::npos);
    EXPECT_EQ(slurp(root / "run" / "events.csv").find(",warning,"), std::string::npos);
    // A second run into the same folder is refused with exit code 2 and leaves the first intact.
    const auto again = kardashev("run --quiet --out " + (root / "run").string());
    EXPECT_EQ(again.code, 2);
    EXPECT_EQ(again.err, "kardashev: error: " + (root / "run").string() +
                             ": the run folder exists; choose another --out or pass --force to replace it\n");
    fs::remove_all(root);
}

TEST(cli, run_warns_on_stderr_when_a_site_exceeds_the_worlds_electricity) {
    const auto root = temp_root("warning");
    const auto o = kardashev("run --quiet --set 'sites[0].power_capacity=5 TW' --out " + (root / "run").string());
    ASSERT_EQ(o.code, 0) << o.err;
    const std::string message = "site/colossus-1: power capacity 5e12 W is 1.5 times the world's mean electricity generation "
                                "(3.41e12 W)";
    EXPECT_EQ(o.err, "kardashev: warning: " + message + "\n");
    const auto events = slurp(root / "run" / "events.csv");
    EXPECT_NE(events.find(",warning,site/colossus-1," + message + "\n"), std::string::npos) << events.substr(events.size() - 400);
    const auto summary = slurp(root / "run" / "summary.json");
    EXPECT_NE(summary.find("\"bound\": \"electric_power\""), std::string::npos);
    fs::remove_all(root);
}

TEST(cli, a_missing_scenario_file_is_bad_input) {
    const auto o = kardashev("run --quiet /nonexistent/s.yaml");
    EXPECT_EQ(o.code, 2);
    EXPECT_NE(o.err.find("/nonexistent/s.yaml"), std::string::npos) << o.err;
}

TEST(cli, an_unknown_option_is_bad_input) {
    EXPECT_EQ(kardashev("run --frobnicate").code, 2);
    EXPECT_EQ(kardashev("frobnicate").code, 2);
}

TEST(cli, help_explains_each_command_and_exits_0) {
    const auto o = kardashev("run --help");
    EXPECT_EQ(o.code, 0);
    EXPECT_NE(o.out.find("--set"), std::string::npos);
    EXPECT_NE(o.out.find("--force"), std::string::npos);
    EXPECT_EQ(kardashev("--help").code, 0);
    EXPECT_EQ(kardashev("explain --help").code, 0);
}

TEST(cli, explain_prints_yaml_that_runs) {
    const auto root = temp_root("explain");
    const auto o = kardashev("explain --set seed=7");
    ASSERT_EQ(o.code, 0) << o.err;
    std::ofstream(root / "r.yaml") << o.out;
    const auto again = kardashev("explain " + (root / "r.yaml").string());
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(again.out, o.out);
    fs::remove_all(root);
}

TEST(cli, every_bad_scenario_exits_2_with_its_exact_diagnostics) {
    const fs::path dir = fs::path(KD_TEST_DATA_DIR) / "scenarios" / "bad";
    int cases = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".yaml") continue;
        ++cases;
        auto expected = slurp(fs::path(e.path()).replace_extension(".stderr"));
        for (std::size_t at; (at = expected.find("@DIR@")) != std::string::npos;) expected.replace(at, 5, dir.string());
        const auto o = kardashev("run --quiet --out /nonexistent-kd-out " + e.path().string());
        EXPECT_EQ(o.code, 2) << e.path();
        EXPECT_EQ(o.err, expected) << e.path();
    }
    EXPECT_GE(cases, 10) << "the issue asks for at least ten kinds of bad scenario";
}

}  // namespace
