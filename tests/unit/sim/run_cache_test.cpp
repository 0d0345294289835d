// A run that shares a sim::run_cache with other runs gives the same results, bit for bit, as one without (issue 17).
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <vector>

#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"
#include "kardashev/sim/run_cache.hpp"

namespace {

using namespace kardashev;

/// The default scenario (an orbit site, a routed uplink, capacity steps in 2028 and 2029) over three years.
sim::scenario three_years() {
    auto s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    s.length = duration::from_days(3 * 365);
    return s;
}

/// Every recorded value by its bits, with its step and channel.
std::vector<std::uint64_t> bits_of(const sim::run_result& r) {
    std::vector<std::uint64_t> out;
    for (const auto& row : r.record.rows()) {
        out.push_back(static_cast<std::uint64_t>(row.step));
        out.push_back(row.channel);
        out.push_back(std::bit_cast<std::uint64_t>(row.value));
    }
    return out;
}

void expect_same(const sim::run_result& a, const sim::run_result& b) {
    EXPECT_EQ(bits_of(a), bits_of(b));
    EXPECT_EQ(a.record.channels(), b.record.channels());
    EXPECT_EQ(a.record.events(), b.record.events());
    EXPECT_TRUE(a.summary == b.summary);
}

sim::run_result run_with(const sim::scenario& s, sim::run_cache& shared) {
    sim::run_options options;
    options.cache = &shared;
    return sim::run(s, options);
}

TEST(run_cache, a_run_that_fills_it_and_one_that_reads_it_match_a_run_without) {
    const auto s = three_years();
    const auto alone = sim::run(s);
    sim::run_cache shared;
    const auto first = run_with(s, shared);
    const auto misses = shared.misses();
    EXPECT_GT(misses, 1000U);  // a sunlit fraction per day, the year's Sun, the snapshots, the cut tables
    EXPECT_EQ(shared.hits(), 0U);
    const auto second = run_with(s, shared);
    EXPECT_EQ(shared.misses(), misses);  // the second run computes none of them
    EXPECT_GT(shared.hits(), 1000U);
    expect_same(alone, first);
    expect_same(alone, second);
}

TEST(run_cache, changed_inputs_are_not_served_the_old_entries) {
    sim::run_cache shared;
    (void)run_with(three_years(), shared);
    auto s = three_years();
    for (auto& site : s.sites) {
        if (site.kind == sim::site_kind::orbit) site.orbit.altitude_m += 100'000.0;  // other sunlit windows and years
    }
    s.uplink.network.min_elevation_rad *= 0.9;            // other snapshots
    for (auto& p : s.uplink.network.isl_capacity_bytes_per_s) p.value *= 0.5;  // other cut tables
    expect_same(sim::run(s), run_with(s, shared));
}

}  // namespace
