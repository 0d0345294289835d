#pragma once
// Runs `kardashev train ARGS --json` (the built CLI, KD_CLI_PATH) and returns its exit code, JSON and stderr.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

namespace kd_test {

struct train_run {
    int code = -1;
    std::string out;
    std::string err;
    nlohmann::json json;
};

inline std::string slurp_file(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

/// Runs the CLI with `args` (shell words) after `train`; parses stdout as JSON when it starts with '{'.
inline train_run kardashev_train(const std::string& args) {
    static int n = 0;
    const auto dir = std::filesystem::temp_directory_path() / ("kd_train_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto out = dir / ("out" + std::to_string(n));
    const auto err = dir / ("err" + std::to_string(n++));
    const std::string cmd = std::string(KD_CLI_PATH) + " train " + args + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    train_run r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp_file(out);
    r.err = slurp_file(err);
    if (!r.out.empty() && r.out[0] == '{') r.json = nlohmann::json::parse(r.out);
    return r;
}

}  // namespace kd_test
