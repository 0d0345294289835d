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
    double system_mtbf_s = 0.0;   // M
    double sdc_share = 0.0;       // share of interruptions that are SDCs
    double tau_s = 0.0;           // interval of the checkpoint tier a failure rolls back to
    double delta_s = 0.0;         // blocking time of one checkpoint of that tier
    double recovery_s = 0.0;      // R: restart, spare swap, or (elastic) the cost of dropping a replica
    bool elastic = false;         // failures drop a replica instead of rolling back
    double fallback_share = 0.0;  // share of failures that lose every in-memory copy: back to storage
    double storage_tau_s = 0.0;   // storage checkpoint interval behind an in-memory tier or elastic dp
    double storage_delta_s = 0.0; // blocking time of one storage checkpoint
};

/// The checkpoint tiers and recovery of `in.recovery` on top of the system rate (docs/models/compute.md
/// "Recovery at scale"): in-memory snapshots (Gemini 1.0 report sec. 3), asynchronous storage checkpoints
/// (only the snapshot blocks), hot spares (swap instead of restart), elastic data parallelism.
void apply_recovery(const reliability_inputs& in, double per_accel_rate, rates& r) {
    const recovery_measures& rm = in.recovery;
    require_non_negative("in-memory snapshot time [s]", rm.in_memory_write_s);
    require_non_negative("asynchronous snapshot time [s]", rm.async_snapshot_s);
    require_non_negative("hot spares", rm.hot_spares);
    require_non_negative("spare swap time [s]", rm.spare_swap_s);
    require_positive("data-parallel replicas", rm.dp);
    require_non_negative("rejoin time [s]", rm.rejoin_s);
    require_positive("failure domain size", rm.domain_size);
    require_non_negative("domain failure share", rm.domain_failure_share);
    const double m = r.system_mtbf_s;
    r.storage_delta_s = rm.async_checkpoint ? rm.async_snapshot_s : in.checkpoint_write_s;
    const double repair_s = rm.hot_spares >= rm.domain_size ? rm.spare_swap_s : in.restart_s;  // a whole domain swapped
    const bool redundant = rm.in_memory_checkpoint || rm.elastic_dp;
    r.elastic = rm.elastic_dp;
    r.delta_s = rm.in_memory_checkpoint ? rm.in_memory_write_s : r.storage_delta_s;
    if (rm.elastic_dp) {
        // The replicas one failure removes: one, or every replica a failed domain spans.
        const double replica_size = in.accelerators / rm.dp;
        const double lost = 1.0 + rm.domain_failure_share * std::max(0.0, rm.domain_size / replica_size - 1.0);
        r.recovery_s = rm.rejoin_s + lost * repair_s / rm.dp;
    } else {
        r.recovery_s = repair_s;
    }
    // The copies of a failed rank's state sit in another failure domain; both are lost when that domain
    // fails too before the state is copied again (exponential failures over the recovery window).
    r.fallback_share = redundant ? -std::expm1(-rm.domain_size * per_accel_rate * (repair_s + r.delta_s)) : 0.0;
    const double fallback_mtbf = redundant ? m / std::max(r.fallback_share, 1e-300) : m;
    const double rollback_mtbf = rm.elastic_dp ? fallback_mtbf : m;
    r.tau_s = in.checkpoint_interval_s > 0.0 ? in.checkpoint_interval_s
                                             : daly_interval_s(std::max(r.delta_s, 1e-9), rollback_mtbf);
    r.storage_tau_s = redundant ? daly_interval_s(std::max(r.storage_delta_s, 1e-9), fallback_mtbf) : r.tau_s;
}

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
    rates r;
    r.system_mtbf_s = 1.0 / lambda;
    r.sdc_share = in.sdc_rate_per_s / per_accel;
    apply_recovery(in, per_accel, r);
    return r;
}

struct trial_outcome {
    double wall_s = 0.0;
    double interruptions = 0.0;
};

