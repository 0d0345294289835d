// The default scenario's ten-year run at a 1-day step, on one core (goal: under 2 s; issue #2), and the terawatt
// scenario's 25 years at a one-week step (goal: under 2 s on one core; issue 15).
// Run: build/release/bench/bench_engine --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include "kardashev/io/run_folder.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"

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

}  // namespace

BENCHMARK_MAIN();
