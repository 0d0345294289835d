#pragma once
/// One training run planned end to end, as `kardashev train` reports it: the model shape, the cluster with its
/// links, the days of compute (step model, fixed MFU or achieved FLOP/s), failures, checkpoints and wall time
/// (docs/models/compute.md).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/compute/cluster.hpp"
#include "kardashev/compute/parallel.hpp"
#include "kardashev/compute/reliability.hpp"
#include "kardashev/compute/transformer.hpp"

namespace kardashev::compute {

/// What a plan is asked for: the model, the cluster, and the inputs that override the models.
struct training_request {
    double params = 0.0;                        //!< [-] parameters N
    double tokens = 0.0;                        //!< [tokens] training tokens D
    std::optional<transformer> shape;           //!< the model in full; empty: shape_for(params, seq) with `vocab`
    int seq = 8192;                             //!< [tokens] sequence length of a derived shape
    int vocab = 128'256;                        //!< [-] vocabulary of a derived shape
    accelerator accel;                          //!< every rank's accelerator
    int count = 0;                              //!< [-] accelerators, >= 1
    site_kind site = site_kind::ground;         //!< radiation defaults; orbit and moon add inter-satellite links
    std::optional<layout> given_layout;         //!< the layout to model (with `recompute` applied)
    bool search = false;                        //!< search for the fastest layout that fits instead
    std::optional<double> mfu;                  //!< [-] fixed model FLOP utilisation instead of the step model
    std::optional<double> goodput;              //!< [-] fixed goodput instead of the reliability model
    std::optional<double> achieved_flops;       //!< [FLOP/s] per accelerator instead of the step model
    std::optional<compute::recompute> recompute;  //!< recomputation of the given layout, or of achieved_flops
    step_options step;                          //!< step model options
    reliability_inputs reliability;             //!< failures and checkpoints (accelerators set by the plan)
    std::optional<double> upset_rate_per_s;     //!< [1/s] per accelerator; empty: the site's default
    std::optional<double> sdc_rate_per_s;       //!< [1/s] per accelerator; empty: the site's default
    std::optional<double> scale_up_bytes_per_s;     //!< [B/s] scale-up link; empty: the catalogue's
    std::optional<double> scale_out_bytes_per_s;    //!< [B/s] NIC; empty: the catalogue's
    std::optional<double> scale_out_latency_s;      //!< [s] scale-out message latency
    std::optional<double> isl_bytes_per_s;      //!< [B/s] one satellite's inter-satellite link (orbit, moon)
    std::optional<double> isl_latency_s;        //!< [s] per inter-satellite hop (orbit, moon)
    std::optional<double> satellite_size;       //!< [-] accelerators per satellite (orbit, moon)
    std::uint64_t seed = 1;                     //!< seed of the failure Monte Carlo
    int trials = 200;                           //!< Monte Carlo trials, >= 1
};

/// One part of a step [s].
struct step_part {
    std::string name;  //!< "compute", "recompute", "tp_comm", ...
    double s = 0.0;    //!< [s]
};

/// A planned run.
struct training_plan {
    transformer model;                          //!< the shape modelled
    cluster wiring;                             //!< accelerators and links
    double flops = 0.0;                         //!< [FLOP] C = 6 N D
    double mfu = 0.0;                           //!< [-] model FLOP utilisation
    double solve_s = 0.0;                       //!< [s] failure-free training time
    double days_compute = 0.0;                  //!< [d] solve_s in days
    double days_wall = 0.0;                     //!< [d] with failures and checkpoints
    double goodput = 0.0;                       //!< [-] solve time / wall time
    std::optional<step_breakdown> step;         //!< with the step model
    std::optional<layout> chosen_layout;        //!< with the step model
    int layouts_evaluated = 0;                  //!< [-] layouts that fit, with search
    int spares = 0;                             //!< [-] accelerators the layout leaves unused (hot spares for recovery)
    reliability_result expected;                //!< Daly 2006's expectation
    reliability_spread spread;                  //!< the seeded Monte Carlo
    std::vector<step_part> parts;               //!< the step's parts, with the step model
};

/// Plans the run of `r`. Throws input_error for an inconsistent request (inter-satellite inputs on the ground,
/// no layout, search or MFU given, a satellite without accelerators) and as training_step and search_layout do;
/// domain_error as shape_for and the reliability model do.
[[nodiscard]] training_plan plan_training(const training_request& r);

}  // namespace kardashev::compute
