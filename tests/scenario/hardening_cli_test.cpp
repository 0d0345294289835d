// Hostile and careless input (issue 21): each reproducer of the issue, with its exit code and message. Work is
// bounded when the input is read, output folders are replaced only when this program wrote them, and every bad
// input is a located exit 2 (docs/reliability.md).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;

using kardashev::testing::cli_outcome;
using kardashev::testing::run_cli;
using kardashev::testing::slurp;
using kardashev::testing::temp_root;

/// A shorter run of the default scenario, for tests that need a run folder.
const std::string short_run = "run --quiet --set 'length=30 d'";

/// The standard error of a bad input: exit 2 expected.
std::string bad_input(const std::string& args) {
    const cli_outcome o = run_cli(args);
    EXPECT_EQ(o.code, 2) << args << "\n" << o.err;
    return o.err;
}

// --- bounded work -----------------------------------------------------------------------------------------------

TEST(hardening_cli, a_run_step_that_makes_too_many_steps_is_refused_at_the_set_argument) {
    EXPECT_EQ(bad_input("run --quiet --set 'step=1 min' --out /nonexistent-kd-out"),
              "<--set>:1:6: step: expected at most 100000 steps in a run (docs/scenarios.md, Limits), got 5259600 steps "
              "of 1 min over 10 y\nkardashev: 1 error in the scenario\n");
    EXPECT_EQ(bad_input("run --quiet --set 'step=1 s' --out /nonexistent-kd-out"),
              "<--set>:1:6: step: expected at most 100000 steps in a run (docs/scenarios.md, Limits), got 315576000 steps "
              "of 1 s over 10 y\nkardashev: 1 error in the scenario\n");
    EXPECT_NE(bad_input("run --quiet --set 'step=1 ns' --out /nonexistent-kd-out").find("<--set>:1:6: step: expected at most 100000 steps"),
              std::string::npos);
}

TEST(hardening_cli, commands_refuse_work_beyond_their_limits_before_starting_it) {
    EXPECT_EQ(bad_input("network --pairs Manila:Dalian --duration '10 y' --step '1 ns'"),
              "kardashev: error: network: time steps (--duration / --step): 3.15576e+17 exceeds the limit of 100000000 "
              "(docs/scenarios.md, Limits)\n");
    EXPECT_EQ(bad_input("constellation walker --altitude '550 km' --inclination '53 deg' --total 2000000000 --planes 10"),
              "kardashev: error: --total: 2000000000 exceeds the limit of 339999 (docs/scenarios.md, Limits)\n");
    EXPECT_EQ(bad_input("constellation sso --altitude '550 km' --ltan 18:00 --count 100000000"),
              "kardashev: error: --count: 100000000 exceeds the limit of 339999 (docs/scenarios.md, Limits)\n");
    EXPECT_EQ(bad_input("eclipse --altitude '550 km' --sso --ltan 18:00 --start 2026-01-01 --days 3650 --step '1 ns'"),
              "kardashev: error: eclipse: time samples (--days / --step): 3.1536e+17 exceeds the limit of 100000000 "
              "(docs/scenarios.md, Limits)\n");
    EXPECT_EQ(bad_input("train --params 405e9 --tokens 15e12 --count 2147483647"),
              "kardashev: error: --count: 2147483647 exceeds the limit of 100000000 (docs/scenarios.md, Limits)\n");
}

TEST(hardening_cli, network_results_do_not_depend_on_the_thread_count_and_absurd_counts_are_clamped) {
    const auto root = temp_root("threads");
    const std::string study = "network --quiet --pairs Manila:Dalian,Istanbul:Nairobi --duration '100 s' ";
    for (const char* threads : {"1", "2", "100000"}) {
        const auto o = run_cli(study + "--threads " + threads + " --out " + (root / threads).string());
        ASSERT_EQ(o.code, 0) << threads << "\n" << o.err;
    }
    for (const char* file : {"summary.json", "routes.csv"}) {
        EXPECT_EQ(slurp(root / "1" / file), slurp(root / "2" / file)) << file;
        EXPECT_EQ(slurp(root / "1" / file), slurp(root / "100000" / file)) << file;
    }
    EXPECT_NE(slurp(root / "1" / "summary.json").find("\"kept_from_step_before\""), std::string::npos);
    fs::remove_all(root);
}

