#pragma once
// Argument checks of the logistics module (core/require.hpp, private).

#include "kardashev/core/require.hpp"

namespace kardashev::logistics::detail {

using kardashev::require_fraction;
using kardashev::require_non_negative;
using kardashev::require_positive;

}  // namespace kardashev::logistics::detail
