// Infeasible and unbounded plans explained (docs/plan.md "When there is no plan").
#include "diagnose.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace kardashev::plan::detail {

namespace {

/// A constraint as the user names it: its kind, site and scenario key.
using family = std::tuple<row_kind, int, std::string>;

/// "economy.capex_budget", or "sites[1].power_plant (colossus-2)".
std::string family_name(const sim::scenario& input, const family& f) {
    const auto& [kind, site, location] = f;
    if (site < 0) return location;
    return fmt::format("{} ({})", location, input.sites[static_cast<std::size_t>(site)].name);
}

/// "2026" or "2026-2030" from the first and last period labels.
std::string period_span(const step_grid& grid, const std::set<int>& periods) {
    const auto& first = grid.periods[static_cast<std::size_t>(*periods.begin())].label;
    const auto& last = grid.periods[static_cast<std::size_t>(*periods.rbegin())].label;
    return first == last ? first : first + "-" + last;
}

/// The unit a row's limit is in.
std::string_view limit_unit(row_kind kind) {
    switch (kind) {
        case row_kind::budget: return "USD";
        case row_kind::launch: return "kg to LEO";
        case row_kind::power:
        case row_kind::facility: return "W";
        case row_kind::lunar:
        case row_kind::chips: return "accelerators";
        case row_kind::target: return "FLOP";
    }
    return "";
}

}  // namespace

std::string infeasible_message(const sim::scenario& input, const plan_lp& lp, const step_grid& grid) {
    lp_model elastic = lp.model;
    elastic.maximise = false;
    std::fill(elastic.objective.begin(), elastic.objective.end(), 0.0);
    std::vector<int> stretch(static_cast<std::size_t>(elastic.row_count()), -1);
    std::vector<double> size(static_cast<std::size_t>(elastic.row_count()), 1.0);
    for (int i = 0; i < lp.model.row_count(); ++i) {
        if (lp.model.rows[i].kind == row_kind::facility) continue;  // halls are the plan's to build
        const bool lower = std::isfinite(lp.model.row_lower[i]);
        const double limit = lower ? lp.model.row_lower[i] : lp.model.row_upper[i];
        // The stretch in units of the limit's own size: a relative measure across USD, kg, W and FLOP, and values CLP
        // holds (a FLOP target's own units pass its 1e20 bound).
        size[i] = std::max(1.0, std::abs(limit));
        stretch[i] = elastic.add_column(1.0, {column_kind::elastic, -1, 0});
        elastic.entry_row.push_back(i);
        elastic.entry_col.push_back(stretch[i]);
        elastic.entry_value.push_back(lower ? size[i] : -size[i]);
    }
    const auto relaxed = solve_lp(elastic);
    std::map<family, std::pair<std::set<int>, double>> stretched, holding;
    if (relaxed.status == lp_status::optimal) {
        for (int i = 0; i < lp.model.row_count(); ++i) {
            if (stretch[i] < 0) continue;
            const auto& tag = lp.model.rows[i];
            const bool stretched_row = relaxed.x[stretch[i]] > 1e-9;
            // A row the relaxation holds at its limit with a price: loosening it would shrink the stretch.
            const bool holds = std::abs(relaxed.dual[i]) > 1e-12;
            if (!stretched_row && !holds) continue;
            auto& entry = (stretched_row ? stretched : holding)[{tag.kind, tag.site, tag.location}];
            entry.first.insert(tag.period);
            if (stretched_row) entry.second = std::max(entry.second, relaxed.x[stretch[i]] * size[i]);
        }
    }
    std::string message = "plan: infeasible: no build-out meets every constraint; these conflict:";
    for (const auto& [f, periods] : stretched)
        message += fmt::format("\n  {} ({}) in {}: short by up to {:.4g} {}", family_name(input, f),
                               to_string(std::get<0>(f)), period_span(grid, periods.first), periods.second,
                               limit_unit(std::get<0>(f)));
    for (const auto& [f, periods] : holding)
        if (!stretched.contains(f))
            message += fmt::format("\n  {} ({}) in {}: at its limit", family_name(input, f), to_string(std::get<0>(f)),
                                   period_span(grid, periods.first));
    if (stretched.empty()) message += "\n  (the elastic relaxation found none: the solver reports it infeasible)";
    return message;
}

std::string unbounded_message(const sim::scenario& input, const plan_lp& lp, const lp_solution& solution,
                              const step_grid& grid) {
    bool any_budget = false, any_launch = false;
    for (const auto& tag : lp.model.rows) {
        any_budget = any_budget || tag.kind == row_kind::budget;
        any_launch = any_launch || tag.kind == row_kind::launch;
    }
    std::map<int, std::set<int>> along;  // site -> periods on the ray
    for (int c = 0; c < lp.model.column_count(); ++c) {
        const bool on_ray = solution.ray.empty() ? lp.model.objective[c] * (lp.model.maximise ? 1 : -1) > 0.0
                                                 : std::abs(solution.ray[c]) > 1e-12;
        const auto& tag = lp.model.columns[c];
        if (on_ray && tag.kind == column_kind::buy) along[tag.site].insert(tag.period);
    }
    std::string message = "plan: unbounded: nothing limits how much the plan buys:";
    for (const auto& [site, periods] : along) {
        const auto& where = input.sites[static_cast<std::size_t>(site)];
        std::vector<std::string> missing;
        if (!any_budget) missing.emplace_back("economy.capex_budget");
        if (where.kind != sim::site_kind::ground && !any_launch) missing.emplace_back("launch.launchers");
        if (where.kind == sim::site_kind::ground || !where.power_capacity_w.empty())
            missing.push_back(fmt::format("sites[{}].power_capacity or power_plant", site));
        if (where.kind == sim::site_kind::moon) missing.push_back(fmt::format("sites[{}].moon.industry", site));
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
        message += fmt::format("\n  sites[{}] ({}) in {}: give {}", site, where.name, period_span(grid, periods), list);
    }
    return message;
}

}  // namespace kardashev::plan::detail
