// kardashev: a simulator and planner for AI infrastructure from the ground to the Moon.

#include <cstdio>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/core/error.hpp"

namespace kardashev::apps {

int guarded(const std::function<int()>& fn) {
    try {
        return fn();
    } catch (const scenario_error& e) {
        for (const auto& d : e.diagnostics()) fmt::print(stderr, "{}\n", d.to_string());
        fmt::print(stderr, "kardashev: {} error{} in the scenario\n", e.diagnostics().size(),
                   e.diagnostics().size() == 1 ? "" : "s");
        return exit_bad_input;
    } catch (const input_error& e) {
        fmt::print(stderr, "kardashev: error: {}\n", e.what());
        return exit_bad_input;
    } catch (const domain_error& e) {
        fmt::print(stderr, "kardashev: error: outside a model's range: {}\n", e.what());
        return exit_bad_input;
    } catch (const std::exception& e) {
        fmt::print(stderr, "kardashev: internal error: {}\n", e.what());
        return exit_internal;
    }
}

}  // namespace kardashev::apps

int main(int argc, char** argv) {
    using namespace kardashev::apps;
    CLI::App app{"kardashev: a simulator and planner for AI infrastructure, from the ground to the Moon.\n"
                 "Runs scenarios of a company whose fleet collects the data that trains its models,\n"
                 "on compute whose power, cost and limits come from published models."};
    app.name("kardashev");
    app.set_version_flag("--version", fmt::format("kardashev {}", KD_VERSION), "Print the version and exit");
    app.require_subcommand(1);
    app.footer("Run `kardashev COMMAND --help` for a command's options. Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    int exit_code = exit_ok;
    add_run_command(app, exit_code);
    add_explain_command(app, exit_code);
    add_report_command(app, exit_code);
    add_propagate_command(app, exit_code);
    add_eclipse_command(app, exit_code);
    add_constellation_command(app, exit_code);
    add_network_command(app, exit_code);
    add_size_command(app, exit_code);
    add_train_command(app, exit_code);
    add_view_command(app, exit_code);
    add_plan_command(app, exit_code);
    add_sweep_command(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_bad_input;
    }
    return exit_code;
}
