#pragma once
/// The fast clock's interface to the slow clock: per-entity aggregates over a window, cached.
///
/// A fast process (orbit geometry, power, network) registers an entity with a function that
/// simulates one window and returns its aggregate; the slow clock asks for the aggregate at each
/// step and gets the cached value of the window that contains the step (DESIGN.md "Two clocks").

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/network/delivery.hpp"

namespace kardashev::sim {

/// Per-window aggregates that the slow clock uses; 1 means "no loss".
struct fast_aggregate {
    double sunlit_fraction = 1.0;   //!< [-] share of the window in sunlight
    double availability = 1.0;      //!< [-] share of the window the entity can work
    double capacity_factor = 1.0;   //!< [-] usable link or power capacity relative to nameplate
    network::delivery_cuts delivery;  //!< routed uplink: max flow from each subset of demand regions, per sample
    bool operator==(const fast_aggregate&) const = default;
};

/// Registry of fast entities with a cache keyed by (entity, window index).
class fast_clock {
public:
    /// Simulates [from, to) and returns its aggregate; must be a pure function of its arguments.
    using window_fn = std::function<fast_aggregate(epoch from, epoch to)>;
    /// Maps an instant to the cache key of what the entity's aggregate depends on there (for a network whose
    /// geometry repeats, the capacities in force rather than the date).
    using key_fn = std::function<std::int64_t(epoch t)>;

    /// Windows start at `origin` and last `window` each.
    fast_clock(epoch origin, duration window);
    /// Registers an entity whose aggregates are cached per window; returns its id.
    std::uint32_t add_entity(std::string name, window_fn fn);
    /// Registers an entity whose aggregates are cached by `key(t)`: the first instant asked with a new key has
    /// its window simulated, and every later instant with that key gets the same aggregate. The key must
    /// capture everything `fn` depends on besides geometry that repeats; returns the entity's id.
    std::uint32_t add_entity(std::string name, window_fn fn, key_fn key);
    /// The aggregate of the window containing `t` for entity `id` (computed once, then cached).
    const fast_aggregate& aggregate(std::uint32_t id, epoch t);
    /// Number of windows simulated so far (cache misses), for tests and benchmarks.
    [[nodiscard]] std::uint64_t windows_simulated() const noexcept { return m_misses; }
    [[nodiscard]] std::size_t entity_count() const noexcept { return m_entities.size(); }

private:
    struct entity {
        std::string name;
        window_fn fn;
        key_fn key;  //!< empty: the window index
        std::unordered_map<std::int64_t, fast_aggregate> cache;
    };
    epoch m_origin;
    duration m_window;
    std::vector<entity> m_entities;
    std::uint64_t m_misses = 0;
};

}  // namespace kardashev::sim
