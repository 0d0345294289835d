// The Sun at many equally spaced times from the full series at nodes and the quintic through the six nearest
// between (docs/models/orbit.md "Sun table").

#include "sun_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "kardashev/orbit/ephemeris.hpp"

namespace kardashev::orbit::detail {

namespace {

constexpr std::size_t node_count_per_sample = 6;  // nodes j - 2 .. j + 3 around a sample between nodes j and j + 1
using node_weights = std::array<double, node_count_per_sample>;

/// Weights of the nodes at -2, -1, 0, 1, 2, 3 in the polynomial through them at p: Lagrange's form
/// l_i(p) = prod_{m != i} (p - x_m) / (x_i - x_m) (Burden & Faires 2011 sec. 3.1).
node_weights lagrange_weights(double p) {
    node_weights out{};
    for (std::size_t i = 0; i < node_count_per_sample; ++i) {
        double numerator = 1.0, denominator = 1.0;
        const double x_i = static_cast<double>(i) - 2.0;
        for (std::size_t m = 0; m < node_count_per_sample; ++m) {
            if (m == i) continue;
            const double x_m = static_cast<double>(m) - 2.0;
            numerator *= p - x_m;
            denominator *= x_i - x_m;
        }
        out[i] = numerator / denominator;
    }
    return out;
}

vec3 weighted(const node_weights& w, const vec3* nodes) {
    vec3 out{};
    for (std::size_t axis = 0; axis < 3; ++axis) {
        double sum = 0.0;
        for (std::size_t i = 0; i < node_count_per_sample; ++i) sum += w[i] * nodes[i][axis];
        out[axis] = sum;
    }
    return out;
}

}  // namespace

std::int64_t sun_table_stride(double step_s) {
    // NOTE: a span's length in seconds can come out a few ulps long (3600.0000000000005 s an hour of a Julian year):
    // the margin keeps the stride of an hourly table at 48.
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::floor(sun_table_max_node_spacing_s / step_s + 1e-6)));
}

bool sun_table_interpolates(double step_s, std::int64_t count) {
    const std::int64_t stride = sun_table_stride(step_s);
    return stride > 1 && (count - 1) / stride + static_cast<std::int64_t>(node_count_per_sample) < count;
}

sun_sampler::sun_sampler(epoch start, double step_s)
    : m_start(start), m_step_s(step_s), m_stride(sun_table_stride(step_s)), m_weights(static_cast<std::size_t>(m_stride)) {
    for (std::int64_t r = 1; r < m_stride; ++r)
        m_weights[static_cast<std::size_t>(r)] = lagrange_weights(static_cast<double>(r) / static_cast<double>(m_stride));
}

vec3 sun_sampler::at(std::int64_t k) {
    const std::int64_t j = k / m_stride, r = k % m_stride;
    const auto last = static_cast<std::size_t>(j) + node_count_per_sample;  // nodes j - 2 .. j + 3 at j .. j + 5
    if (m_nodes.size() < last) {
        m_nodes.resize(last);
        m_made.resize(last, 0);
    }
    for (std::size_t i = static_cast<std::size_t>(j); i < last; ++i) {
        if (m_made[i] != 0) continue;
        const auto sample = (static_cast<std::int64_t>(i) - 2) * m_stride;
        m_nodes[i] = sun_position_teme(m_start + duration::from_seconds((static_cast<double>(sample) + 0.5) * m_step_s));
        m_made[i] = 1;
    }
    const vec3* around = m_nodes.data() + j;
    return r == 0 ? around[2] : weighted(m_weights[static_cast<std::size_t>(r)], around);
}

std::vector<vec3> sun_table(epoch start, double step_s, std::int64_t count) {
    const auto at = [&](std::int64_t k) {
        return sun_position_teme(start + duration::from_seconds((static_cast<double>(k) + 0.5) * step_s));
    };
    std::vector<vec3> out(static_cast<std::size_t>(std::max<std::int64_t>(0, count)));
    if (!sun_table_interpolates(step_s, count)) {
        for (std::int64_t k = 0; k < count; ++k) out[static_cast<std::size_t>(k)] = at(k);
        return out;
    }
    sun_sampler sampler(start, step_s);
    for (std::int64_t k = 0; k < count; ++k) out[static_cast<std::size_t>(k)] = sampler.at(k);
    return out;
}

}  // namespace kardashev::orbit::detail
