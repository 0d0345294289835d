#pragma once
/// Argument checks for model functions: each throws input_error reading "model: expected ..., got ...".

#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev {

/// Throws input_error unless `value` is finite and > 0.
inline void require_positive(std::string_view model, std::string_view what, double value) {
    if (!(value > 0.0) || !std::isfinite(value))
        throw input_error(fmt::format("{}: expected a positive {}, got {:g}", model, what, value));
}

/// Throws input_error unless `value` is finite and >= 0.
inline void require_non_negative(std::string_view model, std::string_view what, double value) {
    if (!(value >= 0.0) || !std::isfinite(value))
        throw input_error(fmt::format("{}: expected a non-negative {}, got {:g}", model, what, value));
}

/// Throws input_error unless `value` is in (0, 1] (or [0, 1] with allow_zero; [0, 1) with below_one).
inline void require_fraction(std::string_view model, std::string_view what, double value, bool allow_zero,
                             bool below_one = false) {
    const bool low_ok = allow_zero ? value >= 0.0 : value > 0.0;
    const bool high_ok = below_one ? value < 1.0 : value <= 1.0;
    if (!(low_ok && high_ok)) {
        const bool vowel = !what.empty() && std::string_view("aeiou").find(what.front()) != std::string_view::npos;
        throw input_error(fmt::format("{}: expected {} {} in {}0, 1{}, got {:g}", model, vowel ? "an" : "a", what,
                                      allow_zero ? "[" : "(", below_one ? ")" : "]", value));
    }
}

}  // namespace kardashev
