// `kardashev run`: run a scenario and write its run folder.

#include <chrono>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/io/folder_swap.hpp"
#include "kardashev/io/run_folder.hpp"
#include "kardashev/io/run_summary.hpp"
#include "kardashev/io/scenario_io.hpp"
#include "kardashev/sim/engine.hpp"

namespace kardashev::apps {

namespace {

struct run_args {
    std::string scenario;
    std::string out;
    std::vector<std::string> sets;
    std::string seed;  //!< digits, 0 to 2^64 - 1: checked by the scenario reader
    bool quiet = false;
    bool force = false;
};

/// Default run folder: runs/NAME-YYYYmmdd-HHMMSS (NAME the scenario's name made safe, io::safe_folder_name; UTC of the wall clock), made unique with -2, -3...
std::filesystem::path default_out(const std::string& name) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    std::filesystem::path base = std::filesystem::path("runs") / fmt::format("{}-{}", io::safe_folder_name(name), stamp);
    std::filesystem::path p = base;
    for (int i = 2; std::filesystem::exists(p); ++i) p = base.string() + fmt::format("-{}", i);
    return p;
}

}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<run_args>();
    auto* cmd = app.add_subcommand("run", "Run a scenario (the embedded default when none is given) and write its run folder");
    cmd->add_option("scenario", args->scenario, "Scenario YAML file; omit to run the embedded default (scenarios/default.yaml)");
    cmd->add_option("--out", args->out, "Run folder to write (default: runs/NAME-TIMESTAMP); refuses an existing folder unless --force");
    cmd->add_option("--seed", args->seed, "Run seed, 0 to 18446744073709551615 (overrides the scenario's seed)");
    cmd->add_option("--set", args->sets, "Override a scenario key, e.g. --set training.mfu=45% --set sites[0].pue=1.1 (repeatable)");
    cmd->add_flag("--quiet,-q", args->quiet, "No progress bar");
    cmd->add_flag("--force", args->force, "Replace an existing run folder");
    cmd->footer("Writes summary.json, timeseries.csv, events.csv, scenario.resolved.yaml, report.html (charts and tables;\n"
                "`kardashev report` renders it again) and scene.czml (`kardashev view` shows it on a globe); the same\n"
                "scenario, seed and version give byte-identical files.\n"
                "A run beyond the Earth's surface, the world's launches or its electricity is printed with a warning on\n"
                "stderr (and under \"warnings\" in summary.json and events.csv); it still exits 0.\n"
                "Limits (docs/scenarios.md): at most 100000 steps, about 4 GB of series, an end by 2200-01-01.\n"
                "--force replaces only a run folder this program wrote; an interrupted run leaves nothing behind.\n"
                "Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    cmd->callback([args, &exit_code] {
        exit_code = guarded([&] {
            std::vector<io::override_kv> overrides = io::parse_overrides(args->sets);
            if (!args->seed.empty()) overrides.push_back({"seed", args->seed});
            const sim::scenario s = io::load_scenario_or_default(args->scenario, overrides);
            const std::filesystem::path out = args->out.empty() ? default_out(s.name) : io::output_path(args->out);
            io::check_output_folder(out, args->force, "run folder");
            const auto result = sim::run(s, {.progress = !args->quiet});
            io::write_run_folder(out, s, result, args->force);
            for (const auto& w : result.summary.warnings) fmt::print(stderr, "kardashev: warning: {}\n", w.message);
            fmt::print("{}", io::run_summary_text(s, result, out));
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
            const std::vector<io::override_kv> overrides = io::parse_overrides(args->sets);
            const sim::scenario s = io::load_scenario_or_default(args->scenario, overrides);
            fmt::print("{}", io::write_scenario_yaml(s));
            return exit_ok;
        });
    });
}

}  // namespace kardashev::apps
