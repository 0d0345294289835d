#pragma once
/// Inference throughput of a transformer on an accelerator: compute-bound prefill and
/// memory-bound decode (roofline; Williams, Waterman & Patterson 2009; Pope et al. 2022).

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/compute/transformer.hpp"

namespace kardashev::compute {

/// Serving setup. Plain value type.
struct inference_setup {
    int tp = 1;                 //!< accelerators holding one replica
    int batch = 1;              //!< [sequences] decoded together
    int context = 4096;         //!< [tokens] average context held in the KV cache
    double weight_bytes_per_param = 2.0;  //!< [B] BF16 2, FP8 1
    double kv_bytes_per_value = 2.0;      //!< [B]
    bool fp8_matmul = false;              //!< matrix products at the FP8 peak (peak_flops_fp8; BF16 where the part has none)
    bool operator==(const inference_setup&) const = default;
};

/// Inference throughput per accelerator.
struct inference_result {
    double prefill_tokens_per_s = 0.0;  //!< [tokens/s] per accelerator, compute-bound
    double decode_tokens_per_s = 0.0;   //!< [tokens/s] per accelerator at the batch
    double decode_step_s = 0.0;         //!< [s] one decode step of the batch
    bool decode_memory_bound = false;   //!< the decode step is set by HBM bandwidth
    double memory_bytes = 0.0;          //!< [B] weights + KV cache per accelerator
};

/// KV-cache bytes [B] one token of context holds over all layers: l x the values cached per token per layer x
/// bytes per value; the cached values are 2 h_kv (keys and values, grouped-query attention) or, with
/// transformer::kv_cache_width set, that width (multi-head latent attention: d_c + d_h^R).
double kv_cache_bytes_per_token(const transformer& m, double bytes_per_value);

/// Routed plus shared experts [-] a decode step of `tokens` tokens reads per layer, in expectation under uniform,
/// independent top-k routing: E (1 - (1 - k/E)^tokens) + E_shared; 1 for a dense model.
double expected_experts_read(const transformer& m, int tokens);
/// Weight bytes [B] one decode step of `tokens` tokens reads: all but the experts no token visits.
double decode_weight_bytes(const transformer& m, int tokens, double bytes_per_param);

/// Prefill: 2 N_active + 4 l s h FLOP per token at peak x matmul efficiency; decode step:
/// max(bytes moved / HBM bandwidth, FLOP / achievable FLOP/s), bytes = the weights the batch visits
/// (decode_weight_bytes) + KV cache (kv_cache_bytes_per_token per token of context). The replica's KV cache is spread
/// evenly over its tp accelerators (heads split for plain attention; sequences split for latent attention, whose one
/// latent serves all heads).
/// Throws input_error when weights and KV cache do not fit in tp accelerators' HBM.
inference_result inference_throughput(const transformer& m, const accelerator& a, const inference_setup& s);

/// A serving workload: the mean request's prompt and answer. Plain value type.
struct serving_workload {
    double input_tokens = 1000.0;   //!< [tokens] prompt per request (prefilled)
    double output_tokens = 1000.0;  //!< [tokens] answer per request (decoded)
    bool operator==(const serving_workload&) const = default;
};

/// Output tokens per second per accelerator serving `w`: each output token costs one decode share and
/// input/output prefill tokens, 1 / (1/decode + (in/out)/prefill). Throws input_error for a workload
/// without output tokens, and where inference_throughput throws.
double serving_tokens_per_s(const transformer& m, const accelerator& a, const inference_setup& s, const serving_workload& w);

/// Accelerator-seconds [s] to serve `output_tokens` of workload `w` (the inverse of serving_tokens_per_s).
double serving_accelerator_seconds(double output_tokens, double tokens_per_s_per_accelerator);

}  // namespace kardashev::compute