/// One run: exponential failures at the system rate; checkpoints every tau; a failure loses the work
/// since the last checkpoint and costs R (elastic dp: keeps the work, costs the drop); the rare failure
/// that loses every copy rolls back to the last storage checkpoint and restarts; an SDC loses the
/// detection window too.
trial_outcome one_trial(const reliability_inputs& in, const rates& r, double solve_s, rng_stream& rng) {
    const double m = r.system_mtbf_s;
    const double tau = r.tau_s;
    const double d = r.delta_s;
    const bool tiered = r.fallback_share > 0.0 && !r.elastic;  // storage checkpoints behind an in-memory tier
    trial_outcome out;
    double done = 0.0;        // solve time committed by checkpoints
    double done_store = 0.0;  // solve time committed to storage
    double next_failure = rng.exponential(m);  // wall time until the next failure
    while (done < solve_s) {
        // One segment: compute min(tau, what is left), then write a checkpoint (none after the last).
        const double work = std::min(tau, solve_s - done);
        const double seg = work + (done + work < solve_s ? d : 0.0);
        if (next_failure >= seg) {
            out.wall_s += seg;
            next_failure -= seg;
            done += work;
            if (!tiered) done_store = done;
            else if (done - done_store >= r.storage_tau_s) {
                done_store = done;
                out.wall_s += r.storage_delta_s;
            }
            continue;
        }
        out.interruptions += 1.0;
        if (r.fallback_share > 0.0 && rng.uniform() < r.fallback_share) {
            out.wall_s += next_failure + in.restart_s;
            done = done_store;
        } else if (r.elastic) {
            out.wall_s += next_failure + r.recovery_s;
            done += std::min(work, next_failure);
        } else {
            out.wall_s += next_failure + r.recovery_s;
        }
        if (rng.uniform() < r.sdc_share) done -= std::min(done, in.sdc_detection_s);
        if (!tiered) done_store = std::min(done_store, done);
        next_failure = rng.exponential(m);
    }
    return out;
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
    const double d = r.delta_s;
    double wall = 0.0;
    if (r.elastic) {
        // No rollback: each failure costs the rejoin and the lost replicas' share of the repair.
        if (r.recovery_s >= m)
            throw domain_error(fmt::format("reliability: a failure every {:.3g} s, each costing {:.3g} s: the job never runs",
                                           m, r.recovery_s));
        wall = solve_s * (1.0 + d / tau) / (1.0 - r.recovery_s / m);
    } else {
        // Daly 2006 eq. 20: T_w = M e^{R/M} (e^{(tau + delta)/M} - 1) T_s / tau.
        wall = m * std::exp(r.recovery_s / m) * std::expm1((tau + d) / m) * solve_s / tau;
    }
    if (r.fallback_share > 0.0) {
        // The rare failure that loses every copy: a full restart and half a storage interval redone, plus
        // the storage checkpoints behind the fast tier.
        wall *= 1.0 + r.fallback_share * (in.restart_s + 0.5 * r.storage_tau_s) / m;
        if (!r.elastic) wall *= 1.0 + r.storage_delta_s / r.storage_tau_s;
    }
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
    out.checkpoint_cost_s = d;
    out.recovery_s = r.recovery_s;
    out.fallback_share = r.fallback_share;
    return out;
}

reliability_spread monte_carlo_reliability(const reliability_inputs& in, double solve_s, int trials, std::uint64_t seed) {
    require_positive("solve time [s]", solve_s);
    if (trials < 1) throw domain_error(fmt::format("reliability: expected at least one trial, got {}", trials));
    const rates r = system_rates(in);
    if (solve_s / r.tau_s > 1e8) throw domain_error("reliability: more than 1e8 checkpoint intervals; raise the interval");
    if (r.elastic && r.recovery_s >= r.system_mtbf_s)
        throw domain_error(fmt::format("reliability: a failure every {:.3g} s, each costing {:.3g} s: the job never runs",
                                       r.system_mtbf_s, r.recovery_s));
    rng_stream rng(seed, "compute.reliability");
    std::vector<double> walls(static_cast<std::size_t>(trials));
    std::vector<double> counts(static_cast<std::size_t>(trials));
    for (int i = 0; i < trials; ++i) {
        const trial_outcome t = one_trial(in, r, solve_s, rng);
        walls[static_cast<std::size_t>(i)] = t.wall_s;
        counts[static_cast<std::size_t>(i)] = t.interruptions;
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
