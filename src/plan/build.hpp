#pragma once
// The plan's LP built from its terms (private to plan, docs/plan.md "Formulation"): one function per family of
// variables and constraints, each row tagged with its kind, period, site and scenario key.

#include <vector>

#include "lp_model.hpp"
#include "terms.hpp"

namespace kardashev::plan::detail {

/// What one buy column puts in service at the steps from `first` on, per accelerator bought over its period.
struct profile {
    int first = 0;
    std::vector<double> count, facility_w, it_w, peak_flops;  // per step from `first`
    double flop = 0.0;          // [FLOP] effective compute delivered (the objective's weight)
    double usd = 0.0;           // [USD] accelerator and off-world hardware, as bought over the period
    double discounted_usd = 0.0;
    std::vector<double> leo_kg, spacecraft_kg;  // [kg] per step of its period
};

/// The built LP and what its columns and rows stand for.
struct plan_lp {
    lp_model model;
    std::vector<std::vector<int>> buy;            // [site][period] column
    std::vector<std::vector<int>> hall;           // [site][period] column, -1 where none
    std::vector<int> power_columns;               // power-block columns
    std::vector<profile> buy_profile;             // the buy columns' profiles
    std::vector<int> profile_of;                  // per column: its index in buy_profile, -1 for others
    std::vector<double> column_usd, column_discounted_usd;  // per column
    std::vector<profile> initial;                 // per site
    double objective_constant = 0.0;              // [FLOP] the installed base's effective compute
    double objective_scale = 1.0;                 // the model's objective = the plan's / objective_scale
};

/// Builds the LP of `terms` for `options` (objective, target, weight) over `input`'s sites.
[[nodiscard]] plan_lp build_lp(const sim::scenario& input, const plan_options& options, const plan_terms& terms);

/// The profile of site `s`'s purchases spread over period `p`.
[[nodiscard]] profile buy_profile(const plan_terms& terms, int s, int p);

}  // namespace kardashev::plan::detail
