#pragma once
/// Exact binomial deviates from a named stream (DESIGN.md "Determinism"): only the stream's uniform and normal
/// deviates and IEEE arithmetic, so a seed gives the same draw on every platform (std::binomial_distribution's
/// algorithm is left to the library).

#include <cstdint>

#include "kardashev/core/rng.hpp"

namespace kardashev {

/// Gamma deviate of shape `shape` (>= 1) and scale 1 (Marsaglia & Tsang 2000, ACM TOMS 26(3) 363-372).
double gamma_deviate(rng_stream& stream, double shape) noexcept;

/// Beta deviate of parameters a, b (>= 1): G_a / (G_a + G_b) with G gamma deviates.
double beta_deviate(rng_stream& stream, double a, double b) noexcept;

/// Binomial deviate: successes in `trials` independent trials of probability `p` (clamped to [0, 1]). Exact: Knuth's
/// order-statistic reduction (TAOCP vol. 2, 3rd ed., sec. 3.4.1 F) down to a few trials, then one uniform per trial.
std::uint64_t binomial(rng_stream& stream, std::uint64_t trials, double p) noexcept;

}  // namespace kardashev
