// The satellites' ISL rows of one step's topology.

#include "satellite_rows.hpp"

#include <algorithm>

namespace kardashev::network::detail {

void satellite_rows::build(const topology& graph) {
    satellites = static_cast<std::size_t>(graph.satellites);
    const int* offsets = graph.offsets.data();
    // A satellite's row lists its ISLs first (topology's row order).
    isl_end.resize(satellites);
    int degree = 0;
    for (node_index u = 0; u < graph.satellites; ++u) {
        int e = offsets[u];
        while (e < offsets[u + 1] && graph.kind[e] == link_kind::isl) ++e;
        isl_end[u] = e;
        degree = std::max(degree, e - offsets[u]);
    }
    four_wide = degree <= 4;
    if (!four_wide) return;
    const auto padding = static_cast<node_index>(satellites);
    target4.assign(4 * satellites, padding);
    delay4_s.assign(4 * satellites, unreachable_s);
    for (node_index u = 0; u < graph.satellites; ++u) {
        for (int e = offsets[u], j = 4 * u; e < isl_end[u]; ++e, ++j) {
            target4[j] = graph.targets[e];
            delay4_s[j] = graph.delay_s[e];
        }
    }
}

}  // namespace kardashev::network::detail
