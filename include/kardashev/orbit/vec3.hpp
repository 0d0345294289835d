#pragma once
/// A Cartesian 3-vector of doubles; the frame and unit are carried by the variable name (r_teme, v_ecef).

#include <array>

namespace kardashev::orbit {

/// Cartesian components (x, y, z); unit and frame as named by the variable.
using vec3 = std::array<double, 3>;

}  // namespace kardashev::orbit
