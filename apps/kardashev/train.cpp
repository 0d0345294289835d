// `kardashev train`: training step time, utilisation, failures and wall time of one run.

#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "kardashev/compute/parallel.hpp"
#include "kardashev/compute/reliability.hpp"
#include "kardashev/compute/training.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::apps {

namespace {

struct train_args {
    std::string params, tokens, accelerator = "H100", layout, site = "ground";
    int layers = 0, hidden = 0, heads = 0, kv_heads = 0, ffn = 0, seq = 8192, vocab = 128'256;
    bool gelu = false;
    int count = -1;
    bool search = false, json = false, explain = false;
    std::vector<std::string> sets;
    std::uint64_t seed = 1;
    int trials = 200;
};

/// The --set keys, what they measure, and what they set.
struct settings {
    std::optional<double> mfu, goodput, achieved_flops;
    std::optional<compute::recompute> recompute;
    compute::step_options step;
    compute::reliability_inputs rel;
    std::optional<double> upset_rate, sdc_rate;
    std::optional<double> scale_up_bw, scale_out_bw, scale_out_latency;
    std::optional<double> isl_bw, isl_latency, satellite_size;
};

bool parse_bool(const std::string& key, const std::string& v) {
    if (v == "on" || v == "true" || v == "1") return true;
    if (v == "off" || v == "false" || v == "0") return false;
    throw input_error(fmt::format("--set {}: expected on or off, got \"{}\"", key, v));
}

double quantity(const std::string& key, const std::string& v, quantity_kind kind) {
    try {
        return parse_quantity(v, kind);
    } catch (const input_error& e) {
        throw input_error(fmt::format("--set {}: {}", key, e.what()));
    }
}

constexpr const char* known_keys =
    "mfu, goodput, achieved, recompute, batch, flash_attention, overlap_dp, tp_overlap, check_memory, mtbf, "
    "checkpoint_write, checkpoint_interval, restart, upset_rate, sdc_rate, sdc_detection, scale_up, scale_out, "
    "scale_out_latency, isl_bandwidth, isl_latency, satellite_size";

settings parse_sets(const std::vector<std::string>& sets) {
    settings s;
    for (const auto& kv : sets) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos) throw input_error(fmt::format("--set: expected key=value, got \"{}\"", kv));
        const std::string k = kv.substr(0, eq);
        const std::string v = kv.substr(eq + 1);
        using qk = quantity_kind;
        if (k == "mfu") s.mfu = quantity(k, v, qk::dimensionless);
        else if (k == "goodput") s.goodput = quantity(k, v, qk::dimensionless);
        else if (k == "achieved") s.achieved_flops = quantity(k, v, qk::flop_rate);
        else if (k == "recompute") {
            if (v == "none") s.recompute = compute::recompute::none;
            else if (v == "selective") s.recompute = compute::recompute::selective;
            else if (v == "full") s.recompute = compute::recompute::full;
            else throw input_error(fmt::format("--set recompute: expected none, selective or full, got \"{}\"", v));
        } else if (k == "batch") s.step.global_batch_tokens = quantity(k, v, qk::count);
        else if (k == "flash_attention") s.step.flash_attention = parse_bool(k, v);
        else if (k == "overlap_dp") s.step.overlap_dp = parse_bool(k, v);
        else if (k == "tp_overlap") s.step.tp_overlap = quantity(k, v, qk::dimensionless);
        else if (k == "check_memory") s.step.check_memory = parse_bool(k, v);
        else if (k == "mtbf") s.rel.mtbf_s = quantity(k, v, qk::time);
        else if (k == "checkpoint_write") s.rel.checkpoint_write_s = quantity(k, v, qk::time);
        else if (k == "checkpoint_interval") s.rel.checkpoint_interval_s = quantity(k, v, qk::time);
        else if (k == "restart") s.rel.restart_s = quantity(k, v, qk::time);
        else if (k == "upset_rate") s.upset_rate = quantity(k, v, qk::rate);
        else if (k == "sdc_rate") s.sdc_rate = quantity(k, v, qk::rate);
        else if (k == "sdc_detection") s.rel.sdc_detection_s = quantity(k, v, qk::time);
        else if (k == "scale_up") s.scale_up_bw = quantity(k, v, qk::data_rate);
        else if (k == "scale_out") s.scale_out_bw = quantity(k, v, qk::data_rate);
        else if (k == "scale_out_latency") s.scale_out_latency = quantity(k, v, qk::time);
        else if (k == "isl_bandwidth") s.isl_bw = quantity(k, v, qk::data_rate);
        else if (k == "isl_latency") s.isl_latency = quantity(k, v, qk::time);
        else if (k == "satellite_size") s.satellite_size = quantity(k, v, qk::count);
        else throw input_error(fmt::format("--set: unknown key \"{}\"; known: {}", k, known_keys));
    }
    return s;
}

