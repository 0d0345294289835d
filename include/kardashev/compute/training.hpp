#pragma once
/// Training compute and duration for dense transformers (coarse model: fixed utilisation).

namespace kardashev::compute {

/// Training FLOP of a dense transformer: C = 6 N D (Kaplan et al. 2020 sec. 2.1; Hoffmann et al. 2022).
double training_flop(double params, double tokens);

/// Wall time [s] to run `flop` on `accelerators` devices of `peak_flops` [FLOP/s] each at model
/// FLOP utilisation `mfu` (0..1] and effective-training-time fraction `goodput` (0..1]:
/// t = C / (n X_peak MFU goodput). Throws domain_error for non-positive inputs.
double training_time_s(double flop, double accelerators, double peak_flops, double mfu, double goodput = 1.0);

/// FLOP delivered [FLOP] by `accelerators` (>= 0) devices over `dt_s` (>= 0) seconds at `mfu` and
/// `goodput` (0..1]. Throws domain_error outside these ranges or for non-positive `peak_flops`.
double delivered_flop(double accelerators, double peak_flops, double mfu, double goodput, double dt_s);

}  // namespace kardashev::compute
