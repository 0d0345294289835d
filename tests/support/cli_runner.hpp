#pragma once
// Test helper: runs the kardashev command (KD_CLI_PATH) with shell words and captures its exit code and output.

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace kardashev::testing {

/// Exit code, standard output and standard error of one run.
struct cli_outcome {
    int code = -1;
    std::string out;
    std::string err;
};

/// The whole content of a file ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

/// A fresh empty folder under the temporary directory, unique to this process and `name`.
inline std::filesystem::path temp_root(const std::string& name) {
    const auto p = std::filesystem::temp_directory_path() / ("kd_cli_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(p);
    std::filesystem::create_directories(p);
    return p;
}

/// Runs `kardashev ARGS` through the shell (ARGS are shell words), capturing stdout and stderr.
inline cli_outcome run_cli(const std::string& args) {
    static int n = 0;
    const auto dir = std::filesystem::temp_directory_path() / ("kd_cli_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto out = dir / ("out" + std::to_string(n));
    const auto err = dir / ("err" + std::to_string(n++));
    const std::string cmd = std::string(KD_CLI_PATH) + " " + args + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    cli_outcome o;
    o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    o.out = slurp(out);
    o.err = slurp(err);
    return o;
}

}  // namespace kardashev::testing
