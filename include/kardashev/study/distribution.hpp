#pragma once
/// Distributions of uncertain scenario inputs (docs/sweep.md "Inputs"): a value for each point u of [0, 1).
///
/// A distribution keeps its parameters as numbers in the unit the user wrote ("10%", "2000 USD/kg") and the
/// unit text; a sampled value goes back to the scenario as text in that unit ("17.25%"), through the same
/// `--set` path as any override, so the scenario reader checks it like a value typed by hand.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kardashev::study {

/// The shape of a distribution.
enum class distribution_kind : std::uint8_t { uniform, log_uniform, normal, log_normal, triangular, choice, grid };
/// The name as written in a sweep: "uniform", "log_uniform", "normal", "log_normal", "triangular", "choice", "grid".
std::string_view to_string(distribution_kind kind) noexcept;

/// One uncertain input's distribution.
struct distribution {
    distribution_kind kind = distribution_kind::uniform;
    /// uniform, log_uniform: (low, high); normal: (mean, sd); log_normal: (median, geometric sd > 1);
    /// triangular: (low, mode, high); grid: the values; choice: empty. In the unit `unit`.
    std::vector<double> params;
    std::vector<std::string> choices;  //!< choice: the values as YAML text (any scalar)
    std::string unit;                  //!< unit text after the numbers ("%", " USD/kg"); empty for bare numbers
    bool operator==(const distribution&) const = default;
};

/// Parses "uniform(10%, 25%)", "log_normal(2000 USD/kg, 1.5)", "choice(H100, B200)", "grid(1, 2, 4)".
/// Every number shares one unit (log_normal's factor is bare). Throws input_error "column N: message".
distribution parse_distribution(std::string_view text);

/// True for the distributions with a finite set of values (choice, grid).
bool is_discrete(const distribution& d) noexcept;
/// The number of values of a discrete distribution (0 for a continuous one).
std::size_t level_count(const distribution& d) noexcept;

/// The value at probability `u` in [0, 1) (the inverse CDF), in the distribution's unit; for a choice, the
/// index of the value chosen.
double quantile(const distribution& d, double u);

/// The scenario text of the value at `u`: the number in the shortest form that reads back exactly, then the
/// unit ("17.25%"); a choice's text as written.
std::string value_text(const distribution& d, double u);

/// The standard normal CDF.
double normal_cdf(double x) noexcept;
/// The standard normal quantile, for p in (0, 1).
double normal_quantile(double p) noexcept;

}  // namespace kardashev::study
