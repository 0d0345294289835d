#pragma once
// The satellites' ISL rows of one step's topology, as satellites-only searches read them (private).

#include <cstddef>
#include <vector>

#include "kardashev/network/routing.hpp"
#include "node_index.hpp"
#include "path_search.hpp"

namespace kardashev::network::detail {

/// Where each satellite's ISLs end in its topology row and, when no satellite has more than four, the ISLs as rows
/// of exactly four (a +Grid), padded with edges of infinite delay to node `satellites` (the padding node, given the
/// delay -infinity in a search's result so that no path improves it).
struct satellite_rows {
    std::vector<int> isl_end;           //!< per satellite: its first ground link in the topology row
    bool four_wide = false;             //!< every satellite has at most four ISLs: the rows below are filled
    std::vector<node_index> target4;    //!< four ISL neighbours per satellite (padding: the padding node)
    std::vector<double> delay4_s;       //!< their delays [s] (padding: infinity)
    std::size_t satellites = 0;         //!< satellite count (the padding node's id)

    /// Fills the rows from `graph` (its storage reused).
    void build(const topology& graph);
    /// Rows for a search: the four-wide rows (four_wide only).
    [[nodiscard]] four_isl_rows four() const { return {target4.data(), delay4_s.data(), satellites, 4 * satellites}; }
    /// Rows for a search: the head of the topology rows.
    [[nodiscard]] isl_rows heads_of(const topology& graph) const {
        return {graph.offsets.data(), isl_end.data(), graph.targets.data(), graph.delay_s.data(), satellites,
                graph.targets.size()};
    }
};

}  // namespace kardashev::network::detail
