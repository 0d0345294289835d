// The watcher of satellites-only searches: partner slots and the satellites they want.

#include "partner_watch.hpp"

namespace kardashev::network::detail {

int partner_watch::begin(const topology& graph, std::span<const int> isl_end, node_index root,
                         std::span<const node_index> partners, const double* search_delay_s, search_space& space) {
    const int* offsets = graph.offsets.data();
    const node_index* targets = graph.targets.data();
    const double* delays = graph.delay_s.data();
    best_s.clear();
    via.clear();
    min_link_s.clear();
    slot_of.resize(static_cast<std::size_t>(graph.stations));
    slot_stamp.resize(static_cast<std::size_t>(graph.stations));
    if (++stamp == 0) {
        std::fill(slot_stamp.begin(), slot_stamp.end(), 0U);
        stamp = 1;
    }
    first_station = graph.satellites;
    int wanted = 0;  // distinct satellites seen by the partners
    for (const node_index v : partners) {
        if (v == root || offsets[v] == offsets[v + 1]) continue;
        slot_of[v - first_station] = static_cast<int>(best_s.size());
        slot_stamp[v - first_station] = stamp;
        best_s.push_back(unreachable_s);
        via.push_back(no_node);
        double shortest = unreachable_s;
        for (int e = offsets[v]; e < offsets[v + 1]; ++e) {
            wanted += space.want(targets[e]) ? 1 : 0;
            shortest = std::min(shortest, delays[e]);
        }
        min_link_s.push_back(shortest);
    }
    unfound = static_cast<int>(best_s.size());
    bound_s = -unreachable_s;
    delay_s = search_delay_s;
    gsl_begin = isl_end.data();
    row_end = offsets;
    target = targets;
    link_delay_s = delays;
    return wanted;
}

void partner_watch::forget_found() {
    std::fill(best_s.begin(), best_s.end(), unreachable_s);
    std::fill(via.begin(), via.end(), no_node);
    unfound = static_cast<int>(best_s.size());
    bound_s = -unreachable_s;
}

}  // namespace kardashev::network::detail
