// SGP4 batch propagation speed (issue #3): 20 000 near-Earth element sets x 1 000 times, on one and two
// threads (goals: >= 10 million propagations per second per core; two cores >= 1.8x one core).
// Run: build/release/bench/bench_sgp4 --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//      build/release/bench/bench_sgp4 --export_tle=PATH   writes the catalogue as TLEs and exits
// With KD_BENCH_SMOKE set (the bench-smoke ctest), the catalogue is 500 x 100.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "kardashev/orbit/sgp4.hpp"
#include "kardashev/orbit/tle.hpp"

namespace {

namespace orbit = kardashev::orbit;

bool smoke() { return std::getenv("KD_BENCH_SMOKE") != nullptr; }
std::size_t satellite_count() { return smoke() ? 500 : 20000; }
std::size_t time_count() { return smoke() ? 100 : 1000; }
/// Times are j * step_min minutes after the common epoch, j = 0 .. time_count() - 1 (1 000 steps span a day).
constexpr double step_min = 1.44;
/// Times per propagate() call: the outputs of one call (20 000 x 100 x 49 bytes) stay under 100 MB.
constexpr std::size_t times_per_call = 100;

/// splitmix64: a fixed, platform-independent stream (std:: distributions are not portable).
struct splitmix {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

std::string with_checksum(std::string line) {
    line += static_cast<char>('0' + orbit::tle_checksum(line));
    return line;
}

/// `n` LEO-like element sets as TLE text, all with epoch 2026-01-01 00:00 UTC: mean motion 14.0-15.6 rev/d
/// (periods 92-103 min), e < 0.005 (perigees above 280 km: the full drag equations), inclinations from
/// Starlink-, OneWeb- and SSO-like shells and uniform 0-100 deg, B* 1e-5..1e-3.
std::string leo_catalogue_tle(std::size_t n) {
    splitmix rng{20260314};
    const double shells[] = {53.0, 53.2, 70.0, 97.6, 43.0, 87.9};
    std::string text;
    char buf[96];
    for (std::size_t k = 0; k < n; ++k) {
        const unsigned num = 10000u + static_cast<unsigned>(k % 90000);
        const double pick = rng.uniform(0.0, 1.0);
        const double incl =
            pick < 0.7 ? shells[static_cast<std::size_t>(rng.uniform(0.0, 6.0)) % 6] : rng.uniform(0.0, 100.0);
        const double n_rev_day = rng.uniform(14.0, 15.6);
        const double ecc = rng.uniform(0.0, 0.005);
        const int bstar_mant = static_cast<int>(rng.uniform(10000.0, 99999.0));
        const int bstar_exp = static_cast<int>(rng.uniform(3.0, 5.0));  // 0.1..1 x 1e-3 or 1e-4
        std::snprintf(buf, sizeof buf, "1 %05uU 26001A   26001.00000000  .00001000  00000-0  %05d-%d 0  999", num,
                      bstar_mant, bstar_exp);
        text += with_checksum(buf) + "\n";
        std::snprintf(buf, sizeof buf, "2 %05u %8.4f %8.4f %07d %8.4f %8.4f %11.8f%5d", num, incl,
                      rng.uniform(0.0, 360.0), static_cast<int>(ecc * 1e7), rng.uniform(0.0, 360.0),
                      rng.uniform(0.0, 360.0), n_rev_day, 1);
        text += with_checksum(buf) + "\n";
    }
    return text;
}

struct fixture {
    std::vector<orbit::element_set> sets;
    orbit::sgp4_propagator prop;
    std::vector<double> times;
    std::vector<double> x, y, z, vx, vy, vz;
    std::vector<orbit::sgp4_status> st;

    fixture()
        : sets(orbit::parse_tle_catalogue(leo_catalogue_tle(satellite_count()), "<bench>")), prop(sets) {
        for (std::size_t j = 0; j < time_count(); ++j) {
            times.push_back(static_cast<double>(j) * step_min);
        }
        const std::size_t per_call = sets.size() * std::min(times_per_call, times.size());
        x.resize(per_call);
        y.resize(per_call);
        z.resize(per_call);
        vx.resize(per_call);
        vy.resize(per_call);
        vz.resize(per_call);
        st.resize(per_call);
    }

    /// Every satellite at every time, times_per_call times per call.
    void run(int threads) {
        for (std::size_t j0 = 0; j0 < times.size(); j0 += times_per_call) {
            const std::size_t m = std::min(times_per_call, times.size() - j0);
            const std::size_t k = sets.size() * m;
            prop.propagate(std::span<const double>(times.data() + j0, m),
                           {{x.data(), k}, {y.data(), k}, {z.data(), k}, {vx.data(), k}, {vy.data(), k},
                            {vz.data(), k}, {st.data(), k}},
                           {.threads = threads});
        }
    }
};

fixture& shared_fixture() {
    static fixture f;
    return f;
}

/// Propagations of every satellite at every time on `threads` threads; rates per wall-clock second.
void sgp4_near_earth_catalogue(benchmark::State& state) {
    fixture& f = shared_fixture();
    const int threads = static_cast<int>(state.range(0));
    for (auto _ : state) {
        f.run(threads);
        benchmark::DoNotOptimize(f.x.data());
        benchmark::ClobberMemory();
    }
    const double per_iter = static_cast<double>(f.sets.size() * f.times.size());
    state.counters["sats"] = static_cast<double>(f.sets.size());
    state.counters["times"] = static_cast<double>(f.times.size());
    state.counters["props_per_s"] =
        benchmark::Counter(per_iter * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["props_per_s_per_thread"] = benchmark::Counter(
        per_iter * static_cast<double>(state.iterations()) / threads, benchmark::Counter::kIsRate);
}
BENCHMARK(sgp4_near_earth_catalogue)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

/// Initialisation of every element set of the catalogue (once per satellite, before any propagation).
void sgp4_init_catalogue(benchmark::State& state) {
    const fixture& f = shared_fixture();
    for (auto _ : state) {
        orbit::sgp4_propagator p(f.sets);
        benchmark::DoNotOptimize(p.size());
    }
    state.counters["sats_per_s"] =
        benchmark::Counter(static_cast<double>(f.sets.size() * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(sgp4_init_catalogue)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    constexpr std::string_view export_flag = "--export_tle=";
    for (int i = 1; i < argc; ++i) {
        const std::string_view a(argv[i]);
        if (a.substr(0, export_flag.size()) == export_flag) {
            const std::string path(a.substr(export_flag.size()));
            std::ofstream out(path, std::ios::binary);
            out << leo_catalogue_tle(satellite_count());
            if (!out) {
                std::cerr << "bench_sgp4: cannot write " << path << "\n";
                return 1;
            }
            std::cout << "wrote " << satellite_count() << " element sets (epoch 2026-01-01T00:00Z; times j * "
                      << step_min << " min, j < " << time_count() << ") to " << path << "\n";
            return 0;
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
