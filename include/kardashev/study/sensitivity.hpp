#pragma once
/// Statistics of a sweep's outputs: quantiles, Sobol indices (Saltelli 2010, Jansen 1999) with bootstrap
/// intervals, and Morris elementary effects (Morris 1991; mu* of Campolongo, Cariboni & Saltelli 2007).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "kardashev/study/sampler.hpp"

namespace kardashev::study {

/// An estimate with its bootstrap interval.
struct estimate {
    double value = 0.0;
    double low = 0.0;   //!< lower end of the percentile bootstrap interval
    double high = 0.0;  //!< upper end
    bool operator==(const estimate&) const = default;
};

/// One input's Sobol indices.
struct sobol_index {
    estimate first;  //!< S_i: share of the output variance from input i alone
    estimate total;  //!< S_Ti: share from input i with all its interactions
    bool operator==(const sobol_index&) const = default;
};

/// Sobol indices from outputs `y` of saltelli_points(k, n) in its row order (n (k + 2) values). A base point
/// with any non-finite value is left out. First order: Saltelli et al. 2010 eq. (b) of Table 2; total: Jansen
/// 1999 (Saltelli 2010 eq. (f)). Intervals: `resamples` bootstrap resamples of the base points (stream
/// "study/bootstrap" of `seed`), percentiles (1 -+ confidence) / 2. Throws input_error when fewer than 2 base
/// points remain or the output is the same everywhere.
std::vector<sobol_index> sobol_indices(const std::vector<double>& y, std::size_t k, std::size_t resamples,
                                       std::uint64_t seed, double confidence = 0.95);

/// One input's elementary effects.
struct morris_effect {
    double mu = 0.0;       //!< mean elementary effect
    double mu_star = 0.0;  //!< mean absolute elementary effect (Campolongo et al. 2007)
    double sigma = 0.0;    //!< standard deviation of the elementary effects
    std::size_t count = 0; //!< effects used (trajectories whose two points ran)
    bool operator==(const morris_effect&) const = default;
};

/// Morris effects from `points` = morris_points(k, r, ...) and their outputs `y`: each step of a trajectory
/// changes one input by delta and gives EE = (y' - y) / delta (per unit of the hypercube). Steps with a
/// non-finite output are skipped.
std::vector<morris_effect> morris_effects(const point_set& points, const std::vector<double>& y, std::size_t k);

/// Quantile `q` in [0, 1] of `sorted` (ascending, non-empty): linear between order statistics (Hyndman & Fan
/// 1996 type 7).
double quantile_sorted(const std::vector<double>& sorted, double q);

}  // namespace kardashev::study
