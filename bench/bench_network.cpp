// Network routing speed (issue 5): Starlink shell 1 (Hypatia's preset) with Hypatia's 100 cities, routes from
// every city to every other (4,950 pairs, 99 searches) per time step. Goals: <= 50 ms per step on one core
// (Hypatia's satgenpy: ~7 s per step on this kind of machine, research/network.md V10), and 200 s at 100 ms
// (2,000 steps) in under a minute on two cores. bench/run_network_comparison.sh runs this beside
// tools/make_networkx_agreement.py --timing-only and prints the ratio.
// Run: build/release/bench/bench_network --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
// With KD_BENCH_SMOKE set (the bench-smoke ctest), runs use 4 steps.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <vector>

#include "kardashev/network/routing.hpp"

namespace {

namespace network = kardashev::network;

bool smoke() { return std::getenv("KD_BENCH_SMOKE") != nullptr; }

struct setup {
    network::network_model model;
    network::network_options options;
    std::vector<network::station_pair> pairs;
};

const setup& starlink_s1_top_100() {
    static const setup s = [] {
        setup r;
        const auto s1 = *network::shell_preset("starlink-s1");
        r.model.satellites = network::shell_element_sets(s1);
        r.model.isls = network::plus_grid_isls(s1.planes, s1.sats_per_plane, 0);
        r.model.stations = network::hypatia_top_100_stations();
        r.options.gsl.rule = network::gsl_rule::slant_range;
        r.options.gsl.max_range_m = s1.max_gsl_range_m;
        for (int d = 0; d < 100; ++d)
            for (int a = 0; a < d; ++a) r.pairs.push_back({a, d});
        return r;
    }();
    return s;
}

/// Steps of 100 ms with all 4,950 city pairs; per-step time as the counter step_time (seconds per step).
void run_steps(benchmark::State& state, int threads, std::int64_t steps) {
    const setup& s = starlink_s1_top_100();
    network::run_options run;
    run.start = network::hypatia_epoch();
    run.step = kardashev::duration::from_seconds(0.1);
    run.steps = steps;
    run.threads = threads;
    for (auto _ : state) {
        auto r = network::simulate_routes(s.model, s.pairs, s.options, run);
        benchmark::DoNotOptimize(r.pairs.data());
    }
    state.counters["step_time"] =
        benchmark::Counter(static_cast<double>(steps) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["pairs"] = static_cast<double>(s.pairs.size());
}

void network_starlink_s1_all_city_pairs_one_thread(benchmark::State& state) { run_steps(state, 1, smoke() ? 4 : 20); }
void network_starlink_s1_200s_at_100ms_two_threads(benchmark::State& state) { run_steps(state, 2, smoke() ? 4 : 2000); }
void network_starlink_s1_200s_at_100ms_one_thread(benchmark::State& state) { run_steps(state, 1, smoke() ? 4 : 2000); }

}  // namespace

BENCHMARK(network_starlink_s1_all_city_pairs_one_thread)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(network_starlink_s1_200s_at_100ms_two_threads)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
// The same on one thread: the two-thread scaling.
BENCHMARK(network_starlink_s1_200s_at_100ms_one_thread)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);

BENCHMARK_MAIN();
