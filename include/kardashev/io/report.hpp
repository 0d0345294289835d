#pragma once
/// report.html: a self-contained page of charts and tables rendered from a run folder's files.

#include <filesystem>
#include <string>

namespace kardashev::io {

/// The texts of a run folder's four data files, and the names errors give them.
struct run_files {
    std::string summary_json;        //!< summary.json
    std::string timeseries_csv;      //!< timeseries.csv
    std::string events_csv;          //!< events.csv
    std::string scenario_yaml;       //!< scenario.resolved.yaml
    std::string summary_name = "summary.json";
    std::string timeseries_name = "timeseries.csv";
    std::string events_name = "events.csv";
    std::string scenario_name = "scenario.resolved.yaml";
};

/// Reads the four data files of the run folder `dir`; throws input_error naming a missing or unreadable file.
run_files read_run_files(const std::filesystem::path& dir);

/// Returns report.html for a run: Vega, Vega-Lite and vega-embed inlined (opens with no network), the time
/// series down-sampled to at most 260 calendar buckets (docs/report.md), headline, site, generation and input
/// tables. Deterministic: the same files give the same bytes. Throws input_error "file:line: message" for a
/// malformed summary.json, timeseries.csv or events.csv, and scenario_error for a bad scenario.resolved.yaml.
std::string render_report(const run_files& files);

}  // namespace kardashev::io
