// The terawatt scenario's 25-year plan over every site kind (two ground campuses, an orbital fleet, a lunar base with
// its factory) on one core (goal: under 1 s; issue 16): terms, LP build and CLP solves, the learning launch price
// re-solved until it follows the plan. Counters: the LP's rows, columns and non-zeros, and its solves.
#include <benchmark/benchmark.h>

#include "kardashev/io/scenario_io.hpp"
#include "kardashev/plan/plan.hpp"

namespace {

using namespace kardashev;

void terawatt_plan_25_years_all_site_kinds(benchmark::State& state) {
    const auto s = io::load_scenario_file(KD_SOURCE_DIR "/scenarios/terawatt.yaml");
    plan::plan_result last;
    for (auto _ : state) {
        last = plan::solve_plan(s, {});
        benchmark::DoNotOptimize(last.objective);
    }
    state.counters["rows"] = last.size.rows;
    state.counters["columns"] = last.size.columns;
    state.counters["nonzeros"] = last.size.nonzeros;
    state.counters["solves"] = last.solves;
}
BENCHMARK(terawatt_plan_25_years_all_site_kinds)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
