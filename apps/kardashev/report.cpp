// `kardashev report`: render a run folder's report.html again from its data files.

#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/io/atomic_file.hpp"
#include "kardashev/io/report.hpp"

namespace kardashev::apps {

void add_report_command(CLI::App& app, int& exit_code) {
    struct report_args {
        std::string run_dir;
        std::string out;
    };
    auto args = std::make_shared<report_args>();
    auto* cmd = app.add_subcommand("report", "Render a run folder's report.html again from its data files");
    cmd->add_option("run_dir", args->run_dir, "Run folder written by `kardashev run`")->required();
    cmd->add_option("--out", args->out, "File to write (default: RUN_DIR/report.html, replaced; \"-\" for standard output)");
    cmd->footer("Reads summary.json, timeseries.csv, events.csv and scenario.resolved.yaml and writes the same bytes\n"
                "`kardashev run` wrote. Exit codes: 0 ok, 2 a missing or malformed file (file:line: what was expected),\n"
                "1 internal failure.");
    cmd->callback([args, &exit_code] {
        exit_code = guarded([&] {
            const std::filesystem::path dir(args->run_dir);
            const std::string html = io::render_report(io::read_run_files(dir));
            const std::filesystem::path out = args->out.empty() ? dir / "report.html" : std::filesystem::path(args->out);
            io::atomic_file f(out, true);
            f.write(html);
            f.commit();
            if (args->out != "-") fmt::print("{}\n", out.string());
            return exit_ok;
        });
    });
}

}  // namespace kardashev::apps