double count_or_tokens(const std::string& what, const std::string& text) {
    try {
        return parse_quantity(text, quantity_kind::count);
    } catch (const input_error&) {
        try {
            return parse_quantity(text, quantity_kind::tokens);
        } catch (const input_error& e) {
            throw input_error(fmt::format("{}: {}", what, e.what()));
        }
    }
}

compute::site_kind parse_site(const std::string& s) {
    if (s == "ground") return compute::site_kind::ground;
    if (s == "orbit") return compute::site_kind::orbit;
    if (s == "moon") return compute::site_kind::moon;
    throw input_error(fmt::format("--site: expected ground, orbit or moon, got \"{}\"", s));
}

const compute::accelerator& find_accelerator(const std::string& name) {
    std::string known;
    for (const auto& a : io::builtin_accelerators()) {
        if (a.name == name) return a;
        known += (known.empty() ? "" : ", ") + a.name;
    }
    throw input_error(fmt::format("--accelerator: unknown accelerator \"{}\"; known: {}", name, known));
}

int run_train(const train_args& args) {
    if (args.count < 1) throw input_error(fmt::format("--count: expected at least one accelerator, got {}", args.count));
    if (args.params.empty()) throw input_error("--params: required (e.g. --params 405e9)");
    if (args.tokens.empty()) throw input_error("--tokens: required (e.g. --tokens 15.6e12)");
    if (args.search && !args.layout.empty()) throw input_error("--layout and --search exclude each other");
    const double params_in = count_or_tokens("--params", args.params);
    const double tokens = count_or_tokens("--tokens", args.tokens);
    settings set = parse_sets(args.sets);
    const compute::site_kind site = parse_site(args.site);

    // Model shape: given in full, or derived from the parameter count.
    compute::transformer m;
    if (args.layers > 0 || args.hidden > 0 || args.heads > 0) {
        if (args.layers <= 0 || args.hidden <= 0 || args.heads <= 0)
            throw input_error("--layers, --hidden and --heads: give all three or none");
        m.layers = args.layers;
        m.hidden = args.hidden;
        m.heads = args.heads;
        m.kv_heads = args.kv_heads;
        m.ffn_hidden = args.ffn;
        m.gated_mlp = !args.gelu;
        m.vocab = args.vocab;
        m.seq = args.seq;
    } else {
        m = compute::shape_for(params_in, args.seq);
        m.vocab = args.vocab;
    }

    // Cluster: catalogue wiring, --set overrides, and for orbit/moon the inter-satellite links.
    compute::cluster c = compute::make_cluster(find_accelerator(args.accelerator), args.count);
    c.site = site;
    if (set.scale_up_bw) c.scale_up.bandwidth_bytes_per_s = *set.scale_up_bw;
    if (set.scale_out_bw) c.scale_out.bandwidth_bytes_per_s = *set.scale_out_bw;
    if (set.scale_out_latency) c.scale_out.latency_s = *set.scale_out_latency;
    if (site != compute::site_kind::ground) {
        // Defaults (docs/models/compute.md): one scale-up domain per satellite, 1.6 Tbps per
        // satellite (Suncatcher's bench figure for one transceiver pair), 1 us per hop.
        c.node_size = set.satellite_size ? static_cast<int>(*set.satellite_size) : c.scale_up_size;
        c.inter_node.bandwidth_bytes_per_s = set.isl_bw ? *set.isl_bw : 1.6e12 / 8.0;
        c.inter_node.latency_s = set.isl_latency ? *set.isl_latency : 1e-6;
        if (c.node_size < 1) throw input_error("--set satellite_size: expected at least one accelerator per satellite");
    } else if (set.isl_bw || set.isl_latency || set.satellite_size) {
        throw input_error("--set isl_bandwidth, isl_latency and satellite_size need --site orbit or moon");
    }

    nlohmann::ordered_json j;
    const double n = args.count;
    const double peak = c.accel.peak_flops_bf16;
    double days_compute = 0.0;
    std::optional<compute::step_breakdown> step;
    std::optional<compute::layout> lay;
    int evaluated = 0;
    const double flops = compute::training_flop(params_in, tokens);
    if (set.achieved_flops) {
        // Narayanan et al. 2021 sec. 5.1: t = 8 T P / (n X) with full recomputation, 6 T P / (n X) without.
        const double factor = set.recompute.value_or(compute::recompute::full) == compute::recompute::full ? 8.0 : 6.0;
        days_compute = factor * tokens * params_in / (n * *set.achieved_flops) / 86400.0;
    } else if (set.mfu) {
        days_compute = compute::training_time_s(flops, n, peak, *set.mfu) / 86400.0;
    } else {
        if (args.search) {
            auto found = compute::search_layout(m, c, set.step);
            lay = found.best;
            step = found.step;
            evaluated = found.evaluated;
        } else {
            if (args.layout.empty()) throw input_error("give --layout (e.g. tp=8,pp=16,dp=64), --search, or --set mfu=...");
            lay = compute::parse_layout(args.layout);
            if (set.recompute) lay->recompute = *set.recompute;
            step = compute::training_step(m, c, *lay, set.step);
        }
        days_compute = tokens / step->tokens_per_s / 86400.0;
    }

    // Reliability: failures, radiation upsets, checkpoints.
    compute::reliability_inputs rel = set.rel;
    rel.accelerators = n;
    const auto rad = compute::default_radiation(site);
    rel.upset_interrupt_rate_per_s = set.upset_rate.value_or(rad.upset_interrupt_rate_per_s);
    rel.sdc_rate_per_s = set.sdc_rate.value_or(rad.sdc_rate_per_s);
    const double solve_s = days_compute * 86400.0;
    const auto expected = compute::expected_reliability(rel, solve_s);
    const auto spread = compute::monte_carlo_reliability(rel, solve_s, args.trials, args.seed);
    const double goodput = set.goodput ? *set.goodput : expected.goodput;
    const double days_wall = set.goodput ? days_compute / *set.goodput : expected.wall_s / 86400.0;

    const double mfu = step ? step->mfu : set.mfu ? *set.mfu : flops / (n * peak * solve_s);
    j["flops"] = flops;
    j["step_time_s"] = step ? nlohmann::json(step->step_s) : nlohmann::json(nullptr);
    j["mfu"] = mfu;
    j["tokens_per_s"] = tokens / solve_s;
    j["days_compute"] = days_compute;
    j["days_wall"] = days_wall;
    j["interruptions"] = expected.interruptions;
    j["checkpoint_interval_min"] = expected.checkpoint_interval_s / 60.0;
    j["goodput"] = goodput;
    j["memory_gb_per_accelerator"] = step ? nlohmann::json(step->memory.total_b / 1e9) : nlohmann::json(nullptr);
    j["layout"] = lay ? nlohmann::json(compute::to_string(*lay)) : nlohmann::json(nullptr);
    j["hfu"] = step ? nlohmann::json(step->hfu) : nlohmann::json(nullptr);
    j["accelerator"] = c.accel.name;
    j["count"] = args.count;
    j["site"] = compute::to_string(site);
    j["model"] = {{"params", compute::parameter_count(m)}, {"layers", m.layers}, {"hidden", m.hidden}, {"heads", m.heads},
                  {"kv_heads", m.kv_heads > 0 ? m.kv_heads : m.heads}, {"ffn_hidden", m.ffn_hidden}, {"seq", m.seq}};
    j["system_mtbf_h"] = expected.system_mtbf_s / 3600.0;
    j["monte_carlo"] = {{"trials", spread.trials},         {"seed", args.seed},
                        {"days_wall_mean", spread.wall_mean_s / 86400.0}, {"days_wall_std", spread.wall_std_s / 86400.0},
                        {"days_wall_p10", spread.wall_p10_s / 86400.0},   {"days_wall_p90", spread.wall_p90_s / 86400.0},
                        {"interruptions_mean", spread.interruptions_mean}, {"interruptions_std", spread.interruptions_std}};
    if (args.search) j["layouts_evaluated"] = evaluated;

    struct part {
        const char* name;
        double s;
    };
    std::vector<part> parts;
    if (step) {
        parts = {{"compute", step->compute_s - step->recompute_s},
                 {"recompute", step->recompute_s},
                 {"tp_comm", step->tp_exposed_s},
                 {"cp_comm", step->cp_comm_s},
                 {"ep_comm", step->ep_comm_s},
                 {"pp_comm", step->pp_comm_s},
                 {"bubble", step->bubble_s},
                 {"dp_comm_exposed", step->dp_exposed_s},
                 {"optimizer", step->optimizer_s}};
        if (args.explain) {
            nlohmann::ordered_json e;
            for (const auto& p : parts) e[p.name] = {{"s", p.s}, {"share", p.s / step->step_s}};
            e["dp_comm_total"] = {{"s", step->dp_comm_s}, {"share", step->dp_comm_s / step->step_s}};
            e["tp_comm_total"] = {{"s", step->tp_comm_s}, {"share", step->tp_comm_s / step->step_s}};
            j["explain"] = e;
        }
    }

    if (args.json) {
        fmt::print("{}\n", j.dump(2));
        return exit_ok;
    }
    fmt::print("kardashev train: {:.3g} parameters x {:.3g} tokens on {} {} ({})\n", params_in, tokens, args.count,
               c.accel.name, compute::to_string(site));
    fmt::print("  model: {} layers, hidden {}, {} heads, sequence {}\n", m.layers, m.hidden, m.heads, m.seq);
    if (lay) fmt::print("  layout: {}\n", compute::to_string(*lay));
    fmt::print("  compute {:.3g} FLOP, MFU {:.1f} %, {:.3g} tokens/s\n", flops, 100.0 * mfu, tokens / solve_s);
    if (step)
        fmt::print("  step {:.3f} s, memory {:.1f} GB per accelerator\n", step->step_s, step->memory.total_b / 1e9);
    fmt::print("  {:.1f} days of compute, {:.1f} days wall (goodput {:.1f} %)\n", days_compute, days_wall, 100.0 * goodput);
    fmt::print("  {:.0f} interruptions expected (system MTBF {:.2f} h), checkpoint every {:.1f} min\n",
               expected.interruptions, expected.system_mtbf_s / 3600.0, expected.checkpoint_interval_s / 60.0);
    fmt::print("  Monte Carlo ({} trials, seed {}): {:.1f} +- {:.1f} days wall, {:.0f} +- {:.0f} interruptions\n",
               spread.trials, args.seed, spread.wall_mean_s / 86400.0, spread.wall_std_s / 86400.0,
               spread.interruptions_mean, spread.interruptions_std);
    if (args.explain && step) {
        fmt::print("\n  {:<18} {:>10} {:>8}\n", "step breakdown", "s", "share");
        for (const auto& p : parts) fmt::print("  {:<18} {:>10.4f} {:>7.1f}%\n", p.name, p.s, 100.0 * p.s / step->step_s);
        fmt::print("  {:<18} {:>10.4f} {:>7.1f}%\n", "step", step->step_s, 100.0);
        fmt::print("  (all tp comm {:.4f} s; all dp comm {:.4f} s, of which {:.4f} s hidden behind the backward pass)\n",
                   step->tp_comm_s, step->dp_comm_s, step->dp_comm_s - step->dp_exposed_s);
    }
    return exit_ok;
}

}  // namespace

