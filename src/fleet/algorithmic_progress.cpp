#include "kardashev/fleet/algorithmic_progress.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::fleet {

double effective_compute_multiplier(const algorithmic_progress& progress, double elapsed_s) {
    if (!progress.enabled) return 1.0;
    if (!(progress.halving_time_s > 0.0) || !std::isfinite(progress.halving_time_s))
        throw domain_error(fmt::format("algorithmic progress: expected a positive halving time [s], got {}",
                                       progress.halving_time_s));
    // Ho et al. 2024 (arXiv:2403.05812) sec. 3: compute for a fixed loss halves every halving time, so one physical
    // FLOP at `elapsed` does the work of 2^(elapsed / halving) FLOP at the start.
    return std::exp2(elapsed_s / progress.halving_time_s);
}

}  // namespace kardashev::fleet
