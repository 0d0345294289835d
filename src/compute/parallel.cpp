#include "kardashev/compute/parallel.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"
#include "step_shape.hpp"

namespace kardashev::compute {
namespace {

using namespace detail;

// NOTE: used when the catalogue gives no matmul efficiency (docs/models/compute.md, assumption).
constexpr double default_matmul_efficiency = 0.6;

/// Time [s] of one matrix product of `flop` FLOP: the size-dependent efficiency curve
/// e(F) = e_max F / (F + F_half) (saturating; the shape of Calculon's efficiency tables).
double gemm_s(double flop, double peak, double e_max, double f_half) {
    if (flop <= 0.0) return 0.0;
    const double e = e_max * flop / (flop + f_half);
    return flop / (peak * e);
}

int parse_int(std::string_view key, std::string_view value, std::string_view item) {
    int v = 0;
    const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc{} || p != value.data() + value.size() || v < 1)
        throw input_error(fmt::format("layout: expected a positive integer for {}, got \"{}\" in \"{}\"", key, value, item));
    return v;
}

std::string gb(double bytes) { return fmt::format("{:.1f} GB", bytes / 1e9); }

/// Sequences per optimizer step of `o` for `m`.
double batch_sequences(const transformer& m, const step_options& o) {
    return o.global_batch_sequences > 0.0 ? std::floor(o.global_batch_sequences) : std::floor(o.global_batch_tokens / m.seq);
}

/// Sequences per optimizer step and micro-batches per pipeline of a layout that fits.
struct batch_split {
    double sequences = 0.0;  // sequences per optimizer step
    int microbatches = 0;    // micro-batches through each pipeline per step
};

/// Throws input_error unless layout `l` uses the cluster's accelerators, divides the model and splits the
/// batch; returns the split.
batch_split check_layout(const transformer& m, const cluster& c, const layout& l, const step_options& o) {
    if (c.count < 1) throw input_error(fmt::format("training: expected at least one accelerator, got {}", c.count));
    const long ranks = layout_size(l);
    if (ranks > c.count)
        throw input_error(fmt::format("training: layout {} uses tp x pp x dp x cp = {} accelerators, the cluster has {}",
                                      to_string(l), ranks, c.count));
    if (m.layers < 1 || m.hidden < 1 || m.heads < 1 || m.seq < 1 || m.vocab < 1)
        throw input_error("training: the model needs positive layers, hidden, heads, seq and vocab");
    if (m.heads % l.tp != 0)
        throw input_error(fmt::format("training: tensor-parallel size {} does not divide the {} attention heads", l.tp, m.heads));
    if (m.hidden % m.heads != 0)
        throw input_error(fmt::format("training: {} attention heads do not divide the hidden size {}", m.heads, m.hidden));
    if (m.seq % l.cp != 0)
        throw input_error(fmt::format("training: context-parallel size {} does not divide the sequence length {}", l.cp, m.seq));
    // With pipeline parallelism the embedding and the output layer take one layer's place each (Llama 3 sec. 3.3.2).
    if (l.pp * l.vp > m.layers + (l.pp > 1 ? 2 : 0))
        throw input_error(fmt::format("training: {} pipeline stages x {} virtual stages exceed the {} layers{}", l.pp, l.vp,
                                      m.layers, l.pp > 1 ? " and the embedding and output layers" : ""));
    if (m.experts > 1 && (l.dp % l.ep != 0 || m.experts % l.ep != 0))
        throw input_error(fmt::format("training: expert-parallel size {} must divide both dp = {} and the {} experts", l.ep, l.dp, m.experts));
    if (m.experts <= 1 && l.ep != 1)
        throw input_error(fmt::format("training: expert parallelism (ep = {}) needs a mixture-of-experts model", l.ep));
    if (l.zero < 0 || l.zero > 3) throw input_error(fmt::format("training: expected ZeRO stage 0 to 3, got {}", l.zero));
    if (l.fp8 && !(c.accel.peak_flops_fp8 > 0.0))
        throw input_error(fmt::format("training: fp8 needs an FP8 peak, and the {} has none", c.accel.name));
    const double batch_seq = batch_sequences(m, o);
    // Each replica takes ceil(B / dp) sequences at most, in micro-batches of mb (the Llama 3 paper's
    // pipeline schedule runs any number of micro-batches, sec. 3.3.2); the slowest replica sets the step.
    const double per_replica = std::ceil(batch_seq / l.dp);
    if (batch_seq < static_cast<double>(l.dp) * l.micro_batch)
        throw input_error(fmt::format("training: a batch of {} sequences does not give each of dp = {} replicas a micro-batch of {}",
                                      batch_seq, l.dp, l.micro_batch));
    return {batch_seq, static_cast<int>(std::ceil(per_replica / l.micro_batch))};
}

rank_shape shape_of(const transformer& m, const cluster& c, const layout& l) {
    const accelerator& a = c.accel;
    rank_shape r;
    r.peak = l.fp8 ? a.peak_flops_fp8 : a.peak_flops_bf16;
    r.peak_bf16 = a.peak_flops_bf16;
    r.e_max = a.matmul_efficiency > 0.0 ? a.matmul_efficiency : default_matmul_efficiency;
    r.hbm_bw = a.hbm_bandwidth_bytes_per_s;
    r.t = l.tp;
    r.h = m.hidden;
    r.f = ffn(m);
    r.k = experts_visited(m);
    r.b = l.micro_batch;
    r.s = m.seq;
    r.s_loc = r.s / l.cp;
    r.tok = r.b * r.s_loc;
    r.sp = l.sequence_parallel && l.tp > 1;
    r.t_sp = r.sp ? r.t : 1.0;
    // The layers spread evenly over the stages (the Llama 3 paper sec. 3.3.2 balances an uneven split by
    // moving layers off the first and last stage).
    r.layers_stage = static_cast<double>(m.layers) / l.pp;
    return r;
}

/// Times [s] of one layer for one micro-batch on one rank.
struct layer_times {
    double fwd = 0.0;        // forward: matrix products and memory-bound kernels
    double attn_core = 0.0;  // the attention core, which selective recomputation repeats
    double tp = 0.0;         // tensor-parallel collectives, forward and backward
    double cp = 0.0;         // context-parallel all-gathers and reduce-scatters
    double ep = 0.0;         // expert-parallel all-to-alls
};

/// Forward compute of one layer (roofline per kernel).
void layer_compute(const transformer& m, const step_options& o, const rank_shape& r, int ep, layer_times& lt) {
    const double peak = r.peak;
    const double e_max = r.e_max;
    const double t = r.t;
    const double h = r.h;
    const double f = r.f;
    const double k = r.k;
    const double s = r.s;
    const double tok = r.tok;
    // Matrix products, each split over tp (Narayanan et al. 2021 sec. 2.3; Shoeybi et al. 2019):
    const double f_qkv = 2.0 * tok * h * (h + 2.0 * kv_width(m)) / t;
    const double f_attn = 4.0 * tok * s * h / t;        // Q K^T and P V against the whole sequence
    const double f_proj = 2.0 * tok * h * h / t;
    // MoE: each token visits k experts; the experts of a rank process its share of the tokens, each
    // of its E/ep routed experts in its own products (sizes as balanced routing leaves them).
    const double f_mlp = 2.0 * mlp_matrices(m) * tok * h * f * k / t;
    const double f_half = o.gemm_half_flop;
    const double mlp_gemms = mlp_matrices(m);
    const double local_experts = m.experts > 1 ? static_cast<double>(m.experts) / ep : 1.0;
    const double routed_share = m.experts > 1 ? (k - m.shared_experts) / k : 1.0;
    const double f_routed = f_mlp * routed_share;
    const double f_shared = f_mlp - f_routed;
    // The attention core runs in BF16 also under FP8 (DeepSeek-V3 report sec. 3.3.1).
    const double t_gemm = gemm_s(f_qkv, peak, e_max, f_half) + gemm_s(f_attn, r.peak_bf16, e_max, f_half) +
                          gemm_s(f_proj, peak, e_max, f_half) +
                          mlp_gemms * local_experts * gemm_s(f_routed / (mlp_gemms * local_experts), peak, e_max, f_half) +
                          mlp_gemms * gemm_s(f_shared / mlp_gemms, peak, e_max, f_half);
    // Memory-bound kernels (layer norms, residual adds, dropout, activation function): each reads
    // and writes h-wide BF16 tensors; 14 h-wide passes over the sequence-parallel shard plus three
    // f-wide passes for the activation function (assumption, docs). Without flash attention the
    // a s x s scores are written, read by softmax, written and read again (4 passes).
    const double heads_rank = m.heads / t;
    const double elem_bytes = bf16_bytes * tok * (14.0 * h / r.t_sp + 3.0 * f * k / t);
    const double score_bytes = o.flash_attention ? 0.0 : 4.0 * bf16_bytes * r.b * heads_rank * r.s_loc * s;
    const double t_elem = (elem_bytes + score_bytes) / r.hbm_bw;
    lt.attn_core = gemm_s(f_attn, r.peak_bf16, e_max, f_half) + score_bytes / r.hbm_bw;
    lt.fwd = t_gemm + t_elem;
}

/// Collectives of one layer: tensor, context and expert parallelism.
void layer_collectives(const transformer& m, const cluster& c, const layout& l, const rank_shape& r,
                       layer_times& lt) {
    // Tensor-parallel collectives per layer per micro-batch (Korthikanti et al. 2022 sec. 4.2.2):
    // with sequence parallelism 2 all-gathers + 2 reduce-scatters forward and the same backward;
    // without it 2 all-reduces forward and 2 backward. Full recomputation repeats the forward ones.
    const link tp_link = group_link(c, l.tp, 1);
    const double act_bytes = bf16_bytes * r.tok * r.h;
    const double tp_fwd = r.sp ? 2.0 * (all_gather_s(act_bytes, l.tp, tp_link) + reduce_scatter_s(act_bytes, l.tp, tp_link))
                               : 2.0 * all_reduce_s(act_bytes, l.tp, tp_link);
    lt.tp = tp_fwd * (l.recompute == recompute::full ? 3.0 : 2.0);

    // Context parallelism: all-gather K and V forward, reduce-scatter their gradients backward
    // (Llama 3 paper sec. 3.3.2, all-gather based context parallelism).
    const link cp_link = group_link(c, l.cp, l.tp);
    const double kv_bytes = 2.0 * bf16_bytes * r.b * r.s * kv_width(m) / r.t;
    lt.cp = l.cp > 1 ? all_gather_s(kv_bytes, l.cp, cp_link) * (l.recompute == recompute::full ? 2.0 : 1.0) +
                           reduce_scatter_s(kv_bytes, l.cp, cp_link)
                     : 0.0;

    // Expert parallelism: dispatch and combine all-to-alls, forward and backward (Lepikhin et al. 2020).
    const link ep_link = group_link(c, l.ep, l.tp * l.cp * l.pp);
    // Routed tokens only (shared experts stay local), padded to the capacity factor; FP8 dispatch under fp8
    // (DeepSeek-V3 report sec. 3.3.2).
    const double routed = m.experts > 1 ? std::min(m.experts, m.experts_per_token) * m.capacity_factor : 0.0;
    const double a2a_bytes = (l.fp8 ? 1.0 : bf16_bytes) * r.tok * r.h * routed / r.t_sp;
    lt.ep = (m.experts > 1 && l.ep > 1) ? 4.0 * all_to_all_s(a2a_bytes, l.ep, ep_link) : 0.0;
}

/// Times [s] of one micro-batch through one stage and their per-layer parts.
struct micro_times {
    double compute_layer = 0.0;     // forward + backward + recomputation of one layer
    double recompute_layer = 0.0;   // recomputation of one layer
    double tp_exposed_layer = 0.0;  // tensor-parallel time of one layer not hidden behind compute
    double logit = 0.0;             // output layer and loss, forward and backward
    double pp = 0.0;                // pipeline sends
    double total = 0.0;             // the whole micro-batch through the stage
};

micro_times micro_of(const transformer& m, const cluster& c, const layout& l, const step_options& o,
                     const rank_shape& r, const layer_times& lt) {
    micro_times mt;
    mt.recompute_layer = l.recompute == recompute::full ? lt.fwd
                         : l.recompute == recompute::selective ? lt.attn_core
                                                               : 0.0;
    // Backward = 2 x forward for matrix products and memory-bound kernels (Narayanan et al. 2021 sec. 5.1).
    mt.compute_layer = 3.0 * lt.fwd + mt.recompute_layer;
    // The output layer and loss: on the last stage (logits 2 b s h V / t forward, x3 with backward).
    const double f_logit = 2.0 * r.tok * r.h * m.vocab / r.t;
    mt.logit = 3.0 * gemm_s(f_logit, r.peak, r.e_max, o.gemm_half_flop);
    mt.tp_exposed_layer = lt.tp * (1.0 - std::clamp(o.tp_overlap, 0.0, 1.0));
    // Pipeline sends: one activation tensor per virtual-stage boundary forward and one gradient backward.
    const link pp_link = group_link(c, l.pp, l.tp * l.cp);
    const double act_bytes = bf16_bytes * r.tok * r.h;
    mt.pp = l.pp > 1 ? 2.0 * l.vp * p2p_s(act_bytes / r.t_sp, pp_link) : 0.0;
    mt.total = r.layers_stage * (mt.compute_layer + mt.tp_exposed_layer + lt.cp + lt.ep) + mt.logit + mt.pp;
    return mt;
}

/// Parameters on one rank of the busiest stage: its layers plus one embedding (both with one stage).
double params_per_rank(const transformer& m, const layout& l, const rank_shape& r) {
    const double embeddings = (l.pp == 1 ? 2.0 : 1.0) * m.vocab * r.h / r.t;
    return r.layers_stage * layer_params_per_rank(m, l) + embeddings;
}

/// Data-parallel communication of one step [s]: all of it and what overlap leaves exposed.
struct dp_times {
    double total_s = 0.0;
    double exposed_s = 0.0;
};

/// Gradients all-reduced (ZeRO-0), or reduce-scattered and the updated parameters all-gathered (ZeRO-1,
/// Megatron-LM's distributed optimizer), BF16 on the wire, overlapping the last micro-batch's backward
/// pass when overlap_dp (Narayanan et al. 2021 sec. 4; Llama 3 paper sec. 3.3.2). ZeRO-2 keeps only its
/// gradient shard, so each micro-batch reduce-scatters its gradients during its backward pass (2/3 of
/// it); ZeRO-3 also all-gathers the stage's weights for each micro-batch's forward and backward pass,
/// prefetched behind its compute (Rajbhandari et al. 2020 sec. 7).
dp_times dp_of(const cluster& c, const layout& l, const step_options& o, double params_rank, double micro_s, int m_micro) {
    const link dp_link = group_link(c, l.dp, l.tp * l.cp * l.pp);
    const double bytes = bf16_bytes * params_rank;
    const double rs = reduce_scatter_s(bytes, l.dp, dp_link);
    const double ag = all_gather_s(bytes, l.dp, dp_link);
    const double window = o.overlap_dp ? micro_s : 0.0;
    dp_times out;
    if (l.zero == 0) {
        out.total_s = all_reduce_s(bytes, l.dp, dp_link);
        out.exposed_s = std::max(0.0, out.total_s - window);
    } else if (l.zero == 1) {
        out.total_s = rs + ag;
        out.exposed_s = std::max(0.0, out.total_s - window);
    } else {
        const double per_micro = rs + (l.zero == 3 ? 2.0 * ag : 0.0);
        const double micro_window = l.zero == 3 ? window : window * 2.0 / 3.0;
        out.total_s = m_micro * per_micro + ag;
        out.exposed_s = m_micro * std::max(0.0, per_micro - micro_window) + std::max(0.0, ag - window);
    }
    return out;
}

/// The splits of one replica the search tries besides pp: tp a power of two up to the scale-up size
/// dividing the heads; cp 1-16 dividing the sequence when it is 16k tokens or longer (the Llama 3
/// paper's long-context stage, sec. 3.3.2); ep a power of two dividing the experts (MoE only).
std::vector<layout> model_splits(const transformer& m, const cluster& c) {
    std::vector<layout> out;
    const int cp_max = m.seq >= 16'384 ? 16 : 1;
    const int ep_max = m.experts > 1 ? m.experts : 1;
    for (int tp = 1; tp <= std::max(1, c.scale_up_size) && tp <= c.count; tp *= 2) {
        if (m.heads % tp != 0) continue;
        for (int cp = 1; cp <= cp_max; cp *= 2) {
            if (m.seq % cp != 0) continue;
            for (int ep = 1; ep <= ep_max; ep *= 2) {
                if (m.experts > 1 && m.experts % ep != 0) continue;
                layout l;
                l.tp = tp;
                l.cp = cp;
                l.ep = ep;
                out.push_back(l);
            }
        }
    }
    return out;
}

/// Fills the FLOP counts and utilisations of a step whose time is set.
void set_flops(const transformer& m, const cluster& c, const layout& l, const rank_shape& r, double batch_seq,
               step_breakdown& out) {
    const double tokens_step = batch_seq * r.s;
    out.model_flop = tokens_step * model_flop_per_token(m);
    const double recompute_flop_per_token =
        l.recompute == recompute::full ? model_flop_per_token(m) / 3.0 - 2.0 * r.h * m.vocab
        : l.recompute == recompute::selective ? m.layers * 4.0 * r.s * r.h
                                              : 0.0;
    out.hardware_flop = out.model_flop + tokens_step * recompute_flop_per_token;
    const int used = static_cast<int>(layout_size(l));
    out.accelerators = used;
    const double cluster_peak = used * c.accel.peak_flops_bf16;
    out.mfu = out.model_flop / (cluster_peak * out.step_s);
    out.hfu = out.hardware_flop / (cluster_peak * out.step_s);
    out.tokens_per_s = tokens_step / out.step_s;
}

}  // namespace

