#pragma once
// The Sun at many equally spaced times: the full series at nodes, a quintic between (docs/models/orbit.md "Sun
// table").

#include <array>
#include <cstdint>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/orbit/vec3.hpp"

namespace kardashev::orbit::detail {

/// The longest spacing of the nodes at which sun_table evaluates sun_position_teme [s]: two days.
inline constexpr double sun_table_max_node_spacing_s = 2.0 * 86'400.0;

/// Samples from one node to the next at `step_s` between samples: floor(two days / step_s), at least 1.
std::int64_t sun_table_stride(double step_s);

/// Whether sun_table of `count` samples at `step_s` interpolates any (its nodes are fewer than its samples).
bool sun_table_interpolates(double step_s, std::int64_t count);

/// The interpolated samples of sun_table one at a time, for any k >= 0 in any order, the nodes made on first use and
/// kept: sample k is sun_table's sample k whenever sun_table interpolates, whatever was asked before, so it depends only
/// on start, step_s and k. Needs a stride above 1 (step_s at most one day).
class sun_sampler {
public:
    sun_sampler(epoch start, double step_s);
    /// The Sun [m, TEME] at start + (k + 1/2) step_s; k >= 0.
    vec3 at(std::int64_t k);

private:
    epoch m_start;
    double m_step_s;
    std::int64_t m_stride;
    std::vector<vec3> m_nodes;          // node j (at sample j x stride) at index j + 2
    std::vector<std::uint8_t> m_made;   // per node: made
    std::vector<std::array<double, 6>> m_weights;  // per remainder r of k / stride: the six nodes' weights
};

/// The Sun [m, TEME] at start + (k + 1/2) step_s for k < count: sun_position_teme at every k that is a multiple of
/// sun_table_stride, and between, the quintic through the six nearest of those nodes (within 0.0026" of
/// sun_position_teme 2000-2050); all of them sun_position_teme when it does not interpolate.
std::vector<vec3> sun_table(epoch start, double step_s, std::int64_t count);

}  // namespace kardashev::orbit::detail