void add_train_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<train_args>();
    auto* cmd = app.add_subcommand("train", "Training time of one model on one cluster: step time, MFU, failures, checkpoints, wall time");
    cmd->add_option("--params", args->params, "Parameters, e.g. 405e9 (required)");
    cmd->add_option("--tokens", args->tokens, "Training tokens, e.g. 15.6e12 or \"15.6 Ttok\" (required)");
    cmd->add_option("--layers", args->layers, "Transformer layers (with --hidden and --heads; else a shape is derived from --params)");
    cmd->add_option("--hidden", args->hidden, "Model width");
    cmd->add_option("--heads", args->heads, "Attention heads");
    cmd->add_option("--kv-heads", args->kv_heads, "Key/value heads (default: --heads)");
    cmd->add_option("--ffn", args->ffn, "MLP width (default: 4 x hidden)");
    cmd->add_flag("--gelu", args->gelu, "Two-matrix GeLU MLP (GPT) instead of SwiGLU");
    cmd->add_option("--seq", args->seq, "Sequence length (default 8192)");
    cmd->add_option("--vocab", args->vocab, "Vocabulary (default 128256)");
    cmd->add_option("--accelerator", args->accelerator, "Catalogue accelerator (default H100)");
    cmd->add_option("--count", args->count, "Accelerators (required)");
    cmd->add_option("--layout", args->layout, "Parallel layout, e.g. tp=8,pp=16,dp=64[,cp=,ep=,vp=,mb=,recompute=,sp=]");
    cmd->add_flag("--search", args->search, "Search for the fastest layout that fits in memory");
    cmd->add_option("--site", args->site, "ground (default), orbit or moon: radiation defaults and inter-satellite links");
    cmd->add_option("--set", args->sets, std::string("Override a model input, e.g. --set mtbf=50000h --set isl_bandwidth=100Gbps; keys: ") + known_keys);
    cmd->add_option("--seed", args->seed, "Seed of the failure Monte Carlo (default 1)");
    cmd->add_option("--trials", args->trials, "Monte Carlo trials (default 200)")->check(CLI::PositiveNumber);
    cmd->add_flag("--json", args->json, "Print JSON: flops, step_time_s, mfu, tokens_per_s, days_compute, days_wall, interruptions, "
                                        "checkpoint_interval_min, goodput, memory_gb_per_accelerator, layout, ...");
    cmd->add_flag("--explain", args->explain, "Break a step into compute, recompute, each collective, bubble and exposed communication");
    cmd->footer("Days of compute come from the step model (--layout or --search), from --set mfu=40% (C = 6 N D at a fixed MFU),\n"
                "or from --set achieved=\"140 TFLOP/s\" (Narayanan et al. 2021: 8 T P / (n X)). Wall time adds failures and\n"
                "checkpoints (Daly 2006), or divides by --set goodput=90%. Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    cmd->callback([args, &exit_code] { exit_code = guarded([&] { return run_train(*args); }); });
}

}  // namespace kardashev::apps
