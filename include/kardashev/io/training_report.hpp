#pragma once
/// What `kardashev train` prints of a training plan (compute/training_plan.hpp): JSON or a text summary.

#include <string>

#include "kardashev/compute/training_plan.hpp"

namespace kardashev::io {

/// The plan as JSON (without the final newline): flops, step_time_s, mfu, tokens_per_s, days_compute, days_wall,
/// interruptions, checkpoint_interval_min, goodput, memory, layout, model, reliability, Monte Carlo spread, and
/// with `explain` each part of a step [s] and its share.
[[nodiscard]] std::string training_json(const compute::training_request& request, const compute::training_plan& plan,
                                        bool explain);

/// The plan as lines of text, with `explain` a table of the step's parts.
[[nodiscard]] std::string training_text(const compute::training_request& request, const compute::training_plan& plan,
                                        bool explain);

}  // namespace kardashev::io
