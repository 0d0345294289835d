// OMM JSON reading speed (issue 14): parse_omm_json on 1k, 10k and 100k records, to show that the time grows
// linearly with the text (goal: 100k records in under 1 s). The records are generated here, pretty-printed as
// CelesTrak serves them with FORMAT=json-pretty: one key per line, about 520 bytes a record.
// Run: build/release/bench/bench_omm --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
// With KD_BENCH_SMOKE set (the bench-smoke ctest), each catalogue is 100 times smaller.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "kardashev/core/rng.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/orbit/tle.hpp"

namespace {

namespace orbit = kardashev::orbit;

bool smoke() { return std::getenv("KD_BENCH_SMOKE") != nullptr; }

/// A uniform double in [lo, hi) from the library's deterministic stream.
double uniform(kardashev::rng_stream& rng, double lo, double hi) { return lo + (hi - lo) * rng.uniform(); }

/// `n` LEO-like OMM records as a JSON array: epochs over 2026 (every day of the year, microsecond times),
/// mean motion 14.0-15.6 rev/d, e < 0.005, inclinations 0-100 deg, B* 1e-5..1e-3.
std::string leo_catalogue_json(std::size_t n) {
    kardashev::rng_stream rng(20261114, "bench_omm");
    const std::int64_t first_day = kardashev::days_since_2000({2026, 1, 1});
    std::string text = "[\n";
    char buf[1024];
    for (std::size_t k = 0; k < n; ++k) {
        const kardashev::civil_date date =
            kardashev::civil_from_days_since_2000(first_day + static_cast<std::int64_t>(rng.next_u64() % 365));
        const auto usec = static_cast<long long>(rng.next_u64() % 86'400'000'000ULL);
        const double mean_motion = uniform(rng, 14.0, 15.6);
        const double eccentricity = uniform(rng, 0.0, 0.005);
        const double inclination = uniform(rng, 0.0, 100.0);
        const double raan = uniform(rng, 0.0, 360.0);
        const double arg_perigee = uniform(rng, 0.0, 360.0);
        const double mean_anomaly = uniform(rng, 0.0, 360.0);
        const double bstar = uniform(rng, 1e-5, 1e-3);
        const double ndot = uniform(rng, 0.0, 1e-4);
        std::snprintf(buf, sizeof buf,
                      "%s  {\n"
                      "    \"OBJECT_NAME\": \"SAT-%zu\",\n"
                      "    \"OBJECT_ID\": \"2026-%03zuA\",\n"
                      "    \"EPOCH\": \"%04d-%02d-%02dT%02lld:%02lld:%02lld.%06lld\",\n"
                      "    \"MEAN_MOTION\": %.8f,\n"
                      "    \"ECCENTRICITY\": %.7f,\n"
                      "    \"INCLINATION\": %.4f,\n"
                      "    \"RA_OF_ASC_NODE\": %.4f,\n"
                      "    \"ARG_OF_PERICENTER\": %.4f,\n"
                      "    \"MEAN_ANOMALY\": %.4f,\n"
                      "    \"EPHEMERIS_TYPE\": 0,\n"
                      "    \"CLASSIFICATION_TYPE\": \"U\",\n"
                      "    \"NORAD_CAT_ID\": %zu,\n"
                      "    \"ELEMENT_SET_NO\": 999,\n"
                      "    \"REV_AT_EPOCH\": %zu,\n"
                      "    \"BSTAR\": %.4e,\n"
                      "    \"MEAN_MOTION_DOT\": %.8f,\n"
                      "    \"MEAN_MOTION_DDOT\": 0\n"
                      "  }",
                      k == 0 ? "" : ",\n", k, k % 1000, date.year, date.month, date.day, usec / 3'600'000'000LL,
                      usec / 60'000'000LL % 60, usec / 1'000'000LL % 60, usec % 1'000'000LL, mean_motion,
                      eccentricity, inclination, raan, arg_perigee, mean_anomaly, 10'000 + k, k % 100'000, bstar,
                      ndot);
        text += buf;
    }
    text += "\n]\n";
    return text;
}

void omm_json_catalogue(benchmark::State& state) {
    const auto records = static_cast<std::size_t>(state.range(0)) / (smoke() ? 100 : 1);
    const std::string text = leo_catalogue_json(records);
    for (auto _ : state) {
        const auto sets = orbit::parse_omm_json(text, "bench.json");
        if (sets.size() != records) {
            state.SkipWithError("wrong number of element sets");
        }
        benchmark::DoNotOptimize(sets.data());
    }
    const auto iterations = static_cast<double>(state.iterations());
    state.counters["records_per_s"] =
        benchmark::Counter(static_cast<double>(records) * iterations, benchmark::Counter::kIsRate);
    state.counters["MB_per_s"] =
        benchmark::Counter(static_cast<double>(text.size()) * 1e-6 * iterations, benchmark::Counter::kIsRate);
}
BENCHMARK(omm_json_catalogue)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
