// Distributions of sweep inputs: parsing with located errors, inverse CDFs and the scenario text of a value.
#include <gtest/gtest.h>

#include <cmath>

#include "kardashev/core/error.hpp"
#include "kardashev/study/distribution.hpp"

namespace {

using namespace kardashev::study;

std::string parse_error(const std::string& text) {
    try {
        parse_distribution(text);
    } catch (const kardashev::input_error& e) {
        return e.what();
    }
    return "";
}

TEST(distribution, uniform_keeps_its_unit_and_writes_values_back_in_it) {
    const auto d = parse_distribution("uniform(10%, 25%)");
    EXPECT_EQ(d.kind, distribution_kind::uniform);
    EXPECT_EQ(d.params, (std::vector<double>{10.0, 25.0}));
    EXPECT_EQ(d.unit, "%");
    EXPECT_EQ(value_text(d, 0.5), "17.5 %");
    EXPECT_DOUBLE_EQ(quantile(d, 0.0), 10.0);
}

TEST(distribution, units_with_spaces_and_bare_numbers) {
    EXPECT_EQ(value_text(parse_distribution("uniform(1000 USD/kg, 3000 USD/kg)"), 0.5), "2000 USD/kg");
    EXPECT_NEAR(quantile(parse_distribution("log_uniform(1000 USD/kg, 4000 USD/kg)"), 0.5), 2000.0, 1e-9);  // geometric mean
    EXPECT_EQ(value_text(parse_distribution("grid(1, 2, 4)"), 0.99), "4");
    EXPECT_EQ(value_text(parse_distribution("choice(H100, \"B200, SXM\")"), 0.7), "B200, SXM");
}

TEST(distribution, normal_quantiles_match_the_tables) {
    // Abramowitz & Stegun Table 26.5: Phi^-1(0.975) = 1.959963985, Phi^-1(0.999) = 3.090232306.
    EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-12);
    EXPECT_NEAR(normal_quantile(0.001), -3.090232306167814, 1e-12);
    EXPECT_NEAR(normal_quantile(1e-12), -7.034483825301131, 1e-9);
    const auto d = parse_distribution("normal(20 %, 2 %)");
    EXPECT_NEAR(quantile(d, 0.975), 20.0 + 2.0 * 1.959963984540054, 1e-10);
    const auto ln = parse_distribution("log_normal(100 t, 2)");
    EXPECT_NEAR(quantile(ln, normal_cdf(1.0)), 200.0, 1e-9);
}

TEST(distribution, triangular_inverse_cdf_puts_the_mode_at_its_share) {
    const auto d = parse_distribution("triangular(0, 2, 10)");
    EXPECT_NEAR(quantile(d, 0.2), 2.0, 1e-12);  // F(mode) = (mode - low) / (high - low)
    EXPECT_NEAR(quantile(d, 0.5), 10.0 - std::sqrt(0.5 * 10.0 * 8.0), 1e-12);
}

TEST(distribution, errors_name_the_column_and_what_was_expected) {
    EXPECT_EQ(parse_error("uniform(25%, 10%)"), "column 8: uniform(low, high): expected low < high");
    EXPECT_EQ(parse_error("uniform(10%, 25 USD)"), "column 14: expected the unit of the first value (\"%\"), got \"USD\"");
    EXPECT_EQ(parse_error("uniform(10%)"), "column 8: uniform takes 2 values, got 1");
    EXPECT_EQ(parse_error("uniform(ten, 25)"), "column 9: expected a number with its unit (e.g. \"10%\", \"2000 USD/kg\"), got \"ten\"");
    EXPECT_NE(parse_error("gaussian(1, 2)").find("expected a distribution"), std::string::npos);
    EXPECT_EQ(parse_error("log_normal(1 t, 2 t)"), "column 17: log_normal's factor is a bare number (the geometric sd)");
}

}  // namespace
