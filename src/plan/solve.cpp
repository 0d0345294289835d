// The planner's driver (docs/plan.md): terms, the LP, CLP, the learning prices re-solved until they follow the plan's
// own launches, and the result with its shadow prices.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "build.hpp"
#include "diagnose.hpp"
#include "kardashev/core/error.hpp"
#include "kardashev/plan/plan.hpp"
#include "prices.hpp"

namespace kardashev::plan {

namespace {

using namespace detail;

/// Checks the options against the scenario; returns the date compute is counted to.
epoch checked_by(const sim::scenario& input, const plan_options& options) {
    const epoch end = input.start + input.length;
    const epoch by = options.by.value_or(end);
    if (by <= input.start || by > end)
        throw input_error(fmt::format("plan: --by {}: expected a date after the scenario's start {} and by its end {}",
                                      by.to_utc_date(), input.start.to_utc_date(), end.to_utc_date()));
    if (options.period_months != 12 && options.period_months != 3)
        throw input_error(fmt::format("plan: period: expected 12 (years) or 3 (quarters) months, got {}",
                                      options.period_months));
    if (options.objective == objective_kind::weighted && !(options.flop_per_usd > 0.0))
        throw input_error("plan: --objective weighted needs --weight FLOP/USD, a positive figure");
    return by;
}

/// The plan's own mass launched and spacecraft built in each step [kg].
void own_mass(const plan_lp& lp, const lp_solution& solution, int steps, std::vector<double>& leo_kg,
              std::vector<double>& spacecraft_kg) {
    leo_kg.assign(static_cast<std::size_t>(steps), 0.0);
    spacecraft_kg.assign(static_cast<std::size_t>(steps), 0.0);
    for (int c = 0; c < lp.model.column_count(); ++c) {
        if (lp.profile_of[c] < 0 || !(solution.x[c] > 0.0)) continue;
        const auto& prof = lp.buy_profile[static_cast<std::size_t>(lp.profile_of[c])];
        for (std::size_t k = 0; k < prof.leo_kg.size(); ++k) {
            leo_kg[prof.first + k] += solution.x[c] * prof.leo_kg[k];
            spacecraft_kg[prof.first + k] += solution.x[c] * prof.spacecraft_kg[k];
        }
    }
}

/// What each site does in each period, and the schedule of accelerators in service.
void fill_build(const plan_terms& terms, const plan_lp& lp, const lp_solution& solution, plan_result& out) {
    const auto& grid = terms.grid;
    const int steps = grid.steps();
    out.sites.assign(terms.sites.size(), std::vector<site_period>(static_cast<std::size_t>(grid.period_count())));
    out.in_service.assign(terms.sites.size(), std::vector<double>(static_cast<std::size_t>(steps), 0.0));
    std::vector<std::vector<double>> peak(out.in_service), it_w(out.in_service);
    for (std::size_t s = 0; s < terms.sites.size(); ++s) {
        const auto& base = lp.initial[s];
        for (int j = 0; j < steps; ++j) {
            out.in_service[s][j] = base.count[j];
            peak[s][j] = base.peak_flops[j];
            it_w[s][j] = base.it_w[j];
        }
    }
    for (int c = 0; c < lp.model.column_count(); ++c) {
        const auto& tag = lp.model.columns[c];
        const double x = solution.x[c];
        auto& cell = out.sites[static_cast<std::size_t>(tag.site)][static_cast<std::size_t>(tag.period)];
        cell.spend_usd += x * lp.column_usd[c];
        out.spend_usd += x * lp.column_usd[c];
        out.discounted_spend_usd += x * lp.column_discounted_usd[c];
        if (tag.kind == column_kind::hall) cell.hall_built_w = x;
        if (tag.kind == column_kind::power && x > 0.0) out.power_orders.push_back({tag.site, tag.period, tag.source, x});
        if (tag.kind != column_kind::buy) continue;
        const auto& prof = lp.buy_profile[static_cast<std::size_t>(lp.profile_of[c])];
        cell.bought = x;
        for (double kg : prof.leo_kg) cell.launched_kg += x * kg;
        out.effective_flop += x * prof.flop;
        for (std::size_t k = 0; k < prof.count.size(); ++k) {
            out.in_service[tag.site][prof.first + k] += x * prof.count[k];
            peak[tag.site][prof.first + k] += x * prof.peak_flops[k];
            it_w[tag.site][prof.first + k] += x * prof.it_w[k];
        }
    }
    out.effective_flop += lp.objective_constant;
    for (std::size_t s = 0; s < terms.sites.size(); ++s)
        for (int p = 0; p < grid.period_count(); ++p) {
            const int last = grid.end[p] - 1;
            // The LP's tolerance leaves counts of -1e-15 where none remain: reported as zero.
            out.sites[s][p].in_service_end = std::max(0.0, out.in_service[s][last]);
            out.sites[s][p].peak_flops_end = std::max(0.0, peak[s][last]);
            out.sites[s][p].it_power_end_w = std::max(0.0, it_w[s][last]);
        }
}

/// Solves the LP of `terms`; throws the diagnosis when it has no optimum.
lp_solution solve_or_explain(const sim::scenario& input, const plan_lp& lp, const step_grid& grid) {
    auto solution = solve_lp(lp.model);
    switch (solution.status) {
        case lp_status::optimal: return solution;
        case lp_status::infeasible: throw input_error(infeasible_message(input, lp, grid));
        case lp_status::unbounded: throw input_error(unbounded_message(input, lp, solution, grid));
        case lp_status::failed: break;
    }
    throw error("plan: CLP stopped without an optimum (numerical trouble or its iteration limit)");
}

}  // namespace

std::string_view to_string(objective_kind kind) noexcept {
    switch (kind) {
        case objective_kind::compute: return "compute";
        case objective_kind::cost: return "cost";
        case objective_kind::weighted: return "weighted";
    }
    return "?";
}

objective_kind objective_kind_from_string(std::string_view text) {
    for (auto k : {objective_kind::compute, objective_kind::cost, objective_kind::weighted})
        if (to_string(k) == text) return k;
    throw input_error(fmt::format("plan: --objective: expected compute, cost or weighted, got \"{}\"", text));
}

std::string_view to_string(row_kind kind) noexcept {
    switch (kind) {
        case row_kind::budget: return "budget";
        case row_kind::launch: return "launch";
        case row_kind::power: return "power";
        case row_kind::facility: return "facility";
        case row_kind::lunar: return "lunar";
        case row_kind::chips: return "chips";
        case row_kind::target: return "target";
    }
    return "?";
}

plan_result solve_plan(const sim::scenario& input, const plan_options& options) {
    plan_result out;
    out.options = options;
    out.by = checked_by(input, options);
    auto terms = make_terms(input, options, make_grid(input, options.period_months, out.by));
    plan_lp lp;
    lp_solution solution;
    std::vector<double> leo_kg, spacecraft_kg;
    for (int iteration = 0; iteration < std::max(1, options.price_iterations); ++iteration) {
        lp = build_lp(input, options, terms);
        solution = solve_or_explain(input, lp, terms.grid);
        ++out.solves;
        own_mass(lp, solution, terms.grid.steps(), leo_kg, spacecraft_kg);
        auto repriced = terms;
        out.price_change = reprice(input, leo_kg, spacecraft_kg, repriced);
        if (options.progress)
            fmt::print(stderr, "plan: solve {}: {} rows, {} columns; launch price moved {:.2g}\n", out.solves,
                       lp.model.row_count(), lp.model.column_count(), out.price_change);
        if (out.price_change < 1e-9) break;
        if (iteration + 1 < std::max(1, options.price_iterations)) terms = std::move(repriced);
    }
    out.size = {lp.model.row_count(), lp.model.column_count(), static_cast<int>(lp.model.entry_value.size())};
    out.periods = terms.grid.periods;
    out.step_starts = terms.grid.starts;
    fill_build(terms, lp, solution, out);
    out.objective = options.objective == objective_kind::cost       ? out.discounted_spend_usd
                    : options.objective == objective_kind::weighted ? out.effective_flop - options.flop_per_usd * out.discounted_spend_usd
                                                                    : out.effective_flop;
    out.objective_unit = options.objective == objective_kind::cost ? "USD (discounted)"
                         : options.effective                      ? "FLOP (effective)"
                                                                  : "FLOP";
    out.prices = shadow_prices(input, terms, lp, solution);
    return out;
}

}  // namespace kardashev::plan
