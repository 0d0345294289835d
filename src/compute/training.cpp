#include "kardashev/compute/training.hpp"

#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::compute {
namespace {

void require_positive(const char* what, double value) {
    if (!(value > 0.0) || !std::isfinite(value)) {
        throw domain_error(fmt::format("training: expected a positive {}, got {}", what, value));
    }
}

void require_non_negative(const char* what, double value) {
    if (!(value >= 0.0) || !std::isfinite(value)) {
        throw domain_error(fmt::format("training: expected a non-negative {}, got {}", what, value));
    }
}

void require_fraction(const char* what, double value) {
    if (!(value > 0.0 && value <= 1.0)) {
        throw domain_error(fmt::format("training: expected {} in (0, 1], got {}", what, value));
    }
}

}  // namespace

double training_flop(double params, double tokens) {
    require_positive("parameter count", params);
    require_positive("token count", tokens);
    return 6.0 * params * tokens;  // Kaplan et al. 2020 sec. 2.1: C = 6 N D
}

double training_time_s(double flop, double accelerators, double peak_flops, double mfu, double goodput) {
    require_positive("training compute [FLOP]", flop);
    require_positive("accelerator count", accelerators);
    require_positive("peak throughput [FLOP/s]", peak_flops);
    require_fraction("MFU", mfu);
    require_fraction("goodput", goodput);
    // Narayanan et al. 2021 sec. 5.1 (end-to-end time = compute / (n X)), with X = X_peak MFU
    // and wall time stretched by 1/goodput for failures and restarts.
    return flop / (accelerators * peak_flops * mfu * goodput);
}

double delivered_flop(double accelerators, double peak_flops, double mfu, double goodput, double dt_s) {
    require_non_negative("accelerator count", accelerators);
    require_positive("peak throughput [FLOP/s]", peak_flops);
    require_fraction("MFU", mfu);
    require_fraction("goodput", goodput);
    require_non_negative("duration [s]", dt_s);
    return accelerators * peak_flops * mfu * goodput * dt_s;  // inverse of training_time_s
}

}  // namespace kardashev::compute
