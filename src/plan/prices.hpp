#pragma once
// Shadow prices in the user's units (private to plan, docs/plan.md "Reading shadow prices").

#include <vector>

#include "build.hpp"

namespace kardashev::plan::detail {

/// The value of one more unit of each constraint family's limit per period and site: budget per USD granted in the
/// period, launch per flight of the period's main launcher spread over the period, power per GW held through the
/// period, a factory per accelerator more over the period, the target per FLOP.
[[nodiscard]] std::vector<shadow_price> shadow_prices(const sim::scenario& input, const plan_terms& terms,
                                                      const plan_lp& lp, const lp_solution& solution);

}  // namespace kardashev::plan::detail
