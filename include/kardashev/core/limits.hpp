#pragma once
/// Limits on the work one command may be asked for (docs/scenarios.md, "Limits"; docs/reliability.md). Each is
/// checked when the input is read, before anything is allocated, and a request beyond it is bad input (exit 2)
/// that names the figure. They sit far above every shipped scenario and published configuration.

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <thread>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/time.hpp"
#include "kardashev/core/units.hpp"

namespace kardashev::limits {

/// Slow steps of one `run` (length / step): 10 years of hourly steps fit.
inline constexpr double max_run_steps = 100'000;
/// Estimated memory of one run's recorded series and files [B] (steps x channels x bytes per row).
inline constexpr double max_run_bytes = 4e9;
/// Time samples of one `eclipse`, `propagate` or `network` request (per object).
inline constexpr double max_time_samples = 100'000'000;
/// Satellite-steps of one `network` study (satellites x steps), the size of its topology over time.
inline constexpr double max_network_satellite_steps = 2e9;
/// Satellites of one designed constellation (`constellation walker`, `sso`, `cluster`): the Alpha-5 catalogue numbers.
inline constexpr double max_satellites = 339'999;
/// Accelerators of one `train` cluster.
inline constexpr double max_accelerators = 100'000'000;
/// Monte Carlo trials of one `train`.
inline constexpr double max_trials = 100'000;
/// Worker threads a command starts, whatever it is asked for.
inline constexpr int max_threads = 256;
/// Latest end of a run (the time type spans 1708 to 2292): 2200-01-01 UTC.
inline constexpr int max_end_year = 2200;

/// Throws input_error "WHAT: N exceeds the limit of M (docs/scenarios.md, Limits)" when `value` > `limit` or is NaN
/// (a negative value is left to the caller's own check).
inline void check(std::string_view what, double value, double limit) {
    if (!(value <= limit))
        throw input_error(fmt::format("{}: {} exceeds the limit of {} (docs/scenarios.md, Limits)", what, value, limit));
}

/// Throws input_error "WHAT: expected an end no later than 2200-01-01 (...), got LENGTH from START" when
/// `start` + `length` is later than max_end_year (or does not fit the time type).
inline void check_end(std::string_view what, epoch start, duration length) {
    static const epoch latest = epoch::from_utc_iso(fmt::format("{}-01-01T00:00:00Z", max_end_year));
    std::int64_t end_ns = 0;
    if (__builtin_add_overflow(start.tai_ns(), length.ns(), &end_ns) || end_ns > latest.tai_ns()) {
        throw input_error(fmt::format("{}: expected an end no later than {}-01-01 (docs/scenarios.md, Limits), got {} from {}",
                                      what, max_end_year, format_quantity(length.seconds(), quantity_kind::time),
                                      start.to_utc_date()));
    }
}

/// The worker threads to start for a request of `requested` (0: every core): at least 1, at most the cores and
/// max_threads. Results never depend on it.
[[nodiscard]] inline int threads(int requested) {
    const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    const int want = requested <= 0 ? cores : requested;
    return std::clamp(want, 1, std::min(cores, max_threads));
}

}  // namespace kardashev::limits
