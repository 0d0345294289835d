#pragma once
// Argument checks of the energy module (core/require.hpp) and a unit formatter for its messages (private).

#include <cmath>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "kardashev/core/require.hpp"

namespace kardashev::energy::detail {

using kardashev::require_fraction;
using kardashev::require_non_negative;
using kardashev::require_positive;

/// `value` in `unit` with an SI prefix (k, M, G, T) and four significant digits: 341400 Wh -> "341.4 MWh".
inline std::string with_prefix(double value, std::string_view unit) {
    static constexpr const char* prefixes[] = {"", "k", "M", "G", "T", "P"};
    int i = 0;
    while (std::fabs(value) >= 1000.0 && i < 5) {
        value /= 1000.0;
        ++i;
    }
    return fmt::format("{:.4g} {}{}", value, prefixes[i], unit);
}

}  // namespace kardashev::energy::detail
