// `kardashev plan`: the build-out that maximises compute (or minimises cost) within a scenario's limits, with the
// shadow price of every constraint (docs/plan.md).

#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/core/units.hpp"
#include "kardashev/io/folder_swap.hpp"
#include "kardashev/io/plan_folder.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/plan/plan.hpp"

namespace kardashev::apps {

namespace {

struct plan_args {
    std::string scenario;
    std::string objective = "compute";
    std::string by;
    std::string target;
    std::string weight;
    std::string discount;
    std::string out;
    std::vector<std::string> sets;
    bool quarters = false;
    bool physical = false;
    bool no_power_builds = false;
    bool json = false;
    bool quiet = false;
    bool force = false;
};

/// The planner's options from the command line; quantities through the scenario language's units.
plan::plan_options options_from(const plan_args& args) {
    return io::plan_options_of({args.objective, args.by, args.target, args.weight, args.discount, args.quarters,
                                args.physical, args.no_power_builds, !args.quiet && !args.json});
}

}  // namespace

void add_plan_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<plan_args>();
    auto* cmd = app.add_subcommand("plan", "Plan the build-out that maximises compute (or minimises cost) within the scenario's "
                                           "money, launches, power and lunar industry");
    cmd->add_option("scenario", args->scenario, "Scenario YAML file; omit for the embedded default");
    cmd->add_option("--objective", args->objective, "compute (most effective FLOP by --by), cost (least discounted spend "
                                                    "for --target) or weighted (FLOP - --weight x USD)");
    cmd->add_option("--by", args->by, "Date compute is counted to, e.g. 2035-01-01 (default: the scenario's end)");
    cmd->add_option("--target", args->target, "Effective FLOP to deliver by --by (cost), e.g. 1e30");
    cmd->add_option("--weight", args->weight, "FLOP one discounted USD is worth (weighted), e.g. 1e18");
    cmd->add_option("--discount-rate", args->discount, "Discount rate per year, e.g. 8% (default: economy.cost_of_capital)");
    cmd->add_flag("--quarters", args->quarters, "Quarterly periods instead of years");
    cmd->add_flag("--physical", args->physical, "Count physical FLOP, without the algorithmic-progress multiplier");
    cmd->add_flag("--no-power-builds", args->no_power_builds, "Ground sites get only the power blocks the scenario orders");
    cmd->add_option("--out", args->out, "Plan folder to write: plan.json, plan.yaml, report.html");
    cmd->add_option("--set", args->sets, "Override a scenario key, as for `run` (repeatable)");
    cmd->add_flag("--json", args->json, "Print plan.json on stdout instead of the summary");
    cmd->add_flag("--quiet,-q", args->quiet, "No progress lines");
    cmd->add_flag("--force", args->force, "Replace an existing plan folder");
    cmd->footer("The plan is a linear programme over the scenario's periods and sites solved by COIN-OR CLP (docs/plan.md).\n"
                "plan.yaml is the scenario with the plan as its build-out: `kardashev run plan.yaml` simulates it.\n"
                "An infeasible plan names the constraints that conflict; an unbounded one the limit it lacks.\n"
                "Exit codes: 0 ok, 2 bad input or no plan, 1 internal failure.");
    cmd->callback([args, &exit_code] {
        exit_code = guarded([&] {
            const std::vector<io::override_kv> overrides = io::parse_overrides(args->sets);
            const sim::scenario s = io::load_scenario_or_default(args->scenario, overrides);
            const auto options = options_from(*args);
            const std::filesystem::path out = args->out.empty() ? std::filesystem::path{} : io::output_path(args->out);
            if (!out.empty()) io::check_output_folder(out, args->force, "plan folder");  // before the solve, not after
            const auto result = plan::solve_plan(s, options);
            if (!out.empty()) io::write_plan_folder(out, s, result, args->force);
            fmt::print("{}", args->json ? io::plan_json(s, result) : io::plan_summary_text(s, result));
            return exit_ok;
        });
    });
}

}  // namespace kardashev::apps
