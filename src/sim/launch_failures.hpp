#pragma once
/// Launch failures (private to sim; docs/models/sim.md "Launch": failures): the flights of a step that do not deliver
/// their payload, per launcher, and the accelerators lost with them at each off-world site.
#include <vector>

#include "kardashev/core/rng.hpp"
#include "stages.hpp"

namespace kardashev::sim::detail {

/// Of `count` (possibly fractional) trials of probability `p`: a binomial draw over the whole ones, and the
/// fractional remainder failing whole with probability `p`, so the mean is count x p.
[[nodiscard]] double drawn_failures(rng_stream& stream, double count, double p);

/// The step's launched mass per launcher [kg]: taken from each launcher in turn, in the scenario's order, up to its
/// capacity this step.
[[nodiscard]] std::vector<double> filled_kg_per_launcher(const scenario& input, const launch_step& step);

/// `failures: drawn`: one stream per launcher, "launch/NAME" of the run seed; none under `failures: expected`.
[[nodiscard]] std::vector<rng_stream> start_launch_draws(const scenario& input);

/// After the build-out: each launcher's failed flights this step (the expected share 1 - reliability of its flights,
/// or a binomial draw of its stream), their payload lost, and each site's share of it taken off the accelerators it
/// launched this step (paid for, capacity spent, never in service). Writes `launch.failed_flights` and `lost_kg`, and
/// each site's `launch_lost`; under `failures: drawn`, a `launch_failure` event for each launcher with a failed flight.
void lose_failed_launches(const step_clock& clock, const scenario& input, launch_state& launched, launch_step& launch,
                          buildout_state& plants, buildout_step& out, recorder& recording);

/// The run's failed flights and lost mass into `summary`.
void summarise_launch_failures(const launch_state& launched, run_summary& summary);

}  // namespace kardashev::sim::detail
