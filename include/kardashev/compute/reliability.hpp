#pragma once
/// Failures, radiation upsets, checkpoints and goodput of a training run (Young 1974; Daly 2006).

#include <cstdint>

#include "kardashev/compute/cluster.hpp"

namespace kardashev::compute {

/// How a job recovers from failures beyond synchronous checkpoints to storage and full restarts
/// (docs/models/compute.md "Recovery at scale"). All off: the Young/Daly model alone. Plain value type.
struct recovery_measures {
    bool in_memory_checkpoint = false;  //!< model state snapshotted to memory with redundant copies on other dp replicas
                                        //!< (Gemini 1.0 report sec. 3: goodput 85 -> 97 %); a failure rolls back to it
    double in_memory_write_s = 2.0;     //!< [s] blocking time of one in-memory snapshot (assumption, docs)
    bool async_checkpoint = false;      //!< storage checkpoints written in the background: only the snapshot blocks
    double async_snapshot_s = 5.0;      //!< [s] blocking part of an asynchronous storage checkpoint (assumption, docs)
    double hot_spares = 0.0;            //!< [-] idle accelerators ready to replace failed ones (used when >= domain_size)
    double spare_swap_s = 60.0;         //!< [s] swap in a spare and restore its state from peers, instead of restart_s
    bool elastic_dp = false;            //!< drop the failed replica and go on with dp - 1 instead of stopping the job
    double dp = 1.0;                    //!< [-] data-parallel replicas (elastic dp: each carries 1/dp of the work)
    double rejoin_s = 10.0;             //!< [s] to re-form the collectives without the failed replica (elastic dp)
    double domain_size = 8.0;           //!< [-] accelerators of one failure domain (a host: 8; an NVL72 rack: 72)
    double domain_failure_share = 0.0;  //!< [-] share of failures that take the whole domain down at once
    bool operator==(const recovery_measures&) const = default;
};

/// Inputs of the reliability model. Plain value type.
struct reliability_inputs {
    double accelerators = 0.0;          //!< [-] accelerators the job spans
    double mtbf_s = 50'000.0 * 3600.0;  //!< [s] per-accelerator mean time between job-stopping failures
    double upset_interrupt_rate_per_s = 0.0;  //!< [1/s] radiation functional interrupts (SEFI) per accelerator
    double sdc_rate_per_s = 0.0;        //!< [1/s] silent data corruptions per accelerator
    double sdc_detection_s = 3600.0;    //!< [s] work lost beyond the last checkpoint when an SDC is found
    double checkpoint_write_s = 60.0;   //!< [s] blocking time to write one checkpoint (delta)
    double restart_s = 600.0;           //!< [s] time from a failure to training again (R)
    double checkpoint_interval_s = 0.0; //!< [s] tau; 0: Daly's optimum
    recovery_measures recovery;         //!< in-memory and asynchronous checkpoints, spares, elastic dp
    bool operator==(const reliability_inputs&) const = default;
};

/// Default radiation rates per accelerator for a site [1/s] (assumptions; docs/models/compute.md):
/// zero on the ground; in low Earth orbit 1e-5 functional interrupts and 1e-6 SDC per
/// accelerator-hour; on the Moon three times the orbital rates.
struct radiation_defaults {
    double upset_interrupt_rate_per_s = 0.0;
    double sdc_rate_per_s = 0.0;
};
/// Returns the documented default radiation rates for `site`.
radiation_defaults default_radiation(site_kind site);

/// Young 1974 optimum checkpoint interval [s]: tau = sqrt(2 delta M).
double young_interval_s(double checkpoint_write_s, double system_mtbf_s);
/// Daly 2006 eq. 37 optimum [s]: sqrt(2 delta M) [1 + sqrt(delta/2M)/3 + (delta/2M)/9] - delta for
/// delta < 2M, else M.
double daly_interval_s(double checkpoint_write_s, double system_mtbf_s);

/// Expected outcome of running `solve_s` seconds of failure-free training.
struct reliability_result {
    double system_mtbf_s = 0.0;          //!< [s] M = 1 / (n (1/MTBF + upset rate + SDC rate))
    double checkpoint_interval_s = 0.0;  //!< [s] tau used
    double wall_s = 0.0;                 //!< [s] expected wall time
    double goodput = 0.0;                //!< [-] solve_s / wall_s
    double interruptions = 0.0;          //!< [-] expected job interruptions
    double sdc_events = 0.0;             //!< [-] expected silent data corruptions among them
    double checkpoint_cost_s = 0.0;      //!< [s] blocking time of one checkpoint of the tier a failure rolls back to
    double recovery_s = 0.0;             //!< [s] time from a failure to training again (restart, spare swap or rejoin)
    double fallback_share = 0.0;         //!< [-] share of failures that lose every in-memory copy and roll back to storage
};

/// Expected wall time by Daly 2006 eq. 20, T_w = M e^{R/M} (e^{(tau+delta)/M} - 1) T_s / tau, plus
/// the detection loss of SDCs; delta and R those of the recovery measures. With elastic dp there is no
/// rollback: T_w = T_s (1 + delta/tau) / (1 - c/M), c the rejoin time plus the lost replicas' share of
/// the repair. Throws domain_error for non-positive inputs.
reliability_result expected_reliability(const reliability_inputs& in, double solve_s);

/// Spread of a seeded Monte Carlo of the same run.
struct reliability_spread {
    int trials = 0;
    double wall_mean_s = 0.0, wall_std_s = 0.0, wall_p10_s = 0.0, wall_p90_s = 0.0;  //!< [s]
    double interruptions_mean = 0.0, interruptions_std = 0.0;                        //!< [-]
    double goodput_mean = 0.0;                                                       //!< [-]
};

/// Simulates `trials` runs: exponential failures at the system rate, work since the last
/// checkpoint lost at each and R paid (elastic dp: nothing lost, the drop paid; a failure that loses
/// every in-memory copy: back to the last storage checkpoint and restart_s), SDCs losing
/// sdc_detection_s more. Throws domain_error as expected_reliability does. Random numbers come
/// from the stream (seed, "compute.reliability"), so a seed gives the same spread every time.
reliability_spread monte_carlo_reliability(const reliability_inputs& in, double solve_s, int trials,
                                           std::uint64_t seed);

}  // namespace kardashev::compute
