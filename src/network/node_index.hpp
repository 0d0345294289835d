#pragma once
// Node ids of a topology, shared by the parts of routing (private to the network module).

#include <limits>

namespace kardashev::network::detail {

/// A node of a topology: satellites 0..satellites-1, then the stations, then the Moon (the public API's `int` ids).
/// It subscripts per-node arrays as it is (the build has -Wno-sign-conversion): node ids are never negative there.
using node_index = int;

/// No node: the next hop at a search's root, of an unreachable node, or of a partner not reached yet.
inline constexpr node_index no_node = -1;

/// Delay of a node no path reaches [s].
inline constexpr double unreachable_s = std::numeric_limits<double>::infinity();

}  // namespace kardashev::network::detail
