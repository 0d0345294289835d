// `kardashev view RUN_DIR`: serves a run folder, the globe page and CesiumJS over HTTP/1.1 on 127.0.0.1.

#include <csignal>
#include <cstdlib>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "kardashev/io/run_server.hpp"

#ifndef KD_WEB_DIR
#define KD_WEB_DIR "web"
#endif

namespace kardashev::apps {

namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void on_stop_signal(int /*signal*/) { g_stop = 1; }

struct view_args {
    std::string run_dir;
    int port = 8765;
    std::string web_dir;
    bool log = false;
};

int run_view(const view_args& a) {
    std::string web = a.web_dir;
    if (web.empty()) {
        const char* env = std::getenv("KARDASHEV_WEB_DIR");
        web = env != nullptr && *env != '\0' ? env : KD_WEB_DIR;
    }
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: poll returns EINTR
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    io::serve_run_folder(a.run_dir, web, a.port, a.log, [] { return g_stop != 0; });
    return exit_ok;
}

}  // namespace

void add_view_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<view_args>();
    auto* cmd = app.add_subcommand("view", "Serve a run folder's report and a 3-D globe of its scene on 127.0.0.1");
    cmd->add_option("run_dir", args->run_dir, "Run folder written by `kardashev run` (scene.czml, report.html)")->required();
    cmd->add_option("--port", args->port, "Port on 127.0.0.1; 0 picks a free one (default 8765)");
    cmd->add_option("--web-dir", args->web_dir,
                    fmt::format("The web/ folder holding globe/ and node_modules/cesium (default: $KARDASHEV_WEB_DIR, else {})",
                                KD_WEB_DIR));
    cmd->add_flag("--log", args->log, "Log each request (status and path) to stderr");
    cmd->footer("Serves / (the globe: CesiumJS with its offline Natural Earth II imagery, loading scene.czml), the run\n"
                "folder's files (/report.html, /scene.czml, ...) and /cesium/ (CesiumJS from web/node_modules, installed\n"
                "by tools/setup.sh). Stops on Ctrl-C or SIGTERM. Exit codes: 0 ok, 2 bad input, 1 internal failure.");
    cmd->callback([args, &exit_code] { exit_code = guarded([&] { return run_view(*args); }); });
}

}  // namespace kardashev::apps
