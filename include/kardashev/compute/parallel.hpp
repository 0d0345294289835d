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
    int zero = 1;                      //!< ZeRO stage 0-3 (Rajbhandari et al. 2020): 1 shards the optimizer state over dp,
                                       //!< 2 the gradients too (PyTorch FSDP SHARD_GRAD_OP), 3 the weights too (FSDP FULL_SHARD)
    bool fp8 = false;                  //!< FP8 matrix products and FP8 copies of weights and stored activations
    bool operator==(const layout&) const = default;
};

/// Returns "tp=8,pp=16,dp=64" (cp, ep, vp, mb when not 1; recompute when not selective; zero when not 1; fp8).
std::string to_string(const layout& l);
/// Accelerators the layout spans: tp x cp x pp x dp (ep lies inside dp).
long layout_size(const layout& l);
/// Parses "tp=8,pp=16,dp=64[,cp=..,ep=..,vp=..,mb=..,recompute=full|selective|none,sp=0|1,zero=0..3,fp8=0|1]";
/// missing sizes are 1. Throws input_error naming the bad item.
layout parse_layout(std::string_view text);

/// Options of the step model. Plain value type.
struct step_options {
    double global_batch_tokens = 16'777'216.0;  //!< [tokens] per optimizer step (Llama 3: 16M)
    double global_batch_sequences = 0.0;        //!< [sequences] per optimizer step; > 0 overrides global_batch_tokens
    bool flash_attention = true;    //!< attention scores never written to HBM (Dao et al. 2022)
    bool overlap_dp = true;         //!< gradient collectives overlap one micro-batch's backward
    double tp_overlap = 0.0;        //!< [0, 1] share of tensor-parallel communication hidden behind compute
    double gemm_half_flop = 1e9;    //!< [FLOP] matrix-product size at which efficiency is half its maximum
    bool check_memory = true;       //!< throw when a stage does not fit in HBM
    bool operator==(const step_options&) const = default;
};

/// Memory per accelerator [B] on the busiest pipeline stage (docs/models/compute.md "Memory").
struct memory_use {
    double weights_b = 0.0;      //!< BF16 (or FP8) weights the rank keeps, embedding and output layer included
    double gradients_b = 0.0;    //!< FP32 gradient accumulation buffer (its shard under ZeRO-2/3)
    double optimizer_b = 0.0;    //!< FP32 master weights and Adam moments (its shard under ZeRO-1/2/3)
    double activations_b = 0.0;  //!< stored activations of the layers of the micro-batches in flight
    double logits_b = 0.0;       //!< FP32 logits of one micro-batch on the stage holding the output layer
    double buffers_b = 0.0;      //!< ZeRO working set: one layer's gathered weights (ZeRO-3) and gradient bucket (ZeRO-2/3)
    double total_b = 0.0;        //!< the sum
    int stage = 0;               //!< [-] the pipeline stage these are for (0 = first)
    double layers = 0.0;         //!< [-] transformer layers on that stage
    double in_flight = 0.0;      //!< [-] layer-micro-batches whose activations the stage holds at its peak
    double per_layer_b = 0.0;    //!< [B] stored activations of one layer for one micro-batch
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
    int accelerators = 0;          //!< [-] accelerators the layout uses (the cluster's others are spares)
    double model_flop = 0.0;       //!< [FLOP] model FLOP of one step (no recomputation)
    double hardware_flop = 0.0;    //!< [FLOP] FLOP executed, recomputation included
    double mfu = 0.0;              //!< model FLOP / (n X_peak t_step), n the accelerators used, X_peak BF16
    double hfu = 0.0;              //!< hardware FLOP / (n X_peak t_step)
    double tokens_per_s = 0.0;     //!< [tokens/s] whole cluster
    memory_use memory;
    bool operator==(const step_breakdown&) const = default;
};

/// Step time and memory of `m` on `c` under `l`. The layout may use fewer accelerators than c.count
/// (the rest are spares); a replica runs ceil(sequences / (dp mb)) micro-batches. Throws input_error
/// when the layout needs more accelerators than c.count, tp does not divide the heads, the batch has
/// fewer sequences than dp x mb, FP8 is asked of a chip without it, or the stage does not fit in HBM
/// (the message gives each term in GB).
step_breakdown training_step(const transformer& m, const cluster& c, const layout& l, const step_options& o = {});

/// The fastest layout that fits, with its step.
struct layout_search {
    layout best;
    step_breakdown step;
    int evaluated = 0;  //!< [-] layouts that fit
    int spares = 0;     //!< [-] accelerators of the cluster the best layout leaves unused
};

/// Searches tp (powers of two up to the scale-up size), cp (1-16 for sequences of 16k tokens or
/// more, else 1), ep (powers of two dividing the experts, MoE only), pp (1 to min(layers, 128)),
/// vp, micro-batch 1-4, the three recompute modes and ZeRO 1-3; dp is the largest the cluster and
/// the batch allow, the rest of the accelerators are spares. Never FP8 (it changes the numerics): give fp8=1.
/// Throws input_error when no layout fits.
layout_search search_layout(const transformer& m, const cluster& c, const step_options& o = {});

}  // namespace kardashev::compute