// --- output folders ---------------------------------------------------------------------------------------------

TEST(hardening_cli, force_with_a_trailing_slash_keeps_a_folder_holding_the_users_files) {
    const auto root = temp_root("slash_force");
    fs::create_directories(root / "d");
    std::ofstream(root / "d" / "notes.txt") << "mine";
    const auto d = (root / "d").string();
    EXPECT_EQ(bad_input("network --quiet --pairs Manila:Dalian --duration '5 s' --out " + d + "/ --force"),
              "kardashev: error: " + d + ": not a folder this program wrote (it holds \"notes.txt\"); --force "
              "replaces only those, choose another --out\n");
    EXPECT_EQ(slurp(root / "d" / "notes.txt"), "mine");
    EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 1);  // nothing beside it
    fs::remove_all(root);
}

TEST(hardening_cli, run_force_replaces_a_run_folder_but_not_a_file_or_another_folder) {
    const auto root = temp_root("run_force");
    std::ofstream(root / "f.txt") << "mine";
    EXPECT_EQ(bad_input(short_run + " --force --out " + (root / "f.txt").string()),
              "kardashev: error: " + (root / "f.txt").string() + ": not a run folder this program wrote (it is a file); "
              "--force replaces only those, choose another --out\n");
    EXPECT_EQ(slurp(root / "f.txt"), "mine");
    fs::create_directories(root / "photos");
    std::ofstream(root / "photos" / "summary.json") << "not ours";
    std::ofstream(root / "photos" / "cat.jpg") << "mine";
    EXPECT_EQ(bad_input(short_run + " --force --out " + (root / "photos").string()),
              "kardashev: error: " + (root / "photos").string() + ": not a run folder this program wrote (it holds "
              "\"cat.jpg\"); --force replaces only those, choose another --out\n");
    EXPECT_EQ(slurp(root / "photos" / "cat.jpg"), "mine");
    ASSERT_EQ(run_cli(short_run + " --out " + (root / "run").string()).code, 0);
    const auto again = run_cli(short_run + " --set seed=2 --force --out " + (root / "run").string());
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_NE(slurp(root / "run" / "summary.json").find("\"seed\": 2,"), std::string::npos);
    EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 3);  // f.txt, photos, run
    fs::remove_all(root);
}

TEST(hardening_cli, run_out_with_a_trailing_slash_writes_that_folder) {
    const auto root = temp_root("run_slash");
    const auto o = run_cli(short_run + " --out " + (root / "newdir").string() + "/");
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_TRUE(fs::exists(root / "newdir" / "summary.json"));
    EXPECT_EQ(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 1);
    fs::remove_all(root);
}

TEST(hardening_cli, the_default_run_folder_stays_under_runs_whatever_the_scenario_name) {
    const auto root = temp_root("escape");
    fs::create_directories(root / "a" / "b");
    std::ofstream(root / "a" / "b" / "s.yaml") << "name: ../../escaped\nlength: 30 d\n";
    // A temporary folder left by a killed run (a dead process's id) is swept by the next run beside it.
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);
    fs::create_directories(root / "a" / "b" / "runs" / (".old-run.tmp-" + std::to_string(dead)));
    const std::string cmd = "cd " + (root / "a" / "b").string() + " && " + KD_CLI_PATH + " run --quiet s.yaml >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    int folders = 0;
    for (const auto& e : fs::directory_iterator(root / "a" / "b" / "runs")) {
        ++folders;
        EXPECT_EQ(e.path().filename().string().rfind("escaped-", 0), 0u) << e.path();
    }
    EXPECT_EQ(folders, 1);
    EXPECT_FALSE(fs::exists(root / "escaped"));
    EXPECT_FALSE(fs::exists(root / "a" / "escaped"));
    fs::remove_all(root);
}

// --- bad input: located exit 2 ----------------------------------------------------------------------------------

