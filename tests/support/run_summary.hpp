#pragma once
// Test helper: summary.json of one `kardashev run` of the default scenario through the CLI.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace kardashev::testing {

/// summary.json of `kardashev run --quiet SETS --out DIR` (SETS: --set arguments, or empty); a failed run is a test
/// failure with its standard error.
inline nlohmann::json run_summary(const std::filesystem::path& dir, const std::string& sets) {
    const auto r = run_cli("run --quiet " + sets + " --out " + dir.string());
    EXPECT_EQ(r.code, 0) << r.err;
    return nlohmann::json::parse(slurp(dir / "summary.json"));
}

}  // namespace kardashev::testing
