// One training run planned end to end (compute/training_plan.hpp).

#include "kardashev/compute/training_plan.hpp"

#include "kardashev/compute/training.hpp"
#include "kardashev/core/error.hpp"

namespace kardashev::compute {

namespace {

/// The model: given in full, or derived from the parameter count.
transformer model_of(const training_request& r) {
    if (r.shape) return *r.shape;
    transformer m = shape_for(r.params, r.seq);
    m.vocab = r.vocab;
    return m;
}

/// The catalogue's wiring with the request's overrides, and for orbit or moon the inter-satellite links.
cluster cluster_of(const training_request& r) {
    cluster c = make_cluster(r.accel, r.count);
    c.site = r.site;
    if (r.scale_up_bytes_per_s) c.scale_up.bandwidth_bytes_per_s = *r.scale_up_bytes_per_s;
    if (r.scale_out_bytes_per_s) c.scale_out.bandwidth_bytes_per_s = *r.scale_out_bytes_per_s;
    if (r.scale_out_latency_s) c.scale_out.latency_s = *r.scale_out_latency_s;
    if (r.site != site_kind::ground) {
        // Defaults (docs/models/compute.md): one scale-up domain per satellite, 1.6 Tbps per
        // satellite (Suncatcher's bench figure for one transceiver pair), 1 us per hop.
        c.node_size = r.satellite_size ? static_cast<int>(*r.satellite_size) : c.scale_up_size;
        c.inter_node.bandwidth_bytes_per_s = r.isl_bytes_per_s ? *r.isl_bytes_per_s : 1.6e12 / 8.0;
        c.inter_node.latency_s = r.isl_latency_s ? *r.isl_latency_s : 1e-6;
        if (c.node_size < 1) throw input_error("--set satellite_size: expected at least one accelerator per satellite");
    } else if (r.isl_bytes_per_s || r.isl_latency_s || r.satellite_size) {
        throw input_error("--set isl_bandwidth, isl_latency and satellite_size need --site orbit or moon");
    }
    return c;
}

/// Days of compute: from achieved FLOP/s, a fixed MFU, or the step model of a searched or given layout.
void time_compute(const training_request& r, training_plan& p) {
    const double n = r.count;
    if (r.achieved_flops) {
        // Narayanan et al. 2021 sec. 5.1: t = 8 T P / (n X) with full recomputation, 6 T P / (n X) without.
        const double factor = r.recompute.value_or(recompute::full) == recompute::full ? 8.0 : 6.0;
        p.days_compute = factor * r.tokens * r.params / (n * *r.achieved_flops) / 86400.0;
        return;
    }
    if (r.mfu) {
        p.days_compute = training_time_s(p.flops, n, p.wiring.accel.peak_flops_bf16, *r.mfu) / 86400.0;
        return;
    }
    if (r.search) {
        const auto found = search_layout(p.model, p.wiring, r.step);
        p.chosen_layout = found.best;
        p.step = found.step;
        p.layouts_evaluated = found.evaluated;
    } else {
        if (!r.given_layout) throw input_error("give --layout (e.g. tp=8,pp=16,dp=64), --search, or --set mfu=...");
        p.chosen_layout = *r.given_layout;
        if (r.recompute) p.chosen_layout->recompute = *r.recompute;
        p.step = training_step(p.model, p.wiring, *p.chosen_layout, r.step);
    }
    p.spares = r.count - p.step->accelerators;
    p.days_compute = r.tokens / p.step->tokens_per_s / 86400.0;
}

std::vector<step_part> parts_of(const step_breakdown& s) {
    return {{"compute", s.compute_s - s.recompute_s},
            {"recompute", s.recompute_s},
            {"tp_comm", s.tp_exposed_s},
            {"cp_comm", s.cp_comm_s},
            {"ep_comm", s.ep_comm_s},
            {"pp_comm", s.pp_comm_s},
            {"bubble", s.bubble_s},
            {"dp_comm_exposed", s.dp_exposed_s},
            {"optimizer", s.optimizer_s}};
}

}  // namespace

training_plan plan_training(const training_request& r) {
    training_plan p;
    p.model = model_of(r);
    p.wiring = cluster_of(r);
    // C = 6 N D with N the parameters a token activates (all of them for a dense model).
    const bool moe = p.model.experts > 1;
    p.flops = training_flop(moe ? active_parameter_count(p.model) : r.params, r.tokens);
    time_compute(r, p);

    // Reliability: failures, radiation upsets, checkpoints.
    reliability_inputs rel = r.reliability;
    rel.accelerators = r.count;
    // The recovery model's replicas and spares are the layout's (an elastic job drops one of its dp replicas;
    // the accelerators the layout leaves unused stand by as hot spares unless the request names a number).
    if (p.chosen_layout) rel.recovery.dp = p.chosen_layout->dp;
    if (rel.recovery.hot_spares <= 0.0) rel.recovery.hot_spares = p.spares;
    const auto rad = default_radiation(r.site);
    rel.upset_interrupt_rate_per_s = r.upset_rate_per_s.value_or(rad.upset_interrupt_rate_per_s);
    rel.sdc_rate_per_s = r.sdc_rate_per_s.value_or(rad.sdc_rate_per_s);
    p.solve_s = p.days_compute * 86400.0;
    p.expected = expected_reliability(rel, p.solve_s);
    p.spread = monte_carlo_reliability(rel, p.solve_s, r.trials, r.seed);
    p.goodput = r.goodput ? *r.goodput : p.expected.goodput;
    p.days_wall = r.goodput ? p.days_compute / *r.goodput : p.expected.wall_s / 86400.0;

    const double peak = p.wiring.accel.peak_flops_bf16;
    p.mfu = p.step ? p.step->mfu : r.mfu ? *r.mfu : p.flops / (r.count * peak * p.solve_s);
    if (p.step) p.parts = parts_of(*p.step);
    return p;
}

}  // namespace kardashev::compute
