#pragma once
/// Training step time of a transformer on a cluster under a parallel layout: per-layer matrix
/// products against the accelerator's roofline, collectives over the links they cross (alpha-beta),
/// pipeline bubbles, recomputation, overlap, and memory per accelerator checked against HBM.

#include <string>
#include <string_view>

#include "kardashev/compute/cluster.hpp"
#include "kardashev/compute/transformer.hpp"

namespace kardashev::compute {

/// Activation recomputation (Korthikanti et al. 2022 sec. 4-5).
enum class recompute { none, selective, full };

/// Returns "none", "selective" or "full".
const char* to_string(recompute r);

/// A parallel layout. Ranks are ordered [TP, CP, EP, PP, DP], TP fastest. Plain value type.
struct layout {
    int tp = 1;                        //!< tensor-parallel size
    int pp = 1;                        //!< pipeline stages
    int dp = 1;                        //!< data-parallel replicas
    int cp = 1;                        //!< context-parallel size (sequence split across ranks)
    int ep = 1;                        //!< expert-parallel size (inside dp; MoE only)
    int vp = 1;                        //!< virtual stages per rank (interleaved 1F1B)
    int micro_batch = 1;               //!< [sequences] per micro-batch
    bool sequence_parallel = true;     //!< Korthikanti et al. 2022 sequence parallelism (with tp > 1)
    compute::recompute recompute = compute::recompute::selective;
    bool distributed_optimizer = true; //!< optimizer state sharded over dp (ZeRO-1)
    bool operator==(const layout&) const = default;
};

/// Returns "tp=8,pp=16,dp=64" (cp, ep, vp, mb when not 1; recompute when not selective).
std::string to_string(const layout& l);
/// Parses "tp=8,pp=16,dp=64[,cp=..,ep=..,vp=..,mb=..,recompute=full|selective|none,sp=0|1]";
/// missing sizes are 1. Throws input_error naming the bad item.
layout parse_layout(std::string_view text);

/// Options of the step model. Plain value type.
struct step_options {
    double global_batch_tokens = 16'777'216.0;  //!< [tokens] per optimizer step (Llama 3: 16M)
    bool flash_attention = true;    //!< attention scores never written to HBM (Dao et al. 2022)
    bool overlap_dp = true;         //!< gradient collectives overlap one micro-batch's backward
    double tp_overlap = 0.0;        //!< [0, 1] share of tensor-parallel communication hidden behind compute
    double gemm_half_flop = 1e9;    //!< [FLOP] matrix-product size at which efficiency is half its maximum
    bool check_memory = true;       //!< throw when a stage does not fit in HBM
    bool operator==(const step_options&) const = default;
};

/// Memory per accelerator [B] on the busiest pipeline stage.
struct memory_use {
    double weights_b = 0.0;      //!< BF16 weights
    double gradients_b = 0.0;    //!< FP32 gradient buffer
    double optimizer_b = 0.0;    //!< FP32 master weights and Adam moments
    double activations_b = 0.0;  //!< stored activations of the micro-batches in flight
    double total_b = 0.0;
    bool operator==(const memory_use&) const = default;
};

/// One training step, broken down [s]. Communication times are on the critical path of one
/// rank of the busiest stage; `*_exposed_s` are what overlap leaves visible.
struct step_breakdown {
    double compute_s = 0.0;        //!< matrix products and memory-bound kernels, forward + backward
    double recompute_s = 0.0;      //!< the share of compute_s spent recomputing activations
    double tp_comm_s = 0.0;        //!< tensor-parallel all-gather/reduce-scatter or all-reduce
    double cp_comm_s = 0.0;        //!< context-parallel key/value all-gather and reduce-scatter
    double ep_comm_s = 0.0;        //!< expert-parallel all-to-all
    double pp_comm_s = 0.0;        //!< pipeline point-to-point sends
    double dp_comm_s = 0.0;        //!< data-parallel gradient reduce-scatter + parameter all-gather (or all-reduce)
    double dp_exposed_s = 0.0;     //!< dp_comm_s not hidden behind the backward pass
    double tp_exposed_s = 0.0;     //!< tp_comm_s not hidden
    double bubble_s = 0.0;         //!< pipeline fill and drain
    double optimizer_s = 0.0;      //!< optimizer update (memory-bound)
    double step_s = 0.0;           //!< wall time of one step
    int microbatches = 0;          //!< [-] micro-batches per pipeline per step
    double model_flop = 0.0;       //!< [FLOP] model FLOP of one step (no recomputation)
    double hardware_flop = 0.0;    //!< [FLOP] FLOP executed, recomputation included
    double mfu = 0.0;              //!< model FLOP / (n X_peak t_step)
    double hfu = 0.0;              //!< hardware FLOP / (n X_peak t_step)
    double tokens_per_s = 0.0;     //!< [tokens/s] whole cluster
    memory_use memory;
    bool operator==(const step_breakdown&) const = default;
};

/// Step time and memory of `m` on `c` under `l`. Throws input_error when the layout does not
/// multiply to c.count, tp does not divide the heads, the batch does not split into
/// micro-batches, or the stage does not fit in HBM (the message gives each term in GB).
step_breakdown training_step(const transformer& m, const cluster& c, const layout& l, const step_options& o = {});

/// The fastest layout that fits, with its step.
struct layout_search {
    layout best;
    step_breakdown step;
    int evaluated = 0;  //!< [-] layouts that fit
};

/// Searches tp (powers of two up to the scale-up size), pp (divisors of the layer count... up to
/// 128), vp, micro-batch 1-4 and the three recompute modes, dp filling the rest; cp = ep = 1.
/// Throws input_error when no layout fits.
layout_search search_layout(const transformer& m, const cluster& c, const step_options& o = {});

}  // namespace kardashev::compute
