// The plan's linear programme and its solve by COIN-OR CLP (ClpSimplex, CoinPackedMatrix; docs/plan.md "Solver").
#include "lp_model.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include <ClpSimplex.hpp>
#include <ClpSolve.hpp>
#include <CoinPackedMatrix.hpp>

namespace kardashev::plan::detail {

int lp_model::add_column(double cost, column_tag tag, double upper) {
    objective.push_back(cost);
    col_upper.push_back(upper);
    columns.push_back(tag);
    return column_count() - 1;
}

int lp_model::add_row(const std::vector<std::pair<int, double>>& entries, double lower, double upper, row_tag tag) {
    const int row = row_count();
    for (const auto& [col, value] : entries) {
        if (value == 0.0) continue;
        entry_row.push_back(row);
        entry_col.push_back(col);
        entry_value.push_back(value);
    }
    row_lower.push_back(lower);
    row_upper.push_back(upper);
    rows.push_back(std::move(tag));
    return row;
}

namespace {

/// CLP's large bound stands for infinity.
double clp_bound(double v) { return std::isinf(v) ? (v > 0 ? COIN_DBL_MAX : -COIN_DBL_MAX) : v; }

/// Each row's factor, 1 / its largest coefficient: CLP refuses elements beyond 1e20, and the compute target's are
/// FLOP per accelerator (~1e22 and more).
std::vector<double> row_factors(const lp_model& model) {
    std::vector<double> largest(static_cast<std::size_t>(model.row_count()), 0.0);
    for (std::size_t e = 0; e < model.entry_value.size(); ++e)
        largest[model.entry_row[e]] = std::max(largest[model.entry_row[e]], std::abs(model.entry_value[e]));
    for (double& f : largest) f = f > 0.0 ? 1.0 / f : 1.0;
    return largest;
}

/// Loads `model` into `clp`, each row multiplied by `factor`, minimising: a maximisation's objective is negated.
void load(const lp_model& model, const std::vector<double>& factor, ClpSimplex& clp) {
    const int n = model.column_count(), m = model.row_count();
    std::vector<double> values(model.entry_value);
    for (std::size_t e = 0; e < values.size(); ++e) values[e] *= factor[model.entry_row[e]];
    CoinPackedMatrix matrix(true, model.entry_row.data(), model.entry_col.data(), values.data(),
                            static_cast<CoinBigIndex>(values.size()));
    matrix.setDimensions(m, n);
    std::vector<double> lower(n, 0.0), upper(n), cost(n), row_lo(m), row_up(m);
    const double sense = model.maximise ? -1.0 : 1.0;
    for (int j = 0; j < n; ++j) {
        upper[j] = clp_bound(model.col_upper[j]);
        cost[j] = sense * model.objective[j];
    }
    for (int i = 0; i < m; ++i) {
        row_lo[i] = clp_bound(model.row_lower[i] * factor[i]);
        row_up[i] = clp_bound(model.row_upper[i] * factor[i]);
    }
    clp.loadProblem(matrix, lower.data(), upper.data(), cost.data(), row_lo.data(), row_up.data());
}

}  // namespace

lp_solution solve_lp(const lp_model& model) {
    const auto factor = row_factors(model);
    ClpSimplex clp;
    clp.setLogLevel(0);
    load(model, factor, clp);
    clp.scaling(3);  // geometric then equilibrium: the plan mixes USD, W, kg and FLOP
    ClpSolve automatic;  // presolve, then the simplex CLP judges best: the terawatt plan in ~0.05 s against 4 s of dual
    clp.initialSolve(automatic);
    lp_solution out;
    const double sense = model.maximise ? -1.0 : 1.0;
    if (clp.status() != 0) {
        // No optimum: solve again without presolve so that the status is the simplex's own and a ray comes with it.
        clp.setLogLevel(0);
        load(model, factor, clp);
        clp.dual();
        if (clp.status() == 2) {  // dual infeasible: primal for the ray
            clp.setInfeasibilityCost(1e10);
            clp.primal();
        }
    }
    switch (clp.status()) {
        case 0: out.status = lp_status::optimal; break;
        case 1: out.status = lp_status::infeasible; break;
        case 2: out.status = lp_status::unbounded; break;
        default: out.status = lp_status::failed; break;
    }
    const int n = model.column_count(), m = model.row_count();
    if (out.status == lp_status::unbounded) {
        std::unique_ptr<double[]> ray(clp.unboundedRay());
        if (ray) out.ray.assign(ray.get(), ray.get() + n);
        return out;
    }
    if (out.status != lp_status::optimal) return out;
    out.objective = sense * clp.objectiveValue();
    out.x.assign(clp.primalColumnSolution(), clp.primalColumnSolution() + n);
    out.activity.resize(m);
    out.dual.resize(m);
    const double* activity = clp.primalRowSolution();
    const double* dual = clp.dualRowSolution();
    for (int i = 0; i < m; ++i) {
        out.activity[i] = activity[i] / factor[i];  // back to the row's own units
        out.dual[i] = sense * dual[i] * factor[i];
    }
    return out;
}

}  // namespace kardashev::plan::detail
