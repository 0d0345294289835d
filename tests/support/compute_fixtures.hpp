#pragma once
// Test fixtures of the compute layer: an H100 as the catalogue gives it, the Llama 2/3 70B and DeepSeek-V3 shapes, and a made-up
// round-figure part for engine tests.

#include "kardashev/compute/accelerator.hpp"
#include "kardashev/compute/transformer.hpp"

namespace kardashev::testing {

/// H100 SXM: dense BF16 peak, HBM3, an 8-GPU NVLink domain and a 400 Gbps NIC (data/catalog/accelerators.yaml).
inline compute::accelerator h100() {
    compute::accelerator a;
    a.name = "H100";
    a.peak_flops_bf16 = 989.4e12;
    a.hbm_bytes = 80e9;
    a.hbm_bandwidth_bytes_per_s = 3.35e12;
    a.scale_up_size = 8;
    a.scale_up_bandwidth_bytes_per_s = 450e9;
    a.scale_out_bandwidth_bytes_per_s = 50e9;
    a.matmul_efficiency = 0.57;
    return a;
}

/// DeepSeek-V3's shape (its technical report, arXiv:2412.19437, Table and section 4.2): 61 layers, width 7168, 128
/// heads, 256 routed experts of width 2048 with 8 routed per token and 1 shared, a 129,280-token vocabulary, 4k
/// sequences. Its multi-head latent attention's parameters are counted as plain attention's (c8_deepseek_v3_test says
/// how much); its KV cache is the latent's: d_c = 512 plus the decoupled RoPE key d_h^R = 64 values per token per layer
/// (sec. 2.1.1; DeepSeek-V2, arXiv:2405.04434, sec. 2.1.2-2.1.3).
inline compute::transformer model_deepseek_v3() {
    compute::transformer m;
    m.layers = 61;
    m.hidden = 7168;
    m.heads = 128;
    m.kv_heads = 128;
    m.kv_cache_width = 512 + 64;
    m.ffn_hidden = 2048;
    m.experts = 256;
    m.experts_per_token = 8;
    m.shared_experts = 1;
    m.vocab = 129'280;
    m.seq = 4096;
    return m;
}

/// The 70B shape of Llama 2/3: 80 layers, width 8192, 64 heads with 8 KV heads, gated MLP of 28,672, 8k sequences.
inline compute::transformer model_70b() {
    compute::transformer m;
    m.layers = 80;
    m.hidden = 8192;
    m.heads = 64;
    m.kv_heads = 8;
    m.ffn_hidden = 28'672;
    m.seq = 8192;
    return m;
}

/// "T1", a made-up part with round figures for engine tests (hand sums stay easy): 1 PFLOP/s BF16, 80 GB at
/// 3 TB/s, 700 W (1 kW all-in), 20,000 USD.
inline compute::accelerator test_accelerator() {
    compute::accelerator a;
    a.name = "T1";
    a.peak_flops_bf16 = 1e15;
    a.hbm_bytes = 80e9;
    a.hbm_bandwidth_bytes_per_s = 3e12;
    a.power_w = 700;
    a.all_in_power_w = 1000;
    a.price_usd = 20'000;
    return a;
}

}  // namespace kardashev::testing
