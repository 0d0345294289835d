#include "kardashev/compute/transformer.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "step_shape.hpp"

namespace kardashev::compute {
namespace {

using detail::experts_visited;
using detail::ffn;
using detail::kv_width;
using detail::mlp_matrices;

/// Experts whose weights a layer holds [-]: 1 dense, routed plus shared for MoE.
double experts_held(const transformer& m) { return m.experts > 1 ? m.experts + m.shared_experts : 1.0; }

}  // namespace

double parameter_count(const transformer& m) {
    const double h = m.hidden;
    const double attn = 2.0 * h * h + 2.0 * h * kv_width(m);        // W_q, W_o, W_k, W_v
    const double mlp = mlp_matrices(m) * h * ffn(m) * experts_held(m);  // all experts
    return m.layers * (attn + mlp) + 2.0 * m.vocab * h;              // untied input and output embeddings
}

double active_parameter_count(const transformer& m) {
    const double h = m.hidden;
    const double attn = 2.0 * h * h + 2.0 * h * kv_width(m);
    const double mlp = mlp_matrices(m) * h * ffn(m) * experts_visited(m);
    return m.layers * (attn + mlp) + 2.0 * m.vocab * h;
}

transformer shape_for(double params, int seq) {
    if (!(params >= 1e7) || !std::isfinite(params))
        throw domain_error(fmt::format("transformer: expected at least 1e7 parameters, got {}", params));
    transformer m;
    m.seq = seq;
    m.gated_mlp = true;
    // Per layer: 2 h^2 (q, o) + 2 h (h/16) (8 kv heads of 128 at h = 16l... approximated by h/8 total)
    // + 3 h (3.5 h) = 12.75 h^2 with h = 128 l; solve l from N = 12.75 (128 l)^2 l, then round.
    const double per_l3 = 12.75 * 128.0 * 128.0;
    int layers = std::max(2, static_cast<int>(std::lround(std::cbrt(params / per_l3))));
    int hidden = 128 * layers;
    m.layers = layers;
    m.hidden = hidden;
    m.heads = hidden / 128;
    m.kv_heads = std::min(8, m.heads);
    m.ffn_hidden = static_cast<int>(std::lround(3.5 * hidden / 256.0)) * 256;
    // Rescale the width so that the count (embeddings included) lands near `params`.
    for (int it = 0; it < 3; ++it) {
        const double ratio = params / parameter_count(m);
        // Widths of 8,192 and more round to 1,024 (heads in eights, so tensor parallelism up to 8 divides them).
        const double exact = m.hidden * std::sqrt(ratio);
        const double step = exact >= 8192.0 ? 1024.0 : 128.0;
        hidden = std::max(128, static_cast<int>(std::lround(exact / step)) * static_cast<int>(step));
        m.hidden = hidden;
        m.heads = hidden / 128;
        m.kv_heads = std::min(8, m.heads);
        m.ffn_hidden = static_cast<int>(std::lround(3.5 * hidden / 256.0)) * 256;
    }
    return m;
}

double model_flop_per_token(const transformer& m) {
    const double h = m.hidden;
    const double s = m.seq;
    const double k = experts_visited(m);
    // Forward FLOP per token per layer: 2 x (weights touched) for the projections, plus 4 s h for
    // Q K^T and (softmax) V over the full sequence (Narayanan et al. 2021 sec. 5.1 counting; no
    // causal halving), then x 3 for forward + backward (Korthikanti et al. 2022 sec. 6.3).
    const double per_layer = 2.0 * (2.0 * h * h + 2.0 * h * kv_width(m)) + 4.0 * s * h + 2.0 * mlp_matrices(m) * h * ffn(m) * k;
    const double logits = 2.0 * h * m.vocab;
    return 3.0 * (m.layers * per_layer + logits);
}

}  // namespace kardashev::compute
