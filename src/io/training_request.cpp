// The options of `kardashev train` -> compute::training_request: quantities with their units, --set keys, the shape.

#include "kardashev/io/training_request.hpp"

#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "kardashev/compute/parallel.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/limits.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/io/scenario_io.hpp"

namespace kardashev::io {

namespace {

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

const char* const known_keys =
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
std::optional<compute::transformer> shape_of(const training_options& args) {
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

}  // namespace

const char* const training_set_keys = known_keys;

compute::training_request training_request_of(const training_options& args) {
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

}  // namespace kardashev::io
