#pragma once
/// What `kardashev constellation` writes: designed orbits as a catalogue of TLEs or OMM JSON, and its summary
/// (docs/models/orbit.md, Export).

#include <cstdint>
#include <span>
#include <string>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/kepler.hpp"

namespace kardashev::io {

/// How a catalogue is written.
enum class catalogue_format {
    tle,  //!< three lines per satellite: name, line 1, line 2
    omm,  //!< a JSON array of OMM records (CelesTrak's keys)
};

/// The element sets of `elements` at `epoch_time` (orbit::designed_element_set), numbered from `first_id` and
/// named PREFIX-0001, ... in `format`. input_error when a field does not fit (orbit::designed_tle_lines).
[[nodiscard]] std::string designed_catalogue(std::span<const orbit::kepler_elements> elements, epoch epoch_time,
                                             std::uint32_t first_id, const std::string& prefix, catalogue_format format);

/// The summary `kardashev constellation --json` prints (without the final newline): kind, count, out, format,
/// epoch, first id, and the first orbit's altitude [km], inclination [deg] and period [min].
[[nodiscard]] std::string designed_catalogue_json(const std::string& kind, std::span<const orbit::kepler_elements> elements,
                                                  const std::string& out, catalogue_format format, epoch epoch_time,
                                                  std::int64_t first_id);

}  // namespace kardashev::io