TEST(hardening_cli, out_of_range_overrides_are_located_at_their_set_argument) {
    EXPECT_EQ(bad_input("explain --set 'sites[0].pue=1e308'"),
              "<--set>:1:14: sites[0].pue: expected a number of at most 10, got \"1e308\"\nkardashev: 1 error in the scenario\n");
    EXPECT_EQ(bad_input("explain --set 'fleet.cohorts[0].market_size=0'"),
              "<--set>:1:30: fleet.cohorts[0].market_size: expected a positive count, got \"0\"\nkardashev: 1 error in the "
              "scenario\n");
    EXPECT_EQ(bad_input("explain " + std::string(KD_SOURCE_DIR) + "/scenarios/terawatt.yaml --set 'sites[2].moon.sunlit_fraction=100 %'"),
              "<--set>:1:31: sites[2].moon.sunlit_fraction: expected 86 to 96 % for a polar site (the polar-ridge model's "
              "range, docs/models/energy.md), got \"100 %\"\nkardashev: 1 error in the scenario\n");
    EXPECT_EQ(bad_input("explain --set 'sites[0].power_capacity='"),
              "<--set>:1:25: sites[0].power_capacity: expected a power (e.g. \"1.2 GW\"), a sequence of {from: DATE, value: "
              "...} points or [] for none, got nothing\nkardashev: 1 error in the scenario\n");
}

TEST(hardening_cli, a_run_that_would_end_after_2200_is_refused_at_its_length) {
    EXPECT_EQ(bad_input("run --quiet --set 'length=284 y' --out /nonexistent-kd-out"),
              "<default>:13:7: step: expected at most 100000 steps in a run (docs/scenarios.md, Limits), got 103731 steps "
              "of 1 d over 284 y\n<--set>:1:8: length: expected an end no later than 2200-01-01 (docs/scenarios.md, "
              "Limits), got 284 y from 2026-01-01\nkardashev: 2 errors in the scenario\n");
    EXPECT_EQ(bad_input("run --quiet --set 'length=180 y' --set 'step=7 d' --out /nonexistent-kd-out"),
              "<--set>:1:8: length: expected an end no later than 2200-01-01 (docs/scenarios.md, Limits), got 180 y from "
              "2026-01-01\nkardashev: 1 error in the scenario\n");
}

TEST(hardening_cli, train_refuses_a_duration_beyond_the_time_type_instead_of_printing_nan) {
    EXPECT_EQ(bad_input("train --params 405e9 --tokens 15e12 --count 1024 --set restart=1e30y"),
              "kardashev: error: --set restart: expected a duration shorter than 285 years, got \"1e30y\"\n");
}

TEST(hardening_cli, a_seed_takes_the_whole_unsigned_64_bit_range_or_is_refused) {
    const auto root = temp_root("seed");
    const auto o = run_cli(short_run + " --seed 9223372036854775808 --out " + (root / "a").string());
    ASSERT_EQ(o.code, 0) << o.err;
    EXPECT_NE(slurp(root / "a" / "summary.json").find("\"seed\": 9223372036854775808,"), std::string::npos);
    EXPECT_EQ(bad_input(short_run + " --seed 18446744073709551616 --out " + (root / "b").string()),
              "<--set>:2:6: seed: expected a non-negative integer, got \"18446744073709551616\"\nkardashev: 1 error in the "
              "scenario\n");
    EXPECT_FALSE(fs::exists(root / "b"));
    fs::remove_all(root);
}

TEST(hardening_cli, nan_inf_and_huge_numbers_in_element_sets_are_located_errors) {
    const fs::path dir = fs::path(KD_TEST_DATA_DIR) / "hardening";
    const auto d = dir.string();
    EXPECT_EQ(bad_input("propagate " + d + "/raan_nan.tle --tsince-min 0:10:5"),
              "kardashev: error: " + d + "/raan_nan.tle:2:18: line 2 right ascension of the node: expected degrees 0 to 360, "
              "got '     nan'\n");
    EXPECT_EQ(bad_input("propagate " + d + "/mean_motion_inf.tle --tsince-min 0:10:5"),
              "kardashev: error: " + d + "/mean_motion_inf.tle:2:53: line 2 mean motion: expected revolutions per day, got "
              "'        inf'\n");
    EXPECT_EQ(bad_input("propagate " + d + "/mean_motion_huge.tle --tsince-min 0:10:5"),
              "kardashev: error: " + d + "/mean_motion_huge.tle:2:53: line 2 mean motion: expected a positive number of "
              "revolutions per day, at most 100, got '      1e308'\n");
    EXPECT_EQ(bad_input("propagate " + d + "/mean_motion_huge.json --tsince-min 0:10:5"),
              "kardashev: error: " + d + "/mean_motion_huge.json:1:103: MEAN_MOTION: expected a positive number of "
              "revolutions per day, at most 100, got '1e+308'\n");
}

