#pragma once
/// CZML (the JSON format CesiumJS reads) of a scene: a document packet with the clock, then satellites,
/// sites and links. Positions are Cartesian metres in Cesium's FIXED frame (ECEF). See docs/scene.md.

#include <string>

#include "kardashev/sim/scene.hpp"

namespace kardashev::io {

/// The CZML document of `sc`: a JSON array, one packet per line, numbers in fixed formats (positions to 0.1 m,
/// degrees to 1e-6), so the same scene gives the same bytes.
std::string scene_czml(const sim::scene& sc);

}  // namespace kardashev::io
