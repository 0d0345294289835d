#pragma once
/// The site design's inputs for a scenario site (private to sim): shared by the build-out's cost per accelerator
/// and the summary's design at peak IT power.

#include "kardashev/economy/site_design.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::sim::detail {

/// economy::site_inputs for `where` built around `part` at `it_power_w` [W], priced at `launch_usd_per_kg` to LEO
/// and `spacecraft_usd_per_kg`.
[[nodiscard]] economy::site_inputs design_inputs(const scenario& input, const site& where,
                                                 const compute::accelerator& part, double it_power_w,
                                                 double launch_usd_per_kg, double spacecraft_usd_per_kg);

/// economy::design_site, with a failure rethrown as a domain_error that names the site.
[[nodiscard]] economy::site_design checked_design(const site& where, const economy::site_inputs& inputs);

}  // namespace kardashev::sim::detail
