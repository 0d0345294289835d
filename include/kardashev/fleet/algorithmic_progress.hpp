#pragma once
/// Algorithmic progress as an effective-compute multiplier (Ho et al. 2024, arXiv:2403.05812): the training
/// compute needed for a set performance halves every `halving_time` (docs/models/sim.md "Algorithmic progress").

#include "kardashev/core/constants.hpp"

namespace kardashev::fleet {

/// Ho et al. 2024's central estimate: 8 months (95 % CI 5-14 months), a month being a twelfth of a Julian year.
inline constexpr double ho_halving_time_s = 8.0 / 12.0 * constants::julian_year_s;

/// Whether and how fast algorithms multiply the compute a run delivers. Plain value type.
struct algorithmic_progress {
    bool enabled = true;                      //!< false: the multiplier is 1 at every date
    double halving_time_s = ho_halving_time_s;  //!< [s] time in which the compute for a set loss halves, > 0
    bool operator==(const algorithmic_progress&) const = default;
};

/// Effective compute per physical FLOP [-] at `elapsed_s` [s] after the scenario start: 2^(elapsed / halving_time)
/// (Ho et al. 2024), 1 when progress is off. Throws domain_error for a non-positive or non-finite halving time.
double effective_compute_multiplier(const algorithmic_progress& progress, double elapsed_s);

}  // namespace kardashev::fleet
