#pragma once
// The linear programme as the plan builds it (private to plan): columns, rows tagged with what they stand for, and
// the call into COIN-OR CLP that solves it.

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "kardashev/plan/plan.hpp"

namespace kardashev::plan::detail {

inline constexpr double lp_inf = std::numeric_limits<double>::infinity();

/// What a row stands for: its kind, period, site (-1: company-wide), step (-1: the whole period) and the scenario key
/// its limit comes from.
struct row_tag {
    row_kind kind = row_kind::budget;
    int period = 0;
    int site = -1;
    int step = -1;
    std::string location;
};

/// What a column stands for.
enum class column_kind : std::uint8_t { buy, hall, power, elastic };

/// A column's meaning: the site and period it buys for, and for a power block its source.
struct column_tag {
    column_kind kind = column_kind::buy;
    int site = -1;
    int period = 0;
    energy::plant_kind source = energy::plant_kind::grid;
};

/// A linear programme: maximise (or minimise) c.x over lower <= A x <= upper, x >= 0 (up to col_upper).
struct lp_model {
    bool maximise = true;
    std::vector<double> objective, col_upper;
    std::vector<column_tag> columns;
    std::vector<double> row_lower, row_upper;
    std::vector<row_tag> rows;
    std::vector<int> entry_row, entry_col;  // the matrix as triplets
    std::vector<double> entry_value;

    /// Adds a column x >= 0 (at most `upper`) with objective coefficient `cost`; returns its index.
    int add_column(double cost, column_tag tag, double upper = lp_inf);
    /// Adds a row lower <= sum(value x[col]) <= upper; returns its index. Zero coefficients are dropped.
    int add_row(const std::vector<std::pair<int, double>>& entries, double lower, double upper, row_tag tag);
    [[nodiscard]] int row_count() const noexcept { return static_cast<int>(rows.size()); }
    [[nodiscard]] int column_count() const noexcept { return static_cast<int>(columns.size()); }
};

/// How a solve ended.
enum class lp_status : std::uint8_t { optimal, infeasible, unbounded, failed };

/// A solve: the primal values, the row activities and each row's dual as d(objective)/d(its active bound), in the
/// objective's own sense (for a maximisation, the gain per unit of limit); for an unbounded problem, the ray.
struct lp_solution {
    lp_status status = lp_status::failed;
    double objective = 0.0;
    std::vector<double> x, activity, dual, ray;
};

/// Solves `model` with CLP's dual simplex (primal when it reports unboundedness, for the ray).
[[nodiscard]] lp_solution solve_lp(const lp_model& model);

}  // namespace kardashev::plan::detail
