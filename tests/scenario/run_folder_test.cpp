// The run folder: byte-identical for the same scenario and seed, never half-written, never overwritten by accident.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kardashev/core/error.hpp"
#include "kardashev/io/run_folder.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"

namespace {

using namespace kardashev;
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

fs::path fresh_dir(const std::string& name) {
    const auto p = fs::temp_directory_path() / ("kd_test_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

TEST(run_folder, same_scenario_and_seed_give_byte_identical_files) {
    const auto root = fresh_dir("determinism");
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    io::write_run_folder(root / "a", s, sim::run(s), false);
    io::write_run_folder(root / "b", s, sim::run(s), false);
    for (const char* f : {"summary.json", "timeseries.csv", "events.csv", "scenario.resolved.yaml", "report.html", "scene.czml"}) {
        const auto a = slurp(root / "a" / f);
        ASSERT_FALSE(a.empty()) << f;
        EXPECT_TRUE(a == slurp(root / "b" / f)) << f << " differs between two runs";
    }
    fs::remove_all(root);
}

TEST(run_folder, resolved_scenario_runs_to_the_same_summary) {
    const auto root = fresh_dir("resolved");
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    io::write_run_folder(root / "a", s, sim::run(s), false);
    const auto again = io::load_scenario_file((root / "a" / "scenario.resolved.yaml").string());
    io::write_run_folder(root / "b", again, sim::run(again), false);
    EXPECT_TRUE(slurp(root / "a" / "summary.json") == slurp(root / "b" / "summary.json"));
    fs::remove_all(root);
}

TEST(run_folder, refuses_an_existing_folder_without_force_and_replaces_it_with_force) {
    const auto root = fresh_dir("force");
    auto s = io::load_scenario_text(io::default_scenario_text(), "<default>", {{"length", "30 d"}});
    const auto r = sim::run(s);
    fs::create_directories(root / "out");
    std::ofstream(root / "out" / "keep.txt") << "user data";
    try {
        io::write_run_folder(root / "out", s, r, false);
        FAIL() << "expected input_error";
    } catch (const input_error& e) {
        EXPECT_EQ(std::string(e.what()),
                  (root / "out").string() + ": the run folder exists; choose another --out or pass --force to replace it");
    }
    EXPECT_TRUE(fs::exists(root / "out" / "keep.txt"));
    // --force replaces only a folder this program wrote: the user's file stays (docs/reliability.md).
    EXPECT_THROW(io::write_run_folder(root / "out", s, r, true), input_error);
    EXPECT_TRUE(fs::exists(root / "out" / "keep.txt"));
    fs::remove(root / "out" / "keep.txt");
    io::write_run_folder(root / "out", s, r, true);  // an empty folder
    io::write_run_folder(root / "out", s, r, true);  // a run folder
    EXPECT_TRUE(fs::exists(root / "out" / "summary.json"));
    // No temporary or old folders are left beside it.
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(root)) ++entries;
    EXPECT_EQ(entries, 1);
    fs::remove_all(root);
}

TEST(run_folder, a_failed_write_leaves_nothing_behind) {
    const auto root = fresh_dir("fail");
    auto s = io::load_scenario_text(io::default_scenario_text(), "<default>", {{"length", "30 d"}});
    const auto r = sim::run(s);
    std::ofstream(root / "file") << "not a folder";
    EXPECT_THROW(io::write_run_folder(root / "file" / "out", s, r, false), input_error);
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(root)) ++entries;
    EXPECT_EQ(entries, 1);  // only the file we made
    fs::remove_all(root);
}

TEST(run_folder, timeseries_is_tidy_csv_with_one_row_per_step_and_channel) {
    auto s = io::load_scenario_text(io::default_scenario_text(), "<default>", {{"length", "10 d"}});
    const auto r = sim::run(s);
    const auto csv = io::timeseries_csv(r);
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "time_utc,entity,metric,value,unit");
    std::size_t rows = 0;
    while (std::getline(in, line)) {
        ++rows;
        EXPECT_EQ(std::count(line.begin(), line.end(), ','), 4) << line;
    }
    EXPECT_EQ(rows, 10 * r.record.channels().size());
    EXPECT_NE(csv.find("2026-01-02T00:00:00Z,corpus,unique_tokens,"), std::string::npos);
}

}  // namespace
