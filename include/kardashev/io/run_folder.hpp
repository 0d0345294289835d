#pragma once
/// The run folder: summary.json, timeseries.csv, events.csv, scenario.resolved.yaml, report.html (io/report.hpp),
/// scene.czml (io/czml.hpp).

#include <filesystem>
#include <string>

#include "kardashev/sim/engine.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::io {

/// Writes the tidy time series as CSV: time_utc,entity,metric,value,unit (one row per record).
std::string timeseries_csv(const sim::run_result& r);

/// Writes the events as CSV: time_utc,kind,entity,detail.
std::string events_csv(const sim::run_result& r);

/// Writes summary.json: headline figures, the resolved scenario, seed and version.
std::string summary_json(const sim::scenario& s, const sim::run_result& r);

/// Writes the whole run folder at `dir` (io::write_folder): files go to a temporary sibling folder that takes
/// `dir`'s place at the end, so a failure leaves nothing half-written and an old folder as it was. Throws
/// input_error when `dir` exists and `force` is false; with `force`, replaces it.
void write_run_folder(const std::filesystem::path& dir, const sim::scenario& s, const sim::run_result& r, bool force);

}  // namespace kardashev::io
