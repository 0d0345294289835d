#include "kardashev/compute/reliability.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "kardashev/core/rng.hpp"

namespace kardashev::compute {
namespace {

void require_positive(const char* what, double v) {
    if (!(v > 0.0) || !std::isfinite(v))
        throw domain_error(fmt::format("reliability: expected a positive {}, got {}", what, v));
}
void require_non_negative(const char* what, double v) {
    if (!(v >= 0.0) || !std::isfinite(v))
        throw domain_error(fmt::format("reliability: expected a non-negative {}, got {}", what, v));
}

struct rates {
    double system_mtbf_s;  // M
    double sdc_share;      // share of interruptions that are SDCs
    double tau_s;
};

rates system_rates(const reliability_inputs& in) {
    require_positive("accelerator count", in.accelerators);
    require_positive("MTBF [s]", in.mtbf_s);
    require_non_negative("upset interrupt rate [1/s]", in.upset_interrupt_rate_per_s);
    require_non_negative("SDC rate [1/s]", in.sdc_rate_per_s);
    require_non_negative("SDC detection time [s]", in.sdc_detection_s);
    require_non_negative("checkpoint write time [s]", in.checkpoint_write_s);
    require_non_negative("restart time [s]", in.restart_s);
    require_non_negative("checkpoint interval [s]", in.checkpoint_interval_s);
    // Independent exponential failures add their rates: lambda_sys = n (1/MTBF + lambda_SEFI + lambda_SDC).
    const double per_accel = 1.0 / in.mtbf_s + in.upset_interrupt_rate_per_s + in.sdc_rate_per_s;
    const double lambda = in.accelerators * per_accel;
    rates r{};
    r.system_mtbf_s = 1.0 / lambda;
    r.sdc_share = in.sdc_rate_per_s / per_accel;
    r.tau_s = in.checkpoint_interval_s > 0.0 ? in.checkpoint_interval_s
                                             : daly_interval_s(std::max(in.checkpoint_write_s, 1e-9), r.system_mtbf_s);
    return r;
}

}  // namespace

radiation_defaults default_radiation(site_kind site) {
    constexpr double per_hour = 1.0 / 3600.0;
    switch (site) {
        case site_kind::ground: return {0.0, 0.0};
        case site_kind::orbit: return {1e-5 * per_hour, 1e-6 * per_hour};
        case site_kind::moon: return {3e-5 * per_hour, 3e-6 * per_hour};
    }
    return {0.0, 0.0};
}

double young_interval_s(double checkpoint_write_s, double system_mtbf_s) {
    require_positive("checkpoint write time [s]", checkpoint_write_s);
    require_positive("system MTBF [s]", system_mtbf_s);
    return std::sqrt(2.0 * checkpoint_write_s * system_mtbf_s);  // Young 1974 eq. 5: T_opt = sqrt(2 T_s T_f)
}

double daly_interval_s(double checkpoint_write_s, double system_mtbf_s) {
    require_positive("checkpoint write time [s]", checkpoint_write_s);
    require_positive("system MTBF [s]", system_mtbf_s);
    const double d = checkpoint_write_s;
    const double m = system_mtbf_s;
    if (d >= 2.0 * m) return m;  // Daly 2006 eq. 37, second branch
    const double x = d / (2.0 * m);
    // Daly 2006 eq. 37: tau_opt = sqrt(2 delta M) [1 + (1/3) sqrt(delta / 2M) + (1/9) (delta / 2M)] - delta
    return std::sqrt(2.0 * d * m) * (1.0 + std::sqrt(x) / 3.0 + x / 9.0) - d;
}

reliability_result expected_reliability(const reliability_inputs& in, double solve_s) {
    require_positive("solve time [s]", solve_s);
    const rates r = system_rates(in);
    const double m = r.system_mtbf_s;
    const double tau = r.tau_s;
    const double d = in.checkpoint_write_s;
    // Daly 2006 eq. 20: T_w = M e^{R/M} (e^{(tau + delta)/M} - 1) T_s / tau.
    double wall = m * std::exp(in.restart_s / m) * std::expm1((tau + d) / m) * solve_s / tau;
    // An SDC is found sdc_detection_s after it happens; the work since then is redone as well.
    const double interruptions = wall / m;
    const double sdc = interruptions * r.sdc_share;
    wall += sdc * in.sdc_detection_s;
    reliability_result out;
    out.system_mtbf_s = m;
    out.checkpoint_interval_s = tau;
    out.wall_s = wall;
    out.goodput = solve_s / wall;
    out.interruptions = wall / m;
    out.sdc_events = out.interruptions * r.sdc_share;
    return out;
}

reliability_spread monte_carlo_reliability(const reliability_inputs& in, double solve_s, int trials, std::uint64_t seed) {
    require_positive("solve time [s]", solve_s);
    if (trials < 1) throw domain_error(fmt::format("reliability: expected at least one trial, got {}", trials));
    const rates r = system_rates(in);
    const double m = r.system_mtbf_s;
    const double tau = r.tau_s;
    const double d = in.checkpoint_write_s;
    if (solve_s / tau > 1e8) throw domain_error("reliability: more than 1e8 checkpoint intervals; raise the interval");
    rng_stream rng(seed, "compute.reliability");
    std::vector<double> walls(static_cast<std::size_t>(trials));
    std::vector<double> counts(static_cast<std::size_t>(trials));
    for (int i = 0; i < trials; ++i) {
        double wall = 0.0;
        double done = 0.0;  // solve time committed by checkpoints
        double n_int = 0.0;
        double next_failure = rng.exponential(m);  // wall time until the next failure
        while (done < solve_s) {
            // One segment: compute min(tau, what is left), then write a checkpoint (none after the last).
            const double work = std::min(tau, solve_s - done);
            const double seg = work + (done + work < solve_s ? d : 0.0);
            if (next_failure >= seg) {
                wall += seg;
                next_failure -= seg;
                done += work;
                continue;
            }
            // Failure inside the segment: its work is lost; restart; SDCs lose the detection window too.
            wall += next_failure + in.restart_s;
            n_int += 1.0;
            if (rng.uniform() < r.sdc_share) {
                const double lost = std::min(done, in.sdc_detection_s);
                done -= lost;
            }
            next_failure = rng.exponential(m);
        }
        walls[static_cast<std::size_t>(i)] = wall;
        counts[static_cast<std::size_t>(i)] = n_int;
    }
    auto mean_std = [](const std::vector<double>& v) {
        double mean = 0.0;
        for (double x : v) mean += x;
        mean /= static_cast<double>(v.size());
        double var = 0.0;
        for (double x : v) var += (x - mean) * (x - mean);
        var = v.size() > 1 ? var / static_cast<double>(v.size() - 1) : 0.0;
        return std::pair{mean, std::sqrt(var)};
    };
    reliability_spread out;
    out.trials = trials;
    std::tie(out.wall_mean_s, out.wall_std_s) = mean_std(walls);
    std::tie(out.interruptions_mean, out.interruptions_std) = mean_std(counts);
    std::vector<double> sorted = walls;
    std::sort(sorted.begin(), sorted.end());
    auto quantile = [&](double q) {
        const double pos = q * static_cast<double>(sorted.size() - 1);
        const auto lo = static_cast<std::size_t>(std::floor(pos));
        const auto hi = std::min(sorted.size() - 1, lo + 1);
        return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
    };
    out.wall_p10_s = quantile(0.1);
    out.wall_p90_s = quantile(0.9);
    out.goodput_mean = solve_s / out.wall_mean_s;
    return out;
}

}  // namespace kardashev::compute
