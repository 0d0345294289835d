#pragma once
// Shortest-path trees of satellites-only searches kept from one step for the next, and their check (private; N-w).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "kardashev/network/routing.hpp"
#include "node_index.hpp"
#include "partner_watch.hpp"
#include "path_search.hpp"
#include "satellite_rows.hpp"

namespace kardashev::network::detail {

/// A satellites-only search's tree, kept from one step for the next (N-w).
struct kept_tree {
    std::vector<node_index> order;   //!< the settled satellites in settle order
    std::vector<node_index> parent;  //!< next hop of each towards the root (the root station for a seed)
    std::vector<std::uint8_t> slot;  //!< the parent's place among the satellite's four ISLs (seeds: unused)
    std::int64_t step = -2;          //!< the step it was found or checked for
    std::int64_t retry_at = 0;       //!< after a failed check: the first step to try it again
    int misses = 0;                  //!< failed checks in a row

    /// True when the tree may be checked at `now`: it is the step before's, and no back-off holds it.
    [[nodiscard]] bool due(std::int64_t now) const { return step == now - 1 && now >= retry_at; }
    /// Notes a passed check at `now`.
    void note_kept(std::int64_t now);
    /// Notes a failed check at `now`: while trees keep changing (coarse steps), retry after 1, 2, 4, ... 64 steps.
    void note_failed(std::int64_t now);
    /// Forgets the tree's history (its step, back-off and misses), keeping its storage: a run of steps starts
    /// with a fresh search, so what a thread did before does not change what it counts.
    void forget();
    /// Takes the parents of the satellites in `order` (just recorded by a search at `now`) from `next`, and their
    /// places among the four-wide rows.
    void keep(std::span<const node_index> next, const satellite_rows& rows, std::int64_t now);
};

/// Marks of a tree check, reused from check to check.
struct tree_marks {
    std::vector<std::uint32_t> in_tree;    //!< == stamp: in the tree being checked (one more: the padding node)
    std::vector<std::uint32_t> seed_mark;  //!< == stamp: linked to the root now, at delay seed_delay_s
    std::vector<double> seed_delay_s;      //!< [s]
    std::uint32_t stamp = 0;

    /// Sizes the marks for `satellites` satellites and starts a check: a fresh stamp.
    void begin(std::size_t satellites);
};

/// What a tree is checked against: this step's topology and four-wide ISL rows, the root and its partners.
struct tree_check {
    const topology& graph;
    const satellite_rows& rows;
    node_index root = 0;
    std::span<const node_index> partners;
};

/// Checks a kept tree against this step's links (N-w): the delays along the tree, summed in settle order as the
/// search sums them, must leave every other ISL between two tree satellites and every root link not in the tree
/// strictly longer than needed, the tree must lie below the least delay L of any link leaving it, and the search's
/// stop rule must hold at L (or L be infinite). True: `result` holds the tree's delays and next hops and `watch`
/// (just begun) is as the search would leave it; false: both are to be reset.
[[nodiscard]] bool reuse_tree(const kept_tree& tree, const tree_check& check, tree_marks& marks, search_result result,
                              partner_watch& watch);

}  // namespace kardashev::network::detail
