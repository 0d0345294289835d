#pragma once
/// The plan folder `kardashev plan` writes (docs/plan.md "Outputs"): plan.json, plan.yaml (the scenario whose build-out
/// is the plan) and report.html.

#include <filesystem>
#include <string>

#include "kardashev/plan/plan.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::io {

/// The planner's options of `kardashev plan` (and kardashev.plan in Python) as text; an empty text keeps the default.
struct plan_request {
    std::string objective = "compute";  //!< compute, cost or weighted
    std::string by;                     //!< ISO-8601 UTC date compute is counted up to
    std::string target;                 //!< effective FLOP to deliver by `by` (cost), e.g. "1e27"
    std::string weight;                 //!< FLOP per discounted USD (weighted)
    std::string discount;               //!< discount rate, e.g. "8 %"
    bool quarters = false;              //!< periods of 3 months instead of 12
    bool physical = false;              //!< physical FLOP instead of effective
    bool no_power_builds = false;       //!< no new power-plant blocks
    bool progress = false;              //!< a progress line on stderr per solve
};

/// The plan's options of `r`, quantities through the scenario language's units; input_error for a bad value.
[[nodiscard]] plan::plan_options plan_options_of(const plan_request& r);

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
