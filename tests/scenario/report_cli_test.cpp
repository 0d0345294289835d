// `kardashev report`: re-renders a run folder's report.html to the same bytes; a missing or malformed file is
// exit 2 with the file, the line and what was expected.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/cli_runner.hpp"

namespace {

using kardashev::testing::run_cli;
using kardashev::testing::slurp;
using kardashev::testing::temp_root;
namespace fs = std::filesystem;

void spit(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary | std::ios::trunc) << text; }

/// Replaces the first occurrence of `from` in the file at `p` with `to`.
void replace_in(const fs::path& p, const std::string& from, const std::string& to) {
    auto text = slurp(p);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    spit(p, text);
}

/// A short run (60 days) in `root/name`, for the error cases.
fs::path short_run(const fs::path& root, const std::string& name) {
    const auto dir = root / name;
    const auto r = run_cli("run --quiet --set 'length=60 d' --out " + dir.string());
    EXPECT_EQ(r.code, 0) << r.err;
    return dir;
}

TEST(report_cli, rerenders_the_default_run_to_the_same_bytes) {
    const auto root = temp_root("report_same");
    const auto dir = root / "run";
    const auto r = run_cli("run --quiet --out " + dir.string());
    ASSERT_EQ(r.code, 0) << r.err;
    const auto written = slurp(dir / "report.html");
    ASSERT_GT(written.size(), 100000u);
    EXPECT_LT(written.size(), 3u * 1024 * 1024) << "issue 7: the default report stays under 3 MB";

    const auto again = run_cli("report " + dir.string() + " --out " + (root / "again.html").string());
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(again.out, (root / "again.html").string() + "\n");
    EXPECT_TRUE(slurp(root / "again.html") == written) << "kardashev report differs from the report kardashev run wrote";

    fs::remove(dir / "report.html");
    const auto in_place = run_cli("report " + dir.string());
    ASSERT_EQ(in_place.code, 0) << in_place.err;
    EXPECT_TRUE(slurp(dir / "report.html") == written);
    fs::remove_all(root);
}

TEST(report_cli, a_missing_file_is_named) {
    const auto root = temp_root("report_missing");
    const auto dir = short_run(root, "run");
    fs::remove(dir / "events.csv");
    const auto r = run_cli("report " + dir.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "kardashev: error: " + (dir / "events.csv").string() +
                         ": missing; a run folder holds summary.json, timeseries.csv, events.csv and scenario.resolved.yaml\n");
    const auto none = run_cli("report " + (root / "nowhere").string());
    EXPECT_EQ(none.code, 2);
    EXPECT_EQ(none.err, "kardashev: error: " + (root / "nowhere").string() +
                            ": expected a run folder (written by `kardashev run`), but it is missing\n");
    fs::remove_all(root);
}

TEST(report_cli, a_bad_timeseries_value_names_its_line) {
    const auto root = temp_root("report_csv");
    const auto dir = short_run(root, "run");
    // Line 3 is the second row: the first step's second channel.
    auto text = slurp(dir / "timeseries.csv");
    std::size_t line_start = 0;
    for (int i = 0; i < 2; ++i) line_start = text.find('\n', line_start) + 1;
    const auto line_end = text.find('\n', line_start);
    std::string line = text.substr(line_start, line_end - line_start);
    // time,entity,metric,value,unit -> the value field replaced by "abc"
    const auto c3 = line.find(',', line.find(',', line.find(',') + 1) + 1);
    const auto c4 = line.find(',', c3 + 1);
    line.replace(c3 + 1, c4 - c3 - 1, "abc");
    text.replace(line_start, line_end - line_start, line);
    spit(dir / "timeseries.csv", text);
    const auto r = run_cli("report " + dir.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "kardashev: error: " + (dir / "timeseries.csv").string() + ":3: value: expected a number, got \"abc\"\n");
    fs::remove_all(root);
}

TEST(report_cli, a_bad_header_or_row_shape_names_its_line) {
    const auto root = temp_root("report_shape");
    const auto dir = short_run(root, "run");
    replace_in(dir / "events.csv", "time_utc,kind,entity,detail", "when,what");
    auto r = run_cli("report " + dir.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "kardashev: error: " + (dir / "events.csv").string() +
                         ":1: expected the header \"time_utc,kind,entity,detail\", got \"when,what\"\n");
    replace_in(dir / "events.csv", "when,what", "time_utc,kind,entity,detail");
    spit(dir / "timeseries.csv", "time_utc,entity,metric,value,unit\n2026-01-02T00:00:00Z,corpus,unique_tokens,1\n");
    r = run_cli("report " + dir.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "kardashev: error: " + (dir / "timeseries.csv").string() +
                         ":2: expected 5 fields (time_utc,entity,metric,value,unit), got 4\n");
    fs::remove_all(root);
}

TEST(report_cli, malformed_summary_json_names_line_and_column_or_key) {
    const auto root = temp_root("report_json");
    const auto dir = short_run(root, "run");
    const auto good = slurp(dir / "summary.json");
    spit(dir / "summary.json", "{\n  \"scenario\": \"default\",\n  \"seed\": ,\n}\n");
    auto r = run_cli("report " + dir.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err.rfind("kardashev: error: " + (dir / "summary.json").string() + ":3:11: expected JSON: ", 0), 0u) << r.err;

    spit(dir / "summary.json", good);
    replace_in(dir / "summary.json", "\"energy_j\": ", "\"energy_j\": \"lots\", \"was\": ");
    r = run_cli("report " + dir.string());
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, "kardashev: error: " + (dir / "summary.json").string() + ": sites[0].energy_j: expected a number, got a string\n");
    fs::remove_all(root);
}

TEST(report_cli, a_bad_resolved_scenario_gives_its_diagnostics) {
    const auto root = temp_root("report_yaml");
    const auto dir = short_run(root, "run");
    replace_in(dir / "scenario.resolved.yaml", "  mfu: ", "  mfu: -5 %\n  was: ");
    const auto r = run_cli("report " + dir.string());
    EXPECT_EQ(r.code, 2);
    const auto file = (dir / "scenario.resolved.yaml").string();
    EXPECT_NE(r.err.find(file + ":"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("training.mfu"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("training.was"), std::string::npos) << r.err;
    fs::remove_all(root);
}

}  // namespace
