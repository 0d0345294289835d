// The default scenario's ten-year run at a 1-day step, on one core (goal: under 2 s; issue #2), and the terawatt
// scenario's 25 years at a one-week step (goal: under 2 s on one core; issue 15).
// The *_shared_cache variants time a run that finds the Sun, the orbits' eclipses and the uplink's max flows in a
// sim::run_cache filled by an earlier run of the same scenario: what each sample of a sweep costs (issue 17).
// Run: build/release/bench/bench_engine --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include "kardashev/io/run_folder.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"
#include "kardashev/sim/run_cache.hpp"

namespace {

using namespace kardashev;

void default_scenario_ten_years_engine_only(benchmark::State& state) {
    const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    for (auto _ : state) {
        auto r = sim::run(s);
        benchmark::DoNotOptimize(r.summary.steps);
    }
    state.counters["steps"] = static_cast<double>(s.length.ns() / s.step.ns());
}
BENCHMARK(default_scenario_ten_years_engine_only)->Unit(benchmark::kMillisecond);

/// Runs `s` once into a cache, then times runs that share it.
void engine_with_warm_cache(benchmark::State& state, const sim::scenario& s) {
    sim::run_cache shared;
    sim::run_options options;
    options.cache = &shared;
    (void)sim::run(s, options);
    for (auto _ : state) {
        auto r = sim::run(s, options);
        benchmark::DoNotOptimize(r.summary.steps);
    }
    state.counters["cache_hits_per_run"] =
        static_cast<double>(shared.hits()) / static_cast<double>(state.iterations() > 0 ? state.iterations() : 1);
}

void default_scenario_ten_years_engine_shared_cache(benchmark::State& state) {
    engine_with_warm_cache(state, io::load_scenario_text(io::default_scenario_text(), "<default>"));
}
BENCHMARK(default_scenario_ten_years_engine_shared_cache)->Unit(benchmark::kMillisecond);

// The same without its `money` section (no serving, revenue or cash): the reference for what serving and money cost
// (issue 19: the default with serving and revenue on under 2 s on one core).
void default_scenario_ten_years_without_money(benchmark::State& state) {
    auto s = io::load_scenario_text(io::default_scenario_text(), "<default>");
    s.money = {};
    for (auto _ : state) {
        auto r = sim::run(s);
        benchmark::DoNotOptimize(r.summary.steps);
    }
}
BENCHMARK(default_scenario_ten_years_without_money)->Unit(benchmark::kMillisecond);

void default_scenario_ten_years_load_run_and_format(benchmark::State& state) {
    for (auto _ : state) {
        const auto s = io::load_scenario_text(io::default_scenario_text(), "<default>");
        auto r = sim::run(s);
        auto csv = io::timeseries_csv(r);
        auto json = io::summary_json(s, r);
        benchmark::DoNotOptimize(csv.size() + json.size());
    }
}
BENCHMARK(default_scenario_ten_years_load_run_and_format)->Unit(benchmark::kMillisecond);

void terawatt_scenario_25_years_engine_only(benchmark::State& state) {
    const auto s = io::load_scenario_file(KD_SOURCE_DIR "/scenarios/terawatt.yaml");
    for (auto _ : state) {
        auto r = sim::run(s);
        benchmark::DoNotOptimize(r.summary.steps);
    }
    state.counters["steps"] = static_cast<double>(s.length.ns() / s.step.ns());
}
BENCHMARK(terawatt_scenario_25_years_engine_only)->Unit(benchmark::kMillisecond);

void terawatt_scenario_25_years_engine_shared_cache(benchmark::State& state) {
    engine_with_warm_cache(state, io::load_scenario_file(KD_SOURCE_DIR "/scenarios/terawatt.yaml"));
}
BENCHMARK(terawatt_scenario_25_years_engine_shared_cache)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
