// What `kardashev train` prints of a training plan (io/training_report.hpp).

#include "kardashev/io/training_report.hpp"

#include <string>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kardashev::io {

namespace {

/// Memory per accelerator of the busiest stage, term by term [GB].
nlohmann::ordered_json memory_json(const compute::memory_use& m) {
    return {{"stage", m.stage},
            {"layers", m.layers},
            {"weights_gb", m.weights_b / 1e9},
            {"gradients_gb", m.gradients_b / 1e9},
            {"optimizer_gb", m.optimizer_b / 1e9},
            {"zero_buffers_gb", m.buffers_b / 1e9},
            {"activations_gb", m.activations_b / 1e9},
            {"logits_gb", m.logits_b / 1e9},
            {"total_gb", m.total_b / 1e9},
            {"layer_micro_batches_in_flight", m.in_flight},
            {"activations_per_layer_gb", m.per_layer_b / 1e9}};
}

/// The step's parts, each with its time [s] and share of the step, and the whole collectives.
nlohmann::ordered_json explain_json(const compute::training_plan& p) {
    const auto& step = *p.step;
    nlohmann::ordered_json e;
    for (const auto& part : p.parts) e[part.name] = {{"s", part.s}, {"share", part.s / step.step_s}};
    e["dp_comm_total"] = {{"s", step.dp_comm_s}, {"share", step.dp_comm_s / step.step_s}};
    e["tp_comm_total"] = {{"s", step.tp_comm_s}, {"share", step.tp_comm_s / step.step_s}};
    e["memory"] = memory_json(step.memory);
    return e;
}

nlohmann::ordered_json monte_carlo_json(const compute::training_request& r, const compute::reliability_spread& spread) {
    return {{"trials", spread.trials},
            {"seed", r.seed},
            {"days_wall_mean", spread.wall_mean_s / 86400.0},
            {"days_wall_std", spread.wall_std_s / 86400.0},
            {"days_wall_p10", spread.wall_p10_s / 86400.0},
            {"days_wall_p90", spread.wall_p90_s / 86400.0},
            {"interruptions_mean", spread.interruptions_mean},
            {"interruptions_std", spread.interruptions_std}};
}

/// The memory terms as `--explain` prints them.
std::string memory_text(const compute::memory_use& m) {
    std::string out = fmt::format("\n  memory per accelerator, stage {} ({:.2f} layers, {:.1f} layer-micro-batches in flight)\n",
                                  m.stage, m.layers, m.in_flight);
    const std::pair<const char*, double> terms[] = {{"weights", m.weights_b},     {"gradients", m.gradients_b},
                                                    {"optimizer", m.optimizer_b}, {"zero buffers", m.buffers_b},
                                                    {"activations", m.activations_b}, {"logits", m.logits_b},
                                                    {"total", m.total_b}};
    for (const auto& [name, bytes] : terms) out += fmt::format("  {:<18} {:>8.2f} GB\n", name, bytes / 1e9);
    return out;
}

}  // namespace

std::string training_json(const compute::training_request& r, const compute::training_plan& p, bool explain) {
    const auto& step = p.step;
    const auto& m = p.model;
    nlohmann::ordered_json j;
    j["flops"] = p.flops;
    j["step_time_s"] = step ? nlohmann::json(step->step_s) : nlohmann::json(nullptr);
    j["mfu"] = p.mfu;
    j["tokens_per_s"] = r.tokens / p.solve_s;
    j["days_compute"] = p.days_compute;
    j["days_wall"] = p.days_wall;
    j["interruptions"] = p.expected.interruptions;
    j["checkpoint_interval_min"] = p.expected.checkpoint_interval_s / 60.0;
    j["goodput"] = p.goodput;
    j["memory_gb_per_accelerator"] = step ? nlohmann::json(step->memory.total_b / 1e9) : nlohmann::json(nullptr);
    j["layout"] = p.chosen_layout ? nlohmann::json(compute::to_string(*p.chosen_layout)) : nlohmann::json(nullptr);
    j["hfu"] = step ? nlohmann::json(step->hfu) : nlohmann::json(nullptr);
    j["accelerator"] = p.wiring.accel.name;
    j["count"] = r.count;
    j["site"] = compute::to_string(r.site);
    j["model"] = {{"params", compute::parameter_count(m)}, {"layers", m.layers}, {"hidden", m.hidden}, {"heads", m.heads},
                  {"kv_heads", m.kv_heads > 0 ? m.kv_heads : m.heads}, {"ffn_hidden", m.ffn_hidden}, {"seq", m.seq}};
    j["system_mtbf_h"] = p.expected.system_mtbf_s / 3600.0;
    j["monte_carlo"] = monte_carlo_json(r, p.spread);
    if (r.search) j["layouts_evaluated"] = p.layouts_evaluated;
    if (step) j["spares"] = p.spares;
    if (step && explain) j["explain"] = explain_json(p);
    return j.dump(2);
}

std::string training_text(const compute::training_request& r, const compute::training_plan& p, bool explain) {
    const auto& m = p.model;
    const auto& step = p.step;
    std::string out = fmt::format("kardashev train: {:.3g} parameters x {:.3g} tokens on {} {} ({})\n", r.params, r.tokens,
                                  r.count, p.wiring.accel.name, compute::to_string(r.site));
    out += fmt::format("  model: {} layers, hidden {}, {} heads, sequence {}\n", m.layers, m.hidden, m.heads, m.seq);
    if (p.chosen_layout) out += fmt::format("  layout: {}{}\n", compute::to_string(*p.chosen_layout),
                                            p.spares > 0 ? fmt::format(" ({} spares)", p.spares) : std::string());
    out += fmt::format("  compute {:.3g} FLOP, MFU {:.1f} %, {:.3g} tokens/s\n", p.flops, 100.0 * p.mfu, r.tokens / p.solve_s);
    if (step) out += fmt::format("  step {:.3f} s, memory {:.1f} GB per accelerator\n", step->step_s, step->memory.total_b / 1e9);
    out += fmt::format("  {:.1f} days of compute, {:.1f} days wall (goodput {:.1f} %)\n", p.days_compute, p.days_wall,
                       100.0 * p.goodput);
    out += fmt::format("  {:.0f} interruptions expected (system MTBF {:.2f} h), checkpoint every {:.1f} min\n",
                       p.expected.interruptions, p.expected.system_mtbf_s / 3600.0, p.expected.checkpoint_interval_s / 60.0);
    out += fmt::format("  Monte Carlo ({} trials, seed {}): {:.1f} +- {:.1f} days wall, {:.0f} +- {:.0f} interruptions\n",
                       p.spread.trials, r.seed, p.spread.wall_mean_s / 86400.0, p.spread.wall_std_s / 86400.0,
                       p.spread.interruptions_mean, p.spread.interruptions_std);
    if (explain && step) {
        out += fmt::format("\n  {:<18} {:>10} {:>8}\n", "step breakdown", "s", "share");
        for (const auto& part : p.parts)
            out += fmt::format("  {:<18} {:>10.4f} {:>7.1f}%\n", part.name, part.s, 100.0 * part.s / step->step_s);
        out += fmt::format("  {:<18} {:>10.4f} {:>7.1f}%\n", "step", step->step_s, 100.0);
        out += fmt::format("  (all tp comm {:.4f} s; all dp comm {:.4f} s, of which {:.4f} s hidden behind the backward pass)\n",
                           step->tp_comm_s, step->dp_comm_s, step->dp_comm_s - step->dp_exposed_s);
        out += memory_text(step->memory);
    }
    return out;
}

}  // namespace kardashev::io
