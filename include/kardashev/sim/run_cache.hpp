#pragma once
/// What runs of related scenarios share (issue 17: a sweep's samples): results that depend only on a few exact
/// inputs, kept by those inputs so that a second run with the same inputs gets them without recomputing. Every
/// entry is a pure function of its key, so a run with a cache gives byte-identical results to one without
/// (tests/unit/sim/run_cache_test.cpp). Safe to share between threads; bounded (a full table stops taking new
/// entries, and the runs that miss compute as without a cache).
///
/// Kept: the hourly year of Sun positions from a start (economy::year_sun_positions, most of a design's cost) and
/// each orbit's yearly eclipse over it; an orbit site's sunlit fraction per fast-clock window; the routed uplink's
/// snapshots (network::delivery_geometry) and its cut table per set of capacities (the max flows).

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kardashev/core/time.hpp"
#include "kardashev/economy/site_design.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/orbit/eclipse.hpp"
#include "kardashev/sim/scenario.hpp"

namespace kardashev::sim {

class run_cache {
public:
    run_cache();
    ~run_cache();
    run_cache(const run_cache&) = delete;
    run_cache& operator=(const run_cache&) = delete;

    /// economy::orbit_year_eclipse(key), over year_sun_positions(key.start) kept once per start.
    [[nodiscard]] orbit::eclipse_summary orbit_year(const economy::orbit_year_key& key);
    /// The sunlit fraction of an orbit site flying `path` (its elements placed at `start`) over [from, to): the
    /// value of `make()` the first time, kept by every field of the key.
    [[nodiscard]] double sunlit(const site_orbit& path, epoch start, epoch from, epoch to,
                                const std::function<double()>& make);
    /// The routed uplink's snapshots for inputs written as `key` (every input of the geometry, exactly).
    [[nodiscard]] std::shared_ptr<const network::delivery_geometry> geometry(
        const std::string& key, const std::function<network::delivery_geometry()>& make);
    /// The cut table of the geometry of `key` at `capacities`.
    [[nodiscard]] network::delivery_cuts cuts(const std::string& key, const network::delivery_capacities& capacities,
                                              const std::function<network::delivery_cuts()>& make);
    /// Entries computed (misses) and served (hits) so far, for tests and benchmarks.
    [[nodiscard]] std::uint64_t misses() const noexcept;
    [[nodiscard]] std::uint64_t hits() const noexcept;

private:
    struct tables;
    std::unique_ptr<tables> m;
};

}  // namespace kardashev::sim
