#pragma once
// The kardashev command line: one function per subcommand, registered on the CLI11 app.

#include <CLI/CLI.hpp>

namespace kardashev::apps {

/// Exit codes: 0 ok, 2 bad input, 1 internal failure.
inline constexpr int exit_ok = 0;
inline constexpr int exit_internal = 1;
inline constexpr int exit_bad_input = 2;

/// Registers `run` and returns a callback that executes it after parsing.
void add_run_command(CLI::App& app, int& exit_code);
/// Registers `explain`.
void add_explain_command(CLI::App& app, int& exit_code);
/// Registers `report`.
void add_report_command(CLI::App& app, int& exit_code);
/// Registers `size`.
void add_size_command(CLI::App& app, int& exit_code);
/// Registers `train`.
void add_train_command(CLI::App& app, int& exit_code);

/// Registers `propagate`.
void add_propagate_command(CLI::App& app, int& exit_code);
/// Registers `eclipse`.
void add_eclipse_command(CLI::App& app, int& exit_code);
/// Registers `constellation` with its kinds walker, sso and cluster.
void add_constellation_command(CLI::App& app, int& exit_code);
/// Registers `network`.
void add_network_command(CLI::App& app, int& exit_code);
/// Registers `view`.
void add_view_command(CLI::App& app, int& exit_code);
/// Registers `plan`.
void add_plan_command(CLI::App& app, int& exit_code);

/// Registers `sweep`.
void add_sweep_command(CLI::App& app, int& exit_code);

/// Runs `fn`, mapping kardashev errors to messages on stderr and exit codes.
int guarded(const std::function<int()>& fn);

}  // namespace kardashev::apps
