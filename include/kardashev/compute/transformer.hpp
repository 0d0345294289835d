#pragma once
/// Shape of a decoder-only transformer (dense, or mixture-of-experts in its MLP blocks).

namespace kardashev::compute {

/// A decoder-only transformer. Plain value type.
struct transformer {
    int layers = 0;             //!< [-] transformer blocks (l)
    int hidden = 0;             //!< [-] model width (h)
    int heads = 0;              //!< [-] attention heads (a)
    int kv_heads = 0;           //!< [-] key/value heads (grouped-query attention); 0 means heads
    int kv_cache_width = 0;     //!< [-] values cached per token per layer; 0 means 2 h_kv (keys and values). Multi-head
                                //!< latent attention caches its latent and decoupled RoPE key, d_c + d_h^R (DeepSeek-V2 sec. 2.1.2-2.1.3)
    int ffn_hidden = 0;         //!< [-] MLP width (f); 0 means 4 h
    bool gated_mlp = true;      //!< SwiGLU (three matrices) rather than GeLU (two)
    int vocab = 128'256;        //!< [-] vocabulary (V)
    int seq = 8192;             //!< [-] training sequence length (s)
    int experts = 1;            //!< [-] MLP experts per layer (1: dense)
    int experts_per_token = 1;  //!< [-] routed experts each token visits (top-k)
    int shared_experts = 0;     //!< [-] experts every token visits besides the routed ones (DeepSeekMoE; MoE only)
    double capacity_factor = 1.0;  //!< [-] expert buffer size / the balanced share of tokens (Fedus et al. 2022; MoE only)
    bool dropout = false;       //!< dropout in attention and after each block (GPT-3, Megatron GPT); Llama-era models have none
    bool operator==(const transformer&) const = default;
};

/// Parameter count [-] of `m`: l (2 h^2 + 2 h h_kv + (e + e_shared) k_mlp h f) + 2 V h (untied embeddings).
double parameter_count(const transformer& m);
/// Parameters a token activates [-] (equal to parameter_count for a dense model).
double active_parameter_count(const transformer& m);
/// A dense shape with about `params` parameters at sequence length `seq`: width 128 l (rounded to 1,024 from 8,192)
/// (Kaplan et al. 2020 sec. 3.2: loss is flat for aspect ratios 50-200), 128-wide heads, SwiGLU
/// with f = 3.5 h, 8 key/value heads. Throws domain_error for params < 1e7.
transformer shape_for(double params, int seq);
/// Model FLOP per token of one training step [FLOP] (forward + backward, no recomputation):
/// Korthikanti et al. 2022 eq. (model FLOPs 72 B s l h^2 (1 + s/6h + V/12hl) for GPT shapes),
/// generalised to grouped-query attention, SwiGLU and experts.
double model_flop_per_token(const transformer& m);

}  // namespace kardashev::compute
