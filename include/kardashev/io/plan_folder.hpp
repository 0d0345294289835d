#pragma once
/// The plan folder `kardashev plan` writes (docs/plan.md "Outputs"): plan.json, plan.yaml (the scenario whose build-out
/// is the plan) and report.html.

#include <filesystem>
#include <string>

#include "kardashev/plan/plan.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::io {

/// plan.json: the objective, the build-out per period and site, the power orders, every shadow price with its unit,
/// the LP's size. Deterministic.
[[nodiscard]] std::string plan_json(const sim::scenario& input, const plan::plan_result& plan);

/// report.html for a plan: the build-out stacked by site kind over the periods, the shadow prices over the periods
/// and the binding set per period; self-contained (the run report's Vega libraries inlined).
[[nodiscard]] std::string render_plan_report(const sim::scenario& input, const plan::plan_result& plan);

/// Writes plan.json, plan.yaml and report.html into `dir` whole or not at all (io::write_folder); throws input_error
/// when `dir` exists and `force` is false.
void write_plan_folder(const std::filesystem::path& dir, const sim::scenario& input, const plan::plan_result& plan,
                       bool force);

/// The plan in a few lines for the terminal: objective, build-out by site kind per period, binding constraints.
[[nodiscard]] std::string plan_summary_text(const sim::scenario& input, const plan::plan_result& plan);

}  // namespace kardashev::io
