#pragma once
// The sizes one rank of a training step works on, shared by the step model (parallel.cpp) and its memory
// model (training_memory.cpp). Private to the compute module.

#include <algorithm>

#include "kardashev/compute/cluster.hpp"
#include "kardashev/compute/parallel.hpp"
#include "kardashev/compute/transformer.hpp"

namespace kardashev::compute::detail {

inline constexpr double bf16_bytes = 2.0;

/// Width of the key and value projections [-]: kv_heads x head width (grouped-query attention, Ainslie et al. 2023).
inline double kv_width(const transformer& m) {
    const int kv = m.kv_heads > 0 ? m.kv_heads : m.heads;
    return static_cast<double>(kv) * m.hidden / m.heads;
}
/// MLP width [-]: f, 4 h when not given.
inline double ffn(const transformer& m) { return m.ffn_hidden > 0 ? m.ffn_hidden : 4.0 * m.hidden; }
/// Matrices of one MLP: 3 for SwiGLU (Shazeer 2020), 2 for GeLU.
inline double mlp_matrices(const transformer& m) { return m.gated_mlp ? 3.0 : 2.0; }
/// Experts a token's MLP visits [-]: 1 for a dense model, top-k routed plus shared for MoE.
inline double experts_visited(const transformer& m) {
    return m.experts > 1 ? std::min(m.experts, m.experts_per_token) + m.shared_experts : 1.0;
}

/// The accelerator and the sizes one rank works on, shared by the parts of a step.
struct rank_shape {
    double peak = 0.0;          // [FLOP/s] peak of one accelerator for the layout's precision
    double peak_bf16 = 0.0;     // [FLOP/s] BF16 peak (the attention core, and MFU)
    double e_max = 0.0;         // [-] matrix-product efficiency of large products
    double hbm_bw = 0.0;        // [B/s] HBM bandwidth
    double t = 1.0;             // tensor-parallel size
    double h = 0.0;             // hidden size
    double f = 0.0;             // MLP hidden size (one expert's for MoE)
    double k = 0.0;             // experts each token visits (1 dense)
    double b = 0.0;             // sequences per micro-batch
    double s = 0.0;             // tokens per sequence
    double s_loc = 0.0;         // tokens of a sequence on one context-parallel rank
    double tok = 0.0;           // tokens of one micro-batch on one rank
    bool sp = false;            // sequence parallelism in effect
    double t_sp = 1.0;          // t with sequence parallelism, else 1
    double layers_stage = 0.0;  // layers per pipeline stage (even split, for the time model)
};

/// Stored activations [B] of one layer for one micro-batch on one rank (Korthikanti et al. 2022 sec. 4).
double layer_activation_bytes(const transformer& m, const layout& l, const step_options& o, const rank_shape& r);

/// Memory on the busiest pipeline stage of `l` (training_memory.cpp; docs/models/compute.md "Memory").
memory_use memory_of(const transformer& m, const layout& l, const step_options& o, const rank_shape& r, int microbatches);

/// Parameters of one transformer layer [-] on one rank: attention and dense MLP split over tp, experts over tp x ep.
double layer_params_per_rank(const transformer& m, const layout& l);

}  // namespace kardashev::compute::detail
