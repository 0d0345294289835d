// `kardashev run`: run a scenario and write its run folder.

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/run_folder.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"

namespace kardashev::apps {

namespace {

struct run_args {
    std::string scenario;
    std::string out;
    std::vector<std::string> sets;
    std::int64_t seed = -1;
    bool quiet = false;
    bool force = false;
};

/// 1.23e12 -> "1.23 T"; plain numbers below a thousand.
std::string si_count(double v) {
    static const char* suffix[] = {"", " k", " M", " G", " T", " P", " E"};
    int i = 0;
    double x = v;
    while (std::fabs(x) >= 1000.0 && i < 6) {
        x /= 1000.0;
        ++i;
    }
    return fmt::format("{:.3g}{}", x, suffix[i]);
}

/// Default run folder: runs/NAME-YYYYmmdd-HHMMSS (UTC of the wall clock), made unique with -2, -3...
std::filesystem::path default_out(const std::string& name) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    std::filesystem::path base = std::filesystem::path("runs") / fmt::format("{}-{}", name, stamp);
    std::filesystem::path p = base;
    for (int i = 2; std::filesystem::exists(p); ++i) p = base.string() + fmt::format("-{}", i);
    return p;
}

void print_summary(const sim::scenario& s, const sim::run_result& r, const std::filesystem::path& out) {
    const auto& sum = r.summary;
    fmt::print("kardashev {}: scenario \"{}\", seed {}, {} steps of {} d from {}\n\n", KD_VERSION, s.name, s.seed,
               sum.steps, s.step.days(), s.start.to_utc_date());
    fmt::print("{:>4}  {:<10}  {:<10}  {:>10}  {:>10}  {:>10}  {:>7}  {:<9}\n", "gen", "trained", "deployed", "FLOP",
               "params", "tokens", "loss", "bound by");
    for (const auto& g : sum.generations) {
        fmt::print("{:>4}  {:<10}  {:<10}  {:>10}  {:>10}  {:>10}  {:>7.4f}  {:<9}\n", g.index,
                   (g.released - s.training.release_gap).to_utc_date(), g.released.to_utc_date(), fmt::format("{:.3g}", g.flop),
                   si_count(g.params), si_count(g.tokens), g.loss, sim::to_string(g.binding));
    }
    fmt::print("\nfleet at the end:");
    for (const auto& [name, units] : sum.final_fleet_units) fmt::print("  {} {}", name, si_count(units));
    fmt::print("\ncorpus at the end: {} unique tokens; {}B uploaded\n", si_count(sum.final_unique_tokens),
               si_count(sum.total_bytes_uploaded));
    fmt::print("costs: capex {} USD, energy {} USD, depreciation {} USD, {:.2f} USD per accelerator-hour\n",
               si_count(sum.total_capex_usd), si_count(sum.total_opex_usd), si_count(sum.total_depreciation_usd),
               sum.cost_per_accelerator_hour_usd);
    fmt::print("peak facility power {}W (Kardashev index {:.3f}); energy {}Wh\n", si_count(sum.peak_facility_power_w),
               sum.kardashev_index_peak, si_count(sum.total_energy_j / 3600.0));
    fmt::print("\n{:<18} {:<6} {:>12} {:>10} {:>12} {:>9} {:>9} {:>9}\n", "site", "kind", "accel-hours", "peak IT",
               "USD/acc-h", "kg/kW", "launches", "energy");
    for (const auto& st : sum.sites) {
        fmt::print("{:<18} {:<6} {:>12} {:>9}W {:>12.2f} {:>9} {:>9} {:>8}Wh\n", st.name, sim::to_string(st.kind), si_count(st.accelerator_hours),
                   si_count(st.peak_it_power_w), st.cost_per_accelerator_hour_usd,
                   st.has_design ? fmt::format("{:.1f}", st.kg_per_kw) : std::string("-"),
                   st.has_design ? fmt::format("{:.0f}", std::ceil(st.launches)) : std::string("-"), si_count(st.energy_j / 3600.0));
    }
    fmt::print("binding constraint, steps:");
    for (std::size_t i = 0; i < sim::constraint_count; ++i)
        fmt::print("  {} {}", sim::to_string(static_cast<sim::constraint>(i)), sum.binding_steps[i]);
    fmt::print("\n\nrun folder: {}\n", out.string());
}

}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<run_args>();
    auto* cmd = app.add_subcommand("run", "Run a scenario (the embedded default when none is given) and write its run folder");
    cmd->add_option("scenario", args->scenario, "Scenario YAML file; omit to run the embedded default (scenarios/default.yaml)");
    cmd->add_option("--out", args->out, "Run folder to write (default: runs/NAME-TIMESTAMP); refuses an existing folder unless --force");
    cmd->add_option("--seed", args->seed, "Run seed (overrides the scenario's seed)")->check(CLI::NonNegativeNumber);
    cmd->add_option("--set", args->sets, "Override a scenario key, e.g. --set training.mfu=45% --set sites[0].pue=1.1 (repeatable)");
    cmd->add_flag("--quiet,-q", args->quiet, "No progress bar");
    cmd->add_flag("--force", args->force, "Replace an existing run folder");
    cmd->footer("Writes summary.json, timeseries.csv, events.csv, scenario.resolved.yaml, report.html (charts and tables;\n"
                "`kardashev report` renders it again) and scene.czml (`kardashev view` shows it on a globe); the same\n"
                "scenario, seed and version give byte-identical files.\n"
                "Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    cmd->callback([args, &exit_code] {
        exit_code = guarded([&] {
            std::vector<io::override_kv> overrides;
            for (const auto& s : args->sets) overrides.push_back(io::parse_override(s));
            if (args->seed >= 0) overrides.push_back({"seed", std::to_string(args->seed)});
            const sim::scenario s = args->scenario.empty()
                                        ? io::load_scenario_text(io::default_scenario_text(), "<default>", overrides)
                                        : io::load_scenario_file(args->scenario, overrides);
            const std::filesystem::path out = args->out.empty() ? default_out(s.name) : std::filesystem::path(args->out);
            if (!args->force && std::filesystem::exists(out))
                throw input_error(fmt::format("{}: the run folder exists; choose another --out or pass --force to replace it",
                                              out.string()));
            const auto result = sim::run(s, {.progress = !args->quiet});
            io::write_run_folder(out, s, result, args->force);
            print_summary(s, result, out);
            return exit_ok;
        });
    });
}

void add_explain_command(CLI::App& app, int& exit_code) {
    struct explain_args {
        std::string scenario;
        std::vector<std::string> sets;
    };
    auto args = std::make_shared<explain_args>();
    auto* cmd = app.add_subcommand("explain", "Print the fully resolved scenario (every default filled in) as YAML");
    cmd->add_option("scenario", args->scenario, "Scenario YAML file; omit for the embedded default");
    cmd->add_option("--set", args->sets, "Override a scenario key, as for `run` (repeatable)");
    cmd->footer("The output loads again to the same scenario: `kardashev explain S > r.yaml && kardashev run r.yaml`.");
    cmd->callback([args, &exit_code] {
        exit_code = guarded([&] {
            std::vector<io::override_kv> overrides;
            for (const auto& s : args->sets) overrides.push_back(io::parse_override(s));
            const sim::scenario s = args->scenario.empty()
                                        ? io::load_scenario_text(io::default_scenario_text(), "<default>", overrides)
                                        : io::load_scenario_file(args->scenario, overrides);
            fmt::print("{}", io::write_scenario_yaml(s));
            return exit_ok;
        });
    });
}

}  // namespace kardashev::apps
