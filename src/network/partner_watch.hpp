#pragma once
// The watcher that stops a satellites-only search once every partner's route is final (private; N-l).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "kardashev/network/routing.hpp"
#include "node_index.hpp"
#include "path_search.hpp"

namespace kardashev::network::detail {

/// Follows, for each partner of a search's root (a station at the far end of one of its pairs), its best total
/// delay over the settled satellites, best = min (delay at the satellite + ground link) [s]. A satellite not settled
/// yet (delay at least L) cannot beat it once best < L + the partner's shortest ground link, so the search may stop
/// when that holds for every partner (N-l). A settled satellite's ground links are the tail of its topology row,
/// after its ISLs; the stations at their far ends that are partners carry their slot in `slot_of`.
struct partner_watch {
    std::vector<double> best_s;           //!< per partner slot: best total over its settled satellites [s]
    std::vector<node_index> via;          //!< per partner slot: the satellite of that best total (no_node: none)
    std::vector<double> min_link_s;       //!< per partner slot: its shortest ground link [s]
    std::vector<int> slot_of;             //!< per station: its partner slot (valid where slot_stamp == stamp)
    std::vector<std::uint32_t> slot_stamp;
    std::uint32_t stamp = 0;
    node_index first_station = 0;         //!< node id of station 0
    int unfound = 0;                      //!< partners whose best is still infinite
    double bound_s = 0.0;                 //!< max over partners of best - min_link when last computed [s]
    const double* delay_s = nullptr;      //!< the search's delays per node [s]
    const int* gsl_begin = nullptr;       //!< per satellite: the first ground link of its row
    const int* row_end = nullptr;         //!< topology offsets (the row of u ends at row_end[u + 1])
    const node_index* target = nullptr;   //!< topology edge heads
    const double* link_delay_s = nullptr; //!< topology edge delays [s]

    /// Starts watching for a search from `root` whose partners are `partners` (station nodes): gives each partner
    /// with ground links a slot, marks the satellites they link to wanted in `space` (after space.begin) and
    /// returns how many distinct satellites that is. `delay_s` is the search's delay array.
    int begin(const topology& graph, std::span<const int> isl_end, node_index root,
              std::span<const node_index> partners, const double* delay_s, search_space& space);
    /// Forgets what was found (after a kept tree failed its check).
    void forget_found();

    /// The partner slot of station node v, or -1 when v is not watched.
    [[nodiscard]] int slot_of_node(node_index v) const {
        const node_index station = v - first_station;
        return slot_stamp[station] == stamp ? slot_of[station] : -1;
    }
    /// Offers partner slot p the total `total_s` through satellite u at delay delay_u_s; ties go as the heap's pop
    /// order would break them: the smaller delay at the satellite, then the smaller id.
    void offer(int p, node_index u, double delay_u_s, double total_s) {
        const node_index v = via[p];
        if (total_s < best_s[p] ||
            (total_s == best_s[p] && (delay_u_s < delay_s[v] || (delay_u_s == delay_s[v] && u < v)))) {
            if (v == no_node) --unfound;
            best_s[p] = total_s;
            via[p] = u;
        }
    }
    /// Hears that wanted satellite u settled: offers it to the partners its ground links reach.
    void settled(node_index u) {
        const double delay_u = delay_s[u];
        for (int e = gsl_begin[u]; e < row_end[u + 1]; ++e) {
            const int p = slot_of_node(target[e]);
            if (p >= 0) offer(p, u, delay_u, delay_u + link_delay_s[e]);
        }
    }
    /// True when no satellite at delay lower_bound_s or more can improve a partner's best.
    [[nodiscard]] bool done(double lower_bound_s) {
        if (unfound > 0 || !(lower_bound_s > bound_s)) return false;
        bound_s = -unreachable_s;
        for (std::size_t p = 0; p < best_s.size(); ++p) bound_s = std::max(bound_s, best_s[p] - min_link_s[p]);
        return lower_bound_s > bound_s;
    }
};

}  // namespace kardashev::network::detail
