#include "kardashev/compute/inference.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "step_shape.hpp"

namespace kardashev::compute {

double kv_cache_bytes_per_token(const transformer& m, double bytes_per_value) {
    // Plain and grouped-query attention cache a key and a value of width h_kv per layer (Pope et al. 2022 sec. 3.1;
    // Ainslie et al. 2023). Multi-head latent attention caches only the compressed latent c_t^KV (d_c) and the
    // decoupled RoPE key k_t^R (d_h^R) per layer, (d_c + d_h^R) l values per token (DeepSeek-V2, Liu et al. 2024,
    // arXiv:2405.04434, sec. 2.1.2-2.1.3 and table 1; DeepSeek-V3 sec. 2.1.1: d_c = 512, d_h^R = 64, 61 layers).
    const double per_layer = m.kv_cache_width > 0 ? static_cast<double>(m.kv_cache_width) : 2.0 * detail::kv_width(m);
    return m.layers * per_layer * bytes_per_value;
}

double expected_experts_read(const transformer& m, int tokens) {
    if (m.experts <= 1) return 1.0;
    const double e = m.experts;
    const double k = std::min(m.experts, m.experts_per_token);
    // Occupancy under uniform, independent top-k routing: each token leaves a given routed expert unvisited with
    // probability 1 - k/E, so E (1 - (1 - k/E)^B) routed experts are visited by B tokens (Feller 1968, vol. 1,
    // ch. II.11, occupancy); shared experts are always read (DeepSeekMoE, Dai et al. 2024).
    return e * (1.0 - std::pow(1.0 - k / e, tokens)) + m.shared_experts;
}

double decode_weight_bytes(const transformer& m, int tokens, double bytes_per_param) {
    const double n_total = parameter_count(m);
    if (m.experts <= 1) return n_total * bytes_per_param;
    // One routed or shared expert's MLP over all layers: l k_mlp h f (C-23); a step reads only the experts its
    // batch visits (Pope et al. 2022 sec. 3.1 count bytes read per step; the visited set from expected_experts_read).
    const double per_expert = m.layers * detail::mlp_matrices(m) * m.hidden * detail::ffn(m);
    const double held = m.experts + m.shared_experts;
    return (n_total - per_expert * (held - expected_experts_read(m, tokens))) * bytes_per_param;
}

inference_result inference_throughput(const transformer& m, const accelerator& a, const inference_setup& s) {
    if (s.tp < 1 || s.batch < 1 || s.context < 1)
        throw input_error(fmt::format("inference: expected positive tp, batch and context, got {}, {}, {}", s.tp, s.batch, s.context));
    if (m.heads % s.tp != 0)
        throw input_error(fmt::format("inference: tensor-parallel size {} does not divide the {} attention heads", s.tp, m.heads));
    const double e = a.matmul_efficiency > 0.0 ? a.matmul_efficiency : 0.6;
    const double peak = s.fp8_matmul && a.peak_flops_fp8 > 0.0 ? a.peak_flops_fp8 : a.peak_flops_bf16;
    const double achievable = peak * e;
    const double n_active = active_parameter_count(m);
    const double n_total = parameter_count(m);
    // Prefill is compute-bound: 2 N_active FLOP per token for the weights plus 4 l s h for attention
    // over the context (Kaplan et al. 2020 table 1, forward pass).
    const double prefill_flop = 2.0 * n_active + 4.0 * m.layers * static_cast<double>(s.context) * m.hidden;
    inference_result r;
    r.prefill_tokens_per_s = achievable / prefill_flop;
    // Decode: every step reads all weights of the replica and the batch's KV cache (kv_cache_bytes_per_token per token
    // of context) once; FLOP 2 N_active per token (Pope et al. 2022 sec. 3.1).
    const double weight_bytes = decode_weight_bytes(m, s.batch, s.weight_bytes_per_param);
    const double kv_bytes = static_cast<double>(s.batch) * s.context * kv_cache_bytes_per_token(m, s.kv_bytes_per_value);
    const double replica_bw = s.tp * a.hbm_bandwidth_bytes_per_s;
    const double t_mem = (weight_bytes + kv_bytes) / replica_bw;
    const double t_flop = s.batch * prefill_flop / (s.tp * achievable);
    r.decode_step_s = std::max(t_mem, t_flop);  // roofline: Williams et al. 2009
    r.decode_memory_bound = t_mem >= t_flop;
    r.decode_tokens_per_s = s.batch / r.decode_step_s / s.tp;
    r.memory_bytes = (n_total * s.weight_bytes_per_param + kv_bytes) / s.tp;  // every expert is held
    if (r.memory_bytes > a.hbm_bytes)
        throw input_error(fmt::format("inference: weights and KV cache need {:.1f} GB per accelerator, the {} has {:.1f} GB",
                                      r.memory_bytes / 1e9, a.name, a.hbm_bytes / 1e9));
    return r;
}

double serving_tokens_per_s(const transformer& m, const accelerator& a, const inference_setup& s, const serving_workload& w) {
    if (!(w.output_tokens > 0.0) || !(w.input_tokens >= 0.0))
        throw input_error(fmt::format("serving: expected a positive answer and a non-negative prompt, got {} and {} tokens",
                                      w.output_tokens, w.input_tokens));
    const auto r = inference_throughput(m, a, s);
    // One accelerator alternates prefill and decode (or a pool splits them in this ratio): time per output
    // token = decode time + the prompt tokens it carries at the prefill rate (Pope et al. 2022 sec. 2).
    const double s_per_output = 1.0 / r.decode_tokens_per_s + (w.input_tokens / w.output_tokens) / r.prefill_tokens_per_s;
    return 1.0 / s_per_output;
}

double serving_accelerator_seconds(double output_tokens, double tokens_per_s_per_accelerator) {
    if (!(tokens_per_s_per_accelerator > 0.0))
        throw input_error(fmt::format("serving: expected a positive throughput, got {} tokens/s", tokens_per_s_per_accelerator));
    return output_tokens / tokens_per_s_per_accelerator;
}

}  // namespace kardashev::compute
