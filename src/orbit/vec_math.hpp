#pragma once
// Small inline vector helpers for the orbit module (private).

#include <cmath>

#include "kardashev/core/constants.hpp"
#include "kardashev/orbit/vec3.hpp"

namespace kardashev::orbit::detail {

/// `a` [rad] wrapped into [0, 2 pi).
inline double wrap_two_pi(double a) noexcept {
    a = std::fmod(a, 2.0 * constants::pi);
    return a < 0.0 ? a + 2.0 * constants::pi : a;
}

inline double dot(const vec3& a, const vec3& b) noexcept { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
inline double norm(const vec3& a) noexcept { return std::sqrt(dot(a, a)); }
inline vec3 cross(const vec3& a, const vec3& b) noexcept {
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
inline vec3 add(const vec3& a, const vec3& b) noexcept { return {a[0] + b[0], a[1] + b[1], a[2] + b[2]}; }
inline vec3 sub(const vec3& a, const vec3& b) noexcept { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
inline vec3 scale(const vec3& a, double k) noexcept { return {a[0] * k, a[1] * k, a[2] * k}; }
/// Rotation of the frame about z by `angle` (passive, Vallado 2013 eq. 3-15 ROT3).
inline vec3 rot3(const vec3& a, double angle) noexcept {
    const double c = std::cos(angle), s = std::sin(angle);
    return {c * a[0] + s * a[1], -s * a[0] + c * a[1], a[2]};
}
/// Rotation of the frame about x by `angle` (passive, Vallado 2013 eq. 3-15 ROT1).
inline vec3 rot1(const vec3& a, double angle) noexcept {
    const double c = std::cos(angle), s = std::sin(angle);
    return {a[0], c * a[1] + s * a[2], -s * a[1] + c * a[2]};
}
/// Angle between two vectors [rad], robust near 0 and pi.
inline double angle_between(const vec3& a, const vec3& b) noexcept { return std::atan2(norm(cross(a, b)), dot(a, b)); }

}  // namespace kardashev::orbit::detail
