// Memory per accelerator of a training step (compute/parallel.hpp memory_use; docs/models/compute.md "Memory").

#include <algorithm>
#include <cmath>

#include "step_shape.hpp"

namespace kardashev::compute::detail {
namespace {

// Bytes per parameter of mixed-precision Adam (Rajbhandari et al. 2020 sec. 3.1, with the FP32 gradient
// accumulation of Megatron-LM and of the Llama 3 paper sec. 3.3.2 "numerical stability"):
constexpr double gradient_bytes = 4.0;   // FP32 gradient accumulated over the micro-batches
constexpr double optimizer_bytes = 12.0; // FP32 master weights, Adam first and second moments

/// The parameters one rank of a stage holds, split by how ZeRO shards them.
struct stage_params {
    double dense = 0.0;   // [-] attention, dense MLPs, shared experts, embeddings: replicated over dp x cp
    double expert = 0.0;  // [-] routed experts: replicated over dp x cp / ep
    double layer = 0.0;   // [-] one layer (the ZeRO-3 gather and ZeRO-2/3 gradient bucket unit)
};

stage_params params_of_stage(const transformer& m, const layout& l, double layers, bool embedding, bool output) {
    const double h = m.hidden;
    const double t = l.tp;
    const double attn = (2.0 * h * h + 2.0 * h * kv_width(m)) / t;
    const double one_mlp = mlp_matrices(m) * h * ffn(m) / t;
    const double dense_mlp = m.experts > 1 ? m.shared_experts * one_mlp : one_mlp;
    const double routed = m.experts > 1 ? m.experts * one_mlp / l.ep : 0.0;
    stage_params p;
    // The vocabulary-parallel embedding and output layer, V h / t each (Shoeybi et al. 2019 sec. 3).
    const double vocab = (embedding ? 1.0 : 0.0) + (output ? 1.0 : 0.0);
    p.dense = layers * (attn + dense_mlp) + vocab * m.vocab * h / t;
    p.expert = layers * routed;
    p.layer = attn + dense_mlp + routed;
    return p;
}

/// Layers on stage `r` of `p`: with pipeline parallelism the embedding and the output layer each take one
/// layer's place (Llama 3 paper sec. 3.3.2: one layer fewer on the first and on the last stage).
double layers_on_stage(const transformer& m, int p, int r) {
    if (p == 1) return m.layers;
    const double per_stage = (m.layers + 2.0) / p;
    return (r == 0 || r == p - 1) ? std::max(0.0, per_stage - 1.0) : per_stage;
}

/// Chunks (of layers_on_stage / v layers) whose activations stage `r` holds at its peak: 1F1B keeps
/// min(m, p - r) micro-batches in flight (Narayanan et al. 2021 sec. 2.2.1); interleaved 1F1B runs
/// 2 (p - r - 1) + (v - 1) p warm-up chunks before the first backward, plus the one in progress
/// (Narayanan et al. 2021 sec. 2.2.2; on stage 0 this is Korthikanti et al. 2022 sec. 4.2.3's
/// p (1 + (p - 1) / (p v)) micro-batches' worth).
double chunks_in_flight(int p, int v, int microbatches, int r) {
    if (v == 1) return std::min(microbatches, p - r);
    const double warmup = 2.0 * (p - r - 1) + (v - 1.0) * p;
    return std::min(static_cast<double>(microbatches) * v, warmup + 1.0);
}

/// Weights, gradients, optimizer state and ZeRO buffers of one rank (Rajbhandari et al. 2020 fig. 1:
/// P_os 2 + 2 + K/N_d, P_os+g 2 + (2 + K)/N_d, P_os+g+p (2 + 2 + K)/N_d bytes per parameter).
void set_state(const stage_params& sp, const layout& l, memory_use& mem) {
    const double w = l.fp8 ? 1.0 : bf16_bytes;
    const double shard_dense = static_cast<double>(l.dp) * l.cp;
    const double shard_expert = std::max(1.0, shard_dense / l.ep);
    const auto sharded = [&](double bytes, int from_stage) {
        return l.zero >= from_stage ? bytes * (sp.dense / shard_dense + sp.expert / shard_expert)
                                    : bytes * (sp.dense + sp.expert);
    };
    mem.weights_b = sharded(w, 3);
    mem.gradients_b = sharded(gradient_bytes, 2);
    mem.optimizer_b = sharded(optimizer_bytes, 1);
    // ZeRO-3 gathers one layer while the next is prefetched; ZeRO-2/3 reduce-scatter one layer's gradient bucket.
    mem.buffers_b = (l.zero >= 3 ? 2.0 * w * sp.layer : 0.0) + (l.zero >= 2 ? gradient_bytes * sp.layer : 0.0);
}

}  // namespace

double layer_params_per_rank(const transformer& m, const layout& l) {
    return params_of_stage(m, l, 1.0, false, false).layer;
}

double layer_activation_bytes(const transformer& m, const layout& l, const step_options& o, const rank_shape& r) {
    // Korthikanti et al. 2022 sec. 4.1 counts 34 s b h + 5 a s^2 b bytes per GPT layer; term by term,
    // generalised to grouped-query attention, SwiGLU, experts, flash attention (Dao et al. 2022: only
    // the softmax statistics are kept) and FP8 copies of the inputs of matrix products.
    const double lin = l.fp8 ? 1.0 : bf16_bytes;  // a stored matrix-product input
    const double t = r.t;
    const double sbh = r.s_loc * r.b * r.h;
    const double sbf = r.s_loc * r.b * r.f;
    const double drop = m.dropout ? 1.0 : 0.0;
    // Outside the tensor-parallel region (split by t only with sequence parallelism, sec. 4.2.2):
    // two norm inputs, the QKV and MLP inputs, two dropout masks.
    const double outside = (2.0 * bf16_bytes + 2.0 * lin + 2.0 * drop) * sbh / r.t_sp;
    // Attention: Q, K, V (s b (h + 2 h_kv)), the output projection's input, and the core.
    double attention = bf16_bytes * r.s_loc * r.b * (r.h + 2.0 * kv_width(m)) / t + lin * sbh / t;
    const double scores = static_cast<double>(m.heads) * r.s_loc * r.s * r.b / t;
    if (o.flash_attention) attention += 4.0 * m.heads * r.s_loc * r.b / t;  // FP32 log-sum-exp per row
    else if (l.recompute == recompute::none) attention += (bf16_bytes + drop * (1.0 + bf16_bytes)) * scores;
    // MLP: gate and up (SwiGLU) or the GeLU input in BF16, and the down projection's input; each expert
    // a token visits holds its copy, routed experts with capacity-factor padding (Fedus et al. 2022).
    const double f_terms = (m.gated_mlp ? 2.0 * bf16_bytes : bf16_bytes) + lin;
    const double routed = m.experts > 1 ? std::min(m.experts, m.experts_per_token) * m.capacity_factor : 0.0;
    const double visits = m.experts > 1 ? routed + m.shared_experts : 1.0;
    const double mlp = f_terms * sbf * visits / t + lin * sbh * routed / t;  // + the dispatched expert inputs
    return outside + attention + mlp;
}

memory_use memory_of(const transformer& m, const layout& l, const step_options& o, const rank_shape& r, int microbatches) {
    const double full_layer = layer_activation_bytes(m, l, o, r);
    // Full recomputation keeps each layer's input (2 s b h / t with sequence parallelism, Korthikanti
    // et al. 2022 sec. 5) and one layer's activations while it is recomputed.
    const double stored = l.recompute == recompute::full ? bf16_bytes * r.s_loc * r.b * r.h / r.t_sp : full_layer;
    const double working = l.recompute == recompute::full ? full_layer : 0.0;
    const int p = l.pp;
    memory_use best;
    for (int stage : {0, 1, p - 1}) {
        if (stage >= p || (stage == 1 && p <= 2)) continue;
        const double layers = layers_on_stage(m, p, stage);
        const stage_params sp = params_of_stage(m, l, layers, stage == 0, stage == p - 1);
        memory_use mem;
        set_state(sp, l, mem);
        mem.stage = stage;
        mem.layers = layers;
        mem.per_layer_b = stored;
        mem.in_flight = chunks_in_flight(p, l.vp, microbatches, stage) * layers / l.vp;
        mem.activations_b = mem.in_flight * stored + working;
        // FP32 logits of the micro-batch in the output layer (vocabulary-parallel cross entropy).
        mem.logits_b = stage == p - 1 ? 4.0 * r.s_loc * r.b * m.vocab / r.t : 0.0;
        mem.total_b = mem.weights_b + mem.gradients_b + mem.optimizer_b + mem.buffers_b + mem.activations_b + mem.logits_b;
        if (mem.total_b > best.total_b) best = mem;
    }
    return best;
}

}  // namespace kardashev::compute::detail
