// The routed uplink's delivery cut tables alone (issue 17, item 5): network::delivery_cut_table on the default
// scenario's geometry (its window's 4 snapshots of Starlink shell 1 with its 3 regions and 2 sinks) at each set of
// capacities the default run computes one at (every date a capacity schedule changes). bench_engine's
// default_scenario_ten_years_engine_only times the whole run these are part of.
// Run: build/release/bench/bench_delivery --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include "kardashev/io/scenario_io.hpp"
#include "kardashev/network/delivery.hpp"
#include "kardashev/sim/uplink.hpp"

namespace {

using namespace kardashev;

struct setup {
    network::delivery_geometry geometry;
    std::vector<network::delivery_capacities> capacities;  //!< one per capacity period of the run
};

/// The window's sample times as the engine takes them: `samples` centres of equal parts of the window.
std::vector<epoch> window_times(const sim::uplink_network& cfg, epoch start) {
    std::vector<epoch> times;
    for (int j = 0; j < cfg.samples; ++j)
        times.push_back(start + duration::from_seconds(cfg.window.seconds() * (j + 0.5) / cfg.samples));
    return times;
}

/// Every date a capacity schedule of `cfg` changes at (its points' dates), sorted and unique.
std::vector<epoch> capacity_dates(const sim::uplink_network& cfg) {
    std::vector<epoch> dates;
    for (const auto* sch : {&cfg.isl_capacity_bytes_per_s, &cfg.user_link_capacity_bytes_per_s,
                            &cfg.gateway_link_capacity_bytes_per_s, &cfg.fibre_capacity_bytes_per_s}) {
        for (const auto& point : *sch) dates.push_back(point.at);
    }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

const setup& default_geometry() {
    static const setup s = [] {
        const auto scenario = io::load_scenario_text(io::default_scenario_text(), "<default>");
        const auto& cfg = scenario.uplink.network;
        const sim::routed_network net = sim::routed_network_of(scenario, scenario.start);
        setup r;
        r.geometry = network::delivery_geometry_at(net.model, net.options, net.region_stations, net.sink_stations,
                                                   window_times(cfg, scenario.start));
        for (const epoch at : capacity_dates(cfg)) r.capacities.push_back(sim::delivery_capacities_at(net, cfg, at));
        return r;
    }();
    return s;
}

void default_scenario_cut_tables(benchmark::State& state) {
    const setup& s = default_geometry();
    for (auto _ : state) {
        for (const auto& c : s.capacities) {
            auto cuts = network::delivery_cut_table(s.geometry, c);
            benchmark::DoNotOptimize(cuts.cut_bps.data());
        }
    }
    state.counters["tables"] = static_cast<double>(s.capacities.size());
    state.counters["snapshots"] = static_cast<double>(s.geometry.snapshots.size());
}
BENCHMARK(default_scenario_cut_tables)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
