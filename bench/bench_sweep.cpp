// The sweep runner's cost on top of the engine (issue 17: under 5 %): the same Latin-hypercube samples of the
// terawatt scenario run (a) one after another, each loaded through the `--set` path and run by sim::run, and
// (b) by io::run_sweep on one thread, which adds the design, the journal, the statistics and the sweep folder.
// Both share a sim::run_cache over the samples, as run_sweep does (the samples' Sun, orbits and network).
// CPU time is the whole process's (run_sweep runs its samples on worker threads). KD_BENCH_SMOKE=1 runs 2 samples.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "kardashev/io/sweep_io.hpp"
#include "kardashev/sim/engine.hpp"
#include "kardashev/sim/run_cache.hpp"

namespace {

namespace fs = std::filesystem;
using namespace kardashev;

io::sweep_request terawatt_request(const fs::path& out) {
    io::sweep_request r;
    r.scenario = std::string(KD_SOURCE_DIR) + "/scenarios/terawatt.yaml";
    r.spec = io::load_sweep_file(std::string(KD_SOURCE_DIR) + "/bench/terawatt_lhs_1000.yaml");
    r.spec.samples = std::getenv("KD_BENCH_SMOKE") != nullptr ? 2 : 20;
    r.threads = 1;
    r.out = out;
    r.force = true;
    return r;
}

std::string scenario_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void terawatt_lhs_samples_engine_only(benchmark::State& state) {
    const auto r = terawatt_request(fs::temp_directory_path() / "kd_bench_sweep_engine");
    const auto design = study::make_design(r.spec);
    const auto text = scenario_text(r.scenario);
    for (auto _ : state) {
        sim::run_cache shared;
        sim::run_options options;
        options.cache = &shared;
        for (std::size_t i = 0; i < design.points.size(); ++i) {
            benchmark::DoNotOptimize(sim::run(io::sample_scenario(r, text, design, i), options).summary.total_capex_usd);
        }
    }
    state.counters["samples"] = static_cast<double>(design.points.size());
}
BENCHMARK(terawatt_lhs_samples_engine_only)->Unit(benchmark::kMillisecond)->Iterations(1)->MeasureProcessCPUTime();

void terawatt_lhs_samples_through_run_sweep(benchmark::State& state) {
    const auto out = fs::temp_directory_path() / ("kd_bench_sweep_" + std::to_string(::getpid()));
    const auto r = terawatt_request(out);
    for (auto _ : state) benchmark::DoNotOptimize(io::run_sweep(r)->summary.ran);
    fs::remove_all(out);
    state.counters["samples"] = static_cast<double>(r.spec.samples);
}
BENCHMARK(terawatt_lhs_samples_through_run_sweep)->Unit(benchmark::kMillisecond)->Iterations(1)->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();
