// `kardashev train`: training step time, utilisation, failures and wall time of one run.

#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/compute/training_plan.hpp"
#include "kardashev/io/training_report.hpp"
#include "kardashev/io/training_request.hpp"

namespace kardashev::apps {

namespace {

struct train_args {
    io::training_options options;
    bool json = false, explain = false;
};

int run_train(const train_args& args) {
    const compute::training_request request = io::training_request_of(args.options);
    const compute::training_plan plan = compute::plan_training(request);
    if (args.json) fmt::print("{}\n", io::training_json(request, plan, args.explain));
    else fmt::print("{}", io::training_text(request, plan, args.explain));
    return exit_ok;
}

}  // namespace

void add_train_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<train_args>();
    auto* cmd = app.add_subcommand("train", "Training time of one model on one cluster: step time, MFU, failures, checkpoints, wall time");
    cmd->add_option("--params", args->options.params, "Parameters, e.g. 405e9 (required)");
    cmd->add_option("--tokens", args->options.tokens, "Training tokens, e.g. 15.6e12 or \"15.6 Ttok\" (required)");
    cmd->add_option("--layers", args->options.layers, "Transformer layers (with --hidden and --heads; else a shape is derived from --params)");
    cmd->add_option("--hidden", args->options.hidden, "Model width");
    cmd->add_option("--heads", args->options.heads, "Attention heads");
    cmd->add_option("--kv-heads", args->options.kv_heads, "Key/value heads (default: --heads)");
    cmd->add_option("--ffn", args->options.ffn, "MLP width (default: 4 x hidden)");
    cmd->add_flag("--gelu", args->options.gelu, "Two-matrix GeLU MLP (GPT) instead of SwiGLU");
    cmd->add_option("--experts", args->options.experts, "Routed experts per MLP: a mixture of experts (default 1: dense)")->check(CLI::PositiveNumber);
    cmd->add_option("--top-k", args->options.top_k, "Routed experts each token visits (default 1)")->check(CLI::PositiveNumber);
    cmd->add_option("--shared-experts", args->options.shared_experts, "Experts every token visits besides the routed ones (default 0)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--seq", args->options.seq, "Sequence length (default 8192)");
    cmd->add_option("--vocab", args->options.vocab, "Vocabulary (default 128256)");
    cmd->add_option("--accelerator", args->options.accelerator, "Catalogue accelerator (default H100)");
    cmd->add_option("--count", args->options.count, "Accelerators (required), at most 1e8");
    cmd->add_option("--layout", args->options.layout, "Parallel layout, e.g. tp=8,pp=16,dp=64[,cp=,ep=,vp=,mb=,recompute=,sp=]");
    cmd->add_flag("--search", args->options.search, "Search for the fastest layout that fits in memory");
    cmd->add_option("--site", args->options.site, "ground (default), orbit or moon: radiation defaults and inter-satellite links");
    cmd->add_option("--set", args->options.sets, std::string("Override a model input, e.g. --set mtbf=50000h --set isl_bandwidth=100Gbps; keys: ") + io::training_set_keys);
    cmd->add_option("--seed", args->options.seed, "Seed of the failure Monte Carlo (default 1)");
    cmd->add_option("--trials", args->options.trials, "Monte Carlo trials (default 200, at most 100000)")->check(CLI::PositiveNumber);
    cmd->add_flag("--json", args->json, "Print JSON: flops, step_time_s, mfu, tokens_per_s, days_compute, days_wall, interruptions, "
                                        "checkpoint_interval_min, goodput, memory_gb_per_accelerator, layout, ...");
    cmd->add_flag("--explain", args->explain, "Break a step into compute, recompute, each collective, bubble and exposed communication");
    cmd->footer("Days of compute come from the step model (--layout or --search), from --set mfu=40% (C = 6 N D at a fixed MFU),\n"
                "or from --set achieved=\"140 TFLOP/s\" (Narayanan et al. 2021: 8 T P / (n X)). Wall time adds failures and\n"
                "checkpoints (Daly 2006), or divides by --set goodput=90%. Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    cmd->callback([args, &exit_code] { exit_code = guarded([&] { return run_train(*args); }); });
}

}  // namespace kardashev::apps