const char* to_string(recompute r) {
    switch (r) {
        case recompute::none: return "none";
        case recompute::selective: return "selective";
        case recompute::full: return "full";
    }
    return "selective";
}

std::string to_string(const layout& l) {
    std::string s = fmt::format("tp={},pp={},dp={}", l.tp, l.pp, l.dp);
    if (l.cp != 1) s += fmt::format(",cp={}", l.cp);
    if (l.ep != 1) s += fmt::format(",ep={}", l.ep);
    if (l.vp != 1) s += fmt::format(",vp={}", l.vp);
    if (l.micro_batch != 1) s += fmt::format(",mb={}", l.micro_batch);
    if (l.recompute != recompute::selective) s += fmt::format(",recompute={}", to_string(l.recompute));
    if (!l.sequence_parallel) s += ",sp=0";
    if (l.zero != 1) s += fmt::format(",zero={}", l.zero);
    if (l.fp8) s += ",fp8=1";
    return s;
}

long layout_size(const layout& l) { return static_cast<long>(l.tp) * l.cp * l.pp * l.dp; }

layout parse_layout(std::string_view text) {
    layout l;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t comma = std::min(text.find(',', pos), text.size());
        const std::string_view item = text.substr(pos, comma - pos);
        pos = comma + 1;
        if (item.empty()) {
            if (comma >= text.size()) break;
            continue;
        }
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            throw input_error(fmt::format("layout: expected key=value, got \"{}\"", item));
        const std::string_view key = item.substr(0, eq);
        const std::string_view value = item.substr(eq + 1);
        if (key == "tp") l.tp = parse_int(key, value, item);
        else if (key == "pp") l.pp = parse_int(key, value, item);
        else if (key == "dp") l.dp = parse_int(key, value, item);
        else if (key == "cp") l.cp = parse_int(key, value, item);
        else if (key == "ep") l.ep = parse_int(key, value, item);
        else if (key == "vp") l.vp = parse_int(key, value, item);
        else if (key == "mb") l.micro_batch = parse_int(key, value, item);
        else if (key == "zero") {
            if (value.size() != 1 || value[0] < '0' || value[0] > '3')
                throw input_error(fmt::format("layout: expected 0, 1, 2 or 3 for zero, got \"{}\"", value));
            l.zero = value[0] - '0';
        } else if (key == "fp8") {
            if (value != "0" && value != "1")
                throw input_error(fmt::format("layout: expected 0 or 1 for fp8, got \"{}\"", value));
            l.fp8 = value == "1";
        } else if (key == "sp") {
            if (value != "0" && value != "1")
                throw input_error(fmt::format("layout: expected 0 or 1 for sp, got \"{}\"", value));
            l.sequence_parallel = value == "1";
        } else if (key == "recompute") {
            if (value == "none") l.recompute = recompute::none;
            else if (value == "selective") l.recompute = recompute::selective;
            else if (value == "full") l.recompute = recompute::full;
            else throw input_error(fmt::format("layout: expected none, selective or full for recompute, got \"{}\"", value));
        } else {
            throw input_error(fmt::format("layout: unknown key \"{}\"; known: tp, pp, dp, cp, ep, vp, mb, sp, recompute, zero, fp8", key));
        }
        if (comma >= text.size()) break;
    }
    return l;
}

