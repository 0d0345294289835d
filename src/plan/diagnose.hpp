#pragma once
// Why a plan has no optimum (private to plan, docs/plan.md "When there is no plan"): the constraints an elastic
// relaxation must stretch, or the limit an unbounded ray escapes.

#include <string>

#include "build.hpp"

namespace kardashev::plan::detail {

/// The message for an infeasible `lp`: each constraint an elastic relaxation stretches (minimum total stretch,
/// relative to each limit), with its scenario key, site and periods, and by how much.
[[nodiscard]] std::string infeasible_message(const sim::scenario& input, const plan_lp& lp, const step_grid& grid);

/// The message for an unbounded `lp`: the sites and periods along the solver's ray and the limits they lack.
[[nodiscard]] std::string unbounded_message(const sim::scenario& input, const plan_lp& lp, const lp_solution& solution,
                                            const step_grid& grid);

}  // namespace kardashev::plan::detail
