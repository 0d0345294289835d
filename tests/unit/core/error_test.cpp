// Error types and compiler-style diagnostics (src/core/error.cpp, STYLE.md "Errors").
#include "kardashev/core/error.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <type_traits>

namespace kardashev {
namespace {

TEST(error, diagnostic_reads_file_line_column_key_message) {
    const diagnostic d{"scenarios/leo.yaml", 42, 17, "sites[1].radiator.area", "expected a positive area, got \"-3 m2\""};
    EXPECT_EQ(d.to_string(),
              "scenarios/leo.yaml:42:17: sites[1].radiator.area: expected a positive area, got \"-3 m2\"");
}

TEST(error, diagnostic_leaves_out_unknown_column_line_and_key) {
    EXPECT_EQ((diagnostic{"a.yaml", 3, 0, "pue", "bad"}).to_string(), "a.yaml:3: pue: bad");
    EXPECT_EQ((diagnostic{"a.yaml", 0, 0, "pue", "bad"}).to_string(), "a.yaml: pue: bad");
    EXPECT_EQ((diagnostic{"a.yaml", 0, 5, "pue", "bad"}).to_string(), "a.yaml: pue: bad");
    EXPECT_EQ((diagnostic{"a.yaml", 7, 2, "", "bad"}).to_string(), "a.yaml:7:2: bad");
    EXPECT_EQ((diagnostic{"<--set>", 0, 0, "", "bad"}).to_string(), "<--set>: bad");
    EXPECT_EQ((diagnostic{"", 0, 0, "", "bad"}).to_string(), "bad");
}

TEST(error, scenario_error_joins_every_diagnostic_in_order) {
    const std::vector<diagnostic> ds = {
        {"s.yaml", 1, 1, "name", "expected a string"},
        {"s.yaml", 9, 3, "sites[0].pue", "expected a number"},
    };
    const scenario_error e(ds);
    EXPECT_EQ(std::string(e.what()), "s.yaml:1:1: name: expected a string\ns.yaml:9:3: sites[0].pue: expected a number");
    EXPECT_EQ(e.diagnostics(), ds);
}

TEST(error, every_error_derives_from_kardashev_error) {
    static_assert(std::is_base_of_v<std::runtime_error, error>);
    static_assert(std::is_base_of_v<error, input_error>);
    static_assert(std::is_base_of_v<error, scenario_error>);
    static_assert(std::is_base_of_v<error, domain_error>);
    EXPECT_THROW(throw domain_error("outside"), error);
}

}  // namespace
}  // namespace kardashev