TEST(hardening_cli, propagate_json_quotes_a_file_name_with_a_quote) {
    const auto root = temp_root("quote");
    fs::copy_file(fs::path(KD_TEST_DATA_DIR) / "hardening" / "vanguard.tle", root / "q\"uote.tle");
    const auto o = run_cli("propagate '" + (root / "q\"uote.tle").string() + "' --tsince-min 0:10:5 --json");
    ASSERT_EQ(o.code, 0) << o.err;
    const auto j = nlohmann::json::parse(o.out);
    EXPECT_EQ(j["catalogue"], (root / "q\"uote.tle").string());
    fs::remove_all(root);
}

TEST(hardening_cli, a_scenario_with_cr_only_line_ends_reads_as_its_lines) {
    const auto root = temp_root("cr");
    std::ofstream(root / "cr.yaml", std::ios::binary) << "name: cr-only\rstep: 2 d\rlength: 1 y\r";
    std::ofstream(root / "lf.yaml", std::ios::binary) << "name: cr-only\nstep: 2 d\nlength: 1 y\n";
    const auto cr = run_cli("explain " + (root / "cr.yaml").string());
    ASSERT_EQ(cr.code, 0) << cr.err;
    EXPECT_EQ(cr.out, run_cli("explain " + (root / "lf.yaml").string()).out);
    std::ofstream(root / "bad.yaml", std::ios::binary) << "name: x\rstep: 1 kg\r";
    EXPECT_EQ(bad_input("explain " + (root / "bad.yaml").string()),
              (root / "bad.yaml").string() + ":2:7: step: expected a time (e.g. \"90 d\"), got \"1 kg\"\n"
              "kardashev: 1 error in the scenario\n");
    fs::remove_all(root);
}

TEST(hardening_cli, a_subnormal_value_in_a_run_folder_is_a_located_error_of_report) {
    const auto root = temp_root("subnormal");
    ASSERT_EQ(run_cli(short_run + " --out " + (root / "run").string()).code, 0);
    std::string ts = slurp(root / "run" / "timeseries.csv");
    const auto row = ts.find('\n') + 1;  // the first row: time,entity,metric,value,unit
    std::size_t value = row;
    for (int comma = 0; comma < 3; ++comma) value = ts.find(',', value) + 1;
    ts.replace(value, ts.find(',', value) - value, "4.9e-324");
    std::ofstream(root / "run" / "timeseries.csv", std::ios::binary) << ts;
    EXPECT_EQ(bad_input("report " + (root / "run").string()),
              "kardashev: error: " + (root / "run" / "timeseries.csv").string() +
                  ":2: value: expected a finite number of normal size, got \"4.9e-324\"\n");
    fs::remove_all(root);
}

}  // namespace

namespace {

TEST(hardening_cli, drawn_failures_differ_by_seed_and_repeat_for_one_seed) {
    const auto root = temp_root("drawn");
    const std::string drawn = short_run + " --set failures=drawn --seed ";
    for (const char* name : {"s1", "s1b", "s2"}) {
        const std::string seed = name[1] == '1' ? "1" : "2";
        const auto o = run_cli(drawn + seed + " --out " + (root / name).string());
        ASSERT_EQ(o.code, 0) << o.err;
    }
    auto failed = [&](const char* name) {  // summary.json less its seed line
        std::string text = slurp(root / name / "summary.json");
        const auto at = text.find("\"seed\":");
        return text.erase(at, text.find('\n', at) - at);
    };
    EXPECT_EQ(slurp(root / "s1" / "summary.json"), slurp(root / "s1b" / "summary.json"));
    EXPECT_NE(failed("s1"), failed("s2"));
    EXPECT_EQ(bad_input(short_run + " --set failures=sometimes"),
              "<--set>:2:10: failures: unknown failures \"sometimes\"; known: expected, drawn\nkardashev: 1 error in the "
              "scenario\n");
    fs::remove_all(root);
}

}  // namespace
