#pragma once
/// The shape of the Earth's shadow (orbit/eclipse.hpp).

#include <cstdint>
#include <string_view>

namespace kardashev::orbit {

/// Shape of the Earth's shadow.
enum class shadow_model : std::uint8_t {
    cylindrical,  //!< umbra is a cylinder of the Earth's radius along the Sun direction (no penumbra)
    conical,      //!< Sun and Earth as spheres: umbra and penumbra cones, partial illumination in the penumbra
};

/// "cylindrical" or "conical".
[[nodiscard]] std::string_view to_string(shadow_model model) noexcept;

}  // namespace kardashev::orbit
