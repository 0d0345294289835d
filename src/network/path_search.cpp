// Helpers of the path search over a whole topology.

#include "path_search.hpp"

#include <algorithm>

namespace kardashev::network::detail {

std::pair<double, double> delay_range(const topology& graph, bool isl_only) {
    double lo = unreachable_s, hi = 0.0;
    for (std::size_t e = 0; e < graph.delay_s.size(); ++e) {
        if (isl_only && graph.kind[e] != link_kind::isl) continue;
        lo = std::min(lo, graph.delay_s[e]);
        hi = std::max(hi, graph.delay_s[e]);
    }
    return {lo, hi};
}

topology_rows rows_of(const topology& graph, node_index root, bool ground_relays) {
    return {graph.offsets.data(), graph.targets.data(), graph.delay_s.data(), graph.relay.data(), root, ground_relays,
            graph.offsets.size() - 1, graph.targets.size()};
}

}  // namespace kardashev::network::detail
