#pragma once
// Runs `kardashev train ARGS --json` (the built CLI, KD_CLI_PATH) and returns its exit code, JSON and stderr.

#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace kd_test {

struct train_run {
    int code = -1;
    std::string out;
    std::string err;
    nlohmann::json json;
};

/// Runs the CLI with `args` (shell words) after `train`; parses stdout as JSON when it starts with '{'.
inline train_run kardashev_train(const std::string& args) {
    const auto o = kardashev::testing::run_cli("train " + args);
    train_run r{o.code, o.out, o.err, {}};
    if (!r.out.empty() && r.out[0] == '{') r.json = nlohmann::json::parse(r.out);
    return r;
}

}  // namespace kd_test
