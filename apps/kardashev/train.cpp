// `kardashev train`: training step time, utilisation, failures and wall time of one run.

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "kardashev/compute/parallel.hpp"
#include "kardashev/compute/training_plan.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/limits.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/io/training_report.hpp"

namespace kardashev::apps {

namespace {

struct train_args {
    std::string params, tokens, accelerator = "H100", layout, site = "ground";
    int layers = 0, hidden = 0, heads = 0, kv_heads = 0, ffn = 0, seq = 8192, vocab = 128'256;
    int experts = 1, top_k = 1, shared_experts = 0;
    bool gelu = false;
    int count = -1;
    bool search = false, json = false, explain = false;
    std::vector<std::string> sets;
    std::uint64_t seed = 1;
    int trials = 200;
};

bool parse_bool(const std::string& key, const std::string& v) {
    if (v == "on" || v == "true" || v == "1") return true;
    if (v == "off" || v == "false" || v == "0") return false;
    throw input_error(fmt::format("--set {}: expected on or off, got \"{}\"", key, v));
}

/// A --set quantity: finite and non-negative, a duration within the time type (under 285 years).
double quantity(const std::string& key, const std::string& v, quantity_kind kind) {
    double q = 0.0;
    try {
        q = parse_quantity(v, kind);
    } catch (const input_error& e) {
        throw input_error(fmt::format("--set {}: {}", key, e.what()));
    }
    if (!std::isfinite(q) || q < 0.0) throw input_error(fmt::format("--set {}: expected a finite, non-negative value, got \"{}\"", key, v));
    if (kind == quantity_kind::time && q > 285.0 * 365.25 * 86'400.0)
        throw input_error(fmt::format("--set {}: expected a duration shorter than 285 years, got \"{}\"", key, v));
    return q;
}

/// --set batch: "2048 sequences" (or "seq") per optimizer step, or tokens with their unit ("16 Mtok", "16777216 tokens").
void set_batch(const std::string& v, compute::step_options& step) {
    const auto expected = fmt::format("--set batch: expected a batch in sequences or tokens with its unit "
                                      "(e.g. \"2048 sequences\" or \"16 Mtok\"), got \"{}\"", v);
    for (const char* unit : {"sequences", "sequence", "seq"}) {
        const std::string u = unit;
        if (v.size() > u.size() && v.compare(v.size() - u.size(), u.size(), u) == 0) {
            double n = 0.0;
            try {
                n = parse_quantity(v.substr(0, v.size() - u.size()), quantity_kind::count);
            } catch (const input_error&) {
                throw input_error(expected);
            }
            if (!(n >= 1.0)) throw input_error(expected);
            step.global_batch_sequences = n;
            return;
        }
    }
    try {
        (void)parse_quantity(v, quantity_kind::count);
    } catch (const input_error&) {
        step.global_batch_tokens = quantity("batch", v, quantity_kind::tokens);
        step.global_batch_sequences = 0.0;
        return;
    }
    throw input_error(expected);  // a bare number: sequences or tokens?
}

constexpr const char* known_keys =
    "mfu, goodput, achieved, recompute, batch, flash_attention, overlap_dp, tp_overlap, check_memory, mtbf, "
    "checkpoint_write, checkpoint_interval, restart, upset_rate, sdc_rate, sdc_detection, scale_up, scale_out, "
    "scale_out_latency, isl_bandwidth, isl_latency, satellite_size";

/// Applies each --set key=value to the request.
void apply_sets(const std::vector<std::string>& sets, compute::training_request& s) {
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
        } else if (k == "batch") set_batch(v, s.step);
        else if (k == "flash_attention") s.step.flash_attention = parse_bool(k, v);
        else if (k == "overlap_dp") s.step.overlap_dp = parse_bool(k, v);
        else if (k == "tp_overlap") s.step.tp_overlap = quantity(k, v, qk::dimensionless);
        else if (k == "check_memory") s.step.check_memory = parse_bool(k, v);
        else if (k == "mtbf") s.reliability.mtbf_s = quantity(k, v, qk::time);
        else if (k == "checkpoint_write") s.reliability.checkpoint_write_s = quantity(k, v, qk::time);
        else if (k == "checkpoint_interval") s.reliability.checkpoint_interval_s = quantity(k, v, qk::time);
        else if (k == "restart") s.reliability.restart_s = quantity(k, v, qk::time);
        else if (k == "upset_rate") s.upset_rate_per_s = quantity(k, v, qk::rate);
        else if (k == "sdc_rate") s.sdc_rate_per_s = quantity(k, v, qk::rate);
        else if (k == "sdc_detection") s.reliability.sdc_detection_s = quantity(k, v, qk::time);
        else if (k == "scale_up") s.scale_up_bytes_per_s = quantity(k, v, qk::data_rate);
        else if (k == "scale_out") s.scale_out_bytes_per_s = quantity(k, v, qk::data_rate);
        else if (k == "scale_out_latency") s.scale_out_latency_s = quantity(k, v, qk::time);
        else if (k == "isl_bandwidth") s.isl_bytes_per_s = quantity(k, v, qk::data_rate);
        else if (k == "isl_latency") s.isl_latency_s = quantity(k, v, qk::time);
        else if (k == "satellite_size") s.satellite_size = quantity(k, v, qk::count);
        else throw input_error(fmt::format("--set: unknown key \"{}\"; known: {}", k, known_keys));
    }
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

/// compute's one parser of site kinds, its message prefixed with the option.
compute::site_kind parse_site(const std::string& s) {
    try {
        return compute::site_kind_from_string(s);
    } catch (const input_error& e) {
        throw input_error(fmt::format("--{}", e.what()));
    }
}

const compute::accelerator& find_accelerator(const std::string& name) {
    std::string known;
    for (const auto& a : io::builtin_accelerators()) {
        if (a.name == name) return a;
        known += (known.empty() ? "" : ", ") + a.name;
    }
    throw input_error(fmt::format("--accelerator: unknown accelerator \"{}\"; known: {}", name, known));
}

/// The model shape given in full by --layers, --hidden and --heads; empty when none is given.
std::optional<compute::transformer> shape_of(const train_args& args) {
    if (args.layers <= 0 && args.hidden <= 0 && args.heads <= 0) return std::nullopt;
    if (args.layers <= 0 || args.hidden <= 0 || args.heads <= 0)
        throw input_error("--layers, --hidden and --heads: give all three or none");
    compute::transformer m;
    m.layers = args.layers;
    m.hidden = args.hidden;
    m.heads = args.heads;
    m.kv_heads = args.kv_heads;
    m.ffn_hidden = args.ffn;
    m.gated_mlp = !args.gelu;
    m.vocab = args.vocab;
    m.seq = args.seq;
    m.experts = args.experts;
    m.experts_per_token = args.top_k;
    m.shared_experts = args.shared_experts;
    return m;
}

compute::training_request request_of(const train_args& args) {
    if (args.count < 1) throw input_error(fmt::format("--count: expected at least one accelerator, got {}", args.count));
    limits::check("--count", args.count, limits::max_accelerators);
    limits::check("--trials", args.trials, limits::max_trials);
    if (args.params.empty()) throw input_error("--params: required (e.g. --params 405e9)");
    if (args.tokens.empty()) throw input_error("--tokens: required (e.g. --tokens 15.6e12)");
    if (args.search && !args.layout.empty()) throw input_error("--layout and --search exclude each other");
    compute::training_request r;
    r.params = count_or_tokens("--params", args.params);
    r.tokens = count_or_tokens("--tokens", args.tokens);
    apply_sets(args.sets, r);
    r.site = parse_site(args.site);
    r.shape = shape_of(args);
    r.seq = args.seq;
    r.vocab = args.vocab;
    r.accel = find_accelerator(args.accelerator);
    r.count = args.count;
    if (!args.layout.empty()) r.given_layout = compute::parse_layout(args.layout);
    r.search = args.search;
    r.seed = args.seed;
    r.trials = args.trials;
    return r;
}

int run_train(const train_args& args) {
    const compute::training_request request = request_of(args);
    const compute::training_plan plan = compute::plan_training(request);
    if (args.json) fmt::print("{}\n", io::training_json(request, plan, args.explain));
    else fmt::print("{}", io::training_text(request, plan, args.explain));
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
    cmd->add_option("--experts", args->experts, "Routed experts per MLP: a mixture of experts (default 1: dense)")->check(CLI::PositiveNumber);
    cmd->add_option("--top-k", args->top_k, "Routed experts each token visits (default 1)")->check(CLI::PositiveNumber);
    cmd->add_option("--shared-experts", args->shared_experts, "Experts every token visits besides the routed ones (default 0)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--seq", args->seq, "Sequence length (default 8192)");
    cmd->add_option("--vocab", args->vocab, "Vocabulary (default 128256)");
    cmd->add_option("--accelerator", args->accelerator, "Catalogue accelerator (default H100)");
    cmd->add_option("--count", args->count, "Accelerators (required), at most 1e8");
    cmd->add_option("--layout", args->layout, "Parallel layout, e.g. tp=8,pp=16,dp=64[,cp=,ep=,vp=,mb=,recompute=,sp=]");
    cmd->add_flag("--search", args->search, "Search for the fastest layout that fits in memory");
    cmd->add_option("--site", args->site, "ground (default), orbit or moon: radiation defaults and inter-satellite links");
    cmd->add_option("--set", args->sets, std::string("Override a model input, e.g. --set mtbf=50000h --set isl_bandwidth=100Gbps; keys: ") + known_keys);
    cmd->add_option("--seed", args->seed, "Seed of the failure Monte Carlo (default 1)");
    cmd->add_option("--trials", args->trials, "Monte Carlo trials (default 200, at most 100000)")->check(CLI::PositiveNumber);
    cmd->add_flag("--json", args->json, "Print JSON: flops, step_time_s, mfu, tokens_per_s, days_compute, days_wall, interruptions, "
                                        "checkpoint_interval_min, goodput, memory_gb_per_accelerator, layout, ...");
    cmd->add_flag("--explain", args->explain, "Break a step into compute, recompute, each collective, bubble and exposed communication");
    cmd->footer("Days of compute come from the step model (--layout or --search), from --set mfu=40% (C = 6 N D at a fixed MFU),\n"
                "or from --set achieved=\"140 TFLOP/s\" (Narayanan et al. 2021: 8 T P / (n X)). Wall time adds failures and\n"
                "checkpoints (Daly 2006), or divides by --set goodput=90%. Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    cmd->callback([args, &exit_code] { exit_code = guarded([&] { return run_train(*args); }); });
}

}  // namespace kardashev::apps
