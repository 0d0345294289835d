#include "kardashev/compute/parallel.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kardashev/core/error.hpp"

namespace kardashev::compute {
namespace {

constexpr double bf16_bytes = 2.0;
// NOTE: used when the catalogue gives no matmul efficiency (docs/models/compute.md, assumption).
constexpr double default_matmul_efficiency = 0.6;

double kv_width(const transformer& m) {
    const int kv = m.kv_heads > 0 ? m.kv_heads : m.heads;
    return static_cast<double>(kv) * m.hidden / m.heads;
}
double ffn(const transformer& m) { return m.ffn_hidden > 0 ? m.ffn_hidden : 4.0 * m.hidden; }
double mlp_matrices(const transformer& m) { return m.gated_mlp ? 3.0 : 2.0; }

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

/// Sequences per optimizer step and micro-batches per pipeline of a layout that fits.
struct batch_split {
    double sequences = 0.0;  // sequences per optimizer step
    int microbatches = 0;    // micro-batches through each pipeline per step
};

/// Throws input_error unless layout `l` uses the cluster's accelerators, divides the model and splits the
/// batch; returns the split.
batch_split check_layout(const transformer& m, const cluster& c, const layout& l, const step_options& o) {
    if (c.count < 1) throw input_error(fmt::format("training: expected at least one accelerator, got {}", c.count));
    const long ranks = static_cast<long>(l.tp) * l.pp * l.dp * l.cp;
    if (ranks != c.count)
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
    if (l.pp * l.vp > m.layers)
        throw input_error(fmt::format("training: {} pipeline stages x {} virtual stages exceed the {} layers", l.pp, l.vp, m.layers));
    if (m.experts > 1 && (l.dp % l.ep != 0 || m.experts % l.ep != 0))
        throw input_error(fmt::format("training: expert-parallel size {} must divide both dp = {} and the {} experts", l.ep, l.dp, m.experts));
    const double batch_seq = std::floor(o.global_batch_tokens / m.seq);
    const double per_pipeline = batch_seq / l.dp;
    if (batch_seq < 1.0 || per_pipeline < l.micro_batch || std::fmod(per_pipeline, l.micro_batch) != 0.0 ||
        std::fmod(batch_seq, l.dp) != 0.0)
        throw input_error(fmt::format("training: a batch of {} sequences does not split into dp = {} replicas of micro-batches of {}",
                                      batch_seq, l.dp, l.micro_batch));
    return {batch_seq, static_cast<int>(per_pipeline / l.micro_batch)};
}

/// The accelerator and the sizes one rank works on, shared by the parts of a step.
struct rank_shape {
    double peak = 0.0;          // [FLOP/s] BF16 peak of one accelerator
    double e_max = 0.0;         // [-] matrix-product efficiency of large products
    double hbm_bw = 0.0;        // [B/s] HBM bandwidth
    double t = 1.0;             // tensor-parallel size
    double h = 0.0;             // hidden size
    double f = 0.0;             // MLP hidden size
    double k = 0.0;             // experts each token visits
    double b = 0.0;             // sequences per micro-batch
    double s = 0.0;             // tokens per sequence
    double s_loc = 0.0;         // tokens of a sequence on one context-parallel rank
    double tok = 0.0;           // tokens of one micro-batch on one rank
    bool sp = false;            // sequence parallelism in effect
    double t_sp = 1.0;          // t with sequence parallelism, else 1
    double layers_stage = 0.0;  // layers per pipeline stage
};

rank_shape shape_of(const transformer& m, const cluster& c, const layout& l) {
    const accelerator& a = c.accel;
    rank_shape r;
    r.peak = a.peak_flops_bf16;
    r.e_max = a.matmul_efficiency > 0.0 ? a.matmul_efficiency : default_matmul_efficiency;
    r.hbm_bw = a.hbm_bandwidth_bytes_per_s;
    r.t = l.tp;
    r.h = m.hidden;
    r.f = ffn(m);
    r.k = std::min(m.experts, m.experts_per_token);
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
void layer_compute(const transformer& m, const step_options& o, const rank_shape& r, layer_times& lt) {
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
    // MoE: each token visits k experts; the experts of a rank process its share of the tokens.
    const double f_mlp = 2.0 * mlp_matrices(m) * tok * h * f * k / t;
    const double f_half = o.gemm_half_flop;
    const double mlp_gemms = mlp_matrices(m);
    const double t_gemm = gemm_s(f_qkv, peak, e_max, f_half) + gemm_s(f_attn, peak, e_max, f_half) +
                          gemm_s(f_proj, peak, e_max, f_half) +
                          mlp_gemms * gemm_s(f_mlp / mlp_gemms, peak, e_max, f_half);
    // Memory-bound kernels (layer norms, residual adds, dropout, activation function): each reads
    // and writes h-wide BF16 tensors; 14 h-wide passes over the sequence-parallel shard plus three
    // f-wide passes for the activation function (assumption, docs). Without flash attention the
    // a s x s scores are written, read by softmax, written and read again (4 passes).
    const double heads_rank = m.heads / t;
    const double elem_bytes = bf16_bytes * tok * (14.0 * h / r.t_sp + 3.0 * f * k / t);
    const double score_bytes = o.flash_attention ? 0.0 : 4.0 * bf16_bytes * r.b * heads_rank * r.s_loc * s;
    const double t_elem = (elem_bytes + score_bytes) / r.hbm_bw;
    lt.attn_core = gemm_s(f_attn, peak, e_max, f_half) + score_bytes / r.hbm_bw;
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
    const double a2a_bytes = bf16_bytes * r.tok * r.h * r.k / r.t_sp;
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

/// Parameters on one rank of the busiest stage: its layers plus one embedding (both with one stage),
/// split over tp, experts split over ep.
double params_per_rank(const transformer& m, const layout& l, const rank_shape& r) {
    const double h = r.h;
    const double n_total = parameter_count(m);
    const double dense_part = n_total - m.layers * mlp_matrices(m) * h * r.f * m.experts;
    const double expert_part = n_total - dense_part;
    const double stage_share = r.layers_stage / m.layers;
    const double embeddings = (l.pp == 1 ? 2.0 : 1.0) * m.vocab * h;
    return (stage_share * (dense_part - 2.0 * m.vocab * h) + embeddings) / r.t +
           stage_share * expert_part / (r.t * (m.experts > 1 ? l.ep : 1));
}

/// Memory on one rank of the busiest stage.
memory_use memory_of(const transformer& m, const layout& l, const step_options& o, const rank_shape& r,
                     double params_rank, int m_micro) {
    // Weights 2 B, gradients 4 B, optimizer 12 B per parameter; with the distributed optimizer the
    // 12 B are sharded over dp (Megatron-LM theoretical_memory_usage.py: 18 B/param, or 6 + 12/dp;
    // Rajbhandari et al. 2020 ZeRO stage 1).
    memory_use mem;
    mem.weights_b = 2.0 * params_rank;
    mem.gradients_b = 4.0 * params_rank;
    mem.optimizer_b = 12.0 * params_rank / (l.distributed_optimizer ? l.dp : 1);
    // Activations per layer per micro-batch (Korthikanti et al. 2022 eq. 2-6 and sec. 5; the MLP
    // term 4 f/h as in Megatron-LM's 18 + 4 f/h, 6 f/h for a gated MLP's extra projection):
    //   none:      s b h (18 + c_f) + 5 a s^2 b   (scores only without flash attention)
    //   selective: s b h (18 + c_f)
    //   full:      2 s b h (the layer input)
    // each divided by t with sequence parallelism (else the 10 s b h outside the tp region stays whole).
    const double t = r.t;
    const double c_f = (m.gated_mlp ? 6.0 : 4.0) * r.f * r.k / r.h;
    const double sbh = r.s_loc * r.b * r.h;
    double per_layer = 0.0;
    if (l.recompute == recompute::full) {
        per_layer = 2.0 * sbh / r.t_sp;
    } else {
        per_layer = r.sp ? sbh * (18.0 + c_f) / t : sbh * (10.0 + (8.0 + c_f) / t);
        if (l.recompute == recompute::none && !o.flash_attention) per_layer += 5.0 * m.heads * r.s_loc * r.s * r.b / t;
    }
    // The first stage holds the activations of min(m, p) micro-batches, x (1 + (p-1)/(p v)) with
    // interleaving (Korthikanti et al. 2022 sec. 4.2.3).
    const double in_flight = std::min<double>(m_micro, l.pp) * (l.vp > 1 ? 1.0 + (l.pp - 1.0) / (l.pp * l.vp) : 1.0);
    mem.activations_b = per_layer * r.layers_stage * in_flight;
    mem.total_b = mem.weights_b + mem.gradients_b + mem.optimizer_b + mem.activations_b;
    return mem;
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
    const double cluster_peak = c.count * r.peak;
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
    return s;
}

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
        else if (key == "sp") {
            if (value != "0" && value != "1")
                throw input_error(fmt::format("layout: expected 0 or 1 for sp, got \"{}\"", value));
            l.sequence_parallel = value == "1";
        } else if (key == "recompute") {
            if (value == "none") l.recompute = recompute::none;
            else if (value == "selective") l.recompute = recompute::selective;
            else if (value == "full") l.recompute = recompute::full;
            else throw input_error(fmt::format("layout: expected none, selective or full for recompute, got \"{}\"", value));
        } else {
            throw input_error(fmt::format("layout: unknown key \"{}\"; known: tp, pp, dp, cp, ep, vp, mb, sp, recompute", key));
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
    layer_compute(m, o, r, lt);
    layer_collectives(m, c, l, r, lt);
    const micro_times mt = micro_of(m, c, l, o, r, lt);

    // Pipeline: m micro-batches in steady state plus a bubble of (p-1)/v micro-batch times
    // (Narayanan et al. 2021 eq. 2 and sec. 2.2.2: bubble fraction (p-1)/(v m)).
    const double steady_s = m_micro * mt.total;
    const double bubble_s = (l.pp - 1.0) / l.vp * mt.total;

    // Data parallelism: gradients reduce-scattered and parameters all-gathered (distributed
    // optimizer), or gradients all-reduced; BF16 on the wire. Overlaps the backward pass of the last
    // micro-batch when overlap_dp (Narayanan et al. 2021 sec. 4; Llama 3 paper sec. 3.3.2).
    const double params_rank = params_per_rank(m, l, r);
    const link dp_link = group_link(c, l.dp, l.tp * l.cp * l.pp);
    const double grad_bytes = bf16_bytes * params_rank;
    const double dp_s = l.distributed_optimizer
                            ? reduce_scatter_s(grad_bytes, l.dp, dp_link) + all_gather_s(grad_bytes, l.dp, dp_link)
                            : all_reduce_s(grad_bytes, l.dp, dp_link);
    const double dp_window = o.overlap_dp ? mt.total : 0.0;
    const double dp_exposed = std::max(0.0, dp_s - dp_window);

    // Optimizer: Adam reads and writes FP32 master weights, two moments and the FP32 gradient
    // (4 x 4 B read, 3 x 4 B + 2 B written) over the shard it owns.
    const double opt_params = l.distributed_optimizer ? params_rank / l.dp : params_rank;
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
    out.dp_comm_s = dp_s;
    out.dp_exposed_s = dp_exposed;
    out.bubble_s = bubble_s;
    out.optimizer_s = optimizer_s;
    out.step_s = steady_s + bubble_s + dp_exposed + optimizer_s;
    set_flops(m, c, l, r, split.sequences, out);

    const memory_use mem = memory_of(m, l, o, r, params_rank, m_micro);
    out.memory = mem;
    const accelerator& a = c.accel;
    if (o.check_memory && mem.total_b > a.hbm_bytes)
        throw input_error(fmt::format(
            "training: layout {} needs {} per accelerator (weights {}, gradients {}, optimizer {}, activations {}), "
            "the {} has {}",
            to_string(l), gb(mem.total_b), gb(mem.weights_b), gb(mem.gradients_b), gb(mem.optimizer_b),
            gb(mem.activations_b), a.name, gb(a.hbm_bytes)));
    return out;
}

layout_search search_layout(const transformer& m, const cluster& c, const step_options& o) {
    if (c.count < 1) throw input_error(fmt::format("training: expected at least one accelerator, got {}", c.count));
    layout_search best;
    bool found = false;
    for (int tp = 1; tp <= std::max(1, c.scale_up_size) && tp <= c.count; tp *= 2) {
        if (m.heads % tp != 0 || c.count % tp != 0) continue;
        for (int pp = 1; pp <= std::min(m.layers, 128) && tp * pp <= c.count; ++pp) {
            if ((c.count / tp) % pp != 0) continue;
            const int dp = c.count / (tp * pp);
            for (int vp : {1, 2, 4, 8}) {
                if (vp > 1 && pp == 1) break;
                if (pp * vp > m.layers) break;
                for (int mb : {1, 2, 4}) {
                    for (recompute rc : {recompute::none, recompute::selective, recompute::full}) {
                        layout l;
                        l.tp = tp;
                        l.pp = pp;
                        l.dp = dp;
                        l.vp = vp;
                        l.micro_batch = mb;
                        l.recompute = rc;
                        try {
                            const step_breakdown st = training_step(m, c, l, o);
                            ++best.evaluated;
                            if (!found || st.step_s < best.step.step_s) {
                                best.best = l;
                                best.step = st;
                                found = true;
                            }
                        } catch (const input_error&) {
                            // does not fit or does not split: not a candidate
                        }
                    }
                }
            }
        }
    }
    if (!found)
        throw input_error(fmt::format("training: no layout of {} {} fits the model in memory and splits its batch",
                                      c.count, c.accel.name));
    return best;
}

}  // namespace kardashev::compute
