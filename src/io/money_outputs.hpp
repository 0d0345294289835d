#pragma once
/// The money figures of a run in summary.json and the printed summary (private to io; docs/report.md).

#include <string>

#include <nlohmann/json.hpp>

#include "kardashev/sim/engine.hpp"

namespace kardashev::io::detail {

/// Adds `money` to summary.json's object `j` when the run has money (nothing otherwise).
void add_money_json(const sim::run_summary& sum, nlohmann::ordered_json& j);

/// The printed summary's money lines (empty without money).
[[nodiscard]] std::string money_text(const sim::run_summary& sum);

}  // namespace kardashev::io::detail