step_breakdown training_step(const transformer& m, const cluster& c, const layout& l, const step_options& o) {
    const batch_split split = check_layout(m, c, l, o);
    const int m_micro = split.microbatches;
    const rank_shape r = shape_of(m, c, l);
    layer_times lt;
    layer_compute(m, o, r, l.ep, lt);
    layer_collectives(m, c, l, r, lt);
    const micro_times mt = micro_of(m, c, l, o, r, lt);

    // Pipeline: m micro-batches in steady state plus a bubble of (p-1)/v micro-batch times
    // (Narayanan et al. 2021 eq. 2 and sec. 2.2.2: bubble fraction (p-1)/(v m)).
    const double steady_s = m_micro * mt.total;
    const double bubble_s = (l.pp - 1.0) / l.vp * mt.total;

    const double params_rank = params_per_rank(m, l, r);
    const dp_times dp = dp_of(c, l, o, params_rank, mt.total, m_micro);

    // Optimizer: Adam reads and writes FP32 master weights, two moments and the FP32 gradient
    // (4 x 4 B read, 3 x 4 B + 2 B written) over the shard it owns.
    const double opt_params = l.zero >= 1 ? params_rank / l.dp : params_rank;
    const double optimizer_s = opt_params * 30.0 / r.hbm_bw;

    const double layers_stage = r.layers_stage;
    step_breakdown out;
    out.microbatches = m_micro;
    out.compute_s = m_micro * (layers_stage * mt.compute_layer + mt.logit);
    out.recompute_s = m_micro * layers_stage * mt.recompute_layer;
    out.tp_comm_s = m_micro * layers_stage * lt.tp;
    out.tp_exposed_s = m_micro * layers_stage * mt.tp_exposed_layer;
    out.cp_comm_s = m_micro * layers_stage * lt.cp;
    out.ep_comm_s = m_micro * layers_stage * lt.ep;
    out.pp_comm_s = m_micro * mt.pp;
    out.dp_comm_s = dp.total_s;
    out.dp_exposed_s = dp.exposed_s;
    out.bubble_s = bubble_s;
    out.optimizer_s = optimizer_s;
    out.step_s = steady_s + bubble_s + dp.exposed_s + optimizer_s;
    set_flops(m, c, l, r, split.sequences, out);

    const memory_use mem = memory_of(m, l, o, r, m_micro);
    out.memory = mem;
    const accelerator& a = c.accel;
    if (o.check_memory && mem.total_b > a.hbm_bytes)
        throw input_error(fmt::format(
            "training: layout {} needs {} per accelerator on stage {} (weights {}, gradients {}, optimizer {}, "
            "ZeRO buffers {}, activations {}, logits {}), the {} has {}",
            to_string(l), gb(mem.total_b), mem.stage, gb(mem.weights_b), gb(mem.gradients_b), gb(mem.optimizer_b),
            gb(mem.buffers_b), gb(mem.activations_b), gb(mem.logits_b), a.name, gb(a.hbm_bytes)));
    return out;
}

layout_search search_layout(const transformer& m, const cluster& c, const step_options& o) {
    if (c.count < 1) throw input_error(fmt::format("training: expected at least one accelerator, got {}", c.count));
    layout_search best;
    bool found = false;
    const auto consider = [&](const layout& l) {
        try {
            const step_breakdown st = training_step(m, c, l, o);
            ++best.evaluated;
            // Fastest tokens per second; among equals the one with fewer accelerators.
            if (!found || st.tokens_per_s > best.step.tokens_per_s * (1.0 + 1e-12)) {
                best.best = l;
                best.step = st;
                found = true;
            }
        } catch (const input_error&) {
            // does not fit or does not split: not a candidate
        }
    };
    const double batch = batch_sequences(m, o);
    for (const layout& shape : model_splits(m, c)) {
        for (int pp = 1; pp <= std::min(m.layers, 128); ++pp) {
            const long model_ranks = static_cast<long>(shape.tp) * shape.cp * pp;
            if (model_ranks > c.count) break;
            for (int mb : {1, 2, 4}) {
                // dp as large as the cluster and the batch allow, a multiple of ep.
                long dp = std::min<long>(c.count / model_ranks, static_cast<long>(batch / mb));
                dp -= dp % shape.ep;
                if (dp < 1) continue;
                for (int vp : {1, 2, 4, 8}) {
                    if ((vp > 1 && pp == 1) || pp * vp > m.layers + 2) break;
                    for (recompute rc : {recompute::none, recompute::selective, recompute::full}) {
                        for (int zero : {1, 2, 3}) {
                            layout l = shape;
                            l.pp = pp;
                            l.dp = static_cast<int>(dp);
                            l.vp = vp;
                            l.micro_batch = mb;
                            l.recompute = rc;
                            l.zero = zero;
                            consider(l);
                        }
                    }
                }
            }
        }
    }
    if (!found)
        throw input_error(fmt::format("training: no layout of {} {} fits the model in memory and splits its batch",
                                      c.count, c.accel.name));
    best.spares = c.count - best.step.accelerators;
    return best;
}

}  // namespace kardashev::compute
